/**
 * The roll-up for `npm run bench -- --only rollup`, on PostgreSQL: a province of 100 communes and the whole
 * country (3,321 communes, under 34 districts) in one store, each commune having sent its day's report through
 * the same push the devices use; then the province's device asks `POST /rollup` of the server (a process of its
 * own) through the sync session, as `danvan rollup` and the task pane do. The median of several asks.
 */
import pg from "pg";
import { createProvince } from "../server/admin";
import { issueCodeFor, createCampaignFor } from "../server/hierarchy";
import { openDatabase } from "../server/store/open";
import type { Database } from "../server/store/database";
import { enroll, push } from "../server/sync";
import { buildCommuneReport } from "../src/core/rollup";
import { fetchTransport } from "../src/sync/client";
import { memoryPlace } from "../src/sync/saved";
import { SyncSession } from "../src/sync/session";
import { freshStore, serve } from "./sync";
import { syntheticPlan } from "./synthetic";
import { median } from "./timing";

const DAY = "2024-12-12";
const COUNTRY = Number(process.env.DANVAN_BENCH_COMMUNES ?? 3321);
const ASKS = 5;

export interface RollupFigures {
  communes: number;
  seconds: number;
  province: { communes: number; seconds: number };
}

/** One commune's day, as its device builds it: a plan of 19 hamlets with the day's journal. */
function dayReport(commune: string, late: boolean) {
  const plan = syntheticPlan(19, 1, 15);
  const sentAt = { date: DAY, minutes: late ? 17 * 60 : 15 * 60 + 40 };
  return buildCommuneReport(plan, DAY, sentAt, { commune });
}

/**
 * A province whose `n` communes (under `districts` districts, or directly under it) each enrolled, created a
 * campaign and sent the day's report; returns the province device's token. Eight communes at a time.
 */
async function province(db: Database, name: string, n: number, districts: number): Promise<string> {
  const provinceDevice = await enroll(db, (await createProvince(db, name)).code, "Máy tỉnh");
  const caller = { token: provinceDevice.token };
  const plan = syntheticPlan(19, 1, 15);
  plan.journal = [];
  const report = dayReport("Xã", false);
  const late = dayReport("Xã", true);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let c = next++; c < n; c = next++) {
        if (c % 500 === 0) process.stderr.write(`Chuẩn bị ${name}: ${c}/${n} xã…\n`);
        const target = districts
          ? { commune: `Xã ${c + 1}`, district: `Huyện ${(c % districts) + 1}` }
          : { commune: `Xã ${c + 1}` };
        const { code } = await issueCodeFor(db, caller, target);
        const commune = await enroll(db, code, `Máy xã ${c + 1}`);
        await createCampaignFor(db, { token: commune.token }, plan);
        const args = c % 10 === 3 ? late : report;
        await push(db, { token: commune.token }, commune.clientID, [
          { id: 1, name: "putReport", args },
        ]);
      }
    })
  );
  return provinceDevice.token;
}

/** The median seconds of `ASKS` roll-ups of DAY asked by the province device; checks each answer's size. */
async function timeRollup(base: string, token: string, communes: number): Promise<number> {
  const identity = {
    clientID: "bench-province",
    token,
    scope: "province" as const,
    campaign: null,
    commune: "",
    hamlet: null,
    server: base,
  };
  const session = new SyncSession(identity, {
    transport: fetchTransport(base),
    outbox: [memoryPlace()],
    notify: () => undefined,
  });
  const seconds: number[] = [];
  for (let i = 0; i < ASKS; i++) {
    const t0 = process.hrtime.bigint();
    const { rollup } = await session.rollup(DAY);
    seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const sent = Object.keys(rollup.communes).length;
    if (sent !== communes) throw new Error(`roll-up of ${sent} communes, not ${communes}`);
  }
  return Math.round(median(seconds) * 1000) / 1000;
}

export async function rollupBench(): Promise<{
  lines: string[];
  results: { rollup?: RollupFigures };
}> {
  const store = await freshStore("postgres", "rollup");
  try {
    const db = await openDatabase(store.url);
    const small = await province(db, "Tây Ninh", 100, 0);
    const country = await province(db, "Cả nước", COUNTRY, 34);
    await db.close();
    const vacuum = new pg.Client({ connectionString: store.url });
    await vacuum.connect();
    await vacuum.query("VACUUM ANALYZE");
    await vacuum.end();
    const server = await serve(store.url);
    try {
      const provinceSeconds = await timeRollup(server.base, small, 100);
      const countrySeconds = await timeRollup(server.base, country, COUNTRY);
      const rollup = {
        communes: COUNTRY,
        seconds: countrySeconds,
        province: { communes: 100, seconds: provinceSeconds },
      };
      return {
        lines: [
          `Tổng hợp báo cáo các xã (POST /rollup qua phiên đồng bộ, PostgreSQL, trung vị ${ASKS} lần):`,
          `  một tỉnh 100 xã: ${provinceSeconds} s; cả nước ${COUNTRY} xã: ${countrySeconds} s`,
        ],
        results: { rollup },
      };
    } finally {
      await server.stop();
    }
  } finally {
    await store.drop();
  }
}
