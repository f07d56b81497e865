import {
  Button, ProgressBar, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { CATEGORY_KEYS, category } from "../../core/categories";
import type { Plan } from "../../core/model";
import { formatVietnameseNumber } from "../../core/quantity";
import { hamletProgress } from "../../core/summary-layout";
import { type Totals, computeTotals, describeSums } from "../../core/totals";
import { readPlanFromWorkbook, writeSummary } from "../../excel/tasks";
import { Busy, ErrorBar, Notice } from "../components";
import { useStrings } from "../context";
import { useTask } from "../useTask";

const useStyles = makeStyles({ pane: { display: "flex", flexDirection: "column", gap: "8px" } });

export function TotalsPane() {
  const t = useStrings();
  const styles = useStyles();
  const { busy, error, run } = useTask();
  const [state, setState] = useState<{ plan: Plan; totals: Totals } | null>(null);
  const [written, setWritten] = useState(false);

  const load = async () => {
    const result = await run((context) => readPlanFromWorkbook(context));
    if (result) setState({ plan: result.plan, totals: computeTotals(result.plan) });
  };
  const chart = async () => setWritten(!!(await run((context) => writeSummary(context))));
  const progress = state ? hamletProgress(state.plan, state.totals) : [];

  return (
    <section aria-label={t.tabs.totals} className={styles.pane}>
      <Button appearance="primary" onClick={load} disabled={busy}>
        {t.totals.run}
      </Button>
      <Button onClick={chart} disabled={busy}>
        {t.totals.chart}
      </Button>
      <Busy busy={busy} />
      <ErrorBar error={error} />
      {written && <Notice text={t.totals.written} />}
      {state && (
        <Table size="small" aria-label={t.totals.progress}>
          <TableHeader>
            <TableRow>
              {[t.totals.hamlet, t.totals.planned, t.totals.done, t.totals.progress].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {progress.map((p) => (
              <TableRow key={p.hamlet}>
                <TableCell>{p.hamlet}</TableCell>
                <TableCell>{formatVietnameseNumber(p.planned)}</TableCell>
                <TableCell>{formatVietnameseNumber(p.done)}</TableCell>
                <TableCell>
                  <ProgressBar value={Math.min(1, p.progress ?? 0)} aria-label={`${p.hamlet} ${Math.round((p.progress ?? 0) * 100)}%`} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {state && (
        <Table size="small" aria-label={t.totals.category}>
          <TableHeader>
            <TableRow>
              {[t.totals.category, t.totals.stated, t.totals.itemised].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {CATEGORY_KEYS.filter((k) => state.totals.stated[k] || state.totals.itemised[k]).map((k) => (
              <TableRow key={k}>
                <TableCell>{category(k).label}</TableCell>
                <TableCell>{describeSums(state.totals.stated[k], k)}</TableCell>
                <TableCell>{describeSums(state.totals.itemised[k], k)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
