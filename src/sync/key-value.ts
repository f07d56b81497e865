/** A browser-like key-value storage (OfficeRuntime.storage, localStorage, a phone's storage) as a saved place. */
import type { SavedPlace } from "./saved";

export interface KeyValue {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

/** The browser's localStorage, as the asynchronous storage the other places speak. */
export function browserStorage(): KeyValue {
  // Typed by shape: this module is also built for Node, which has no DOM types.
  type Local = { getItem(key: string): string | null; setItem(key: string, value: string): void };
  const local = () => (globalThis as unknown as { localStorage: Local }).localStorage;
  return {
    getItem: async (key) => local().getItem(key),
    setItem: async (key, value) => local().setItem(key, value),
  };
}

/**
 * One key of `storage`, `label` saying to the user what the storage is; a damaged value is copied to
 * `<key>.hong-<stamp>` and the key emptied.
 */
export function keyValuePlace(storage: KeyValue, key: string, label: string): SavedPlace {
  return {
    where: `${label} (khóa ${key})`,
    read: async () => (await storage.getItem(key)) || null,
    write: (text) => storage.setItem(key, text),
    async setAside(stamp) {
      let name = `${key}.hong-${stamp}`;
      for (let n = 2; await storage.getItem(name); n++) name = `${key}.hong-${stamp}-${n}`;
      await storage.setItem(name, (await storage.getItem(key)) ?? "");
      await storage.setItem(key, "");
      return `khóa ${name}`;
    },
  };
}
