import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Grid } from "../rules/grid";
import { blankTemplate } from "../rules/layout/blank-template";
import { allTemplates } from "../rules/templates/catalog";
import { ErrorBar } from "./ErrorBar";
import type { Strings } from "./i18n";
import { oneLine } from "./one-line";
import { TemplateSelect } from "./TemplateSelect";

const useStyles = makeStyles({
  row: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-end",
    flexWrap: "wrap",
  },
});

/** 表样: inserts the official blank layout of any table as a new sheet named by its short title. */
export function TemplatePicker({
  t,
  onInsert,
}: {
  t: Strings;
  onInsert: (grid: Grid, widths: number[]) => Promise<void>;
}) {
  const styles = useStyles();
  const templates = allTemplates();
  const [id, setId] = useState(templates[0].id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <section aria-label={t.templatePick}>
      <div className={styles.row}>
        <TemplateSelect label={t.templatePick} templates={templates} value={id} onChange={setId} />
        <Button
          disabled={busy}
          onClick={async () => {
            const template = templates.find((x) => x.id === id)!;
            const layout = blankTemplate(template);
            setBusy(true);
            setError(undefined);
            try {
              await onInsert({ ...layout.grid, name: template.shortTitle }, layout.widths);
            } catch (e) {
              setError(oneLine(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t.templateInsert}
        </Button>
      </div>
      <ErrorBar error={error} />
    </section>
  );
}
