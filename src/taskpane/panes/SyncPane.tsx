import { Text } from "@fluentui/react-components";
import { Notice } from "../components";
import { useStrings } from "../context";

/** The place for Đồng bộ: enrolment, outbox and conflicts arrive with the sync server. */
export function SyncPane() {
  const t = useStrings();
  return (
    <section aria-label={t.tabs.sync}>
      <Text weight="semibold">{t.sync.title}</Text>
      <Notice intent="info" text={t.sync.pending} />
    </section>
  );
}
