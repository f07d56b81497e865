/** The document header: Cấp ủy, issuing body, number, place and date, the plan's name. */
import { isoDate } from "../dates";
import { fold } from "../text";
import type { Line } from "./lines";

export interface Header {
  party_committee: string;
  issuer: string;
  number: string;
  place_name: string;
  issued: string | null;
  name: string;
}

const PLACE_DATE = /^(.+?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const PARTY_COMMITTEE = /^ĐẢNG\s+(?:ỦY|UỶ|BỘ)\s+\S/u;
const NATIONAL = "dang cong san viet nam";
/** "Số      -KH/BCĐ" (the number is left blank until the document is registered) */
const NUMBER = /^Số(?:\s*:)?(?:\s+|$)/u;

function isUpper(text: string): boolean {
  return /\p{Lu}/u.test(text) && text === text.toUpperCase();
}

/** The body starts at the first long sentence; the header is what stands above it. */
function headerLines(lines: Line[]): Line[] {
  const body = lines.findIndex((l) => l.text.length > 120);
  return body < 0 ? lines : lines.slice(0, body);
}

export function parseHeader(lines: Line[]): Header {
  const head = headerLines(lines);
  const out: Header = {
    party_committee: "",
    issuer: "",
    number: "",
    place_name: "",
    issued: null,
    name: "",
  };
  const issuer: string[] = [];
  let inIssuer = false;
  for (const line of head) {
    for (const seg of line.segments) {
      const pd = PLACE_DATE.exec(seg);
      if (pd && !out.place_name) {
        out.place_name = pd[1].trim();
        out.issued = isoDate(Number(pd[4]), Number(pd[3]), Number(pd[2]));
      }
    }
    const left = line.segments[0] ?? "";
    if (!out.party_committee && PARTY_COMMITTEE.test(left) && fold(left) !== NATIONAL) {
      out.party_committee = left;
      inIssuer = true;
      continue;
    }
    if (NUMBER.test(line.text) && !out.number) out.number = line.text.replace(NUMBER, "").trim();
    if (inIssuer && (left === "*" || NUMBER.test(left) || !isUpper(left))) inIssuer = false;
    else if (inIssuer && fold(left) !== NATIONAL) issuer.push(left);
  }
  out.issuer = issuer.join(" ");
  out.name = planName(lines);
  return out;
}

/** The line under the "KẾ HOẠCH" title. */
function planName(lines: Line[]): string {
  const i = lines.findIndex(
    (l, k) => fold(l.text) === "ke hoach" && lines[k + 1] && !isUpper(lines[k + 1].text)
  );
  return i >= 0 ? lines[i + 1].text : "";
}
