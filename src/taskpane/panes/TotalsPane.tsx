import {
  Button, ProgressBar, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { CATEGORY_KEYS, category } from "../../core/categories";
import type { Plan } from "../../core/model";
import { formatVietnameseNumber } from "../../core/quantity";
import { summaryLayout } from "../../core/summary-layout";
import { type Sums, type Totals, computeTotals } from "../../core/totals";
import { readPlanFromWorkbook, writeSummary } from "../../excel/tasks";
import { Busy, ErrorBar, Notice } from "../components";
import { useStrings } from "../context";
import { useTask } from "../useTask";

const useStyles = makeStyles({ pane: { display: "flex", flexDirection: "column", gap: "8px" } });

function sums(s: Sums | undefined): string {
  if (!s) return "—";
  return [s.length_m !== null ? `${formatVietnameseNumber(s.length_m)} m` : "", s.count !== null ? formatVietnameseNumber(s.count) : "", s.cost_vnd !== null ? `${formatVietnameseNumber(s.cost_vnd)} đ` : ""]
    .filter(Boolean)
    .join(", ") || "—";
}

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
  const rows = state ? summaryLayout(state.plan, state.totals).layout.cells.filter((c) => c.row > 4) : [];
  const byRow = new Map<number, (string | number | null)[]>();
  for (const c of rows) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c.value]);

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
            {[...byRow.values()].map(([name, planned, done, progress]) => (
              <TableRow key={String(name)}>
                <TableCell>{name}</TableCell>
                <TableCell>{formatVietnameseNumber(Number(planned))}</TableCell>
                <TableCell>{formatVietnameseNumber(Number(done))}</TableCell>
                <TableCell>
                  <ProgressBar value={Math.min(1, Number(progress ?? 0))} aria-label={`${name} ${Math.round(Number(progress ?? 0) * 100)}%`} />
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
                <TableCell>{sums(state.totals.stated[k])}</TableCell>
                <TableCell>{sums(state.totals.itemised[k])}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
