/**
 * Stores and servers for the sync tests: a real SQLite file, a real PostgreSQL database (a fresh one per suite)
 * and the real server listening on loopback.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { FastifyInstance } from "fastify";
import type { AddressInfo } from "node:net";
import { type AppOptions, buildApp } from "../../server/app";
import type { Database } from "../../server/store/database";
import { openDatabase } from "../../server/store/open";

export const PG_URL = process.env.DANVAN_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

/** Asked once, synchronously, so Jest can name the cases before running them. */
function postgresReachable(): boolean {
  const probe = `const c=new (require("pg").Client)({connectionString:process.argv[1],connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))`;
  return (
    spawnSync(process.execPath, ["-e", probe, PG_URL], { timeout: 10_000, cwd: __dirname })
      .status === 0
  );
}

export interface StoreTarget {
  name: "sqlite" | "postgres";
  open(): Promise<{ db: Database; url: string; cleanup: () => Promise<void> }>;
}

const sqlite: StoreTarget = {
  name: "sqlite",
  async open() {
    const dir = mkdtempSync(join(tmpdir(), "danvan-db-"));
    const url = join(dir, "danvan.db");
    const db = await openDatabase(url);
    return { db, url, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

const postgres: StoreTarget = {
  name: "postgres",
  async open() {
    const name = `danvan_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = PG_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
    const db = await openDatabase(url);
    return {
      db,
      url,
      cleanup: async () => {
        const drop = new pg.Client({ connectionString: PG_URL });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      },
    };
  },
};

/**
 * SQLite always; PostgreSQL when it answers. Without it, `npm test` says so and skips those cases; under CI
 * (CI=true) a missing PostgreSQL fails the run instead.
 */
export function storeTargets(): StoreTarget[] {
  if (postgresReachable()) return [sqlite, postgres];
  if (process.env.CI)
    throw new Error(`PostgreSQL is not reachable at ${PG_URL}; CI never skips its cases.`);
  console.warn(
    `PostgreSQL is not reachable at ${PG_URL}: the PostgreSQL sync cases are skipped (CI runs them).`
  );
  return [sqlite];
}

/** The real server on a free loopback port; quiet unless a test asks for its log. */
export async function listen(
  db: Database,
  options: Partial<AppOptions> = {}
): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp({
    db,
    corsOrigin: "https://localhost:3000",
    log: { level: "silent" },
    ...options,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}
