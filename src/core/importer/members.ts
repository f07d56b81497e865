/** The steering committee's members and the hamlet each one is in charge of. */
import type { Member } from "../model";
import { bareHamletName, fold } from "../text";
import type { Line } from "./lines";

const MEMBER = /^(?:(\d+)\s*[-.)]\s*)?Đồng chí\s+(.+)$/iu;
const ROLE = /(?:\s[-–]\s|,\s)(Phó trưởng ban chỉ đạo|Trưởng ban chỉ đạo)/iu;
const MEMBER_ROLE = /[\s,–-]*thành viên ban chỉ đạo/iu;
const IN_CHARGE = /(?:phụ trách|theo dõi)\s+(?:xã\s+)?ấp\s+([^.;,(]+)/iu;

function splitName(rest: string): [string, string] {
  const m = /^(.+?)\s*[-–]\s*(.*)$/u.exec(rest);
  if (m && m[1].split(" ").length <= 6) return [m[1].trim(), m[2]];
  const words = rest.split(" ");
  return [words.slice(0, 4).join(" "), words.slice(4).join(" ")];
}

function positionAndRole(text: string): [string, string] {
  const role = ROLE.exec(text);
  const member = MEMBER_ROLE.exec(text);
  if (role && (!member || role.index < member.index)) {
    const roleText = /^phó/i.test(role[1]) ? "Phó Trưởng Ban Chỉ đạo" : "Trưởng Ban Chỉ đạo";
    return [text.slice(0, role.index).trim(), roleText];
  }
  if (member) return [text.slice(0, member.index).trim(), "Thành viên"];
  return [text.split(/[.;:]/)[0].trim(), "Thành viên"];
}

export function parseMembers(lines: Line[]): Member[] {
  const start = lines.findIndex((l) => fold(l.text).includes("phan cong thanh vien"));
  const region = start >= 0 ? lines.slice(start) : lines;
  const out: Member[] = [];
  for (const line of region) {
    const m = MEMBER.exec(line.text);
    if (!m) continue;
    const [name, rest] = splitName(m[2]);
    const [position, role] = positionAndRole(rest);
    const hamlet = IN_CHARGE.exec(rest);
    out.push({
      no: out.length + 1,
      name,
      position,
      role,
      hamlet: hamlet ? bareHamletName(hamlet[1]) : "",
    });
  }
  return out;
}
