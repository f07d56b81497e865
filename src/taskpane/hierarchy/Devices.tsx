import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatDate, vietnamNow } from "../../core/dates";
import type { DeviceInfo } from "../../sync/protocol";
import { Confirm, Heading, ResultList, TaskStatus } from "../components";
import { useStrings } from "../context";
import type { Strings } from "../i18n";
import type { Identity } from "../syncSession";
import { useDeviceTask } from "../useDeviceTask";

const useStyles = makeStyles({
  device: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: "4px 8px",
    padding: "6px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  text: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  detail: { color: tokens.colorNeutralForeground2 },
});

/** "ấp Cầu (Tân Phong)": where the device sits, its organisation's parent beside it. */
function place(t: Strings, d: DeviceInfo): string {
  return `${t.devices.scope[d.scope]} ${d.org}${d.parent ? ` (${d.parent})` : ""}`;
}

/** The devices of this device's subtree, each revocable after a question naming it. */
export function Devices({ identity }: { identity: Identity }) {
  const t = useStrings();
  const styles = useStyles();
  const { busy, message, act, say, session, notices } = useDeviceTask();
  const [devices, setDevices] = useState<DeviceInfo[] | null>(null);
  const [asking, setAsking] = useState<DeviceInfo | null>(null);

  const load = () =>
    act(async () => {
      setDevices(await session(identity).devices());
    });
  const revoke = (d: DeviceInfo) => {
    setAsking(null);
    return act(async () => {
      const s = session(identity);
      await s.revoke(d.id);
      setDevices(await s.devices());
      say("success", (s) => ({ title: s.devices.done(d.name) }));
    });
  };

  return (
    <>
      <Heading>{t.devices.title}</Heading>
      <Button onClick={() => void load()} disabled={busy}>
        {t.devices.show}
      </Button>
      <TaskStatus busy={busy} message={message} notices={notices} />
      {devices?.length === 0 && <Text>{t.devices.none}</Text>}
      {devices && devices.length > 0 && (
        <ResultList label={t.devices.title}>
          {devices.map((d) => (
            <li key={d.id} className={styles.device}>
              <div className={styles.text}>
                <Text weight="semibold">{d.name}</Text>
                <Text size={200} className={styles.detail}>
                  {`${place(t, d)} · ${t.devices.enrolled(formatDate(vietnamNow(Date.parse(d.created_at)).date))}`}
                </Text>
              </div>
              {d.revoked || d.self ? (
                <Badge appearance="outline" color="informative">
                  {d.revoked ? t.devices.revokedMark : t.devices.selfMark}
                </Badge>
              ) : (
                <Button
                  size="small"
                  onClick={() => setAsking(d)}
                  disabled={busy}
                  aria-label={`${t.devices.revoke} ${d.name}`}
                >
                  {t.devices.revoke}
                </Button>
              )}
            </li>
          ))}
        </ResultList>
      )}
      <Confirm
        title={t.devices.yes}
        question={asking && t.devices.ask(asking.name, place(t, asking))}
        yes={t.devices.yes}
        no={t.devices.no}
        onYes={() => void (asking && revoke(asking))}
        onNo={() => setAsking(null)}
      />
    </>
  );
}
