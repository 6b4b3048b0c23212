import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { SheetReport } from "../rules/check";
import { readNotes } from "../rules/consolidation/notes";
import { isReplaced } from "../rules/consolidation/sources";
import { formatPeriod } from "../rules/period";
import { type Recognized, recognize } from "../rules/recognize";
import { type Candidate, changeText, compareWithPrevious, type CompareRow } from "../rules/review/compare";
import type { Strings } from "./i18n";
import { oneLine } from "./one-line";
import { WORKBOOK_FILES } from "./source";

const useStyles = makeStyles({
  unit: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, "& td, & th": { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "left", verticalAlign: "top" } },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  row: { cursor: "pointer" },
  error: { backgroundColor: tokens.colorPaletteRedBackground1 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1 },
});

/** Errors first, then warnings, then the other changes. */
const rank = (r: CompareRow) => (r.finding ? (r.finding.severity === "error" ? 0 : 1) : 2);

/**
 * 上期对比: each unit's report (and the summary) beside the same unit's earlier report, from this
 * workbook (a （上次） copy) or a picked file (the unit's last report, last period's consolidated
 * workbook). Rows flagged by the period rules come first; unchanged columns are only counted.
 */
export function CompareView({ reports, t, onSelect }: { reports: SheetReport[]; t: Strings; onSelect: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const [picked, setPicked] = useState<Candidate[]>([]);
  const [said, setSaid] = useState<string>();
  const recs = reports.map((r) => r.recognition).filter((r): r is Recognized => r.kind !== "none");
  const notes = readNotes(reports.map((r) => r.recognition.grid));
  // A replaced table is no current report, whether its sheet was set aside or still holds another.
  const current = recs.filter((r) => !isReplaced(r, notes));
  const comparisons = compareWithPrevious(current, [...recs.map((rec) => ({ rec, origin: "" })), ...picked]);
  const errors = comparisons.flatMap((c) => c.findings).filter((f) => f.severity === "error").length;
  const warnings = comparisons.flatMap((c) => c.findings).length - errors;
  const rowClass = (r: CompareRow) => (r.finding ? (r.finding.severity === "error" ? styles.error : styles.warning) : undefined);
  return (
    <section aria-label={t.tabCompare}>
      <Caption1 block>{t.compareHint}</Caption1>
      <input
        type="file"
        accept={WORKBOOK_FILES}
        aria-label={t.comparePick}
        onChange={async (e) => {
          const f = e.target.files?.[0];
          if (!f) return;
          try {
            const { readGrids } = await import("../workbook/xlsx/read");
            const grids = await readGrids(new Uint8Array(await f.arrayBuffer()), f.name);
            const found = grids.map((g) => recognize(g)).filter((r): r is Recognized => r.kind !== "none");
            setPicked(found.map((rec) => ({ rec, origin: f.name })));
            setSaid(t.comparePicked(f.name, found.length));
          } catch (err) {
            setSaid(oneLine(err));
          }
        }}
      />
      {said && <Caption1 block>{said}</Caption1>}
      <Caption1 block>{comparisons.length ? t.compareSummary(comparisons.length, errors, warnings) : t.compareNone}</Caption1>
      {comparisons.map((c) => {
        const changed = c.rows.filter((r) => r.finding || r.change !== 0).sort((a, b) => rank(a) - rank(b));
        return (
          <div key={c.sheet} className={styles.unit} role="region" aria-label={`${c.unit || c.sheet} ${t.tabCompare}`}>
            <strong>
              {c.unit || c.sheet} · {c.table} {formatPeriod(c.before)} → {formatPeriod(c.now)}
            </strong>
            <Caption1>
              {t.comparePrevious}“{c.previous.sheet}”{c.previous.origin ? `（${c.previous.origin}）` : ""}
              {c.findings.length > 0 && (
                <>
                  {" "}
                  <Badge color={c.findings.some((f) => f.severity === "error") ? "danger" : "warning"}>{c.findings.length}</Badge>
                </>
              )}
            </Caption1>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th>{t.compareColumn}</th>
                  <th className={styles.num}>{t.compareBefore}</th>
                  <th className={styles.num}>{t.compareNow}</th>
                  <th className={styles.num}>{t.compareChange}</th>
                </tr>
              </thead>
              <tbody>
                {changed.map((r) => (
                  <tr key={r.cell} className={rowClass(r) ? `${styles.row} ${rowClass(r)}` : styles.row} onClick={() => onSelect(c.sheet, r.cell)}>
                    <td>
                      {r.cell} {r.row} {r.column}
                      {r.finding && (
                        <Caption1 block>
                          {r.finding.message}〔{r.finding.source}〕
                        </Caption1>
                      )}
                    </td>
                    <td className={styles.num}>{r.before}</td>
                    <td className={styles.num}>{r.now}</td>
                    <td className={styles.num}>{changeText(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {c.rows.length > changed.length && <Caption1>{t.compareSame(c.rows.length - changed.length)}</Caption1>}
          </div>
        );
      })}
    </section>
  );
}
