/**
 * A 回头看 round as the notice asks units to send it (seed 004): each unit's “回头看”统计表 (附件3,
 * the notice's layout, 0 in every cell it does not use) and its 细则 checklists (附件1 成员单位,
 * 附件2 企业) answered line by line, 无 where there is nothing; in one workbook or as files of
 * their own, as clerks send them.
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import path from "path";
import type { CellValue, Grid } from "../../src/rules/grid";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { getTemplate } from "../../src/rules/templates/catalog";
import type { ListTemplate, TableTemplate } from "../../src/rules/templates/schema";

export const stats = getTemplate("nanan-2024-review-stats") as TableTemplate;
export const dept = getTemplate("nanan-2024-review-checklist-dept") as ListTemplate;
export const firm = getTemplate("nanan-2024-review-checklist-enterprise") as ListTemplate;

/** The 统计表's 15 columns as the notice prints them, left to right. */
export const COLUMNS = [
  "review.enterprises",
  "review.gov",
  "selfcheck.enterprises",
  "selfcheck.gov",
  "report.enterprises",
  "report.gov",
  "supervise.enterprises",
  "supervise.enterpriseIssues",
  "supervise.gov",
  "supervise.govIssues",
  "practice.enterprises",
  "practice.gov",
  "mechanism.count",
  "exposure.batches",
  "exposure.enterprises",
] as const;
export type Numbers = Partial<Record<(typeof COLUMNS)[number], number>>;

/** A 细则 answered: `problems` maps a line (0-based) to what was found, every other line says 无. */
export interface Checklist {
  template: ListTemplate;
  enterprise?: string;
  problems?: Record<number, string>;
  /** Lines whose 存在问题 the clerk left empty. */
  blank?: number[];
  hidden?: boolean;
}

export interface Unit {
  name: string;
  /** The numbers the unit wrote in the first data row; 0 in every other cell, both rows (注10). */
  numbers: Numbers;
  checklists: Checklist[];
  /** The 细则 come before the 统计表 in its workbook. */
  checklistsFirst?: boolean;
}

/** The 统计表 as a clerk fills the notice's table: header line, first row, 0 wherever nothing. */
export function statsGrid(u: Unit): Grid {
  const layout = blankTemplate(stats);
  const values = layout.grid.values.map((r) => [...r]);
  values[layout.header.top - 1][0] = `填报单位（盖章）：${u.name}          填报时间：2024年6月20日`;
  values[layout.body.top] = COLUMNS.map((k) => u.numbers[k] ?? 0);
  values[layout.body.top + 1] = COLUMNS.map(() => 0);
  values[layout.body.bottom + 1][0] = "填报人：林小红          联系电话：13805951234";
  return { ...layout.grid, name: "回头看统计表", values };
}

export function checklistGrid(c: Checklist, name: string): Grid {
  const layout = blankTemplate(c.template);
  const values = layout.grid.values.map((r) => [...r]);
  const answer = c.template.columns.findIndex((x) => x.role === "answer");
  c.template.items.forEach((_, i) => {
    const v: CellValue = c.blank?.includes(i) ? null : (c.problems?.[i] ?? "无");
    values[layout.body.top + i][answer] = v;
  });
  if (c.enterprise)
    values[layout.header.top - 1][0] =
      `企业名称：${c.enterprise}          主要负责人（签字）：          时间：2024年6月18日`;
  return { ...layout.grid, name, values, ...(c.hidden && { visibility: "hidden" as const }) };
}

export async function xlsx(grids: Grid[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name, g.visibility ? { state: g.visibility } : {});
    g.values.forEach((r, i) =>
      r.forEach((v, c) => v !== null && (ws.getCell(i + 1, c + 1).value = v))
    );
    for (const m of g.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const sheetName = (c: Checklist, i: number) =>
  c.template === dept ? "附件1细则" : `附件2-${c.enterprise ?? i + 1}`;

/** A unit's workbook: the 统计表 and its 细则 sheets, in the unit's order. */
export function unitGrids(u: Unit): Grid[] {
  const lists = u.checklists.map((c, i) => checklistGrid(c, sheetName(c, i)));
  return u.checklistsFirst ? [...lists, statsGrid(u)] : [statsGrid(u), ...lists];
}

/** Each unit's one workbook, as a file. */
export async function oneWorkbook(dir: string, units: Unit[]): Promise<string[]> {
  return Promise.all(
    units.map(async (u) => {
      const file = path.join(dir, `${u.name}-回头看.xlsx`);
      writeFileSync(file, await xlsx(unitGrids(u)));
      return file;
    })
  );
}

/** Each unit's 统计表 and each 细则 as files of their own, named as clerks name them. */
export async function separateFiles(dir: string, units: Unit[]): Promise<string[]> {
  const files: string[] = [];
  for (const u of units) {
    const table = path.join(dir, `${u.name}-回头看统计表.xlsx`);
    writeFileSync(table, await xlsx([statsGrid(u)]));
    const lists = await Promise.all(
      u.checklists.map(async (c, i) => {
        const file = path.join(dir, `${u.name}-回头看细则${i + 1}.xlsx`);
        writeFileSync(file, await xlsx([checklistGrid(c, "Sheet1")]));
        return file;
      })
    );
    files.push(...(u.checklistsFirst ? [...lists, table] : [table, ...lists]));
  }
  return files;
}

const problemsIn = (u: Unit) =>
  u.checklists
    .filter((c) => c.template === firm)
    .reduce((n, c) => n + Object.keys(c.problems ?? {}).length, 0);

/** Two villages and two 镇直单位, every 细则 answered. */
export const UNITS: Unit[] = [
  {
    name: "金淘镇朴里村",
    numbers: { "review.enterprises": 2, "report.enterprises": 2 },
    checklists: [
      { template: firm, enterprise: "南安市朴里石材有限公司" },
      { template: firm, enterprise: "南安市朴里茶业有限公司" },
    ],
  },
  {
    name: "岭兜村村民委员会",
    numbers: {
      "review.enterprises": 3,
      "report.enterprises": 3,
      "supervise.enterprises": 1,
      "supervise.enterpriseIssues": 2,
    },
    checklists: [
      {
        template: firm,
        enterprise: "南安市岭兜五金厂",
        problems: { 0: "告知书未在公示栏公示，已整改", 4: "安全管理协议未签订，限期整改" },
      },
    ],
    checklistsFirst: true,
  },
  {
    name: "金淘镇应急管理办",
    numbers: {
      "review.enterprises": 12,
      "review.gov": 1,
      "report.enterprises": 11,
      "report.gov": 1,
      "supervise.enterprises": 8,
      "supervise.enterpriseIssues": 5,
      "supervise.gov": 1,
      "supervise.govIssues": 1,
      "mechanism.count": 1,
    },
    checklists: [
      { template: dept, problems: { 4: "“四项规范”3.0版本未报送" }, hidden: true },
      {
        template: firm,
        enterprise: "福建金淘矿业有限公司",
        problems: { 10: "未开展考核", 11: "岗位达标创建未开展", 20: "台账不全" },
      },
    ],
  },
  {
    name: "金淘镇市场监督管理所",
    numbers: { "review.gov": 1, "report.gov": 1, "exposure.batches": 1, "exposure.enterprises": 2 },
    checklists: [{ template: dept }],
    checklistsFirst: true,
  },
];
// What the notice says: the 细则 lines answered with a problem feed 企业自查发现问题.
for (const u of UNITS) u.numbers["selfcheck.enterprises"] = problemsIn(u);
// The dept 细则 line with a problem is the department's own: 政府部门自查发现问题.
UNITS[2].numbers["selfcheck.gov"] = 1;

/** The expected totals, from the units' numbers as written (both rows: the second is all 0). */
export const expected = (units: Unit[]) =>
  COLUMNS.map((k) => units.reduce((n, u) => n + (u.numbers[k] ?? 0), 0));

/** The round with lines left unanswered: unit name → the 0-based lines of its first 细则. */
export function leftBlank(blanks: Record<string, number[]>): Unit[] {
  return UNITS.map((u) => ({
    ...u,
    checklists: u.checklists.map((c, i) => ({ ...c, ...(i === 0 && { blank: blanks[u.name] }) })),
  }));
}
