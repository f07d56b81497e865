import { Button, Field, Input, makeStyles } from "@fluentui/react-components";
import { ChevronLeftRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { addDays, formatDate, parseDate } from "../core/dates";
import { useStrings } from "./context";

const useStyles = makeStyles({
  date: { display: "flex", gap: "4px", alignItems: "center" },
  input: { flexGrow: 1, minWidth: 0 },
});

/**
 * A day, typed and shown as dd/mm/yyyy whatever the computer's locale (a browser date input would follow the
 * locale: 11/30/2026 on an English Windows), with a button for each neighbouring day.
 */
export function DateField({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  const t = useStrings();
  const styles = useStyles();
  const date = parseDate(text);
  const step = (days: number) => date && onChange(formatDate(addDays(date, days)));
  return (
    <Field
      label={t.report.date}
      hint={t.report.dateHint}
      validationMessage={date ? undefined : t.report.dateInvalid}
    >
      {(field) => (
        <div className={styles.date}>
          <Button
            icon={<ChevronLeftRegular />}
            aria-label={t.report.previousDay}
            title={t.report.previousDay}
            onClick={() => step(-1)}
            disabled={!date}
          />
          <Input
            {...field}
            className={styles.input}
            value={text}
            inputMode="numeric"
            onChange={(_, d) => onChange(d.value)}
          />
          <Button
            icon={<ChevronRightRegular />}
            aria-label={t.report.nextDay}
            title={t.report.nextDay}
            onClick={() => step(1)}
            disabled={!date}
          />
        </div>
      )}
    </Field>
  );
}
