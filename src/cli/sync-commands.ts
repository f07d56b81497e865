/** `danvan serve`, `danvan admin …`, `danvan enroll` and `danvan sync`. */
import { formatDate } from "../core/dates";
import { fetchTransport } from "../sync/client";
import { enroll } from "../sync/identity";
import type { SyncOutcome } from "../sync/session";
import { InputError, openWorkbook } from "../xlsx/files";
import { fileJournal } from "../xlsx/journal";
import type { Database } from "../../server/store/database";
import { type Args, UsageError } from "./args";
import type { Output } from "./commands";
import { failure } from "./failure";
import { planOf } from "./hierarchy-commands";
import { openSession } from "./open-session";
import { identityPlace, lockHome } from "./sync-home";

// The server is loaded only by the commands that run it, so the rest of the CLI starts without it.

const server = () => require("../../server/main") as typeof import("../../server/main");

const json = (value: unknown) => JSON.stringify(value, null, 2);

function option(args: Args, name: string): string {
  const value = args.options.get(name);
  if (!value) throw new UsageError(`Thiếu --${name}.`);
  return value;
}

/** An optional whole-number option such as --campaign 2. */
function positiveInt(args: Args, name: string): number | undefined {
  const text = args.options.get(name);
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,9}$/.test(text))
    throw new UsageError(`--${name} "${text}" không hợp lệ (cần một số nguyên dương).`);
  return Number(text);
}

function port(args: Args): number {
  const p = Number(args.options.get("port") ?? 8787);
  if (!Number.isInteger(p) || p < 1 || p > 65535)
    throw new UsageError(`--port "${args.options.get("port")}" không hợp lệ.`);
  return p;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** --log-level: how much the server writes to stdout, one JSON line per request at "info" (the default). */
function logLevel(args: Args): (typeof LOG_LEVELS)[number] {
  const level = args.options.get("log-level") ?? "info";
  const known = LOG_LEVELS.find((l) => l === level);
  if (!known)
    throw new UsageError(`--log-level "${level}" không hợp lệ (${LOG_LEVELS.join(", ")}).`);
  return known;
}

export async function serve(args: Args): Promise<Output> {
  const { startServer } = server();
  const db = args.options.get("db");
  const at = port(args);
  const running = await startServer({
    port: at,
    host: args.options.get("host") ?? "127.0.0.1",
    db,
    corsOrigin: args.options.get("cors-origin"),
    logLevel: logLevel(args),
  }).catch((e) => {
    const code = (e as { code?: unknown }).code;
    if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL")
      throw new InputError(
        `Không mở được cổng ${at} (đang có chương trình khác dùng, hoặc không được phép, hoặc --host sai); chọn --port khác.`
      );
    throw storeFailure(e, db);
  });
  process.stdout.write(
    `Máy chủ đồng bộ DanVan chạy tại ${running.url} (kho: ${running.store}). Ctrl+C để dừng.\n`
  );
  await running.closed;
  return { stdout: "", code: 0 };
}

/** A store that cannot be opened, in Vietnamese: the driver's own (English) reason goes to DANVAN_DEBUG only. */
function storeFailure(e: unknown, url: string | undefined): unknown {
  const { AdminError, StoreUnavailable, DEFAULT_DB } = server();
  if (e instanceof AdminError) return new InputError(e.message);
  if (!(e instanceof StoreUnavailable)) return e;
  if (process.env.DANVAN_DEBUG) console.error(e.cause);
  return new InputError(
    `Không mở được kho dữ liệu ${url ?? DEFAULT_DB}: kiểm tra --db (tệp SQLite của DanVan, hoặc postgres://… đang chạy và cho kết nối).`
  );
}

/** The store an admin command works on; its refusals and an unreachable store as one Vietnamese line. */
async function withStore<T>(url: string | undefined, fn: (db: Database) => Promise<T>): Promise<T> {
  return server()
    .withDatabase(url, fn)
    .catch((e) => {
      throw storeFailure(e, url);
    });
}

export async function admin(args: Args): Promise<Output> {
  const [what, verb] = args.positional;
  const { createCampaign, createProvince, issueHamletCode, revokeDevice } = server();
  const db = args.options.get("db");
  if (what === "org" && verb === "create") {
    const kind = args.options.get("kind") ?? "province";
    if (kind !== "province")
      throw new UsageError(
        `--kind "${kind}": máy chủ chỉ tạo tỉnh; huyện và xã do tỉnh cấp mã (danvan code).`
      );
    const created = await withStore(db, (d) => createProvince(d, option(args, "name")));
    return {
      stdout: args.switches.has("json")
        ? json({ org: created.org, code: created.code, expires_at: created.expires_at })
        : `Tỉnh ${option(args, "name")} (số ${created.org}). Mã đăng ký cho thiết bị của tỉnh: ${created.code}`,
      code: 0,
    };
  }
  if (what === "campaign" && verb === "create") {
    const plan = await planOf(option(args, "from"));
    const created = await withStore(db, (d) =>
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
    const hamlet = option(args, "hamlet");
    const target = {
      campaign: positiveInt(args, "campaign"),
      commune: args.options.get("commune"),
    };
    const issued = await withStore(db, (d) => issueHamletCode(d, hamlet, target));
    return {
      stdout: args.switches.has("json")
        ? json(issued)
        : `Mã mới cho ấp ${hamlet} (đợt ${issued.campaign}): ${issued.code}`,
      code: 0,
    };
  }
  if (what === "revoke") {
    const device = positiveInt(args, "device");
    if (device === undefined) throw new UsageError("Thiếu --device.");
    const ok = await withStore(db, (d) => revokeDevice(d, device));
    if (!ok) throw new InputError(`Không có thiết bị số ${device}.`);
    return { stdout: `Đã thu hồi thiết bị ${device}.`, code: 0 };
  }
  throw new UsageError(
    "Dùng: danvan admin org create --kind province --name TỈNH | admin campaign create --from SO.xlsx [--province TỈNH] | admin code --hamlet TÊN [--campaign SỐ | --commune XÃ] | admin revoke --device SỐ (kèm --db URL)."
  );
}

export async function enrollCommand(args: Args): Promise<Output> {
  const server = option(args, "server");
  const request = {
    server,
    code: option(args, "code"),
    name: args.options.get("name") ?? "Máy tính",
  };
  const identity = await enroll(fetchTransport(server), request, identityPlace()).catch((e) => {
    throw failure(e, server, []);
  });
  const who = identity.hamlet
    ? `ấp ${identity.hamlet}, xã ${identity.commune}`
    : identity.commune
      ? `xã ${identity.commune}`
      : identity.scope === "district"
        ? `huyện ${identity.district}`
        : `tỉnh ${identity.province}`;
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
  const wb = await openWorkbook(file);
  const unlock = lockHome();
  try {
    const { run, notices } = await openSession(args, {
      journal: fileJournal(wb, file),
      queued: true,
    });
    const outcome = await run((s) => s.sync());
    const code = outcome.pending === 0 ? 0 : 1;
    if (args.switches.has("json")) return { stdout: json({ ...outcome, notices }), code };
    return { stdout: printSync(outcome, file, notices), code };
  } finally {
    unlock();
  }
}

function printSync(outcome: SyncOutcome, file: string, notices: string[]): string {
  const day = (r: { hamlet: string; date: string }) => `ấp ${r.hamlet} ngày ${formatDate(r.date)}`;
  return [
    `Đã gửi ${outcome.pushed} dòng, nhận ${outcome.pulled} dòng vào ${file}.`,
    ...outcome.refused.map((r) => `Không gửi ${day(r)}: ${r.reason}`),
    ...outcome.conflicts.map((c) => `Xung đột ${day(c)}: ${c.reason}`),
    ...outcome.reports.map((r) =>
      r.sent
        ? `Đã gửi báo cáo ngày ${formatDate(r.date)} lên cấp trên${r.version ? ` (lần ${r.version})` : ""}.`
        : `Báo cáo ngày ${formatDate(r.date)} không được nhận: ${r.reason}`
    ),
    ...(outcome.pending ? [`Còn ${outcome.pending} dòng chờ gửi.`] : []),
    ...notices.map((n) => `Chú ý: ${n}`),
  ].join("\n");
}
