/** The task pane's sync: the shared session with the open workbook as journal and the host's storage as home. */
import { openWorkbookJournal } from "../excel/journal";
import { fetchTransport } from "../sync/client";
import { type Identity, enroll, readIdentity } from "../sync/identity";
import { hostStorage, panePlace, sheetMirrorPlace } from "../sync/office-store";
import { SyncSession } from "../sync/session";

export { AuthError } from "../sync/errors";
export type { Identity };
export type { ConflictNotice, SyncOutcome } from "../sync/session";

const IDENTITY_KEY = "danvan.identity";
const identityPlace = () => panePlace(IDENTITY_KEY);

/** The saved identity, or null; `notice` says when a damaged one was set aside. */
export function loadIdentity(): Promise<{ identity: Identity | null; notice: string | null }> {
  return readIdentity(identityPlace());
}

export async function forgetIdentity(): Promise<void> {
  await hostStorage().setItem(IDENTITY_KEY, "");
}

export function enrollDevice(server: string, code: string): Promise<Identity> {
  return enroll(
    fetchTransport(server),
    { server, code, name: "Ngăn tác vụ Excel" },
    identityPlace()
  );
}

/** A province's or district's device keeps no journal: it issues codes and reads roll-ups. */
export const keepsJournal = (identity: Identity) =>
  identity.scope === "commune" || identity.scope === "hamlet";

export function paneSession(identity: Identity, notify: (message: string) => void): SyncSession {
  // One outbox per campaign; one for a device that follows no single campaign (a commune enrolled from its
  // province's code, which also queues its reports there).
  const key = identity.campaign === null ? "danvan.outbox" : `danvan.outbox.${identity.campaign}`;
  return new SyncSession(identity, {
    transport: fetchTransport(identity.server),
    outbox: [panePlace(key), sheetMirrorPlace()],
    journal: keepsJournal(identity) ? openWorkbookJournal() : undefined,
    notify,
  });
}
