/** Running the sync server, and the admin operations the CLI reaches through here. */
import type { LogLevel } from "fastify";
import { buildApp } from "./app";
import type { Database } from "./store/database";
import { DEFAULT_DB, openDatabase } from "./store/open";

export { AdminError, createCampaign, createProvince, issueHamletCode, revokeDevice } from "./admin";
export { StoreUnavailable } from "./store/database";
export { DEFAULT_DB } from "./store/open";

export async function withDatabase<T>(
  url: string | undefined,
  fn: (db: Database) => Promise<T>
): Promise<T> {
  const db = await openDatabase(url ?? DEFAULT_DB);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export interface RunningServer {
  url: string;
  store: string;
  closed: Promise<void>;
  close(): Promise<void>;
}

export async function startServer(options: {
  port: number;
  host: string;
  db?: string;
  corsOrigin?: string;
  logLevel?: LogLevel;
}): Promise<RunningServer> {
  const db = await openDatabase(options.db ?? DEFAULT_DB);
  const app = await buildApp({
    db,
    corsOrigin: options.corsOrigin,
    log: { level: options.logLevel },
  });
  await app.listen({ port: options.port, host: options.host });
  let close!: () => Promise<void>;
  const closed = new Promise<void>((resolve) => {
    close = async () => {
      await app.close();
      await db.close();
      resolve();
    };
  });
  process.once("SIGINT", () => void close());
  process.once("SIGTERM", () => void close());
  return {
    url: `http://${options.host}:${options.port}`,
    store: db.dialect === "sqlite" ? `SQLite ${options.db ?? DEFAULT_DB}` : "PostgreSQL",
    closed,
    close,
  };
}
