/**
 * The ribbon's Báo cáo ngày as Office runs it: the commands page registers its actions, Excel runs the task,
 * and a refusal is shown in a dialog (the same page given the message), the command completing once it closes.
 */
import { mockWorkbook } from "../helpers/excel-mock";
import { cleanPlan, planToGrid } from "../helpers/plans";
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
