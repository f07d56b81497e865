/** `danvan serve`, `danvan admin …`, `danvan enroll` and `danvan sync`. */
import { readPlan } from "../core/reader";
import { formatDate } from "../core/dates";
import { AuthError, SyncClient, fetchTransport } from "../sync/client";
import { EnrollResponse } from "../sync/protocol";
import { rowsToSend } from "../sync/rows";
import { InputError, openWorkbook } from "../xlsx/files";
import { writeJournalRows } from "../xlsx/journal";
import { workbookToGrid } from "../xlsx/read";
import { type Args, UsageError } from "./args";
import type { Output } from "./commands";
import { fileStateStore, loadIdentity, lockHome, saveIdentity } from "./sync-home";

// The server is loaded only by the commands that run it, so the rest of the CLI starts without it.

const server = () => require("../../server/main") as typeof import("../../server/main");

const json = (value: unknown) => JSON.stringify(value, null, 2);

function option(args: Args, name: string): string {
  const value = args.options.get(name);
  if (!value) throw new UsageError(`Thiếu --${name}.`);
  return value;
}

function port(args: Args): number {
  const p = Number(args.options.get("port") ?? 8787);
  if (!Number.isInteger(p) || p < 1 || p > 65535)
    throw new UsageError(`--port "${args.options.get("port")}" không hợp lệ.`);
  return p;
}

export async function serve(args: Args): Promise<Output> {
  const { startServer } = server();
  const running = await startServer({
    port: port(args),
    host: args.options.get("host") ?? "127.0.0.1",
    db: args.options.get("db"),
    corsOrigin: args.options.get("cors-origin"),
  });
  process.stdout.write(
    `Máy chủ đồng bộ DanVan chạy tại ${running.url} (kho: ${running.store}). Ctrl+C để dừng.\n`
  );
  await running.closed;
  return { stdout: "", code: 0 };
}

export async function admin(args: Args): Promise<Output> {
  const [what, verb] = args.positional;
  const { withDatabase, createCampaign, issueHamletCode, revokeDevice } = server();
  const db = args.options.get("db");
  if (what === "campaign" && verb === "create") {
    const { plan, findings } = readPlan(workbookToGrid(await openWorkbook(option(args, "from"))));
    const blocking = findings.filter(
      (f) => f.code === "SHEET_MISSING" || f.code === "HEADER_MISSING"
    );
    if (blocking.length) throw new InputError(`Sổ chưa dùng được: ${blocking[0].message}`);
    const created = await withDatabase(db, (d) =>
      createCampaign(d, plan, args.options.get("province"))
    );
    if (args.switches.has("json")) return { stdout: json(created), code: 0 };
    const lines = [
      `Đã tạo đợt ${created.campaign}. Mã đăng ký (mỗi mã dùng một lần):`,
      `  Xã: ${created.codes.commune}`,
    ];
    for (const [h, c] of Object.entries(created.codes.hamlets)) lines.push(`  Ấp ${h}: ${c}`);
    return { stdout: lines.join("\n"), code: 0 };
  }
  if (what === "code") {
    const campaign = args.options.get("campaign");
    const issued = await withDatabase(db, (d) =>
      issueHamletCode(d, option(args, "hamlet"), campaign ? Number(campaign) : undefined)
    );
    return {
      stdout: args.switches.has("json")
        ? json({ code: issued.code })
        : `Mã mới cho ấp ${option(args, "hamlet")}: ${issued.code}`,
      code: 0,
    };
  }
  if (what === "revoke") {
    const ok = await withDatabase(db, (d) => revokeDevice(d, Number(option(args, "device"))));
    if (!ok) throw new InputError(`Không có thiết bị số ${args.options.get("device")}.`);
    return { stdout: `Đã thu hồi thiết bị ${args.options.get("device")}.`, code: 0 };
  }
  throw new UsageError(
    "Dùng: danvan admin campaign create --from SO.xlsx | admin code --hamlet TÊN | admin revoke --device SỐ (kèm --db URL)."
  );
}

async function reach<T>(server: string, what: () => Promise<T>): Promise<T> {
  try {
    return await what();
  } catch (e) {
    if (e instanceof AuthError)
      throw new InputError(`${e.message} Chạy "danvan enroll" với mã mới.`);
    if (e instanceof InputError || e instanceof UsageError) throw e;
    throw new InputError(
      `Không kết nối được máy chủ ${server}: ${e instanceof Error ? e.message : String(e)}`
    );
  }
}

export async function enrollCommand(args: Args): Promise<Output> {
  const url = option(args, "server");
  const response = await reach(url, () =>
    fetchTransport(url).post(
      "/enroll",
      { code: option(args, "code"), name: args.options.get("name") ?? "Máy tính" },
      ""
    )
  );
  if (response.status !== 200)
    throw new InputError(
      (response.body as { error?: string })?.error ?? `Máy chủ trả lời ${response.status}.`
    );
  const identity = { ...EnrollResponse.parse(response.body), server: url };
  saveIdentity(identity);
  const who = identity.hamlet
    ? `ấp ${identity.hamlet}, xã ${identity.commune}`
    : `xã ${identity.commune}`;
  const stdout = args.switches.has("json")
    ? json({
        clientID: identity.clientID,
        scope: identity.scope,
        campaign: identity.campaign,
        commune: identity.commune,
        hamlet: identity.hamlet,
      })
    : `Đã đăng ký thiết bị cho ${who}.`;
  return { stdout, code: 0 };
}

/** Pushes the journal rows this device may write, pulls what it may read into the workbook. Safe to rerun. */
export async function syncCommand(args: Args): Promise<Output> {
  const file = args.positional[0];
  if (!file) throw new UsageError("Thiếu tên tệp Excel.");
  const identity = loadIdentity();
  const url = args.options.get("server") ?? identity.server;
  const wb = await openWorkbook(file);
  const { plan } = readPlan(workbookToGrid(wb));
  const unlock = lockHome();
  try {
    const client = new SyncClient(fetchTransport(url), fileStateStore(identity.campaign), identity);
    await client.open();
    const { rows, refused } = rowsToSend(plan, identity);
    await client.enqueue(rows);
    const results = await reach(url, () => client.push());
    const pulled = await reach(url, () => client.pull());
    const written = writeJournalRows(wb, pulled.rows);
    if (written) await wb.xlsx.writeFile(file);
    const report = {
      pushed: results.filter((r) => r.status === "applied" || r.status === "duplicate").length,
      pulled: written,
      refused: [
        ...refused,
        ...results
          .filter((r) => r.status === "rejected")
          .map((r) => ({ hamlet: "", date: "", reason: r.reason ?? "" })),
      ],
      conflicts: [
        ...results
          .filter((r) => r.status === "conflict")
          .map((r) => ({ mutation: r.id, reason: r.reason })),
        ...pulled.conflicts.map((c) => ({
          id: c.id,
          hamlet: c.hamlet,
          date: c.date,
          device: c.device,
          current: c.current,
          proposed: c.proposed,
        })),
      ],
      pending: client.pending.length,
    };
    const code = client.pending.length === 0 ? 0 : 1;
    if (args.switches.has("json")) return { stdout: json(report), code };
    return {
      stdout: [
        `Đã gửi ${report.pushed} dòng, nhận ${report.pulled} dòng vào ${file}.`,
        ...report.refused.map(
          (r) => `Không gửi ${r.hamlet} ${r.date ? formatDate(r.date) : ""}: ${r.reason}`
        ),
        ...(report.conflicts.length
          ? [`${report.conflicts.length} xung đột chờ xã giải quyết.`]
          : []),
      ].join("\n"),
      code,
    };
  } finally {
    unlock();
  }
}
