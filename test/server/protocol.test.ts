import type { FastifyInstance } from "fastify";
import { createCampaign, issueHamletCode, revokeDevice } from "../../server/admin";
import type { Database } from "../../server/store/database";
import { ErrorBody, PROTOCOL_VERSION, type EnrollResponse } from "../../src/sync/protocol";
import { SyncClient, type Transport, VersionError, fetchTransport } from "../../src/sync/client";
import { memoryStore } from "../../src/sync/stores";
import { cleanPlan } from "../helpers/plans";
import { listen, storeTargets } from "../helpers/sync-env";
import { rowArgs } from "./http";

describe.each(storeTargets())("sync protocol on $name", (target) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let url: string;
  let codes: { commune: string; hamlets: Record<string, string> };

  beforeAll(async () => {
    ({ db, cleanup } = await target.open());
    ({ app, url } = await listen(db, { enrollPerMinute: 50 }));
    ({ codes } = await createCampaign(db, cleanPlan()));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await cleanup();
  });

  const post = (path: string, body: unknown, token = "") =>
    fetchTransport(url).post(path, body, token);
  async function enroll(code: string): Promise<EnrollResponse> {
    const r = await post("/enroll", { code, name: `máy ${code.slice(0, 4)}` });
    expect(r.status).toBe(200);
    return r.body as EnrollResponse;
  }
  const pushAs = (d: EnrollResponse, mutations: { id: number; args: unknown }[]) =>
    post(
      "/push",
      {
        protocolVersion: PROTOCOL_VERSION,
        clientID: d.clientID,
        mutations: mutations.map((m) => ({ ...m, name: "putRow" })),
      },
      d.token
    );
  const pullAs = (d: EnrollResponse, cookie: unknown = null) =>
    post("/pull", { protocolVersion: PROTOCOL_VERSION, clientID: d.clientID, cookie }, d.token);

  let binhHoa: EnrollResponse;
  let sanBay: EnrollResponse;
  let commune: EnrollResponse;

  test("a code enrols one device, once; the token is stored only as a hash", async () => {
    binhHoa = await enroll(codes.hamlets["Bình Hòa"]);
    sanBay = await enroll(codes.hamlets["Sân Bay"]);
    commune = await enroll(codes.commune);
    expect(binhHoa).toMatchObject({ scope: "hamlet", hamlet: "Bình Hòa", commune: "An Bình" });
    expect(commune).toMatchObject({ scope: "commune", hamlet: null });
    const again = await post("/enroll", { code: codes.hamlets["Bình Hòa"] });
    expect(again).toEqual({
      status: 403,
      body: {
        code: "forbidden",
        error:
          "Mã đăng ký không đúng hoặc đã được dùng; kiểm tra lại từng ký tự (dạng ABCD-EF23), hoặc xin cấp trên mã mới.",
      },
    });
    const stored = await db.read((tx) =>
      tx.all<{ token_hash: string }>("SELECT token_hash FROM devices")
    );
    expect(stored.map((s) => s.token_hash)).not.toContain(binhHoa.token);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
  });

  test("a mutation is applied once however often it arrives; a gap is refused", async () => {
    const m = { id: 1, args: rowArgs("Bình Hòa", "2025-03-10") };
    const first = await pushAs(binhHoa, [m]);
    expect(first.body).toEqual({
      lastMutationID: 1,
      results: [{ id: 1, status: "applied", version: 1 }],
    });
    const again = await pushAs(binhHoa, [m]);
    expect(again.body).toEqual({ lastMutationID: 1, results: [{ id: 1, status: "duplicate" }] });
    const gap = await pushAs(binhHoa, [{ id: 3, args: rowArgs("Bình Hòa", "2025-03-11") }]);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ lastMutationID: 1 });
    const audit = await db.read((tx) => tx.all<{ version: number }>("SELECT version FROM audit"));
    expect(audit).toHaveLength(1);
  });

  test("a poison mutation is rejected with its reason and does not block the queue", async () => {
    const r = await pushAs(binhHoa, [
      { id: 2, args: { ...rowArgs("Bình Hòa", "2025-03-11"), values: { phat_quang_m: -5 } } },
      { id: 3, args: rowArgs("Bình Hòa", "2025-03-11") },
    ]);
    expect(r.body).toMatchObject({
      lastMutationID: 3,
      results: [
        { id: 2, status: "rejected" },
        { id: 3, status: "applied" },
      ],
    });
    const pulled = (await pullAs(binhHoa)).body as { rejected: { id: number; reason: string }[] };
    expect(pulled.rejected).toEqual([
      { id: 2, reason: "Phát quang (m) = -5: số liệu không được âm." },
    ]);
  });

  test("a hamlet writes only its own rows and reads only its own", async () => {
    const r = await pushAs(sanBay, [{ id: 1, args: rowArgs("Bình Hòa", "2025-03-12") }]);
    expect(r.body).toMatchObject({
      results: [
        { status: "rejected", reason: "Thiết bị này không được ghi nhật ký của ấp Bình Hòa." },
      ],
    });
    await pushAs(sanBay, [{ id: 2, args: rowArgs("Sân Bay", "2025-03-10", 50) }]);
    const mine = (await pullAs(sanBay)).body as { rows: { hamlet: string }[] };
    expect(mine.rows.map((x) => x.hamlet)).toEqual(["Sân Bay"]);
    const all = (await pullAs(commune)).body as {
      rows: { hamlet: string; date: string; values: { phat_quang_m: number } }[];
    };
    expect(all.rows.map((x) => `${x.hamlet} ${x.date}`).sort()).toEqual([
      "Bình Hòa 2025-03-10",
      "Bình Hòa 2025-03-11",
      "Sân Bay 2025-03-10",
    ]);
    // Above a hamlet, totals are sums of rows.
    expect(all.rows.reduce((n, x) => n + x.values.phat_quang_m, 0)).toBe(250);
  });

  test("two devices editing one row: a kept conflict, resolved by the commune, never a silent overwrite", async () => {
    const second = await enroll((await issueHamletCode(db, "Bình Hòa")).code);
    const stale = await pushAs(second, [{ id: 1, args: rowArgs("Bình Hòa", "2025-03-10", 999) }]);
    expect(stale.body).toMatchObject({ results: [{ status: "conflict", version: 1 }] });
    const pulled = (await pullAs(commune)).body as {
      conflicts: { id: number; current: { values: unknown }; proposed: { values: unknown } }[];
    };
    expect(pulled.conflicts).toHaveLength(1);
    expect(pulled.conflicts[0].current!.values).toMatchObject({ phat_quang_m: 100 });
    expect(pulled.conflicts[0].proposed.values).toMatchObject({ phat_quang_m: 999 });
    expect(
      (
        await post(
          `/conflicts/${pulled.conflicts[0].id}/resolve`,
          { choice: "proposed" },
          binhHoa.token
        )
      ).status
    ).toBe(403);
    expect(
      (
        await post(
          `/conflicts/${pulled.conflicts[0].id}/resolve`,
          { choice: "proposed" },
          commune.token
        )
      ).status
    ).toBe(200);
    const after = (await pullAs(commune)).body as {
      conflicts: unknown[];
      rows: { date: string; hamlet: string; version: number; values: { phat_quang_m: number } }[];
    };
    expect(after.conflicts).toEqual([]);
    expect(
      after.rows.find((x) => x.hamlet === "Bình Hòa" && x.date === "2025-03-10")
    ).toMatchObject({ version: 2, values: { phat_quang_m: 999 } });
  });

  test("pull is incremental by cookie; an invalid cookie pulls everything again", async () => {
    const first = (await pullAs(commune)).body as { cookie: number; rows: unknown[] };
    const none = (await pullAs(commune, first.cookie)).body as { rows: unknown[]; reset: boolean };
    expect(none).toMatchObject({ rows: [], reset: false });
    await pushAs(sanBay, [{ id: 3, args: rowArgs("Sân Bay", "2025-03-11", 70) }]);
    const next = (await pullAs(commune, first.cookie)).body as { rows: { date: string }[] };
    expect(next.rows.map((x) => x.date)).toEqual(["2025-03-11"]);
    for (const bad of ["abc", -1, 1e9, 1.5]) {
      const reset = (await pullAs(commune, bad)).body as { reset: boolean; rows: unknown[] };
      expect(reset.reset).toBe(true);
      expect(reset.rows.length).toBe(first.rows.length + 1);
    }
  });

  test("an old client (no protocol version, or another one) is told to update DanVan, with a typed error", async () => {
    for (const version of [undefined, 1, 3, "2"]) {
      const r = await post(
        "/push",
        { protocolVersion: version, clientID: binhHoa.clientID, mutations: [] },
        binhHoa.token
      );
      expect(r.status).toBe(426);
      expect(ErrorBody.parse(r.body)).toMatchObject({
        code: "version",
        serverVersion: PROTOCOL_VERSION,
        error: expect.stringMatching(/cập nhật DanVan/),
      });
      expect(
        (
          await post(
            "/pull",
            { protocolVersion: version, clientID: binhHoa.clientID, cookie: null },
            binhHoa.token
          )
        ).status
      ).toBe(426);
    }
    const outdated: Transport = {
      post: (path, body, token) =>
        fetchTransport(url).post(path, { ...(body as object), protocolVersion: 1 }, token),
    };
    const old = new SyncClient(outdated, memoryStore(), binhHoa);
    await old.open();
    await expect(old.pull()).rejects.toBeInstanceOf(VersionError);
  });

  test("authorisation: no token, a wrong token and a revoked device get 401", async () => {
    expect(
      (
        await post("/pull", {
          protocolVersion: PROTOCOL_VERSION,
          clientID: binhHoa.clientID,
          cookie: null,
        })
      ).status
    ).toBe(401);
    expect(
      (
        await post(
          "/pull",
          { protocolVersion: PROTOCOL_VERSION, clientID: binhHoa.clientID, cookie: null },
          "x".repeat(43)
        )
      ).status
    ).toBe(401);
    expect(
      (
        await post(
          "/push",
          { protocolVersion: PROTOCOL_VERSION, clientID: commune.clientID, mutations: [] },
          binhHoa.token
        )
      ).status
    ).toBe(403);
    const doomed = await enroll((await issueHamletCode(db, "Sân Bay")).code);
    const devices = await db.read((tx) =>
      tx.all<{ id: number }>("SELECT id FROM devices ORDER BY id DESC")
    );
    await revokeDevice(db, Number(devices[0].id));
    expect((await pullAs(doomed)).status).toBe(401);
    expect(
      await (
        await fetch(`${url}/plan`, { headers: { authorization: `Bearer ${sanBay.token}` } })
      ).json()
    ).toMatchObject({ settings: { place_name: "An Bình" } });
  });

  test("limits: request size, enrolment rate, CORS to the add-in's origin only; OpenAPI and health", async () => {
    const huge = await post(
      "/push",
      {
        protocolVersion: PROTOCOL_VERSION,
        clientID: binhHoa.clientID,
        mutations: [{ id: 9, name: "putRow", args: { note: "x".repeat(2_000_000) } }],
      },
      binhHoa.token
    );
    expect(huge.status).toBe(413);
    const allowed = await fetch(`${url}/pull`, {
      method: "OPTIONS",
      headers: { origin: "https://localhost:3000", "access-control-request-method": "POST" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
    const other = await fetch(`${url}/pull`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(other.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
    const doc = (await (await fetch(`${url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/health", "/enroll", "/push", "/pull", "/conflicts/{id}/resolve"])
    );
    expect(await (await fetch(`${url}/health`)).json()).toEqual({
      ok: true,
      store: target.name,
      reachable: true,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++)
      statuses.push((await post("/enroll", { code: "ZZZZ-ZZZZ" })).status);
    expect(statuses).toContain(429);
  });
});
