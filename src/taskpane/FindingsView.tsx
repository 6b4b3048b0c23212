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
import { useState } from "react";
import type { SheetReport } from "../rules/check";
import type { Finding } from "../rules/finding";
import { fromA1 } from "../rules/grid";
import type { Lang, Strings } from "./i18n";
import type { CellWrite } from "./source";

const useStyles = makeStyles({
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "flex-start" },
  finding: { textAlign: "left", justifyContent: "flex-start", whiteSpace: "normal", height: "auto", minWidth: 0, flexGrow: 1, fontWeight: "normal" },
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
      const o = grid.origin ?? { row: 0, col: 0 };
      const at = fromA1(cell);
      const expected = grid.values[at.row - o.row]?.[at.col - o.col] ?? null;
      return { sheet: f.sheet, cell, value: f.fix!.value, expected };
    });
}

/** A warning's 审核说明: written in place, saved with the workbook. Errors have none. */
function ExplainBox({ f, t, onExplain }: { f: Finding; t: Strings; onExplain: (text: string) => Promise<boolean> }) {
  const styles = useStyles();
  const [text, setText] = useState<string>();
  if (text === undefined)
    return (
      <Button size="small" onClick={() => setText(f.explained ?? "")}>
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
      <Input size="small" aria-label={`${f.cell} ${t.explainLabel}`} placeholder={t.explainLabel} value={text} onChange={(_, d) => setText(d.value)} />
      <Button size="small" type="submit" appearance="primary">
        {t.explainSave}
      </Button>
    </form>
  );
}

function FindingItem({ f, lang, t, onSelect, onFix, onExplain }: { f: Finding; lang: Lang; t: Strings; onSelect: () => void; onFix?: () => void; onExplain?: (text: string) => Promise<boolean> }) {
  const styles = useStyles();
  const where = [f.cell, f.row, f.column].filter(Boolean).join(" · ");
  return (
    <li className={styles.item}>
      <Button appearance="subtle" className={mergeClasses(styles.finding, f.severity === "error" ? styles.error : f.explained ? styles.explained : styles.warning)} onClick={onSelect}>
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
        </span>
      </Button>
      {onFix && f.fix && (
        <Button size="small" onClick={onFix}>
          {t.fixOne(f.fix.value)}
        </Button>
      )}
      {onExplain && f.severity === "warning" && f.cell && <ExplainBox f={f} t={t} onExplain={onExplain} />}
    </li>
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
}: {
  reports: SheetReport[];
  lang: Lang;
  t: Strings;
  onSelect: (f: Finding) => void;
  onFix: (writes: CellWrite[]) => void;
  /** Saves a warning's 审核说明; false when it was refused (the reason is shown by the caller). */
  onExplain?: (f: Finding, text: string) => Promise<boolean>;
  /** 退回: the message and marked copy for this sheet's unit. */
  onReturn?: (report: SheetReport) => void;
}) {
  const styles = useStyles();
  const recognized = reports.filter((r) => r.recognition.kind !== "none");
  const unrecognized = reports.filter((r) => r.recognition.kind === "none");
  // Sheets with findings are open unless the user closed them; the others closed unless opened.
  const [toggled, setToggled] = useState<Set<string>>(new Set());
  const open = recognized.filter((r) => (r.findings.length > 0) !== toggled.has(r.sheet)).map((r) => r.sheet);
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
        {recognized.map((r) => {
          const errors = r.findings.filter((f) => f.severity === "error");
          const warnings = r.findings.filter((f) => f.severity === "warning");
          const blanks = r.findings.filter((f) => f.category === "blank" && f.fix);
          return (
            <AccordionItem key={r.sheet} value={r.sheet}>
              <AccordionHeader>
                <span className={styles.head}>
                  <strong>{r.sheet}</strong>
                  <Caption1>{r.recognition.template?.shortTitle}</Caption1>
                  {r.findings.length === 0 ? (
                    <Badge appearance="tint" color="success">
                      {t.clean}
                    </Badge>
                  ) : (
                    <>
                      {errors.length > 0 && <Badge color="danger">{`${errors.length} ${t.errors}`}</Badge>}
                      {warnings.length > 0 && <Badge color="warning">{`${warnings.length} ${t.warnings}`}</Badge>}
                    </>
                  )}
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {blanks.length > 1 && <Button onClick={() => onFix(writesOf(r, blanks))}>{t.fillBlanks(blanks.length)}</Button>}
                {onReturn && r.findings.some((f) => !f.explained) && (
                  <Button onClick={() => onReturn(r)} aria-label={`${t.returnAction} ${r.sheet}`}>
                    {t.returnAction}
                  </Button>
                )}
                {[
                  [t.errors, errors],
                  [t.warnings, warnings],
                ].map(([label, list]) =>
                  (list as Finding[]).length ? (
                    <section key={label as string} aria-label={`${r.sheet} ${label}`}>
                      <Caption1 className={styles.group} block>
                        {label as string}（{(list as Finding[]).length}）
                      </Caption1>
                      <ul className={styles.list}>
                        {(list as Finding[]).map((f, i) => (
                          <FindingItem key={i} f={f} lang={lang} t={t} onSelect={() => onSelect(f)} onFix={() => onFix(writesOf(r, [f]))} onExplain={onExplain && ((text) => onExplain(f, text))} />
                        ))}
                      </ul>
                    </section>
                  ) : null
                )}
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
                    {r.sheet}：{t.noTemplate}
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
