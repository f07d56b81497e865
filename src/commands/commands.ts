/* global Office, Excel */
/** The ribbon buttons that run without the task pane: Báo cáo ngày, Kiểm tra and Gửi báo cáo lên. */
import { vietnamNow } from "../core/dates";
import { writeDailyReportCopy, writeFindingsSheet } from "../excel/tasks";
import { describeFailure } from "../taskpane/errors";
import { savedLanguage, stringsFor } from "../taskpane/i18n";
import { sendReportUp } from "../taskpane/sendReport";
import { type Identity, loadIdentity, paneSession } from "../taskpane/syncSession";

type Action = (event: Office.AddinCommands.Event) => void;

/** The query parameter carrying a message when this page is opened as a dialog. */
const MESSAGE_PARAM = "thongbao";

/** A ribbon command: `task` may return a message for the user, shown in a dialog before the command ends. */
function command(task: () => Promise<string | null>): Action {
  const run = async (event: Office.AddinCommands.Event) => {
    try {
      const message = await task();
      if (message) await showMessage(message);
    } catch (e) {
      // A ribbon command has no window of its own; the task pane shows errors, here the log keeps them.
      console.error("DanVan:", e);
    } finally {
      event.completed();
    }
  };
  // Office waits for event.completed(), not for a promise; run() catches every error itself.
  return (event) => void run(event);
}

/**
 * A ribbon command has no window: a refusal is shown in a small dialog (this same page, given the message).
 * Resolves once the user closes it, since completing the command earlier would close the dialog with it.
 */
function showMessage(text: string): Promise<void> {
  const url = new URL(window.location.href);
  url.search = "";
  url.searchParams.set(MESSAGE_PARAM, text);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      url.toString(),
      { height: 25, width: 35, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return resolve();
        result.value.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      }
    );
  });
}

const dailyReport = command(() =>
  Excel.run(async (context) => {
    const outcome = await writeDailyReportCopy(context, vietnamNow(Date.now()));
    return outcome.status === "refused" ? outcome.reason : null;
  })
);
const checkWorkbook = command(() =>
  Excel.run(async (context) => {
    await writeFindingsSheet(context, vietnamNow(Date.now()));
    return null;
  })
);

/**
 * Gửi báo cáo lên: the report of the day Báo cáo ngày takes, sent by this computer's commune device as the pane
 * sends it. Whatever happens is said in the dialog (in the pane's language): sent, waiting, refused, failed.
 */
async function sendUp(): Promise<string> {
  const t = stringsFor(savedLanguage());
  const notices: string[] = [];
  let said;
  try {
    const { identity, notice } = await loadIdentity();
    if (notice) notices.push(notice);
    const session = (id: Identity) => paneSession(id, (n) => notices.push(n));
    said = (await sendReportUp(identity, session)).say(t);
  } catch (e) {
    console.error("DanVan:", e);
    said = describeFailure(e, t, "sync");
  }
  return [said.title, said.body, ...notices].filter(Boolean).join("\n\n");
}
const sendReport = command(sendUp);

// Opened as the dialog of showMessage: the page shows the message.
const shown = new URLSearchParams(window.location.search).get(MESSAGE_PARAM);
if (shown) {
  document.body.style.font = "15px 'Segoe UI', sans-serif";
  document.body.style.whiteSpace = "pre-line";
  document.body.textContent = shown;
}

Office.onReady(() => {
  // Office.actions where the host has it; older hosts look the names up on the global object.
  if (Office.actions) {
    Office.actions.associate("dailyReport", dailyReport);
    Office.actions.associate("checkWorkbook", checkWorkbook);
    Office.actions.associate("sendReport", sendReport);
  }
}).catch((e) => console.error("DanVan:", e));
Object.assign(globalThis, { dailyReport, checkWorkbook, sendReport });
