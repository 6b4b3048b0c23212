import { Badge, Body1, Button, Caption1, Card, Field, Input, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { SheetReport } from "../rules/check";
import { RULES } from "../rules/checks";
import { practiceSheet, remaining } from "../rules/sample/practice";
import type { PracticeRound } from "../rules/sample/practice-record";
import { allTemplates } from "../rules/templates/catalog";
import type { TableTemplate } from "../rules/templates/schema";
import type { Strings } from "./i18n";
import { ErrorBar } from "./ErrorBar";
import { oneLine } from "./one-line";
import { TemplateSelect } from "./TemplateSelect";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalXS },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

const tables = () => allTemplates().filter((t): t is TableTemplate => t.kind === "table" && t.noBlankNote !== undefined);

/**
 * Training: the rules of a table with right and wrong examples, and practice sheets with planted
 * mistakes. The round is kept in the workbook by the pane (`practice`, `onPractice`), so leaving
 * 培训 or reloading keeps its progress.
 */
export function TrainingView({
  reports,
  t,
  practice,
  onPractice,
  onAddSheet,
}: {
  reports: SheetReport[];
  t: Strings;
  practice: PracticeRound | undefined;
  onPractice: (p: PracticeRound) => Promise<void>;
  /** The practice sheet's name, or undefined where the user chose not to go on. */
  onAddSheet: (p: { grid: SheetReport["recognition"]["grid"] }) => Promise<string | undefined>;
}) {
  const styles = useStyles();
  const [id, setId] = useState(tables()[0].id);
  const [count, setCount] = useState("8");
  const [seed, setSeed] = useState("1");
  const [reveal, setReveal] = useState(false);
  const [error, setError] = useState<string>();
  const template = tables().find((x) => x.id === id)!;
  const rules = RULES.filter((r) => r.appliesTo(template));
  const sheetFindings = practice ? (reports.find((r) => r.sheet === practice.sheet)?.findings ?? []) : [];
  const left = practice ? remaining(practice.planted, sheetFindings) : [];
  return (
    <section className={styles.root} aria-label={t.tabTraining}>
      <TemplateSelect label={t.trainingTemplate} templates={tables()} value={id} onChange={setId} />
      <Subtitle2>{t.practiceTitle}</Subtitle2>
      <div className={styles.row}>
        <Field label={t.mistakes}>
          <Input type="number" value={count} onChange={(_, d) => setCount(d.value)} style={{ width: "6em" }} />
        </Field>
        <Field label={t.seed}>
          <Input type="number" value={seed} onChange={(_, d) => setSeed(d.value)} style={{ width: "6em" }} />
        </Field>
        <Button
          appearance="primary"
          onClick={async () => {
            // The number asked for is honoured or refused with the reason (never quietly changed).
            const p = practiceSheet(template, count.trim() === "" ? NaN : Number(count), Number(seed) || 1, `练习${seed}`);
            if ("refused" in p) {
              setError(p.refused);
              return;
            }
            setError(undefined);
            try {
              const sheet = await onAddSheet({ grid: p.grid });
              if (sheet === undefined) return;
              await onPractice({ sheet, planted: p.planted });
              setReveal(false);
            } catch (e) {
              setError(oneLine(e));
            }
          }}
        >
          {t.makePractice}
        </Button>
      </div>
      <ErrorBar error={error} />
      {practice && (
        <Card className={styles.card}>
          <Body1>
            <strong>{practice.sheet}</strong>：{t.progress(practice.planted.length - left.length, practice.planted.length)}
          </Body1>
          {left.length > 0 && (
            <Button size="small" onClick={() => setReveal(!reveal)}>
              {reveal ? t.hideAnswers : t.showAnswers}
            </Button>
          )}
          {reveal && (
            <ul aria-label={t.showAnswers}>
              {left.map((p) => (
                <li key={p.cell}>
                  {p.cell}：{p.what}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <Subtitle2>{t.ruleCatalog}</Subtitle2>
      {rules.map((r) => (
        <Card key={r.id} className={styles.card}>
          <Body1>
            <strong>{r.title.zh}</strong>{" "}
            <Badge size="small" color={r.severity === "error" ? "danger" : "warning"}>
              {r.severity === "error" ? t.mandatory : t.advisory}
            </Badge>
          </Body1>
          <Caption1>{r.description.zh}</Caption1>
          <Caption1 className={styles.good}>✓ {r.examples.good}</Caption1>
          <Caption1 className={styles.bad}>✗ {r.examples.bad}</Caption1>
          <Caption1>
            {t.basedOn}
            {(r.notesFor?.(template) ?? []).map((n) => `${template.shortTitle}注${n}`).join("、") || template.shortTitle}
          </Caption1>
        </Card>
      ))}
    </section>
  );
}
