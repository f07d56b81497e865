import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { type Finding, summarize } from "../../core/findings";
import { checkWorkbook, selectCell } from "../../excel/tasks";
import { Busy, ErrorBar, Notice } from "../components";
import { useStrings } from "../context";
import { now } from "../now";
import { useTask } from "../useTask";

const useStyles = makeStyles({
  finding: { display: "flex", gap: "8px", alignItems: "flex-start", textAlign: "left", width: "100%", justifyContent: "flex-start" },
  list: { display: "flex", flexDirection: "column", gap: "4px" },
  summary: { color: tokens.colorNeutralForeground2 },
});

const BADGE = { error: "danger", warning: "warning", info: "informative" } as const;

function bySheet(findings: Finding[], general: string): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.sheet ?? general, [...(groups.get(f.sheet ?? general) ?? []), f]);
  return [...groups];
}

export function CheckPane() {
  const t = useStrings();
  const styles = useStyles();
  const { busy, error, run } = useTask();
  const [findings, setFindings] = useState<Finding[] | null>(null);

  const check = async () => {
    const result = await run((context) => checkWorkbook(context, now()));
    if (result) setFindings(result.findings);
  };
  const select = (f: Finding) => f.sheet && run((context) => selectCell(context, f.sheet!, f.cell));
  const s = findings && summarize(findings);

  return (
    <section aria-label={t.tabs.check} className={styles.list}>
      <Button appearance="primary" onClick={check} disabled={busy}>
        {t.check.run}
      </Button>
      <Busy busy={busy} />
      <ErrorBar error={error} />
      {s && <Text className={styles.summary} role="status">{t.check.summary(s.errors, s.warnings, s.infos)}</Text>}
      {findings?.length === 0 && <Notice text={t.check.clean} />}
      {findings && findings.length > 0 && (
        <Accordion
          multiple
          collapsible
          defaultOpenItems={bySheet(findings, t.check.noSheet)
            .filter(([, items]) => items.some((f) => f.severity === "error"))
            .map(([sheet]) => sheet)}
        >
          {bySheet(findings, t.check.noSheet).map(([sheet, items]) => (
            <AccordionItem value={sheet} key={sheet}>
              <AccordionHeader>{`${sheet} (${items.length})`}</AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list} aria-label={sheet}>
                  {items.map((f, i) => (
                    <li key={i}>
                      <Button appearance="subtle" className={styles.finding} onClick={() => select(f)} data-code={f.code}>
                        <Badge color={BADGE[f.severity]}>{t.check.severity[f.severity]}</Badge>
                        <span>{f.cell ? `${f.cell}: ` : ""}{f.message}</span>
                      </Button>
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </section>
  );
}
