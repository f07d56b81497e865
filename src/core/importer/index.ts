/** The plan's text (as pasted from Word) to the plan workbook model. No commune-specific constants. */
import { daysBetween, formatDate } from "../dates";
import { CAMPAIGN_YEARS, MAX_CAMPAIGN_DAYS } from "../limits";
import { type Plan, Plan as PlanSchema, type Target, type Work, emptyWork } from "../model";
import { inMillions } from "../quantity";
import { closest, hamletKey, stripXmlUnsafe } from "../text";
import { parseHeader } from "./header";
import { type Line, isRomanHeading, splitLines } from "./lines";
import { parseMembers } from "./members";
import { ambiguousNumbers } from "./quantities";
import { type Schedule, parseDeadlines, parseSchedule } from "./schedule";
import { breakdownLine, communeWorks, hamletLine, hamletWorks, statedTargets } from "./works";

export interface ImportResult {
  plan: Plan;
  /** What the importer could not place or read for sure, in Vietnamese, for the user to check. */
  warnings: string[];
}

/** A plan is some tens of kilobytes; a million characters is hundreds of pages, and more is not a plan. */
export const MAX_PLAN_CHARS = 1_000_000;

/** The refusal for a text too long to be a plan, or null. */
export function planTooLarge(chars: number, what = "Văn bản kế hoạch"): string | null {
  if (chars <= MAX_PLAN_CHARS) return null;
  return `${what} dài ${inMillions(chars)} triệu ký tự, quá ${inMillions(MAX_PLAN_CHARS)} triệu ký tự mà một kế hoạch có thể có; hãy kiểm tra đã chọn đúng tệp.`;
}

/** Fuzzy matching of loosely written hamlet names costs a comparison per known hamlet; past this many
 * "hamlets" the text is not a commune's plan and only exact names are matched. */
const FUZZY_HAMLETS = 100;

class HamletBook {
  readonly hamlets: { name: string; responsible: string; works: Work[] }[] = [];
  private readonly byKey = new Map<string, HamletBook["hamlets"][number]>();

  get(name: string) {
    const key = hamletKey(name);
    let h = this.byKey.get(key);
    if (!h) {
      h = { name, responsible: "", works: [] };
      this.hamlets.push(h);
      this.byKey.set(key, h);
    }
    return h;
  }

  /** The known hamlet a loosely written name means ("Sân bay" → "Sân Bay"). */
  resolve(name: string): string {
    const exact = this.byKey.get(hamletKey(name));
    if (exact || this.hamlets.length > FUZZY_HAMLETS) return exact?.name ?? name;
    return (
      closest(
        name,
        this.hamlets.map((h) => h.name)
      ) ?? name
    );
  }
}

/** "…: phát quang 9 tuyến đường/8.900m; …, cụ thể:" — the plan's stated totals. */
function isTargetsLine(line: Line): boolean {
  return /cụ thể\s*:?\s*$/iu.test(line.text) && statedTargets(line.text).length > 0;
}

interface WorksRegion {
  /** The stated totals' line, or null */
  summary: Line | null;
  /** The lines of works below it, up to the next Roman-numeral heading */
  region: Line[];
  /** Whether the plan lists works hamlet by hamlet ("- Ấp Cầu: …") */
  itemised: boolean;
}

/** The works start at the first hamlet line, or below the stated totals when the plan has no hamlet lines;
 * the stated totals are the line above the first hamlet line, or the line that announces them ("cụ thể:"). */
function worksRegion(lines: Line[]): WorksRegion {
  const first = lines.findIndex((l) => hamletLine(l.text));
  const above = first > 0 && !isRomanHeading(lines[first - 1].text) ? first - 1 : -1;
  const summaryAt = above >= 0 ? above : lines.findIndex(isTargetsLine);
  const start = first >= 0 ? first : summaryAt >= 0 ? summaryAt + 1 : -1;
  if (start < 0) return { summary: null, region: [], itemised: false };
  const end = lines.findIndex((l, i) => i > start && isRomanHeading(l.text));
  return {
    summary: summaryAt >= 0 ? lines[summaryAt] : null,
    region: lines.slice(start, end < 0 ? undefined : end),
    itemised: first >= 0,
  };
}

function scheduleWarnings(s: Schedule): string[] {
  if (!s.start || !s.end) return ['Không tìm thấy thời gian của đợt ("từ ngày … đến ngày …").'];
  const span = `${formatDate(s.start)} – ${formatDate(s.end)}`;
  if (s.start > s.end)
    return [
      `Thời gian của đợt ghi ngày kết thúc ${formatDate(s.end)} trước ngày bắt đầu ${formatDate(s.start)}; sửa lại Ngày bắt đầu, Ngày kết thúc trên trang Kế hoạch.`,
    ];
  const years = [s.start, s.end].map((d) => Number(d.slice(0, 4)));
  if (years.some((y) => y < CAMPAIGN_YEARS.min || y > CAMPAIGN_YEARS.max))
    return [
      `Thời gian của đợt (${span}) nằm ngoài các năm ${CAMPAIGN_YEARS.min}–${CAMPAIGN_YEARS.max}.`,
    ];
  const days = daysBetween(s.start, s.end) + 1;
  if (days > MAX_CAMPAIGN_DAYS)
    return [`Thời gian của đợt (${span}) dài ${days} ngày, quá ${MAX_CAMPAIGN_DAYS} ngày.`];
  return [];
}

export function importPlanText(input: string): ImportResult {
  const tooLarge = planTooLarge(input.length);
  if (tooLarge) throw new RangeError(tooLarge);
  // Characters an .xlsx cannot hold never enter the plan.
  const lines = splitLines(stripXmlUnsafe(input));
  const warnings: string[] = [];
  const header = parseHeader(lines);
  const year = header.issued ? Number(header.issued.slice(0, 4)) : undefined;
  const schedule = parseSchedule(lines, year);
  const { summary, region, itemised } = worksRegion(lines);
  const book = new HamletBook();
  const targets: Target[] = summary ? statedTargets(summary.text) : [];
  const commune: Work[] = [];
  for (const line of summary ? [summary, ...region] : region)
    warnings.push(...ambiguousNumbers(line.text));
  for (const line of region) {
    const hamlet = hamletLine(line.text);
    if (hamlet) {
      const works = book.get(hamlet.name).works;
      for (const w of hamletWorks(hamlet.body, year)) works.push(w);
      continue;
    }
    const breakdown = breakdownLine(line.text);
    if (breakdown) {
      targets.push(breakdown.total);
      for (const h of breakdown.perHamlet) {
        book.get(book.resolve(h.name)).works.push({
          ...emptyWork(),
          category: breakdown.category,
          description: breakdown.description,
          count: h.count,
        });
      }
      continue;
    }
    const works = communeWorks(line.text, year);
    for (const w of works) commune.push(w);
    if (!works.length && /\d/.test(line.text))
      warnings.push(`Không nhận ra công việc trong dòng: "${line.text.slice(0, 120)}"`);
  }
  const members = parseMembers(lines).map((m) =>
    m.hamlet ? { ...m, hamlet: book.resolve(m.hamlet) } : m
  );
  for (const m of members) if (m.hamlet) book.get(m.hamlet).responsible ||= m.name;
  if (!itemised)
    warnings.push(
      'Kế hoạch không có công việc chi tiết của từng ấp (dòng dạng "- Ấp Cầu: …"); đã nhập chỉ tiêu và việc toàn xã, hãy nhập công việc của từng ấp vào trang của ấp đó.'
    );
  warnings.push(...scheduleWarnings(schedule));
  const plan = PlanSchema.parse({
    settings: {
      name: header.name,
      party_committee: header.party_committee,
      issuer: header.issuer,
      number: header.number,
      place_name: header.place_name,
      issued: header.issued,
      ...schedule,
    },
    targets,
    hamlets: book.hamlets,
    commune_works: commune,
    journal: [],
    deadlines: parseDeadlines(lines, year),
    members,
  });
  return { plan, warnings };
}
