/**
 * The hierarchy from the command line, through the enrolled device's one sync session: `code`, `campaign create`,
 * `devices`, `revoke`, `report --send`, `rollup` and `rollup-settings`. The server checks who may do what.
 */
import {
  formatDate,
  formatTime,
  type LocalDateTime,
  parseDate,
  parseTime,
  vietnamNow,
} from "../core/dates";
import { RESULT_INDICATORS } from "../core/indicators";
import type { Plan } from "../core/model";
import { formatVietnameseNumber } from "../core/quantity";
import { readPlan } from "../core/reader";
import { buildCommuneReport, type Rollup } from "../core/rollup";
import { rollupLayout } from "../core/rollup-layout";
import type { Identity } from "../sync/identity";
import type { CodeTarget, RollupSettingsRequest } from "../sync/protocol";
import type { ReportSent } from "../sync/session";
import { InputError, openWorkbook, writeSheet } from "../xlsx/files";
import { workbookToGrid } from "../xlsx/read";
import { type Args, UsageError } from "./args";
import type { Output } from "./commands";
import { openSession } from "./open-session";
import { lockHome } from "./sync-home";

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** `--hamlet`, `--commune [--district]` or `--district`: whom the code is for. */
function codeTarget(args: Args): CodeTarget {
  const [hamlet, commune, district] = ["hamlet", "commune", "district"].map((n) =>
    args.options.get(n)
  );
  if (hamlet && !commune && !district) return { hamlet };
  if (commune && !hamlet) return district ? { commune, district } : { commune };
  if (district && !hamlet) return { district };
  throw new UsageError(
    "Cần một trong: --hamlet TÊN, --commune TÊN [--district TÊN], --district TÊN."
  );
}

const untilText = (iso: string) => formatDate(vietnamNow(Date.parse(iso)).date);

export async function codeCommand(args: Args): Promise<Output> {
  const target = codeTarget(args);
  const { run } = await openSession(args);
  const issued = await run((s) => s.issueCode(target));
  if (args.switches.has("json"))
    return { stdout: json({ code: issued.code, expires_at: issued.expires_at }), code: 0 };
  const who = { province: "tỉnh", district: "huyện", commune: "xã", hamlet: "ấp" }[issued.scope];
  return {
    stdout: `Mã đăng ký cho ${who} ${issued.name}: ${issued.code} (dùng một lần, đến hết ngày ${untilText(issued.expires_at)}).`,
    code: 0,
  };
}

/** The plan of a workbook, or a Vietnamese refusal when it is not one. */
export async function planOf(path: string): Promise<Plan> {
  const { plan, findings } = readPlan(workbookToGrid(await openWorkbook(path)));
  const blocking = findings.filter(
    (f) => f.code === "SHEET_MISSING" || f.code === "HEADER_MISSING"
  );
  if (blocking.length) throw new InputError(`Sổ chưa dùng được: ${blocking[0].message}`);
  return plan;
}

export async function campaignCommand(args: Args): Promise<Output> {
  const [verb, file] = args.positional;
  if (verb !== "create" || !file)
    throw new UsageError("Dùng: danvan campaign create SO.xlsx [--server URL] [--json].");
  const plan = await planOf(file);
  const { run } = await openSession(args);
  const created = await run((s) => s.createCampaign(plan));
  if (args.switches.has("json")) return { stdout: json(created), code: 0 };
  const lines = [
    `Đã tạo đợt ${created.campaign}. Mã đăng ký của các ấp (mỗi mã dùng một lần, đến hết ngày ${untilText(created.expires_at)}):`,
    ...Object.entries(created.codes.hamlets).map(([h, c]) => `  Ấp ${h}: ${c}`),
  ];
  return { stdout: lines.join("\n"), code: 0 };
}

export async function devicesCommand(args: Args): Promise<Output> {
  const { run } = await openSession(args);
  const devices = await run((s) => s.devices());
  if (args.switches.has("json")) return { stdout: json({ devices }), code: 0 };
  const lines = devices.map(
    (d) =>
      `${String(d.id).padStart(5)}  ${d.name} — ${d.org}${d.parent ? ` (${d.parent})` : ""}${d.revoked ? " [đã thu hồi]" : ""}${d.self ? " [máy này]" : ""}`
  );
  return { stdout: lines.length ? lines.join("\n") : "Không có thiết bị nào.", code: 0 };
}

export async function revokeCommand(args: Args): Promise<Output> {
  const text = args.options.get("device");
  if (text === undefined) throw new UsageError("Thiếu --device SỐ (xem số bằng danvan devices).");
  if (!/^[1-9]\d{0,9}$/.test(text))
    throw new UsageError(
      `--device "${text}" không hợp lệ: cần số của thiết bị như danvan devices in ra (1, 2, …).`
    );
  const { run } = await openSession(args);
  await run((s) => s.revoke(Number(text)));
  return { stdout: `Đã thu hồi thiết bị ${text}.`, code: 0 };
}

/** What `report --send` says, and its exit code: 1 while the report waits in the outbox. */
export async function sendReport(
  args: Args,
  plan: Plan,
  date: string,
  at: LocalDateTime
): Promise<{ result: ReportSent; text: string; code: 0 | 1 }> {
  const { identity, run } = await openSession(args);
  const report = buildCommuneReport(plan, date, at, place(identity));
  const unlock = lockHome();
  try {
    const result = await run((s) => s.sendReport(report));
    if (!result.sent && !result.queued) throw new InputError(result.reason);
    const text = result.sent
      ? `Đã gửi báo cáo ngày ${formatDate(date)} lên cấp trên (lần ${result.version}).`
      : `Chưa kết nối được máy chủ: báo cáo ngày ${formatDate(date)} nằm trong hàng chờ, được gửi (một lần) khi chạy lại report --send hoặc danvan sync.`;
    return { result, text, code: result.sent ? 0 : 1 };
  } finally {
    unlock();
  }
}

function place(identity: Identity) {
  return { commune: identity.commune || "Xã", district: identity.district ?? null };
}

function dateOption(args: Args): string {
  const text = args.options.get("date");
  if (text === undefined) throw new UsageError("Thiếu --date NGÀY (dạng 2024-12-12).");
  const date = parseDate(text);
  if (!date) throw new UsageError(`--date "${text}" không hợp lệ; dùng dạng 2024-12-12.`);
  return date;
}

function printRollup(r: Rollup): string {
  const sent = Object.keys(r.communes).length;
  const lines = [
    `TỔNG HỢP ngày ${formatDate(r.date)}: ${sent}/${sent + r.missing.length} xã đã gửi báo cáo.`,
    ...RESULT_INDICATORS.filter((i) => r.total.day_total[i.key] || r.total.cumulative[i.key]).map(
      (i) =>
        `- ${i.label}: ${formatVietnameseNumber(r.total.day_total[i.key])} ${i.unit} trong ngày, lũy kế ${formatVietnameseNumber(r.total.cumulative[i.key])} ${i.unit}`
    ),
    `Xã chưa gửi: ${r.missing.join(", ") || "không có"}. Xã gửi trễ: ${r.late.join(", ") || "không có"}.`,
  ];
  return lines.join("\n");
}

export async function rollupCommand(args: Args, nowMs: number): Promise<Output> {
  const date = dateOption(args);
  const out = args.options.get("out");
  if (out && !/\.xlsx$/i.test(out)) throw new UsageError(`Tệp ra "${out}" phải có đuôi .xlsx.`);
  const { run } = await openSession(args);
  const { rollup, settings } = await run((s) => s.rollup(date));
  let written = "";
  if (out) {
    const layout = rollupLayout(rollup, settings, vietnamNow(nowMs));
    // Into an existing workbook only the day's TH sheet is added or replaced.
    await writeSheet(out, layout);
    written = `\nĐã ghi trang "${layout.name}" vào ${out}.`;
  }
  if (args.switches.has("json")) return { stdout: json(rollup), code: 0 };
  return { stdout: printRollup(rollup) + written, code: 0 };
}

/** The text options of rollup-settings, by the settings field each sets. */
const SETTING_OPTIONS = {
  name: "name",
  "party-committee": "party_committee",
  issuer: "issuer",
  "place-name": "place_name",
  "report-place": "report_place",
  signer: "signer",
} as const;

export const ROLLUP_SETTING_OPTIONS = ["deadline", ...Object.keys(SETTING_OPTIONS)];

export async function rollupSettingsCommand(args: Args): Promise<Output> {
  const change: RollupSettingsRequest = {};
  for (const [option, field] of Object.entries(SETTING_OPTIONS)) {
    const value = args.options.get(option);
    if (value !== undefined) change[field] = value;
  }
  const deadline = args.options.get("deadline");
  if (deadline !== undefined) {
    const minutes = parseTime(deadline);
    if (minutes === null)
      throw new UsageError(`--deadline "${deadline}" không hợp lệ; dùng dạng 16:30.`);
    change.deadline = minutes;
  }
  const { run } = await openSession(args);
  const settings = await run((s) => s.rollupSettings(change));
  if (args.switches.has("json")) return { stdout: json(settings), code: 0 };
  return {
    stdout: [
      `Giờ nhận báo cáo của các xã: ${formatTime(settings.deadline)} cùng ngày.`,
      `Tiêu đề: ${settings.party_committee} / ${settings.issuer}; nơi: ${settings.place_name}; người ký: ${settings.signer || "(để trống)"}.`,
    ].join("\n"),
    code: 0,
  };
}
