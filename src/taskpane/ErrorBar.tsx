import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** What failed, in one line (see oneLine), or nothing; announced as an alert. */
export function ErrorBar({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{error}</MessageBarBody>
    </MessageBar>
  );
}
