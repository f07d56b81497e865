import { Button, Field, Input, Text, Textarea, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { formatDate } from "../../core/dates";
import { importPlanText } from "../../core/importer";
import { type Plan, emptyPlan } from "../../core/model";
import { bareHamletName } from "../../core/text";
import { writePlanWorkbook } from "../../excel/tasks";
import { Busy, ErrorBar, Notice } from "../components";
import { useStrings } from "../context";
import { useTask } from "../useTask";

const useStyles = makeStyles({ pane: { display: "flex", flexDirection: "column", gap: "8px" } });

function emptyWith(hamlets: string): Plan {
  const plan = emptyPlan();
  plan.hamlets = hamlets.split(",").map(bareHamletName).filter(Boolean).map((name) => ({ name, responsible: "", works: [] }));
  return plan;
}

export function CreatePane() {
  const t = useStrings();
  const styles = useStyles();
  const { busy, error, run, setError } = useTask();
  const [hamlets, setHamlets] = useState("");
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<{ plan: Plan; warnings: string[] } | null>(null);
  const [done, setDone] = useState(false);

  const write = async (plan: Plan) => {
    setDone(false);
    if ((await run((context) => writePlanWorkbook(context, plan))) !== undefined) setDone(true);
  };
  const showPreview = () => {
    const result = importPlanText(text);
    if (!result.plan.hamlets.length && !result.plan.targets.length) setError(t.create.nothing);
    else setPreview(result);
  };
  const works = preview ? preview.plan.hamlets.reduce((n, h) => n + h.works.length, 0) + preview.plan.commune_works.length : 0;

  return (
    <section aria-label={t.tabs.create} className={styles.pane}>
      <Text>{t.create.intro}</Text>
      <Field label={t.create.hamlets}>
        <Input value={hamlets} onChange={(_, d) => setHamlets(d.value)} placeholder="Cầu, Trại Bí, Sân Bay" />
      </Field>
      <Button onClick={() => write(emptyWith(hamlets || "1"))} disabled={busy}>
        {t.create.empty}
      </Button>
      <Field label={t.create.paste}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={6} resize="vertical" />
      </Field>
      <Button onClick={showPreview} disabled={busy || !text.trim()}>
        {t.create.preview}
      </Button>
      <Busy busy={busy} />
      <ErrorBar error={error} />
      {done && <Notice text={t.create.done} />}
      {preview && (
        <div aria-label={t.create.previewTitle} role="region">
          <Text weight="semibold">{preview.plan.settings.name}</Text>
          <Text block>{t.create.summary(preview.plan.hamlets.length, works, preview.plan.deadlines.length)}</Text>
          {preview.plan.settings.start && preview.plan.settings.end && (
            <Text block>{`${formatDate(preview.plan.settings.start)} – ${formatDate(preview.plan.settings.end)}`}</Text>
          )}
          <ul>
            {preview.plan.hamlets.map((h) => (
              <li key={h.name}>{`Ấp ${h.name}: ${h.works.length} (${h.responsible || "—"})`}</li>
            ))}
          </ul>
          {preview.warnings.map((w) => (
            <Notice key={w} intent="warning" text={w} />
          ))}
          <Button appearance="primary" onClick={() => write(preview.plan)} disabled={busy}>
            {t.create.write}
          </Button>
        </div>
      )}
    </section>
  );
}
