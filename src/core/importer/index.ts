/** The plan's text (as pasted from Word) to the plan workbook model. No commune-specific constants. */
import { type Plan, Plan as PlanSchema, type Work, emptyWork } from "../model";
import { closest, hamletKey } from "../text";
import { parseHeader } from "./header";
import { type Line, isRomanHeading, splitLines } from "./lines";
import { parseMembers } from "./members";
import { parseDeadlines, parseSchedule } from "./schedule";
import { breakdownLine, communeWorks, hamletLine, hamletWorks, statedTargets } from "./works";

export interface ImportResult {
  plan: Plan;
  /** What the importer could not place, in Vietnamese, for the user to check. */
  warnings: string[];
}

class HamletBook {
  readonly hamlets: { name: string; responsible: string; works: Work[] }[] = [];

  get(name: string) {
    const key = hamletKey(name);
    let h = this.hamlets.find((x) => hamletKey(x.name) === key);
    if (!h) {
      h = { name, responsible: "", works: [] };
      this.hamlets.push(h);
    }
    return h;
  }

  /** The known hamlet a loosely written name means ("Sân bay" → "Sân Bay"). */
  resolve(name: string): string {
    return (
      closest(
        name,
        this.hamlets.map((h) => h.name)
      ) ?? name
    );
  }
}

/** Lines from the first hamlet line (or the stated totals just above it) to the next Roman-numeral heading. */
function worksRegion(lines: Line[]): { summary: Line | null; region: Line[] } {
  const first = lines.findIndex((l) => hamletLine(l.text));
  if (first < 0) return { summary: null, region: [] };
  const summary = first > 0 && !isRomanHeading(lines[first - 1].text) ? lines[first - 1] : null;
  const end = lines.findIndex((l, i) => i > first && isRomanHeading(l.text));
  return { summary, region: lines.slice(first, end < 0 ? undefined : end) };
}

export function importPlanText(text: string): ImportResult {
  const lines = splitLines(text);
  const warnings: string[] = [];
  const header = parseHeader(lines);
  const year = header.issued ? Number(header.issued.slice(0, 4)) : undefined;
  const schedule = parseSchedule(lines, year);
  const { summary, region } = worksRegion(lines);
  const book = new HamletBook();
  const targets = summary ? statedTargets(summary.text) : [];
  const commune: Work[] = [];
  for (const line of region) {
    const hamlet = hamletLine(line.text);
    if (hamlet) {
      book.get(hamlet.name).works.push(...hamletWorks(hamlet.body, year));
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
    if (works.length) commune.push(...works);
    else if (/\d/.test(line.text))
      warnings.push(`Không nhận ra công việc trong dòng: "${line.text.slice(0, 120)}"`);
  }
  const members = parseMembers(lines).map((m) =>
    m.hamlet ? { ...m, hamlet: book.resolve(m.hamlet) } : m
  );
  for (const m of members) if (m.hamlet) book.get(m.hamlet).responsible ||= m.name;
  if (!book.hamlets.length)
    warnings.push('Không tìm thấy công việc của ấp nào (dòng dạng "- Ấp Cầu: …").');
  if (!schedule.start) warnings.push('Không tìm thấy thời gian của đợt ("từ ngày … đến ngày …").');
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
