/** kill -9 of the server on SQLite while devices push: every acknowledged push is there after the restart. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCampaign } from "../../server/admin";
import { openDatabase } from "../../server/store/open";
import { fetchTransport } from "../../src/sync/client";
import { PROTOCOL_VERSION, type EnrollResponse, type PullResponse } from "../../src/sync/protocol";
import { cleanPlan } from "../helpers/plans";

const BIN = join(__dirname, "../../bin/danvan.js");

function startServer(db: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", String(port), "--db", db], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("chạy tại") && resolve(child));
    child.on("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
}

test("acknowledged pushes survive kill -9 of the server", async () => {
  const dir = mkdtempSync(join(tmpdir(), "danvan-crash-"));
  const dbPath = join(dir, "danvan.db");
  const setup = await openDatabase(dbPath);
  const { codes } = await createCampaign(setup, cleanPlan());
  await setup.close();
  const port = 20000 + (process.pid % 20000);
  const url = `http://127.0.0.1:${port}`;
  let server = await startServer(dbPath, port);
  const t = fetchTransport(url);
  const device = (await t.post("/enroll", { code: codes.hamlets["Bình Hòa"] }, ""))
    .body as EnrollResponse;

  const acknowledged = new Map<number, number>();
  let id = 1;
  const pushing = (async () => {
    for (; id <= 5000; id++) {
      const value = id * 7;
      const r = await t
        .post(
          "/push",
          {
            protocolVersion: PROTOCOL_VERSION,
            clientID: device.clientID,
            mutations: [
              {
                id,
                name: "putRow",
                args: {
                  hamlet: "Bình Hòa",
                  date: `2025-03-${String(10 + (id % 5)).padStart(2, "0")}`,
                  baseVersion: 0,
                  values: { phat_quang_m: value },
                  note: "",
                  reporter: "",
                  sentAt: null,
                },
              },
            ],
          },
          device.token
        )
        .catch(() => null);
      if (!r) return;
      if (r.status === 200) acknowledged.set(id, value);
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  server.kill("SIGKILL");
  await pushing;
  expect(acknowledged.size).toBeGreaterThan(10);

  server = await startServer(dbPath, port);
  try {
    const pulled = (
      await t.post(
        "/pull",
        { protocolVersion: PROTOCOL_VERSION, clientID: device.clientID, cookie: null },
        device.token
      )
    ).body as PullResponse;
    // Each day's row holds the last acknowledged value sent for it, or a later one the server committed.
    const lastAcked = Math.max(...acknowledged.keys());
    expect(pulled.lastMutationID).toBeGreaterThanOrEqual(lastAcked);
    for (const [mid, value] of acknowledged) {
      const date = `2025-03-${String(10 + (mid % 5)).padStart(2, "0")}`;
      const row = pulled.rows.find((r) => r.date === date)!;
      expect(row).toBeDefined();
      if (mid > lastAcked - 5) expect(row.values.phat_quang_m).toBeGreaterThanOrEqual(value);
    }
  } finally {
    server.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
