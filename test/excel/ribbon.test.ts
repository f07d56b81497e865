/**
 * The ribbon's commands as Office runs them: the commands page registers its actions, Excel runs the task,
 * and a message is shown in a dialog (the same page given the message), the command completing once it closes.
 * Gửi báo cáo lên talks to a real sync server on loopback (SQLite).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createCampaign } from "../../server/admin";
import { buildApp } from "../../server/app";
import { openDatabase } from "../../server/store/open";
import { formatDate } from "../../src/core/dates";
import { fetchTransport } from "../../src/sync/client";
import { enroll } from "../../src/sync/identity";
import { panePlace } from "../../src/sync/office-store";
import { mockWorkbook } from "../helpers/excel-mock";
import { cleanPlan, planToGrid, seedPlanWithJournal } from "../helpers/plans";
import type { Grid } from "../../src/core/grid";

type Action = (event: { completed: () => void }) => void;

const PAGE = "https://localhost:3000/commands.html";

/** Loads the commands page against a workbook holding `grid`, at `url`; returns its actions and dialogs. */
function loadCommands(grid: Grid, url = PAGE) {
  const wb = mockWorkbook(grid);
  const actions: Record<string, Action> = {};
  const dialogs: { url: string; close: () => void }[] = [];
  let opened: () => void = () => undefined;
  const dialogOpened = new Promise<void>((resolve) => (opened = resolve));
  const office = (
    globalThis as unknown as {
      Office: Record<string, unknown> & { context: Record<string, unknown> };
    }
  ).Office;
  Object.assign(office, {
    onReady: async (ready: () => void) => ready(),
    actions: { associate: (name: string, action: Action) => (actions[name] = action) },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogEventReceived: "dialogEventReceived" },
  });
  office.context.ui = {
    displayDialogAsync: (dialogUrl: string, _options: unknown, callback: (r: unknown) => void) => {
      const dialog: { url: string; close: () => void } = { url: dialogUrl, close: () => undefined };
      dialogs.push(dialog);
      opened();
      callback({
        status: "succeeded",
        value: {
          addEventHandler: (_event: string, handler: () => void) => (dialog.close = handler),
        },
      });
    },
  };
  (globalThis as unknown as { Excel: Record<string, unknown> }).Excel.run = (
    task: (c: Excel.RequestContext) => Promise<unknown>
  ) => task(wb.context);
  const body = { style: {} as Record<string, string>, textContent: "" };
  Object.assign(globalThis, { window: { location: new URL(url) }, document: { body } });
  jest.isolateModules(() => require("../../src/commands/commands"));
  return { wb, actions, dialogs, dialogOpened, body };
}

/** Runs an action as Office does: it is done when it calls event.completed(), whatever it returns. */
function perform(action: Action) {
  let completed = false;
  const done = new Promise<void>((resolve) =>
    action({
      completed: () => {
        completed = true;
        resolve();
      },
    })
  );
  return { done, completed: () => completed };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).window;
  delete (globalThis as Record<string, unknown>).document;
});

test("on a workbook without a plan, Báo cáo ngày writes nothing and shows why in a dialog; on a plan it writes the report", async () => {
  const { wb, actions, dialogs, dialogOpened } = loadCommands({
    sheets: [{ name: "Sheet1", rows: [] }],
  });
  const running = perform(actions.dailyReport);
  await dialogOpened;
  expect(dialogs).toHaveLength(1);
  expect(new URL(dialogs[0].url).searchParams.get("thongbao")).toMatch(/^Sổ chưa có kế hoạch: /);
  expect(new URL(dialogs[0].url).pathname).toBe("/commands.html");
  expect(running.completed()).toBe(false);
  dialogs[0].close();
  await running.done;
  expect(wb.added()).toEqual([]);

  const plan = loadCommands(planToGrid(cleanPlan()));
  await perform(plan.actions.dailyReport).done;
  expect(plan.dialogs).toEqual([]);
  expect(plan.wb.added()).toHaveLength(1);
});

test("opened as that dialog, the commands page shows the message", () => {
  const url = `${PAGE}?thongbao=${encodeURIComponent("Sổ chưa có kế hoạch: …")}`;
  const { body } = loadCommands({ sheets: [] }, url);
  expect(body.textContent).toBe("Sổ chưa có kế hoạch: …");
});

/**
 * The in-memory Excel of the browser tests (it holds the very hidden sheet the pane's outbox is mirrored into),
 * standing in for Excel once loadCommands has loaded the commands page.
 */
function useFakeExcel(grid: Grid): void {
  const host: Record<string, unknown> = {};
  new Function(
    "window",
    `${readFileSync(join(__dirname, "../fakes/fake-excel.js"), "utf8")}\ninstallFakeExcel(window.grid);`
  )(Object.assign(host, { grid }));
  (globalThis as Record<string, unknown>).Excel = host.Excel;
}

test("Gửi báo cáo lên: a commune's computer sends the day's report and the dialog says which version; offline it waits; a computer not enrolled as a commune is told what to do", async () => {
  const local = new Map<string, string>();
  (globalThis as Record<string, unknown>).localStorage = {
    getItem: (k: string) => local.get(k) ?? null,
    setItem: (k: string, v: string) => void local.set(k, v),
  };
  const db = await openDatabase(":memory:");
  const app = await buildApp({ db });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const server = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const plan = seedPlanWithJournal();
  const message = async (): Promise<string | null> => {
    const page = loadCommands({ sheets: [] });
    useFakeExcel(planToGrid(plan));
    const running = perform(page.actions.sendReport);
    await page.dialogOpened;
    expect(running.completed()).toBe(false);
    page.dialogs[0].close();
    await running.done;
    return new URL(page.dialogs[0].url).searchParams.get("thongbao");
  };
  try {
    expect(await message()).toBe(
      "Máy này chưa đăng ký là thiết bị của xã. Mở DanVan, thẻ Đồng bộ, đăng ký bằng mã cấp trên cấp rồi gửi lại."
    );
    const { codes } = await createCampaign(db, plan, "Tây Ninh");
    const code = (codes as { commune: string }).commune;
    await enroll(
      fetchTransport(server),
      { server, code, name: "Máy xã Tân Phong" },
      panePlace("danvan.identity")
    );
    // Today lies after the campaign: the ribbon sends its last day, as Báo cáo ngày makes it.
    const day = formatDate(plan.settings.end!);
    expect(await message()).toBe(`Đã gửi báo cáo ngày ${day} lên cấp trên (lần 1)`);
    const stored = await db.read((tx) =>
      tx.all<{ day: string }>("SELECT day FROM commune_reports")
    );
    expect(stored.map((r) => r.day)).toEqual([plan.settings.end]);
    await app.close();
    expect(await message()).toBe("Chưa gửi được: đang chờ mạng; sẽ tự gửi ở lần đồng bộ sau");
  } finally {
    await app.close();
    await db.close();
    delete (globalThis as Record<string, unknown>).localStorage;
  }
}, 60000);
