/**
 * Which sheet plays each part of the plan workbook when several could: a copy ("Ấp Cầu (2)"), an old hidden
 * one ("Nhat ky" before "Nhật ký"), names that differ only by a tone mark ("Bàu Sen", "Bầu Sen"). One sheet
 * is read — visible before hidden, the original before a copy, then the first — and each other is a finding
 * naming both.
 */
import { type Finding, finding } from "./findings";
import type { GridSheet } from "./grid";
import { SHEET } from "./sheets";
import { bareHamletName, foldUndoubled, hamletKey } from "./text";

/** Excel names a copied sheet "Ấp Cầu (2)". */
const COPY_SUFFIX = /\s*\(\d+\)\s*$/;

const withoutCopySuffix = (name: string) => name.replace(COPY_SUFFIX, "");

export function isHamletSheet(name: string): boolean {
  return /^ap \S/.test(foldUndoubled(name));
}

/** The hamlet a sheet is for: "Ấp Cầu (2)" is Cầu. */
export function hamletOfSheet(name: string): string {
  return bareHamletName(withoutCopySuffix(name));
}

const ROLE_KEYS = new Set(Object.values(SHEET).map((n) => foldUndoubled(n)));

/** Sheets that are the same part of the plan share a key; other sheets (reports, notes) have none. */
function roleKey(sheet: GridSheet): string | null {
  const name = withoutCopySuffix(sheet.name);
  if (isHamletSheet(name)) return `ap:${hamletKey(name)}`;
  const key = foldUndoubled(name);
  return ROLE_KEYS.has(key) ? key : null;
}

const hidden = (s: GridSheet) => (s.visibility ?? "visible") !== "visible";

/** Lower ranks first: visible, then not a copy, then sheet order. */
function rank(s: GridSheet, order: number): number {
  return (hidden(s) ? 2 : 0) * 1e6 + (COPY_SUFFIX.test(s.name) ? 1 : 0) * 5e5 + order;
}

function duplicateFinding(kept: GridSheet, other: GridSheet, hamlet: boolean): Finding {
  const code = hamlet ? "HAMLET_DUPLICATE" : "SHEET_DUPLICATE";
  const what = hidden(other) ? `Trang ẩn "${other.name}"` : `Trang "${other.name}"`;
  const sameLetters = foldUndoubled(withoutCopySuffix(other.name)) === foldUndoubled(kept.name);
  const why =
    sameLetters && withoutCopySuffix(other.name).normalize("NFC") !== kept.name.normalize("NFC")
      ? `chỉ khác "${kept.name}" ở dấu hoặc cách viết nên DanVan coi là cùng một ${hamlet ? "ấp" : "trang"}`
      : `trùng ${hamlet ? "ấp" : "trang"} với trang "${kept.name}"`;
  const fix = hidden(other)
    ? "xóa trang ẩn nếu không dùng nữa"
    : hamlet
      ? "gộp hai trang làm một, hoặc đặt tên hai ấp khác hẳn nhau"
      : "gộp hai trang làm một";
  return finding(
    code,
    hidden(other) ? "warning" : "error",
    { sheet: other.name, cell: null },
    `${what} ${why}; chỉ đọc trang "${kept.name}", ${fix}.`,
    { expected: kept.name, actual: other.name }
  );
}

export interface SheetRoles {
  /** The sheet read for a role, by its folded name ("nhat ky"). */
  byKey: Map<string, GridSheet>;
  /** The hamlet sheets read, in workbook order. */
  hamlets: GridSheet[];
  findings: Finding[];
}

export function sheetRoles(sheets: GridSheet[]): SheetRoles {
  const groups = new Map<string, { sheet: GridSheet; order: number }[]>();
  sheets.forEach((sheet, order) => {
    const key = roleKey(sheet);
    if (key) groups.set(key, [...(groups.get(key) ?? []), { sheet, order }]);
  });
  const byKey = new Map<string, GridSheet>();
  const findings: Finding[] = [];
  for (const [key, members] of groups) {
    const [kept, ...others] = [...members].sort(
      (a, b) => rank(a.sheet, a.order) - rank(b.sheet, b.order)
    );
    byKey.set(key, kept.sheet);
    for (const o of others)
      findings.push(duplicateFinding(kept.sheet, o.sheet, key.startsWith("ap:")));
  }
  const hamlets = sheets.filter((s) => byKey.get(roleKey(s) ?? "") === s && isHamletSheet(s.name));
  return { byKey, hamlets, findings };
}

export function roleSheet(roles: SheetRoles, name: string): GridSheet | undefined {
  return roles.byKey.get(foldUndoubled(name));
}
