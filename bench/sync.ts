/** Sync figures for `npm run bench`: pushes per second and latency at 10 and 50 devices, beside the raw store. */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCampaign } from "../server/admin";
import { buildApp } from "../server/app";
import type { Database } from "../server/store/database";
import { openDatabase } from "../server/store/open";
import { fetchTransport } from "../src/sync/client";
import { PROTOCOL_VERSION, type EnrollResponse } from "../src/sync/protocol";
import { median } from "./timing";
import { syntheticPlan } from "./synthetic";

const PG = process.env.DANVAN_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Sequential one-row write transactions straight on the store: the rate its durability allows. */
async function rawWriteRate(db: Database, n: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    await db.write((tx) => tx.run("INSERT INTO audit (campaign_id, hamlet_id, day, device_id, action, version, at) VALUES (0, 0, ?, 0, 'bench', ?, ?)", ["2024-12-10", i, new Date().toISOString()]));
  }
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Each device pushes one row at a time and waits for the acknowledgement, as the client does. */
async function pushRate(url: string, devices: EnrollResponse[], pushesEach: number, next: Map<string, number>) {
  const t = fetchTransport(url);
  const latencies: number[] = [];
  const start = process.hrtime.bigint();
  await Promise.all(
    devices.map(async (d, k) => {
      for (let i = 0; i < pushesEach; i++) {
        const id = next.get(d.clientID) ?? 1;
        next.set(d.clientID, id + 1);
        const date = `2024-12-${String(10 + (i % 15)).padStart(2, "0")}`;
        const args = { hamlet: d.hamlet, date, baseVersion: 0, values: { phat_quang_m: id * 10 + k }, note: "", reporter: "", sentAt: `${date}T14:00` };
        const t0 = process.hrtime.bigint();
        const r = await t.post("/push", { protocolVersion: PROTOCOL_VERSION, clientID: d.clientID, mutations: [{ id, name: "putRow", args }] }, d.token);
        if (r.status !== 200) throw new Error(`push ${r.status}`);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    })
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { perSecond: latencies.length / seconds, p50: median(latencies), p99: percentile(latencies, 99) };
}

async function benchStore(name: string, open: () => Promise<{ db: Database; close: () => Promise<void> }>): Promise<string[]> {
  const { db, close } = await open();
  try {
    const plan = syntheticPlan(50, 1, 15);
    const { codes } = await createCampaign(db, plan);
    const app = await buildApp({ db, enrollPerMinute: 1000 });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const t = fetchTransport(url);
    const devices: EnrollResponse[] = [];
    for (const code of Object.values(codes.hamlets)) devices.push((await t.post("/enroll", { code }, "")).body as EnrollResponse);
    const raw = await rawWriteRate(db, 300);
    const next = new Map<string, number>();
    const ten = await pushRate(url, devices.slice(0, 10), 30, next);
    const fifty = await pushRate(url, devices, 8, next);
    await app.close();
    return [
      `Đồng bộ trên ${name}: kho ghi trực tiếp ${raw.toFixed(0)} giao dịch/s`,
      `  10 thiết bị: ${ten.perSecond.toFixed(0)} lần gửi/s (${(ten.perSecond / raw).toFixed(2)}× kho), p50 ${ten.p50.toFixed(1)} ms, p99 ${ten.p99.toFixed(1)} ms`,
      `  50 thiết bị: ${fifty.perSecond.toFixed(0)} lần gửi/s (${(fifty.perSecond / raw).toFixed(2)}× kho), p50 ${fifty.p50.toFixed(1)} ms, p99 ${fifty.p99.toFixed(1)} ms`,
    ];
  } finally {
    await close();
  }
}

export async function syncBench(): Promise<string[]> {
  const out = await benchStore("SQLite (WAL, synchronous=FULL)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "danvan-bench-"));
    const db = await openDatabase(join(dir, "bench.db"));
    return { db, close: async () => (await db.close(), rmSync(dir, { recursive: true, force: true })) };
  });
  try {
    const pg = await import("pg");
    const admin = new pg.default.Client({ connectionString: PG });
    await admin.connect();
    const name = `danvan_bench_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    out.push(
      ...(await benchStore("PostgreSQL", async () => {
        const db = await openDatabase(PG.replace(/\/[^/?]*(\?|$)/, `/${name}$1`));
        return { db, close: async () => (await db.close(), await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`), await admin.end()) };
      }))
    );
  } catch (e) {
    out.push(`PostgreSQL: không chạy được (${e instanceof Error ? e.message : String(e)})`);
  }
  return out;
}
