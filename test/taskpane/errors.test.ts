import { ServerError, UnreachableError, VersionError } from "../../src/sync/errors";
import { describeFailure } from "../../src/taskpane/errors";
import { stringsFor } from "../../src/taskpane/i18n";

const vi = stringsFor("vi");
const officeError = (code: string) =>
  Object.assign(new Error("The requested resource doesn't exist."), {
    name: "RichApi.Error",
    code,
    debugInfo: {},
  });
const said = (e: unknown, action?: "excel" | "enroll" | "sync") => {
  const s = describeFailure(e, vi, action);
  return `${s.title} | ${s.body ?? ""}`;
};

test("a network failure says so, with network advice and nothing about sheets", () => {
  for (const e of [
    new TypeError("Failed to fetch"),
    new TypeError("NetworkError when attempting to fetch resource."),
    new TypeError("Load failed"),
    new UnreachableError("Không kết nối được máy chủ."),
  ]) {
    const text = said(e, "sync");
    expect(text).toMatch(/^Không kết nối được máy chủ đồng bộ \| Kiểm tra mạng Internet/);
    expect(text).not.toMatch(/trang|Failed|Network|Load/);
  }
});

test("a refused enrolment is a wrong code; a busy server is busy", () => {
  expect(
    said(
      new ServerError(
        "Mã đăng ký không đúng hoặc đã được dùng; kiểm tra lại từng ký tự (dạng ABCD-EF23), hoặc xin cấp trên mã mới.",
        "forbidden"
      ),
      "enroll"
    )
  ).toMatch(/^Mã đăng ký không dùng được \| .*xin xã mã mới/);
  expect(said(new ServerError("Quá nhiều yêu cầu; đợi một phút.", "rate_limited"), "enroll")).toBe(
    "Máy chủ đang bận | Đợi một phút rồi bấm lại."
  );
});

test("an Office error names its code with advice for it, never Office's English", () => {
  expect(said(officeError("ItemNotFound"))).toMatch(
    /^Excel không làm được việc này \(mã lỗi ItemNotFound\) \| Trang hoặc ô cần dùng không còn trong sổ/
  );
  expect(said(officeError("InvalidOperationInCellEditMode"))).toMatch(/Nhấn Enter hoặc Esc/);
  expect(said(officeError("GeneralException"))).toMatch(
    /\(mã lỗi GeneralException\) \| Lưu sổ, đóng rồi mở lại Excel/
  );
  expect(said(officeError("ItemNotFound"))).not.toMatch(/resource/);
});

test("the sync session's own Vietnamese words are shown; a stray English error is not", () => {
  expect(
    said(new ServerError("Thiếu thay đổi số 3; gửi lại từ thay đổi cũ nhất.", "gap"), "sync")
  ).toBe("Máy chủ đồng bộ báo lỗi | Thiếu thay đổi số 3; gửi lại từ thay đổi cũ nhất.");
  expect(
    said(
      new VersionError("Phiên bản DanVan trên máy này đã cũ; hãy cập nhật DanVan rồi đồng bộ lại."),
      "sync"
    )
  ).toBe("Phiên bản DanVan trên máy này đã cũ; hãy cập nhật DanVan rồi đồng bộ lại. | ");
  expect(said(new Error("Cannot read properties of undefined (reading 'x')"), "sync")).toMatch(
    /^Có lỗi không lường trước/
  );
  expect(said(new Error("Cannot read properties of undefined (reading 'x')"))).toMatch(
    /^Có lỗi không lường trước \| Lưu sổ/
  );
});
