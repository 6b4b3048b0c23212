/**
 * SRS 检查（兼容版）as Internet Explorer 11 runs it (docs/SUPPORT.md): dist/lite/lite.js parses as
 * ECMAScript 5, turns no text into code, and runs in a page whose global object lacks what IE11
 * lacks (MDN's compatibility tables: every ES2015+ built-in, String.prototype.normalize included),
 * against an Excel limited to ExcelApi 1.1 (test/helpers/excel-1-1.ts): a clerk's report with a
 * few mistakes is checked, its findings listed as the main pane words them, a finding selects its
 * cell, 标出问题格 asks, marks and keeps the originals, 清除标记 asks and gives them back.
 */
import { parse } from "acorn";
import { existsSync, readFileSync } from "fs";
import { JSDOM } from "jsdom";
import path from "path";
import vm from "vm";
import { checkGrids } from "../../src/rules/check";
import { strings } from "../../src/taskpane/i18n";
import { MARK_COLORS } from "../../src/workbook/types";
import { highlightCells } from "../../src/workbook/office/highlight";
import { Book, excelContext, MemoryStore, NO_FILL } from "../helpers/excel-mock";
import { excel11 } from "../helpers/excel-1-1";
import { clerkSheet } from "../helpers/filled";
const { DIST, ensureBuilt } = require("../../tools/dist.js");
const { bundleSizes } = require("../../bench/bundle.js");

const t = strings("zh");

/**
 * What IE11 does not have (MDN browser compatibility data, "Internet Explorer": No), taken out of
 * the page before lite.js runs. Globals, then members.
 */
const IE11_LACKS = {
  globals: [
    "Promise",
    "Symbol",
    "Map",
    "Set",
    "WeakMap",
    "WeakSet",
    "WeakRef",
    "FinalizationRegistry",
    "Proxy",
    "Reflect",
    "fetch",
    "globalThis",
    "queueMicrotask",
    "structuredClone",
    "TextEncoder",
    "TextDecoder",
    "AbortController",
    "BigInt",
    "AggregateError",
  ],
  members: {
    Array: ["from", "of"],
    "Array.prototype": [
      "find",
      "findIndex",
      "findLast",
      "includes",
      "fill",
      "flat",
      "flatMap",
      "at",
      "copyWithin",
      "keys",
      "values",
      "entries",
    ],
    Object: [
      "assign",
      "entries",
      "values",
      "fromEntries",
      "is",
      "getOwnPropertyDescriptors",
      "hasOwn",
      "groupBy",
    ],
    String: ["fromCodePoint", "raw"],
    "String.prototype": [
      "startsWith",
      "endsWith",
      "includes",
      "padStart",
      "padEnd",
      "repeat",
      "normalize",
      "codePointAt",
      "trimStart",
      "trimEnd",
      "matchAll",
      "replaceAll",
      "at",
    ],
    Number: [
      "isNaN",
      "isFinite",
      "isInteger",
      "isSafeInteger",
      "parseFloat",
      "parseInt",
      "EPSILON",
      "MAX_SAFE_INTEGER",
      "MIN_SAFE_INTEGER",
    ],
    Math: [
      "trunc",
      "sign",
      "log10",
      "log2",
      "hypot",
      "cbrt",
      "expm1",
      "log1p",
      "fround",
      "imul",
      "clz32",
    ],
    Intl: ["Segmenter", "ListFormat", "PluralRules", "RelativeTimeFormat"],
  } as Record<string, string[]>,
};

/** A page as IE11 shows it, the Excel double as Office.js gives it, lite.js run in it. */
function ie11Page(book: Book, store: MemoryStore, displayLanguage = "zh-CN") {
  const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', {
    runScripts: "outside-only",
    url: "https://localhost:3000/lite/lite.html",
  });
  const context = dom.getInternalVMContext();
  const strip = [
    ...IE11_LACKS.globals.map((g) => `delete window[${JSON.stringify(g)}];`),
    ...Object.entries(IE11_LACKS.members).flatMap(([owner, names]) =>
      names.map(
        (n) => `if (typeof ${owner} !== "undefined") delete ${owner}[${JSON.stringify(n)}];`
      )
    ),
  ].join("\n");
  vm.runInContext(strip, context);
  // Gone indeed (the page's own built-ins, not jsdom's): lite.js must bring its own.
  expect(
    vm.runInContext(
      "[typeof Promise, typeof Map, typeof Symbol, typeof WeakMap, typeof Reflect, typeof ''.normalize, typeof Object.assign, typeof [].includes, typeof Array.from]",
      context
    )
  ).toEqual(Array(9).fill("undefined"));
  const innerJson = vm.runInContext("JSON", context) as JSON;
  const host = excel11(
    book,
    store,
    (v) => (v === undefined ? v : innerJson.parse(JSON.stringify(v))),
    displayLanguage
  );
  const win = dom.window as unknown as Record<string, unknown>;
  win.Office = host.Office;
  win.Excel = host.Excel;
  return { dom, context, host, doc: dom.window.document };
}

async function until<T>(what: () => T | undefined | false, label: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = what();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`waited in vain for ${label}`);
}

const LITE_JS = () => path.join(ensureBuilt(), "lite", "lite.js");

describe("dist/lite/lite.js", () => {
  it("parses as ECMAScript 5", () => {
    const code = readFileSync(LITE_JS(), "utf8");
    expect(() => parse(code, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  it("turns no text into code (the page's CSP has no unsafe-eval)", () => {
    const code = readFileSync(LITE_JS(), "utf8");
    for (const pattern of [
      /(?<![\w$.])eval\s*\(/,
      /new\s+Function\b/,
      /(?<![\w$.])Function\s*\(/,
      /[=:(,]\s*Function\s*[,;)}]/,
    ])
      expect([pattern, pattern.exec(code)?.index]).toEqual([pattern, undefined]);
  });

  it("stays under the task pane's 300 KB gzipped, polyfills included", () => {
    expect(bundleSizes().liteGzipBytes).toBeLessThan(300 * 1024);
  });

  it("the page loads Office.js and lite.js only, with its CSP", () => {
    const html = readFileSync(path.join(DIST, "lite", "lite.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toMatch(/office(-js\/office)?\.js$/);
    expect(scripts[1]).toMatch(/(^|\/)lite\.js$/);
    expect(html).toContain("Content-Security-Policy");
    expect(existsSync(path.join(DIST, "lite", "manifest.xml"))).toBe(true);
  });
});

describe("SRS 检查（兼容版）in an IE11 page over ExcelApi 1.1", () => {
  // 季报表（一） as a village clerk fills it (0 in every unused cell, 注10), with three mistakes.
  const report = clerkSheet("nanan-2026-quarterly-1", 3);
  const slot = report.firstSlot;
  report.set(slot, "resp.list", null); // left blank
  report.set(slot, "resp.org", "若干"); // words in a number cell
  report.set(slot, "base.total", Number(report.get(slot, "base.total")) + 5); // a total off by 5
  const grid = { ...report.grid, name: "朴里村" };
  const blankCell = report.address(slot, "resp.list");
  const GREEN = { color: "#92D050", pattern: "Solid", patternColor: "#000000" };

  const expected = checkGrids([grid])[0].findings;

  it("checks, lists, selects, highlights and clears as the main pane does", async () => {
    const book = new Book().add("说明");
    book.load(grid);
    book.setFill("朴里村", blankCell, GREEN); // the clerk's own colour on a problem cell
    const store = new MemoryStore("{}", book);
    const { context, host, doc } = ie11Page(book, store);
    // The host shows the report's sheet.
    host.active.key = "朴里村";
    try {
      vm.runInContext(readFileSync(LITE_JS(), "utf8"), context, { filename: "lite.js" });
    } catch (e) {
      // The message, not the minified line jest would print.
      throw new Error(`lite.js failed as IE11 would run it: ${(e as Error).message}`);
    }

    const button = (text: string) =>
      [...doc.querySelectorAll("button")].find((b) => b.textContent === text) as
        HTMLButtonElement | undefined;
    const status = () => doc.querySelector("[role=status]")!.textContent ?? "";

    (await until(() => button("检查当前工作表"), "the check button")).click();
    await until(() => /错误 \d+ 条/.test(status()), "the findings");
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const errors = expected.filter((f) => f.severity === "error").length;
    expect(status()).toBe(`工作表“朴里村”：错误 ${errors} 条，提示 ${expected.length - errors} 条`);
    expect(expected.map((f) => f.rule)).toEqual(
      expect.arrayContaining(["blank", "not-number", "identity"])
    );
    // Each finding as FindingsView words it: where, the message, the note cited.
    const items = [...doc.querySelectorAll("li button")].map((b) =>
      [...b.querySelectorAll("span")].map((s) => s.textContent)
    );
    expect(items).toEqual(
      expected.map((f) => [
        [f.cell, f.row, f.column].filter(Boolean).join(" · "),
        f.message,
        `〔${f.source}〕`,
      ])
    );
    expect(doc.querySelector("h2")!.textContent).toMatch(/^季报表（一） /);

    // A finding selects its cell.
    const blank = expected.find((f) => f.rule === "blank")!;
    const blankItem = [...doc.querySelectorAll("li button")][
      expected.indexOf(blank)
    ] as HTMLButtonElement;
    blankItem.click();
    await until(() => host.selected.length, "the selection");
    expect(host.selected).toEqual([{ sheet: "朴里村", cell: blank.cell }]);

    // 标出问题格 asks first; 取消 changes nothing.
    button(t.highlight)!.click();
    await until(() => button(t.cancel), "the question");
    expect(doc.body.textContent).toContain(
      "标出问题格会清空 Excel 的“撤销”记录：此前在 Excel 中做的修改，将不能再用“撤销”（Ctrl+Z）退回。原来的底色保存在文档里"
    );
    button(t.cancel)!.click();
    await until(() => !button(t.highlight)!.disabled, "the pane, idle again");
    expect(book.fill("朴里村", blankCell)).toEqual(GREEN);
    expect(store.saved).toBe("{}");

    // 继续: every finding's cell is marked, errors red, warnings amber; the originals are kept.
    button(t.highlight)!.click();
    (await until(() => button(t.goOn), "the question")).click();
    await until(() => status().startsWith("已标出"), "the marks");
    const marked = [...new Set(expected.filter((f) => f.cell).map((f) => f.cell))];
    expect(status()).toBe(t.highlighted(marked.length));
    for (const f of expected.filter((x) => x.cell)) {
      const worst = expected.some((x) => x.cell === f.cell && x.severity === "error")
        ? "error"
        : f.severity;
      expect([f.cell, book.fill("朴里村", f.cell).color]).toEqual([f.cell, MARK_COLORS[worst]]);
    }
    expect(Object.keys(JSON.parse(store.saved))).toEqual(["srs.highlights.v3"]);

    // 清除标记 asks, then gives each cell its own fill back: the green, and no fill elsewhere.
    button(t.clearHighlight)!.click();
    await until(() => button(t.goOn), "the question");
    expect(doc.body.textContent).toContain(t.undoAsk("clearHighlights"));
    button(t.goOn)!.click();
    await until(() => status().startsWith("已恢复"), "the originals");
    expect(status()).toBe(t.cleared(marked.length));
    expect(book.fill("朴里村", blankCell)).toEqual(GREEN);
    for (const cell of marked.filter((c) => c !== blankCell))
      expect([cell, book.fill("朴里村", cell)]).toEqual([cell, NO_FILL]);
    expect(JSON.parse(store.saved)).toEqual({});
    expect(button(t.clearHighlight)!.disabled).toBe(true);
  });

  it("clears the main pane's marks; one over a patterned fill it cannot set stays, listed", async () => {
    const book = new Book();
    book.load(grid);
    const PATTERNED = { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" };
    book.setFill("朴里村", blankCell, PATTERNED);
    const store = new MemoryStore("{}", book);
    // Marked by the main pane on a newer Excel (ExcelApi 1.9), the file then opened in Excel 2016.
    const marks = expected
      .filter((f) => f.cell)
      .map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity }));
    await highlightCells(excelContext(book).context, marks, store);
    const { context, host, doc } = ie11Page(book, store);
    host.active.key = "朴里村";
    vm.runInContext(readFileSync(LITE_JS(), "utf8"), context, { filename: "lite.js" });
    const button = (text: string) =>
      [...doc.querySelectorAll("button")].find((b) => b.textContent === text) as HTMLButtonElement;
    const status = () => doc.querySelector("[role=status]")!.textContent ?? "";
    (await until(() => button(t.clearHighlight), "the pane")).click();
    (await until(() => button(t.goOn), "the question")).click();
    await until(() => status().startsWith("已恢复"), "the originals");
    const others = [...new Set(marks.map((m) => m.cell))].filter((c) => c !== blankCell);
    expect(status()).toMatch(
      new RegExp(
        `^${t.cleared(others.length)}；1 个单元格原来是图案或主题色填充.*朴里村!${blankCell}`
      )
    );
    for (const cell of others) expect([cell, book.fill("朴里村", cell)]).toEqual([cell, NO_FILL]);
    expect(book.fill("朴里村", blankCell).color).toBe(MARK_COLORS.error);
    // Still recorded: a newer Excel's 清除标记 gives the pattern back.
    expect(button(t.clearHighlight).disabled).toBe(false);
    expect(JSON.parse(store.saved)["srs.highlights.v3"].sheets).toBeDefined();
  });

  it("speaks English where Office's display language is English", async () => {
    const book = new Book();
    book.load(grid);
    const { context, host, doc } = ie11Page(book, new MemoryStore("{}", book), "en-US");
    host.active.key = "朴里村";
    vm.runInContext(readFileSync(LITE_JS(), "utf8"), context, { filename: "lite.js" });
    const button = (text: string) =>
      [...doc.querySelectorAll("button")].find((b) => b.textContent === text) as HTMLButtonElement;
    const status = () => doc.querySelector("[role=status]")!.textContent ?? "";
    (await until(() => button("Check this sheet"), "the check button")).click();
    await until(() => /errors/.test(status()), "the findings");
    const errors = expected.filter((f) => f.severity === "error").length;
    expect(status()).toBe(`Sheet 朴里村: ${errors} errors, ${expected.length - errors} warnings`);
    expect([...doc.querySelectorAll("li .message")].map((e) => e.textContent)).toEqual(
      expected.map((f) => f.messageEn)
    );
    expect(button(strings("en").highlight)).toBeDefined();
  });

  it("a sheet protected against formatting: one line, no cell changed", async () => {
    const book = new Book();
    book.load(grid);
    // Protected with nothing allowed but selecting (ExcelApi 1.1 cannot read protection).
    book.protect("朴里村");
    const store = new MemoryStore("{}", book);
    const { context, host, doc } = ie11Page(book, store);
    host.active.key = "朴里村";
    vm.runInContext(readFileSync(LITE_JS(), "utf8"), context, { filename: "lite.js" });
    const button = (text: string) =>
      [...doc.querySelectorAll("button")].find((b) => b.textContent === text) as HTMLButtonElement;
    const status = () => doc.querySelector("[role=status]")!.textContent ?? "";
    (await until(() => button("检查当前工作表"), "the check button")).click();
    await until(() => /错误 \d+ 条/.test(status()), "the findings");
    button(t.highlight).click();
    (await until(() => button(t.goOn), "the question")).click();
    await until(() => /受保护/.test(status()), "the line");
    expect(status()).toBe(
      "有的工作表受保护，Excel 拒绝改底色：请先点“审阅 › 撤销工作表保护”，再标出或清除。单元格的内容没有改动。"
    );
    for (const f of expected.filter((x) => x.cell))
      expect([f.cell, book.fill("朴里村", f.cell)]).toEqual([f.cell, NO_FILL]);
  });
});
