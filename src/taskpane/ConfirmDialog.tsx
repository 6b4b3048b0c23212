import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { Strings } from "./i18n";
import type { CellWrite } from "./source";

const SHOWN = 6;

/**
 * Says exactly which cells a fix will change, and changes nothing until confirmed; where the
 * change clears Excel's undo history (`undoCleared`: in Excel, not on the page), says that too.
 */
export function ConfirmDialog({
  writes,
  undoCleared,
  t,
  onConfirm,
  onCancel,
}: {
  writes: CellWrite[] | undefined;
  undoCleared?: boolean;
  t: Strings;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog open={!!writes} onOpenChange={(_, d) => !d.open && onCancel()} modalType="alert">
      {/* Never taller than the screen: a long list scrolls inside (1366×768 and a 320 px pane). */}
      <DialogSurface aria-describedby={undefined} style={{ maxHeight: "calc(100vh - 32px)", maxWidth: "min(600px, calc(100vw - 32px))", boxSizing: "border-box" }}>
        <DialogBody>
          <DialogTitle>{t.confirmTitle}</DialogTitle>
          <DialogContent style={{ overflowY: "auto" }}>
            <p>{t.confirmBody(writes?.length ?? 0)}</p>
            <ul>
              {writes?.slice(0, SHOWN).map((w) => (
                <li key={`${w.sheet}!${w.cell}`}>
                  {w.sheet}!{w.cell}：{w.expected === null ? "（空白）" : `“${String(w.expected)}”`} → {w.value}
                </li>
              ))}
            </ul>
            {writes && writes.length > SHOWN && <p>{t.andMore(writes.length)}</p>}
            {undoCleared && <p>{t.confirmUndo}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {t.confirm}
            </Button>
            <Button onClick={onCancel}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
