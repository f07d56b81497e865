/* global Excel */
/**
 * Where the task pane keeps its sync state: OfficeRuntime.storage where the host has it, else localStorage;
 * the outbox is mirrored into a very hidden sheet of the workbook, so a wiped browser cache loses nothing.
 * The device token is never written into the workbook, which travels by e-mail and Zalo.
 */
import { xmlSafeJson } from "../core/text";
import { type KeyValue, browserStorage, keyValuePlace } from "./key-value";
import type { SavedPlace } from "./saved";

export function hostStorage(): KeyValue {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: KeyValue } }).OfficeRuntime;
  return runtime?.storage ?? browserStorage();
}

/** One key of the pane's storage. */
export function panePlace(key: string): SavedPlace {
  return keyValuePlace(hostStorage(), key, "bộ nhớ của ngăn tác vụ");
}

export const MIRROR_SHEET = "DanVan_DongBo";
/** Below Excel's 32 767 characters per cell. */
const CHUNK = 30_000;
/** Starts every chunk, so none can begin with "=", "+", "-" or "@" and be taken for a formula. */
const MARK = "~";

/** The outbox as JSON text in column A of a very hidden sheet; a damaged one is renamed, still very hidden. */
export function sheetMirrorPlace(): SavedPlace {
  return {
    where: `trang ẩn ${MIRROR_SHEET} của sổ`,
    read: () =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(MIRROR_SHEET);
        await context.sync();
        if (ws.isNullObject) return null;
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("values");
        await context.sync();
        if (used.isNullObject) return null;
        return used.values.map((r) => String(r[0] ?? "").slice(MARK.length)).join("") || null;
      }),
    write: (text) =>
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const old = sheets.getItemOrNullObject(MIRROR_SHEET);
        await context.sync();
        const ws = old.isNullObject ? sheets.add(MIRROR_SHEET) : old;
        ws.visibility = Excel.SheetVisibility.veryHidden;
        ws.getRange("A:A").clear();
        // A note may still hold U+FFFE (the server refuses it later): the workbook must save and reopen anyway.
        const safe = xmlSafeJson(text);
        const chunks = Array.from(
          { length: Math.max(1, Math.ceil(safe.length / CHUNK)) },
          (_, i) => [`${MARK}${safe.slice(i * CHUNK, (i + 1) * CHUNK)}`]
        );
        ws.getRange(`A1:A${chunks.length}`).values = chunks;
        await context.sync();
      }),
    setAside: (stamp) =>
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const taken = new Set(sheets.items.map((ws) => ws.name));
        let name = `DanVan_Hong_${stamp}`;
        for (let n = 2; taken.has(name); n++) name = `DanVan_Hong_${stamp}_${n}`;
        sheets.getItem(MIRROR_SHEET).name = name;
        await context.sync();
        return `trang ẩn ${name}`;
      }),
  };
}
