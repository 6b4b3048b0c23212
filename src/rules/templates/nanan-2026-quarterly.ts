/** 南安市2026年安全生产标准化提升专项行动提质增效进展情况季报表（一）（二）（三）: seed 000, 附件3–5. */
import {
  atMost,
  baseYear,
  group,
  leaf,
  since,
  splitNotes,
  STANDARD_HEADER,
  sum,
  withinBase,
  zeroIffZero,
  zeroImpliesZero,
} from "./build";
import { ENFORCEMENT_RELATIONS, ENTERPRISE_WORDING, enforcementGroup } from "./enforcement";
import type { TemplateInput } from "./schema";

const EDITION = { issuer: "南安市", year: 2026 };
const DEADLINE = { kind: "quarter-last-month", day: 29 } as const;
const TOWN_ROWS = [
  {
    key: "town-dept",
    label: "镇直单位",
    printed: "镇直直单位",
    aliases: ["镇直直单位", "镇直部门"],
  },
  { key: "village", label: "村", aliases: ["村委会", "村（社区）", "社区", "村（居）", "村居"] },
];

export const nananQuarterly1: TemplateInput = {
  id: "nanan-2026-quarterly-1",
  noBlankNote: 10,
  kind: "table",
  title: "南安市2026年安全生产标准化提升专项行动提质增效进展情况季报表（一）",
  shortTitle: "季报表（一）",
  titleKeywords: ["季报表（一）", "季报表(一)"],
  edition: EDITION,
  source: { seed: "000", annex: "附件3" },
  cycle: "quarter",
  deadline: { ...DEADLINE, note: 11 },
  annualDeadline: "2027-01-05",
  headerFields: STANDARD_HEADER,
  rowHeader: "填报单位类型",
  rows: TOWN_ROWS,
  columns: [
    group(
      "企业底数（家）",
      [
        leaf("base.total", "总数", "家"),
        leaf("base.large", "规上企业", "家"),
        leaf("base.medium", "中等企业", "家"),
        leaf("base.small", "小微企业", "家"),
      ],
      { basis: baseYear(2025, 5) }
    ),
    group(
      "落实全员安全生产责任制数量",
      [
        leaf("resp.list", "建立全员责任制及其考核清单（家）", "家"),
        leaf("resp.org", "设置安全生产管理机构（家）", "家"),
        group("配备专兼职安全生产管理人员", [
          leaf("resp.staff.count", "企业数量（家）", "家"),
          leaf("resp.staff.persons", "人员数量（人）", "人"),
        ]),
        group("健全三张清单", [
          leaf("resp.lists3.count", "企业数量（家）", "家"),
          leaf("resp.lists3.found", "自查隐患数量（条）", "条", { basis: since("2026-01", 6) }),
          leaf("resp.lists3.fixed", "整改隐患数量（条）", "条", { basis: since("2026-01", 6) }),
        ]),
        group("四色安全风险分级动态监管", [
          leaf("resp.risk.count", "企业数量（家）", "家"),
          leaf("resp.risk.red", "红色风险企业（家）", "家"),
          leaf("resp.risk.orange", "橙色风险企业（家）", "家"),
          leaf("resp.risk.yellow", "黄色风险企业（家）", "家"),
          leaf("resp.risk.blue", "蓝色风险企业（家）", "家"),
        ]),
        leaf("resp.5s", "强化5S现场管理（家）", "家"),
        leaf("resp.6you", "完善六有可视化警示标识（家）", "家"),
        group("建立专兼职应急救援队伍", [
          leaf("resp.rescue.count", "企业数量（家）", "家"),
          leaf("resp.rescue.persons", "人员数量（人）", "人"),
        ]),
      ],
      { basis: since("2021-08", 6) }
    ),
    group(
      "标准化创建提升",
      [
        leaf("std.create", "创建自评数量（家）", "家"),
        leaf("std.upgrade", "提升自评数量（家）", "家"),
      ],
      { basis: since("2026-01", 8) }
    ),
    group(
      "宣传发动",
      [
        leaf("promo.letters", "函告企业数（家）", "家"),
        leaf("promo.pledges", "签订承诺书企业数（家）", "家"),
        group("专题培训", [
          leaf("promo.training.sessions", "场次", "场次"),
          leaf("promo.training.count", "参训企业（家次）", "家次"),
          leaf("promo.training.persons", "参训人数（人次）", "人次"),
        ]),
      ],
      { basis: since("2026-01", 9) }
    ),
  ],
  relations: [
    sum("base.total", ["base.large", "base.medium", "base.small"]),
    sum(
      "resp.risk.count",
      ["resp.risk.red", "resp.risk.orange", "resp.risk.yellow", "resp.risk.blue"],
      7
    ),
    zeroImpliesZero("promo.training.sessions", "promo.training.count", "promo.training.persons"),
    ...withinBase("base.total", [
      "resp.list",
      "resp.org",
      "resp.staff.count",
      "resp.lists3.count",
      "resp.risk.count",
      "resp.5s",
      "resp.6you",
      "resp.rescue.count",
      "promo.letters",
      "promo.pledges",
    ]),
    atMost(["std.create", "std.upgrade"], "base.total"),
    atMost("resp.lists3.fixed", "resp.lists3.found"),
    atMost("promo.pledges", "promo.letters"),
    atMost("resp.staff.count", "resp.staff.persons"),
    atMost("resp.rescue.count", "resp.rescue.persons"),
    atMost("promo.training.count", "promo.training.persons"),
  ],
  notes: splitNotes(
    "注：1.各填报单位按照各自所属的单位类型进行填报；2.镇直单位填报的数据只填报本单位直接监管的企业工作进展情况（不含镇级及以下的数据）；3.村填报的数据应包含本辖区各行业领域安全生产主管（监管）部门和村的数据；4.事业单位规模参照我市“三类企业”进行划分，具体由市级行业主管（监管）部门确定；5.企业底数一栏以2025年年底企业底数为基数据实补缺补漏填报；6.落实全员安全生产责任制数量一栏当中除自查隐患数量以及整改隐患数量填报2026年1月以来累计数外，其余各项数据从2021年8月份开始累计滚动更新填报；7.四色安全风险分级动态监管指的是对企业安全生产状况进行整体评估，按照“红、橙、黄、蓝”确定企业整体安全风险等级；8.创建自评数量指的是今年首次自评安全生产标准化的企业数量；提升自评数量指的是2025年及之前已开展首次自评，2026年开展提升自评的企业数量；9.宣传发动填报的是2026年1月份以来的数据；10.表格不应有空白处，若无则应填写0；11.每季度末月29日前上报上一个季度工作进展情况。"
  ),
};

export const nananQuarterly2: TemplateInput = {
  id: "nanan-2026-quarterly-2",
  noBlankNote: 4,
  kind: "table",
  title: "南安市2026年安全生产标准化提升专项行动提质增效进展情况季报表（二）",
  shortTitle: "季报表（二）",
  titleKeywords: ["季报表（二）", "季报表(二)"],
  edition: EDITION,
  source: { seed: "000", annex: "附件4" },
  cycle: "quarter",
  deadline: { ...DEADLINE, note: 5 },
  annualDeadline: "2027-01-05",
  headerFields: STANDARD_HEADER,
  rowHeader: "填报单位类型",
  rows: TOWN_ROWS,
  columns: [
    group(
      "完善“四项规范”（份）",
      [
        leaf("specs.checklist", "安全检查清单（份）", "份"),
        leaf("specs.rules", "创建细则（份）", "份"),
        leaf("specs.guide", "标准化运行提升指南（份）", "份"),
        leaf("specs.grid", "网格员检查导则（份）", "份"),
      ],
      { basis: since("2026-01", 3) }
    ),
    enforcementGroup(ENTERPRISE_WORDING, since("2026-01", 3)),
    group(
      "企业内部激励",
      [
        group("落实全员责任制年度考核", [
          leaf("incent.assess.count", "企业数量（家）", "家"),
          leaf("incent.assess.rewarded", "兑现奖励企业数量（家）", "家"),
          leaf("incent.assess.funds", "兑现奖励资金（万元）", "万元"),
          leaf("incent.assess.persons", "获得奖励人次", "人次"),
        ]),
        group("建立事故隐患内部报告奖励机制", [
          leaf("incent.report.count", "企业数量（家）", "家"),
          leaf("incent.report.rewarded", "兑现奖励企业数量（家）", "家"),
          leaf("incent.report.funds", "兑现奖励资金（万元）", "万元"),
          leaf("incent.report.persons", "获得奖励人次", "人次"),
          leaf("incent.report.hazards", "内部报告隐患数量（条）", "条"),
        ]),
      ],
      { basis: since("2026-01", 3) }
    ),
  ],
  relations: [
    ...ENFORCEMENT_RELATIONS,
    zeroIffZero("incent.assess.rewarded", "incent.assess.funds"),
    zeroIffZero("incent.report.rewarded", "incent.report.funds"),
    zeroImpliesZero("incent.assess.rewarded", "incent.assess.persons"),
    zeroImpliesZero("incent.report.rewarded", "incent.report.persons"),
    atMost("incent.assess.rewarded", "incent.assess.count"),
    atMost("incent.report.rewarded", "incent.report.count"),
  ],
  notes: splitNotes(
    "注：1.各填报单位按照各自所属的单位类型进行填报；2.镇直单位填报的数据只填报本单位直接监管的企业数据（不含镇级及以下的数据），村填报的数据应包含本辖区各行业领域主管监管部门和村的数据；3.本表各项数据均填写2026年1月以来累计数；4.表格不应有空白处，若无则应填写0；5.每季度末月29日前上报上一个季度工作进展情况。"
  ),
};

export const nananQuarterly3: TemplateInput = {
  id: "nanan-2026-quarterly-3",
  noBlankNote: 6,
  kind: "table",
  title: "南安市2026年“九小场所”安全生产标准化提升专项行动提质增效进展情况季报表（三）",
  shortTitle: "“九小场所”季报表（三）",
  titleKeywords: ["季报表（三）", "季报表(三)", "九小场所"],
  edition: EDITION,
  source: { seed: "000", annex: "附件5" },
  cycle: "quarter",
  deadline: { ...DEADLINE, note: 7 },
  annualDeadline: "2027-01-05",
  headerFields: STANDARD_HEADER,
  rowHeader: "填报单位类型",
  rows: [TOWN_ROWS[1]],
  columns: [
    group(
      "“九小场所”底数（家）",
      [
        leaf("places.total", "总数", "家"),
        leaf("places.school", "小型学校幼儿园（含校外培训机构）", "家"),
        leaf("places.clinic", "小型医疗机构", "家"),
        leaf("places.shop", "小商店", "家"),
        leaf("places.food", "小餐饮", "家"),
        leaf("places.hotel", "小旅馆", "家"),
        leaf("places.ktv", "小歌舞娱乐", "家"),
        leaf("places.netbar", "小网吧", "家"),
        leaf("places.beauty", "小美容洗浴", "家"),
        leaf("places.workshop", "小生产加工企业", "家"),
      ],
      { basis: baseYear(2025, 2) }
    ),
    group(
      "落实全员安全生产责任制数量",
      [
        leaf("resp.list", "建立并落实全员责任制及其考核清单（家）", "家"),
        leaf("resp.staff.persons", "配备兼职安全生产管理人员（人）", "人"),
        group("健全三张清单", [
          leaf("resp.lists3.count", "九小场所数量（家）", "家"),
          leaf("resp.lists3.found", "自查隐患数量（条）", "条", { basis: since("2026-01", 3) }),
          leaf("resp.lists3.fixed", "整改隐患数量（条）", "条", { basis: since("2026-01", 3) }),
        ]),
        group("四色安全风险分级动态监管", [
          leaf("resp.risk.count", "九小场所数量（家）", "家"),
          leaf("resp.risk.red", "红色风险数量（家）", "家"),
          leaf("resp.risk.orange", "橙色风险数量（家）", "家"),
          leaf("resp.risk.yellow", "黄色风险数量（家）", "家"),
          leaf("resp.risk.blue", "蓝色风险数量（家）", "家"),
        ]),
        leaf("resp.5s", "强化5S现场管理（家）", "家"),
        leaf("resp.6you", "完善六有可视化警示标识（家）", "家"),
      ],
      { basis: since("2024-02", 3) }
    ),
    group(
      "创建标准化",
      [
        leaf("std.create", "创建自评数量（家）", "家"),
        leaf("std.upgrade", "提升自评数量（家）", "家"),
      ],
      { basis: since("2026-01", 4) }
    ),
    enforcementGroup(
      {
        inspected: "检查场所（家次）",
        major: ["场所数量（家次）", "隐患数量（条）", "隐患整改数量（条）"],
        fineCount: "场所数量（家次）",
        others: [
          "责令停产停业整顿（家次）",
          "暂扣或吊销证照（家次）",
          "取缔关闭（家次）",
          "移送司法机关（人次）",
          "曝光典型案例（家次）",
          "约谈警示（家次）",
          "激励（家次）",
          "约束（家次）",
        ],
      },
      since("2026-01", 5)
    ),
    group(
      "宣传发动",
      [
        leaf("promo.letters", "函告场所数（家）", "家"),
        leaf("promo.pledges", "签订承诺书场所数（家）", "家"),
        group("专题培训", [
          leaf("promo.training.sessions", "场次", "场次"),
          leaf("promo.training.count", "参训九小场所（家次）", "家次"),
          leaf("promo.training.persons", "参训人数（人次）", "人次"),
        ]),
      ],
      { basis: since("2026-01", 5) }
    ),
  ],
  relations: [
    sum("places.total", [
      "places.school",
      "places.clinic",
      "places.shop",
      "places.food",
      "places.hotel",
      "places.ktv",
      "places.netbar",
      "places.beauty",
      "places.workshop",
    ]),
    sum("resp.risk.count", [
      "resp.risk.red",
      "resp.risk.orange",
      "resp.risk.yellow",
      "resp.risk.blue",
    ]),
    zeroImpliesZero("promo.training.sessions", "promo.training.count", "promo.training.persons"),
    ...ENFORCEMENT_RELATIONS,
    ...withinBase("places.total", [
      "resp.list",
      "resp.lists3.count",
      "resp.risk.count",
      "resp.5s",
      "resp.6you",
      "promo.letters",
      "promo.pledges",
    ]),
    atMost(["std.create", "std.upgrade"], "places.total"),
    atMost("resp.lists3.fixed", "resp.lists3.found"),
    atMost("promo.pledges", "promo.letters"),
    atMost("promo.training.count", "promo.training.persons"),
  ],
  notes: splitNotes(
    "注：1.村填报的数据应包含本辖区各行业领域安全生产主管（监管）部门和村的数据；2.“九小场所”底数一栏以2025年年底“九小场所”底数为基数据实补缺补漏填报；3.落实全员安全生产责任制数量一栏当中除自查隐患数量以及整改隐患数量填报2026年1月以来累计数外，其余各项数据从2024年2月份开始累计滚动更新填报；4.创建自评数量指的是今年首次自评安全生产标准化的“九小场所”数量，提升自评数量指的是2025年及之前已开展首次自评，2026年开展提升自评的“九小场所”数量；5.本表执法激励约束、宣传发动数据皆填写2026年1月以来累计数；6.表格不应有空白处，若无则应填写0；7.每季度末月29日前上报上一个季度工作进展情况。"
  ),
};
