/* eslint-disable office-addins/no-context-sync-in-loop -- the one-request-per-cell baselines sync per cell on purpose */
/**
 * The Office operations whose requests we count (test/office/requests.test.ts, bench/office.bench.ts):
 * each done by the adapter, and done the naive way — one request per cell — on the same host double.
 */
import { QTOTAL } from "../../src/functions/functions";
import { blankTemplate } from "../../src/rules/layout/blank-template";
import { columnLetters, type Grid } from "../../src/rules/grid";
import { filledSheet } from "../../src/rules/sample/filled";
import { getTemplate } from "../../src/rules/templates/catalog";
import { consolidateInExcel } from "../../src/workbook/office/consolidate";
import { highlightCells } from "../../src/workbook/office/highlight";
import { readAllSheets } from "../../src/workbook/office/read-sheets";
import { invalidateWorkbook } from "../../src/workbook/office/snapshot";
import type { Mark } from "../../src/workbook/types";
import { Book, excelContext, MemoryStore } from "./excel-mock";
import { instrument, type RequestStats } from "./instrument";

export interface Operation {
  name: string;
  /** Cells the operation reads or writes. */
  cells: number;
  ours: RequestStats;
  perCell: RequestStats;
}

const T = getTemplate("nanan-2026-quarterly-1")!;
const village = (i: number, name = `${i}村`): Grid => ({
  ...filledSheet(T, { seed: i, rowTypes: ["village"], unit: `${i}村` }).grid,
  name,
});
const cellsOf = (g: Grid) =>
  g.values.flatMap((r, row) => r.map((_, col) => `${columnLetters(col)}${row + 1}`));

type Context = Excel.RequestContext;
const measure = async (
  book: Book,
  work: (context: Context, request: (n: number) => void) => Promise<unknown>,
  fixtures?: Map<string, Grid[]>
) => {
  const { context, stats, request } = instrument(excelContext(book, fixtures).context);
  await work(context, request);
  return stats;
};

/** One request per cell: what reading a sheet costs without batching. */
async function readCellByCell(context: Context, sheet: string, cells: string[]) {
  for (const cell of cells) {
    const r = context.workbook.worksheets.getItem(sheet).getRange(cell);
    r.load("values");
    await context.sync();
    void r.values;
  }
}

export async function checkWorkbook(sheets = 60): Promise<Operation> {
  const grids = Array.from({ length: sheets }, (_, i) => village(i + 1));
  const book = () => grids.reduce((b, g) => b.load(g), new Book());
  return {
    name: `检查工作簿（${sheets} 张表）`,
    cells: grids.reduce((n, g) => n + cellsOf(g).length, 0),
    ours: await measure(book(), (context) => readAllSheets(context)),
    perCell: await measure(book(), async (context) => {
      context.workbook.worksheets.load("items/name");
      await context.sync();
      for (const g of grids) await readCellByCell(context, g.name, cellsOf(g));
    }),
  };
}

export async function highlight(cells = 5000): Promise<Operation> {
  const perSheet = cellsOf(village(1)).length;
  const grids = Array.from({ length: Math.ceil(cells / perSheet) }, (_, i) => village(i + 1));
  const marks: Mark[] = grids
    .flatMap((g) =>
      cellsOf(g).map(
        (cell, k) => ({ sheet: g.name, cell, severity: k % 3 ? "error" : "warning" }) as Mark
      )
    )
    .slice(0, cells);
  const book = () => grids.reduce((b, g) => b.load(g), new Book());
  const store = (request: (n: number) => void) => {
    const s = new MemoryStore();
    const save = s.save.bind(s);
    s.save = async () => {
      await save();
      request(s.saved.length); // document settings travel in a request of their own
    };
    return s;
  };
  return {
    name: `标出问题格（${marks.length} 格）`,
    cells: marks.length,
    ours: await measure(book(), (context, request) =>
      highlightCells(context, marks, store(request))
    ),
    perCell: await measure(book(), async (context, request) => {
      const saved: Record<string, unknown> = {};
      for (const m of marks) {
        const props = context.workbook.worksheets
          .getItem(m.sheet)
          .getRange(m.cell)
          .getCellProperties({
            format: { fill: { color: true, pattern: true, patternColor: true } },
          });
        await context.sync();
        saved[`${m.sheet}!${m.cell}`] = props.value;
      }
      const s = store(request);
      s.set("fills", saved);
      await s.save();
      for (const m of marks) {
        context.workbook.worksheets.getItem(m.sheet).getRanges(m.cell).format.fill.color =
          "#F8C4C4";
        await context.sync();
      }
    }),
  };
}

/** A one-sheet report as Excel saves it is some 30 KB: 40 KB in base64. */
const FILE_BASE64 = 40 * 1024;

export async function consolidate(children = 200): Promise<Operation> {
  const grids = Array.from({ length: children }, (_, i) => village(i + 1, "Sheet1"));
  // The double inserts the sheets registered under a file's base64; padding gives it a real file's weight.
  const base64 = (i: number) => `file${i}:`.padEnd(FILE_BASE64, "A");
  const fixtures = new Map(grids.map((g, i) => [base64(i), [g]]));
  const files = grids.map((_, i) => ({ name: `${i + 1}村.xlsx`, base64: base64(i) }));
  const layout = blankTemplate(T);
  const summaryCells = layout.body.bottom - layout.body.top + 1;
  const formulas = summaryCells * (layout.grid.values[layout.body.top]?.length ?? 0);
  return {
    name: `一键汇总（${children} 个下级单位）`,
    cells: grids.reduce((n, g) => n + cellsOf(g).length, 0) + formulas,
    ours: await measure(new Book(), (context) => consolidateInExcel(context, files), fixtures),
    perCell: await measure(
      new Book(),
      async (context) => {
        const ids: string[] = [];
        for (const f of files) {
          const inserted = context.workbook.insertWorksheetsFromBase64(f.base64);
          await context.sync();
          ids.push(...inserted.value);
        }
        // getItem takes an id as well as a name.
        for (const [i, id] of ids.entries()) await readCellByCell(context, id, cellsOf(grids[i]));
        const summary = context.workbook.worksheets.add("季报表（一）汇总");
        for (let k = 0; k < formulas; k++) {
          // A formula holds at most 8,192 characters: the first hundred children stand for all.
          const refs = grids
            .slice(0, 100)
            .map((_, i) => `'Sheet1 (${i + 2})'!C7`)
            .join(",");
          summary.getRange(`${columnLetters(k % 28)}${7 + Math.floor(k / 28)}`).formulas = [
            [`=SUM(${refs})`],
          ];
          await context.sync();
        }
      },
      fixtures
    ),
  };
}

export async function qtotalWave(children = 200): Promise<Operation> {
  const layout = blankTemplate(T);
  const summary = { ...layout.grid, name: "汇总" };
  summary.values[0][0] = `${T.title}（汇总）`;
  const grids = Array.from({ length: children }, (_, i) => village(i + 1));
  const book = () => [summary, ...grids].reduce((b, g) => b.load(g), new Book());
  const row = layout.body.top + 1; // 村
  const width = layout.grid.values[row].length;
  const cells = Array.from({ length: width - 1 }, (_, k) => `${columnLetters(k + 1)}${row + 1}`);
  const install = (context: Context) => {
    Object.assign(globalThis, {
      Excel: {
        // Excel.run(options, batch) as runExcel calls it.
        run: (_: unknown, batch: (context: Context) => unknown) => batch(context),
      },
      Office: { context: { requirements: { isSetSupported: () => true } } },
    });
  };
  return {
    name: `=SRS.QTOTAL() 一轮重算（${cells.length} 格 × ${children} 个下级单位）`,
    cells: cells.length * children,
    ours: await measure(book(), async (context) => {
      install(context);
      invalidateWorkbook();
      await Promise.all(
        cells.map((cell) =>
          QTOTAL(undefined, { address: `汇总!${cell}` } as CustomFunctions.Invocation)
        )
      );
      invalidateWorkbook();
    }),
    perCell: await measure(book(), async (context) => {
      for (const cell of cells)
        for (const g of grids) await readCellByCell(context, g.name, [cell]);
    }),
  };
}
