/** Every check of PRODUCT.md §3 over a read plan. */
import { type CategoryKey, category } from "./categories";
import { type LocalDateTime, formatDate, formatTime } from "./dates";
import { deadlineStatus, isLate, reportWindow } from "./deadlines";
import { type Finding, at, finding, sortFindings } from "./findings";
import { campaignProblem, missingReports } from "./campaign-checks";
import { type EffectiveRow, effectiveRows } from "./journal";
import type { IndicatorKey, Plan, SourceRef, Target, Work } from "./model";
import { RESULT_INDICATORS } from "./indicators";
import { UNIT_COST } from "./plausibility";
import { peopleShort } from "./ratio";
import { formatMoney, formatVietnameseNumber } from "./quantity";
import { readPlan } from "./reader";
import type { Grid } from "./grid";
import type { LeftOut } from "./left-out";
import { SHEET } from "./sheets";
import { closest, hamletKey } from "./text";
import {
  type SummedMeasure,
  type Totals,
  computeTotals,
  mismatchedMeasures,
  rowCost,
} from "./totals";

const MEASURE_TEXT: Record<
  SummedMeasure,
  { label: string; unit: (n: number) => string; field: string }
> = {
  routes: { label: "số tuyến", unit: (n) => `${formatVietnameseNumber(n)} tuyến`, field: "routes" },
  length_m: {
    label: "chiều dài",
    unit: (n) => `${formatVietnameseNumber(n)} m`,
    field: "length_m",
  },
  count: { label: "số lượng", unit: (n) => formatVietnameseNumber(n), field: "count" },
  cost_vnd: { label: "kinh phí", unit: formatMoney, field: "cost_vnd" },
};

function checkTargets(plan: Plan, totals: Totals): Finding[] {
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const t of plan.targets) {
    if (!t.category) continue;
    for (const m of mismatchedMeasures(totals, t.category)) {
      const s = totals.stated[t.category]![m]!;
      const i = totals.itemised[t.category]![m]!;
      const key = `${t.category}|${m}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const text = MEASURE_TEXT[m];
      out.push(
        finding(
          "TARGET_MISMATCH",
          "error",
          at(t.ref, m === "cost_vnd" ? "cost_vnd" : text.field),
          `Chỉ tiêu "${category(t.category).label}" ghi ${text.label} ${text.unit(s)} nhưng các công việc chi tiết cộng lại ${text.unit(i)} (chênh ${text.unit(Math.abs(s - i))}).`,
          { expected: s, actual: i }
        )
      );
    }
  }
  return out;
}

function rowLabel(row: Work | Target): string {
  const name = row.category ? category(row.category).label : "công việc";
  return "description" in row && row.description ? `"${row.description}"` : `"${name}"`;
}

function checkAmounts(rows: (Work | Target)[]): Finding[] {
  const out: Finding[] = [];
  for (const row of rows) {
    const quantity = row.count ?? row.length_m;
    if (quantity !== null && row.unit_price_vnd !== null && row.cost_vnd !== null) {
      const expected = Math.round(quantity * row.unit_price_vnd);
      if (Math.abs(expected - row.cost_vnd) >= 1) {
        out.push(
          finding(
            "AMOUNT_MISMATCH",
            "error",
            at(row.ref, "cost_vnd"),
            `${rowLabel(row)}: ${formatVietnameseNumber(quantity)} × ${formatMoney(row.unit_price_vnd)} = ${formatMoney(expected)}, nhưng kinh phí ghi ${formatMoney(row.cost_vnd)}.`,
            { expected, actual: row.cost_vnd }
          )
        );
      }
    }
    const implausible = checkPlausible(row);
    if (implausible) out.push(implausible);
  }
  return out;
}

function checkPlausible(row: Work | Target): Finding | null {
  const range = row.category ? UNIT_COST[row.category] : undefined;
  if (!range || !row.category) return null;
  const quantity = range.per === "m" ? row.length_m : row.count;
  const cost = rowCost(row);
  const unit = row.unit_price_vnd ?? (cost !== null && quantity ? cost / quantity : null);
  if (unit === null || unit === 0 || (unit >= range.min && unit <= range.max)) return null;
  const field = row.unit_price_vnd !== null ? "unit_price_vnd" : "cost_vnd";
  return finding(
    "AMOUNT_IMPLAUSIBLE",
    "warning",
    at(row.ref, field),
    `${rowLabel(row)}: ${formatMoney(Math.round(unit))} cho mỗi ${range.per} là bất thường (thường từ ${formatMoney(range.min)} đến ${formatMoney(range.max)}); kiểm tra lại đơn vị (nghìn, triệu, tỷ).`,
    { expected: `${range.min}-${range.max}`, actual: Math.round(unit) }
  );
}

function checkSettings(plan: Plan): Finding[] {
  const s = plan.settings;
  const out: Finding[] = [];
  // Without a Kế hoạch sheet SHEET_MISSING already says it all.
  if (!s.cells) return out;
  const where = (field: string) => ({ sheet: SHEET.plan, cell: s.cells?.[field] ?? null });
  for (const [field, label] of [
    ["start", "Ngày bắt đầu"],
    ["end", "Ngày kết thúc"],
  ] as const) {
    if (!s[field])
      out.push(
        finding(
          "VALUE_INVALID",
          "warning",
          where(field),
          `Chưa nhập ${label} của đợt trên trang "${SHEET.plan}".`
        )
      );
  }
  const implausible = campaignProblem(plan);
  if (implausible) out.push(implausible);
  if (s.start && s.end && s.start > s.end) {
    out.push(
      finding(
        "DATE_ORDER",
        "error",
        where("end"),
        `Ngày kết thúc ${formatDate(s.end)} trước ngày bắt đầu ${formatDate(s.start)}.`,
        { expected: s.start, actual: s.end }
      )
    );
  }
  if (s.report_from !== null && s.report_to !== null && s.report_from > s.report_to) {
    out.push(
      finding(
        "DATE_ORDER",
        "error",
        where("report_to"),
        `Giờ nhận báo cáo đến ${formatTime(s.report_to)} sớm hơn giờ bắt đầu nhận ${formatTime(s.report_from)}.`
      )
    );
  }
  return out;
}

function outsideCampaign(plan: Plan, date: string | null): boolean {
  const { start, end } = plan.settings;
  return !!date && !!start && !!end && start <= end && (date < start || date > end);
}

function campaignText(plan: Plan): string {
  return `${formatDate(plan.settings.start!)} – ${formatDate(plan.settings.end!)}`;
}

function checkWorkDates(plan: Plan, works: Work[]): Finding[] {
  const out: Finding[] = [];
  for (const w of works) {
    if (w.start && w.end && w.start > w.end) {
      out.push(
        finding(
          "DATE_ORDER",
          "error",
          at(w.ref, "end"),
          `${rowLabel(w)}: ngày hoàn thành ${formatDate(w.end)} trước ngày bắt đầu ${formatDate(w.start)}.`,
          { expected: w.start, actual: w.end }
        )
      );
    }
    for (const field of ["start", "end"] as const) {
      if (outsideCampaign(plan, w[field])) {
        out.push(
          finding(
            "DATE_OUTSIDE_CAMPAIGN",
            "warning",
            at(w.ref, field),
            `${rowLabel(w)}: ngày ${formatDate(w[field]!)} nằm ngoài thời gian của đợt (${campaignText(plan)}).`,
            { actual: w[field]! }
          )
        );
      }
    }
  }
  return out;
}

function unknownHamlet(
  plan: Plan,
  name: string,
  ref: SourceRef | undefined,
  field: string
): Finding {
  const suggestion = closest(
    name,
    plan.hamlets.map((h) => h.name)
  );
  return finding(
    "HAMLET_UNKNOWN",
    "error",
    at(ref, field),
    `Ấp "${name}" không có trong sổ (các ấp: ${plan.hamlets.map((h) => h.name).join(", ")})${suggestion ? `; có phải ấp "${suggestion}"?` : "."}`,
    { actual: name, ...(suggestion ? { suggestion } : {}) }
  );
}

function checkHamletReferences(plan: Plan): Finding[] {
  const known = new Set(plan.hamlets.map((h) => hamletKey(h.name)));
  const out: Finding[] = [];
  for (const row of plan.journal)
    if (row.hamlet && !known.has(hamletKey(row.hamlet)))
      out.push(unknownHamlet(plan, row.hamlet, row.ref, "hamlet"));
  for (const m of plan.members)
    if (m.hamlet && !known.has(hamletKey(m.hamlet)))
      out.push(unknownHamlet(plan, m.hamlet, m.ref, "hamlet"));
  for (const h of plan.hamlets) {
    const inCharge =
      h.responsible ||
      plan.members.some((m) => m.hamlet && hamletKey(m.hamlet) === hamletKey(h.name));
    if (!inCharge) {
      out.push(
        finding(
          "RESPONSIBLE_MISSING",
          "warning",
          { sheet: h.sheet ?? null, cell: h.responsibleCell ?? null },
          `Ấp ${h.name} chưa có thành viên Ban Chỉ đạo phụ trách (ô "Người phụ trách" hoặc cột "Phụ trách ấp" trên trang "${SHEET.members}").`
        )
      );
    }
  }
  return out;
}

function checkJournal(plan: Plan, asOf: LocalDateTime, rows: readonly EffectiveRow[]): Finding[] {
  const out: Finding[] = [];
  const window = reportWindow(plan);
  const seen = new Set<string>();
  for (const row of plan.journal) {
    if (!row.date) continue;
    if (outsideCampaign(plan, row.date)) {
      out.push(
        finding(
          "DATE_OUTSIDE_CAMPAIGN",
          "warning",
          at(row.ref, "date"),
          `Nhật ký ngày ${formatDate(row.date)} của ấp ${row.hamlet} nằm ngoài thời gian của đợt (${campaignText(plan)}); không được cộng vào báo cáo.`,
          { actual: row.date }
        )
      );
    }
    const key = `${row.date}|${hamletKey(row.hamlet)}`;
    if (seen.has(key)) {
      out.push(
        finding(
          "REPORT_DUPLICATE",
          "error",
          at(row.ref, "date"),
          `Ấp ${row.hamlet} có hơn một dòng nhật ký ngày ${formatDate(row.date)}; chỉ dòng gửi sau cùng được tính, hãy xóa dòng thừa.`
        )
      );
    }
    seen.add(key);
  }
  // Late is about the row that counts: a late original replaced by a correction is not late twice.
  for (const { row } of rows) {
    if (!isLate(row, window.to)) continue;
    out.push(
      finding(
        "REPORT_LATE",
        "warning",
        at(row.ref, "sent"),
        `Ấp ${row.hamlet} gửi báo cáo ngày ${formatDate(row.date!)} lúc ${formatTime(row.sent_minutes!)}${row.sent_date && row.sent_date !== row.date ? ` ngày ${formatDate(row.sent_date)}` : ""}, sau giờ nhận ${formatTime(window.to)}.`,
        { expected: formatTime(window.to), actual: formatTime(row.sent_minutes!) }
      )
    );
  }
  return [...out, ...missingReports(plan, asOf, rows)];
}

function checkRatio(plan: Plan, rows: readonly EffectiveRow[]): Finding[] {
  const ratio = plan.settings.ratio;
  if (!ratio) return [];
  const out: Finding[] = [];
  for (const e of rows) {
    const short = peopleShort(e.indicators.nhan_dan, e.indicators.llvt, ratio.people, ratio.forces);
    if (short > 0) {
      out.push(
        finding(
          "RATIO_BELOW_TARGET",
          "warning",
          at(e.row.ref, "nhan_dan"),
          `Ấp ${e.hamlet} ngày ${formatDate(e.date)}: ${e.indicators.llvt} chiến sĩ LLVT cần ít nhất ${e.indicators.nhan_dan + short} người dân (tỷ lệ ${ratio.people}:${ratio.forces}), mới có ${e.indicators.nhan_dan}; thiếu ${short}.`,
          { expected: e.indicators.nhan_dan + short, actual: e.indicators.nhan_dan }
        )
      );
    }
  }
  return out;
}

/** Journal indicators that carry out a planned work, and the measure they count. */
export const PROGRESS_OF: [IndicatorKey, CategoryKey, SummedMeasure][] = [
  ["phat_quang_m", "phat_quang", "length_m"],
  ["thap_sang_m", "thap_sang", "length_m"],
  ["dam_va_m", "dam_va", "length_m"],
  ["lam_duong_m", "lam_duong", "length_m"],
  ["nao_vet_m", "nao_vet", "length_m"],
  ["nha_dai_doan_ket_can", "nha_dai_doan_ket", "count"],
  ["sua_nha_can", "sua_nha", "count"],
];

function exceeds(where: string, label: string, done: number, planned: number): Finding {
  return finding(
    "PROGRESS_EXCEEDS_PLAN",
    "warning",
    { sheet: SHEET.journal, cell: null },
    `${where}: "${label}" đã báo cáo ${formatVietnameseNumber(done)}, vượt kế hoạch ${formatVietnameseNumber(planned)}; kiểm tra số liệu nhật ký hoặc bổ sung kế hoạch.`,
    { expected: planned, actual: done }
  );
}

/** Done beyond plan: per hamlet for the works planned per hamlet, commune-wide for the rest (gifts, money, events). */
function checkProgress(plan: Plan, totals: Totals): Finding[] {
  const out: Finding[] = [];
  for (const h of plan.hamlets) {
    const t = totals.hamlets[h.name];
    for (const [indicator, cat, measure] of PROGRESS_OF) {
      const planned = t.plan[cat]?.[measure] ?? null;
      if (planned !== null && t.done[indicator] > planned)
        out.push(exceeds(`Ấp ${h.name}`, category(cat).label, t.done[indicator], planned));
    }
  }
  const perHamlet = new Set<IndicatorKey>(PROGRESS_OF.map((p) => p[0]));
  for (const r of RESULT_INDICATORS) {
    const planned = r.target(totals);
    if (perHamlet.has(r.key) || planned === null || totals.done[r.key] <= planned) continue;
    out.push(exceeds("Toàn xã", r.label, totals.done[r.key], planned));
  }
  return out;
}

function checkDeadlines(plan: Plan, asOf: LocalDateTime): Finding[] {
  const out: Finding[] = [];
  for (const d of plan.deadlines) {
    const status = deadlineStatus(d, asOf);
    const due = d.due
      ? `${formatDate(d.due)}${d.time !== null ? ` ${formatTime(d.time)}` : ""}`
      : "";
    if (status === "overdue") {
      out.push(
        finding(
          "DEADLINE_OVERDUE",
          "warning",
          at(d.ref, "due"),
          `"${d.content}" đã quá hạn ${due} mà chưa hoàn thành.`,
          { expected: d.due! }
        )
      );
    } else if (status === "done_late") {
      out.push(
        finding(
          "DEADLINE_LATE",
          "warning",
          at(d.ref, "done"),
          `"${d.content}" hoàn thành ngày ${formatDate(d.done!)}, sau hạn ${due}.`,
          { expected: d.due!, actual: d.done! }
        )
      );
    } else if (status === "due_soon") {
      out.push(
        finding("DEADLINE_SOON", "info", at(d.ref, "due"), `"${d.content}" sắp đến hạn ${due}.`, {
          expected: d.due!,
        })
      );
    }
  }
  return out;
}

/** All findings of a plan at `asOf`, errors first. */
export function checkPlan(plan: Plan, asOf: LocalDateTime): Finding[] {
  const works = [...plan.hamlets.flatMap((h) => h.works), ...plan.commune_works];
  const rows = effectiveRows(plan);
  const totals = computeTotals(plan, rows);
  return sortFindings([
    ...checkSettings(plan),
    ...checkHamletReferences(plan),
    ...checkTargets(plan, totals),
    ...checkAmounts([...plan.targets, ...works]),
    ...checkWorkDates(plan, works),
    ...checkJournal(plan, asOf, rows),
    ...checkRatio(plan, rows),
    ...checkProgress(plan, totals),
    ...checkDeadlines(plan, asOf),
  ]);
}

/** Reads and checks a workbook's grids: the reader's findings, then the plan's, and the cells left out. */
export function checkGrid(
  grid: Grid,
  asOf: LocalDateTime
): { plan: Plan; findings: Finding[]; leftOut: LeftOut[] } {
  const { plan, findings, leftOut } = readPlan(grid);
  return { plan, findings: sortFindings([...findings, ...checkPlan(plan, asOf)]), leftOut };
}
