/**
 * What a journal row must be before it is stored or sent: a real calendar date inside the campaign, a sent time
 * between 00:00 and 23:59 on a real date, whole non-negative counts within what a hamlet can have in a day
 * (src/core/limits.ts, the bounds the workbook reader uses), and text a workbook can hold. The server refuses a
 * row that breaks one of these; a client or the phone page can ask the same question before sending.
 */
import { formatDate, isoDate } from "../core/dates";
import { CAMPAIGN_YEARS, type FieldLimit, JOURNAL_LIMITS, limitProblem } from "../core/limits";
import type { EnteredIndicator } from "../core/model";
import { formatVietnameseNumber } from "../core/quantity";
import { JOURNAL_INDICATOR_COLUMNS } from "../core/sheets";
import { hasXmlUnsafe } from "../core/text";
import { z } from "zod";
import { describeInvalid, quoted } from "./invalid";
import { PutRow, type RowData } from "./protocol";

/** The campaign's first and last day; null when the plan does not say (then only the campaign years bound it). */
export interface CampaignDates {
  start: string | null;
  end: string | null;
}

/** Row versions and ids are stored as 32-bit integers; nothing honest comes near. */
export const MAX_STORED_INT = 2_147_483_647;

const LABEL = new Map(JOURNAL_INDICATOR_COLUMNS.map(([key, header]) => [key as string, header]));

const shown = (value: number) =>
  Math.abs(value) < 1e15 ? formatVietnameseNumber(value, 4) : String(value);

/** A real date written YYYY-MM-DD, or null. */
function calendarDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function inYears(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return year >= CAMPAIGN_YEARS.min && year <= CAMPAIGN_YEARS.max;
}

function dateProblem(date: string, campaign: CampaignDates): string | null {
  if (!calendarDate(date)) return `Ngày "${quoted(date)}" không có trên lịch.`;
  const { start, end } = campaign;
  if (start && end && (date < start || date > end))
    return `Ngày ${formatDate(date)} ngoài đợt ${formatDate(start)} – ${formatDate(end)}.`;
  if (!inYears(date))
    return `Ngày ${formatDate(date)} ngoài các năm ${CAMPAIGN_YEARS.min}–${CAMPAIGN_YEARS.max}.`;
  return null;
}

function sentProblem(sentAt: string): string | null {
  const [day, time] = sentAt.split("T");
  const sentDay = calendarDate(day);
  if (!sentDay || !inYears(sentDay)) return `Ngày gửi "${quoted(day)}" không có trên lịch.`;
  const [hours, minutes] = time.split(":").map(Number);
  if (hours > 23 || minutes > 59)
    return `Giờ gửi "${quoted(time)}" không có thật (từ 00:00 đến 23:59).`;
  return null;
}

function valueProblem(key: string, value: number): string | null {
  const label = LABEL.get(key);
  const limit: FieldLimit | undefined = JOURNAL_LIMITS[key as EnteredIndicator];
  if (!label || !limit) return `Không có chỉ tiêu "${quoted(key)}" trong nhật ký.`;
  const problem = limitProblem(value, limit);
  if (problem === null) return null;
  const what = `${label} = ${shown(value)}`;
  if (problem === "negative") return `${what}: số liệu không được âm.`;
  if (problem === "fraction") return `${what}: phải là số nguyên (${limit.unit}).`;
  if (problem === "not_finite") return `${what}: không phải số.`;
  return `${what}: quá mức một ấp có thể có trong một ngày (tối đa ${shown(limit.max)} ${limit.unit}).`;
}

/** Everything wrong with a hamlet's row for `date`, in Vietnamese; empty when it may be stored. */
export function rowProblems(date: string, data: RowData, campaign: CampaignDates): string[] {
  const problems = [dateProblem(date, campaign)];
  if (data.sentAt) problems.push(sentProblem(data.sentAt));
  for (const [key, value] of Object.entries(data.values)) problems.push(valueProblem(key, value));
  for (const [field, label] of [
    ["note", "Ghi chú"],
    ["reporter", "Người báo cáo"],
  ] as const) {
    if (hasXmlUnsafe(data[field]))
      problems.push(
        `${label} có ký tự Excel không lưu được (như U+FFFE); hãy xoá ký tự đó rồi gửi lại.`
      );
  }
  return problems.filter((p): p is string => p !== null);
}

/** The shape first, with any number in `values`, so a bound is told in words, not as a schema error. */
const PutRowShape = PutRow.extend({ values: z.record(z.string(), z.number()) });

/** A putRow's arguments, checked: the row to store, or the one Vietnamese reason it is refused. */
export function checkPutRow(
  raw: unknown,
  campaign: CampaignDates
): { row: PutRow } | { reason: string } {
  const shape = PutRowShape.safeParse(raw);
  if (!shape.success) return { reason: describeInvalid(shape.error, "Dữ liệu không hợp lệ") };
  const problems = rowProblems(shape.data.date, shape.data, campaign);
  if (shape.data.baseVersion > MAX_STORED_INT)
    problems.push("Phiên bản gốc của dòng không hợp lệ.");
  if (problems.length) return { reason: problems.join(" ") };
  const row = PutRow.safeParse(shape.data);
  return row.success
    ? { row: row.data }
    : { reason: describeInvalid(row.error, "Dữ liệu không hợp lệ") };
}
