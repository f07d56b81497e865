import { type CellValue, cellText } from "./grid";
import type { Ratio } from "./model";

/** "1:3", "1/3", "01 người dân : 03 chiến sĩ", "01 người dân với 03 chiến sĩ LLVT" */
export function parseRatio(value: CellValue): Ratio | null {
  const text = cellText(value);
  const m = /^\D*?(\d+(?:[,.]\d+)?)\D+?(\d+(?:[,.]\d+)?)\D*$/.exec(text);
  if (!m) return null;
  const people = Number(m[1].replace(",", "."));
  const forces = Number(m[2].replace(",", "."));
  return people > 0 && forces > 0 ? { people, forces } : null;
}

/**
 * The đối ứng ratio (e.g. 1:3, one person from the community for three armed-forces members present):
 * how many more people it asks for, 0 when met.
 */
export function peopleShort(
  people: number,
  forces: number,
  ratioPeople: number,
  ratioForces: number
): number {
  const needed = Math.ceil((forces * ratioPeople) / ratioForces - 1e-9);
  return Math.max(0, needed - people);
}
