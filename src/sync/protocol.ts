/**
 * The sync protocol (after Replicache's push/pull), shared by the server and its clients. A row is one
 * hamlet's journal for one day, sent as absolute values with the version it was based on.
 */
import { z } from "zod";
import { INDICATOR_KEYS } from "../core/model";
import { hasXmlUnsafe } from "../core/text";
import { CommuneReport, Rollup, RollupSettings } from "../core/rollup";

export { CommuneReport, RollupSettings };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const entered = INDICATOR_KEYS.filter((k) => k !== "llvt");

/**
 * The version both sides speak. Version 2 carries the full sent date and time of a row (`sentAt`); a client or
 * server of another version gets a typed "version" error, never a silent misread.
 */
export const PROTOCOL_VERSION = 2;

/** When a row was sent, Vietnam local time: "2024-12-12T14:05". */
export const SentAt = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

export const RowData = z.object({
  values: z.record(z.enum(entered as [string, ...string[]]), z.number().finite().min(0).max(1e12)),
  note: z.string().max(2000),
  reporter: z.string().max(200),
  /** Giờ gửi with its own day, or null when the row does not say. */
  sentAt: SentAt.nullable(),
});
export type RowData = z.infer<typeof RowData>;

export const PutRow = RowData.extend({
  hamlet: z.string().min(1).max(100),
  date: isoDate,
  /** The row version this edit started from; 0 for a row the device has never seen. */
  baseVersion: z.number().int().min(0),
});
export type PutRow = z.infer<typeof PutRow>;

/**
 * What a mutation does: a hamlet-day's journal row, or the commune's daily report for its parent (args: a
 * NewCommuneReport of src/core/rollup.ts). A server older than putReport refuses the whole push (400), which the
 * client turns into "update the server", keeping the report queued.
 */
export const MutationName = z.enum(["putRow", "putReport"]);
export type MutationName = z.infer<typeof MutationName>;

export const Mutation = z.object({
  id: z.number().int().min(1),
  name: MutationName,
  /** Checked one by one on the server, so a bad one is rejected without blocking the queue. */
  args: z.unknown(),
});
export type Mutation = z.infer<typeof Mutation>;

const version = { protocolVersion: z.literal(PROTOCOL_VERSION) };

export const PushRequest = z.object({
  ...version,
  clientID: z.string().min(8).max(64),
  mutations: z.array(Mutation).max(500),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const MutationResult = z.object({
  id: z.number().int(),
  status: z.enum(["applied", "conflict", "rejected", "duplicate"]),
  reason: z.string().optional(),
  version: z.number().int().optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  lastMutationID: z.number().int(),
  results: z.array(MutationResult),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullRequest = z.object({
  ...version,
  clientID: z.string().min(8).max(64),
  /** The cookie of the last pull; null (or one the server does not recognise) pulls everything. */
  cookie: z.unknown(),
});

export const SyncedRow = RowData.extend({
  hamlet: z.string(),
  date: isoDate,
  version: z.number().int(),
  author: z.string(),
  updatedAt: z.string(),
});
export type SyncedRow = z.infer<typeof SyncedRow>;

export const Conflict = z.object({
  id: z.number().int(),
  hamlet: z.string(),
  date: isoDate,
  baseVersion: z.number().int(),
  currentVersion: z.number().int(),
  current: RowData.nullable(),
  proposed: RowData,
  device: z.string(),
  createdAt: z.string(),
});
export type Conflict = z.infer<typeof Conflict>;

export const PullResponse = z.object({
  cookie: z.number().int(),
  reset: z.boolean(),
  lastMutationID: z.number().int(),
  rows: z.array(SyncedRow),
  conflicts: z.array(Conflict),
  rejected: z.array(z.object({ id: z.number().int(), reason: z.string() })),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const EnrollRequest = z.object({
  code: z.string().min(4).max(64),
  name: z.string().max(100).optional(),
  /** A hamlet's device (the phone page): a code of another level is then refused and stays unused. */
  scope: z.literal("hamlet").optional(),
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;
/** Where a device sits in the hierarchy; it acts only within its own organisation and what lies under it. */
export const Scope = z.enum(["province", "district", "commune", "hamlet"]);
export type Scope = z.infer<typeof Scope>;

export const EnrollResponse = z.object({
  clientID: z.string(),
  token: z.string(),
  scope: Scope,
  /**
   * A hamlet's campaign, or a commune device's when its code named one; null for a province or district device,
   * and for a commune device enrolled from its province's code (it follows its commune's newest campaign).
   */
  campaign: z.number().int().nullable(),
  /** The commune's name; "" for a province or district device. */
  commune: z.string(),
  hamlet: z.string().nullable(),
  /** The province and district above the device, where there are (absent from servers before the hierarchy). */
  province: z.string().nullable().optional(),
  district: z.string().nullable().optional(),
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

/** A place's name: it is written into workbooks, so no character Excel cannot hold. */
export const PlaceName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((t) => !hasXmlUnsafe(t), "có ký tự Excel không lưu được (như U+FFFE)");

/**
 * Whom a new enrolment code is for, under the calling device: a province names a commune (under one of its
 * districts where it has them) or a district; a commune names a hamlet of its newest campaign.
 */
export const CodeTarget = z.union([
  z.object({ hamlet: PlaceName }).strict(),
  z.object({ commune: PlaceName, district: PlaceName.optional() }).strict(),
  z.object({ district: PlaceName }).strict(),
]);
export type CodeTarget = z.infer<typeof CodeTarget>;

/** `POST /codes`: the code (shown once), for whom, and until when it can be used (ISO time, UTC). */
export const IssuedCode = z.object({
  code: z.string(),
  scope: Scope,
  name: z.string(),
  expires_at: z.string(),
});
export type IssuedCode = z.infer<typeof IssuedCode>;

/** `POST /campaigns`: the commune's plan (core Plan, checked by the server). */
export const CampaignRequest = z.object({ plan: z.unknown() });
export const CreatedCampaign = z.object({
  campaign: z.number().int(),
  codes: z.object({ hamlets: z.record(z.string(), z.string()) }),
  expires_at: z.string(),
});
export type CreatedCampaign = z.infer<typeof CreatedCampaign>;

/** `POST /devices`: the devices of the caller's subtree, for revoking. */
export const DeviceInfo = z.object({
  id: z.number().int(),
  name: z.string(),
  scope: Scope,
  /** The organisation it belongs to, and that one's parent: "Cầu" under "Tân Phong". */
  org: z.string(),
  parent: z.string().nullable(),
  campaign: z.number().int().nullable(),
  revoked: z.boolean(),
  created_at: z.string(),
  /** The device asking: a list shows it as this computer, not as one to revoke. */
  self: z.boolean(),
});
export type DeviceInfo = z.infer<typeof DeviceInfo>;
export const DevicesResponse = z.object({ devices: z.array(DeviceInfo) });

const Day = isoDate.refine(
  (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)),
  "không có trên lịch"
);

/**
 * `POST /report`: one commune's latest report of a date. A commune device reads its own (no commune named); a
 * province or district names one of its communes.
 */
export const ReportRequest = z
  .object({ date: Day, commune: PlaceName.optional(), district: PlaceName.optional() })
  .strict();
export type ReportRequest = z.infer<typeof ReportRequest>;

/** `POST /rollup`: the province's (or district's) roll-up of a date, with the settings its TH sheet needs. */
export const RollupRequest = z.object({ date: Day }).strict();
export const RollupResponse = z.object({
  rollup: Rollup,
  settings: RollupSettings,
});
export type RollupResponse = z.infer<typeof RollupResponse>;

/** `POST /rollup-settings`: changes the fields given (none: reads them); answers with them all. */
export const RollupSettingsRequest = RollupSettings.partial().strict();
export type RollupSettingsRequest = z.infer<typeof RollupSettingsRequest>;

export const ResolveRequest = z.object({ choice: z.enum(["current", "proposed"]) });

/** `GET /health`: the server answers, and says whether its store does (503 when it does not). */
export const HealthResponse = z.object({
  ok: z.boolean(),
  store: z.enum(["sqlite", "postgres"]),
  reachable: z.boolean(),
  error: z.string().optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export function rowKey(hamlet: string, date: string): string {
  return `${date}|${hamlet}`;
}

/**
 * Every error the server answers with: a Vietnamese `error` for the user and a `code` a client branches on.
 * Both sides parse these; no client reads `body.error` by hand.
 */
const failure = <C extends string>(code: C) =>
  z.object({ code: z.literal(code), error: z.string() });

export const InvalidError = failure("invalid");
export const AuthErrorBody = failure("auth");
export const ForbiddenError = failure("forbidden");
export const NotFoundError = failure("not_found");
/** The client sent mutation ids the server never had before these; resend from `lastMutationID + 1`. */
export const GapError = failure("gap").extend({ lastMutationID: z.number().int() });
export const VersionError = failure("version").extend({ serverVersion: z.number().int() });
export const TooLargeError = failure("too_large");
export const RateLimitedError = failure("rate_limited");
export const ServerFailure = failure("server");
/** The server is up but cannot reach its store (database down, disk gone): retry later, nothing was written. */
export const UnavailableError = failure("unavailable");

export const ErrorBody = z.discriminatedUnion("code", [
  InvalidError,
  AuthErrorBody,
  ForbiddenError,
  NotFoundError,
  GapError,
  VersionError,
  TooLargeError,
  RateLimitedError,
  ServerFailure,
  UnavailableError,
]);
export type ErrorBody = z.infer<typeof ErrorBody>;
export type ErrorCode = ErrorBody["code"];

/** The HTTP status each error code is sent with. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  auth: 401,
  forbidden: 403,
  not_found: 404,
  gap: 409,
  version: 426,
  too_large: 413,
  rate_limited: 429,
  server: 500,
  unavailable: 503,
};

/** What an old client or server is told: the Vietnamese words a user acts on. */
export function versionMessage(theirs: unknown): string {
  return `Phiên bản DanVan trên máy này đã cũ (giao thức ${typeof theirs === "number" ? theirs : 1}, máy chủ dùng ${PROTOCOL_VERSION}); hãy cập nhật DanVan rồi đồng bộ lại.`;
}
