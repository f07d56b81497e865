/**
 * Operating the server: one log line per request that never holds a body, token or code; every 5xx logged with
 * its cause; /health that says whether the store answers; /metrics in Prometheus text format. Both stores.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { createCampaign } from "../../server/admin";
import type { Database } from "../../server/store/database";
import {
  ErrorBody,
  HealthResponse,
  type EnrollResponse,
  type PullResponse,
} from "../../src/sync/protocol";
import { cleanPlan } from "../helpers/plans";
import { listen, storeTargets } from "../helpers/sync-env";
import { InstrumentedDatabase } from "./instrumented";
import { http, rowArgs } from "./http";

type LogLine = {
  level: number;
  msg: string;
  reqId?: string;
  route?: string | null;
  status?: number;
  ms?: number;
  device?: number | null;
  err?: { message: string };
};

describe.each(storeTargets())("operating the server on $name", (target) => {
  let base: Database;
  let db: InstrumentedDatabase;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let api: ReturnType<typeof http>;
  let codes: { commune: string; hamlets: Record<string, string> };
  const log: string[] = [];
  const lines = () => log.map((l) => JSON.parse(l) as LogLine);

  beforeAll(async () => {
    ({ db: base, cleanup } = await target.open());
    db = new InstrumentedDatabase(base);
    let url: string;
    ({ app, url } = await listen(db, {
      enrollPerMinute: 1000,
      log: { level: "info", stream: { write: (line) => void log.push(line) } },
    }));
    api = http(url);
    ({ codes } = await createCampaign(base, cleanPlan()));
  });
  afterAll(async () => {
    await app.close();
    await base.close();
    await cleanup();
  });

  test("one line per request with id, route, status, duration and device; never a body, token or code", async () => {
    log.length = 0;
    const hamlet = (
      await api.post("/enroll", { code: codes.hamlets["Bình Hòa"], name: "Máy của chị Ba" })
    ).body as EnrollResponse;
    const secretNote = "ghi-chu-rieng-8831";
    await api.push(hamlet, [
      { id: 1, args: { ...rowArgs("Bình Hòa", "2025-03-10"), note: secretNote } },
    ]);
    await api.pull(hamlet);
    await api.post("/conflicts/abc/resolve", { choice: "current" }, hamlet.token);
    await api.send("GET", `/e/${codes.commune}`);
    const requests = lines().filter((l) => l.msg === "request");
    expect(requests.map((l) => [l.route, l.status])).toEqual([
      ["/enroll", 200],
      ["/push", 200],
      ["/pull", 200],
      ["/conflicts/:id/resolve", 400],
      [null, 404],
    ]);
    const device = await base.read((tx) =>
      tx.get<{ id: number }>("SELECT id FROM devices ORDER BY id DESC LIMIT 1")
    );
    // A conflict id that is not a number is refused before the token is looked up.
    expect(requests.map((l) => l.device)).toEqual([
      null,
      Number(device!.id),
      Number(device!.id),
      null,
      null,
    ]);
    for (const l of requests) {
      expect(l.reqId).toEqual(expect.any(String));
      expect(l.ms).toEqual(expect.any(Number));
    }
    expect(new Set(requests.map((l) => l.reqId)).size).toBe(requests.length);
    const everything = log.join("\n");
    for (const secret of [
      hamlet.token,
      codes.hamlets["Bình Hòa"],
      codes.commune,
      secretNote,
      "Máy của chị Ba",
    ])
      expect(everything).not.toContain(secret);
    expect(everything.toLowerCase()).not.toContain("authorization");
  });

  test("a server error is logged with its cause; the client gets a typed body without it", async () => {
    const hamlet = (await api.post("/enroll", { code: codes.hamlets["Sân Bay"] }))
      .body as EnrollResponse;
    log.length = 0;
    db.failNext = true;
    const r = await api.push(hamlet, [{ id: 1, args: rowArgs("Sân Bay", "2025-03-10") }]);
    expect(r.status).toBe(500);
    expect(ErrorBody.parse(r.body)).toEqual({ code: "server", error: "Lỗi máy chủ; thử lại sau." });
    const errors = lines().filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0].err?.message).toBe("crash before commit");
    expect(lines().find((l) => l.msg === "request")).toMatchObject({
      route: "/push",
      status: 500,
      device: expect.any(Number),
    });
  });

  test("/metrics counts pushes, mutations by outcome, push latency and open conflicts", async () => {
    const metrics = async () => (await api.send("GET", "/metrics")).text;
    const value = (text: string, name: string) =>
      Number(new RegExp(`^${name.replace(/[{}"]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1] ?? 0);
    const before = await metrics();
    const first = (await api.post("/enroll", { code: codes.commune })).body as EnrollResponse;
    await api.push(first, [
      { id: 1, args: rowArgs("Bình Hòa", "2025-03-12") },
      { id: 2, args: { ...rowArgs("Bình Hòa", "2025-03-13"), date: "2024-02-30" } },
      { id: 3, args: rowArgs("Bình Hòa", "2025-03-10", 5) }, // Bình Hòa's own device wrote this row: a conflict
    ]);
    await api.push(first, [{ id: 3, args: rowArgs("Bình Hòa", "2025-03-10", 5) }]);
    const after = await metrics();
    const grew = (name: string) => value(after, name) - value(before, name);
    expect(grew('danvan_pushes_total{status="200"}')).toBe(2);
    expect(grew('danvan_mutations_total{status="applied"}')).toBe(1);
    expect(grew('danvan_mutations_total{status="rejected"}')).toBe(1);
    expect(grew('danvan_mutations_total{status="conflict"}')).toBe(1);
    expect(grew('danvan_mutations_total{status="duplicate"}')).toBe(1);
    expect(grew("danvan_push_duration_seconds_count")).toBe(2);
    expect(value(after, "danvan_open_conflicts")).toBe(1);
    expect(((await api.pull(first)).body as PullResponse).conflicts).toHaveLength(1);
    expect(after).toMatch(/^# TYPE danvan_push_duration_seconds histogram$/m);
  });

  test("/health says the store answers, and fails cleanly (503, typed) when it stops answering", async () => {
    const healthy = await api.send("GET", "/health");
    expect(healthy.status).toBe(200);
    expect(HealthResponse.parse(healthy.body)).toEqual({
      ok: true,
      store: target.name,
      reachable: true,
    });
    // A store of its own, taken away under a running server.
    const lost = await target.open();
    const { app: lonely, url } = await listen(lost.db);
    const api2 = http(url);
    try {
      await lost.db.close();
      await lost.cleanup();
      const down = await api2.send("GET", "/health");
      expect(down.status).toBe(503);
      expect(HealthResponse.parse(down.body)).toEqual({
        ok: false,
        store: target.name,
        reachable: false,
        error: "Không kết nối được kho dữ liệu.",
      });
      const push = await api2.post(
        "/pull",
        { protocolVersion: 2, clientID: "0123456789", cookie: null },
        "token"
      );
      expect(push.status).toBe(503);
      expect(ErrorBody.parse(push.body)).toEqual({
        code: "unavailable",
        error: "Máy chủ tạm thời không kết nối được kho dữ liệu; thử lại sau.",
      });
    } finally {
      await lonely.close();
    }
  });
});

test("danvan serve logs one JSON line per request by default, and nothing with --log-level silent", async () => {
  const dir = mkdtempSync(join(tmpdir(), "danvan-serve-"));
  const bin = join(__dirname, "../../bin/danvan.js");
  const port = 22000 + (process.pid % 20000);
  const run = async (extra: string[]) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [bin, "serve", "--port", String(port), "--db", join(dir, "d.db"), ...extra],
      { stdio: ["ignore", "pipe", "pipe"] }
    );
    let out = "";
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    while (!out.includes("chạy tại")) await new Promise((r) => setTimeout(r, 50));
    await fetch(`http://127.0.0.1:${port}/health`);
    await new Promise((r) => setTimeout(r, 300));
    child.kill("SIGTERM");
    await new Promise((r) => child.once("close", r));
    return out
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as LogLine);
  };
  try {
    expect((await run([])).filter((l) => l.msg === "request")).toMatchObject([
      { route: "/health", status: 200, level: 30 },
    ]);
    expect(await run(["--log-level", "silent"])).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
