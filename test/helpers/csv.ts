/** Reads LibreOffice's CSV export: every sheet to its own file, quoted fields. */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";

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

/**
 * LibreOffice keeps an .xlsx's cached formula results by default: this profile makes it
 * recalculate every formula on load (OOXMLRecalcMode 0 = always), so a test sees what Excel
 * would compute, not what we cached.
 */
function recalcProfile(dir: string): void {
  mkdirSync(path.join(dir, "profile", "user"), { recursive: true });
  writeFileSync(
    path.join(dir, "profile", "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
  );
}

/** LibreOffice headless opens the workbook, recalculates every formula, and exports every sheet as CSV. */
export function recalculatedSheets(xlsx: Uint8Array, sheets: string[]): Map<string, string[][]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-recalc-"));
  const file = path.join(dir, "book.xlsx");
  writeFileSync(file, xlsx);
  recalcProfile(dir);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1",
      "--outdir",
      dir,
      file,
    ],
    { stdio: "pipe", timeout: 180_000 }
  );
  return new Map(
    sheets.map((s) => [s, parseCsv(readFileSync(path.join(dir, `book-${s}.csv`), "utf8"))])
  );
}
