import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** What failed, in one line (see oneLine), or nothing. */
export function ErrorBar({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>{error}</MessageBarBody>
    </MessageBar>
  );
}
