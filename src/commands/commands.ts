/* global Office, Excel */
/** The ribbon buttons that run without the task pane: Báo cáo ngày and Kiểm tra. */
import { vietnamNow } from "../core/dates";
import { writeDailyReportCopy, writeFindingsSheet } from "../excel/tasks";

type Action = (event: Office.AddinCommands.Event) => Promise<void>;

function command(task: (context: Excel.RequestContext) => Promise<unknown>): Action {
  return async (event) => {
    try {
      await Excel.run(task);
    } catch (e) {
      // A ribbon command has no window of its own; the task pane shows errors, here the log keeps them.
      console.error("DanVan:", e);
    } finally {
      event.completed();
    }
  };
}

const dailyReport = command((context) => writeDailyReportCopy(context, vietnamNow(Date.now())));
const checkWorkbook = command((context) => writeFindingsSheet(context, vietnamNow(Date.now())));

Office.onReady(() => {
  // Office.actions where the host has it; older hosts look the names up on the global object.
  if (Office.actions) {
    Office.actions.associate("dailyReport", dailyReport);
    Office.actions.associate("checkWorkbook", checkWorkbook);
  }
});
Object.assign(globalThis, { dailyReport, checkWorkbook });
