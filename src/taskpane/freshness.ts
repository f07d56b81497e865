/* global Excel */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Plan } from "../core/model";
import { readPlanFromWorkbook } from "../excel/tasks";
import { watchWorkbook } from "../excel/watch";
import { usePaneState } from "./context";

/** Two readings of the workbook hold the same plan. */
const stampOf = (plan: Plan) => JSON.stringify(plan);

/**
 * A pane's last result, kept while the pane is hidden. It lasts as long as the workbook holds the plan it was
 * made from: when the pane is shown again, or Excel reports a change while it is shown, the plan is read again
 * and a different one drops the result (`stale` then asks the user to run it again). Sheets the add-in writes
 * itself (a report, Tổng hợp) leave the plan as it was, so they keep the result.
 */
export function useKept<T>() {
  const { active, changes } = usePaneState();
  const [kept, setKept] = useState<{ value: T; stamp: string } | null>(null);
  const [stale, setStale] = useState(false);
  const current = useRef(kept);
  current.current = kept;

  useEffect(() => {
    if (!active || !current.current) return;
    let live = true;
    Excel.run((context) => readPlanFromWorkbook(context)).then(
      ({ plan }) => {
        if (live && current.current && current.current.stamp !== stampOf(plan)) {
          setKept(null);
          setStale(true);
        }
      },
      // Reading failed: keep what is shown; the next action reports the problem.
      () => undefined
    );
    return () => {
      live = false;
    };
  }, [active, changes]);

  const keep = useCallback((value: T, plan: Plan) => {
    setKept({ value, stamp: stampOf(plan) });
    setStale(false);
  }, []);
  return { value: kept?.value ?? null, keep, stale };
}

/** How many times Excel has reported a change to the workbook (a burst of edits counts once). */
export function useWorkbookChanges(): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    void watchWorkbook(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setChanges((n) => n + 1), 400);
    });
    return () => clearTimeout(timer);
  }, []);
  return changes;
}
