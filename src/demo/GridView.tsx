import { Badge, makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { type KeyboardEvent, type ReactNode, useRef, useState } from "react";
import { type CellValue, columnLetters, fromA1, type Grid, gridSize } from "../rules/grid";
import { strings } from "../taskpane/i18n";

const useStyles = makeStyles({
  wrap: {
    overflow: "auto",
    flexGrow: 1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: "#fff",
    // Stacked above the pane (Demo.tsx): a fixed share of the screen, whatever the bars above take,
    // where a share of the section left a 320 px phone one row of the sheet.
    "@media (max-width: 760px)": { flexGrow: 0, height: "55vh", minHeight: "240px" },
  },
  table: {
    borderCollapse: "collapse",
    fontSize: "12px",
    fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
  },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: "normal",
    padding: "2px 6px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    position: "sticky",
    top: 0,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    minWidth: "48px",
    maxWidth: "220px",
    whiteSpace: "pre-wrap",
    verticalAlign: "middle",
    cursor: "cell",
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  editor: { width: "100%", minWidth: "60px", boxSizing: "border-box", font: "inherit", border: "none", outline: "none", padding: 0 },
  // Like Excel's sheet tabs: a long row scrolls sideways instead of spilling over the pane.
  tabs: { overflowX: "auto", flexShrink: 0 },
  hiddenMark: { marginLeft: "4px" },
});

/** A plain spreadsheet view of one sheet: merged areas, fills, the selected cell. */
const MAX_ROWS = 1000;
const MAX_COLS = 200;

/** What a typed text is, as Excel takes it: blank is empty, a plain number a number, the rest text. */
export function typed(text: string): CellValue {
  const t = text.trim();
  if (t === "") return null;
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : text;
}

const a1 = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;

export interface CellEdit {
  cell: string;
  value: CellValue;
}

export function GridView({
  grid,
  fills,
  selected,
  sheets,
  onSheet,
  onSelect,
  onEdit,
}: {
  grid: Grid;
  fills: Map<string, string> | undefined;
  selected: string | undefined;
  /** The tabs: each sheet's name, and whether the workbook hides it (marked as the pane marks it). */
  sheets: Pick<Grid, "name" | "visibility">[];
  onSheet: (name: string) => void;
  onSelect: (cell: string) => void;
  /** Typing, a pasted block or Delete: the cells and their new values, at once. */
  onEdit: (edits: CellEdit[]) => void;
}) {
  const styles = useStyles();
  const [editing, setEditing] = useState<{ cell: string; text: string }>();
  const wrap = useRef<HTMLDivElement>(null);
  // A report fits in a few hundred cells; a sheet stretched to row 1,048,576 or column XFD is
  // shown up to these bounds (a spread over every row overflowed the stack and blanked the page).
  const size = gridSize(grid);
  const shownRows = Math.min(size.rows, MAX_ROWS);
  const cols = Math.max(1, Math.min(size.cols, MAX_COLS));
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of grid.merges) {
    if (m.top >= shownRows || m.left >= cols) continue;
    const bottom = Math.min(m.bottom, shownRows - 1);
    const right = Math.min(m.right, cols - 1);
    spans.set(`${m.top},${m.left}`, { rowSpan: bottom - m.top + 1, colSpan: right - m.left + 1 });
    for (let r = m.top; r <= bottom; r++)
      for (let c = m.left; c <= right; c++)
        if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const sel = selected ? fromA1(selected) : undefined;
  const move = (dr: number, dc: number) =>
    sel && onSelect(a1(Math.max(0, sel.row + dr), Math.max(0, sel.col + dc)));
  const commit = (dr: number, dc: number) => {
    if (!editing) return;
    onEdit([{ cell: editing.cell, value: typed(editing.text) }]);
    setEditing(undefined);
    move(dr, dc);
    wrap.current?.focus(); // the keys go on to the grid
  };
  // Keys on the grid, as in Excel: arrows move, typing replaces, Enter or F2 edits, Delete clears.
  const onKey = (e: KeyboardEvent) => {
    if (editing || !sel || !selected) return;
    const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [1, 0], Tab: [0, 1] };
    if (e.key === "F2" || (e.key === "Enter" && e.altKey)) {
      const v = grid.values[sel.row]?.[sel.col];
      setEditing({ cell: selected, text: v === null || v === undefined ? "" : String(v) });
    } else if (arrows[e.key]) move(...arrows[e.key]);
    else if (e.key === "Delete" || e.key === "Backspace") onEdit([{ cell: selected, value: null }]);
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) setEditing({ cell: selected, text: e.key });
    else return;
    e.preventDefault();
  };
  const rows: ReactNode[] = grid.values.slice(0, shownRows).map((row, r) => (
    <tr key={r}>
      <th className={styles.head}>{r + 1}</th>
      {Array.from({ length: cols }, (_, c) => {
        if (covered.has(`${r},${c}`)) return null;
        const address = `${columnLetters(c)}${r + 1}`;
        const v = row[c];
        const isSel = sel?.row === r && sel.col === c;
        return (
          <td
            key={c}
            id={`cell-${address}`}
            data-cell={address}
            {...spans.get(`${r},${c}`)}
            className={isSel ? `${styles.cell} ${styles.selected}` : styles.cell}
            style={{
              backgroundColor: fills?.get(address),
              textAlign: typeof v === "number" ? "right" : "left",
            }}
            onClick={() => onSelect(address)}
            onDoubleClick={() => setEditing({ cell: address, text: v === null || v === undefined ? "" : String(v) })}
            aria-selected={isSel}
          >
            {editing?.cell === address ? (
              <input
                className={styles.editor}
                aria-label={`编辑 ${address}`}
                autoFocus
                value={editing.text}
                onChange={(e) => setEditing({ cell: address, text: e.target.value })}
                onKeyDown={(e) => {
                  e.stopPropagation();
                  if (e.key === "Enter") commit(1, 0);
                  else if (e.key === "Tab") commit(0, 1);
                  else if (e.key === "Escape") {
                    setEditing(undefined);
                    wrap.current?.focus();
                  }
                  else return;
                  e.preventDefault();
                }}
                onBlur={() => commit(0, 0)}
              />
            ) : v === null || v === undefined ? (
              ""
            ) : (
              String(v)
            )}
          </td>
        );
      })}
    </tr>
  ));
  return (
    <>
      <div
        ref={wrap}
        className={styles.wrap}
        role="grid"
        aria-label={grid.name}
        tabIndex={0}
        onKeyDown={onKey}
        onPaste={(e) => {
          // A block copied from Excel or WPS: tab-separated columns, one line a row.
          if (editing || !sel) return;
          const text = e.clipboardData.getData("text/plain").replace(/\r?\n$/, "");
          e.preventDefault();
          onEdit(
            text.split(/\r?\n/).flatMap((line, r) =>
              line.split("\t").map((cell, c) => ({ cell: a1(sel.row + r, sel.col + c), value: typed(cell) }))
            )
          );
        }}
      >
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.head} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={styles.head}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
        {(size.rows > shownRows || size.cols > cols) && (
          <p role="note">
            工作表有 {size.rows} 行、{size.cols} 列，这里只显示前 {shownRows} 行、{cols}{" "}
            列（检查照常针对整张表）。
          </p>
        )}
      </div>
      <TabList
        className={styles.tabs}
        selectedValue={grid.name}
        onTabSelect={(_, d) => onSheet(String(d.value))}
        size="small"
        aria-label="工作表"
      >
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
            {s.visibility && (
              <Badge className={styles.hiddenMark} size="small" appearance="outline" color="important">
                {strings("zh").hiddenSheet(s.visibility === "veryHidden")}
              </Badge>
            )}
          </Tab>
        ))}
      </TabList>
    </>
  );
}
