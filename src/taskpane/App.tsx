import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { type ComponentType, lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { checkInSteps, type SheetReport } from "../rules/check";
import { explainCell } from "../rules/explain";
import { addExplanation, type Explanation, readExplanations } from "../rules/review/explanations";
import type { Finding } from "../rules/finding";
import { ConfirmDialog } from "./ConfirmDialog";
import { ConsolidateView } from "./ConsolidateView";
import { ErrorBar } from "./ErrorBar";
import { ExplainView } from "./ExplainView";
import { FindingsView } from "./FindingsView";
import { oneLine } from "./one-line";
import { type Lang, strings } from "./i18n";
import { ProfileView } from "./ProfileView";
import type { PracticeRound } from "../rules/sample/practice-record";
import { TemplatePicker } from "./TemplatePicker";
import type { CellWrite, WorkbookSource } from "./source";
import { UndoDialog } from "./UndoDialog";
import type { Mark, UndoAction } from "../workbook/types";
import { nowText, today } from "../workbook/today";

/**
 * A view loaded on first use, so the pane's first load stays small (docs/PERFORMANCE.md): 上期对比,
 * 退回 and 培训. If its code cannot be fetched, one line says so where it would be.
 */
function onFirstUse<P extends object>(load: () => Promise<ComponentType<P>>) {
  const failed = () => <ErrorBar error="这一页没能加载（网络中断？）：请关闭任务窗格后重新打开" />;
  return lazy(() =>
    load().then(
      (view) => ({ default: view }),
      () => ({ default: failed as unknown as ComponentType<P> })
    )
  );
}
const CompareView = onFirstUse(() => import("./CompareView").then((m) => m.CompareView));
const ReturnView = onFirstUse(() => import("./ReturnView").then((m) => m.ReturnView));
const TrainingView = onFirstUse(() => import("./TrainingView").then((m) => m.TrainingView));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: "280px", maxWidth: "560px" },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  // Six tabs are wider than a 320 px pane: they wrap instead of scrolling the pane sideways.
  tabs: { flexWrap: "wrap" },
});

/** Edits come in bursts: check again once they pause. */
export const RECHECK_DELAY_MS = 800;
/** A message saying something went well is read and gone: it does not stay for good. */
export const NOTICE_MS = 6000;

type State =
  | { kind: "loading" }
  | { kind: "failed"; reason: string }
  /** The first check of a workbook, under way: the reports of the sheets checked so far. */
  | { kind: "checking"; reports: SheetReport[]; checked: number; total: number }
  | {
      kind: "done";
      reports: SheetReport[];
      skipped: { sheet: string; reason: string }[];
      /** The workbook's 审核说明 and the sheet holding them. */
      explanations: { sheet?: string; list: Explanation[] };
    };
type Tabs = "findings" | "explain" | "compare" | "consolidate" | "training" | "profile";



/** Sheets checked between two looks at the page: a big workbook's first findings do not wait for its last sheet. */
export const SHEETS_PER_STEP = 6;

/**
 * Waits until the page has painted what it has (then its events are handled) before more work.
 * A hidden page paints no frames: it waits a tenth of a second at most.
 */
const nextPaint = () =>
  new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve);
    });
  });

/** What 标出问题格 colours: every finding that has a cell. */
const markOf = (reports: SheetReport[]) =>
  reports.flatMap((r) => r.findings).filter((f) => f.cell).map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity }));

/** Which of its sheet's tables a report is (0 for a sheet with none). */
const tableOf = (r: SheetReport) => (r.recognition.kind === "none" ? 0 : r.recognition.place.index);

export function App({ source, lang = "zh", supported = true }: { source: WorkbookSource; lang?: Lang; supported?: boolean }) {
  const t = strings(lang);
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "loading" });
  const [tab, setTab] = useState<Tabs>("findings");
  const [notice, setNotice] = useState<string>();
  /** What the pane did on its own and could not (the highlights following the findings). */
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<CellWrite[]>();
  const [asking, setAsking] = useState<{ action: UndoAction; answer: (goOn: boolean) => void }>();
  /**
   * True at once where the action keeps Excel's undo history (always outside Excel); else once
   * the user, told it will be cleared, goes on (UndoDialog).
   */
  const undoAllowed = (action: UndoAction) =>
    source.clearsUndo?.(action)
      ? new Promise<boolean>((answer) => setAsking({ action, answer }))
      : Promise.resolve(true);
  // The table being returned: its sheet and its place there (a sheet may hold several tables).
  const [returning, setReturning] = useState<{ sheet: string; table: number }>();
  const [at, setAt] = useState<{ sheet: string; cell: string }>();
  const [highlighted, setHighlighted] = useState(() => supported && source.hasHighlights());
  const [undoable, setUndoable] = useState(() => (supported ? source.lastFixes() : 0));
  // Kept in the workbook: a reload, or the file opened again, finds the round where it was.
  const [practice, setPractice] = useState<PracticeRound | undefined>(() =>
    supported ? source.loadPractice() : undefined
  );

  // A check started supersedes the one under way, which stops at its next step.
  const latest = useRef(0);
  const run = useCallback(async () => {
    const id = ++latest.current;
    setState((s) => (s.kind === "done" ? s : { kind: "loading" }));
    try {
      const grids = await source.readSheets();
      for (const step of checkInSteps(grids, {}, SHEETS_PER_STEP)) {
        if (id !== latest.current) return;
        if (step.done) {
          setState({
            kind: "done",
            reports: step.reports,
            skipped: grids.skipped ?? [],
            explanations: readExplanations(grids) ?? { list: [] },
          });
          return;
        }
        // The first check shows the findings as they come; checking again keeps the last findings
        // until the new ones are all in (a list that empties and fills again would jump).
        const { reports, checked, total } = step;
        setState((s) => (s.kind === "done" ? s : { kind: "checking", reports, checked, total }));
        await nextPaint();
      }
    } catch (e) {
      if (id === latest.current) setState({ kind: "failed", reason: oneLine(e) });
    }
  }, [source]);

  const tabRef = useRef(tab);
  tabRef.current = tab;
  useEffect(() => {
    if (!supported) return;
    void run();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = source.subscribe({
      changed: () => {
        clearTimeout(timer);
        timer = setTimeout(() => void run(), RECHECK_DELAY_MS);
      },
      selected: () => {
        if (tabRef.current === "explain") void source.activeCell().then(setAt);
      },
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
      latest.current++; // a check under way stops: its workbook is no longer shown
    };
  }, [run, source, supported]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(undefined), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // While highlights are on they follow the findings: a fixed cell loses its mark, a new one gets it.
  const marked = useRef<string>();
  /** The marks the findings call for now (a repaint after a question paints the latest). */
  const wanted = useRef<Mark[]>([]);
  /**
   * Whether the user went on past a question about following (标出问题格's, or the one below) in
   * this pane: marks kept from before (a workbook reopened) are repainted only after one, since a
   * repaint clears Excel's undo history; unless they are already what the findings call for.
   */
  const following = useRef<"no" | "asking" | "yes" | "declined">("no");
  const [keptAsBefore, setKeptAsBefore] = useState(false);
  useEffect(() => {
    if (!highlighted || state.kind !== "done") return;
    const marks = markOf(state.reports);
    const key = JSON.stringify(marks);
    wanted.current = marks;
    if (key === marked.current) return;
    marked.current = key;
    void (async () => {
      if (following.current !== "yes") {
        if (following.current !== "no") return; // asked already: the answer settles it
        following.current = "asking";
        const kept = await source.marksKept?.(marks).catch(() => false);
        if (kept && wanted.current === marks) {
          following.current = "no";
          return;
        }
        const goOn = await undoAllowed("followHighlights");
        following.current = goOn ? "yes" : "declined";
        setKeptAsBefore(!goOn);
        if (!goOn) return;
      }
      // A sheet since protected with a password (or any refusal): its one line, the marks left as they are.
      const latest = wanted.current;
      await source
        .clearHighlights()
        .then(() => source.highlight(latest))
        .then(
          () => setError(undefined),
          (e) => setError(oneLine(e))
        );
    })();
  }, [highlighted, state, source]);

  // A done action says so in green; a refused one in the error bar, never as if it had worked.
  const act = async (work: () => Promise<string>) => {
    try {
      setNotice(await work());
      setError(undefined);
    } catch (e) {
      setNotice(undefined);
      setError(oneLine(e));
    }
  };

  if (!supported)
    return (
      <main className={styles.root}>
        <Title3 as="h1">{t.title}</Title3>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.tooOld}</MessageBarBody>
        </MessageBar>
      </main>
    );

  const reports = state.kind === "done" ? state.reports : [];
  // While the first check is under way: the sheets checked so far, and no count of the whole.
  const shown = state.kind === "checking" ? state.reports : reports;
  const findings = reports.flatMap((r) => r.findings);
  const errors = findings.filter((f) => f.severity === "error").length;
  const recognized = reports.filter((r) => r.recognition.kind !== "none");
  const returned = returning && reports.find((r) => r.sheet === returning.sheet && tableOf(r) === returning.table);

  return (
    <main className={styles.root}>
      <div className={styles.header}>
        <Title3 as="h1">{t.title}</Title3>
        <Button onClick={() => void run()} disabled={state.kind === "loading" || state.kind === "checking"}>
          {t.recheck}
        </Button>
      </div>
      <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, d) => {
        setTab(d.value as Tabs);
        if (d.value === "explain") void source.activeCell().then(setAt);
      }}>
        <Tab value="findings">{t.tabFindings}</Tab>
        <Tab value="explain">{t.tabExplain}</Tab>
        <Tab value="compare">{t.tabCompare}</Tab>
        <Tab value="consolidate">{t.tabConsolidate}</Tab>
        <Tab value="training">{t.tabTraining}</Tab>
        <Tab value="profile">{t.tabProfile}</Tab>
      </TabList>
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={error} />
      {state.kind === "loading" && <Spinner size="small" label={t.checking} />}
      {state.kind === "checking" && (
        <Field validationMessage={t.sheetsChecked(state.checked, state.total)} validationState="none">
          <ProgressBar value={state.checked / state.total} aria-label={t.sheetsChecked(state.checked, state.total)} />
        </Field>
      )}
      {state.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t.readFailed}：{state.reason}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" && tab === "findings" && (
        <>
          <Caption1>{t.summary(new Set(reports.map((r) => r.sheet)).size, recognized.length, errors, findings.length - errors)}</Caption1>
          {state.skipped.map((s) => (
            <Caption1 key={s.sheet}>
              “{s.sheet}”：{s.reason}
            </Caption1>
          ))}
          {recognized.length === 0 && (
            <>
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>{t.noReports}</MessageBarBody>
              </MessageBar>
              <TemplatePicker
                t={t}
                onInsert={async (grid, widths) => {
                  if (!(await undoAllowed("addSheet"))) return;
                  const name = await source.addSheet(grid, widths);
                  setNotice(t.templateInserted(name));
                  await run();
                }}
              />
            </>
          )}
          <div className={styles.toolbar}>
            {findings.some((f) => f.cell) && (
              <Button
                appearance="primary"
                onClick={async () => {
                  if (!(await undoAllowed("highlight"))) return;
                  following.current = "yes";
                  setKeptAsBefore(false);
                  void act(async () => {
                    const marks = markOf(reports);
                    const r = await source.highlight(marks);
                    marked.current = JSON.stringify(marks);
                    setHighlighted(true);
                    return r.untouched.length ? `${t.highlighted(r.marked)}${t.untouched(r.untouched)}` : t.highlighted(r.marked);
                  });
                }}
              >
                {t.highlight}
              </Button>
            )}
            {highlighted && (
              <Button
                onClick={async () => {
                  if (!(await undoAllowed("clearHighlights"))) return;
                  void act(async () => {
                    const n = await source.clearHighlights();
                    marked.current = undefined;
                    setHighlighted(false);
                    setKeptAsBefore(false);
                    return t.cleared(n);
                  });
                }}
              >
                {t.clearHighlight}
              </Button>
            )}
            {undoable > 0 && (
              <Button
                onClick={async () => {
                  if (!(await undoAllowed("undoFixes"))) return;
                  void act(async () => {
                    const n = await source.undoFixes();
                    setUndoable(0);
                    await run();
                    return t.undone(n);
                  });
                }}
              >
                {t.undoFixes(undoable)}
              </Button>
            )}
          </div>
          {highlighted && keptAsBefore && <Caption1>{t.marksAsBefore}</Caption1>}
          {returned && (
            <Suspense fallback={<Spinner size="tiny" />}>
              <ReturnView report={returned} source={source} t={t} onClose={() => setReturning(undefined)} />
            </Suspense>
          )}
        </>
      )}
      {/* One place for the list, growing and then whole: it is not drawn again from nothing. */}
      {(state.kind === "done" || state.kind === "checking") && tab === "findings" && (
        <FindingsView
          reports={shown}
          lang={lang}
          t={t}
          onSelect={(f: Finding) => f.cell && void source.select(f.sheet, f.cell)}
          onFix={setPending}
          // 退回 and 审核说明 take the whole workbook's findings: once every sheet is checked.
          onReturn={state.kind === "done" ? (r) => setReturning({ sheet: r.sheet, table: tableOf(r) }) : undefined}
          onExplain={
            state.kind === "done"
              ? async (f, text) => {
                  const r = addExplanation(findings, state.explanations.list, { sheet: f.sheet, cell: f.cell }, text, nowText());
                  if (!r.ok) {
                    setNotice(r.reason);
                    return false;
                  }
                  if (!(await undoAllowed(state.explanations.sheet ? "explainInPlace" : "explainNew"))) return false;
                  try {
                    await source.writeExplanations(r.list, state.explanations.sheet);
                  } catch (e) {
                    setNotice(oneLine(e));
                    return false;
                  }
                  setNotice(t.explainSaved(f.cell));
                  await run();
                  return true;
                }
              : undefined
          }
        />
      )}
      {tab === "explain" && (
        <ExplainView at={at} explanation={at && explainCell(reports.map((r) => r.recognition), at.sheet, at.cell)} t={t} />
      )}
      {tab === "compare" && state.kind === "done" && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <CompareView reports={reports} t={t} onSelect={(sheet, cell) => void source.select(sheet, cell)} />
        </Suspense>
      )}
      {tab === "consolidate" && state.kind === "done" && (
        <ConsolidateView
          reports={reports}
          stale={source.staleCopies?.() ?? []}
          profile={source.loadProfile()}
          today={today()}
          t={t}
          onWrites={(w) => (w.length ? setPending(w) : setNotice(t.nothingToChange))}
          onConsolidate={async (files, options) => {
            if (!(await undoAllowed("consolidate"))) return undefined;
            const lines = await source.consolidate(files, options);
            await run();
            return lines;
          }}
          onAddSheet={async (grid) => {
            if (!(await undoAllowed("addSheet"))) return;
            await source.addSheet(grid);
            await run();
          }}
        />
      )}
      {tab === "training" && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <TrainingView
            reports={reports}
            t={t}
            practice={practice}
            onPractice={async (p) => {
              await source.savePractice(p);
              setPractice(p);
            }}
            onAddSheet={async ({ grid }) => {
              if (!(await undoAllowed("practice"))) return undefined;
              const name = await source.addSheet(grid);
              await run();
              return name;
            }}
          />
        </Suspense>
      )}
      {tab === "profile" && <ProfileView initial={source.loadProfile()} t={t} onSave={async (p) => {
        if (!(await undoAllowed("profile"))) return false;
        await source.saveProfile(p);
        return true;
      }} />}
      <UndoDialog
        action={asking?.action}
        t={t}
        onAnswer={(goOn) => {
          asking?.answer(goOn);
          setAsking(undefined);
        }}
      />
      <ConfirmDialog
        writes={pending}
        undoCleared={source.clearsUndo?.("fix")}
        t={t}
        onCancel={() => setPending(undefined)}
        onConfirm={() => {
          const writes = pending!;
          setPending(undefined);
          void act(async () => {
            const n = await source.writeFixes(writes);
            setUndoable(source.lastFixes());
            await run();
            return t.fixed(n);
          });
        }}
      />
    </main>
  );
}
