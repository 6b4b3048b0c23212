/** Round trips through LibreOffice headless: write an HTML table, let soffice convert it to .xlsx. */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import type { Grid } from "../../src/rules/grid";

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
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--infilter=HTML (StarCalc)",
      "--convert-to",
      "xlsx",
      "--outdir",
      dir,
      ...inputs,
    ],
    { stdio: "pipe", timeout: 180_000 }
  );
  return inputs.map((f) => new Uint8Array(readFileSync(f.replace(/\.html$/, ".xlsx"))));
}

/** An .xlsx opened in LibreOffice and saved again as .xlsx (what a WPS/LibreOffice user sends back). */
export function resaveWithLibreOffice(xlsx: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-lo-"));
  const input = path.join(dir, "book.xlsx");
  writeFileSync(input, xlsx);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      path.join(dir, "out"),
      input,
    ],
    { stdio: "pipe", timeout: 180_000 }
  );
  return new Uint8Array(readFileSync(path.join(dir, "out", "book.xlsx")));
}

/** An .xlsx saved by LibreOffice as .ods, then the .ods saved again as .xlsx (a file passed through Calc's own format). */
export function throughOds(xlsx: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-lo-"));
  writeFileSync(path.join(dir, "book.xlsx"), xlsx);
  const convert = (to: string, input: string, out: string) =>
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        path.join(dir, out),
        path.join(dir, input),
      ],
      { stdio: "pipe", timeout: 180_000 }
    );
  convert("ods", "book.xlsx", "ods");
  convert("xlsx:Calc MS Excel 2007 XML", "ods/book.ods", "xlsx");
  return new Uint8Array(readFileSync(path.join(dir, "xlsx", "book.xlsx")));
}
