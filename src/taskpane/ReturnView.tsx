import { Button, Caption1, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { SheetReport } from "../rules/check";
import { fileStem } from "../rules/file-names";
import { type Returned, returnNotice } from "../rules/review/return";
import type { WorkbookSource } from "../workbook/types";
import { download } from "./download";
import type { Strings } from "./i18n";
import { oneLine } from "./one-line";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke1}` },
  bar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** The marked copy of the unit's sheet: from the host's own file where it gives one (the sheet's formatting kept), else from its grid. */
async function markedSheet(report: SheetReport, r: Returned, source: Pick<WorkbookSource, "sheetsFile">): Promise<Uint8Array> {
  const file = await source.sheetsFile?.([report.sheet]);
  if (file) return (await import("../workbook/xlsx/marked-copy")).markedCopy(file, r, [report.sheet]);
  return (await import("../workbook/xlsx/returned")).returnedXlsx([report.recognition.grid], r);
}

/**
 * 退回 from the township's view of one unit's sheet: the message to paste, and the marked copy —
 * opened as a new workbook where the host can (Excel), downloaded otherwise (the page). The pane
 * says which happened, and only once it has.
 */
export function ReturnView({
  report,
  source,
  t,
  onClose,
}: {
  report: SheetReport;
  source: Pick<WorkbookSource, "sheetsFile" | "openCopy">;
  t: Strings;
  onClose: () => void;
}) {
  const styles = useStyles();
  const r = returnNotice([report], report.sheet);
  const [said, setSaid] = useState<string>();
  const open = source.openCopy?.bind(source);
  return (
    <section className={styles.box} aria-label={t.returnTitle(r.unit)}>
      <strong>{t.returnTitle(r.unit)}</strong>
      {r.items.length === 0 ? (
        <Caption1>{t.returnNothing}</Caption1>
      ) : (
        <>
          <Textarea readOnly resize="vertical" rows={8} aria-label={t.returnMessage} value={r.message} />
          <div className={styles.bar}>
            <Button
              appearance="primary"
              onClick={() =>
                // Some hosts' web views have no clipboard API: the text stays there to select.
                void Promise.resolve()
                  .then(() => navigator.clipboard.writeText(r.message))
                  .then(() => setSaid(t.returnCopied))
                  .catch(() => setSaid(t.returnCopyFailed))
              }
            >
              {t.returnCopy}
            </Button>
            <Button
              onClick={() => {
                const file = `${fileStem(r.unit)}-退回.xlsx`;
                void markedSheet(report, r, source)
                  .then(async (bytes) => {
                    if (!open) {
                      download(bytes, file);
                      return t.returnDownloaded;
                    }
                    await open(bytes);
                    return t.returnOpened(file);
                  })
                  .then(setSaid, (e) => setSaid(oneLine(e)));
              }}
            >
              {open ? t.returnOpen : t.returnDownload}
            </Button>
            <Button appearance="subtle" onClick={onClose}>
              {t.close}
            </Button>
          </div>
        </>
      )}
      {said && <Caption1>{said}</Caption1>}
      {r.items.length === 0 && (
        <Button appearance="subtle" onClick={onClose}>
          {t.close}
        </Button>
      )}
    </section>
  );
}
