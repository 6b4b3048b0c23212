/**
 * A unit that writes its own name where the table prints its unit type (A7 朴里村 instead of 村):
 * the row is read as its type's row (checked, summed) with a warning citing the note, when the name
 * is the sheet's own unit (its 填报单位, else the sheet's name) and names a unit of a type the table
 * has a row for; any other name stays a row not read, the loud error. Sheets filled as clerks fill
 * them: their own row, 0 across the other unit type's row (注10).
 */
import { checkRecognized } from "../../../src/rules/check";
import type { Grid } from "../../../src/rules/grid";
import { recognize, type TableRecognition } from "../../../src/rules/recognize";
import { filledSheet } from "../../../src/rules/sample/filled";
import { getTemplate } from "../../../src/rules/templates/catalog";
import type { TableTemplate } from "../../../src/rules/templates/schema";

const tpl = (n: number) => getTemplate(`nanan-2026-quarterly-${n}`) as TableTemplate;
const NOTE1 = "各填报单位按照各自所属的单位类型进行填报";

/** A unit's sheet of table `n` with its row's label (村 / 镇直单位) written as `label`. */
function labelled(
  n: number,
  unit: string,
  label: string,
  options: { row?: "village" | "town-dept"; sheet?: string } = {}
): { grid: Grid; row: number } {
  const { row = "village", sheet = "Sheet1" } = options;
  const grid = { ...filledSheet(tpl(n), { seed: 7, unit, rowTypes: [row] }).grid, name: sheet };
  const printed = row === "village" ? "村" : "镇直单位";
  const r = grid.values.findIndex((x) => x[0] === printed);
  grid.values[r][0] = label;
  return { grid, row: r };
}

const findingsOf = (g: Grid) => {
  const rec = recognize(g) as TableRecognition;
  expect(rec.kind).toBe("table");
  return { rec, findings: checkRecognized(rec) };
};

describe("read as the unit's row, with a warning", () => {
  test("季报表（一）: 朴里村's A7 reads 朴里村 (header 金淘镇朴里村)", () => {
    const { grid, row } = labelled(1, "金淘镇朴里村", "朴里村");
    const { rec, findings } = findingsOf(grid);
    expect(rec.match.rows.get("village")).toBe(row);
    expect(rec.match.stray.unread).toEqual([]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.filter((f) => f.rule === "own-name-row")).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: `A${row + 1}`,
        row: "村",
        source: "季报表（一）注1",
        message: `第${row + 1}行的行标签写的是本单位名称“朴里村”，已按“村”行检查和汇总；请把行标签改为“村”（季报表（一）注1：${NOTE1}）`,
      }),
    ]);
  });

  test("季报表（三）, whose only row is 村: the name written as 金淘镇朴里村委会", () => {
    const { grid, row } = labelled(3, "朴里村", "金淘镇朴里村委会");
    const { rec, findings } = findingsOf(grid);
    expect(rec.template.id).toBe("nanan-2026-quarterly-3");
    expect(rec.match.rows.get("village")).toBe(row);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.find((f) => f.rule === "own-name-row")?.severity).toBe("warning");
  });

  test("a department's 镇直单位 row labelled 应急管理站 (header 金淘镇应急管理站)", () => {
    const { grid, row } = labelled(2, "金淘镇应急管理站", "应急管理站", { row: "town-dept" });
    const { rec, findings } = findingsOf(grid);
    expect(rec.match.rows.get("town-dept")).toBe(row);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.find((f) => f.rule === "own-name-row")?.message).toContain(
      "已按“镇直单位”行检查和汇总；请把行标签改为“镇直单位”（季报表（二）注1"
    );
  });

  test("no 填报单位, the sheet named after the village: the sheet's name is its unit", () => {
    const { grid, row } = labelled(1, "", "朴里村村委会", { sheet: "朴里村" });
    expect(findingsOf(grid).rec.match.rows.get("village")).toBe(row);
  });

  test("its own row all 0 is its report (注10), still read", () => {
    const { grid, row } = labelled(1, "金淘镇朴里村", "朴里村");
    grid.values[row] = grid.values[row].map((v) => (typeof v === "number" ? 0 : v));
    expect(findingsOf(grid).rec.match.rows.get("village")).toBe(row);
  });
});

describe("anything else stays a row not read (不是本表的填报单位类型行)", () => {
  const unread = (g: Grid, row: number) => {
    const { rec, findings } = findingsOf(g);
    expect(rec.match.byName).toEqual([]);
    expect(rec.match.stray.unread).toContain(row);
    expect(findings.filter((f) => f.rule === "structure/unread-row").map((f) => f.cell)).toContain(
      `A${row + 1}`
    );
    expect(findings.some((f) => f.rule === "own-name-row")).toBe(false);
  };

  test("another village's name in 朴里村's file", () => {
    const { grid, row } = labelled(1, "金淘镇朴里村", "岭兜村");
    unread(grid, row);
  });

  test("the same in 季报表（三）: recognized, its row not read", () => {
    const { grid, row } = labelled(3, "金淘镇朴里村", "朴兜村");
    unread(grid, row);
  });

  test("no 填报单位 and a sheet named Sheet1: nothing says whose the row is", () => {
    const { grid, row } = labelled(1, "", "朴里村");
    unread(grid, row);
  });

  test("villages listed row by row (朴里村, then 岭兜村): no village's report, both not read", () => {
    const { grid, row } = labelled(1, "金淘镇朴里村", "朴里村");
    const copy = [...grid.values[row]];
    copy[0] = "岭兜村";
    grid.values.splice(row + 1, 0, copy);
    const { rec, findings } = findingsOf(grid);
    expect(rec.match.stray.unread).toEqual([row, row + 1]);
    expect(findings.filter((f) => f.rule === "structure/unread-row")).toHaveLength(2);
  });

  test("a department's name in the 村 row of a table whose 镇直单位 row is labelled", () => {
    const { grid, row } = labelled(1, "金淘镇应急管理站", "应急管理站", { row: "village" });
    unread(grid, row);
  });
});

describe("rows naming several units of one type are no unit's report", () => {
  test("季报表（三） listing villages row by row (朴里村, 岭兜村, 朴兜村): not recognized as a report, as before own-name rows", () => {
    const { grid, row } = labelled(3, "金淘镇朴里村", "朴里村");
    for (const [i, name] of ["岭兜村", "朴兜村"].entries()) {
      const copy = [...grid.values[row]];
      copy[0] = name;
      grid.values.splice(row + 1 + i, 0, copy);
    }
    expect(recognize(grid).kind).toBe("none");
  });

  test("SRS's own 明细 sheet (a row a village, named 金淘镇第N村): no table, so no unread-row errors", () => {
    const { grid, row } = labelled(1, "", "金淘镇第0村", { sheet: "季报表（一）汇总明细" });
    const body = grid.values[row];
    grid.values.splice(row - 1, 2);
    for (let i = 0; i < 5; i++) grid.values.push([`金淘镇第${i}村`, ...body.slice(1)]);
    expect(recognize(grid).kind).toBe("none");
  });
});
