import { Button, Caption1, makeStyles, Title3, tokens } from "@fluentui/react-components";
import { useEffect, useReducer, useState } from "react";
import { App } from "../taskpane/App";
import { ErrorBar } from "../taskpane/ErrorBar";
import { oneLine } from "../taskpane/one-line";
import { MemoryWorkbook } from "../workbook/memory-workbook";
import { GridView } from "./GridView";
import { sampleWorkbook } from "./sample";

const useStyles = makeStyles({
  page: { display: "flex", height: "100vh", gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalM, boxSizing: "border-box", backgroundColor: tokens.colorNeutralBackground2 },
  sheet: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, gap: tokens.spacingVerticalS },
  bar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  pane: { width: "420px", flexShrink: 0, overflow: "auto", backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow4 },
});

/** The task pane beside a simple grid of a workbook held in the browser: no Excel needed. */
export function Demo() {
  const styles = useStyles();
  const [book, setBook] = useState(() => new MemoryWorkbook(sampleWorkbook()));
  // A new workbook gets a fresh pane; sheets added to this one (practice, consolidation) do not.
  const [generation, setGeneration] = useState(0);
  const replace = (next: MemoryWorkbook) => {
    setBook(next);
    setGeneration((g) => g + 1);
    setActive(next.sheets[0]?.name ?? "");
  };
  const [active, setActive] = useState(book.sheets[0]?.name ?? "");
  const [error, setError] = useState<string>();
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => book.onUpdate(redraw), [book]);
  // Follow the pane: a finding clicked selects its cell, on whatever sheet it is.
  useEffect(() => {
    const sel = book.selection;
    if (sel && sel.sheet !== active) setActive(sel.sheet);
    if (sel) document.getElementById(`cell-${sel.cell}`)?.scrollIntoView({ block: "center", inline: "center" });
  });
  const grid = book.sheets.find((s) => s.name === active) ?? book.sheets[0];
  return (
    <div className={styles.page}>
      <section className={styles.sheet} aria-label="工作簿">
        <div className={styles.bar}>
          <Title3 as="h1">安全生产报表助手 · 演示</Title3>
          <Caption1>示例工作簿（部分工作表含典型填报错误），或打开本机的 .xlsx 文件：</Caption1>
          <input
            type="file"
            accept=".xlsx"
            aria-label="打开 .xlsx 文件"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              try {
                replace(await MemoryWorkbook.fromXlsx(new Uint8Array(await f.arrayBuffer()), f.name));
                setError(undefined);
              } catch (err) {
                setError(oneLine(err));
              }
            }}
          />
          <Button
            size="small"
            onClick={() => {
              replace(new MemoryWorkbook(sampleWorkbook()));
              setError(undefined);
            }}
          >
            恢复示例
          </Button>
        </div>
        <ErrorBar error={error} />
        {grid && (
          <GridView
            grid={grid}
            fills={book.fills.get(grid.name)}
            selected={book.selection?.sheet === grid.name ? book.selection.cell : undefined}
            sheets={book.sheets.filter((s) => !book.hidden.has(s.name)).map((s) => s.name)}
            onSheet={setActive}
            onSelect={(cell) => void book.select(grid.name, cell)}
          />
        )}
      </section>
      <aside className={styles.pane} aria-label="任务窗格">
        <App key={generation} source={book} />
      </aside>
    </div>
  );
}
