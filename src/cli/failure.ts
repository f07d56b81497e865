/** How a sync failure reaches the user of the command line. */
import { AuthError, SyncFailure, UnreachableError } from "../sync/errors";
import { InputError } from "../xlsx/files";

/**
 * A sync failure as the user reads it: what went wrong, what to do, and any notice given before it. `queued`:
 * the command keeps edits in the outbox (a sync), so an unreachable server loses nothing and says so.
 */
export function failure(e: unknown, server: string, notices: string[], queued = false): unknown {
  const said = (message: string) =>
    new InputError([message, ...notices.map((n) => `Chú ý: ${n}`)].join("\n"));
  if (e instanceof AuthError) return said(`${e.message} Chạy "danvan enroll" với mã mới.`);
  if (e instanceof UnreachableError)
    return said(
      `Không kết nối được máy chủ ${server}. ${queued ? "Các dòng chưa gửi vẫn nằm trong hàng chờ; chạy lại khi có mạng." : "Kiểm tra mạng và địa chỉ máy chủ (--server) rồi chạy lại."}`
    );
  if (e instanceof SyncFailure) return said(e.message);
  return notices.length && e instanceof InputError ? said(e.message) : e;
}
