/**
 * The daily report going up the hierarchy (PRODUCT.md §8): what a commune sends its province (or district) for
 * one date, and the upper level's roll-up of a date across its communes, as `danvan rollup --json` prints it.
 */
import { z } from "zod";
import {
  type LocalDateTime,
  formatTime,
  parseAsOf,
  parseDate,
  sentAtText,
  toAbsoluteMinutes,
} from "./dates";
import { FORCE_INDICATORS, RESULT_INDICATORS } from "./indicators";
import { addIndicators, zeroIndicators } from "./journal";
import { JOURNAL_LIMITS, MAX_CAMPAIGN_DAYS, MAX_CELL_CHARS, limitProblem } from "./limits";
import { INDICATOR_KEYS, type IndicatorKey, type Indicators, type Plan, Ratio } from "./model";
import { buildReport } from "./report";
import { clean, hasXmlUnsafe } from "./text";

/** The commune → province deadline when the province set none: 16:30 of the report's day. */
export const DEFAULT_ROLLUP_DEADLINE = 16 * 60 + 30;
/** More hamlets than any commune has (the spec's communes have 1–40). */
export const MAX_HAMLETS = 200;
const MAX_NAME_CHARS = 200;

const LABELS = new Map<string, string>([
  ...FORCE_INDICATORS.map((f) => [f.key, f.label] as const),
  ...RESULT_INDICATORS.map((r) => [r.key, r.label] as const),
]);

const writable = (max: number) =>
  z
    .string()
    .max(max, `dài quá ${max} ký tự`)
    .refine((t) => !hasXmlUnsafe(t), "có ký tự Excel không lưu được (như U+FFFE)");
const Name = writable(MAX_NAME_CHARS).refine((t) => clean(t) !== "", "để trống");
const IsoDate = z.string().refine((d) => parseDate(d) === d, "không phải ngày YYYY-MM-DD");
/** "2024-12-12T15:40", Vietnam time. */
const SentAt = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "không phải giờ YYYY-MM-DDTHH:MM")
  .refine((t) => parseAsOf(t) !== null, "không có trên lịch");
const Figure = z.number().finite("không phải số").nonnegative("không được âm");
const CampaignDay = z.number().int().min(1).max(MAX_CAMPAIGN_DAYS).nullable();

export const IndicatorsSchema = z.object(
  Object.fromEntries(INDICATOR_KEYS.map((k) => [k, Figure])) as Record<IndicatorKey, typeof Figure>
);
const IndicatorKeySchema = z.enum(INDICATOR_KEYS);

const ReportFields = z.object({
  commune: Name,
  /** Only where the plan still has a district between commune and province. */
  district: Name.nullable().default(null),
  /** The plan's name (Tên kế hoạch) */
  plan: writable(MAX_CELL_CHARS),
  date: IsoDate,
  /** 1 on the campaign's first day */
  day: CampaignDay,
  campaign_days: CampaignDay,
  /** When the commune sent it, Vietnam time: what late is judged on. */
  sent_at: SentAt,
  /** The hamlets' own deadline that day (Giờ nhận báo cáo đến), "15:00": section IV names who sent after it. */
  hamlet_deadline: z.string().regex(/^\d{2}:\d{2}$/),
  hamlets: z.record(Name, IndicatorsSchema),
  day_total: IndicatorsSchema,
  cumulative: IndicatorsSchema,
  targets: z.record(IndicatorKeySchema, Figure.nullable()),
  stated_targets: z.record(IndicatorKeySchema, Figure),
  percent_done: z.record(IndicatorKeySchema, Figure.nullable()),
  ratio: Ratio.nullable(),
  /** Per hamlet, people short of the đối ứng ratio (0 when met, null without a ratio) */
  forces: z.record(Name, z.object({ short: z.number().int().nonnegative().nullable() })),
  missing: z.array(Name),
  late: z.array(Name),
  notes: z.array(z.object({ hamlet: Name, note: writable(MAX_CELL_CHARS) })),
});

type Fail = (path: (string | number)[], message: string) => void;

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** Each figure within what `times` hamlet-days can plausibly hold, and LLVT the sum of its three forces. */
function checkFigures(v: Indicators, times: number, path: string[], fail: Fail): void {
  for (const [key, limit] of Object.entries(JOURNAL_LIMITS)) {
    const value = v[key as IndicatorKey];
    const max = limit.max * Math.max(1, times);
    const problem = limitProblem(value, { ...limit, max });
    if (problem === "fraction") fail([...path, key], `phải là số nguyên (${limit.unit})`);
    if (problem === "too_large")
      fail([...path, key], `quá mức có thể có (${value} > ${max} ${limit.unit})`);
  }
  if (!close(v.llvt, v.quan_doi + v.dan_quan + v.cong_an))
    fail([...path, "llvt"], "phải bằng Quân đội + Dân quân + Công an");
}

/** The report holds together: figures plausible, the day's total the sum of its hamlets, names known. */
function checkReport(r: z.infer<typeof ReportFields>, ctx: z.RefinementCtx): void {
  const fail: Fail = (path, message) => ctx.addIssue({ code: "custom", path, message });
  const hamlets = Object.keys(r.hamlets);
  if (hamlets.length > MAX_HAMLETS)
    fail(["hamlets"], `có ${hamlets.length} ấp, quá ${MAX_HAMLETS}`);
  const sum = zeroIndicators();
  for (const [name, values] of Object.entries(r.hamlets)) {
    checkFigures(values, 1, ["hamlets", name], fail);
    addIndicators(sum, values);
  }
  for (const k of INDICATOR_KEYS)
    if (!close(r.day_total[k], sum[k])) fail(["day_total", k], `khác tổng các ấp (${sum[k]})`);
  checkFigures(r.cumulative, hamlets.length * MAX_CAMPAIGN_DAYS, ["cumulative"], fail);
  const known = new Set(hamlets);
  const unknown = (name: string) => !known.has(name);
  for (const field of ["missing", "late"] as const)
    for (const name of r[field].filter(unknown))
      fail([field], `ấp "${name}" không có trong báo cáo`);
  for (const n of r.notes.filter((n) => unknown(n.hamlet)))
    fail(["notes"], `ấp "${n.hamlet}" không có trong báo cáo`);
  for (const name of Object.keys(r.forces).filter(unknown))
    fail(["forces"], `ấp "${name}" không có trong báo cáo`);
  if (r.sent_at.slice(0, 10) < r.date) fail(["sent_at"], "trước ngày của báo cáo");
}

/** What a commune sends up for one date (the server gives it its version). */
export const NewCommuneReport = ReportFields.superRefine(checkReport);
export type NewCommuneReport = z.infer<typeof NewCommuneReport>;

/** A commune's report as the upper level stores it: re-sending the same date makes the next version. */
export const CommuneReport = ReportFields.extend({ version: z.number().int().min(1) }).superRefine(
  checkReport
);
export type CommuneReport = z.infer<typeof CommuneReport>;

export interface CommunePlace {
  commune: string;
  district?: string | null;
}

/**
 * The report a commune sends for `date`, made at `sentAt`: the figures of the BC sheet made at that moment
 * (buildReport), under the commune's name in the hierarchy.
 */
export function buildCommuneReport(
  plan: Plan,
  date: string,
  sentAt: LocalDateTime,
  place: CommunePlace
): NewCommuneReport {
  const r = buildReport(plan, date, sentAt);
  return {
    commune: clean(place.commune),
    district: place.district ? clean(place.district) : null,
    plan: plan.settings.name,
    date,
    day: r.day,
    campaign_days: r.campaign_days,
    sent_at: sentAtText(sentAt),
    hamlet_deadline: formatTime(plan.settings.report_to ?? 15 * 60),
    hamlets: r.hamlets,
    day_total: r.day_total,
    cumulative: r.cumulative,
    targets: r.targets,
    stated_targets: r.stated_targets,
    percent_done: r.percent_done,
    ratio: r.ratio,
    forces: r.forces,
    missing: r.missing,
    late: r.late,
    notes: r.notes,
  };
}

/** Field names as a message shows them: "day_total.phat_quang_m" → "day_total.phat_quang_m (Phát quang…)". */
function fieldText(path: (string | number)[]): string {
  const last = String(path[path.length - 1] ?? "");
  const label = LABELS.get(last);
  return `${path.join(".")}${label ? ` (${label})` : ""}`;
}

/** Messages for the checks that carry none of their own. */
const VIETNAMESE: z.ZodErrorMap = (issue) => ({
  message:
    issue.code === "invalid_type"
      ? issue.received === "undefined"
        ? "bị thiếu"
        : "sai kiểu"
      : "không hợp lệ",
});

/**
 * A report received from a commune, checked: the report, or what is wrong with it in Vietnamese (the first
 * problem, naming its field), for the server to refuse it with.
 */
export function parseNewCommuneReport(
  input: unknown
): { ok: true; report: NewCommuneReport } | { ok: false; message: string } {
  const parsed = NewCommuneReport.safeParse(input, { errorMap: VIETNAMESE });
  if (parsed.success) return { ok: true, report: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue.path.length ? fieldText(issue.path) : "nội dung";
  return { ok: false, message: `Báo cáo của xã không hợp lệ: ${where} ${issue.message}.` };
}

const Minutes = z.number().int().min(0).max(1439);

/** What the province (or district) sets once for its roll-ups: its deadline and its document heading. */
export const RollupSettings = z.object({
  level: z.enum(["province", "district"]).default("province"),
  /** The campaign as the upper level names it, for the title */
  name: writable(MAX_CELL_CHARS).default(""),
  /** "TỈNH ỦY TÂY NINH" */
  party_committee: writable(MAX_NAME_CHARS).default(""),
  /** "BAN CHỈ ĐẠO CÔNG TÁC DÂN VẬN TỈNH" */
  issuer: writable(MAX_NAME_CHARS).default(""),
  /** "Tây Ninh", for the place-date line */
  place_name: writable(MAX_NAME_CHARS).default(""),
  /** Nơi nhận: where the roll-up goes next */
  report_place: writable(MAX_NAME_CHARS).default(""),
  /** The Trưởng ban who signs */
  signer: writable(MAX_NAME_CHARS).default(""),
  /** Communes that send after this time of the report's day are late; minutes after midnight. */
  deadline: Minutes.default(DEFAULT_ROLLUP_DEADLINE),
});
export type RollupSettings = z.infer<typeof RollupSettings>;

/**
 * What the roll-up reads of a stored report: a CommuneReport has it all, and a store may keep just these
 * (checked once, when the report arrived).
 */
export type RollupReport = Pick<
  CommuneReport,
  "commune" | "district" | "date" | "sent_at" | "version" | "day_total" | "cumulative"
>;

/** A commune the upper level expects a report from: its name, and its district where it has one. */
export interface ExpectedCommune {
  name: string;
  district?: string | null;
}

export const RollupCommune = z.object({
  sent_at: SentAt,
  late: z.boolean(),
  version: z.number().int().min(1),
  day_total: IndicatorsSchema,
  cumulative: IndicatorsSchema,
});
export type RollupCommune = z.infer<typeof RollupCommune>;

/** `danvan rollup --json`: PRODUCT.md §8's shape. */
export const Rollup = z.object({
  date: IsoDate,
  communes: z.record(z.string(), RollupCommune),
  total: z.object({ day_total: IndicatorsSchema, cumulative: IndicatorsSchema }),
  missing: z.array(z.string()),
  late: z.array(z.string()),
});
export type Rollup = z.infer<typeof Rollup>;

/** A commune as the roll-up knows it: name and district cleaned (NFC, spaces), and who it is. */
interface Commune {
  name: string;
  district: string | null;
  /** Same commune: same name and same district, whatever the Unicode form or spacing. */
  id: string;
}

/** Cleans names once each: a province's communes repeat the same few district names. */
function communeMaker(): (name: string, district?: string | null) => Commune {
  const cleaned = new Map<string, string>();
  const once = (text: string) => cleaned.get(text) ?? cleaned.set(text, clean(text)).get(text)!;
  return (name, district) => {
    const c = { name: once(name), district: district ? once(district) : null };
    return { ...c, id: `${c.name}\u0000${c.district ?? ""}` };
  };
}

/**
 * The name each commune goes by in the roll-up: its own name, or "Tân Phong (Tân Biên)" where two communes of
 * the roll-up share a name, and a number after that should even those meet ("Tân Phong (2)").
 */
function communeKeys(communes: Commune[]): string[] {
  const named = new Map<string, number>();
  for (const c of communes) named.set(c.name, (named.get(c.name) ?? 0) + 1);
  const taken = new Set<string>();
  return communes.map((c) => {
    const key = named.get(c.name)! > 1 && c.district ? `${c.name} (${c.district})` : c.name;
    let unique = key;
    for (let n = 2; taken.has(unique); n++) unique = `${key} (${n})`;
    taken.add(unique);
    return unique;
  });
}

const rounded = (v: Indicators): Indicators => {
  const out = zeroIndicators();
  for (const k of INDICATOR_KEYS) out[k] = Math.round(v[k] * 1e6) / 1e6;
  return out;
};

/**
 * The upper level's roll-up of `date`: each commune's latest report of that date (late when sent after
 * `deadline`, minutes after midnight of that date), the totals over those that sent, and who did not. A report
 * from a commune not expected is kept, not dropped; reports of other dates are not this roll-up's. Linear in
 * the number of communes and reports.
 */
export function rollup(
  expected: ExpectedCommune[],
  received: RollupReport[],
  date: string,
  deadline = DEFAULT_ROLLUP_DEADLINE
): Rollup {
  const commune = communeMaker();
  const latest = new Map<string, RollupReport>();
  for (const r of received) {
    if (r.date !== date) continue;
    const { id } = commune(r.commune, r.district);
    const prev = latest.get(id);
    if (!prev || r.version > prev.version) latest.set(id, r);
  }
  // Each commune once, however often it is listed: a report is counted for one row only.
  const all: Commune[] = [];
  const ids = new Set<string>();
  const add = (c: Commune) => {
    if (!ids.has(c.id)) all.push(c);
    ids.add(c.id);
  };
  for (const c of expected) add(commune(c.name, c.district));
  for (const r of latest.values()) add(commune(r.commune, r.district));
  const keys = communeKeys(all);
  const cutoff = toAbsoluteMinutes({ date, minutes: deadline });
  const communes: [string, RollupCommune][] = [];
  const day_total = zeroIndicators();
  const cumulative = zeroIndicators();
  const missing: string[] = [];
  const late: string[] = [];
  all.forEach((c, i) => {
    const r = latest.get(c.id);
    if (!r) return void missing.push(keys[i]);
    const sent = parseAsOf(r.sent_at);
    const isLate = sent === null || toAbsoluteMinutes(sent) > cutoff;
    if (isLate) late.push(keys[i]);
    communes.push([
      keys[i],
      {
        sent_at: r.sent_at,
        late: isLate,
        version: r.version,
        day_total: r.day_total,
        cumulative: r.cumulative,
      },
    ]);
    addIndicators(day_total, r.day_total);
    addIndicators(cumulative, r.cumulative);
  });
  return {
    date,
    // fromEntries: a commune named "__proto__" is a key like any other.
    communes: Object.fromEntries(communes),
    total: { day_total: rounded(day_total), cumulative: rounded(cumulative) },
    missing,
    late,
  };
}
