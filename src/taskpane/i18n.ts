/** The task pane's words: Vietnamese, with English when Office's display language is not Vietnamese. */
const VI = {
  appTitle: "DanVan — Công tác dân vận",
  tabs: {
    create: "Tạo sổ",
    check: "Kiểm tra",
    totals: "Tổng hợp",
    deadlines: "Thời hạn",
    report: "Báo cáo ngày",
    sync: "Đồng bộ",
  },
  working: "Đang xử lý…",
  errorTitle: "Không làm được",
  errorHint:
    "Kiểm tra sổ đang mở có các trang Kế hoạch, Ấp …, Nhật ký rồi thử lại. Nếu vẫn lỗi, lưu tệp, đóng và mở lại Excel.",
  create: {
    intro:
      "Tạo sổ kế hoạch trống trong tệp đang mở, hoặc dán nội dung kế hoạch (chép từ Word) để nhập.",
    hamlets: "Các ấp (cách nhau bằng dấu phẩy)",
    empty: "Tạo sổ trống",
    paste: "Nội dung kế hoạch",
    preview: "Xem trước",
    write: "Ghi vào sổ",
    previewTitle: "Sẽ ghi vào sổ",
    summary: (h: number, w: number, d: number) => `${h} ấp, ${w} công việc, ${d} thời hạn`,
    done: "Đã ghi sổ kế hoạch vào tệp.",
    nothing: "Không tìm thấy nội dung kế hoạch trong đoạn đã dán.",
  },
  check: {
    run: "Kiểm tra sổ",
    clean: "Không có lỗi nào.",
    summary: (e: number, w: number, i: number) => `${e} lỗi, ${w} cảnh báo, ${i} lưu ý`,
    severity: { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" },
    noSheet: "Chung",
  },
  totals: {
    run: "Tổng hợp",
    chart: "Ghi trang Tổng hợp có biểu đồ",
    hamlet: "Ấp",
    planned: "Kế hoạch (m)",
    done: "Đã làm (m)",
    progress: "Tiến độ",
    category: "Công việc",
    stated: "Chỉ tiêu",
    itemised: "Cộng chi tiết",
    written: "Đã ghi trang Tổng hợp.",
  },
  deadlines: {
    run: "Xem thời hạn",
    content: "Nội dung",
    status: "Tình trạng",
    reports: "Báo cáo ngày của các ấp",
    allOnTime: "đủ, đúng giờ",
  },
  report: {
    date: "Ngày báo cáo",
    make: "Lập báo cáo",
    exists: (s: string) => `Đã có trang ${s}. Thay bằng báo cáo mới?`,
    replace: "Thay trang cũ",
    cancel: "Để nguyên",
    written: (s: string) => `Đã lập trang ${s}.`,
    missing: "Ấp chưa gửi",
    late: "Ấp gửi trễ",
    none: "không có",
    day: (n: number | null) => (n ? `ngày thứ ${n} của đợt` : ""),
  },
  sync: {
    title: "Đồng bộ với máy chủ DanVan",
    server: "Địa chỉ máy chủ",
    code: "Mã đăng ký (xã cấp)",
    enroll: "Đăng ký thiết bị",
    device: (hamlet: string | null, commune: string) =>
      hamlet ? `Thiết bị của ấp ${hamlet}, xã ${commune}` : `Thiết bị của xã ${commune}`,
    status: (pending: number, at: string | null) =>
      `Chờ gửi: ${pending} dòng${at ? ` · lần đồng bộ cuối: ${at}` : ""}`,
    now: "Đồng bộ ngay",
    done: (pushed: number, pulled: number, refused: number) =>
      `Đã gửi ${pushed} dòng, nhận ${pulled} dòng${refused ? `, ${refused} dòng không gửi được` : ""}.`,
    refused: "Dòng không gửi được",
    line: (hamlet: string, date: string, reason: string) => `Ấp ${hamlet}, ngày ${date}: ${reason}`,
    revoked:
      "Thiết bị đã bị thu hồi hoặc chưa đăng ký. Các dòng chưa gửi vẫn được giữ; hãy xin xã mã mới và đăng ký lại.",
    conflicts: "Xung đột chờ xã chọn",
    row: "Dòng",
    current: "Bản hiện tại",
    proposed: "Bản gửi sau",
    keep: "Giữ",
    take: "Lấy bản này",
  },
};

type Strings = typeof VI;

const EN: Strings = {
  appTitle: "DanVan — Mass mobilisation",
  tabs: {
    create: "Create",
    check: "Check",
    totals: "Totals",
    deadlines: "Deadlines",
    report: "Daily report",
    sync: "Sync",
  },
  working: "Working…",
  errorTitle: "Could not do it",
  errorHint:
    "Make sure the open file has the Kế hoạch, Ấp … and Nhật ký sheets, then try again. If it still fails, save, close and reopen Excel.",
  create: {
    intro:
      "Create an empty plan workbook in the open file, or paste the plan's text (copied from Word) to import it.",
    hamlets: "Hamlets (comma separated)",
    empty: "Create empty workbook",
    paste: "Plan text",
    preview: "Preview",
    write: "Write to workbook",
    previewTitle: "Will be written",
    summary: (h: number, w: number, d: number) => `${h} hamlets, ${w} works, ${d} deadlines`,
    done: "The plan workbook was written into the file.",
    nothing: "No plan content was found in the pasted text.",
  },
  check: {
    run: "Check workbook",
    clean: "No problems found.",
    summary: (e: number, w: number, i: number) => `${e} errors, ${w} warnings, ${i} notes`,
    severity: { error: "Error", warning: "Warning", info: "Note" },
    noSheet: "General",
  },
  totals: {
    run: "Compute totals",
    chart: "Write the Tổng hợp sheet with a chart",
    hamlet: "Hamlet",
    planned: "Planned (m)",
    done: "Done (m)",
    progress: "Progress",
    category: "Work",
    stated: "Stated",
    itemised: "Itemised",
    written: "The Tổng hợp sheet was written.",
  },
  deadlines: {
    run: "Show deadlines",
    content: "Task",
    status: "Status",
    reports: "Hamlets' daily reports",
    allOnTime: "all on time",
  },
  report: {
    date: "Report date",
    make: "Make report",
    exists: (s: string) => `Sheet ${s} already exists. Replace it with a new report?`,
    replace: "Replace",
    cancel: "Keep it",
    written: (s: string) => `Sheet ${s} was made.`,
    missing: "Not sent",
    late: "Sent late",
    none: "none",
    day: (n: number | null) => (n ? `campaign day ${n}` : ""),
  },
  sync: {
    title: "Sync with the DanVan server",
    server: "Server address",
    code: "Enrolment code (from the commune)",
    enroll: "Enrol this device",
    device: (hamlet: string | null, commune: string) =>
      hamlet ? `Device of hamlet ${hamlet}, ${commune}` : `Device of commune ${commune}`,
    status: (pending: number, at: string | null) =>
      `Waiting to send: ${pending} rows${at ? ` · last sync: ${at}` : ""}`,
    now: "Sync now",
    done: (pushed: number, pulled: number, refused: number) =>
      `Sent ${pushed} rows, received ${pulled}${refused ? `, ${refused} rows not sent` : ""}.`,
    refused: "Rows not sent",
    line: (hamlet: string, date: string, reason: string) => `Hamlet ${hamlet}, ${date}: ${reason}`,
    revoked:
      "This device was revoked or is not enrolled. Unsent rows are kept; ask the commune for a new code and enrol again.",
    conflicts: "Conflicts for the commune to settle",
    row: "Row",
    current: "Current",
    proposed: "Sent later",
    keep: "Keep",
    take: "Take this one",
  },
};

export function stringsFor(displayLanguage: string | undefined): Strings {
  return !displayLanguage || displayLanguage.toLowerCase().startsWith("vi") ? VI : EN;
}

export type { Strings };
