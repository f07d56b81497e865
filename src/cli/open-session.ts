/** The enrolled device's sync session as the command line opens it. */
import { fetchTransport } from "../sync/client";
import type { LocalJournal } from "../sync/rows";
import { SyncSession } from "../sync/session";
import type { Args } from "./args";
import { failure } from "./failure";
import { loadIdentity, outboxPlace } from "./sync-home";

/**
 * The session against --server (or the server the device enrolled with), with the workbook's journal for a
 * sync; `run` makes a refusal or an unreachable server one Vietnamese line (`queued`: the command keeps edits
 * in the outbox, so that line says nothing is lost). `notices` collects what the session said on the way.
 */
export async function openSession(
  args: Args,
  options: { journal?: LocalJournal; queued?: boolean } = {}
) {
  const identity = await loadIdentity();
  const server = args.options.get("server") ?? identity.server;
  const notices: string[] = [];
  const session = new SyncSession(identity, {
    transport: fetchTransport(server),
    outbox: [outboxPlace(identity)],
    journal: options.journal,
    notify: (m) => notices.push(m),
  });
  const run = <T>(work: (s: SyncSession) => Promise<T>): Promise<T> =>
    work(session).catch((e) => {
      throw failure(e, server, notices, options.queued);
    });
  return { identity, run, notices };
}
