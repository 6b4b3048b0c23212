/** 固本强基进展情况月报表（一）（二）, 安溪县 (seed 002, 附件3–4) and 晋江市 (seed 003, 附件4–5) editions. */
import { atMost, baseYear, group, leaf, since, splitNotes, STANDARD_HEADER, sum } from "./build";
import { ENFORCEMENT_RELATIONS, ENTERPRISE_WORDING, enforcementGroup } from "./enforcement";
import type { RowType, TemplateInput } from "./schema";

interface Edition {
  slug: "anxi" | "jinjiang";
  issuer: string;
  seed: string;
  annexes: [string, string];
  annualDeadline: string;
  rows: [RowType, RowType];
  notes1: string;
  notes2: string;
}

const EDITIONS: Edition[] = [
  {
    slug: "anxi",
    issuer: "安溪县",
    seed: "002",
    annexes: ["附件3", "附件4"],
    annualDeadline: "2025-01-08",
    rows: [
      { key: "county-dept", label: "县直单位", aliases: ["县直部门"] },
      { key: "township", label: "乡镇", aliases: ["乡镇（街道）", "乡镇(街道)", "乡镇街道"] },
    ],
    notes1:
      "注：1.各填报单位按照各自所属的单位类型进行填报；2.县直单位填报的数据只填报本单位直接监管的企业固本强基进展情况；3.填报的数据应包含本辖区各领域的数据；4.自评企业指未经定级（达标）评审，只完成内部自评的企业；5.地标指的是泉州市本级地方标准，统一按不分级达标统计；6.事业单位生产经营规模参照我县“三类企业”进行划分，具体由县级行业主管（监管）部门确定；7.企业数量以2023年企业底数为基数据实补缺补漏填报，创建提升数量、标杆数量填写2021年8月以来累计数，其余的填写2024年1月以来累计数；8.表格不应有空白处，若无则应填写0；9.每月3日前上报上一个月固本强基进展情况。",
    notes2:
      "注：1.各填报单位按照各自所属的单位类型进行填报；2.县直单位填报的数据只填报本单位直接监管的企业数据，）填报的数据应包含本辖区各领域数据；3.落实“一企一策”数量一栏当中除自查隐患数量以及整改隐患数量外，各项数据从2021年8月份开始累计填报；落实“一企一策”数量一栏中自查隐患数量以及整改隐患数量、企业优化完善“四项规范”、执法激励约束等数据填报2024年1月以来累计数；4.四色安全风险分级动态监管指的是对企业安全生产状况进行整体评估，按照“红、橙、黄、蓝”确定企业整体安全风险等级；5.表格不应有空白处，若无则应填写0；6.每月3日前上报上一个月进展情况。",
  },
  {
    slug: "jinjiang",
    issuer: "晋江市",
    seed: "003",
    annexes: ["附件4", "附件5"],
    annualDeadline: "2025-01-05",
    rows: [
      { key: "city-dept", label: "市直单位", aliases: ["市直部门"] },
      { key: "county", label: "县（市、区）", aliases: ["县(市、区)", "县市区", "县（市区）"] },
    ],
    notes1:
      "注：1.各填报单位按照各自所属的单位类型进行填报；2.市直单位填报的数据只填报本单位直接监管的企业固本强基进展情况（不含县级及以下的数据）；3.各县（市、区）填报的数据应包含本辖区各行业领域安全生产主管（监管）部门和乡镇（街道）的数据；4.自评企业指未经定级（达标）评审，只完成内部自评的企业；5.地标指的是晋江市本级地方标准，统一按不分级达标统计；6.事业单位生产经营规模参照我市“三类企业”进行划分，具体由市级行业主管（监管）部门确定；7.企业数量以2023年企业底数为基数，据实补缺补漏填报，创建提升数量、标杆数量填写2021年8月以来累计数，其余的填写2024年1月以来累计数；8.表格不应有空白处，若无则应填写0；9.每月3日前上报上一个月固本强基进展情况。",
    notes2:
      "注：1.各填报单位按照各自所属的单位类型进行填报；2.市直单位填报的数据只填报本单位直接监管的企业数据（不含县级及以下的数据），各县（市、区）填报的数据应包含本辖区各行业领域主管监管部门和乡镇（街道）的数据；3.落实“一企一策”数量一栏当中除自查隐患数量以及整改隐患数量外，各项数据从2021年8月份开始累计填报；落实“一企一策”数量一栏中自查隐患数量以及整改隐患数量、企业优化完善“四项规范”、执法激励约束等数据填报2024年1月以来累计数；4. 四色安全风险分级动态监管指的是对企业安全生产状况进行整体评估，按照“红、橙、黄、蓝”确定企业整体安全风险等级；5.表格不应有空白处，若无则应填写0；6.每月3日前上报上一个月进展情况。",
  },
];

const SINCE_2021 = since("2021-08", 7);
const SINCE_2024 = since("2024-01", 7);

function monthly1(e: Edition): TemplateInput {
  return {
    id: `${e.slug}-2024-monthly-1`,
    noBlankNote: 8,
    kind: "table",
    title: `${e.issuer}安全生产标准化提升专项行动固本强基进展情况月报表（一）`,
    shortTitle: "月报表（一）",
    titleKeywords: ["月报表（一）", "月报表(一)"],
    edition: { issuer: e.issuer, year: 2024 },
    source: { seed: e.seed, annex: e.annexes[0] },
    cycle: "month",
    deadline: { kind: "next-month", day: 3, note: 9 },
    annualDeadline: e.annualDeadline,
    headerFields: STANDARD_HEADER,
    rowHeader: "填报单位类型",
    rows: e.rows,
    // Each unit type spans three sub-rows (国标/省标/地标 · 市级/县级/乡级).
    subRows: [
      {
        key: "national",
        labels: {
          "create.type": "国标",
          "model.level": "市级",
          "bench.level": "市级",
          "posts.level": "市级",
        },
      },
      {
        key: "provincial",
        labels: {
          "create.type": "省标",
          "model.level": "县级",
          "bench.level": "县级",
          "posts.level": "县级",
        },
      },
      {
        key: "local",
        labels: {
          "create.type": "地标",
          // The notice prints it in the 一级 position, where the 地标 count goes (DOMAIN decision).
          "create.l1": "（达标不分级）",
          "model.level": "乡级",
          "posts.level": "乡级",
        },
        // 注5: 地标 统一按不分级达标统计.
        note: 5,
      },
    ],
    notApplicable: [
      // One value per unit type: only the first sub-row holds 企业数量 and 评审达标数量 (DOMAIN decision).
      {
        row: "provincial",
        columns: [
          "ent.total",
          "ent.large",
          "ent.medium",
          "ent.small",
          "certified.large",
          "certified.medium",
          "certified.small",
        ],
      },
      {
        row: "local",
        columns: [
          "ent.total",
          "ent.large",
          "ent.medium",
          "ent.small",
          "certified.large",
          "certified.medium",
          "certified.small",
        ],
      },
      // 地标 达标不分级: the count goes in 一级企业; no third 标杆 level.
      {
        row: "local",
        columns: [
          "create.l2",
          "create.l3",
          "bench.level",
          "bench.large",
          "bench.medium",
          "bench.small",
        ],
      },
    ],
    columns: [
      group(
        "企业数量（家）",
        [
          leaf("ent.total", "总数", "家", { perUnit: true }),
          leaf("ent.large", "规上企业", "家", { perUnit: true }),
          leaf("ent.medium", "中等企业", "家", { perUnit: true }),
          leaf("ent.small", "小微企业", "家", { perUnit: true }),
        ],
        { basis: baseYear(2023, 7) }
      ),
      group(
        "创建提升数量（家）",
        [
          leaf("create.type", "达标类型", undefined, { kind: "label" }),
          leaf("create.l1", "一级企业", "家"),
          leaf("create.l2", "二级企业", "家"),
          leaf("create.l3", "三级企业", "家"),
          leaf("create.self", "自评企业", "家"),
        ],
        { basis: SINCE_2021 }
      ),
      group(
        "样板乡镇（街道、园区）数量（个）",
        [
          leaf("model.level", "样板层级", undefined, { kind: "label" }),
          leaf("model.count", "样板个数", "个"),
        ],
        { basis: SINCE_2024 }
      ),
      group(
        "标杆数量（家）",
        [
          leaf("bench.level", "标杆层级", undefined, { kind: "label" }),
          leaf("bench.large", "规上企业", "家"),
          leaf("bench.medium", "中等企业", "家"),
          leaf("bench.small", "小微企业", "家"),
        ],
        { basis: SINCE_2021 }
      ),
      group(
        "评审达标数量（家）",
        [
          leaf("certified.large", "规上企业", "家", { perUnit: true }),
          leaf("certified.medium", "中等企业", "家", { perUnit: true }),
          leaf("certified.small", "小微企业", "家", { perUnit: true }),
        ],
        { basis: SINCE_2024 }
      ),
      group(
        "示范岗位（个）",
        [
          leaf("posts.level", "示范层级", undefined, { kind: "label" }),
          leaf("posts.party", "党员模范岗（个）", "个"),
          leaf("posts.youth", "青年突击手（个）", "个"),
          leaf("posts.worker", "工人先锋岗（个）", "个"),
          leaf("posts.women", "巾帼示范岗（个）", "个"),
        ],
        { basis: SINCE_2024 }
      ),
    ],
    relations: [
      sum("ent.total", ["ent.large", "ent.medium", "ent.small"]),
      atMost("certified.large", "ent.large"),
      atMost("certified.medium", "ent.medium"),
      atMost("certified.small", "ent.small"),
    ],
    notes: splitNotes(e.notes1),
  };
}

function monthly2(e: Edition): TemplateInput {
  return {
    id: `${e.slug}-2024-monthly-2`,
    noBlankNote: 5,
    kind: "table",
    title: `${e.issuer}安全生产标准化提升专项行动固本强基进展情况月报表（二）`,
    shortTitle: "月报表（二）",
    titleKeywords: ["月报表（二）", "月报表(二)"],
    edition: { issuer: e.issuer, year: 2024 },
    source: { seed: e.seed, annex: e.annexes[1] },
    cycle: "month",
    deadline: { kind: "next-month", day: 3, note: 6 },
    annualDeadline: e.annualDeadline,
    headerFields: STANDARD_HEADER,
    rowHeader: "填报单位类型",
    rows: e.rows,
    columns: [
      group(
        "企业优化完善“四项规范”（份）",
        [
          leaf("specs.checklist", "安全检查清单（份）", "份"),
          leaf("specs.riskguide", "安全风险管控导则（份）", "份"),
          leaf("specs.rules", "达标细则（份）", "份"),
          leaf("specs.guide", "提升指南（份）", "份"),
        ],
        { basis: since("2024-01", 3) }
      ),
      group(
        "落实“一企一策”数量",
        [
          group("健全三张清单", [
            leaf("policy.lists3.count", "企业数量（家）", "家"),
            leaf("policy.lists3.found", "自查隐患数量（条）", "条", { basis: since("2024-01", 3) }),
            leaf("policy.lists3.fixed", "整改隐患数量（条）", "条", { basis: since("2024-01", 3) }),
          ]),
          group("四色安全风险分级动态监管", [
            leaf("policy.risk.count", "企业数量（家）", "家"),
            leaf("policy.risk.red", "红色风险企业（家）", "家"),
            leaf("policy.risk.orange", "橙色风险企业（家）", "家"),
            leaf("policy.risk.yellow", "黄色风险企业（家）", "家"),
            leaf("policy.risk.blue", "蓝色风险企业（家）", "家"),
          ]),
          leaf("policy.5s", "强化5S现场管理（家）", "家"),
          leaf("policy.6you", "完善六有可视化警示标识（家）", "家"),
        ],
        { basis: since("2021-08", 3) }
      ),
      enforcementGroup(
        { ...ENTERPRISE_WORDING, major: ["企业数（家次）", "隐患数（条）", "整改数（条）"] },
        since("2024-01", 3)
      ),
    ],
    relations: [
      sum(
        "policy.risk.count",
        ["policy.risk.red", "policy.risk.orange", "policy.risk.yellow", "policy.risk.blue"],
        4
      ),
      atMost("policy.lists3.fixed", "policy.lists3.found"),
      ...ENFORCEMENT_RELATIONS,
    ],
    notes: splitNotes(e.notes2),
  };
}

export const monthlyTemplates: TemplateInput[] = EDITIONS.flatMap((e) => [
  monthly1(e),
  monthly2(e),
]);
