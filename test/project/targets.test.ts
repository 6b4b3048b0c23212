/**
 * Every script SRS's pages run parses in the oldest browsers .browserslistrc names (docs/SUPPORT.md
 * says which Excel uses which): Chromium 84, Firefox 79 and Safari 14.1 parse all of ES2020 but for
 * the regular-expression lookbehind (ES2018, in Safari only from 16.4). boot.js, which every page
 * runs first, parses as ES5: Internet Explorer 11 (Trident) runs it to say what to use instead.
 */
import { parse, tokenizer, type Options } from "acorn";
import { readdirSync, readFileSync } from "fs";
import path from "path";
const { ensureBuilt } = require("../../tools/dist.js");

const LEVEL: Options["ecmaVersion"] = 2020;
const LOOKBEHIND = /\(\?<[=!]/;

/**
 * Built-ins the targets lack that no transpiler adds (Safari 14.1 and Chromium 84 are the first to
 * miss each; MDN's compatibility tables), as they read in minified code. (findLast is left out:
 * Fluent's focus manager has a method of that name.)
 */
const TOO_NEW: [string, RegExp][] = [
  ["structuredClone (Safari 15.4, Chromium 98)", /(?<![\w$.])structuredClone\s*\(/],
  ["Array/String .at() (Safari 15.4, Chromium 92)", /\.at\(-/],
  ["Object.hasOwn (Safari 15.4, Chromium 93)", /Object\.hasOwn\(/],
  ["replaceAll (Chromium 85)", /\.replaceAll\(/],
  ["change-array-by-copy (Safari 16, Chromium 110)", /\.(toSorted|toReversed|toSpliced)\(/],
  ["Promise.any (Chromium 85)", /Promise\.any\(/],
  ["Object.groupBy (Safari 17.4, Chromium 117)", /Object\.groupBy\(/],
];

/** Why a script fails the targets: a parse error at `level`, a lookbehind, a built-in they lack. */
function faults(code: string, level: Options["ecmaVersion"]): string[] {
  const out: string[] = [];
  try {
    parse(code, { ecmaVersion: level, sourceType: "script" });
  } catch (e) {
    const at = (e as { pos: number }).pos;
    return [`${(e as Error).message}: …${code.slice(Math.max(0, at - 60), at + 30)}…`];
  }
  // Patterns as regex literals, and as text given to new RegExp.
  for (const t of tokenizer(code, { ecmaVersion: level })) {
    const value = (t as { value?: unknown }).value;
    const text =
      t.type.label === "regexp" ? (value as { pattern: string }).pattern : String(value ?? "");
    if (["regexp", "string", "template"].includes(t.type.label) && LOOKBEHIND.test(text))
      out.push(`lookbehind: ${text.slice(0, 80)}`);
  }
  if (level !== 5)
    for (const [what, pattern] of TOO_NEW) {
      const m = pattern.exec(code);
      if (m) out.push(`${what}: …${code.slice(Math.max(0, m.index - 60), m.index + 30)}…`);
    }
  return out;
}

describe("what the pages run parses in the oldest webview SUPPORT.md promises", () => {
  const dist = ensureBuilt();
  // office-js/ is Microsoft's Office.js, as published: Office loads it, we do not build it.
  // wps/ is the WPS add-in (tools/wps.js): the same sources, the same targets.
  const scripts = [
    ...readdirSync(dist),
    ...readdirSync(path.join(dist, "wps")).map((f) => `wps/${f}`),
  ].filter((f) => f.endsWith(".js"));

  it("finds the bundles and the bootstrap", () => {
    expect(scripts).toEqual(
      expect.arrayContaining(["boot.js", "runtime.js", "taskpane.js", "functions.js", "demo.js"])
    );
  });

  it("every emitted script parses at ES2020 with no lookbehind and no built-in the targets lack", () => {
    const bad = scripts
      .filter((f) => !/(^|\/)boot\.js$/.test(f))
      .flatMap((f) =>
        faults(readFileSync(path.join(dist, f), "utf8"), LEVEL).map((m) => `${f}: ${m}`)
      );
    expect(bad).toEqual([]);
  });

  it("boot.js, run first by every page, parses as ES5", () => {
    expect(faults(readFileSync(path.join(dist, "boot.js"), "utf8"), 5)).toEqual([]);
  });

  it("srs.html's inline scripts: the bootstrap as ES5 first, then the page at ES2020", () => {
    const html = readFileSync(path.join(dist, "srs.html"), "utf8");
    const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(2);
    expect(faults(inline[0], 5)).toEqual([]);
    expect(faults(inline[1], LEVEL)).toEqual([]);
  });

  it("each page runs the bootstrap before anything else", () => {
    for (const page of ["taskpane.html", "demo.html", "wps/taskpane.html"]) {
      const html = readFileSync(path.join(dist, page), "utf8");
      const first = /<script[^>]*\ssrc="?([^"\s>]+)/.exec(html)?.[1];
      expect([page, first]).toEqual([page, "boot.js"]);
    }
  });

  it("a parse at the level catches what the targets cannot parse", () => {
    expect(faults("class A { static { this.x = 1; } }", LEVEL)[0]).toMatch(/Unexpected/);
    expect(faults("a ??= b;", LEVEL)[0]).toMatch(/Unexpected|assign/i);
    expect(faults('x.replace(/(?<=a)b/, "")', LEVEL)).toEqual([
      expect.stringMatching(/^lookbehind/),
    ]);
    expect(faults('new RegExp("(?<!a)b")', LEVEL)).toEqual([expect.stringMatching(/^lookbehind/)]);
    expect(faults("var f = () => 1;", 5)[0]).toMatch(/Unexpected/);
    expect(faults("a?.b ?? c", LEVEL)).toEqual([]);
  });
});
