/* global Excel */
import { Button, Field, Input, Text, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { formatDate, parseAsOf } from "../../core/dates";
import { ENROLMENT_SHEET, type EnrolmentCode } from "../../core/enrolment-layout";
import { isEmptyPlan } from "../../core/model";
import { writeEnrolmentSheet } from "../../excel/hierarchy";
import { readPlanFromWorkbook } from "../../excel/tasks";
import type { CodeTarget } from "../../sync/protocol";
import { Heading, ResultList, TaskStatus } from "../components";
import { useStrings } from "../context";
import { codesPlace, enrolmentCode, enrolmentSheet, keepCodes } from "../issuedCodes";
import { now } from "../now";
import type { Identity } from "../syncSession";
import { useDeviceTask } from "../useDeviceTask";

// A code read out over the phone or copied by hand is never broken over two lines.
const useStyles = makeStyles({ code: { whiteSpace: "nowrap" } });

/** A code just issued, as the pane shows it until the next action. */
interface Shown {
  scope: "commune" | "hamlet";
  name: string;
  code: string;
  expires: string;
}

const shownCode = (scope: Shown["scope"], c: EnrolmentCode): Shown => ({
  scope,
  name: c.name,
  code: c.code,
  expires: formatDate(parseAsOf(c.expires)!.date),
});

/**
 * Codes issued by this device, and the Mã đăng ký sheet rewritten with every one kept. The code the server
 * gave (shown once) stays on screen on its own, so a failure writing the sheet cannot hide it.
 */
function useCodes(identity: Identity) {
  const task = useDeviceTask();
  const { act, say, session, notify } = task;
  const [shown, setShown] = useState<Shown[]>([]);

  /** Keeps `codes`, writes the sheet of all kept and says so. */
  const write = async (codes: EnrolmentCode[], replaceAll: boolean) => {
    const all = await keepCodes(codesPlace(identity), codes, notify, replaceAll);
    const sheet = enrolmentSheet(identity, all);
    const written = await Excel.run((context) => writeEnrolmentSheet(context, sheet, now()));
    say("success", (s) => ({ title: s.codes.written(written.sheet, all.length) }));
  };
  const issue = (target: CodeTarget, district?: string) =>
    act(async () => {
      setShown([]);
      const code = enrolmentCode(await session(identity).issueCode(target), district);
      setShown([shownCode("hamlet" in target ? "hamlet" : "commune", code)]);
      await write([code], false);
      return code;
    });
  return { ...task, write, issue, shown, setShown };
}

/** What the section says: the code just issued, then the outcome of the last action. */
function Outcome({ codes }: { codes: ReturnType<typeof useCodes> }) {
  const t = useStrings();
  const styles = useStyles();
  return (
    <>
      {codes.shown.length > 0 && (
        <ResultList label={t.codes.issuedTitle} gap={2}>
          {codes.shown.map((s) => (
            <li key={s.name}>
              <Text>
                {`${t.codes.issued(`${t.devices.scope[s.scope]} ${s.name}`)} `}
                <Text weight="semibold" font="monospace" className={styles.code}>
                  {s.code}
                </Text>
                {` ${t.codes.expires(s.expires)}`}
              </Text>
            </li>
          ))}
        </ResultList>
      )}
      <TaskStatus busy={codes.busy} message={codes.message} notices={codes.notices} />
    </>
  );
}

/** A province's (or district's) codes for its communes, a district named where the province still has them. */
export function CommuneCodes({ identity }: { identity: Identity }) {
  const t = useStrings();
  const codes = useCodes(identity);
  const [commune, setCommune] = useState("");
  const [district, setDistrict] = useState("");
  const submit = async () => {
    const d = identity.scope === "province" ? district.trim() : "";
    const target: CodeTarget = { commune: commune.trim(), ...(d ? { district: d } : {}) };
    if (await codes.issue(target, d || undefined)) {
      setCommune("");
      setDistrict("");
    }
  };
  return (
    <>
      <Heading>{t.codes.communeTitle}</Heading>
      <Field label={t.codes.commune}>
        <Input value={commune} onChange={(_, d) => setCommune(d.value)} />
      </Field>
      {identity.scope === "province" && (
        <Field label={t.codes.district}>
          <Input value={district} onChange={(_, d) => setDistrict(d.value)} />
        </Field>
      )}
      <Button
        appearance="primary"
        onClick={() => void submit()}
        disabled={codes.busy || !commune.trim()}
      >
        {t.codes.issueCommune}
      </Button>
      <Outcome codes={codes} />
    </>
  );
}

/** A commune's campaign created on the server from the open workbook, and further codes for its hamlets. */
export function CampaignCodes({ identity }: { identity: Identity }) {
  const t = useStrings();
  const codes = useCodes(identity);
  const { act, say, session, write, setShown } = codes;
  const [hamlet, setHamlet] = useState("");

  const create = () =>
    act(async () => {
      setShown([]);
      const { plan } = await Excel.run((context) => readPlanFromWorkbook(context));
      if (isEmptyPlan(plan))
        return say("info", (s) => ({ title: s.noPlan.title, body: s.noPlan.body }));
      const created = await session(identity).createCampaign(plan);
      const issued = Object.entries(created.codes.hamlets).map(([name, code]) =>
        enrolmentCode({ name, code, expires_at: created.expires_at })
      );
      setShown(issued.map((c) => shownCode("hamlet", c)));
      await write(issued, true);
      say("success", (s) => ({
        title: s.codes.campaignCreated(issued.length),
        body: s.codes.written(ENROLMENT_SHEET, issued.length),
      }));
    });
  const submit = async () => {
    if (await codes.issue({ hamlet: hamlet.trim() })) setHamlet("");
  };

  return (
    <>
      <Heading>{t.codes.campaignTitle}</Heading>
      <Text>{t.codes.campaignIntro}</Text>
      <Button appearance="primary" onClick={() => void create()} disabled={codes.busy}>
        {t.codes.createCampaign}
      </Button>
      <Heading>{t.codes.hamletTitle}</Heading>
      <Field label={t.codes.hamlet}>
        <Input value={hamlet} onChange={(_, d) => setHamlet(d.value)} />
      </Field>
      <Button onClick={() => void submit()} disabled={codes.busy || !hamlet.trim()}>
        {t.codes.issueHamlet}
      </Button>
      <Outcome codes={codes} />
    </>
  );
}
