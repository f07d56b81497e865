import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { useStrings } from "./context";

/** The spinner shown while a task runs, announced to screen readers. */
export function Busy({ busy }: { busy: boolean }) {
  const t = useStrings();
  return busy ? <Spinner size="tiny" label={t.working} aria-live="polite" /> : null;
}

/** A failed task: what happened and what to do. */
export function ErrorBar({ error }: { error: string | null }) {
  const t = useStrings();
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        {error} {t.errorHint}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Notice({ text, intent = "success" }: { text: string | null; intent?: "success" | "info" | "warning" }) {
  if (!text) return null;
  return (
    <MessageBar intent={intent} role="status">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
