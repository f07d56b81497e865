import { useCallback, useState } from "react";
import { useDevice } from "./context";
import { AuthError, type Identity, paneSession } from "./syncSession";
import { useTask } from "./useTask";
import type { SyncSession } from "../sync/session";

/**
 * useTask for what talks to the sync server: a token the server no longer takes (revoked) makes the pane forget
 * the device, and Đồng bộ says so; the session's own notices (a damaged outbox set aside) are kept to show.
 */
export function useDeviceTask() {
  const task = useTask();
  const { attempt } = task;
  const { forget } = useDevice();
  const [notices, setNotices] = useState<string[]>([]);
  const act = useCallback(
    <T>(work: () => Promise<T>, action: "enroll" | "sync" = "sync") => {
      setNotices([]);
      return attempt(async () => {
        try {
          return await work();
        } catch (e) {
          if (!(e instanceof AuthError)) throw e;
          await forget();
          return undefined;
        }
      }, action);
    },
    [attempt, forget]
  );
  const notify = useCallback((text: string) => setNotices((n) => [...n, text]), []);
  const session = useCallback(
    (identity: Identity): SyncSession => paneSession(identity, notify),
    [notify]
  );
  return { ...task, act, session, notify, notices };
}
