/**
 * The sync server as the bench runs it: a process of its own, as deployed, apart from the devices that load it;
 * logging at info as deployed, into a sink. Tells its parent its port, and on request its CPU time.
 */
import type { AddressInfo } from "node:net";
import { buildApp } from "../server/app";
import { openDatabase } from "../server/store/open";

async function main(): Promise<void> {
  const [url, pool] = process.argv.slice(2);
  const db = await openDatabase(url, { pool: pool ? Number(pool) : undefined });
  const app = await buildApp({
    db,
    enrollPerMinute: 1_000_000,
    log: { level: "info", stream: { write: () => undefined } },
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  process.send!({ port: (app.server.address() as AddressInfo).port });
  const stop = async () => {
    await app.close();
    await db.close();
  };
  process.on("message", (message) => {
    if (message === "cpu") {
      const { user, system } = process.cpuUsage();
      process.send!({ cpuMs: (user + system) / 1000 });
      return;
    }
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Máy chủ đồng bộ không đóng được:", error);
        process.exit(1);
      }
    );
  });
}

void main();
