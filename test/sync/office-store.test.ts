/** The task pane's saved state: browser storage mirrored into a very hidden sheet, each checked on load. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { emptyState } from "../../src/sync/client";
import { readIdentity } from "../../src/sync/identity";
import { hasXmlUnsafe } from "../../src/core/text";
import { MIRROR_SHEET, panePlace, sheetMirrorPlace } from "../../src/sync/office-store";
import { outboxStore } from "../../src/sync/stores";

type G = Record<string, unknown>;
type Book = {
  sheets: { name: string; visibility?: string; rows: unknown[][]; deleted: boolean }[];
};

function installExcel(): Book {
  const g = globalThis as G;
  g.window = globalThis;
  new Function(
    `${readFileSync(join(__dirname, "../fakes/fake-excel.js"), "utf8")}\nglobalThis.installFakeExcel = installFakeExcel;`
  )();
  (g.installFakeExcel as (grid: unknown) => void)({ sheets: [{ name: "Nhật ký", rows: [] }] });
  return g.__book as never;
}

/** What a browser's localStorage holds, as the pane falls back to it outside Office. */
function installLocalStorage(): Map<string, string> {
  const local = new Map<string, string>();
  (globalThis as G).localStorage = {
    getItem: (k: string) => local.get(k) ?? null,
    setItem: (k: string, v: string) => void local.set(k, v),
  };
  return local;
}

const OUTBOX_KEY = "danvan.outbox.1";

function outboxWithEdits() {
  return {
    ...emptyState("enrolment-1"),
    nextMutationID: 3,
    pending: [1, 2].map((id) => ({
      id,
      name: "putRow" as const,
      hash: `h${id}`,
      args: {
        hamlet: "Cầu",
        date: `2024-12-1${id}`,
        baseVersion: 0,
        values: { phat_quang_m: id },
        note: "=1+1",
        reporter: "",
        sentAt: null,
      },
    })),
  };
}

afterEach(() => {
  delete (globalThis as G).OfficeRuntime;
  delete (globalThis as G).localStorage;
});

test("OfficeRuntime.storage where the host has it, else localStorage", async () => {
  const runtime = new Map<string, string>();
  (globalThis as G).OfficeRuntime = {
    storage: {
      getItem: async (k: string) => runtime.get(k) ?? null,
      setItem: async (k: string, v: string) => void runtime.set(k, v),
    },
  };
  await outboxStore([panePlace("k")], () => undefined).save(
    emptyState("enrolment-1", "client-0001")
  );
  expect(JSON.parse(runtime.get("k")!)).toMatchObject({ format: 3, clientID: "client-0001" });
  delete (globalThis as G).OfficeRuntime;
  installLocalStorage();
  const store = outboxStore([panePlace("k")], () => undefined);
  await store.save(emptyState("enrolment-1", "client-0002"));
  expect(await store.load()).toMatchObject({ clientID: "client-0002" });
});

test("a wiped browser cache loses nothing: the outbox comes back from the very hidden sheet", async () => {
  const book = installExcel();
  const local = installLocalStorage();
  const store = outboxStore([panePlace(OUTBOX_KEY), sheetMirrorPlace()], () => undefined);
  const state = outboxWithEdits();
  await store.save(state);
  const mirror = book.sheets.find((s) => s.name === MIRROR_SHEET)!;
  expect(mirror.visibility).toBe("VeryHidden");
  expect(String(mirror.rows[0][0]).startsWith("~")).toBe(true);
  local.clear();
  expect(await store.load()).toEqual(state);
});

test("a note holding characters a workbook cannot store still leaves a workbook that saves: escaped in the mirror, read back the same", async () => {
  const book = installExcel();
  const local = installLocalStorage();
  const store = outboxStore([panePlace(OUTBOX_KEY), sheetMirrorPlace()], () => undefined);
  const state = outboxWithEdits();
  state.pending[0].args.note = "trước\uFFFEsau\u0001";
  await store.save(state);
  const mirror = book.sheets.find((s) => s.name === MIRROR_SHEET)!;
  expect(hasXmlUnsafe(mirror.rows.map((r) => String(r[0])).join(""))).toBe(false);
  local.clear();
  expect(await store.load()).toEqual(state);
});

test("a damaged outbox in browser storage is set aside under a dated key and the mirror stands in", async () => {
  installExcel();
  const local = installLocalStorage();
  const notices: string[] = [];
  const store = outboxStore([panePlace(OUTBOX_KEY), sheetMirrorPlace()], (m) => notices.push(m));
  const state = outboxWithEdits();
  await store.save(state);
  local.set(OUTBOX_KEY, '{"format":2,"clientID":');
  expect(await store.load()).toEqual(state);
  const aside = [...local.keys()].find((k) => k !== OUTBOX_KEY)!;
  expect(aside).toMatch(/^danvan\.outbox\.1\.hong-\d{8}-\d{6}$/);
  expect(local.get(aside)).toBe('{"format":2,"clientID":');
  expect(notices).toEqual([
    `Hàng chờ đồng bộ ở bộ nhớ của ngăn tác vụ (khóa ${OUTBOX_KEY}) bị hỏng (không đọc được nội dung); bản hỏng đã được cất sang khóa ${aside}. Các dòng trong sổ sẽ được gửi lại từ đầu; máy chủ bỏ qua dòng đã có, dòng khác bản trên máy chủ thành xung đột để xã chọn.`,
  ]);
});

test("a damaged very hidden mirror sheet is renamed, kept very hidden, and the user is told", async () => {
  const book = installExcel();
  installLocalStorage();
  const notices: string[] = [];
  const store = outboxStore([panePlace(OUTBOX_KEY), sheetMirrorPlace()], (m) => notices.push(m));
  await store.save(outboxWithEdits());
  (
    globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
  ).localStorage.setItem(OUTBOX_KEY, "");
  const mirror = book.sheets.find((s) => s.name === MIRROR_SHEET)!;
  // Somebody typed into the sheet after un-hiding it with a macro: ids no longer in order.
  const text = JSON.stringify({
    ...JSON.parse(String(mirror.rows[0][0]).slice(1)),
    nextMutationID: 1,
  });
  mirror.rows[0][0] = `~${text}`;
  expect(await store.load()).toBeNull();
  expect(mirror.name).toMatch(/^DanVan_Hong_\d{8}-\d{6}$/);
  expect(mirror.name.length).toBeLessThanOrEqual(31);
  expect(mirror.visibility).toBe("VeryHidden");
  expect(mirror.rows[0][0]).toBe(`~${text}`);
  expect(notices[0]).toMatch(
    new RegExp(
      `^Hàng chờ đồng bộ ở trang ẩn ${MIRROR_SHEET} của sổ bị hỏng \\(nội dung không đúng mẫu ở "pending"\\); bản hỏng đã được cất sang trang ẩn ${mirror.name}\\.`
    )
  );
  // The next save makes a fresh mirror beside the one set aside.
  await store.save(emptyState("enrolment-1"));
  expect(book.sheets.filter((s) => s.name === MIRROR_SHEET)).toHaveLength(1);
});

test("a damaged identity in the pane's storage is set aside and the pane asks to enrol again", async () => {
  const local = installLocalStorage();
  local.set(
    "danvan.identity",
    JSON.stringify({
      clientID: "c",
      token: "t",
      scope: "ấp",
      campaign: 1,
      commune: "Tân Phong",
      hamlet: null,
      server: "x",
    })
  );
  const { identity, notice } = await readIdentity(panePlace("danvan.identity"));
  expect(identity).toBeNull();
  expect(notice).toMatch(
    /^Thông tin đăng ký thiết bị ở bộ nhớ của ngăn tác vụ \(khóa danvan\.identity\) bị hỏng \(nội dung không đúng mẫu ở "scope"\); bản hỏng đã được cất sang khóa danvan\.identity\.hong-\d{8}-\d{6}\. Hãy xin xã mã đăng ký mới và đăng ký lại thiết bị/
  );
  expect(local.get("danvan.identity")).toBe("");
  expect([...local.values()].filter((v) => v.includes("Tân Phong"))).toHaveLength(1);
});
