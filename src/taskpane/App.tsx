import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { checkGrids, type SheetReport } from "../rules/check";
import type { Finding } from "../rules/finding";
import { type Lang, strings } from "./i18n";
import type { WorkbookSource } from "./source";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: "280px" },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  finding: { textAlign: "left", justifyContent: "flex-start", whiteSpace: "normal", height: "auto", paddingTop: "4px", paddingBottom: "4px" },
});

type State = { kind: "loading" } | { kind: "failed"; reason: string } | { kind: "done"; reports: SheetReport[] };

export function App({ source, lang = "zh" }: { source: WorkbookSource; lang?: Lang }) {
  const t = strings(lang);
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "loading" });
  const run = useCallback(async () => {
    setState({ kind: "loading" });
    try {
      setState({ kind: "done", reports: checkGrids(await source.readSheets()) });
    } catch (e) {
      setState({ kind: "failed", reason: e instanceof Error ? e.message.split("\n")[0] : String(e) });
    }
  }, [source]);
  useEffect(() => {
    void run();
  }, [run]);

  const jump = (f: Finding) => f.cell && void source.select(f.sheet, f.cell);

  return (
    <main className={styles.root}>
      <div className={styles.header}>
        <Title3 as="h1">{t.title}</Title3>
        <Button onClick={() => void run()} disabled={state.kind === "loading"}>
          {t.recheck}
        </Button>
      </div>
      {state.kind === "loading" && <Spinner size="small" label={t.checking} />}
      {state.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t.readFailed}：{state.reason}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" &&
        state.reports.map((r) => {
          const rec = r.recognition;
          const errors = r.findings.filter((f) => f.severity === "error").length;
          return (
            <section key={r.sheet} className={styles.sheet} aria-label={r.sheet}>
              <Subtitle2 as="h2">{r.sheet}</Subtitle2>
              {rec.kind === "none" ? (
                <Caption1>
                  {t.noTemplate}
                  {rec.candidates[0] ? `（${t.nearest}：${rec.candidates[0].title}）` : ""}
                </Caption1>
              ) : (
                <Body1>{rec.template.title}</Body1>
              )}
              {rec.kind !== "none" && r.findings.length === 0 && (
                <Badge appearance="tint" color="success">
                  {t.clean}
                </Badge>
              )}
              {r.findings.length > 0 && (
                <div>
                  <Badge color="danger">
                    {errors} {t.errors}
                  </Badge>{" "}
                  <Badge color="warning">
                    {r.findings.length - errors} {t.warnings}
                  </Badge>
                </div>
              )}
              {r.findings.map((f, i) => (
                <Button key={i} appearance="subtle" className={styles.finding} onClick={() => jump(f)}>
                  {f.cell ? `${f.cell}：` : ""}
                  {lang === "en" ? f.messageEn : f.message}
                </Button>
              ))}
            </section>
          );
        })}
    </main>
  );
}
