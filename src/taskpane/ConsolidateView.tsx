import { Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { SheetReport } from "../rules/check";
import type { ChildLine } from "../rules/consolidate";
import { ErrorBar } from "./ErrorBar";
import { oneLine } from "./one-line";
import { toA1 } from "../rules/grid";
import { cycleOf, type Day, formatPeriod, parseDay, parsePeriod, periodCode, periodOfDay } from "../rules/period";
import type { Recognized } from "../rules/recognize";
import { stampEdits } from "../rules/stamp";
import type { Strings } from "./i18n";
import type { CellWrite, Profile } from "./source";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The writes a stamp makes on every periodic report of the workbook (confirmed like any fix). */
export function stampWrites(reports: SheetReport[], period: string, date: Day, profile: Profile | undefined): CellWrite[] {
  const p = parsePeriod(period);
  if (!p) return [];
  return reports.flatMap((r) => {
    const rec = r.recognition;
    if (rec.kind === "none" || cycleOf(rec.template) !== p.cycle) return [];
    return stampEdits(rec as Recognized, { period: p, date, profile }).map((e) => ({
      sheet: rec.sheet,
      cell: toA1(rec.grid, e.row, e.col),
      value: e.value,
      expected: rec.grid.values[e.row]?.[e.col] ?? null,
    }));
  });
}

export function ConsolidateView({
  reports,
  profile,
  today,
  t,
  onWrites,
  onConsolidate,
}: {
  reports: SheetReport[];
  profile: Profile | undefined;
  today: Day;
  t: Strings;
  onWrites: (w: CellWrite[]) => void;
  onConsolidate: (files: { name: string; bytes: Uint8Array }[]) => Promise<ChildLine[]>;
}) {
  const styles = useStyles();
  const cycle = reports.map((r) => (r.recognition.kind === "none" ? undefined : cycleOf(r.recognition.template))).find(Boolean) ?? "quarter";
  const [period, setPeriod] = useState(periodCode(periodOfDay(today, cycle)));
  const [date, setDate] = useState(`${today.year}-${String(today.month).padStart(2, "0")}-${String(today.day).padStart(2, "0")}`);
  const [files, setFiles] = useState<File[]>([]);
  const [lines, setLines] = useState<ChildLine[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const p = parsePeriod(period);
  const d = parseDay(date);
  return (
    <section className={styles.root} aria-label={t.tabConsolidate}>
      <Subtitle2>{t.stampTitle}</Subtitle2>
      {!profile?.unit && (
        <MessageBar intent="info">
          <MessageBarBody>{t.stampNeedsProfile}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t.period} validationState={p ? "none" : "error"} validationMessage={p ? formatPeriod(p) : t.periodHint}>
        <Input value={period} onChange={(_, v) => setPeriod(v.value)} />
      </Field>
      <Field label={t.date} validationState={d ? "none" : "error"}>
        <Input value={date} onChange={(_, v) => setDate(v.value)} />
      </Field>
      <Button disabled={!p || !d} onClick={() => onWrites(stampWrites(reports, period, d!, profile))}>
        {t.stamp}
      </Button>

      <Subtitle2>{t.consolidateTitle}</Subtitle2>
      <Caption1>{t.consolidateHint}</Caption1>
      <input
        type="file"
        multiple
        accept=".xlsx"
        aria-label={t.pickFiles}
        onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
      />
      {files.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.undoWarning}</MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        disabled={files.length === 0 || busy}
        onClick={async () => {
          setBusy(true);
          setError(undefined);
          try {
            setLines(await onConsolidate(await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))));
          } catch (e) {
            setError(oneLine(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t.consolidate(files.length)}
      </Button>
      <ErrorBar error={error} />
      {lines && (
        <ul className={styles.list} aria-label={t.consolidated}>
          {lines.map((l, i) => (
            <li key={i}>
              {childName(l)}：{l.status === "included" ? t.included : l.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The unit, and the sheet when it is named otherwise (several sheets may report for one unit). */
const childName = (l: ChildLine) =>
  l.unit && l.sheet && l.sheet !== l.unit ? `${l.unit}（${l.sheet}）` : l.unit || l.sheet || l.origin;
