import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type Finding, summarize } from "../../core/findings";
import { isEmptyPlan } from "../../core/model";
import { checkWorkbook, selectCell } from "../../excel/tasks";
import { Busy, MessageArea, NoPlan, Notice, Pane, ResultList } from "../components";
import { useStrings } from "../context";
import { keepUnits } from "../format";
import { useKept } from "../freshness";
import { now } from "../now";
import { useTask } from "../useTask";

const useStyles = makeStyles({
  finding: {
    width: "100%",
    minWidth: 0,
    height: "auto",
    padding: "6px 4px",
    display: "flex",
    gap: "8px",
    alignItems: "flex-start",
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
  },
  badge: { flexShrink: 0, marginTop: "1px" },
  text: { minWidth: 0, overflowWrap: "anywhere" },
  summary: { color: tokens.colorNeutralForeground2 },
});

const BADGE = { error: "danger", warning: "warning", info: "informative" } as const;

/**
 * Findings by the sheet they are about. A finding about a sheet the workbook does not have (a missing sheet, or
 * no hamlet sheet at all) goes under "Chung": there is no such sheet to open.
 */
function bySheet(findings: Finding[], names: string[], general: string): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = f.sheet && names.includes(f.sheet) ? f.sheet : general;
    groups.set(group, [...(groups.get(group) ?? []), f]);
  }
  return [...groups];
}

interface Checked {
  findings: Finding[];
  names: string[];
  empty: boolean;
  /** Which run this is: each run opens its own groups with errors. */
  run: number;
}

export function CheckPane() {
  const t = useStrings();
  const styles = useStyles();
  const { busy, message, run } = useTask();
  const result = useKept<Checked>();
  const checked = result.value;

  const check = async () => {
    const r = await run((context) => checkWorkbook(context, now()));
    if (r)
      result.keep(
        {
          findings: r.findings,
          names: r.names,
          empty: isEmptyPlan(r.plan),
          run: (checked?.run ?? 0) + 1,
        },
        r.plan
      );
  };
  const s = checked && !checked.empty && summarize(checked.findings);
  const groups =
    checked && !checked.empty ? bySheet(checked.findings, checked.names, t.check.noSheet) : [];

  const item = (f: Finding, clickable: boolean) => {
    const content = (
      <>
        <Badge className={styles.badge} color={BADGE[f.severity]} appearance="filled">
          {t.check.severity[f.severity]}
        </Badge>
        <span className={styles.text}>
          {keepUnits(`${f.cell ? `${f.cell}: ` : ""}${f.message}`)}
        </span>
      </>
    );
    return clickable ? (
      <Button
        appearance="subtle"
        className={styles.finding}
        onClick={() => void run((c) => selectCell(c, f.sheet!, f.cell))}
        data-code={f.code}
      >
        {content}
      </Button>
    ) : (
      <div className={styles.finding} data-code={f.code}>
        {content}
      </div>
    );
  };

  return (
    <Pane label={t.tabs.check} intro={t.check.intro}>
      <Button appearance="primary" onClick={() => void check()} disabled={busy}>
        {t.check.run}
      </Button>
      <Busy busy={busy} />
      <MessageArea message={message} />
      {result.stale && <Notice intent="info" text={t.stale(t.check.run)} />}
      {checked?.empty && <NoPlan />}
      {s && (
        <Text className={styles.summary} role="status">
          {t.check.summary(s.errors, s.warnings, s.infos)}
        </Text>
      )}
      {s && checked.findings.length === 0 && <Notice text={t.check.clean} />}
      {groups.length > 0 && (
        <Accordion
          key={checked?.run}
          multiple
          collapsible
          defaultOpenItems={groups
            .filter(([, items]) => items.some((f) => f.severity === "error"))
            .map(([sheet]) => sheet)}
        >
          {groups.map(([sheet, items]) => (
            <AccordionItem value={sheet} key={sheet}>
              <AccordionHeader>{`${sheet} (${items.length})`}</AccordionHeader>
              <AccordionPanel>
                <ResultList label={sheet} gap={2}>
                  {items.map((f, i) => (
                    <li key={i}>{item(f, !!f.sheet && !!checked?.names.includes(f.sheet))}</li>
                  ))}
                </ResultList>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </Pane>
  );
}
