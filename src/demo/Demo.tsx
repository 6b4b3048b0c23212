import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useReducer, useRef, useState } from "react";
import { App } from "../taskpane/App";
import { ErrorBar } from "../taskpane/ErrorBar";
import { strings } from "../taskpane/i18n";
import { oneLine } from "../taskpane/one-line";
import { download } from "../taskpane/download";
import { isOwnSheet } from "../rules/own-sheets";
import { MemoryWorkbook } from "../workbook/memory-workbook";
import { isWorkbookName, WORKBOOK_FILES } from "../workbook/types";
import { GridView } from "./GridView";
import {
  claimOwner,
  forgetWorkbook,
  keepChoice,
  keepWorkbook,
  keptWorkbook,
  setKeepChoice,
  whereKept,
} from "./persist";
import { sampleWorkbook } from "./sample";

const useStyles = makeStyles({
  page: {
    display: "flex",
    height: "100vh",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
    // A phone or a narrow window: the grid above the pane, the page scrolls down, never sideways.
    "@media (max-width: 760px)": { flexDirection: "column", height: "auto", padding: 0 },
  },
  sheet: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minWidth: 0,
    gap: tokens.spacingVerticalS,
    // Its own height there: the bars above the grid take what they need, the grid (GridView) its share.
    "@media (max-width: 760px)": { padding: tokens.spacingHorizontalS },
  },
  bar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  ask: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  pane: {
    width: "420px",
    flexShrink: 0,
    overflow: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    "@media (max-width: 760px)": { width: "100%", overflow: "visible" },
  },
});

/** The task pane beside a simple grid of a workbook held in the browser: no Excel needed. */
/**
 * One file opens as itself (saved into its own parts; an .xls or .et as the .xlsx SRS writes in
 * its place, named so, with a line saying it); several as one workbook of all their sheets.
 */
async function openFiles(files: File[]): Promise<{ book: MemoryWorkbook; name: string; note?: string }> {
  const books = await Promise.all(
    files.map(async (f) => MemoryWorkbook.fromXlsx(new Uint8Array(await f.arrayBuffer()), f.name))
  );
  if (books.length === 1) {
    const { name } = files[0];
    const was = books[0].was;
    if (!was) return { book: books[0], name };
    const xlsx = name.replace(/\.(xls|et)$/i, "") + ".xlsx";
    return { book: books[0], name: xlsx, note: `${name} 是 ${was}：在本页作为 ${xlsx} 打开，下载的也是 .xlsx（原文件未改动）` };
  }
  return { book: MemoryWorkbook.combine(books), name: `${files.length}个文件合并.xlsx` };
}

const NOT_OWNER =
  "本页已在另一个标签页中打开：这里的修改不会保存到浏览器（关闭另一个标签页后刷新本页即可）";

/** The sample workbook: its sheets are examples, set aside when real files are consolidated. */
function sampleBook(): MemoryWorkbook {
  const book = new MemoryWorkbook(sampleWorkbook());
  for (const s of book.sheets) book.examples.add(s.name);
  return book;
}

export function Demo() {
  const styles = useStyles();
  const [book, setBook] = useState(sampleBook);
  const [fileName, setFileName] = useState("示例工作簿.xlsx");
  // A new workbook gets a fresh pane; sheets added to this one (practice, consolidation) do not.
  const [generation, setGeneration] = useState(0);
  const open = async (files: File[]) => {
    if (!files.length) return;
    try {
      const { book: next, name, note } = await openFiles(files);
      replace(next);
      setFileName(name);
      setNote(note);
      setError(undefined);
    } catch (err) {
      setError(oneLine(err));
    }
  };
  const replace = (next: MemoryWorkbook) => {
    setBook(next);
    setGeneration((g) => g + 1);
    setActive(next.sheets[0]?.name ?? "");
  };
  const [active, setActive] = useState(book.sheets[0]?.name ?? "");
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();
  // Once the user changes the workbook or opens a file, the page asks whether to keep it in this
  // browser, saying where (persist.ts); kept, it comes back on the next visit. Only the first tab
  // of the page keeps it: another tab says so and never saves over it.
  const [kept, setKept] = useState<string>();
  const [asking, setAsking] = useState(false);
  const owner = useRef<boolean>();
  const changed = useRef(false);
  useEffect(() => {
    void claimOwner().then((mine) => {
      owner.current = mine;
      if (!mine) setKept(NOT_OWNER);
    });
    const choice = keepChoice();
    if (choice === "no") return;
    void keptWorkbook().then((k) => {
      if (!k || changed.current) return;
      replace(k.book);
      setFileName(k.name);
      // Another tab may hold the page already: it is the one that saves, and this one says so.
      setKept(`已恢复上次在本页的工作簿${owner.current === false ? `；${NOT_OWNER}` : ""}`);
      // Kept before the page asked: it asks now.
      if (choice === undefined) setAsking(true);
    });
  }, []);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const keepNow = useRef<() => void>();
  useEffect(() => {
    // Once the edits pause; a file just opened a little later, after its first check.
    const keep = (wait = 800) => {
      changed.current = true;
      clearTimeout(timer.current);
      if (owner.current === false) return setKept(NOT_OWNER);
      const choice = keepChoice();
      if (choice === undefined) return setAsking(true);
      if (choice === "no") return;
      timer.current = setTimeout(async () => {
        if (!owner.current) return;
        const ok = await keepWorkbook(book, fileNameRef.current).catch(() => false);
        setKept(
          ok ? "已保存在本机浏览器中" : "工作簿太大，未能保存在本机浏览器中：刷新后需重新打开"
        );
      }, wait);
    };
    keepNow.current = () => keep(0);
    if (!book.examples.size || changed.current) keep(3000);
    const stop = book.onUpdate(() => keep());
    return () => {
      stop();
      clearTimeout(timer.current);
    };
  }, [book]);
  /** Nothing kept, nothing about to be: the next visit shows the sample. */
  const forget = () => {
    clearTimeout(timer.current);
    forgetWorkbook();
    changed.current = false;
  };
  const answer = (choice: "yes" | "no") => {
    setKeepChoice(choice);
    setAsking(false);
    if (choice === "yes") return keepNow.current?.();
    forget();
    setKept("不保存在本浏览器中：刷新或关闭本页后，这里的修改会丢失（可先下载工作簿）");
  };
  const fileNameRef = useRef(fileName);
  fileNameRef.current = fileName;
  const picker = useRef<HTMLInputElement>(null);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => book.onUpdate(redraw), [book]);
  // Follow the pane: a finding clicked selects its cell, on whatever sheet it is. Only a new
  // selection is followed, so a sheet tab clicked stays (the tab selects that sheet's A1 below).
  const followed = useRef(book.selection);
  useEffect(() => {
    const sel = book.selection;
    if (!sel || sel === followed.current) return;
    followed.current = sel;
    if (sel.sheet !== active) setActive(sel.sheet);
    document
      .getElementById(`cell-${sel.cell}`)
      ?.scrollIntoView({ block: "center", inline: "center" });
  });
  const grid = book.sheets.find((s) => s.name === active) ?? book.sheets[0];
  const stale = book.staleCopies();
  return (
    <div
      className={styles.page}
      onDragOver={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        // Ctrl+Z takes back the last edit in the grid (a field of the pane keeps its own undo).
        if (
          (e.ctrlKey || e.metaKey) &&
          e.key === "z" &&
          !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) &&
          book.undoEdit()
        )
          e.preventDefault();
      }}
      onDrop={(e) => {
        e.preventDefault();
        void open(Array.from(e.dataTransfer.files).filter((f) => isWorkbookName(f.name)));
      }}
    >
      <section className={styles.sheet} aria-label="工作簿">
        <div className={styles.bar}>
          <Title3 as="h1">安全生产报表助手 · 网页版</Title3>
          <Caption1>
            {book.examples.size
              ? "示例工作簿（部分工作表含典型填报错误），或打开本机的 .xlsx、.xls 或 WPS .et 文件（可多选，也可拖到这里）："
              : `正在查看：${fileName}。也可打开其他 .xlsx、.xls 或 .et 文件（可多选，也可拖到这里）：`}
          </Caption1>
          <Button appearance="primary" size="small" onClick={() => picker.current?.click()}>
            打开文件…
          </Button>
          {/* The browser's own picker says "Choose File" in English: hidden behind the button. */}
          <input
            ref={picker}
            hidden
            type="file"
            multiple
            accept={WORKBOOK_FILES}
            aria-label="打开 .xlsx、.xls 或 .et 文件"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              e.target.value = ""; // the same file chosen again opens again
              void open(files);
            }}
          />
          <Button
            size="small"
            onClick={async () => {
              try {
                const consolidated = book.sheets.some((s) => isOwnSheet(s, "notes"));
                download(
                  await book.toXlsx(),
                  consolidated ? fileName.replace(/(\.xlsx)?$/i, "-汇总.xlsx") : fileName
                );
                setError(undefined);
              } catch (err) {
                setError(oneLine(err));
              }
            }}
          >
            {book.sheets.some((s) => isOwnSheet(s, "notes")) ? "下载汇总工作簿" : "下载工作簿"}
          </Button>
          <Button size="small" disabled={book.editsToUndo === 0} onClick={() => book.undoEdit()}>
            撤销编辑
          </Button>
          <Button
            size="small"
            onClick={() => {
              forget();
              replace(sampleBook());
              setFileName("示例工作簿.xlsx");
              setNote(undefined);
              setKept(undefined);
              setError(undefined);
            }}
          >
            恢复示例
          </Button>
          <Button
            size="small"
            onClick={() => {
              forget();
              setKeepChoice(undefined); // the next change asks again
              setKept("已清除本页保存的工作簿：刷新后显示示例");
            }}
          >
            清除本页保存的工作簿
          </Button>
          {kept && <Caption1 role="status">{kept}</Caption1>}
          {note && <Caption1 role="status">{note}</Caption1>}
        </div>
        {asking && (
          <div className={styles.ask} role="region" aria-label="保存在本浏览器">
            <Caption1>
              要把工作簿保存在本浏览器中吗？保存后，刷新或关闭本页再打开时会恢复。{whereKept()}
            </Caption1>
            <Button size="small" appearance="primary" onClick={() => answer("yes")}>
              保存在本浏览器
            </Button>
            <Button size="small" onClick={() => answer("no")}>
              不保存
            </Button>
          </div>
        )}
        <ErrorBar error={error} />
        {/* Above the grid, where the copy was changed: the summary beside it holds the old sums. */}
        {stale.length > 0 && (
          <MessageBar intent="warning" layout="multiline" aria-label="汇总表已过期">
            <MessageBarBody>{strings("zh").staleSummary(stale, "“汇总·盖章”中的")}</MessageBarBody>
          </MessageBar>
        )}
        {grid && (
          <GridView
            grid={grid}
            fills={book.fills.get(grid.name)}
            selected={book.selection?.sheet === grid.name ? book.selection.cell : undefined}
            sheets={book.sheets.filter((s) => !book.hidden.has(s.name))}
            onSheet={(name) => {
              // As in Excel, the sheet shown is the sheet a fix or an explanation applies to.
              setActive(name);
              void book.select(name, "A1");
            }}
            onSelect={(cell) => void book.select(grid.name, cell)}
            onEdit={(edits) => book.editCells(grid.name, edits)}
          />
        )}
      </section>
      <aside className={styles.pane} aria-label="任务窗格">
        <App key={generation} source={book} />
      </aside>
    </div>
  );
}
