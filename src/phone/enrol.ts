/**
 * Enrolling the phone as its hamlet's device: from the link in the QR code of the commune's "Mã đăng ký"
 * sheet (`/ap/#code=…`) or a typed code. The identity is kept in the phone's storage, never in the address.
 */
import { formatDate, formatTime, vietnamNow } from "../core/dates";
import { normalCode } from "../core/enrolment-link";
import { fetchTransport } from "../sync/client";
import { SyncFailure, UnreachableError } from "../sync/errors";
import { type Identity, enroll, saveIdentity } from "../sync/identity";
import { memoryPlace } from "../sync/saved";
import { h, say } from "./dom";
import { identityPlace } from "./home";
import { STORAGE_PROBLEM } from "./sender";

/** The link's code leaves the address once it has served: a shared screenshot or history shows no code. */
function forgetCodeInAddress(): void {
  history.replaceState(null, "", location.pathname + location.search);
}

/** Enrols with `code` as a hamlet's device: the server refuses a commune's code and leaves it unused. */
async function enrolPhone(code: string): Promise<Identity> {
  const now = vietnamNow(Date.now());
  const server = location.origin;
  const identity = await enroll(
    fetchTransport(server),
    {
      server,
      code,
      name: `Điện thoại (đăng ký ${formatDate(now.date)} ${formatTime(now.minutes)})`,
      scope: "hamlet",
    },
    memoryPlace()
  );
  await saveIdentity(identityPlace(), identity);
  return identity;
}

function problem(e: unknown): string {
  if (e instanceof UnreachableError)
    return "Không kết nối được máy chủ. Kiểm tra mạng rồi bấm Đăng ký lần nữa.";
  if (e instanceof SyncFailure) return e.message;
  return STORAGE_PROBLEM;
}

/**
 * The enrolment card. With a code from a link it enrols at once; `current` is the identity this phone already
 * has, if any (enrolling again replaces it; what waits to be sent is kept).
 */
export function enrolCard(options: {
  code: string | null;
  current: Identity | null;
  enrolled: (identity: Identity) => void;
  cancel?: () => void;
}): HTMLElement {
  const input = h("input", {
    id: "code",
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    placeholder: "ABCD-EF23",
    value: options.code ?? "",
  });
  const error = h("p", { class: "alert", role: "alert", hidden: true });
  const button = h("button", { type: "submit", class: "send" }, "Đăng ký");
  const submit = async (event?: Event) => {
    event?.preventDefault();
    const code = normalCode(input.value);
    if (code.length < 4) return say(error, "Nhập mã đăng ký xã phát cho ấp (dạng ABCD-EF23).");
    button.disabled = true;
    say(error, null);
    try {
      const identity = await enrolPhone(code);
      forgetCodeInAddress();
      options.enrolled(identity);
    } catch (e) {
      say(error, problem(e));
    } finally {
      button.disabled = false;
    }
  };
  const current = options.current;
  const card = h(
    "form",
    { class: "card", novalidate: true, onsubmit: (event: Event) => void submit(event) },
    h("h2", {}, current ? "Đăng ký lại điện thoại" : "Đăng ký điện thoại cho ấp"),
    h(
      "p",
      {},
      current
        ? `Máy này đang là thiết bị của ấp ${current.hamlet}, xã ${current.commune}. Đăng ký bằng mã mới sẽ thay thế; báo cáo chưa gửi vẫn được giữ.`
        : "Quét mã QR của ấp trên tờ Mã đăng ký xã phát, hoặc nhập mã in bên cạnh."
    ),
    h("label", { for: "code" }, "Mã đăng ký"),
    input,
    error,
    button,
    options.cancel &&
      h("button", { type: "button", class: "plain", onclick: options.cancel }, "Giữ như cũ")
  );
  if (options.code && !current) void submit();
  return card;
}

/** Enrolling a phone that already is a device again (revoked, handed to another hamlet, a new link). */
export function reenrolCard(current: Identity, code: string | null): HTMLElement {
  document.getElementById("reenrol")?.remove();
  const card: HTMLElement = enrolCard({
    code,
    current,
    enrolled: () => location.reload(),
    cancel: () => {
      forgetCodeInAddress();
      card.remove();
    },
  });
  card.id = "reenrol";
  return card;
}
