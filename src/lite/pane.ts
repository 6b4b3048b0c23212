/**
 * The 兼容版's pane, in plain DOM for Internet Explorer 11 (no React, no Fluent UI: they need
 * Chromium 84, .browserslistrc). Only DOM members IE11 has: createElement, appendChild,
 * removeChild, textContent, addEventListener, className (not append, remove(), closest,
 * replaceChildren). zh-CN, en-US where Office's display language is English, with the main
 * pane's words (taskpane/i18n.ts) for what both show.
 *
 * 检查当前工作表 reads the whole workbook (the rules read other sheets: 审核说明, a roster, a plan)
 * and lists the active sheet's findings as the main pane words them: where, the message, the note
 * cited. A finding selects its cell; 标出问题格 and 清除标记 ask first (they clear Excel's undo
 * history: the document's settings are saved, office/undo.ts) and keep the original fills.
 */
import { checkGrids, type SheetReport } from "../rules/check";
import type { Finding } from "../rules/finding";
import { type Lang, strings } from "../taskpane/i18n";
import type { LiteHost } from "./host";

const LITE_ZH = {
  title: "SRS 检查（兼容版）",
  intro:
    "兼容版供批量许可版 Excel 2016/2019 等旧版 Excel 使用：检查当前工作表、标出问题格。汇总、=SRS.* 函数和盖章请用 SRS 网页版（srs.html）或命令行 npx srs。",
  check: "检查当前工作表",
  sheet: (name: string) => `工作表“${name}”`,
  counts: (errors: number, warnings: number) => `错误 ${errors} 条，提示 ${warnings} 条`,
  kept: (cells: string[]) =>
    `；${cells.length} 个单元格原来是图案或主题色填充，这个版本的 Excel 无法原样恢复，仍保留标记：${cells.slice(0, 5).join("、")}${cells.length > 5 ? " 等" : ""}（可在新版 Excel 的 SRS 中清除）`,
  skipped: (s: { sheet: string; reason: string }) => `工作表“${s.sheet}”：${s.reason}`,
  // The main pane's question, without its line on marks following each change (these do not).
  askHighlight:
    "标出问题格会清空 Excel 的“撤销”记录：此前在 Excel 中做的修改，将不能再用“撤销”（Ctrl+Z）退回。原来的底色保存在文档里，可用“清除标记”恢复。",
  failed:
    "Excel 未能完成这一步，请再试一次；若仍不行，请改用 SRS 网页版（srs.html）或命令行 npx srs。",
};

const LITE_EN: typeof LITE_ZH = {
  title: "SRS Check (compatibility edition)",
  intro:
    "For older Excels such as volume-licensed Excel 2016/2019: check the active sheet and highlight the problem cells. To consolidate, stamp or use =SRS.*, use the SRS web page (srs.html) or the command line, npx srs.",
  check: "Check this sheet",
  sheet: (name) => `Sheet ${name}`,
  counts: (errors, warnings) => `${errors} errors, ${warnings} warnings`,
  kept: (cells) =>
    `; ${cells.length} cells had a patterned or theme-tinted fill this Excel cannot set back, so they stay marked: ${cells.slice(0, 5).join(", ")}${cells.length > 5 ? " …" : ""} (clear them in SRS on a newer Excel)`,
  skipped: (s) => `Sheet ${s.sheet}: ${s.reason}`,
  askHighlight:
    "Highlight problems clears Excel's undo history: changes made so far can no longer be undone (Ctrl+Z). The original fills are kept in the document; Clear highlights gives them back.",
  failed:
    "Excel could not finish this step: try again; if it still fails, use the SRS web page (srs.html) or the command line, npx srs.",
};

/** The 兼容版's own words in the language asked for. */
export const liteStrings = (lang: Lang) => (lang === "en" ? LITE_EN : LITE_ZH);

/** A reason for the clerk: our own zh lines as they are, anything else (a host's English) as one line. */
const reason = (e: unknown, failed: string) => {
  const m = String((e as { message?: unknown } | undefined)?.message ?? "");
  return /[\u4e00-\u9fff]/.test(m) ? m : failed;
};

function el(tag: string, className?: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(text: string, onClick: () => void, className = "btn"): HTMLButtonElement {
  const b = el("button", className, text) as HTMLButtonElement;
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

const empty = (e: HTMLElement) => {
  while (e.firstChild) e.removeChild(e.firstChild);
};

/** What 标出问题格 colours: every finding that has a cell (as the main pane's markOf). */
const marksOf = (reports: SheetReport[]) =>
  reports
    .reduce<Finding[]>((all, r) => all.concat(r.findings), [])
    .filter((f) => f.cell)
    .map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity }));

export function mountLite(root: HTMLElement, host: LiteHost, lang: Lang = "zh"): void {
  const t = strings(lang);
  const LITE = liteStrings(lang);
  empty(root);
  root.appendChild(el("h1", "title", LITE.title));
  root.appendChild(el("p", "intro", LITE.intro));
  const checkButton = button(LITE.check, () => void run(check), "btn primary");
  root.appendChild(checkButton);
  const status = el("p", "status");
  status.setAttribute("role", "status");
  root.appendChild(status);
  const ask = el("div", "ask");
  ask.style.display = "none";
  root.appendChild(ask);
  const actions = el("div", "actions");
  const markButton = button(t.highlight, () => void run(mark));
  const clearButton = button(t.clearHighlight, () => void run(clear));
  actions.appendChild(markButton);
  actions.appendChild(clearButton);
  root.appendChild(actions);
  const results = el("div", "results");
  root.appendChild(results);

  let reports: SheetReport[] = [];
  let busy = false;

  const refresh = () => {
    checkButton.disabled = busy;
    markButton.disabled = busy || marksOf(reports).length === 0;
    clearButton.disabled = busy || !host.hasHighlights();
  };

  /** Runs one action at a time; its failure is one line in the status. */
  async function run(action: () => Promise<void>) {
    if (busy) return;
    busy = true;
    refresh();
    try {
      await action();
    } catch (e) {
      status.textContent = reason(e, LITE.failed);
    } finally {
      busy = false;
      refresh();
    }
  }

  /** The main pane's question before an action that clears Excel's undo history. */
  function allowed(action: "highlight" | "clearHighlights"): Promise<boolean> {
    return new Promise((answer) => {
      empty(ask);
      ask.appendChild(el("p", "ask-title", t.undoTitle));
      ask.appendChild(el("p", "", action === "highlight" ? LITE.askHighlight : t.undoAsk(action)));
      const done = (goOn: boolean) => {
        ask.style.display = "none";
        empty(ask);
        answer(goOn);
      };
      ask.appendChild(button(t.goOn, () => done(true), "btn primary"));
      ask.appendChild(button(t.cancel, () => done(false)));
      ask.style.display = "";
    });
  }

  async function check() {
    status.textContent = t.checking;
    const read = await host.read();
    reports = checkGrids(read.grids).filter((r) => r.sheet === read.active);
    show(read.active);
    const findings = reports.reduce((n, r) => n + r.findings.length, 0);
    const errors = reports.reduce(
      (n, r) => n + r.findings.filter((f) => f.severity === "error").length,
      0
    );
    const lines = [
      LITE.sheet(read.active) +
        (lang === "en" ? ": " : "：") +
        (reports.every((r) => r.recognition.kind === "none")
          ? t.noTemplate
          : findings
            ? LITE.counts(errors, findings - errors)
            : t.clean),
    ].concat(read.skipped.map(LITE.skipped));
    status.textContent = lines.join(lang === "en" ? "; " : "；");
  }

  function show(sheet: string) {
    empty(results);
    for (const r of reports) {
      if (r.recognition.kind === "none") continue;
      results.appendChild(
        el("h2", "table", `${r.recognition.template.shortTitle} ${r.recognition.place.range}`)
      );
      if (!r.findings.length) {
        results.appendChild(el("p", "clean", t.clean));
        continue;
      }
      const list = el("ul", "findings");
      for (const f of r.findings) list.appendChild(item(sheet, f));
      results.appendChild(list);
    }
  }

  /** One finding as the main pane words it (FindingsView): where · message 〔note〕. */
  function item(sheet: string, f: Finding): HTMLElement {
    const li = el("li");
    const b = button(
      "",
      () => {
        if (f.cell) void run(() => host.select(sheet, f.cell));
      },
      `finding ${f.severity}`
    );
    b.appendChild(el("span", "where", [f.cell, f.row, f.column].filter(Boolean).join(" · ")));
    b.appendChild(el("span", "message", lang === "en" ? f.messageEn : f.message));
    b.appendChild(el("span", "source", `〔${f.source}〕`));
    if (f.explained) b.appendChild(el("span", "explained", `${t.explained}：${f.explained}`));
    li.appendChild(b);
    return li;
  }

  async function mark() {
    if (!(await allowed("highlight"))) return;
    const { marked } = await host.highlight(marksOf(reports));
    status.textContent = t.highlighted(marked);
  }

  async function clear() {
    if (!(await allowed("clearHighlights"))) return;
    const { restored, kept } = await host.clear();
    status.textContent = t.cleared(restored) + (kept.length ? LITE.kept(kept) : "");
  }

  refresh();
}
