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

export function paneSession(identity: Identity, notify: (message: string) => void): SyncSession {
  return new SyncSession(identity, {
    transport: fetchTransport(identity.server),
    outbox: [panePlace(`danvan.outbox.${identity.campaign}`), sheetMirrorPlace()],
    journal: openWorkbookJournal(),
    notify,
  });
}
