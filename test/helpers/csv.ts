/** Reads LibreOffice's CSV export: every sheet to its own file, quoted fields. */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { soffice } from "./libreoffice";

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      rows.push([...row, field.replace(/\r$/, "")]);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** LibreOffice headless opens the workbook, recalculates every formula, and exports every sheet as CSV. */
export function recalculatedSheets(xlsx: Uint8Array, sheets: string[]): Map<string, string[][]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-recalc-"));
  const file = path.join(dir, "book.xlsx");
  writeFileSync(file, xlsx);
  soffice(
    dir,
    "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1",
    dir,
    [file],
    { recalc: true }
  );
  return new Map(
    sheets.map((s) => [s, parseCsv(readFileSync(path.join(dir, `book-${s}.csv`), "utf8"))])
  );
}
