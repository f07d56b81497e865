/** The plan importer on one long line at 1/10 and at the full size it accepts: linear means a ratio near 10. */
import { MAX_PLAN_CHARS, importPlanText } from "../src/core/importer";
import { time } from "./timing";

function oneLine(chars: number): string {
  const part = "Phát quang dọn vệ sinh, ";
  return `- Ấp Cầu: ${part.repeat(Math.floor((chars - 30) / part.length))}dài 3.000m`;
}

export function importScaling(): string[] {
  const small = oneLine(MAX_PLAN_CHARS / 10);
  const full = oneLine(MAX_PLAN_CHARS);
  const tSmall = time(5, () => importPlanText(small));
  const tFull = time(3, () => importPlanText(full));
  return [
    `Nhập kế hoạch một dòng dài`,
    `  ${small.length.toLocaleString("en")} ký tự: ${tSmall.toFixed(0)} ms`,
    `  ${full.length.toLocaleString("en")} ký tự: ${tFull.toFixed(0)} ms`,
    `  lớn / nhỏ = ${(tFull / tSmall).toFixed(2)} (tuyến tính: 10)`,
  ];
}
