/** Campaign dates, the daily report's window, place and recipient, the đối ứng ratio, and deadlines. */
import { parseRatio } from "../ratio";
import { daysBetween, parseDate, parseTime } from "../dates";
import { CAMPAIGN_YEARS, MAX_CAMPAIGN_DAYS } from "../limits";
import type { Deadline, Ratio } from "../model";
import { fold } from "../text";
import { type Line, capitalize, sentences, stripMarker } from "./lines";

const DATE = String.raw`\d{1,2}\/\d{1,2}(?:\/\d{2,4})?`;
const SPAN = new RegExp(
  String.raw`từ ngày\s*(${DATE})\s*(?:-|–|đến(?:\s*ngày)?)\s*(${DATE})`,
  "iu"
);
const TIME = String.raw`\d{1,2}\s*(?:h|giờ|:)\s*(?:\d{2})?(?:\s*phút)?`;
const WINDOW = new RegExp(String.raw`từ\s*(${TIME})\s*(?:đến|-|–)\s*(${TIME})`, "iu");

export interface Schedule {
  start: string | null;
  end: string | null;
  report_from: number | null;
  report_to: number | null;
  report_place: string;
  report_recipient: string;
  ratio: Ratio | null;
}

export interface Span {
  start: string;
  end: string;
}

/** The year a date states ("10/12/2024" → 2024), or undefined for a short date ("24/12"). */
function statedYear(date: string): number | undefined {
  const m = /^\d{1,2}\/\d{1,2}\/(\d{2,4})$/.exec(date);
  return m ? Number(parseDate(`1/1/${m[1]}`)!.slice(0, 4)) : undefined;
}

/**
 * "từ ngày 24/12 - 10/12/2024": a short date takes the year of the full date at the other end (the nearest
 * one), else `year`. A start that then falls after its end moves to the year before only when that gives a
 * campaign of plausible length ("25/12 - 05/01/2025"); otherwise the dates stay as written, for a warning.
 */
export function spanIn(text: string, year?: number): Span | null {
  const m = SPAN.exec(text);
  if (!m) return null;
  const [from, to] = [m[1], m[2]];
  const end = parseDate(to, statedYear(from) ?? year);
  const start = parseDate(from, statedYear(to) ?? year);
  if (!start || !end) return null;
  if (start > end && statedYear(from) === undefined) {
    const earlier = parseDate(from, Number(start.slice(0, 4)) - 1);
    if (earlier && daysBetween(earlier, end) < MAX_CAMPAIGN_DAYS) return { start: earlier, end };
  }
  return { start, end };
}

/** The campaign's span: the "Thời gian" line first, then any line with a span. */
function campaignSpan(lines: Line[], year?: number): Span | null {
  const timeLines = lines.filter((l) => fold(l.text).includes("thoi gian"));
  for (const l of [...timeLines, ...lines]) {
    const span = spanIn(l.text, year);
    if (span) return span;
  }
  return null;
}

function reportLine(lines: Line[]): Line | undefined {
  return lines.find(
    (l) => /bao cao hang ngay|che do bao cao|bao cao ngay/.test(fold(l.text)) && WINDOW.test(l.text)
  );
}

export function parseSchedule(lines: Line[], year?: number): Schedule {
  const span = campaignSpan(lines, year);
  const report = reportLine(lines);
  const window = report ? WINDOW.exec(report.text) : null;
  const place = report ? /\(qua\s+([^)]+?)\s*\)/u.exec(report.text) : null;
  const recipient = report ? /đồng chí\s*:?\s*([^.;]+)/iu.exec(report.text) : null;
  const ratioLine = lines.find((l) =>
    /\d+\s*người dân\s*(?:với|:|\/|-)\s*\d+\s*chiến sĩ/iu.test(l.text)
  );
  const ratioText = ratioLine
    ? /\d+\s*người dân\s*(?:với|:|\/|-)\s*\d+\s*chiến sĩ/iu.exec(ratioLine.text)![0]
    : null;
  return {
    start: span?.start ?? null,
    end: span?.end ?? null,
    report_from: window ? parseTime(window[1]) : null,
    report_to: window ? parseTime(window[2]) : null,
    report_place: place ? place[1].replace(/\s*,.*$/, "").trim() : "",
    report_recipient: recipient
      ? recipient[1]
          .replace(/\s*[-–]\s*/u, " - ")
          .replace(/\s+để\s.*$/u, "")
          .trim()
      : "",
    ratio: ratioText ? parseRatio(ratioText) : null,
  };
}

const DUE = new RegExp(
  String.raw`\s*,?\s*(?:trước|chậm nhất|hạn chót|không quá)\s*(?:ngày\s*)?(${DATE})`,
  "iu"
);
const EVENT = new RegExp(String.raw`\s*,?\s*lúc\s*(${TIME}),?\s*ngày\s*(${DATE})`, "iu");
const VERBS = [
  "biên soạn",
  "gửi",
  "xây dựng",
  "tổ chức",
  "báo cáo",
  "hoàn thành",
  "nộp",
  "chủ động",
  "triển khai",
  "thực hiện",
  "kiểm tra",
  "rà soát",
  "lập",
  "tham mưu",
  "phối hợp",
  "làm lễ",
  "chuẩn bị",
  "họp",
  "tổng hợp",
];
const VERB = new RegExp(String.raw`\s(${VERBS.join("|")})\s`, "iu");
const INTRO = /^(?:kết thúc|sau|trước|đồng thời|căn cứ|thời gian|trong đó)\b/iu;

/** "Ban CHQS xã biên soạn …": the doer before the first verb; "" when the sentence starts with the verb. */
function subjectOf(sentence: string): { subject: string; rest: string } {
  const m = VERB.exec(` ${sentence} `);
  if (!m) return { subject: "", rest: sentence };
  let subject = sentence.slice(0, Math.max(0, m.index)).trim();
  if (INTRO.test(subject))
    subject = subject.includes(",")
      ? subject.slice(subject.indexOf(",") + 1).trim()
      : subject.replace(INTRO, "").trim();
  return {
    subject: subject.replace(/[,:]$/, ""),
    rest: sentence.slice(Math.max(0, m.index)).trim(),
  };
}

function recipientOf(text: string): string {
  const m =
    /(?:gửi|báo cáo|nộp)[^.;]*?\svề\s+(.+?)(?=\s+(?:trước|chậm nhất|thẩm định|để)(?:\s|$)|[,;.]|$)/iu.exec(
      text
    );
  return m ? m[1].trim() : "";
}

function shorten(text: string, max = 200): string {
  if (text.length <= max) return text;
  return text.slice(0, text.lastIndexOf(" ", max)) + "…";
}

/** A plan's sentences are a few hundred characters; a longer "sentence" is not one, and is not searched. */
const MAX_SENTENCE_CHARS = 2_000;
const FULL_DATE = /\d{1,2}\/\d{1,2}\/(\d{4})/g;

/** The year of the full date nearest to `at` in `text`, within the years a campaign can have. */
function nearestYear(text: string, at: number): number | undefined {
  let best: { year: number; distance: number } | undefined;
  for (const m of text.matchAll(FULL_DATE)) {
    const year = Number(m[1]);
    const distance = Math.abs(m.index! - at);
    if (year < CAMPAIGN_YEARS.min || year > CAMPAIGN_YEARS.max) continue;
    if (!best || distance < best.distance) best = { year, distance };
  }
  return best?.year;
}

/** Deadlines written in the text ("… trước ngày 08/12/2024", "lúc 07 giờ 30 phút, ngày 10/12/2024"). */
export function parseDeadlines(lines: Line[], year?: number): Deadline[] {
  const out: Deadline[] = [];
  for (const line of lines) {
    const paragraph = stripMarker(line.text);
    let paragraphSubject = "";
    for (const sentence of sentences(paragraph)) {
      if (sentence.length > MAX_SENTENCE_CHARS) continue;
      const { subject, rest } = subjectOf(sentence);
      paragraphSubject ||= subject;
      const due = DUE.exec(rest) ?? EVENT.exec(rest);
      if (!due || SPAN.test(sentence)) continue;
      const isEvent = due[0].includes("lúc");
      const date = parseDate(isEvent ? due[2] : due[1], nearestYear(rest, due.index) ?? year);
      const content = rest.slice(0, due.index).replace(/[\s,;:.]+$/, "");
      out.push({
        content: shorten(capitalize(content)),
        unit: subject || paragraphSubject,
        recipient: recipientOf(content),
        due: date,
        time: isEvent ? parseTime(due[1]) : null,
        done: null,
        note: "",
      });
    }
  }
  return out;
}
