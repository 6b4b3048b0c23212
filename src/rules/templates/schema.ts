import { z } from "zod";

// No code generation: the pages' Content-Security-Policy forbids eval, and the catalog is small.
z.config({ jitless: true });

/** "2021-08" */
const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const Unit = z.enum(["家", "家次", "条", "人", "人次", "份", "个", "万元", "场次"]);
export type Unit = z.infer<typeof Unit>;

/** A column's counting basis, as the notes state it. */
export const Basis = z.discriminatedUnion("kind", [
  /** Cumulative since a fixed month ("2021年8月以来累计"). */
  z.object({ kind: z.literal("since"), since: YearMonth, note: z.number().int() }),
  /** A stock at the end of a base year, patched for omissions ("以2025年底底数为基数"). */
  z.object({ kind: z.literal("base"), year: z.number().int(), note: z.number().int() }),
]);
export type Basis = z.infer<typeof Basis>;

export interface ColumnNode {
  /** The label as the notice prints it (full-width brackets). */
  label: string;
  /** Stable key of a leaf, e.g. "resp.risk.red". Groups have none. */
  key?: string;
  unit?: Unit;
  basis?: Basis;
  /** "label" columns hold text (达标类型 国标/省标/地标), not numbers. */
  kind?: "number" | "label" | "text";
  /** One value per unit type, entered in the first sub-row (月报表（一） 企业数量). */
  perUnit?: boolean;
  children?: ColumnNode[];
}

export const ColumnNode: z.ZodType<ColumnNode> = z.lazy(() =>
  z
    .object({
      label: z.string().min(1),
      key: z
        .string()
        .regex(/^[a-z0-9]+(\.[a-z0-9]+)*$/i)
        .optional(),
      unit: Unit.optional(),
      basis: Basis.optional(),
      kind: z.enum(["number", "label", "text"]).optional(),
      perUnit: z.boolean().optional(),
      children: z.array(ColumnNode).min(1).optional(),
    })
    .strict()
    .refine((n) => (n.children === undefined) !== (n.key === undefined), {
      message: "a leaf needs a key and a group has none",
    })
);

export const SubRow = z
  .object({
    key: z.string(),
    /** Text printed in label columns of this sub-row, by column key (and in a data cell: 达标不分级). */
    labels: z.record(z.string(), z.string()),
    /** The note explaining a label printed in a data cell, cited when the label was never replaced. */
    note: z.number().int().optional(),
  })
  .strict();
export type SubRow = z.infer<typeof SubRow>;

export const RowType = z
  .object({
    key: z.string(),
    /** The label as it should read; "" for unlabelled rows. */
    label: z.string(),
    /** How the notice prints it, when that differs (镇直直单位). */
    printed: z.string().optional(),
    aliases: z.array(z.string()).default([]),
  })
  .strict();
export type RowType = z.infer<typeof RowType>;

export const HeaderField = z
  .object({
    key: z.enum(["unit", "filler", "phone", "date", "enterprise", "head"]),
    /** The printed label, e.g. "填报单位（盖章）" or "年 月 日". */
    label: z.string(),
    /** Alternative labels clerks use. */
    aliases: z.array(z.string()).default([]),
    place: z.enum(["above", "below"]),
  })
  .strict();
export type HeaderField = z.infer<typeof HeaderField>;

export const NotApplicable = z
  .object({ row: z.string(), columns: z.array(z.string()).min(1) })
  .strict();

/** Arithmetic the notes (or plain sense) impose on a row; rules read these instead of per-template code. */
export const Relation = z.discriminatedUnion("kind", [
  /** total = sum of parts (总数 = 规上 + 中等 + 小微; 四色 企业数量 = 红 + 橙 + 黄 + 蓝). An error. */
  z
    .object({
      kind: z.literal("sum"),
      total: z.string(),
      parts: z.array(z.string()).min(2),
      note: z.number().int().optional(),
    })
    .strict(),
  /** when = 0 ⇒ every `then` = 0 (专题培训 场次 0 ⇒ 参训 0). An error. */
  z
    .object({
      kind: z.literal("zero-implies-zero"),
      when: z.string(),
      then: z.array(z.string()).min(1),
    })
    .strict(),
  /** a = 0 ⇔ b = 0 (罚款 企业数 and 金额). An error. */
  z.object({ kind: z.literal("zero-iff-zero"), a: z.string(), b: z.string() }).strict(),
  /** sum(left) ≤ sum(right) (整改 ≤ 自查; a count ≤ 企业底数 总数). A warning: plausible, not certain. */
  z
    .object({
      kind: z.literal("at-most"),
      left: z.array(z.string()).min(1),
      right: z.array(z.string()).min(1),
    })
    .strict(),
  /** A value > 0 needs supporting material sent with it (经验做法, 工作机制). A warning. */
  z
    .object({
      kind: z.literal("evidence"),
      columns: z.array(z.string()).min(1),
      note: z.number().int(),
    })
    .strict(),
]);
export type Relation = z.infer<typeof Relation>;

export const Deadline = z.discriminatedUnion("kind", [
  /** Day N of the last month of the quarter being reported (南安: 29th). */
  z.object({
    kind: z.literal("quarter-last-month"),
    day: z.number().int(),
    note: z.number().int(),
  }),
  /** Day N of the month after the month being reported (安溪/晋江: 3rd). */
  z.object({ kind: z.literal("next-month"), day: z.number().int(), note: z.number().int() }),
]);
export type Deadline = z.infer<typeof Deadline>;

const Common = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The official title. */
  title: z.string(),
  /** What users call it: 季报表（一）. */
  shortTitle: z.string(),
  /** Words of the title that identify it even when the rest was edited. */
  titleKeywords: z.array(z.string()).min(1),
  edition: z.object({ issuer: z.string(), year: z.number().int() }).strict(),
  source: z.object({ seed: z.string(), annex: z.string() }).strict(),
  cycle: z.enum(["quarter", "month", "once", "plan"]),
  deadline: Deadline.optional(),
  annualDeadline: z.string().optional(),
  headerFields: z.array(HeaderField),
  notes: z.record(z.string(), z.string()),
  /** The note that says "表格不应有空白处，若无则应填写0". */
  noBlankNote: z.number().int().optional(),
};

export const TableTemplate = z
  .object({
    ...Common,
    kind: z.literal("table"),
    /** Header of the row-label column (填报单位类型); null when rows are unlabelled. */
    rowHeader: z.string().nullable(),
    columns: z.array(ColumnNode).min(1),
    rows: z.array(RowType).min(1),
    /** Unlabelled data rows the notice prints (统计表: two); a clerk may fill any of them, or more. */
    blankRows: z.number().int().min(1).optional(),
    subRows: z.array(SubRow).optional(),
    notApplicable: z.array(NotApplicable).default([]),
    relations: z.array(Relation).default([]),
    /** Values the notice itself prints in the table (任务分解指导数). */
    prefilled: z
      .record(z.string(), z.record(z.string(), z.union([z.number(), z.string()])))
      .optional(),
  })
  .strict();
export type TableTemplate = z.infer<typeof TableTemplate>;

/** A list whose rows are fixed items (回头看细则, 任务清单): recognized by their text. */
export const ListTemplate = z
  .object({
    ...Common,
    kind: z.literal("list"),
    columns: z.array(
      z
        .object({
          key: z.string(),
          label: z.string(),
          aliases: z.array(z.string()).default([]),
          role: z.enum(["item", "identity", "answer", "remark"]),
        })
        .strict()
    ),
    items: z
      .array(z.object({ key: z.string(), cells: z.record(z.string(), z.string()) }).strict())
      .min(1),
    /** Progress milestones a plan sets (任务清单: 评审达标 60% by July). */
    milestones: z
      .array(
        z
          .object({
            measure: z.enum(["benchmark", "certified", "posts"]),
            month: z.number().int().min(1).max(12),
            percent: z.number(),
            task: z.number().int(),
          })
          .strict()
      )
      .optional(),
  })
  .strict();
export type ListTemplate = z.infer<typeof ListTemplate>;

export const Template = z.discriminatedUnion("kind", [TableTemplate, ListTemplate]);
export type Template = z.infer<typeof Template>;
export type TemplateInput = z.input<typeof Template>;
