import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Input,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { SheetReport } from "../rules/check";
import type { Finding } from "../rules/finding";
import { cellAt, gridCellOf } from "../rules/grid";
import { staleWords } from "../rules/review/explanations";
import type { Lang, Strings } from "./i18n";
import type { CellWrite } from "./source";

const useStyles = makeStyles({
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "flex-start" },
  finding: {
    textAlign: "left",
    justifyContent: "flex-start",
    whiteSpace: "normal",
    height: "auto",
    minWidth: 0,
    flexGrow: 1,
    fontWeight: "normal",
  },
  error: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `3px solid ${tokens.colorPaletteYellowBorder2}` },
  explained: { borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}` },
  where: { display: "block", color: tokens.colorNeutralForeground3 },
  group: { marginTop: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXS },
});

/** The writes a set of findings' certain fixes make. */
export function writesOf(report: SheetReport, findings: Finding[]): CellWrite[] {
  return findings
    .filter((f) => f.fix)
    .map((f) => {
      const cell = f.fix!.cell;
      const { grid } = report.recognition;
      const at = gridCellOf(grid, cell);
      const expected = cellAt(grid, at.row, at.col);
      return { sheet: f.sheet, cell, value: f.fix!.value, expected };
    });
}

/** A warning's 审核说明: written in place, saved with the workbook. Errors have none. */
function ExplainBox({
  f,
  t,
  onExplain,
}: {
  f: Finding;
  t: Strings;
  onExplain: (text: string) => Promise<boolean>;
}) {
  const styles = useStyles();
  const [text, setText] = useState<string>();
  if (text === undefined)
    return (
      <Button size="small" onClick={() => setText(f.explained ?? f.explainedBefore ?? "")}>
        {t.explainWarning}
      </Button>
    );
  return (
    <form
      className={styles.item}
      onSubmit={(e) => {
        e.preventDefault();
        void onExplain(text).then((saved) => saved && setText(undefined));
      }}
    >
      <Input
        size="small"
        aria-label={`${f.cell} ${t.explainLabel}`}
        placeholder={t.explainLabel}
        value={text}
        onChange={(_, d) => setText(d.value)}
      />
      <Button size="small" type="submit" appearance="primary">
        {t.explainSave}
      </Button>
    </form>
  );
}

function FindingItem({
  f,
  lang,
  t,
  onSelect,
  onFix,
  onExplain,
}: {
  f: Finding;
  lang: Lang;
  t: Strings;
  onSelect: () => void;
  onFix?: () => void;
  onExplain?: (text: string) => Promise<boolean>;
}) {
  const styles = useStyles();
  const where = [f.cell, f.row, f.column].filter(Boolean).join(" · ");
  return (
    <li className={styles.item}>
      <Button
        appearance="subtle"
        className={mergeClasses(
          styles.finding,
          f.severity === "error" ? styles.error : f.explained ? styles.explained : styles.warning
        )}
        onClick={onSelect}
      >
        <span>
          <span className={styles.where}>{where}</span>
          {lang === "en" ? f.messageEn : f.message}
          <Caption1 className={styles.where}>〔{f.source}〕</Caption1>
          {f.explained && (
            <Caption1 className={styles.where}>
              <Badge appearance="tint" color="success">
                {t.explained}
              </Badge>{" "}
              {f.explained}
            </Caption1>
          )}
          {f.explainedBefore && <Caption1 className={styles.where}>{staleWords(f)}</Caption1>}
        </span>
      </Button>
      {onFix && f.fix && (
        <Button size="small" onClick={onFix}>
          {t.fixOne(f.fix.value)}
        </Button>
      )}
      {onExplain && f.severity === "warning" && f.cell && (
        <ExplainBox f={f} t={t} onExplain={onExplain} />
      )}
    </li>
  );
}

/** Sheets drawn in the first frame (the rest follow in the next). */
const FIRST_SHEETS = 6;

/** A table's words when its sheet holds several: 季报表（一） A3:AB7. */
const tableWords = (r: SheetReport) =>
  r.recognition.kind === "none"
    ? ""
    : `${r.recognition.template.shortTitle} ${r.recognition.place.range}`;

interface Actions {
  lang: Lang;
  t: Strings;
  onSelect: (f: Finding) => void;
  onFix: (writes: CellWrite[]) => void;
  /** Saves a warning's 审核说明; false when it was refused (the reason is shown by the caller). */
  onExplain?: (f: Finding, text: string) => Promise<boolean>;
  /** 退回: the message and marked copy for this sheet's unit. */
  onReturn?: (report: SheetReport) => void;
}

interface TableProps extends Actions {
  r: SheetReport;
  /** Names the table's sections: the sheet, or the sheet and the table. */
  label: string;
}

/** One table's findings: errors, then warnings, with its fill-blanks and 退回 actions. */
function TableFindings({
  r,
  label: name,
  lang,
  t,
  onSelect,
  onFix,
  onExplain,
  onReturn,
}: TableProps) {
  const styles = useStyles();
  const errors = r.findings.filter((f) => f.severity === "error");
  const warnings = r.findings.filter((f) => f.severity === "warning");
  const blanks = r.findings.filter((f) => f.category === "blank" && f.fix);
  // Numbers written as text, in full-width digits, with 1,200 or 3家: every one at once.
  const numbers = r.findings.filter((f) => f.category === "number-format" && f.fix);
  return (
    <>
      {blanks.length > 1 && (
        <Button onClick={() => onFix(writesOf(r, blanks))}>{t.fillBlanks(blanks.length)}</Button>
      )}
      {numbers.length > 1 && (
        <Button onClick={() => onFix(writesOf(r, numbers))}>
          {t.allToNumbers(numbers.length)}
        </Button>
      )}
      {onReturn && r.findings.some((f) => !f.explained) && (
        <Button onClick={() => onReturn(r)} aria-label={`${t.returnAction} ${name}`}>
          {t.returnAction}
        </Button>
      )}
      {[
        [t.errors, errors],
        [t.warnings, warnings],
      ].map(([label, list]) =>
        (list as Finding[]).length ? (
          <section key={label as string} aria-label={`${name} ${label}`}>
            <Caption1 className={styles.group} block>
              {label as string}（{(list as Finding[]).length}）
            </Caption1>
            <ul className={styles.list}>
              {(list as Finding[]).map((f, i) => (
                <FindingItem
                  key={i}
                  f={f}
                  lang={lang}
                  t={t}
                  onSelect={() => onSelect(f)}
                  onFix={() => onFix(writesOf(r, [f]))}
                  onExplain={onExplain && ((text) => onExplain(f, text))}
                />
              ))}
            </ul>
          </section>
        ) : null
      )}
    </>
  );
}

export function FindingsView({
  reports,
  lang,
  t,
  onSelect,
  onFix,
  onExplain,
  onReturn,
}: Actions & { reports: SheetReport[] }) {
  const styles = useStyles();
  const recognized = reports.filter((r) => r.recognition.kind !== "none");
  const unrecognized = reports.filter((r) => r.recognition.kind === "none");
  // Findings by sheet, then by table (a sheet may hold several: one report each, in sheet order).
  const sheets: [string, SheetReport[]][] = [];
  for (const r of recognized) {
    const last = sheets[sheets.length - 1];
    if (last?.[0] === r.sheet) last[1].push(r);
    else sheets.push([r.sheet, [r]]);
  }
  // A big workbook's first sheets are drawn at once, the rest after that frame is painted: drawing
  // 60 sheets' findings takes a second, and the first ones should not wait for the last.
  const [drawn, setDrawn] = useState(FIRST_SHEETS);
  useEffect(() => {
    if (drawn >= sheets.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setDrawn(Infinity))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [drawn, sheets.length]);
  // Sheets with findings are open unless the user closed them; the others closed unless opened.
  const [toggled, setToggled] = useState<Set<string>>(new Set());
  const open = sheets
    .filter(([sheet, tables]) => tables.some((r) => r.findings.length > 0) !== toggled.has(sheet))
    .map(([sheet]) => sheet);
  return (
    <>
      <Accordion
        multiple
        collapsible
        openItems={open}
        onToggle={(_, d) => {
          const next = new Set(toggled);
          if (next.has(String(d.value))) next.delete(String(d.value));
          else next.add(String(d.value));
          setToggled(next);
        }}
      >
        {sheets.slice(0, drawn).map(([sheet, tables]) => {
          const all = tables.flatMap((r) => r.findings);
          const errors = all.filter((f) => f.severity === "error");
          const warnings = all.filter((f) => f.severity === "warning");
          return (
            <AccordionItem key={sheet} value={sheet}>
              <AccordionHeader>
                <span className={styles.head}>
                  <strong>{sheet}</strong>
                  {tables[0].recognition.grid.visibility && (
                    <Badge appearance="outline" color="important">
                      {t.hiddenSheet(tables[0].recognition.grid.visibility === "veryHidden")}
                    </Badge>
                  )}
                  <Caption1>
                    {tables.map((r) => r.recognition.template?.shortTitle).join("、")}
                  </Caption1>
                  {all.length === 0 ? (
                    <Badge appearance="tint" color="success">
                      {t.clean}
                    </Badge>
                  ) : (
                    <>
                      {errors.length > 0 && (
                        <Badge color="danger">{`${errors.length} ${t.errors}`}</Badge>
                      )}
                      {warnings.length > 0 && (
                        <Badge color="warning">{`${warnings.length} ${t.warnings}`}</Badge>
                      )}
                    </>
                  )}
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {tables.map((r, i) => {
                  const body = (
                    <TableFindings
                      r={r}
                      label={tables.length > 1 ? `${sheet} ${tableWords(r)}` : sheet}
                      lang={lang}
                      t={t}
                      onSelect={onSelect}
                      onFix={onFix}
                      onExplain={onExplain}
                      onReturn={onReturn}
                    />
                  );
                  // Several tables on the sheet: each under its own heading (季报表（一） A3:AB7).
                  return tables.length > 1 ? (
                    <section key={i} aria-label={`${sheet} ${tableWords(r)}`}>
                      <Caption1 className={styles.group} block>
                        <strong>{tableWords(r)}</strong>
                      </Caption1>
                      {body}
                    </section>
                  ) : (
                    <div key={i}>{body}</div>
                  );
                })}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
      {unrecognized.length > 0 && (
        <section aria-label={t.unrecognized}>
          <Caption1 className={styles.group} block>
            {t.unrecognized}
          </Caption1>
          <ul className={styles.list}>
            {unrecognized.map((r) => {
              const near = r.recognition.candidates[0];
              return (
                <li key={r.sheet}>
                  <Caption1>
                    {r.sheet}
                    {r.recognition.grid.visibility &&
                      `（${t.hiddenSheet(r.recognition.grid.visibility === "veryHidden")}）`}
                    ：{t.noTemplate}
                    {near && near.confidence > 0.2 ? `（${t.nearest}：${near.title}）` : ""}
                  </Caption1>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
