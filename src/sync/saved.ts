/**
 * What a sync client keeps between runs (its identity, its outbox) as versioned JSON documents. Each is
 * validated on load and upgraded from older formats; a damaged one is set aside under a dated name and the user
 * is told, never dropped silently and never a crash. A document written by a newer DanVan is left untouched.
 */
import type { z } from "zod";
import { VersionError } from "./errors";

/** One place a document is kept: a file, a browser storage key, a very hidden sheet. */
export interface SavedPlace {
  /** Where it is, for the user: `tệp /home/an/.danvan/outbox-3.json`. */
  readonly where: string;
  /** The text, or null when nothing is kept there. */
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
  /** Moves the kept text out of the way under a name carrying `stamp`; returns that name. */
  setAside(stamp: string): Promise<string>;
}

export interface SavedFormat<T> {
  /** What the document is, for the user: "Hàng chờ đồng bộ". */
  what: string;
  /** What the user should know or do once a damaged copy was set aside. */
  next: string;
  /** The format written now; a document without `format` is format 1. */
  version: number;
  schema: z.ZodType<T>;
  /** Upgrades a document of format n (the key) to format n + 1. */
  upgrades: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; newer: boolean; problem: string };

/** Parses, upgrades and validates a document's text. */
export function decodeSaved<T>(text: string, format: SavedFormat<T>): Decoded<T> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, newer: false, problem: "không đọc được nội dung" };
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc))
    return { ok: false, newer: false, problem: "nội dung không đúng mẫu" };
  let { format: version = 1, ...body } = doc as Record<string, unknown>;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1)
    return { ok: false, newer: false, problem: "không rõ phiên bản" };
  if (version > format.version) return { ok: false, newer: true, problem: `phiên bản ${version}` };
  for (; version < format.version; version++) body = format.upgrades[version](body);
  const parsed = format.schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const path = parsed.error.issues[0]?.path.join(".");
  return {
    ok: false,
    newer: false,
    problem: `nội dung không đúng mẫu${path ? ` ở "${path}"` : ""}`,
  };
}

export function encodeSaved<T>(value: T, format: SavedFormat<T>): string {
  return JSON.stringify({ format: format.version, ...value });
}

/** "20261130-084312", local time: sorts by date and is safe in file, key and sheet names. */
export function stamp(at: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
}

export interface SavedDocument<T> {
  /** The document, or null when none is kept (or a damaged one was just set aside and `notify` told). */
  load(): Promise<T | null>;
  save(value: T): Promise<void>;
}

export function savedDocument<T>(
  place: SavedPlace,
  format: SavedFormat<T>,
  notify: (message: string) => void
): SavedDocument<T> {
  return {
    async load() {
      const text = await place.read();
      if (!text) return null;
      const decoded = decodeSaved(text, format);
      if (decoded.ok) return decoded.value;
      if (decoded.newer)
        throw new VersionError(
          `${format.what} ở ${place.where} do một phiên bản DanVan mới hơn ghi (${decoded.problem}); hãy cập nhật DanVan trên máy này.`
        );
      const aside = await place.setAside(stamp());
      notify(
        `${format.what} ở ${place.where} bị hỏng (${decoded.problem}); bản hỏng đã được cất sang ${aside}. ${format.next}`
      );
      return null;
    },
    save: (value) => place.write(encodeSaved(value, format)),
  };
}

/** Kept in memory only: tests, and a client that has nowhere better. */
export function memoryPlace(
  where = "bộ nhớ tạm"
): SavedPlace & { text: string | null; aside: Map<string, string> } {
  const place = {
    where,
    text: null as string | null,
    aside: new Map<string, string>(),
    read: async () => place.text,
    write: async (text: string) => {
      place.text = text;
    },
    setAside: async (at: string) => {
      const name = `${where} (hỏng ${at})`;
      place.aside.set(name, place.text ?? "");
      place.text = null;
      return name;
    },
  };
  return place;
}
