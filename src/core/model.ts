/** The plan workbook as data: what every adapter reads into and writes from. */
import { z } from "zod";
import { CATEGORY_KEYS } from "./categories";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const minutes = z.number().int().min(0).max(1439);
const amount = z.number().finite().nullable();

/** Where a record came from in a workbook, so findings can name the cell. */
export const SourceRef = z.object({
  sheet: z.string(),
  row: z.number().int().min(1),
  /** field name → column letter */
  cols: z.record(z.string()),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Measures = z.object({
  routes: amount,
  length_m: amount,
  count: amount,
  unit_price_vnd: amount,
  cost_vnd: amount,
});
export type Measures = z.infer<typeof Measures>;

export const Work = Measures.extend({
  category: z.enum(CATEGORY_KEYS).nullable(),
  description: z.string(),
  place: z.string(),
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  responsible: z.string(),
  note: z.string(),
  ref: SourceRef.optional(),
});
export type Work = z.infer<typeof Work>;

export const Target = Measures.extend({
  category: z.enum(CATEGORY_KEYS).nullable(),
  note: z.string(),
  ref: SourceRef.optional(),
});
export type Target = z.infer<typeof Target>;

export const Hamlet = z.object({
  name: z.string().min(1),
  responsible: z.string(),
  works: z.array(Work),
  sheet: z.string().optional(),
  responsibleCell: z.string().optional(),
});
export type Hamlet = z.infer<typeof Hamlet>;

export const Ratio = z.object({ people: z.number().positive(), forces: z.number().positive() });
export type Ratio = z.infer<typeof Ratio>;

export const Settings = z.object({
  name: z.string(),
  party_committee: z.string(),
  issuer: z.string(),
  number: z.string(),
  place_name: z.string(),
  issued: isoDate.nullable(),
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  report_from: minutes.nullable(),
  report_to: minutes.nullable(),
  report_place: z.string(),
  report_recipient: z.string(),
  ratio: Ratio.nullable(),
  /** field name → A1 cell on the Kế hoạch sheet */
  cells: z.record(z.string()).optional(),
});
export type Settings = z.infer<typeof Settings>;

export const INDICATOR_KEYS = [
  "quan_doi",
  "dan_quan",
  "cong_an",
  "doan_the",
  "nhan_dan",
  "llvt",
  "phat_quang_m",
  "thap_sang_m",
  "dam_va_m",
  "lam_duong_m",
  "nao_vet_m",
  "nha_dai_doan_ket_can",
  "sua_nha_can",
  "qua_phan",
  "qua_vnd",
  "van_dong_vnd",
  "tuyen_truyen_buoi",
  "tuyen_truyen_luot",
  "kham_benh_luot",
  "van_nghe_the_thao_cuoc",
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];
/** Indicators typed in the journal; llvt is derived. */
export type EnteredIndicator = Exclude<IndicatorKey, "llvt">;
export type Indicators = Record<IndicatorKey, number>;

export const JournalRow = z.object({
  date: isoDate.nullable(),
  hamlet: z.string(),
  values: z.record(z.number()),
  note: z.string(),
  reporter: z.string(),
  /** Giờ gửi, minutes after midnight of `sent_date` */
  sent_minutes: minutes.nullable(),
  /** The day it was sent when the cell says so, else the row's date. */
  sent_date: isoDate.nullable(),
  ref: SourceRef.optional(),
});
export type JournalRow = z.infer<typeof JournalRow>;

export const Deadline = z.object({
  content: z.string(),
  unit: z.string(),
  recipient: z.string(),
  due: isoDate.nullable(),
  time: minutes.nullable(),
  done: isoDate.nullable(),
  note: z.string(),
  ref: SourceRef.optional(),
});
export type Deadline = z.infer<typeof Deadline>;

export const Member = z.object({
  no: z.number().int().nullable(),
  name: z.string(),
  position: z.string(),
  role: z.string(),
  hamlet: z.string(),
  ref: SourceRef.optional(),
});
export type Member = z.infer<typeof Member>;

export const Plan = z.object({
  settings: Settings,
  targets: z.array(Target),
  hamlets: z.array(Hamlet),
  commune_works: z.array(Work),
  journal: z.array(JournalRow),
  deadlines: z.array(Deadline),
  members: z.array(Member),
});
export type Plan = z.infer<typeof Plan>;

export function emptySettings(): Settings {
  return {
    name: "",
    party_committee: "",
    issuer: "",
    number: "",
    place_name: "",
    issued: null,
    start: null,
    end: null,
    report_from: null,
    report_to: null,
    report_place: "",
    report_recipient: "",
    ratio: null,
  };
}

export function emptyMeasures(): Measures {
  return { routes: null, length_m: null, count: null, unit_price_vnd: null, cost_vnd: null };
}

export function emptyWork(): Work {
  return {
    ...emptyMeasures(),
    category: null,
    description: "",
    place: "",
    start: null,
    end: null,
    responsible: "",
    note: "",
  };
}

/** A workbook with no plan in it: no hamlet, no target, no commune work (nothing to check, add up or report). */
export function isEmptyPlan(plan: Plan): boolean {
  return !plan.hamlets.length && !plan.targets.length && !plan.commune_works.length;
}

export function emptyPlan(): Plan {
  return {
    settings: emptySettings(),
    targets: [],
    hamlets: [],
    commune_works: [],
    journal: [],
    deadlines: [],
    members: [],
  };
}
