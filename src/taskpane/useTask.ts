/* global Excel */
import { useCallback, useState } from "react";
import { type Action, type Said, describeFailure } from "./errors";
import type { Strings } from "./i18n";

export type Intent = "error" | "success" | "info" | "warning";

/** What the pane says after an action, worded when shown so that the language switch rewords it too. */
export interface Message {
  intent: Intent;
  say: (t: Strings) => Said;
}

/**
 * One action at a time: busy while it runs, then one message (its failure, or what the pane says of its
 * success). Starting an action clears the previous message, so an old error never sits above a new result.
 */
export function useTask() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const attempt = useCallback(
    async <T>(work: () => Promise<T>, action: Action = "excel"): Promise<T | undefined> => {
      setBusy(true);
      setMessage(null);
      try {
        return await work();
      } catch (e) {
        console.error("DanVan:", e);
        setMessage({ intent: "error", say: (t) => describeFailure(e, t, action) });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    []
  );
  const run = useCallback(
    <T>(task: (context: Excel.RequestContext) => Promise<T>) => attempt(() => Excel.run(task)),
    [attempt]
  );
  const say = useCallback(
    (intent: Intent, said: (t: Strings) => Said) => setMessage({ intent, say: said }),
    []
  );
  return { busy, message, attempt, run, say };
}
