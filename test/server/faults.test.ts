/**
 * Model-based runs through a fault-injecting transport (fast-check): requests dropped, responses dropped after
 * the commit, duplicate and reordered delivery, two task panes of one device, server transactions that crash
 * before committing, a 401 mid-queue, wiped local storage, invalid cookies and poison mutations. After
 * quiescence the server must equal the model, the commune's totals the sum of its hamlets', every row once.
 */
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { createCampaign, issueHamletCode, revokeDevice } from "../../server/admin";
import type { Database, AdminLock, Sql, WriteSql } from "../../server/store/database";
import {
  AuthError,
  type OutboxState,
  SyncClient,
  type Transport,
  fetchTransport,
} from "../../src/sync/client";
import { PROTOCOL_VERSION, type EnrollResponse, type PullResponse } from "../../src/sync/protocol";
import { memoryStore, mirroredStore } from "../../src/sync/stores";
import { cleanPlan } from "../helpers/plans";
import { listen, storeTargets } from "../helpers/sync-env";

const DATES = ["2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13"];

/** A seeded coin, so a failing run replays. */
function coin(seed: number) {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

/** Server transactions that die after their work but before COMMIT (rolled back, the client gets 500). */
class CrashingDatabase implements Database {
  faults = false;
  constructor(
    private readonly inner: Database,
    private readonly random: () => number
  ) {}
  get dialect() {
    return this.inner.dialect;
  }
  write<T>(fn: (tx: WriteSql) => Promise<T>, lock?: AdminLock): Promise<T> {
    return this.inner.write(async (tx) => {
      const result = await fn(tx);
      if (this.faults && this.random() < 0.1) throw new Error("crash before commit");
      return result;
    }, lock);
  }
  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.inner.read(fn);
  }
  ping() {
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}

type Fault = "none" | "dropRequest" | "dropResponse" | "duplicate" | "replayLater";

function faultyTransport(
  inner: Transport,
  random: () => number,
  enabled: () => boolean
): Transport {
  const held: { path: string; body: unknown; token: string }[] = [];
  return {
    async post(path, body, token) {
      if (!enabled()) return inner.post(path, body, token);
      // A request held back earlier arrives now, out of order.
      while (held.length && random() < 0.5) {
        const old = held.shift()!;
        await inner.post(old.path, old.body, old.token).catch(() => undefined);
      }
      const faults: Fault[] = [
        "none",
        "none",
        "dropRequest",
        "dropResponse",
        "duplicate",
        "replayLater",
      ];
      const fault = faults[Math.floor(random() * faults.length)];
      if (fault === "dropRequest") throw new Error("network down");
      const response = await inner.post(path, body, token);
      if (fault === "dropResponse") throw new Error("response lost");
      if (fault === "duplicate") return inner.post(path, body, token);
      if (fault === "replayLater") held.push({ path, body, token });
      return response;
    },
  };
}

type Command =
  | { kind: "edit"; pane: number; date: number; value: number }
  | { kind: "sync"; pane: number }
  | { kind: "wipe"; pane: number }
  | { kind: "badCookie"; pane: number }
  | { kind: "poison"; pane: number }
  | { kind: "revoke" };

const PANES = 3; // Bình Hòa has two task panes (one device); Sân Bay one.
const paneDates = (pane: number) => (pane === 2 ? [0, 1, 2, 3] : pane === 0 ? [0, 2] : [1, 3]);

/** A command for one task pane: sync, wipe its storage, break its cookie, or queue a poison mutation. */
const paneCommand = (kind: "sync" | "wipe" | "badCookie" | "poison") =>
  fc.record({ kind: fc.constant(kind), pane: fc.integer({ min: 0, max: 2 }) });

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      pane: fc.integer({ min: 0, max: 2 }),
      date: fc.integer({ min: 0, max: 1 }),
      value: fc.integer({ min: 1, max: 999 }),
    }),
  },
  { weight: 5, arbitrary: paneCommand("sync") },
  { weight: 1, arbitrary: paneCommand("wipe") },
  { weight: 1, arbitrary: paneCommand("badCookie") },
  { weight: 1, arbitrary: paneCommand("poison") },
  { weight: 1, arbitrary: fc.constant({ kind: "revoke" as const }) }
);

const rowData = (value: number) => ({
  values: { phat_quang_m: value, nhan_dan: 1 },
  note: value % 7 === 0 ? "=SUM(A1)" : "",
  reporter: "",
  sentAt: "2025-03-10T14:00",
});

describe.each(storeTargets())("sync under faults on $name", (target) => {
  let base: Database;
  let db: CrashingDatabase;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let url: string;
  let random = coin(1);

  beforeAll(async () => {
    ({ db: base, cleanup } = await target.open());
    db = new CrashingDatabase(base, () => random());
    ({ app, url } = await listen(db, { enrollPerMinute: 100_000 }));
  });
  afterAll(async () => {
    await app.close();
    await base.close();
    await cleanup();
  });

  test("after quiescence the server equals the model and nothing is lost or doubled", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(commandArb, { minLength: 10, maxLength: 45 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        async (commands, seed) => {
          random = coin(seed);
          let faults = true;
          db.faults = false;
          const { codes } = await createCampaign(base, cleanPlan());
          const plain = fetchTransport(url);
          // Enrolment is retried like any request; a crashed transaction used nothing up.
          const enroll = async (code: string) => {
            for (let attempt = 0; ; attempt++) {
              const r = await plain.post("/enroll", { code }, "");
              if (r.status === 200) return r.body as EnrollResponse;
              expect(r.status === 500 && attempt < 20).toBe(true);
            }
          };
          const reenrollSanBay = async () => {
            sanBay = await enroll(
              (await issueHamletCode(base, "Sân Bay", { campaign: sanBay.campaign! })).code
            );
            clients[2] = client(2);
            await clients[2].open();
          };
          const binhHoa = await enroll(codes.hamlets["Bình Hòa"]);
          let sanBay = await enroll(codes.hamlets["Sân Bay"]);
          const commune = await enroll(codes.commune);
          const hamletOf = (pane: number) => (pane === 2 ? "Sân Bay" : "Bình Hòa");
          const identityOf = (pane: number) =>
            pane === 2
              ? sanBay
              : pane === 1
                ? { ...binhHoa, clientID: `${binhHoa.clientID}-pane2` }
                : binhHoa;
          const stores = Array.from({ length: PANES }, () => ({
            primary: memoryStore(),
            mirror: memoryStore(),
          }));
          const transport = faultyTransport(
            plain,
            () => random(),
            () => faults
          );
          const client = (pane: number) =>
            new SyncClient(
              transport,
              mirroredStore(stores[pane].primary, stores[pane].mirror),
              identityOf(pane),
              { attempts: 2, baseMs: 0 }
            );
          const clients = await Promise.all(
            Array.from({ length: PANES }, async (_, pane) => {
              const c = client(pane);
              await c.open();
              return c;
            })
          );
          const model = new Map<string, number>();
          db.faults = true;

          for (const cmd of commands) {
            if (cmd.kind === "edit") {
              const date = DATES[paneDates(cmd.pane)[cmd.date % paneDates(cmd.pane).length]];
              model.set(`${hamletOf(cmd.pane)}|${date}`, cmd.value);
              await clients[cmd.pane].enqueue([
                { hamlet: hamletOf(cmd.pane), date, data: rowData(cmd.value) },
              ]);
            } else if (cmd.kind === "sync") {
              try {
                await clients[cmd.pane].push();
                await clients[cmd.pane].pull();
              } catch (e) {
                // 401 mid-queue: the outbox stays; the officer enrols again with a new code.
                if (e instanceof AuthError) await reenrollSanBay();
              }
            } else if (cmd.kind === "wipe") {
              stores[cmd.pane].primary.clear();
              clients[cmd.pane] = client(cmd.pane);
              await clients[cmd.pane].open();
            } else if (cmd.kind === "badCookie" || cmd.kind === "poison") {
              const state =
                (await stores[cmd.pane].primary.load()) ?? (await stores[cmd.pane].mirror.load());
              if (!state) continue;
              const edited: OutboxState =
                cmd.kind === "badCookie"
                  ? { ...state, cookie: 987654321 }
                  : {
                      ...state,
                      nextMutationID: state.nextMutationID + 1,
                      pending: [
                        ...state.pending,
                        {
                          id: state.nextMutationID,
                          name: "putRow" as const,
                          hash: "poison",
                          args: {
                            hamlet: hamletOf(cmd.pane),
                            date: DATES[0],
                            baseVersion: 0,
                            ...rowData(1),
                            values: { phat_quang_m: -1 },
                          },
                        },
                      ],
                    };
              await stores[cmd.pane].primary.save(edited);
              await stores[cmd.pane].mirror.save(edited);
              clients[cmd.pane] = client(cmd.pane);
              await clients[cmd.pane].open();
            } else {
              const devices = await base.read((tx) =>
                tx.all<{ id: number }>(
                  "SELECT d.id FROM devices d JOIN orgs o ON o.id = d.org_id WHERE o.name = 'Sân Bay' AND d.campaign_id = ? AND d.revoked = 0",
                  [sanBay.campaign]
                )
              );
              for (const d of devices) await revokeDevice(base, Number(d.id));
            }
          }

          // Quiescence: a good connection, every outbox drained, the commune resolves what conflicted.
          faults = false;
          db.faults = false;
          for (let pane = 0; pane < PANES; pane++) {
            for (let round = 0; round < 3 && clients[pane].pending.length; round++) {
              try {
                await clients[pane].push();
              } catch (e) {
                if (!(e instanceof AuthError) || pane !== 2) throw e;
                await reenrollSanBay();
              }
            }
            expect(clients[pane].pending).toEqual([]);
          }
          const pullAll = async (who: EnrollResponse) =>
            (
              await plain.post(
                "/pull",
                { protocolVersion: PROTOCOL_VERSION, clientID: who.clientID, cookie: null },
                who.token
              )
            ).body as PullResponse;
          for (const c of (await pullAll(commune)).conflicts) {
            await plain.post(`/conflicts/${c.id}/resolve`, { choice: "proposed" }, commune.token);
          }
          const rows = (await pullAll(commune)).rows;
          const keys = rows.map((r) => `${r.hamlet}|${r.date}`);
          expect(new Set(keys).size).toBe(keys.length);
          expect(
            new Map(rows.map((r) => [`${r.hamlet}|${r.date}`, r.values.phat_quang_m]))
          ).toEqual(model);
          if (
            (
              await plain.post(
                "/pull",
                { protocolVersion: PROTOCOL_VERSION, clientID: sanBay.clientID, cookie: null },
                sanBay.token
              )
            ).status === 401
          )
            await reenrollSanBay();
          const perHamlet = [...(await pullAll(binhHoa)).rows, ...(await pullAll(sanBay)).rows];
          const sum = (xs: typeof rows) => xs.reduce((n, r) => n + (r.values.phat_quang_m ?? 0), 0);
          expect(sum(rows)).toBe(sum(perHamlet));
        }
      ),
      // FC_SEED and FC_PATH replay a reported failure.
      {
        numRuns: target.name === "sqlite" ? 25 : 12,
        seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined,
        path: process.env.FC_PATH,
      }
    );
  }, 600_000);
});
