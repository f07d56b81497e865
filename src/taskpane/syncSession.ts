/* global Excel */
/** One sync from the task pane: send the journal rows this device may write, take back what it may read. */
import { AuthError, SyncClient, fetchTransport } from "../sync/client";
import { mirroredStore } from "../sync/stores";
import { hostStorage, keyValueStore, sheetMirrorStore } from "../sync/office-store";
import { EnrollResponse, type Conflict } from "../sync/protocol";
import { rowsToSend } from "../sync/rows";
import { readPlanFromWorkbook } from "../excel/tasks";
import { writeJournalEntries } from "../excel/journal";

export type Identity = EnrollResponse & { server: string };

const IDENTITY_KEY = "danvan.identity";

export async function loadIdentity(): Promise<Identity | null> {
  const text = await hostStorage().getItem(IDENTITY_KEY);
  return text ? (JSON.parse(text) as Identity) : null;
}

export async function forgetIdentity(): Promise<void> {
  await hostStorage().setItem(IDENTITY_KEY, "");
}

export async function enrollDevice(server: string, code: string): Promise<Identity> {
  const response = await fetchTransport(server).post(
    "/enroll",
    { code, name: "Ngăn tác vụ Excel" },
    ""
  );
  if (response.status !== 200)
    throw new Error(
      (response.body as { error?: string })?.error ?? `Máy chủ trả lời ${response.status}.`
    );
  const identity = { ...EnrollResponse.parse(response.body), server };
  await hostStorage().setItem(IDENTITY_KEY, JSON.stringify(identity));
  return identity;
}

function client(identity: Identity): SyncClient {
  const store = mirroredStore(
    keyValueStore(hostStorage(), `danvan.outbox.${identity.campaign}`),
    sheetMirrorStore()
  );
  return new SyncClient(fetchTransport(identity.server), store, identity);
}

export interface SyncOutcome {
  pushed: number;
  pulled: number;
  refused: number;
  pending: number;
  conflicts: Conflict[];
  at: string;
}

/** Throws AuthError on a 401; the outbox stays where it is for after the next enrolment. */
export async function syncNow(identity: Identity): Promise<SyncOutcome> {
  const c = client(identity);
  await c.open();
  const { plan } = await Excel.run((context) => readPlanFromWorkbook(context));
  const { rows, refused } = rowsToSend(plan, identity);
  await c.enqueue(rows);
  const results = await c.push();
  const pulled = await c.pull();
  const written = await Excel.run((context) => writeJournalEntries(context, pulled.rows));
  return {
    pushed: results.filter((r) => r.status === "applied").length,
    pulled: written,
    refused: refused.length,
    pending: c.pending.length,
    conflicts: pulled.conflicts,
    at: new Date().toLocaleString("vi-VN"),
  };
}

export async function pendingCount(identity: Identity): Promise<number> {
  const c = client(identity);
  return (await c.open()).pending.length;
}

export async function resolve(
  identity: Identity,
  id: number,
  choice: "current" | "proposed"
): Promise<void> {
  const r = await fetchTransport(identity.server).post(
    `/conflicts/${id}/resolve`,
    { choice },
    identity.token
  );
  if (r.status !== 200)
    throw new Error((r.body as { error?: string })?.error ?? `Máy chủ trả lời ${r.status}.`);
}

export { AuthError };
