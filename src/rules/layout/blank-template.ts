/**
 * The official blank layout of a template, as a grid: title, header line, the
 * multi-row merged header, unit rows (with sub-rows), notes. Adapters write it out.
 */
import type { CellValue, Grid, Merge } from "../grid";
import { getTableInfo } from "../templates/catalog";
import type {
  ColumnNode,
  HeaderField,
  ListTemplate,
  TableTemplate,
  Template,
} from "../templates/schema";
import { headerFieldText } from "./header-field";

export interface Layout {
  grid: Grid;
  /** Cells not to be filled (shaded grey). */
  shaded: { row: number; col: number }[];
  /** Rows of the column header, for styling. */
  header: { top: number; bottom: number; left: number; right: number };
  /** Rows holding data. */
  body: { top: number; bottom: number };
  /** Column widths in characters. */
  widths: number[];
  /**
   * Body columns set at the top-left of their cells: a list's long items read left-aligned, and a
   * group label merged over pages prints where its group starts, not in a page's header.
   */
  topLeft: number[];
  /** A line printed in bold red (a summary's 本汇总不完整：…). */
  alert?: number;
}

class Sheet {
  values: CellValue[][] = [];
  merges: Merge[] = [];
  set(row: number, col: number, v: CellValue) {
    while (this.values.length <= row) this.values.push([]);
    this.values[row][col] = v;
  }
  merge(top: number, left: number, bottom: number, right: number) {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }
  /** Pads every row to the same width with nulls (sparse arrays confuse writers). */
  grid(name: string, cols: number): Grid {
    return {
      name,
      values: this.values.map((r) => Array.from({ length: cols }, (_, c) => r[c] ?? null)),
      merges: this.merges,
    };
  }
}

const GAP = "          ";

function headerLine(fields: HeaderField[], place: "above" | "below"): string {
  return fields
    .filter((f) => f.place === place)
    .map((f) => headerFieldText(f))
    .join(GAP);
}

function notesLine(t: Template): string {
  const entries = Object.entries(t.notes);
  if (entries.length === 0) return "";
  if (entries.length === 1) return `注：${entries[0][1]}`;
  // The notice ends its last note with "。": one full stop, not two.
  return `注：${entries.map(([n, text]) => `${n}.${text.replace(/[。；]+$/, "")}`).join("；")}。`;
}

/** A worksheet name: issuer and short title, within Excel's 31 characters and without []:*?/\\. */
export function sheetNameFor(t: Template): string {
  return `${t.edition.issuer}${t.shortTitle}`.replace(/[[\]:*?/\\]/g, "").slice(0, 31);
}

function depth(nodes: ColumnNode[]): number {
  return Math.max(...nodes.map((n) => (n.children ? 1 + depth(n.children) : 1)));
}

function tableLayout(t: TableTemplate): Layout {
  const info = getTableInfo(t.id)!;
  const s = new Sheet();
  const labelCols = t.rowHeader === null ? 0 : 1;
  const width = labelCols + info.leaves.length;
  const levels = depth(t.columns);
  s.set(0, 0, t.title);
  s.merge(0, 0, 0, width - 1);
  const above = headerLine(t.headerFields, "above");
  let row = 1;
  if (above) {
    s.set(row, 0, above);
    s.merge(row, 0, row, width - 1);
    row++;
  }
  const top = row;
  const bottom = top + levels - 1;
  if (t.rowHeader !== null) {
    s.set(top, 0, t.rowHeader);
    s.merge(top, 0, bottom, 0);
  }
  let col = labelCols;
  const place = (node: ColumnNode, level: number) => {
    const start = col;
    if (node.children) {
      s.set(top + level, col, node.label);
      node.children.forEach((c) => place(c, level + 1));
      s.merge(top + level, start, top + level, col - 1);
    } else {
      s.set(top + level, col, node.label);
      s.merge(top + level, col, bottom, col);
      col++;
    }
  };
  t.columns.forEach((n) => place(n, 0));

  const shaded: Layout["shaded"] = [];
  const bodyTop = bottom + 1;
  let r = bodyTop;
  const sub = t.subRows ?? [];
  const perRow = Math.max(1, sub.length);
  const blankRows = t.blankRows ?? 0;
  for (const rt of t.rows) {
    if (t.rowHeader !== null) {
      s.set(r, 0, rt.label);
      s.merge(r, 0, r + perRow - 1, 0);
    }
    info.leaves.forEach((leaf, i) => {
      const c = labelCols + i;
      for (let k = 0; k < perRow; k++) {
        const slot = info.slots.find(
          (x) => x.rowType === rt.key && (sub.length === 0 || x.subRow === sub[k].key)
        )!;
        const label = sub[k]?.labels[leaf.key];
        if (label !== undefined) s.set(r + k, c, label);
        const pre = t.prefilled?.[rt.key]?.[leaf.key];
        if (pre !== undefined) s.set(r + k, c, pre);
        if (info.notApplicable(slot, leaf.key) && label === undefined && !leaf.perUnit)
          shaded.push({ row: r + k, col: c });
      }
      // One value per unit type: the notice merges the column over the sub-rows.
      if (leaf.perUnit) s.merge(r, c, r + perRow - 1, c);
    });
    r += perRow;
  }
  for (let k = 1; k < blankRows; k++) s.set(r++, 0, null);
  const bodyBottom = r - 1;
  const below = headerLine(t.headerFields, "below");
  if (below) {
    s.set(r, 0, below);
    s.merge(r, 0, r, width - 1);
    r++;
  }
  const notes = notesLine(t);
  if (notes) {
    s.set(r, 0, notes);
    s.merge(r, 0, r, width - 1);
  }
  // As the notice: the unit column as wide as its longest label, the data columns alike.
  const longest = Math.max(
    4,
    ...t.rows.map((rt) => [...rt.label].length),
    [...(t.rowHeader ?? "")].length / 2
  );
  const widths = Array.from({ length: width }, (_, c) =>
    c < labelCols ? Math.min(24, 2 * longest + 2) : 9
  );
  return {
    grid: s.grid(sheetNameFor(t), width),
    shaded,
    header: { top, bottom, left: 0, right: width - 1 },
    body: { top: bodyTop, bottom: bodyBottom },
    widths,
    topLeft: [],
  };
}

function listLayout(t: ListTemplate): Layout {
  const s = new Sheet();
  const width = t.columns.length;
  s.set(0, 0, t.title);
  s.merge(0, 0, 0, width - 1);
  let row = 1;
  const above = headerLine(t.headerFields, "above");
  if (above) {
    s.set(row, 0, above);
    s.merge(row, 0, row, width - 1);
    row++;
  }
  const top = row;
  t.columns.forEach((c, i) => s.set(top, i, c.label));
  const bodyTop = top + 1;
  t.items.forEach((it, k) => {
    t.columns.forEach((c, i) => {
      const v = it.cells[c.key];
      if (v === undefined) return;
      // Group labels (项目, 内容, 月) are printed once and merged down over their items.
      const prev = k > 0 ? t.items[k - 1].cells[c.key] : undefined;
      if (c.role === "identity" && prev === v) {
        const m = s.merges.find((x) => x.left === i && x.bottom === bodyTop + k - 1);
        if (m) m.bottom++;
        else s.merge(bodyTop + k - 1, i, bodyTop + k, i);
      } else s.set(bodyTop + k, i, v);
    });
  });
  let r = bodyTop + t.items.length;
  const notes = notesLine(t);
  if (notes) {
    s.set(r, 0, notes);
    s.merge(r, 0, r, width - 1);
    r++;
  }
  const widths = t.columns.map((c) => (c.role === "item" ? 60 : c.role === "identity" ? 24 : 20));
  return {
    grid: s.grid(sheetNameFor(t), width),
    shaded: [],
    header: { top, bottom: top, left: 0, right: width - 1 },
    body: { top: bodyTop, bottom: bodyTop + t.items.length - 1 },
    widths,
    topLeft: t.columns.flatMap((c, i) => (c.role === "item" || c.role === "identity" ? [i] : [])),
  };
}

export function blankTemplate(t: Template): Layout {
  return t.kind === "table" ? tableLayout(t) : listLayout(t);
}
