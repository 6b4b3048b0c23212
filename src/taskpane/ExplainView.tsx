import { Body1, Caption1, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import type { Explanation } from "../rules/explain";
import type { Strings } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  dl: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** "Explain this cell", large enough to project in training. */
export function ExplainView({
  at,
  explanation,
  t,
}: {
  at: { sheet: string; cell: string } | undefined;
  explanation: Explanation | undefined;
  t: Strings;
}) {
  const styles = useStyles();
  if (!at) return <Caption1>{t.explainHint}</Caption1>;
  if (!explanation)
    return (
      <div className={styles.root}>
        <Subtitle2>
          {at.sheet}!{at.cell}
        </Subtitle2>
        <Caption1>{t.explainNone}</Caption1>
      </div>
    );
  const e = explanation;
  return (
    <section className={styles.root} aria-label={t.tabExplain}>
      <Subtitle2>
        {at.sheet}!{at.cell} · {e.template.shortTitle}
      </Subtitle2>
      <dl className={styles.dl}>
        <dt className={styles.dt}>{t.row}</dt>
        <dd className={styles.dd}>{e.row}</dd>
        <dt className={styles.dt}>{t.column}</dt>
        <dd className={styles.dd}>{e.column}</dd>
        {e.unit && (
          <>
            <dt className={styles.dt}>{t.unit}</dt>
            <dd className={styles.dd}>{e.unit}</dd>
          </>
        )}
        {e.basis && (
          <>
            <dt className={styles.dt}>{t.basis}</dt>
            <dd className={styles.dd}>{e.basis}</dd>
          </>
        )}
      </dl>
      {e.notApplicable && (
        <MessageBar intent="info">
          <MessageBarBody>{t.notApplicable}</MessageBarBody>
        </MessageBar>
      )}
      {e.relations.length > 0 && (
        <>
          <Body1>
            <strong>{t.relations}</strong>
          </Body1>
          <ul className={styles.list}>
            {e.relations.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
      {e.notes.length > 0 && (
        <>
          <Body1>
            <strong>{t.notes}</strong>
          </Body1>
          <ul className={styles.list}>
            {e.notes.map((n) => (
              <li key={n.n}>
                {e.template.shortTitle}注{n.n}：{n.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
