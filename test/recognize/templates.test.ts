/**
 * Every template is recognized in its official layout and in what clerks make of it:
 * shifted with no title, pasted from Word, with typos and rows in another order,
 * with its header unmerged, with a column group deleted, and after LibreOffice.
 */
import { recognize, type Recognition } from "../../src/rules/recognize";
import { allTemplates, getTableInfo } from "../../src/rules/templates/catalog";
import type { TableTemplate } from "../../src/rules/templates/schema";
import { readGrids } from "../../src/workbook/xlsx/read";
import {
  clone,
  deleteColumns,
  deleteRows,
  mapText,
  rng,
  setCell,
  shift,
  stripUnit,
  swapRowBlocks,
  unmerge,
  wordPaste,
} from "../helpers/grids";
import { convertWithLibreOffice } from "../helpers/libreoffice";
import { misplaced, planted } from "../helpers/plant";

const ids = allTemplates().map((t) => t.id);
const tableIds = allTemplates()
  .filter((t) => t.kind === "table")
  .map((t) => t.id);
const listIds = allTemplates()
  .filter((t) => t.kind === "list")
  .map((t) => t.id);

function expectRecognized(rec: Recognition, id: string) {
  expect({
    sheet: rec.sheet,
    template: rec.template?.id ?? null,
    near: rec.candidates.slice(0, 2),
  }).toMatchObject({ template: id });
}

/** Clerk variant 1: title row deleted, table moved, notes and signatures around it. */
function shiftedNoTitle(id: string) {
  const p = planted(id);
  let g = deleteRows(p.grid, 0, 1);
  g = shift(g, 4, 2);
  setCell(g, 1, 2, "（此表由村委会填写，请于月底前报送）");
  setCell(g, g.values.length + 1, 3, "审核人：          村主任签字：");
  setCell(g, 5, 80, "备用");
  return { ...p, grid: g };
}

/** Clerk variant 2: header pasted from Word (spaces, line breaks, ︵︶ brackets, units dropped), padded row labels. */
function wordPasted(id: string, seed: number) {
  const p = planted(id);
  const rand = rng(seed);
  let g = mapText(p.grid, p.layout.header.top, p.layout.header.bottom, (s) => {
    const t = rand() < 0.3 ? stripUnit(s) : s;
    return wordPaste(t, rand);
  });
  g = mapText(g, p.layout.body.top, p.layout.body.bottom, (s, _r, c) => (c === 0 ? ` ${s} ` : s));
  return { ...p, grid: g };
}

const TYPOS: Record<string, string> = {
  镇直单位: "镇直直单位",
  县直单位: "县 直 单 位",
  乡镇: "乡镇（街道）",
  市直单位: "市直单 位",
  "县（市、区）": "县(市、区）",
};

/** Clerk variant 3: typos in row labels, unit-type blocks swapped, header cells unmerged. */
function typosReordered(id: string) {
  const p = planted(id);
  const t = allTemplates().find((x) => x.id === id) as TableTemplate;
  let g = mapText(p.grid, p.layout.body.top, p.layout.body.bottom, (s, _r, c) =>
    c === 0 ? (TYPOS[s] ?? s) : s
  );
  const per = Math.max(1, t.subRows?.length ?? 0);
  if (t.rows.length >= 2 && t.rowHeader !== null)
    g = swapRowBlocks(g, p.layout.body.top, p.layout.body.top + per, per);
  g = unmerge(g, p.layout.header.top, p.layout.header.bottom);
  return { ...p, grid: g };
}

describe.each(tableIds)("table template %s", (id) => {
  it("is recognized in its official layout, every cell where it is", () => {
    const p = planted(id);
    const rec = recognize(p.grid);
    expectRecognized(rec, id);
    expect(misplaced(rec, p.markers)).toEqual([]);
    expect(rec.kind === "table" && rec.findings).toEqual([]);
    expect(rec.kind !== "none" && rec.confidence).toBeGreaterThan(0.9);
  });

  it("is recognized shifted, without its title, among notes and signatures", () => {
    const p = shiftedNoTitle(id);
    const rec = recognize(p.grid);
    expectRecognized(rec, id);
    expect(misplaced(rec, p.markers)).toEqual([]);
  });

  it.each([1, 2, 3])("is recognized with a header pasted from Word (seed %i)", (seed) => {
    const p = wordPasted(id, seed);
    const rec = recognize(p.grid);
    expectRecognized(rec, id);
    expect(misplaced(rec, p.markers)).toEqual([]);
  });

  it("is recognized with typo row labels, rows in another order and an unmerged header", () => {
    const p = typosReordered(id);
    const rec = recognize(p.grid);
    expectRecognized(rec, id);
    expect(misplaced(rec, p.markers)).toEqual([]);
  });

  it("is still recognized with a whole column group deleted, and says which", () => {
    const info = getTableInfo(id)!;
    const groups = [...new Set(info.leaves.map((l) => l.path[0]))];
    const victim = groups.length > 1 ? groups[groups.length - 1] : undefined;
    if (!victim) return expect(info.leaves.length).toBe(4); // 任务分解指导数: no groups, its columns are single leaves
    const p = planted(id);
    const cols = info.leaves.filter((l) => l.path[0] === victim);
    const labelCols = info.template.rowHeader === null ? 0 : 1;
    const g = deleteColumns(p.grid, labelCols + cols[0].index, cols.length);
    const rec = recognize(g);
    expectRecognized(rec, id);
    const structure =
      rec.kind === "table" ? rec.findings.filter((f) => f.category === "structure") : [];
    expect(structure.map((f) => f.message).join("\n")).toContain(victim);
    for (const key of cols.map((l) => l.key))
      for (const k of [...p.markers.keys()]) if (k.endsWith(`|${key}`)) p.markers.delete(k);
    expect(misplaced(rec, p.markers)).toEqual([]);
  });
});

describe.each(listIds)("list template %s", (id) => {
  const t = allTemplates().find((x) => x.id === id)!;
  const items = t.kind === "list" ? t.items.length : 0;

  it("is recognized in its official layout with every item", () => {
    const rec = recognize(planted(id).grid);
    expectRecognized(rec, id);
    expect(rec.kind === "list" && rec.match.rows.size).toBe(items);
  });

  it("is recognized shifted, without its title, with padded labels", () => {
    const p = planted(id);
    let g = shift(deleteRows(p.grid, 0, 1), 3, 1);
    g = mapText(g, 0, g.values.length - 1, (s) => (s.length < 12 ? [...s].join(" ") : `${s} `));
    const rec = recognize(g);
    expectRecognized(rec, id);
    expect(rec.kind === "list" && rec.match.rows.size).toBe(items);
  });

  it("finds every item with the rows in another order and the header pasted from Word", () => {
    const p = planted(id);
    const g = clone(p.grid);
    const body = g.values.slice(p.layout.body.top, p.layout.body.bottom + 1).reverse();
    g.values.splice(p.layout.body.top, body.length, ...body);
    g.merges = g.merges.filter((m) => m.bottom < p.layout.body.top || m.top > p.layout.body.bottom);
    const rand = rng(5);
    const pasted = mapText(g, p.layout.header.top, p.layout.header.bottom, (s) =>
      wordPaste(s, rand)
    );
    const rec = recognize(pasted);
    expectRecognized(rec, id);
    expect(rec.kind === "list" && rec.match.rows.size).toBe(items);
  });

  it("finds items that were renumbered or cut short", () => {
    const p = planted(id);
    const g = mapText(p.grid, p.layout.body.top, p.layout.body.bottom, (s) =>
      s.replace(/^\d+\./, "").slice(0, 24)
    );
    const rec = recognize(g);
    expectRecognized(rec, id);
    expect(rec.kind === "list" && rec.match.rows.size).toBeGreaterThanOrEqual(
      Math.floor(items * 0.9)
    );
  });
});

describe("editions and workbooks", () => {
  it("tells 安溪 from 晋江 by the row labels alone (title deleted)", () => {
    for (const id of [
      "anxi-2024-monthly-1",
      "jinjiang-2024-monthly-1",
      "anxi-2024-monthly-2",
      "jinjiang-2024-monthly-2",
    ]) {
      const rec = recognize(deleteRows(planted(id).grid, 0, 1));
      expect(rec.template?.id).toBe(id);
    }
  });

  it("recognizes each sheet of a workbook holding several templates", () => {
    const recs = ids.map((id) => recognize({ ...planted(id).grid, name: id }));
    expect(recs.map((r) => r.template?.id)).toEqual(ids);
  });

  it("reads the header fields, inline or in cells of their own", () => {
    const p = planted("nanan-2026-quarterly-1");
    const g = { ...p.grid, values: p.grid.values.map((r) => [...r]) };
    g.values[1] = [
      "填报单位（盖章）：金淘镇朴里村    填表人：林小红   联系电话：0595-86123456     2026年12月20日",
    ];
    const rec = recognize(g);
    expect(
      rec.kind === "table" && Object.fromEntries(rec.headerFields.map((f) => [f.key, f.value]))
    ).toEqual({
      unit: "金淘镇朴里村",
      filler: "林小红",
      phone: "0595-86123456",
      date: "2026年12月20日",
    });
    const dateField =
      rec.kind === "table" ? rec.headerFields.find((f) => f.key === "date") : undefined;
    expect(dateField?.date).toEqual({ year: 2026, month: 12, day: 20 });

    const split = { ...p.grid, values: p.grid.values.map((r) => [...r]) };
    split.values[1] = [
      "填报单位（盖章）：",
      "朴里村",
      null,
      "填表人：",
      "林小红",
      "联系电话",
      13805951234,
    ];
    const rec2 = recognize(split);
    expect(
      rec2.kind === "table" && rec2.headerFields.map((f) => [f.key, f.valueCell, f.value])
    ).toEqual([
      ["unit", "B2", "朴里村"],
      ["filler", "E2", "林小红"],
      ["phone", "G2", "13805951234"],
    ]);
  });
});

describe("LibreOffice round trip", () => {
  it("recognizes every template after LibreOffice converted it from an HTML table", async () => {
    const variants = ids.map((id) => ({
      id,
      ...(tableIds.includes(id) ? shiftedNoTitle(id) : planted(id)),
    }));
    const files = convertWithLibreOffice(variants.map((v) => v.grid));
    for (const [i, v] of variants.entries()) {
      const [grid] = await readGrids(files[i], `${v.id}.xlsx`);
      const rec = recognize(grid);
      expectRecognized(rec, v.id);
      expect(misplaced(rec, v.markers)).toEqual([]);
    }
  }, 240_000);
});
