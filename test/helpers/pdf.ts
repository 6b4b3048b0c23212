/** Printing through LibreOffice: .xlsx files to PDF in one soffice run, read back with poppler. */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { soffice } from "./libreoffice";

export const ARTIFACTS = path.join(__dirname, "../../test-artifacts");

/** Converts every file to PDF with one soffice run; returns the PDF paths by the names given. */
export function printToPdf(files: { name: string; bytes: Uint8Array }[]): Map<string, string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "srs-pdf-"));
  const inputs = files.map((f) => {
    const file = path.join(dir, `${f.name}.xlsx`);
    writeFileSync(file, f.bytes);
    return file;
  });
  // Printed as LibreOffice computes it, not as the file's cached results say.
  soffice(dir, "pdf", path.join(dir, "pdf"), inputs, { recalc: true, timeout: 600_000 });
  return new Map(files.map((f) => [f.name, path.join(dir, "pdf", `${f.name}.pdf`)]));
}

export function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

/** The text of a page (or all), in drawing order with every space and line break removed: a label wrapped in its cell reads whole. */
export function pdfText(pdf: string, page?: number): string {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", ["-raw", ...range, pdf, "-"], { encoding: "utf8" }).replace(
    /\s+/g,
    ""
  );
}

/** PNGs of the first pages into test-artifacts/print/, to look at. */
export function savePngs(pdf: string, name: string, pages = 3): void {
  const out = path.join(ARTIFACTS, "print");
  mkdirSync(out, { recursive: true });
  execFileSync("pdftoppm", ["-r", "60", "-png", "-l", String(pages), pdf, path.join(out, name)]);
}

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The words drawn on a page, with their boxes (points, from the top left). */
export function words(pdf: string, page: number): Word[] {
  const html = execFileSync(
    "pdftotext",
    ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"],
    {
      encoding: "utf8",
    }
  );
  return [
    ...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g),
  ].map((m) => ({ text: m[5], x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4] }));
}

/** Pairs of words drawn over each other on a page: text spilling out of a cell too short for it. */
export function overlappingWords(pdf: string, page: number): [string, string][] {
  const all = words(pdf, page);
  const pairs: [string, string][] = [];
  // A point of slack: glyph boxes of adjacent lines touch.
  const over = (a: Word, b: Word) =>
    Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 &&
    Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;
  all.forEach((a, i) =>
    all.slice(i + 1).forEach((b) => over(a, b) && pairs.push([a.text, b.text]))
  );
  return pairs;
}

/**
 * Characters of empty room printed after a label ("联系电话："), measured in its own characters:
 * to the next word on its line, else to the right edge of everything on the page (the table's).
 * Undefined when the label is not on the page as one word.
 */
export function roomAfter(page: Word[], label: string): number | undefined {
  const at = page.find((w) => w.text === label);
  if (!at) return undefined;
  const char = (at.x1 - at.x0) / [...label].length;
  const sameLine = (w: Word) => Math.min(w.y1, at.y1) - Math.max(w.y0, at.y0) > 1;
  const next = page.filter((w) => w !== at && sameLine(w) && w.x0 >= at.x1 - 1);
  const end = next.length ? Math.min(...next.map((w) => w.x0)) : Math.max(...page.map((w) => w.x1));
  return (end - at.x1) / char;
}
