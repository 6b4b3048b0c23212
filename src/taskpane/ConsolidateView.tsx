import {
  Button,
  Caption1,
  Textarea,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import type { SheetReport } from "../rules/check";
import { milestones } from "../rules/consolidation/chart-data";
import { countsOf, countsText, unitStates } from "../rules/consolidation/counts";
import { readNotes } from "../rules/consolidation/notes";
import { draftRoster } from "../rules/consolidation/draft-roster";
import { reminderMessage } from "../rules/consolidation/reminder";
import { rosterFromGrid, rosterSheet } from "../rules/consolidation/roster";
import { OWN_SHEETS } from "../rules/own-sheets";
import { workbookSources } from "../rules/consolidation/sources";
import type { Grid } from "../rules/grid";
import { type ChildLine, isClean, lineText } from "../rules/consolidation/plan";
import { MilestoneChart, UnitStatusChart } from "./ConsolidateCharts";
import { ErrorBar } from "./ErrorBar";
import { oneLine } from "./one-line";
import { toA1 } from "../rules/grid";
import {
  cycleOf,
  type Day,
  formatPeriod,
  parseDay,
  parsePeriod,
  periodCode,
  periodOfDay,
} from "../rules/period";
import type { Recognition } from "../rules/recognize";
import { stampSheetEdits } from "../rules/stamp";
import type { Strings } from "./i18n";
import {
  type CellWrite,
  type ConsolidateOptions,
  type Profile,
  type ReceivedFile,
  WORKBOOK_FILES,
} from "./source";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The writes a stamp makes on every periodic report of the workbook (confirmed like any fix). */
export function stampWrites(
  reports: SheetReport[],
  period: string,
  date: Day,
  profile: Profile | undefined
): CellWrite[] {
  const p = parsePeriod(period);
  if (!p) return [];
  // In a consolidated workbook only the summaries are ours to stamp, never a copied child.
  const notes = readNotes(reports.map((r) => r.recognition.grid));
  // A sheet's tables are stamped together, so each 统计口径 line gets its own place.
  const sheets = new Map<string, Recognition[]>();
  for (const r of reports)
    sheets.set(r.recognition.sheet, [...(sheets.get(r.recognition.sheet) ?? []), r.recognition]);
  return [...sheets].flatMap(([sheet, recs]) => {
    if (notes && !notes.summaries.includes(sheet)) return [];
    const grid = recs[0].grid;
    return stampSheetEdits(
      recs,
      { period: p, date, profile },
      (rec) => cycleOf(rec.template) === p.cycle
    )
      .map((e) => ({
        sheet,
        cell: toA1(grid, e.row, e.col),
        value: e.value,
        expected: grid.values[e.row]?.[e.col] ?? null,
      }))
      .filter((w) => w.value !== w.expected); // a cell already stamped is not a change
  });
}

export function ConsolidateView({
  reports,
  stale = [],
  profile,
  today,
  t,
  onWrites,
  onConsolidate,
  onAddSheet,
}: {
  reports: SheetReport[];
  /** Copies changed since the last consolidation (the page): its summaries are out of date. */
  stale?: string[];
  profile: Profile | undefined;
  today: Day;
  t: Strings;
  onWrites: (w: CellWrite[]) => void;
  onConsolidate: (
    files: ReceivedFile[],
    options: ConsolidateOptions
  ) => Promise<ChildLine[] | undefined>;
  onAddSheet: (grid: Grid) => Promise<void>;
}) {
  const styles = useStyles();
  // A workbook consolidated before can be consolidated again from its copies, no file picked;
  // one srs consolidate wrote without the reports (too many): nothing is added to it here.
  const notes = useMemo(() => readNotes(reports.map((r) => r.recognition.grid)), [reports]);
  const detached = [...(notes?.numbers.values() ?? [])];
  const cycle =
    reports
      .map((r) => (r.recognition.kind === "none" ? undefined : cycleOf(r.recognition.template)))
      .find(Boolean) ?? "quarter";
  const [period, setPeriod] = useState(periodCode(periodOfDay(today, cycle)));
  const [date, setDate] = useState(
    `${today.year}-${String(today.month).padStart(2, "0")}-${String(today.day).padStart(2, "0")}`
  );
  const [files, setFiles] = useState<File[]>([]);
  const [lines, setLines] = useState<ChildLine[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const picker = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ done: number; all: number }>();
  const p = parsePeriod(period);
  const d = parseDay(date);
  const consolidate = async (received: ReceivedFile[]) => {
    setBusy(true);
    setError(undefined);
    let drawn = performance.now();
    try {
      setLines(
        await onConsolidate(received, {
          period: p,
          unit: profile?.unit || undefined,
          onProgress: async (done, all) => {
            setProgress({ done, all });
            // Long work gives the page a moment to draw every ~50 ms, so it never freezes.
            if (performance.now() - drawn < 50) return;
            await new Promise((r) => setTimeout(r, 20));
            drawn = performance.now();
          },
        })
      );
    } catch (e) {
      setError(oneLine(e));
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };
  // The township's totals against the plan, whenever the workbook holds a consolidation and targets.
  const schedule = useMemo(
    () =>
      milestones(
        reports.map((r) => r.recognition.grid),
        reports.map((r) => r.recognition),
        parsePeriod(period)
      ),
    [reports, period]
  );
  return (
    <section className={styles.root} aria-label={t.tabConsolidate}>
      <Subtitle2>{t.stampTitle}</Subtitle2>
      {!profile?.unit && (
        <MessageBar intent="info">
          <MessageBarBody>{t.stampNeedsProfile}</MessageBarBody>
        </MessageBar>
      )}
      <Field
        label={t.period}
        validationState={p ? "none" : "error"}
        validationMessage={p ? formatPeriod(p) : t.periodHint}
      >
        <Input value={period} onChange={(_, v) => setPeriod(v.value)} />
      </Field>
      <Field label={t.date} validationState={d ? "none" : "error"}>
        <Input value={date} onChange={(_, v) => setDate(v.value)} />
      </Field>
      <Button
        disabled={!p || !d}
        onClick={() => onWrites(stampWrites(reports, period, d!, profile))}
      >
        {t.stamp}
      </Button>

      <Subtitle2>{t.consolidateTitle}</Subtitle2>
      <Caption1>{t.consolidateHint}</Caption1>
      <RosterStatus reports={reports} t={t} onAddSheet={onAddSheet} />
      {/* The browser's own picker says "Choose Files" in its language, not ours: hidden behind a button. */}
      <Button onClick={() => picker.current?.click()}>
        {t.pickFiles}…{files.length > 0 && `（${t.picked(files.length)}）`}
      </Button>
      <input
        ref={picker}
        hidden
        type="file"
        multiple
        accept={WORKBOOK_FILES}
        aria-label={t.pickFiles}
        onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
      />
      {files.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.undoWarning}</MessageBarBody>
        </MessageBar>
      )}
      {detached.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.detached(detached)}</MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        disabled={files.length === 0 || busy || detached.length > 0}
        onClick={async () =>
          consolidate(
            await Promise.all(
              files.map(async (f) => ({
                name: f.name,
                bytes: new Uint8Array(await f.arrayBuffer()),
                lastModified: f.lastModified,
              }))
            )
          )
        }
      >
        {t.consolidate(files.length)}
      </Button>
      {stale.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.staleSummary(stale)}</MessageBarBody>
        </MessageBar>
      )}
      {notes && (
        <Button
          appearance={stale.length ? "primary" : "secondary"}
          disabled={busy || detached.length > 0}
          onClick={() => consolidate([])}
        >
          {t.reconsolidate}
        </Button>
      )}
      {progress && (
        <Field validationMessage={t.filesRead(progress.done, progress.all)} validationState="none">
          <ProgressBar
            value={progress.done / progress.all}
            aria-label={t.filesRead(progress.done, progress.all)}
          />
        </Field>
      )}
      <ErrorBar error={error} />
      {lines && <Outcome lines={lines} t={t} />}
      {lines && p && (
        <Reminder
          text={reminderMessage(
            lines,
            reports.flatMap((r) =>
              r.recognition.kind === "table" && notes?.summaries.includes(r.recognition.sheet)
                ? [r.recognition.template]
                : []
            ),
            p,
            profile?.unit
          )}
          t={t}
        />
      )}
      {schedule && <MilestoneChart data={schedule} t={t} />}
    </section>
  );
}

/** The workbook's unit roster, or a button drafting one from the reports already here. */
function RosterStatus({
  reports,
  t,
  onAddSheet,
}: {
  reports: SheetReport[];
  t: Strings;
  onAddSheet: (grid: Grid) => Promise<void>;
}) {
  const [error, setError] = useState<string>();
  const grids = reports.map((r) => r.recognition.grid);
  const sheet = grids.find((g) => g.name === OWN_SHEETS.roster.name);
  if (sheet) {
    const roster = rosterFromGrid(sheet);
    return (
      <Caption1>
        {"error" in roster ? t.rosterBad(roster.error) : t.rosterHas(roster.entries.length)}
      </Caption1>
    );
  }
  const draft = () =>
    rosterSheet(
      draftRoster(
        workbookSources(
          reports.map((r) => r.recognition),
          readNotes(grids)
        )
      )
    );
  return (
    <>
      <Caption1>{t.rosterNone}</Caption1>
      <Button
        onClick={async () => {
          try {
            await onAddSheet(draft());
          } catch (e) {
            setError(oneLine(e));
          }
        }}
      >
        {t.rosterCreate}
      </Button>
      <ErrorBar error={error} />
    </>
  );
}

/**
 * 复制催报消息: the message naming each unit missing, for the township's chat group. A webview may
 * refuse the clipboard (Office's older ones): the text is shown to copy by hand.
 */
function Reminder({ text, t }: { text: string; t: Strings }) {
  const [copied, setCopied] = useState<boolean>();
  if (!text) return null;
  return (
    <>
      <Button
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        {t.remind}
      </Button>
      {copied !== undefined && (
        <MessageBar intent={copied ? "success" : "warning"}>
          <MessageBarBody>{copied ? t.remindCopied : t.remindByHand}</MessageBarBody>
        </MessageBar>
      )}
      {copied !== undefined && (
        <Textarea readOnly value={text} aria-label={t.remindText} rows={6} resize="vertical" />
      )}
    </>
  );
}

/** Loud when the total might be wrong: what was not summed, what is missing, what has problems. */
function Outcome({ lines, t }: { lines: ChildLine[]; t: Strings }) {
  const styles = useStyles();
  // The plan's own verdict; a 细则's remarks leave it clean but are said.
  const clean = isClean(lines);
  const remarked = lines.some((l) => l.remarks?.length);
  return (
    <>
      <MessageBar intent={clean ? (remarked ? "info" : "success") : "warning"} layout="multiline">
        <MessageBarBody>
          {!clean ? t.consolidatedCheck : remarked ? t.consolidatedRemarks : t.consolidatedClean}
        </MessageBarBody>
      </MessageBar>
      {/* The counts 汇总说明 and srs consolidate give, in the same words. */}
      <Caption1>{countsText(countsOf(lines))}</Caption1>
      <UnitStatusChart states={unitStates(lines)} t={t} />
      <ul className={styles.list} aria-label={t.consolidated}>
        {lines.map((l, i) => (
          <li key={i}>{lineText(l)}</li>
        ))}
      </ul>
    </>
  );
}
