/**
 * Properties: whatever fills a sheet had, highlight → (save, reopen) → clear gives every cell its
 * own fill back; consolidating (again) changes no value but the summaries' own cells and 汇总说明.
 */
import { OWN_SHEETS } from "../../src/rules/own-sheets";
import { backupName } from "../../src/rules/consolidation/workbook";
import { columnLetters } from "../../src/rules/grid";
import { addressMap, recognize } from "../../src/rules/recognize";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { INCOMPLETE } from "../../src/rules/consolidation/incomplete";
import { consolidateInExcel } from "../../src/workbook/office/consolidate";
import { clearHighlights, highlightCells } from "../../src/workbook/office/highlight";
import type { Mark } from "../../src/workbook/types";
import { Book, excelContext, type Fill, MemoryStore } from "../helpers/excel-mock";
import { rng } from "../helpers/grids";

const PATTERNS = ["Solid", "Gray25", "Gray50", "LightUp", "Checker"];
const COLORS = ["#FF0000", "#92D050", "#00B0F0", "#FFFF00", "#7030A0", "#F8C4C4", "#FFE699"];

it("100 random sheets: every cell's fill is exactly as before after highlight and clear", async () => {
  const rand = rng(42);
  for (let round = 0; round < 100; round++) {
    const book = new Book().add("S");
    const cells = Array.from(
      { length: 300 },
      (_, i) => `${columnLetters(i % 20)}${Math.floor(i / 20) + 1}`
    );
    for (const c of cells)
      if (rand() < 0.4) {
        const f: Fill = {
          color: COLORS[Math.floor(rand() * COLORS.length)],
          pattern: PATTERNS[Math.floor(rand() * PATTERNS.length)],
          patternColor: COLORS[Math.floor(rand() * COLORS.length)],
        };
        book.setFill("S", c, f);
      }
    const before = cells.map((c) => JSON.stringify(book.fill("S", c)));
    const marks: Mark[] = cells
      .filter(() => rand() < 0.3)
      .map((cell) => ({ sheet: "S", cell, severity: rand() < 0.5 ? "error" : "warning" }));
    const store = new MemoryStore();
    await highlightCells(excelContext(book).context, marks, store);
    if (rand() < 0.5) await highlightCells(excelContext(book).context, marks.slice(0, 10), store); // highlighted twice
    const reopened = new MemoryStore(store.saved);
    await clearHighlights(excelContext(book).context, reopened);
    expect(cells.map((c) => JSON.stringify(book.fill("S", c)))).toEqual(before);
  }
});

const QUARTERLY = getTemplate("nanan-2026-quarterly-1")!;
const UNITS = [
  "金淘镇朴里村",
  "金淘镇岭兜村",
  "金淘镇占石村",
  "金淘镇深垵村",
  "金淘镇镇安办",
  "金淘镇应急办",
];
type Values = Map<string, Map<string, unknown>>;
const snapshot = (book: Book): Values =>
  new Map([...book.sheets].map(([name, s]) => [name, new Map(s.values)]));

/** The cells whose value differs between two versions of a sheet. */
function changed(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter(
    (c) => before.get(c) !== after.get(c)
  );
}

it("consolidation: 20 random workbooks — no value changes outside the summaries' data cells and 汇总说明, none is lost", async () => {
  const rand = rng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const some = (xs: string[]) => xs.filter(() => rand() < 0.5);
  const randomValue = () =>
    rand() < 0.5 ? Math.round(rand() * 1000) : pick(["备注", "=A1", "核对人：王", "#REF!"]);
  for (let round = 0; round < 20; round++) {
    const book = new Book().load({
      name: "预算",
      values: [
        ["项目", "金额"],
        ["办公费", 12],
      ],
      merges: [],
    });
    // A sheet of the clerk's own that happens to bear a unit's name: it is no report and must stay.
    const decoy = pick(UNITS);
    book.load({
      name: decoy,
      values: [
        ["联系人", "电话"],
        ["王", "0595-86123456"],
      ],
      merges: [],
    });
    const fixtures = new Map(
      UNITS.map((u, i) => [
        u,
        [
          {
            ...filledSheet(QUARTERLY, { seed: round * 10 + i, rowTypes: ["village"], unit: u })
              .grid,
            name: "Sheet1",
          },
        ],
      ])
    );
    const files = (units: string[]) => units.map((u) => ({ name: `${u}.xlsx`, base64: u }));
    await consolidateInExcel(excelContext(book, fixtures).context, files(some(UNITS)));
    expect(book.value(decoy, "A1")).toBe("联系人");

    // The clerk works on: corrects children, writes a remark beside the summary, adds sheets.
    const summaries = [...book.sheets.keys()].filter((n) => n.endsWith("汇总"));
    const ownCells = new Map(
      summaries.map((n) => {
        const rec = recognize(book.grid(n));
        return [n, new Set(rec.kind === "table" ? Object.values(addressMap(rec)) : [])];
      })
    );
    for (const [name, s] of book.sheets) {
      if (name === OWN_SHEETS.notes.name) continue;
      for (let k = 0; k < 5; k++) {
        const cell = `${columnLetters(Math.floor(rand() * 40))}${1 + Math.floor(rand() * 30)}`;
        if (!ownCells.get(name)?.has(cell)) s.values.set(cell, randomValue());
      }
    }
    const before = snapshot(book);
    const unitOf = new Map(
      [...book.sheets.keys()].map((n) => {
        const rec = recognize(book.grid(n));
        return [
          n,
          rec.kind === "none" ? "" : rec.headerFields.find((h) => h.key === "unit")?.value,
        ];
      })
    );
    const again = some(UNITS);
    await consolidateInExcel(excelContext(book, fixtures).context, files(again));
    const after = snapshot(book);

    for (const [name, cells] of before) {
      if (name === OWN_SHEETS.notes.name) continue;
      // Only a unit's earlier report gives way to that unit's new file, and is kept, every value,
      // under another name (unless the new file holds the same report: a duplicate, dropped);
      // every other sheet keeps its name and values.
      const resent = again.includes(unitOf.get(name) ?? "");
      const replaced = resent && after.has(backupName(name));
      const now = replaced ? after.get(backupName(name)) : after.get(name);
      expect([name, now === undefined]).toEqual([name, false]);
      const allowed = (!resent && ownCells.get(name)) || new Set<string>();
      // The line saying a total is incomplete is the summary's own (incomplete.ts): written where
      // nothing was, emptied where it was.
      const ours = (v: unknown) => String(v ?? "").startsWith(INCOMPLETE);
      const line = (c: string) =>
        ownCells.has(name) &&
        (ours(cells.get(c)) || (cells.get(c) === undefined && ours(now!.get(c))));
      expect([name, changed(cells, now!).filter((c) => !allowed.has(c) && !line(c))]).toEqual([
        name,
        [],
      ]);
    }
  }
});
