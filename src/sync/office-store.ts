/* global Excel */
/**
 * Where the task pane keeps its sync state: OfficeRuntime.storage where the host has it, else localStorage;
 * the outbox is mirrored into a very hidden sheet of the workbook, so a wiped browser cache loses nothing.
 * The device token is never written into the workbook, which travels by e-mail and Zalo.
 */
import type { OutboxState, StateStore } from "./client";

interface KeyValue {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

export function hostStorage(): KeyValue {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: KeyValue } }).OfficeRuntime;
  if (runtime?.storage) return runtime.storage;
  return {
    getItem: async (key) => globalThis.localStorage.getItem(key),
    setItem: async (key, value) => globalThis.localStorage.setItem(key, value),
  };
}

export function keyValueStore(storage: KeyValue, key: string): StateStore {
  return {
    load: async () => {
      const text = await storage.getItem(key);
      return text ? (JSON.parse(text) as OutboxState) : null;
    },
    save: (state) => storage.setItem(key, JSON.stringify(state)),
  };
}

export const MIRROR_SHEET = "DanVan_DongBo";
/** Below Excel's 32 767 characters per cell. */
const CHUNK = 30_000;
/** Starts every chunk, so none can begin with "=", "+", "-" or "@" and be taken for a formula. */
const MARK = "~";

/** The outbox as JSON text in column A of a very hidden sheet. */
export function sheetMirrorStore(): StateStore {
  return {
    load: () =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(MIRROR_SHEET);
        await context.sync();
        if (ws.isNullObject) return null;
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("values");
        await context.sync();
        if (used.isNullObject) return null;
        const text = used.values.map((r) => String(r[0] ?? "").slice(MARK.length)).join("");
        return text ? (JSON.parse(text) as OutboxState) : null;
      }),
    save: (state) =>
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const old = sheets.getItemOrNullObject(MIRROR_SHEET);
        await context.sync();
        const ws = old.isNullObject ? sheets.add(MIRROR_SHEET) : old;
        ws.visibility = Excel.SheetVisibility.veryHidden;
        ws.getRange("A:A").clear();
        const text = JSON.stringify(state);
        const chunks = Array.from(
          { length: Math.max(1, Math.ceil(text.length / CHUNK)) },
          (_, i) => [`${MARK}${text.slice(i * CHUNK, (i + 1) * CHUNK)}`]
        );
        ws.getRange(`A1:A${chunks.length}`).values = chunks;
        await context.sync();
      }),
  };
}
