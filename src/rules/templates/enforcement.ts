/** 执法激励约束: the 16 columns shared by 季报表（二）, （三） and 月报表（二）. */
import { atMost, group, leaf, zeroIffZero, zeroImpliesZero } from "./build";
import type { Basis, ColumnNode, Relation } from "./schema";

export interface EnforcementWording {
  /** 检查企业 / 检查场所 */
  inspected: string;
  /** Leaves of 重大隐患挂牌督办: count, hazards, fixed. */
  major: [string, string, string];
  /** First leaf of 罚款. */
  fineCount: string;
  /** 暂扣或吊销证照企业 … 约束单位, eight labels. */
  others: [string, string, string, string, string, string, string, string];
}

export const ENTERPRISE_WORDING: EnforcementWording = {
  inspected: "检查企业（家次）",
  major: ["企业数（家次）", "隐患数（条）", "隐患整改数（条）"],
  fineCount: "企业数（家次）",
  others: [
    "责令停产停业整顿（家次）",
    "暂扣或吊销证照企业（家次）",
    "取缔关闭企业（家次）",
    "移送司法机关（人次）",
    "曝光典型案例企业（家次）",
    "约谈警示企业（家次）",
    "激励单位（家次）",
    "约束单位（家次）",
  ],
};

export function enforcementGroup(w: EnforcementWording, basis: Basis): ColumnNode {
  const [suspended, licenses, closed, judicial, exposed, interviewed, rewarded, restrained] =
    w.others;
  return group(
    "执法激励约束",
    [
      leaf("enf.inspected", w.inspected, "家次"),
      leaf("enf.found", "发现隐患（条）", "条"),
      leaf("enf.fixed", "督促整改隐患（条）", "条"),
      group("重大隐患挂牌督办", [
        leaf("enf.major.count", w.major[0], "家次"),
        leaf("enf.major.hazards", w.major[1], "条"),
        leaf("enf.major.fixed", w.major[2], "条"),
      ]),
      group("罚款", [
        leaf("enf.fines.count", w.fineCount, "家次"),
        leaf("enf.fines.amount", "金额（万元）", "万元"),
      ]),
      leaf("enf.suspended", suspended, "家次"),
      leaf("enf.licenses", licenses, "家次"),
      leaf("enf.closed", closed, "家次"),
      leaf("enf.judicial", judicial, "人次"),
      leaf("enf.exposed", exposed, "家次"),
      leaf("enf.interviewed", interviewed, "家次"),
      leaf("enf.rewarded", rewarded, "家次"),
      leaf("enf.restrained", restrained, "家次"),
    ],
    { basis }
  );
}

/** 罚款 企业数 0 ⇔ 金额 0; nothing 挂牌督办 ⇒ no 挂牌 hazards; rectified ≤ found. */
export const ENFORCEMENT_RELATIONS: Relation[] = [
  zeroIffZero("enf.fines.count", "enf.fines.amount"),
  zeroImpliesZero("enf.major.count", "enf.major.hazards", "enf.major.fixed"),
  atMost("enf.fixed", "enf.found"),
  atMost("enf.major.fixed", "enf.major.hazards"),
];
