/** Who may do what: every kind of device against every action, on both stores. */
import type { FastifyInstance } from "fastify";
import { createCampaign, issueHamletCode, revokeDevice } from "../../server/admin";
import type { Database } from "../../server/store/database";
import { fetchTransport } from "../../src/sync/client";
import { PROTOCOL_VERSION, type EnrollResponse, type PullResponse } from "../../src/sync/protocol";
import { cleanPlan } from "../helpers/plans";
import { listen, storeTargets } from "../helpers/sync-env";

type Actor =
  | "Bình Hòa device"
  | "Sân Bay device"
  | "commune device"
  | "other commune's hamlet"
  | "revoked device"
  | "no token";
type Outcome = "applied" | "rejected" | "401" | "403" | "200" | "sees Bình Hòa" | "sees none";

// action → actor → what the server answers
const MATRIX: Record<string, Record<Actor, Outcome>> = {
  "write a Bình Hòa row": {
    "Bình Hòa device": "applied",
    "Sân Bay device": "rejected",
    "commune device": "applied",
    "other commune's hamlet": "rejected",
    "revoked device": "401",
    "no token": "401",
  },
  "read Bình Hòa rows": {
    "Bình Hòa device": "sees Bình Hòa",
    "Sân Bay device": "sees none",
    "commune device": "sees Bình Hòa",
    "other commune's hamlet": "sees none",
    "revoked device": "401",
    "no token": "401",
  },
  "resolve a conflict": {
    "Bình Hòa device": "403",
    "Sân Bay device": "403",
    "commune device": "200",
    "other commune's hamlet": "403",
    "revoked device": "401",
    "no token": "401",
  },
};

describe.each(storeTargets())("authorisation matrix on $name", (target) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let url: string;
  const actors = {} as Record<Actor, EnrollResponse | null>;
  const next = new Map<string, number>();

  beforeAll(async () => {
    ({ db, cleanup } = await target.open());
    ({ app, url } = await listen(db, { enrollPerMinute: 1000 }));
    const t = fetchTransport(url);
    const enroll = async (code: string) =>
      (await t.post("/enroll", { code }, "")).body as EnrollResponse;
    const { codes } = await createCampaign(db, cleanPlan());
    const other = cleanPlan();
    other.settings.place_name = "Hòa Hiệp";
    other.hamlets[0].name = "Hòa Lợi";
    other.hamlets[1].name = "Hòa Thạnh";
    const { codes: otherCodes } = await createCampaign(db, other);
    actors["Bình Hòa device"] = await enroll(codes.hamlets["Bình Hòa"]);
    actors["Sân Bay device"] = await enroll(codes.hamlets["Sân Bay"]);
    actors["commune device"] = await enroll(codes.commune);
    actors["other commune's hamlet"] = await enroll(otherCodes.hamlets["Hòa Lợi"]);
    actors["revoked device"] = await enroll(
      (await createCampaign(db, cleanPlan())).codes.hamlets["Bình Hòa"]
    );
    const ids = await db.read((tx) =>
      tx.all<{ id: number }>("SELECT id FROM devices ORDER BY id DESC LIMIT 1")
    );
    await revokeDevice(db, Number(ids[0].id));
    actors["no token"] = null;
    // A conflict on a Bình Hòa row, for the resolve column.
    const second = await enroll(
      (await issueHamletCode(db, "Bình Hòa", { campaign: actors["Bình Hòa device"]!.campaign! }))
        .code
    );
    for (const [who, value] of [
      [actors["Bình Hòa device"]!, 1],
      [second, 2],
    ] as const) {
      await t.post(
        "/push",
        {
          protocolVersion: PROTOCOL_VERSION,
          clientID: who.clientID,
          mutations: [
            {
              id: 1,
              name: "putRow",
              args: {
                hamlet: "Bình Hòa",
                date: "2025-03-14",
                baseVersion: 0,
                values: { phat_quang_m: value },
                note: "",
                reporter: "",
                sentAt: null,
              },
            },
          ],
        },
        who.token
      );
    }
    next.set(actors["Bình Hòa device"]!.clientID, 2);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await cleanup();
  });

  async function act(action: string, who: EnrollResponse | null): Promise<Outcome> {
    const t = fetchTransport(url);
    const token = who?.token ?? "";
    const clientID = who?.clientID ?? "000000000000";
    if (action === "write a Bình Hòa row") {
      const id = next.get(clientID) ?? 1;
      next.set(clientID, id + 1);
      const args = {
        hamlet: "Bình Hòa",
        date: `2025-03-1${id}`,
        baseVersion: 0,
        values: { phat_quang_m: 10 },
        note: "",
        reporter: "",
        sentAt: null,
      };
      const r = await t.post(
        "/push",
        { protocolVersion: PROTOCOL_VERSION, clientID, mutations: [{ id, name: "putRow", args }] },
        token
      );
      return r.status === 200
        ? (r.body as { results: { status: Outcome }[] }).results[0].status
        : (String(r.status) as Outcome);
    }
    if (action === "read Bình Hòa rows") {
      const r = await t.post(
        "/pull",
        { protocolVersion: PROTOCOL_VERSION, clientID, cookie: null },
        token
      );
      if (r.status !== 200) return String(r.status) as Outcome;
      return (r.body as PullResponse).rows.some((x) => x.hamlet === "Bình Hòa")
        ? "sees Bình Hòa"
        : "sees none";
    }
    const conflicts = await db.read((tx) =>
      tx.all<{ id: number }>("SELECT id FROM conflicts WHERE resolved_at IS NULL ORDER BY id")
    );
    const r = await t.post(
      `/conflicts/${conflicts[0]?.id ?? 1}/resolve`,
      { choice: "current" },
      token
    );
    return String(r.status) as Outcome;
  }

  const cases = Object.entries(MATRIX).flatMap(([action, row]) =>
    Object.entries(row).map(([actor, outcome]) => ({ action, actor: actor as Actor, outcome }))
  );
  test.each(cases)("$actor: $action → $outcome", async ({ action, actor, outcome }) => {
    expect(await act(action, actors[actor])).toBe(outcome);
  });
});
