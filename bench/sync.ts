/**
 * Sync figures for `npm run bench`: per store, the raw write-transaction rate and pushes per second with p50/p99
 * at 10 and 50 devices (spread over 10 communes); and the national day on PostgreSQL — every hamlet of every
 * commune pushing its day's row through many concurrent devices. The server runs in a process of its own, as
 * deployed; each figure is the median of several runs, with the CPU each side spent per push.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fork } from "node:child_process";
import { Agent, request } from "node:http";
import pg from "pg";
import { createCampaign } from "../server/admin";
import type { Database } from "../server/store/database";
import { openDatabase } from "../server/store/open";
import { enroll } from "../server/sync";
import type { Plan } from "../src/core/model";
import { PROTOCOL_VERSION, type EnrollResponse } from "../src/sync/protocol";
import { syntheticPlan } from "./synthetic";
import { median, percentile } from "./timing";

const PG = process.env.DANVAN_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const RUNS = 3;
/** The country after the 2025 reform: 3,321 communes, about 19 hamlets each. */
const NATIONAL = {
  communes: Number(process.env.DANVAN_BENCH_COMMUNES ?? 3321),
  hamletsEach: 19,
  concurrency: 64,
};

export interface DeviceFigures {
  pushes_per_s: number;
  p50_ms: number;
  p99_ms: number;
  /** Where the time goes: CPU milliseconds per push in the server, the devices (HTTP client) and PostgreSQL. */
  cpu_ms_per_push?: { server: number; devices: number; postgres?: number };
}
export interface StoreFigures {
  raw_tps: number;
  /**
   * The ceiling one server process sets, measured in the same run: GET /health (one store query, no body, no
   * write) from the same 10 devices. A push can be no faster than the cheapest request that reaches the store.
   */
  health_per_s: number;
  devices: Record<"10" | "50", DeviceFigures>;
}
export interface NationalFigures extends DeviceFigures {
  store: "postgres";
  communes: number;
  hamlets: number;
  pushes: number;
  seconds: number;
  concurrency: number;
}
export interface SyncResults {
  sync: Partial<Record<"sqlite" | "postgres", StoreFigures>>;
  national?: NationalFigures;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A store of its own for one bench: a temporary SQLite file or a new PostgreSQL database, dropped afterwards. */
export async function freshStore(
  kind: "sqlite" | "postgres",
  name: string
): Promise<{ url: string; database: string | null; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "danvan-bench-"));
    return {
      url: join(dir, "bench.db"),
      database: null,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const database = `danvan_bench_${process.pid}_${name}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: PG });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`DROP DATABASE IF EXISTS ${database}`);
  await admin(`CREATE DATABASE ${database}`);
  return {
    url: PG.replace(/\/[^/?]*(\?|$)/, `/${database}$1`),
    database,
    drop: () => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
  };
}

interface Server {
  base: string;
  /** CPU milliseconds the server process has used so far. */
  cpuMs: () => Promise<number>;
  stop: () => Promise<void>;
}

/** The server on a free loopback port, in a process of its own (DANVAN_BENCH_PROFILE=1: with a CPU profile). */
export async function serve(url: string, pool?: number): Promise<Server> {
  const execArgv = process.env.DANVAN_BENCH_PROFILE
    ? ["--cpu-prof", "--cpu-prof-dir=bench/profiles"]
    : [];
  const child = fork(join(__dirname, "sync-server.js"), [url, String(pool ?? "")], { execArgv });
  const waiting: ((message: unknown) => void)[] = [];
  child.on("message", (message) => waiting.shift()?.(message));
  const answer = <T>() =>
    new Promise<T>((resolve) => waiting.push(resolve as (message: unknown) => void));
  const { port } = await answer<{ port: number }>();
  return {
    base: `http://127.0.0.1:${port}`,
    cpuMs: async () => {
      const reply = answer<{ cpuMs: number }>();
      child.send("cpu");
      return (await reply).cpuMs;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send("close");
      await exited;
    },
  };
}

type BenchDevice = EnrollResponse & { next: number };

/** A commune's plan without its journal: what `admin campaign create` stores, at bench scale. */
function communePlan(name: string, hamlets: number): Plan {
  const plan = syntheticPlan(hamlets, 1, 15);
  plan.settings.place_name = name;
  plan.journal = [];
  return plan;
}

/** Enrols a device per code, eight at a time. */
async function enrollAll(db: Database, codes: string[]): Promise<BenchDevice[]> {
  const devices: BenchDevice[] = new Array(codes.length);
  let i = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let k = i++; k < codes.length; k = i++)
        devices[k] = { ...(await enroll(db, codes[k], `Máy ${k + 1}`)), next: 1 };
    })
  );
  return devices;
}

/** One push of one row, as the client sends it; its latency in ms. */
async function pushRow(base: string, d: BenchDevice, date: string, value: number): Promise<number> {
  const id = d.next++;
  const args = {
    hamlet: d.hamlet,
    date,
    baseVersion: 0,
    values: { quan_doi: 6, nhan_dan: 5, phat_quang_m: value },
    note: "",
    reporter: "",
    sentAt: `${date}T14:00`,
  };
  const body = JSON.stringify({
    protocolVersion: PROTOCOL_VERSION,
    clientID: d.clientID,
    mutations: [{ id, name: "putRow", args }],
  });
  const t0 = process.hrtime.bigint();
  const status = await post(`${base}/push`, body, d.token);
  if (status !== 200) throw new Error(`push ${status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Keep-alive connections, as devices hold them; plain node:http costs the load side less CPU than fetch. */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, body: string, token: string): Promise<number> {
  return send(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      "content-length": Buffer.byteLength(body),
    },
    body,
  });
}

/** One request on the shared agent; its status once the body has been read. */
function send(
  url: string,
  options: { method: string; headers?: Record<string, string | number>; body?: string }
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method, agent, headers: options.headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** GET /health from `clients` devices, `each` one after another: requests per second. */
async function healthRate(base: string, clients: number, each: number): Promise<number> {
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < each; i++)
        if ((await send(`${base}/health`, { method: "GET" })) !== 200) throw new Error("health");
    })
  );
  return (clients * each) / (Number(process.hrtime.bigint() - start) / 1e9);
}

function figures(latencies: number[], seconds: number): DeviceFigures {
  return {
    pushes_per_s: round(latencies.length / seconds, 0),
    p50_ms: round(median(latencies)),
    p99_ms: round(percentile(latencies, 99)),
  };
}

/** CPU milliseconds the PostgreSQL backends serving `database` have used (Linux /proc; 0 elsewhere). */
async function postgresCpuMs(database: string | null): Promise<number> {
  if (!database) return 0;
  const client = new pg.Client({ connectionString: PG });
  await client.connect();
  const { rows } = await client.query("SELECT pid FROM pg_stat_activity WHERE datname = $1", [
    database,
  ]);
  await client.end();
  let ticks = 0;
  for (const { pid } of rows as { pid: number }[]) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A backend that ended meanwhile, or no /proc.
    }
  }
  return ticks * 10;
}

/** Measures `load` (which returns its latencies) with the CPU each side spent per push. */
async function measured(
  server: Server,
  database: string | null,
  load: () => Promise<number[]>
): Promise<DeviceFigures> {
  const [cpu0, server0, pg0] = [
    process.cpuUsage(),
    await server.cpuMs(),
    await postgresCpuMs(database),
  ];
  const start = process.hrtime.bigint();
  const latencies = await load();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const [serverMs, pgMs] = [
    (await server.cpuMs()) - server0,
    (await postgresCpuMs(database)) - pg0,
  ];
  const per = (ms: number) => round(ms / latencies.length, 2);
  return {
    ...figures(latencies, seconds),
    cpu_ms_per_push: {
      server: per(serverMs),
      devices: per((cpu.user + cpu.system) / 1000),
      ...(database ? { postgres: per(pgMs) } : {}),
    },
  };
}

/** Each device pushes `each` rows one after another, waiting for each acknowledgement as the client does. */
function closedLoop(
  server: Server,
  database: string | null,
  devices: BenchDevice[],
  each: number
): Promise<DeviceFigures> {
  return measured(server, database, async () => {
    const latencies: number[] = [];
    await Promise.all(
      devices.map(async (d, k) => {
        for (let i = 0; i < each; i++) {
          const date = `2024-12-${String(10 + ((d.next + k) % 15)).padStart(2, "0")}`;
          latencies.push(await pushRow(server.base, d, date, d.next * 10 + k));
        }
      })
    );
    return latencies;
  });
}

/** Sequential one-row write transactions straight on the store: the rate its durability allows. */
async function rawWriteRate(db: Database, n: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    await db.write((tx) =>
      tx.run(
        "INSERT INTO audit (campaign_id, hamlet_id, day, device_id, action, version, at) VALUES (0, 0, ?, 0, 'bench', ?, ?)",
        ["2024-12-10", i, new Date().toISOString()]
      )
    );
  }
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** The run with the median rate, its percentiles and CPU figures the medians of all runs. */
function medianOf(runs: DeviceFigures[]): DeviceFigures {
  const mid = (f: (r: DeviceFigures) => number | undefined) => median(runs.map((r) => f(r) ?? 0));
  const cpu = runs[0].cpu_ms_per_push;
  return {
    pushes_per_s: mid((r) => r.pushes_per_s),
    p50_ms: mid((r) => r.p50_ms),
    p99_ms: mid((r) => r.p99_ms),
    ...(cpu
      ? {
          cpu_ms_per_push: {
            server: mid((r) => r.cpu_ms_per_push?.server),
            devices: mid((r) => r.cpu_ms_per_push?.devices),
            ...(cpu.postgres !== undefined
              ? { postgres: mid((r) => r.cpu_ms_per_push?.postgres) }
              : {}),
          },
        }
      : {}),
  };
}

/** 50 hamlets in 10 communes; the first ten devices are one per commune. */
async function benchStore(kind: "sqlite" | "postgres"): Promise<StoreFigures> {
  const store = await freshStore(kind, "devices");
  try {
    const db = await openDatabase(store.url);
    const perCommune: string[][] = [];
    for (let c = 0; c < 10; c++)
      perCommune.push(
        Object.values((await createCampaign(db, communePlan(`Xã ${c + 1}`, 5))).codes.hamlets)
      );
    const codes = [0, 1, 2, 3, 4].flatMap((h) => perCommune.map((hamlets) => hamlets[h]));
    const devices = await enrollAll(db, codes);
    const raw: number[] = [];
    for (let r = 0; r < RUNS; r++) raw.push(await rawWriteRate(db, 300));
    await db.close();
    const server = await serve(store.url);
    try {
      const ten: DeviceFigures[] = [];
      const fifty: DeviceFigures[] = [];
      const health: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        health.push(await healthRate(server.base, 10, 40));
        ten.push(await closedLoop(server, store.database, devices.slice(0, 10), 40));
        fifty.push(await closedLoop(server, store.database, devices, 12));
      }
      return {
        raw_tps: round(median(raw), 0),
        health_per_s: round(median(health), 0),
        devices: { "10": medianOf(ten), "50": medianOf(fifty) },
      };
    } finally {
      await server.stop();
    }
  } finally {
    await store.drop();
  }
}

/** A day of the whole country: each hamlet device pushes its day's row once, `concurrency` devices at a time. */
async function benchNational(): Promise<NationalFigures> {
  const { communes, hamletsEach, concurrency } = NATIONAL;
  const store = await freshStore("postgres", "national");
  try {
    const db = await openDatabase(store.url);
    const codes: string[] = [];
    const setup = process.hrtime.bigint();
    for (let c = 0; c < communes; c++) {
      if (c % 500 === 0) process.stderr.write(`Chuẩn bị một ngày cả nước: ${c}/${communes} xã…\n`);
      const created = await createCampaign(
        db,
        communePlan(`Xã ${c + 1}`, hamletsEach),
        `Tỉnh ${(c % 34) + 1}`
      );
      codes.push(...Object.values(created.codes.hamlets));
    }
    const devices = await enrollAll(db, codes);
    await db.close();
    // A settled store, as on the day: statistics known, no autovacuum catching up on the setup mid-run.
    const vacuum = new pg.Client({ connectionString: store.url });
    await vacuum.connect();
    await vacuum.query("VACUUM ANALYZE");
    await vacuum.end();
    process.stderr.write(
      `Đã chuẩn bị ${communes} xã, ${devices.length} thiết bị trong ${round(Number(process.hrtime.bigint() - setup) / 1e9)} s.\n`
    );
    // Hamlets report in no particular order: interleave the communes.
    const order = devices.map((_, i) => (i * 7919) % devices.length);
    const server = await serve(store.url, 20);
    try {
      const start = process.hrtime.bigint();
      const f = await measured(server, store.database, async () => {
        const latencies: number[] = [];
        let next = 0;
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            for (let k = next++; k < order.length; k = next++)
              latencies.push(
                await pushRow(server.base, devices[order[k]], "2024-12-12", 50 + (k % 20))
              );
          })
        );
        return latencies;
      });
      const seconds = round(Number(process.hrtime.bigint() - start) / 1e9);
      return {
        store: "postgres",
        communes,
        hamlets: devices.length,
        pushes: devices.length,
        seconds,
        ...f,
        concurrency,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await store.drop();
  }
}

function cpuText(f: DeviceFigures): string {
  const c = f.cpu_ms_per_push;
  return c
    ? `CPU mỗi lần gửi: máy chủ ${c.server} ms, thiết bị ${c.devices} ms${c.postgres !== undefined ? `, PostgreSQL ${c.postgres} ms` : ""}`
    : "";
}

function storeLines(name: string, f: StoreFigures): string[] {
  const line = (n: "10" | "50") =>
    `  ${n} thiết bị: ${f.devices[n].pushes_per_s} lần gửi/s (${(f.devices[n].pushes_per_s / f.raw_tps).toFixed(2)}× kho), p50 ${f.devices[n].p50_ms} ms, p99 ${f.devices[n].p99_ms} ms; ${cpuText(f.devices[n])}`;
  return [
    `Đồng bộ trên ${name}: kho ghi trực tiếp ${f.raw_tps} giao dịch/s (trung vị ${RUNS} lần); GET /health từ 10 thiết bị ${f.health_per_s}/s`,
    line("10"),
    line("50"),
  ];
}

/** Runs the sync bench: the stores at 10 and 50 devices, and the national day (minutes at full scale). */
export async function syncBench(options: {
  stores: boolean;
  national: boolean;
}): Promise<{ lines: string[]; results: SyncResults }> {
  const results: SyncResults = { sync: {} };
  const lines: string[] = [];
  try {
    if (options.stores) {
      results.sync.sqlite = await benchStore("sqlite");
      lines.push(...storeLines("SQLite (WAL, synchronous=FULL)", results.sync.sqlite));
      results.sync.postgres = await benchStore("postgres");
      lines.push(...storeLines("PostgreSQL", results.sync.postgres));
    }
    if (options.national) {
      const n = (results.national = await benchNational());
      lines.push(
        `Một ngày cả nước trên PostgreSQL: ${n.communes} xã, ${n.hamlets} ấp, ${n.pushes} lần gửi trong ${n.seconds} s (${n.concurrency} thiết bị cùng lúc)`,
        `  ${n.pushes_per_s} lần gửi/s, p50 ${n.p50_ms} ms, p99 ${n.p99_ms} ms; ${cpuText(n)}`
      );
    }
  } catch (e) {
    lines.push(`Đồng bộ: không chạy hết được (${e instanceof Error ? e.message : String(e)})`);
  }
  return { lines, results };
}
