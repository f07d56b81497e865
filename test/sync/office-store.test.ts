import { readFileSync } from "node:fs";
import { join } from "node:path";
import { emptyState } from "../../src/sync/client";
import { MIRROR_SHEET, hostStorage, keyValueStore, sheetMirrorStore } from "../../src/sync/office-store";
import { memoryStore, mirroredStore } from "../../src/sync/stores";

type G = Record<string, unknown>;

function installExcel(): { sheets: { name: string; visibility?: string; rows: unknown[][] }[] } {
  const g = globalThis as G;
  g.window = globalThis;
  new Function(`${readFileSync(join(__dirname, "../fakes/fake-excel.js"), "utf8")}\nglobalThis.installFakeExcel = installFakeExcel;`)();
  (g.installFakeExcel as (grid: unknown) => void)({ sheets: [{ name: "Nhật ký", rows: [] }] });
  return g.__book as never;
}

afterEach(() => {
  delete (globalThis as G).OfficeRuntime;
  delete (globalThis as G).localStorage;
});

test("OfficeRuntime.storage where the host has it, else localStorage", async () => {
  const runtime = new Map<string, string>();
  (globalThis as G).OfficeRuntime = {
    storage: { getItem: async (k: string) => runtime.get(k) ?? null, setItem: async (k: string, v: string) => void runtime.set(k, v) },
  };
  await keyValueStore(hostStorage(), "k").save(emptyState("client-1"));
  expect(JSON.parse(runtime.get("k")!)).toMatchObject({ clientID: "client-1" });
  delete (globalThis as G).OfficeRuntime;
  const local = new Map<string, string>();
  (globalThis as G).localStorage = { getItem: (k: string) => local.get(k) ?? null, setItem: (k: string, v: string) => void local.set(k, v) };
  await keyValueStore(hostStorage(), "k").save(emptyState("client-2"));
  expect(await keyValueStore(hostStorage(), "k").load()).toMatchObject({ clientID: "client-2" });
});

test("a wiped browser cache loses nothing: the outbox comes back from the very hidden sheet", async () => {
  const book = installExcel();
  const primary = memoryStore();
  const store = mirroredStore(primary, sheetMirrorStore());
  const state = {
    ...emptyState("pane-1"),
    nextMutationID: 3,
    pending: [1, 2].map((id) => ({
      id, hash: `h${id}`,
      args: { hamlet: "Cầu", date: `2024-12-1${id}`, baseVersion: 0, values: { phat_quang_m: id }, note: "=1+1", reporter: "", sentAt: null },
    })),
  };
  await store.save(state);
  const mirror = book.sheets.find((s) => s.name === MIRROR_SHEET)!;
  expect(mirror.visibility).toBe("VeryHidden");
  expect(String(mirror.rows[0][0]).startsWith("~")).toBe(true);
  primary.clear();
  expect(await store.load()).toEqual(state);
});
