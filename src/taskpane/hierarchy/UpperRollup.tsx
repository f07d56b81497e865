/* global Excel */
import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { formatDate, formatTime, parseDate } from "../../core/dates";
import { writeRollupSheet } from "../../excel/hierarchy";
import type { RollupResponse } from "../../sync/protocol";
import { Heading, TaskStatus } from "../components";
import { useStrings } from "../context";
import { DateField } from "../DateField";
import { now } from "../now";
import type { Identity } from "../syncSession";
import { useDeviceTask } from "../useDeviceTask";

/**
 * "Tổng hợp cấp trên": the communes' reports of a day pulled from the server into sheet TH dd-mm-yyyy, and
 * who has not sent or sent late, in the pane.
 */
export function UpperRollup({ identity }: { identity: Identity }) {
  const t = useStrings();
  const { busy, message, act, say, session, notices } = useDeviceTask();
  const [text, setText] = useState(() => formatDate(now().date));
  const [result, setResult] = useState<RollupResponse | null>(null);
  const date = parseDate(text);

  const run = () =>
    act(async () => {
      if (!date) return;
      setResult(null);
      const { rollup, settings } = await session(identity).rollup(date);
      const written = await Excel.run((context) =>
        writeRollupSheet(context, rollup, settings, now())
      );
      setResult({ rollup, settings });
      const sent = Object.keys(rollup.communes).length;
      say("success", (s) => ({
        title: s.upper.written(written.sheet, sent, sent + rollup.missing.length),
      }));
    });
  const names = (list: string[]) => list.join(", ") || t.upper.none;

  return (
    <>
      <Heading>{t.upper.title}</Heading>
      <Text>{t.upper.intro}</Text>
      <DateField text={text} onChange={setText} />
      <Button appearance="primary" onClick={() => void run()} disabled={busy || !date}>
        {t.upper.run}
      </Button>
      <TaskStatus busy={busy} message={message} notices={notices} />
      {result && (
        <>
          <Text role="status">
            <Text weight="semibold">{`${t.upper.missing}: `}</Text>
            {names(result.rollup.missing)}
          </Text>
          <Text>
            <Text weight="semibold">{`${t.upper.late(formatTime(result.settings.deadline))}: `}</Text>
            {names(result.rollup.late)}
          </Text>
        </>
      )}
    </>
  );
}
