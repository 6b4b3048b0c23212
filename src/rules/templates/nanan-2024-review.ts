/** 南安市安全生产标准化提升专项行动“回头看”: 细则 (seed 004, 附件1–2) and 统计表 (附件3). */
import { reviewChecklistDeptRows } from "./data/review-checklist-dept";
import { reviewChecklistEnterpriseRows } from "./data/review-checklist-enterprise";
import { group, leaf, zeroImpliesZero } from "./build";
import type { TemplateInput } from "./schema";

const EDITION = { issuer: "南安市", year: 2024 };

const CHECKLIST_COLUMNS = [
  { key: "section", label: "项目", role: "identity" as const },
  { key: "content", label: "“回头看”内容", role: "identity" as const },
  { key: "detail", label: "“回头看”细则", role: "item" as const },
  { key: "problem", label: "存在问题", role: "answer" as const },
  { key: "remark", label: "备注", role: "remark" as const },
];

const items = (rows: { section: string; content: string; detail: string }[]) =>
  rows.map((r, i) => ({
    key: `item-${i + 1}`,
    cells: { section: r.section, content: r.content, detail: r.detail },
  }));

const CHECKLIST_NOTE = { "1": "每条细则都应在“存在问题”栏作答，没有问题的填写“无”。" };

export const reviewChecklistDept: TemplateInput = {
  id: "nanan-2024-review-checklist-dept",
  kind: "list",
  title: "市安委会有关成员单位安全生产标准化提升专项行动“回头看”细则",
  shortTitle: "“回头看”细则（成员单位）",
  titleKeywords: ["成员单位", "回头看”细则", "回头看细则"],
  edition: EDITION,
  source: { seed: "004", annex: "附件1" },
  cycle: "once",
  headerFields: [],
  columns: CHECKLIST_COLUMNS,
  items: items(reviewChecklistDeptRows),
  notes: CHECKLIST_NOTE,
};

export const reviewChecklistEnterprise: TemplateInput = {
  id: "nanan-2024-review-checklist-enterprise",
  kind: "list",
  title: "南安市企业安全生产标准化提升专项行动“回头看”细则",
  shortTitle: "“回头看”细则（企业）",
  titleKeywords: ["企业安全生产标准化提升专项行动", "回头看”细则", "回头看细则"],
  edition: EDITION,
  source: { seed: "004", annex: "附件2" },
  cycle: "once",
  headerFields: [
    { key: "enterprise", label: "企业名称", aliases: [], place: "above" },
    { key: "head", label: "主要负责人（签字）", aliases: ["主要负责人"], place: "above" },
    { key: "date", label: "时间", aliases: ["日期"], place: "above" },
  ],
  columns: CHECKLIST_COLUMNS,
  items: items(reviewChecklistEnterpriseRows),
  notes: CHECKLIST_NOTE,
};

export const reviewStats: TemplateInput = {
  id: "nanan-2024-review-stats",
  kind: "table",
  title: "南安市安全生产标准化提升专项行动“回头看”统计表",
  shortTitle: "“回头看”统计表",
  titleKeywords: ["回头看”统计表", "回头看统计表"],
  edition: EDITION,
  source: { seed: "004", annex: "附件3" },
  cycle: "once",
  headerFields: [
    { key: "unit", label: "填报单位（盖章）", aliases: ["填报单位"], place: "above" },
    { key: "date", label: "填报时间", aliases: ["填报日期", "日期"], place: "above" },
    { key: "filler", label: "填报人", aliases: ["填表人"], place: "below" },
    { key: "phone", label: "联系电话", aliases: ["电话"], place: "below" },
  ],
  rowHeader: null,
  // The notice prints two unlabelled rows; every filled one is read (DOMAIN: 回头看统计表 decision).
  rows: [{ key: "total", label: "" }],
  blankRows: 2,
  columns: [
    group("开展“回头看”数量", [
      leaf("review.enterprises", "企业（家）", "家"),
      leaf("review.gov", "政府部门（个）", "个"),
    ]),
    group("开展“回头看”自查发现问题", [
      leaf("selfcheck.enterprises", "企业自查发现问题（个）", "个"),
      leaf("selfcheck.gov", "政府部门自查发现问题（个）", "个"),
    ]),
    group("形成自查自纠报告", [
      leaf("report.enterprises", "企业（份）", "份"),
      leaf("report.gov", "政府部门（份）", "份"),
    ]),
    group("督导检查", [
      leaf("supervise.enterprises", "企业（家）", "家"),
      leaf("supervise.enterpriseIssues", "发现问题（个）", "个"),
      leaf("supervise.gov", "政府部门（个）", "个"),
      leaf("supervise.govIssues", "发现问题（个）", "个"),
    ]),
    group("总结好的经验、做法", [
      leaf("practice.enterprises", "企业（条）", "条"),
      leaf("practice.gov", "政府部门（条）", "条"),
    ]),
    group("建立工作机制", [leaf("mechanism.count", "个数", "个")]),
    group("曝光执法典型案例", [
      leaf("exposure.batches", "批数", "个"),
      leaf("exposure.enterprises", "家数", "家"),
    ]),
  ],
  relations: [
    zeroImpliesZero("supervise.enterprises", "supervise.enterpriseIssues"),
    zeroImpliesZero("supervise.gov", "supervise.govIssues"),
    {
      kind: "evidence",
      columns: ["practice.enterprises", "practice.gov", "mechanism.count"],
      note: 1,
    },
  ],
  notes: { "1": "总结好的经验、做法和建立工作机制，需同步提供佐证材料。" },
};
