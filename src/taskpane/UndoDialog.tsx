import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { UndoAction } from "../workbook/types";
import type { Strings } from "./i18n";

/**
 * Before an action that clears Excel's undo history (WorkbookSource.clearsUndo), says so and
 * what the action keeps instead; nothing runs until the user goes on.
 */
export function UndoDialog({
  action,
  t,
  onAnswer,
}: {
  action: UndoAction | undefined;
  t: Strings;
  onAnswer: (goOn: boolean) => void;
}) {
  return (
    <Dialog open={!!action} onOpenChange={(_, d) => !d.open && onAnswer(false)} modalType="alert">
      <DialogSurface aria-describedby={undefined} style={{ maxWidth: "min(600px, calc(100vw - 32px))", boxSizing: "border-box" }}>
        <DialogBody>
          <DialogTitle>{t.undoTitle}</DialogTitle>
          <DialogContent>
            <p>{action && t.undoAsk(action)}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {t.goOn}
            </Button>
            <Button onClick={() => onAnswer(false)}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
