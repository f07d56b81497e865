import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useStrings } from "./context";
import type { Message } from "./useTask";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  title: { display: "block" },
  heading: { margin: "6px 0 0" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
});

/** A tab's content: one line saying what the tab does, then the rest. */
export function Pane({
  label,
  intro,
  children,
}: {
  label: string;
  intro: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section aria-label={label} className={styles.pane}>
      <Text className={styles.intro}>{intro}</Text>
      {children}
    </section>
  );
}

/** A heading inside a pane, above a list of results. */
export function Heading({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <Text as="h2" size={300} weight="semibold" className={styles.heading}>
      {children}
    </Text>
  );
}

/** Results one under another, without bullets: each item carries its own marks. */
export function ResultList({
  label,
  gap = 0,
  children,
}: {
  label: string;
  gap?: number;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <ul aria-label={label} className={styles.list} style={{ gap: `${gap}px` }}>
      {children}
    </ul>
  );
}

/** The spinner shown while a task runs, announced to screen readers. */
export function Busy({ busy }: { busy: boolean }) {
  const t = useStrings();
  return busy ? <Spinner size="tiny" label={t.working} aria-live="polite" /> : null;
}

/** The pane's one message: a failure with its advice, or what an action did. */
export function MessageArea({ message }: { message: Message | null }) {
  const t = useStrings();
  const styles = useStyles();
  if (!message) return null;
  const { title, body } = message.say(t);
  return (
    <MessageBar
      intent={message.intent}
      role={message.intent === "error" ? "alert" : "status"}
      layout="multiline"
    >
      <MessageBarBody>
        {body ? (
          <>
            <MessageBarTitle className={styles.title}>{title}</MessageBarTitle>
            {body}
          </>
        ) : (
          title
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Notice({
  text,
  intent = "success",
}: {
  text: string | null;
  intent?: "success" | "info" | "warning";
}) {
  if (!text) return null;
  return (
    <MessageBar intent={intent} role="status" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

/** A workbook without a plan: said plainly, instead of empty tables. */
export function NoPlan() {
  const t = useStrings();
  const styles = useStyles();
  return (
    <MessageBar intent="info" role="status" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle className={styles.title}>{t.noPlan.title}</MessageBarTitle>
        {t.noPlan.body}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A question asked before an action that would replace something: what would happen, and two answers. */
export function Confirm({
  title,
  question,
  yes,
  no,
  onYes,
  onNo,
}: {
  title: string;
  /** null while nothing is asked */
  question: string | null;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}) {
  return (
    <Dialog open={question !== null} onOpenChange={(_, d) => !d.open && onNo()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{question}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onYes}>
              {yes}
            </Button>
            <Button onClick={onNo}>{no}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** What a task says while and after it runs: the spinner, its message, and the notices it raised on the way. */
export function TaskStatus({
  busy,
  message,
  notices = [],
}: {
  busy: boolean;
  message: Message | null;
  notices?: string[];
}) {
  return (
    <>
      <Busy busy={busy} />
      <MessageArea message={message} />
      {notices.map((n) => (
        <Notice key={n} intent="warning" text={n} />
      ))}
    </>
  );
}
