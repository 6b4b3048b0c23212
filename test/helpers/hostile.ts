/**
 * Crafted files for the hostile tests: a real village report (as exceljs writes one: shared
 * strings, styles) with a part rewritten. Each is made in well under a second.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { readdirSync, readFileSync } from "fs";
import { filledSheet } from "../../src/rules/sample/filled";
import { columnLetters } from "../../src/rules/grid";
import { getTemplate } from "../../src/rules/templates/catalog";
import { ALLOWED_FUNCTIONS } from "../../src/workbook/xlsx/child-formulas";
import { addGridSheet, toXlsx } from "../../src/workbook/xlsx/write-workbook";
import path from "path";

export const SHEET = "xl/worksheets/sheet1.xml";

/** A village's 季报表（一）, filled as the notice asks (0 where nothing happened). */
export async function village(unit: string, seed: number, sheet = "Sheet1"): Promise<Uint8Array> {
  const f = filledSheet(getTemplate("nanan-2026-quarterly-1")!, {
    seed,
    rowTypes: ["village"],
    unit,
  });
  return toXlsx((wb) => addGridSheet(wb, { ...f.grid, name: sheet }));
}

type Parts = Record<string, Uint8Array>;

/** The package with `edit` applied to its parts (text in, text out; undefined drops the part). */
export function rewrite(
  bytes: Uint8Array,
  edits: Record<string, (xml: string) => string | Uint8Array | undefined>
): Uint8Array {
  const parts: Parts = unzipSync(bytes);
  for (const [name, edit] of Object.entries(edits)) {
    const next = edit(parts[name] ? strFromU8(parts[name]) : "");
    if (next === undefined) delete parts[name];
    else parts[name] = typeof next === "string" ? strToU8(next) : next;
  }
  return zipSync(parts);
}

const NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Rows of cells from row `from` on: `perRow` cells a row, each `cell(ref)`. */
export function rows(from: number, count: number, perRow: number, cell: (ref: string) => string) {
  const out: string[] = [];
  for (let r = from; r < from + count; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < perRow; c++) row += cell(`${columnLetters(c)}${r}`);
    out.push(`${row}</row>`);
  }
  return out.join("");
}

/** The crafted cases of issue #26 (and the legal files that must be read). */
export const crafted = {
  /** 70,000 cell formats: past Excel's 64,000. */
  formats: (b: Uint8Array) =>
    rewrite(b, {
      "xl/styles.xml": (x) =>
        x.replace(
          /<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/,
          `<cellXfs count="70000">${'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'.repeat(70_000)}</cellXfs>`
        ),
    }),
  /** The issue's own styles.xml: 152 KB packed, 2×10⁷ empty `<xf/>` (100 MB unpacked). */
  emptyFormats: (b: Uint8Array) =>
    rewrite(b, {
      "xl/styles.xml": (x) =>
        x.replace(
          /<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/,
          `<cellXfs count="20000000">${"<xf/>".repeat(20_000_000)}</cellXfs>`
        ),
    }),
  /** One 32,767-character shared string shown by 100,000 cells. */
  expanded: (b: Uint8Array) => {
    const shared = strFromU8(unzipSync(b)["xl/sharedStrings.xml"]);
    const index = (shared.match(/<si>/g) ?? []).length;
    return rewrite(b, {
      "xl/sharedStrings.xml": (x) =>
        x.replace("</sst>", `<si><t>${"长".repeat(32_767)}</t></si></sst>`),
      [SHEET]: (x) =>
        x.replace(
          "</sheetData>",
          `${rows(100, 10_000, 10, (ref) => `<c r="${ref}" t="s"><v>${index}</v></c>`)}</sheetData>`
        ),
    });
  },
  /** 400 sheet entries pointing at one part of 50,000 cells (250 rows of 200). */
  aliased: (b: Uint8Array) =>
    rewrite(b, {
      "xl/worksheets/sheet99.xml": () =>
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows(1, 250, 200, (ref) => `<c r="${ref}"><v>1</v></c>`)}</sheetData></worksheet>`,
      "xl/workbook.xml": (x) =>
        x.replace(
          "</sheets>",
          `${Array.from({ length: 400 }, (_, i) => `<sheet name="副本${i}" sheetId="${100 + i}" r:id="rIdAlias"/>`).join("")}</sheets>`
        ),
      "xl/_rels/workbook.xml.rels": (x) =>
        x.replace(
          "</Relationships>",
          `<Relationship Id="rIdAlias" Type="${NS}/worksheet" Target="worksheets/sheet99.xml"/></Relationships>`
        ),
      "[Content_Types].xml": (x) =>
        x.replace(
          "</Types>",
          '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
    }),
  /** A row left open: the XML is broken. */
  unclosedRow: (b: Uint8Array) => rewrite(b, { [SHEET]: (x) => x.replace("</row>", "") }),
  /** Legal: a 5,002-character note of CJK written as character references (40,016 bytes of XML). */
  charRefs: (b: Uint8Array) =>
    rewrite(b, {
      [SHEET]: (x) =>
        x.replace(
          "</sheetData>",
          `<row r="60"><c r="A60" t="inlineStr"><is><t>${"&#x6CE8;".repeat(5_002)}</t></is></c></row></sheetData>`
        ),
    }),
  /** Legal: the sheet's XML in UTF-16, as XML allows and LibreOffice reads. */
  utf16: (b: Uint8Array) =>
    rewrite(b, {
      [SHEET]: (x) => {
        const xml = x.replace(
          /^<\?xml[^>]*\?>/,
          '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>'
        );
        const out = new Uint8Array(2 + xml.length * 2);
        out.set([0xff, 0xfe]);
        for (let i = 0; i < xml.length; i++) {
          out[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
          out[3 + 2 * i] = xml.charCodeAt(i) >> 8;
        }
        return out;
      },
    }),
};

const SRS = path.join(__dirname, "../../bin/srs.js");
const RSS = path.join(__dirname, "report-rss.js");

/**
 * One srs process: its exit, output and peak memory. The time bound (`guard`, 20 s unless a test
 * holds its runs to less) is only a generous guard against a hang (speed goals live in the
 * benchmarks).
 */
export function srs(
  args: string[],
  { cwd, guard = 20_000 }: { cwd?: string; guard?: number } = {}
) {
  const r = spawnSync("node", ["-r", RSS, SRS, ...args], {
    encoding: "utf8",
    timeout: guard,
    cwd,
  });
  const rss = /max-rss-kb (\d+)/.exec(r.stderr);
  return {
    code: r.status, // null when the guard ran out
    out: r.stdout,
    err: r.stderr.replace(/\n?max-rss-kb \d+\n/, "").trim(),
    rssMB: rss ? Number(rss[1]) / 1024 : Infinity,
  };
}

/**
 * What #26 asks of every run on a crafted file: a normal exit (not the hang guard's kill), within
 * 500 MB, and at most one zh line on stderr, no stack trace nor English library message anywhere.
 */
export function bounded(r: ReturnType<typeof srs>): void {
  if (r.code === null) throw new Error("srs ran past its time guard");
  if (r.rssMB >= 500) throw new Error(`srs used ${Math.round(r.rssMB)} MB`);
  if (r.err.split("\n").length > 1) throw new Error(`more than one line on stderr: ${r.err}`);
  if (/\n\s+at |Error:|ENOENT|EACCES|heap/.test(`${r.out}\n${r.err}`))
    throw new Error(`a stack trace or library message: ${r.out}${r.err}`);
}

/** Every file under `root` (relative path → sha-256): compared before and after a run. */
export function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath ?? e.path, e.name);
    out[path.relative(root, file)] = createHash("sha256").update(readFileSync(file)).digest("hex");
  }
  return out;
}

/** What a run did under `root` since `before`: the files it added; none changed or removed. */
export function added(before: Record<string, string>, root: string): string[] {
  const now = tree(root);
  const gone = Object.keys(before).filter((f) => now[f] !== before[f]);
  if (gone.length) throw new Error(`changed or removed: ${gone.join(", ")}`);
  return Object.keys(now)
    .filter((f) => !(f in before))
    .sort();
}

const ALLOWED = new Set<string>(ALLOWED_FUNCTIONS);

/** A formula made of allowed functions only, reaching no other workbook and no DDE server. */
export function ownFunctions(formula: string): boolean {
  const bare = formula.replace(/"(?:[^"]|"")*"/g, '""');
  if (/[[|]/.test(bare)) return false;
  return [...bare.matchAll(/([A-Za-z_][\w.]*)\s*\(/g)].every((m) =>
    ALLOWED.has(m[1].replace(/^_xlfn\./i, "").toUpperCase())
  );
}

/**
 * Nothing live in an output: no macro, ActiveX or external-link part, no macro-enabled type, no
 * external hyperlink, and every formula passing `ok` (by default: allowed functions only).
 */
export function nothingLive(file: string, ok: (formula: string) => boolean = ownFunctions): void {
  const parts = unzipSync(readFileSync(file));
  const bad = Object.keys(parts).filter((n) => /vba|macro|activeX|externalLink/i.test(n));
  if (bad.length) throw new Error(`${file}: ${bad.join(", ")}`);
  const types = strFromU8(parts["[Content_Types].xml"]);
  if (/macroEnabled|vbaProject/.test(types)) throw new Error(`${file}: a macro-enabled package`);
  for (const [name, bytes] of Object.entries(parts)) {
    const xml = strFromU8(bytes);
    if (name.endsWith(".rels") && /TargetMode="External"/.test(xml))
      throw new Error(`${file}: an external target in ${name}`);
    if (name.startsWith("xl/worksheets/"))
      for (const m of xml.matchAll(/<f\b[^>]*>([^<]*)<\/f>/g))
        if (!ok(m[1])) throw new Error(`${file}: a live formula ${m[1]} in ${name}`);
  }
}
