/**
 * Dates and times as communes type them. Dates are ISO strings ("2024-12-10"), times are minutes after
 * midnight, instants are local Vietnam time (UTC+7 all year, no daylight saving).
 */

import { clean } from "./text";

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

export interface LocalDateTime {
  date: string;
  minutes: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(date: string): number {
  let n = DAY_NUMBERS.get(date);
  if (n === undefined) {
    const [y, m, d] = date.split("-").map(Number);
    if (DAY_NUMBERS.size >= 10_000) DAY_NUMBERS.clear();
    DAY_NUMBERS.set(date, (n = Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY)));
  }
  return n;
}

/** A campaign's journal names its few days thousands of times over. */
const DAY_NUMBERS = new Map<string, number>();

export function dateFromDayNumber(days: number): string {
  const d = new Date(days * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(date: string, days: number): string {
  return dateFromDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every date from `start` to `end`, both included. */
export function dateRange(start: string, end: string): string[] {
  const out: string[] = [];
  for (let d = dayNumber(start); d <= dayNumber(end); d++) out.push(dateFromDayNumber(d));
  return out;
}

export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  return dateFromDayNumber(
    Math.round((EXCEL_EPOCH + Math.floor(serial) * MS_PER_DAY) / MS_PER_DAY)
  );
}

export function dateToExcelSerial(date: string): number {
  return dayNumber(date) - Math.round(EXCEL_EPOCH / MS_PER_DAY);
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/** "10/12/2024", "10-12-2024", "2024-12-10", "ngày 10 tháng 12 năm 2024", "10/12" (with a default year), Excel serials. */
export function parseDate(input: unknown, defaultYear?: number): string | null {
  if (typeof input === "number") return excelSerialToDate(input);
  if (typeof input !== "string") return null;
  const s = clean(input).toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(?:ngày )?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?$/.exec(s);
  if (m) {
    const year = m[3] ? fullYear(m[3]) : defaultYear;
    return year === undefined ? null : isoDate(year, Number(m[2]), Number(m[1]));
  }
  m = /^(?:ngày )?(\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?$/.exec(s);
  if (m) {
    const year = m[3] ? Number(m[3]) : defaultYear;
    return year === undefined ? null : isoDate(year, Number(m[2]), Number(m[1]));
  }
  if (/^\d+(\.\d+)?$/.test(s)) return excelSerialToDate(Number(s));
  return null;
}

/** An hour of the day and the word saying which half of the day it is in ("3 giờ chiều" is 15:00). */
function hourOfDay(hours: number, period: string | undefined): number | null {
  if (!period) return hours;
  if (hours > 12) return null;
  if (/^(pm|p\.m\.|ch|chiều|tối)$/.test(period)) return hours < 12 ? hours + 12 : 12;
  if (period === "trưa") return hours < 11 ? hours + 12 : hours;
  if (period === "đêm") return hours === 12 ? 0 : hours >= 6 ? hours + 12 : hours;
  return hours === 12 ? 0 : hours; // am, sáng
}

const DATE_PART = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})`;
const TIME_TEXT = new RegExp(
  String.raw`^(?:${DATE_PART}[t ]\s*)?(?:lúc )?(\d{1,2})\s*(?:(h|giờ|g|:|\.)\s*(\d{1,2})?)?` +
    String.raw`(?::\d{2})?\s*(?:phút|p|')?\s*(am|pm|a\.m\.|p\.m\.|sa|ch|sáng|trưa|chiều|tối|đêm)?` +
    String.raw`(?:,?\s*(?:ngày )?${DATE_PART})?$`
);

/** 15.4 typed as a number into a time column means 15:40, as 15.40 would. */
function decimalHours(input: number): number | null {
  const hours = Math.floor(input);
  const minutes = Math.round((input - hours) * 100);
  return Math.abs((input - hours) * 100 - minutes) < 1e-6 && minutes < 60
    ? hours * 60 + minutes
    : null;
}

/**
 * A time of day in minutes after midnight, as Vietnamese staff write it: "15:40", "15h40", "15g40", "15.40",
 * "15 giờ 40 phút", "3 giờ 40 chiều", "3:40 PM", optionally with the day ("11/12/2024 08:10"); a number
 * below 1 is an Excel time (0.5 = 12:00), 15.4 is 15:40, a larger serial carries its day and its time.
 * Anything else is null.
 */
export function parseTime(input: unknown): number | null {
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input < 0) return null;
    if (input >= 1 && input < 24) return decimalHours(input);
    if (input >= 24 && Number.isInteger(input)) return null;
    return Math.round((input - Math.floor(input)) * 1440) % 1440;
  }
  if (typeof input !== "string") return null;
  const m = TIME_TEXT.exec(clean(input).toLowerCase());
  if (!m) return null;
  const [, h, separator, mm, period] = m;
  // After a dot the digits are a decimal part of the hour as written: 15.4 is 15.40.
  const minutes =
    mm === undefined ? 0 : Number(separator === "." && mm.length === 1 ? `${mm}0` : mm);
  const hours = hourOfDay(Number(h), period);
  return hours !== null && hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

export function formatTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** "2024-12-12T15:40": a moment as rows and reports carry it. */
export function sentAtText(t: LocalDateTime): string {
  return `${t.date}T${formatTime(t.minutes)}`;
}

/** "10/12/2024" */
export function formatDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

/**
 * An ISO date-time; without an offset it is Vietnam local time. "2024-12-09T16:00", "2024-12-09 16:00",
 * "2024-12-09T09:00Z", "2024-12-09" (start of that day).
 */
export function parseAsOf(text: string): LocalDateTime | null {
  const m =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      text.trim()
    );
  if (!m) return null;
  const date = parseDate(m[1]);
  const hours = Number(m[2] ?? 0);
  const minutes = Number(m[3] ?? 0);
  if (!date || hours > 23 || minutes > 59) return null;
  const local = { date, minutes: hours * 60 + minutes };
  if (!m[5]) return local;
  const offset = m[5].toUpperCase() === "Z" ? 0 : parseOffset(m[5]);
  return fromAbsoluteMinutes(toAbsoluteMinutes(local) - offset + VIETNAM_OFFSET_MINUTES);
}

function parseOffset(text: string): number {
  const sign = text.startsWith("-") ? -1 : 1;
  const digits = text.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

export function toAbsoluteMinutes(t: LocalDateTime): number {
  return dayNumber(t.date) * 1440 + t.minutes;
}

export function fromAbsoluteMinutes(total: number): LocalDateTime {
  const days = Math.floor(total / 1440);
  return { date: dateFromDayNumber(days), minutes: total - days * 1440 };
}

/** Now, in Vietnam local time. */
export function vietnamNow(nowMs: number): LocalDateTime {
  return fromAbsoluteMinutes(Math.floor(nowMs / 60_000) + VIETNAM_OFFSET_MINUTES);
}
