/**
 * The hamlet's phone page (/ap/ on the sync server): enrol from the link or a code, then report the day.
 * The service worker makes the page open with no network once it has been visited.
 */
import { SyncFailure } from "../sync/errors";
import { type Identity, readIdentity } from "../sync/identity";
import { showApp } from "./app";
import { byId, put, say } from "./dom";
import { codeFromFragment } from "../core/enrolment-link";
import { enrolCard, reenrolCard } from "./enrol";
import { identityPlace } from "./home";
import { STORAGE_PROBLEM } from "./sender";

const notices: string[] = [];

/** A notice about what the phone keeps (a damaged copy set aside): shown until the page is closed. */
function notify(message: string): void {
  notices.push(message);
  say(byId("notice"), notices.join(" "));
}

async function savedIdentity(): Promise<Identity | null> {
  try {
    const { identity, notice } = await readIdentity(identityPlace());
    if (notice) notify(notice);
    return identity;
  } catch (e) {
    notify(e instanceof SyncFailure ? e.message : STORAGE_PROBLEM);
    return null;
  }
}

async function start(): Promise<void> {
  // Browsers keep a page for offline use, and install it, only over https (or on this very machine).
  if (!isSecureContext || !navigator.serviceWorker)
    notify(
      "Trang này chưa mở qua https nên chưa dùng được khi mất mạng; báo xã để máy chủ dùng https."
    );
  void navigator.serviceWorker?.register("sw.js");
  // Ask the browser not to clear this page's storage when space runs low: unsent reports live there.
  void navigator.storage?.persist?.();
  const main = byId("app");
  const code = codeFromFragment(location.hash);
  const identity = await savedIdentity();
  if (!identity) {
    put(main, enrolCard({ code, current: null, enrolled: (id) => void showApp(id, main, notify) }));
    return;
  }
  await showApp(identity, main, notify);
  // A link opened on a phone already enrolled: enrolling again is asked, never done silently.
  if (code) main.prepend(reenrolCard(identity, code));
}

void start();
