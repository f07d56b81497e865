/**
 * The sync protocol (after Replicache's push/pull), shared by the server and its clients. A row is one
 * hamlet's journal for one day, sent as absolute values with the version it was based on.
 */
import { z } from "zod";
import { INDICATOR_KEYS } from "../core/model";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const entered = INDICATOR_KEYS.filter((k) => k !== "llvt");

export const RowData = z.object({
  values: z.record(z.enum(entered as [string, ...string[]]), z.number().finite().min(0).max(1e12)),
  note: z.string().max(2000),
  reporter: z.string().max(200),
  /** Giờ gửi, "HH:MM", or null */
  sent: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .nullable(),
});
export type RowData = z.infer<typeof RowData>;

export const PutRow = RowData.extend({
  hamlet: z.string().min(1).max(100),
  date: isoDate,
  /** The row version this edit started from; 0 for a row the device has never seen. */
  baseVersion: z.number().int().min(0),
});
export type PutRow = z.infer<typeof PutRow>;

export const Mutation = z.object({
  id: z.number().int().min(1),
  name: z.literal("putRow"),
  /** Checked one by one on the server, so a bad one is rejected without blocking the queue. */
  args: z.unknown(),
});
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z.object({
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
});
export const EnrollResponse = z.object({
  clientID: z.string(),
  token: z.string(),
  scope: z.enum(["commune", "hamlet"]),
  campaign: z.number().int(),
  commune: z.string(),
  hamlet: z.string().nullable(),
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

export const ResolveRequest = z.object({ choice: z.enum(["current", "proposed"]) });

export function rowKey(hamlet: string, date: string): string {
  return `${date}|${hamlet}`;
}
