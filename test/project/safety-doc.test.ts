/** ARCHITECTURE's Safety section lists every budget with its figure and the allow-list, as the code has them. */
import { readFileSync } from "fs";
import path from "path";
import { MAX_ROSTER_UNITS } from "../../src/rules/consolidation/roster";
import { CELLS_PER_REQUEST } from "../../src/workbook/office/batches";
import { RECORD_LIMIT } from "../../src/workbook/store";
import { MAX_SHEET_CELLS } from "../../src/workbook/wps/read";
import { LIMITS } from "../../src/workbook/xlsx/budget";
import { ALLOWED_FUNCTIONS } from "../../src/workbook/xlsx/child-formulas";

const doc = readFileSync(path.join(__dirname, "../../docs/ARCHITECTURE.md"), "utf8");
const safety = doc.slice(
  doc.indexOf("## Safety"),
  doc.indexOf("\n## ", doc.indexOf("## Safety") + 1)
);
const lines = safety.split("\n");
const MB = 1024 * 1024;
const figure = (key: string, n: number) =>
  key.endsWith("Bytes") ? `${n / MB} MB` : n.toLocaleString("en-US");

it.each(Object.entries(LIMITS))("the budget table names %s with its figure", (key, value) => {
  const row = lines.filter((l) => l.startsWith("  |") && l.includes(`\`${key}\``));
  expect(row).toHaveLength(1);
  expect(row[0]).toContain(figure(key, value));
});

it.each([
  ["MAX_ROSTER_UNITS", MAX_ROSTER_UNITS],
  ["CELLS_PER_REQUEST", CELLS_PER_REQUEST],
  ["MAX_SHEET_CELLS", MAX_SHEET_CELLS],
  ["RECORD_LIMIT", RECORD_LIMIT / 1024],
])("the other bounds name %s with its figure", (name, value) => {
  const row = lines.find((l) => l.startsWith("  |") && l.includes(name))!;
  expect(row).toContain(value.toLocaleString("en-US"));
});

it("the allow-list of live functions is the code's, in its order", () => {
  const listed = /`ALLOWED_FUNCTIONS`:(.*?)\)\. /.exec(safety.replace(/\s+/g, " "))![1];
  expect(listed.split(",").map((f) => f.trim())).toEqual([...ALLOWED_FUNCTIONS]);
});
