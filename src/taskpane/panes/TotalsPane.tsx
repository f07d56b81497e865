import {
  Badge,
  Button,
  ProgressBar,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import { type Plan, isEmptyPlan } from "../../core/model";
import { computeTotals } from "../../core/totals";
import { type TotalsView, totalsView } from "../../core/totals-view";
import { readPlanFromWorkbook, writeSummary } from "../../excel/tasks";
import { Busy, Heading, MessageArea, NoPlan, Notice, Pane, ResultList } from "../components";
import { useStrings } from "../context";
import { keepUnits } from "../format";
import { useKept } from "../freshness";
import { useTask } from "../useTask";

const useStyles = makeStyles({
  hamlet: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", columnGap: "8px" },
  target: {
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  mismatch: {
    ...shorthands.borderColor(tokens.colorPaletteDarkOrangeBorder2),
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
  targetHead: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: "8px",
  },
  badge: { flexShrink: 0 },
  line: { display: "block", color: tokens.colorNeutralForeground2 },
});

function viewOf(plan: Plan): TotalsView | null {
  return isEmptyPlan(plan) ? null : totalsView(plan, computeTotals(plan));
}

export function TotalsPane() {
  const t = useStrings();
  const styles = useStyles();
  const { busy, message, run, say } = useTask();
  const result = useKept<{ view: TotalsView | null }>();

  const load = async () => {
    const r = await run((context) => readPlanFromWorkbook(context));
    if (r) result.keep({ view: viewOf(r.plan) }, r.plan);
  };
  const chart = async () => {
    const r = await run((context) => writeSummary(context));
    if (!r) return;
    result.keep({ view: r.totals && totalsView(r.plan, r.totals) }, r.plan);
    if (r.totals) say("success", (s) => ({ title: s.totals.written }));
  };
  const shown = result.value;
  const figures = (parts: string[]) => (parts.length ? keepUnits(parts.join(", ")) : t.totals.none);

  return (
    <Pane label={t.tabs.totals} intro={t.totals.intro}>
      <Button appearance="primary" onClick={() => void load()} disabled={busy}>
        {t.totals.run}
      </Button>
      <Button onClick={() => void chart()} disabled={busy}>
        {t.totals.chart}
      </Button>
      <Busy busy={busy} />
      <MessageArea message={message} />
      {result.stale && <Notice intent="info" text={t.stale(t.totals.run)} />}
      {shown && !shown.view && <NoPlan />}
      {shown?.view && (
        <>
          <Heading>{t.totals.progress}</Heading>
          <ResultList label={t.totals.progress} gap={10}>
            {shown.view.hamlets.map((h) => (
              <li key={h.hamlet}>
                <div className={styles.hamlet}>
                  <Text>{`Ấp ${h.hamlet}`}</Text>
                  <Text>{keepUnits(h.figures)}</Text>
                </div>
                <ProgressBar
                  value={Math.min(1, h.progress ?? 0)}
                  thickness="large"
                  aria-label={`Ấp ${h.hamlet}: ${h.figures}`}
                />
              </li>
            ))}
          </ResultList>
          <Heading>{t.totals.targets}</Heading>
          <ResultList label={t.totals.targets} gap={10}>
            {shown.view.targets.map((row) => (
              <li
                key={row.key}
                className={mergeClasses(styles.target, row.mismatch && styles.mismatch)}
                data-mismatch={row.mismatch}
              >
                <div className={styles.targetHead}>
                  <Text weight="semibold">{row.label}</Text>
                  {row.mismatch && (
                    <Badge className={styles.badge} color="warning" appearance="filled">
                      {t.totals.mismatch}
                    </Badge>
                  )}
                </div>
                <Text className={styles.line}>{`${t.totals.stated}: ${figures(row.stated)}`}</Text>
                <Text
                  className={styles.line}
                >{`${t.totals.itemised}: ${figures(row.itemised)}`}</Text>
              </li>
            ))}
          </ResultList>
        </>
      )}
    </Pane>
  );
}
