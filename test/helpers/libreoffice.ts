/** Round trips through LibreOffice headless: write an HTML table, let soffice convert it to .xlsx. */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import type { Grid } from "../../src/rules/grid";

// Every formula recalculated on load, as a spreadsheet would (tools/recalc-profile.js).
const { recalcProfile } = require("../../tools/recalc-profile.js") as {
  recalcProfile: (dir: string) => void;
};

/**
 * One headless soffice run converting `inputs` to `to` into `outdir`, with its own profile under
 * `dir` (runs never share one); `recalc` has every formula recalculated on load.
 */
export function soffice(
  dir: string,
  to: string,
  outdir: string,
  inputs: string[],
  options: { recalc?: boolean; infilter?: string; timeout?: number } = {}
): void {
  if (options.recalc) recalcProfile(dir);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
      "--convert-to",
      to,
      "--outdir",
      outdir,
      ...inputs,
    ],
    { stdio: "pipe", timeout: options.timeout ?? 180_000 }
  );
}

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\n/g, "<br>");

/** The grid as an HTML table, merged areas as rowspan/colspan, the way a web page or Word would hold it. */
export function toHtml(g: Grid): string {
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of g.merges) {
    spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const width = Math.max(...g.values.map((r) => r.length));
  const rows = g.values.map((row, r) => {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const s = spans.get(`${r},${c}`);
      const attrs = s
        ? `${s.rows > 1 ? ` rowspan="${s.rows}"` : ""}${s.cols > 1 ? ` colspan="${s.cols}"` : ""}`
        : "";
      const v = row[c];
      cells.push(`<td${attrs}>${v === null || v === undefined ? "" : escape(String(v))}</td>`);
    }
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><table border="1">${rows.join("\n")}</table></body></html>`;
}

/** Converts each grid (as HTML) to .xlsx with LibreOffice in one soffice run; returns the .xlsx bytes in order. */
export function convertWithLibreOffice(grids: Grid[]): Uint8Array[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-lo-"));
  const inputs = grids.map((g, i) => {
    const file = path.join(dir, `sheet${i}.html`);
    writeFileSync(file, toHtml(g));
    return file;
  });
  soffice(dir, "xlsx", dir, inputs, { infilter: "HTML (StarCalc)" });
  return inputs.map((f) => new Uint8Array(readFileSync(f.replace(/\.html$/, ".xlsx"))));
}

/** An .xlsx opened in LibreOffice and saved again as .xlsx (what a WPS/LibreOffice user sends back). */
export function resaveWithLibreOffice(xlsx: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-lo-"));
  const input = path.join(dir, "book.xlsx");
  writeFileSync(input, xlsx);
  soffice(dir, "xlsx:Calc MS Excel 2007 XML", path.join(dir, "out"), [input]);
  return new Uint8Array(readFileSync(path.join(dir, "out", "book.xlsx")));
}

/** An .xlsx saved by LibreOffice as .ods, then the .ods saved again as .xlsx (a file passed through Calc's own format). */
export function throughOds(xlsx: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-lo-"));
  writeFileSync(path.join(dir, "book.xlsx"), xlsx);
  const convert = (to: string, input: string, out: string) =>
    soffice(dir, to, path.join(dir, out), [path.join(dir, input)]);
  convert("ods", "book.xlsx", "ods");
  convert("xlsx:Calc MS Excel 2007 XML", "ods/book.ods", "xlsx");
  return new Uint8Array(readFileSync(path.join(dir, "xlsx", "book.xlsx")));
}

/**
 * .xlsx files saved by LibreOffice as Excel 97–2003 workbooks (.xls, BIFF8) in one soffice run,
 * every formula recalculated on load as Excel would have computed it before saving (LibreOffice
 * writes a text result it did not compute itself as 0).
 */
export function saveAsXls(files: Uint8Array[]): Uint8Array[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-lo-"));
  const inputs = files.map((bytes, i) => {
    const file = path.join(dir, `book${i}.xlsx`);
    writeFileSync(file, bytes);
    return file;
  });
  soffice(dir, "xls:MS Excel 97", path.join(dir, "xls"), inputs, { recalc: true });
  return inputs.map(
    (f) => new Uint8Array(readFileSync(path.join(dir, "xls", path.basename(f, ".xlsx") + ".xls")))
  );
}
