import { Button, Field, Input, Text, Textarea, makeStyles } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { formatDate } from "../../core/dates";
import { importPlanText, planTooLarge } from "../../core/importer";
import { type Plan, emptyPlan } from "../../core/model";
import { bareHamletName } from "../../core/text";
import { writePlanWorkbook } from "../../excel/tasks";
import { Busy, Confirm, MessageArea, Notice, Pane } from "../components";
import { useStrings } from "../context";
import { useTask } from "../useTask";

const useStyles = makeStyles({
  preview: { display: "flex", flexDirection: "column", gap: "6px" },
  list: { margin: 0, paddingLeft: "20px" },
});

function hamletNames(text: string): string[] {
  return text.split(",").map(bareHamletName).filter(Boolean);
}

function emptyWith(hamlets: string[]): Plan {
  const plan = emptyPlan();
  plan.hamlets = hamlets.map((name) => ({ name, responsible: "", works: [] }));
  return plan;
}

/** A picked Word file's text, or why it cannot be read; the reader (JSZip) loads only when a file is picked. */
async function wordFileText(file: File): Promise<{ text: string } | { refused: string }> {
  const { DocumentError, MAX_DOCX_BYTES, docxText, fileTooLarge } = await import(
    /* webpackChunkName: "docx" */ "../../docx/read"
  );
  const tooLarge = fileTooLarge(file.size, MAX_DOCX_BYTES, file.name);
  if (tooLarge) return { refused: tooLarge };
  try {
    return { text: await docxText(new Uint8Array(await file.arrayBuffer()), file.name) };
  } catch (e) {
    if (e instanceof DocumentError) return { refused: e.message };
    throw e;
  }
}

export function CreatePane() {
  const t = useStrings();
  const styles = useStyles();
  const { busy, message, attempt, run, say } = useTask();
  const [hamlets, setHamlets] = useState("");
  const [askHamlets, setAskHamlets] = useState(false);
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<{ plan: Plan; warnings: string[] } | null>(null);
  const [asking, setAsking] = useState<{ plan: Plan; question: string } | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  // Data already in the workbook is never dropped: a write that would replace some asks first.
  const write = async (plan: Plan, replace = false) => {
    setAsking(null);
    const outcome = await run((context) => writePlanWorkbook(context, plan, { replace }));
    if (outcome?.status === "confirm") setAsking({ plan, question: outcome.question });
    else if (outcome) say("success", (s) => ({ title: s.create.done, body: outcome.message }));
  };
  // An empty workbook needs its hamlets: asked for, never made up.
  const writeEmpty = () => {
    const names = hamletNames(hamlets);
    setAskHamlets(!names.length);
    if (names.length) void write(emptyWith(names));
  };
  const refuse = (reason: string) =>
    say("error", (s) => ({ title: s.create.unreadable, body: reason }));
  const previewOf = (planText: string) => {
    const tooLarge = planTooLarge(planText.length);
    if (tooLarge) return refuse(tooLarge);
    const result = importPlanText(planText);
    const found = result.plan.hamlets.length > 0 || result.plan.targets.length > 0;
    setPreview(found ? result : null);
    if (!found) say("warning", (s) => s.create.nothing);
  };
  const showPreview = () => attempt(async () => previewOf(text));
  const openWord = (file: File) =>
    attempt(async () => {
      setPreview(null);
      const read = await wordFileText(file);
      if ("refused" in read) return refuse(read.refused);
      setText(read.text);
      previewOf(read.text);
    });
  const works = preview
    ? preview.plan.hamlets.reduce((n, h) => n + h.works.length, 0) +
      preview.plan.commune_works.length
    : 0;

  return (
    <Pane label={t.tabs.create} intro={t.create.intro}>
      <Field
        label={t.create.hamlets}
        validationMessage={askHamlets ? t.create.hamletsNeeded : undefined}
      >
        <Input
          value={hamlets}
          onChange={(_, d) => {
            setHamlets(d.value);
            setAskHamlets(false);
          }}
          placeholder="Cầu, Trại Bí, Sân Bay"
        />
      </Field>
      <Button onClick={writeEmpty} disabled={busy}>
        {t.create.empty}
      </Button>
      <Button onClick={() => picker.current?.click()} disabled={busy}>
        {t.create.openWord}
      </Button>
      <input
        ref={picker}
        type="file"
        hidden
        aria-label={t.create.openWord}
        accept=".docx,.doc"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void openWord(file);
        }}
      />
      <Field label={t.create.paste}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={6} resize="vertical" />
      </Field>
      <Button onClick={() => void showPreview()} disabled={busy || !text.trim()}>
        {t.create.preview}
      </Button>
      <Busy busy={busy} />
      <MessageArea message={message} />
      {preview && (
        <div aria-label={t.create.previewTitle} role="region" className={styles.preview}>
          <Text weight="semibold">{preview.plan.settings.name}</Text>
          <Text>
            {t.create.summary(preview.plan.hamlets.length, works, preview.plan.deadlines.length)}
          </Text>
          {preview.plan.settings.start && preview.plan.settings.end && (
            <Text>{`${formatDate(preview.plan.settings.start)} – ${formatDate(preview.plan.settings.end)}`}</Text>
          )}
          <ul className={styles.list}>
            {preview.plan.hamlets.map((h) => (
              <li key={h.name}>{t.create.hamletLine(h.name, h.works.length, h.responsible)}</li>
            ))}
          </ul>
          {preview.warnings.map((w) => (
            <Notice key={w} intent="warning" text={w} />
          ))}
          <Button appearance="primary" onClick={() => void write(preview.plan)} disabled={busy}>
            {t.create.write}
          </Button>
        </div>
      )}
      <Confirm
        title={t.tabs.create}
        question={asking?.question ?? null}
        yes={t.create.overwrite}
        no={t.create.keep}
        onYes={() => asking && void write(asking.plan, true)}
        onNo={() => setAsking(null)}
      />
    </Pane>
  );
}
