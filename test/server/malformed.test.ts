/**
 * A 500 never answers client input: a battery of malformed requests — fixed ones that broke servers before and
 * generated ones (fast-check) — thrown at every route with every kind of token, on both stores. Each answer is
 * below 500, and every refusal is one of the protocol's typed bodies with a Vietnamese message.
 */
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { createCampaign, createProvince } from "../../server/admin";
import type { Database } from "../../server/store/database";
import { ErrorBody, PROTOCOL_VERSION, type EnrollResponse } from "../../src/sync/protocol";
import { cleanPlan } from "../helpers/plans";
import { listen, storeTargets } from "../helpers/sync-env";
import { type Answer, http, rowArgs } from "./http";

const ROUTES = [
  "/enroll",
  "/push",
  "/pull",
  "/plan",
  "/conflicts/1/resolve",
  "/codes",
  "/campaigns",
  "/devices",
  "/devices/1/revoke",
  "/report",
  "/rollup",
  "/rollup-settings",
  "/health",
  "/metrics",
  "/openapi.json",
  "/nope",
];

const NASTY_STRINGS = [
  "\u0000",
  "a\u0000b",
  "\uFFFE",
  "\uD800",
  "'; DROP TABLE orgs; --",
  "x".repeat(5000),
  "١٢٣",
  "%00",
  "NaN",
  "-0",
  "1e999",
];
const NASTY_NUMBERS = [
  0,
  -1,
  1.5,
  1e300,
  -1e300,
  2 ** 31,
  2 ** 53 + 1,
  Number.MAX_VALUE,
  2147483647,
];

/** Bodies that pass JSON but nothing else, as raw text. */
const RAW_BODIES = [
  "",
  "null",
  "[]",
  '"text"',
  "1e999",
  "{",
  '{"a":',
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{}}}',
  "[".repeat(5000) + "]".repeat(5000),
];

function envelopes(valid: { clientID: string }): unknown[] {
  const v = PROTOCOL_VERSION;
  const bodies: unknown[] = [
    { protocolVersion: v },
    { protocolVersion: v, clientID: valid.clientID, mutations: "all" },
    { protocolVersion: v, clientID: valid.clientID, mutations: [null, 1, "x"] },
    {
      protocolVersion: v,
      clientID: valid.clientID,
      mutations: [{ id: 1, name: "dropTable", args: {} }],
    },
    { protocolVersion: v, clientID: valid.clientID, cookie: { $gt: 0 } },
    { code: ["A"], name: { x: 1 } },
    { choice: null },
  ];
  for (const s of NASTY_STRINGS) {
    bodies.push({ protocolVersion: v, clientID: s, mutations: [], cookie: s });
    bodies.push({
      protocolVersion: v,
      clientID: valid.clientID,
      cookie: s,
      mutations: [
        { id: 1, name: "putRow", args: { ...rowArgs(s, s), note: s, reporter: s, sentAt: s } },
      ],
    });
    bodies.push({ code: s, name: s, choice: s });
    // The hierarchy's bodies: targets, dates, settings and a whole plan, each field nasty.
    bodies.push({ hamlet: s, commune: s, district: s, date: s, deadline: s, plan: s });
    bodies.push({ plan: { settings: s, hamlets: [s], journal: s }, date: "2025-03-12" });
    bodies.push({
      protocolVersion: v,
      clientID: valid.clientID,
      mutations: [{ id: 1, name: "putReport", args: { date: s, report: s } }],
    });
  }
  for (const n of NASTY_NUMBERS) {
    bodies.push({ protocolVersion: n, clientID: valid.clientID, cookie: n, mutations: [] });
    bodies.push({
      protocolVersion: v,
      clientID: valid.clientID,
      cookie: n,
      mutations: [
        {
          id: n,
          name: "putRow",
          args: { ...rowArgs("Bình Hòa", "2025-03-12", n, n), values: { quan_doi: n } },
        },
      ],
    });
  }
  return bodies;
}

function expectTypedAnswer(route: string, answer: Answer): void {
  if (answer.status < 500 && (answer.status < 400 || ErrorBody.safeParse(answer.body).success))
    return;
  throw new Error(`${route} → ${answer.status} ${answer.text.slice(0, 300)}`);
}

describe.each(storeTargets())("malformed requests on $name", (target) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let api: ReturnType<typeof http>;
  let tokens: string[];
  let hamlet: EnrollResponse;

  beforeAll(async () => {
    ({ db, cleanup } = await target.open());
    let url: string;
    ({ app, url } = await listen(db, { enrollPerMinute: 100_000 }));
    api = http(url);
    const { codes } = await createCampaign(db, cleanPlan());
    hamlet = (await api.post("/enroll", { code: codes.hamlets["Bình Hòa"] }))
      .body as EnrollResponse;
    const commune = (await api.post("/enroll", { code: codes.commune })).body as EnrollResponse;
    const province = (
      await api.post("/enroll", { code: (await createProvince(db, "Tây Ninh")).code })
    ).body as EnrollResponse;
    tokens = ["", hamlet.token, commune.token, province.token, "garbage", "x".repeat(2000)];
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await cleanup();
  });

  test("a fixed battery at every route, with every kind of token: never a 5xx", async () => {
    const bodies = envelopes(hamlet);
    for (const route of ROUTES) {
      for (const token of tokens) {
        for (const body of bodies) expectTypedAnswer(route, await api.post(route, body, token));
        for (const raw of RAW_BODIES) {
          const headers = {
            "content-type": "application/json",
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          };
          expectTypedAnswer(route, await api.send("POST", route, { body: raw, headers }));
        }
        expectTypedAnswer(
          route,
          await api.send("GET", route, {
            headers: token ? { authorization: `Bearer ${token}` } : {},
          })
        );
        expectTypedAnswer(
          route,
          await api.send("POST", route, {
            body: "a=1",
            headers: { "content-type": "application/x-www-form-urlencoded" },
          })
        );
      }
    }
    for (const id of [
      "0",
      "-1",
      "abc",
      "1.5",
      "%00",
      "%FF",
      "12345678901234567890",
      "9".repeat(400),
      "１",
    ]) {
      expectTypedAnswer(
        id,
        await api.post(`/conflicts/${id}/resolve`, { choice: "proposed" }, tokens[2])
      );
    }
  }, 300_000);

  test("generated bodies and mutations: never a 5xx", async () => {
    const route = fc.constantFrom(...ROUTES);
    const mutation = fc.record({
      id: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.double()),
      name: fc.constantFrom("putRow", "putReport"),
      args: fc.anything(),
    });
    const envelope = fc.record(
      {
        protocolVersion: fc.oneof(fc.constant(PROTOCOL_VERSION), fc.jsonValue()),
        clientID: fc.oneof(fc.constant(hamlet.clientID), fc.string()),
        cookie: fc.jsonValue(),
        mutations: fc.array(mutation, { maxLength: 5 }),
      },
      { requiredKeys: [] }
    );
    await fc.assert(
      fc.asyncProperty(
        route,
        fc.oneof(envelope, fc.jsonValue()),
        fc.constantFrom(...[0, 1, 2, 3, 4]),
        async (path, body, t) => {
          expectTypedAnswer(path, await api.post(path, body, tokens[t]));
        }
      ),
      { numRuns: target.name === "sqlite" ? 300 : 150 }
    );
  }, 300_000);
});
