/* global Excel */
import { useCallback, useState } from "react";

/** Runs one Excel task at a time: busy while it runs, its error kept for the MessageBar. */
export function useTask() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <T>(task: (context: Excel.RequestContext) => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await Excel.run(task);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    []
  );
  return { busy, error, run, setError };
}
