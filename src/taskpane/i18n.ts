/**
 * The task pane's words. Vietnamese always comes first, whatever Office's display language (the people who
 * use DanVan are Vietnamese commune staff); English is there for whoever picks it with the switch.
 * Findings, deadline states and sheets stay Vietnamese: they come from the workbook and the core.
 */
export type Language = "vi" | "en";

const VI = {
  language: { name: "Tiếng Việt", switchTo: "English", label: "Đổi ngôn ngữ sang tiếng Anh" },
  appTitle: "DanVan — Công tác dân vận",
  tabsLabel: "Các việc",
  tabs: {
    create: "Tạo sổ",
    check: "Kiểm tra",
    totals: "Tổng hợp",
    deadlines: "Thời hạn",
    report: "Báo cáo",
    sync: "Đồng bộ",
  },
  working: "Đang xử lý…",
  stale: (action: string) => `Sổ đã thay đổi sau lần xem trước. Bấm «${action}» để xem lại.`,
  noPlan: {
    title: "Sổ đang mở chưa có kế hoạch",
    body: "Không thấy trang Kế hoạch và các trang Ấp … trong tệp này. Mở đúng sổ kế hoạch, hoặc dùng thẻ «Tạo sổ» để tạo sổ mới rồi quay lại đây.",
  },
  failure: {
    network: {
      title: "Không kết nối được máy chủ đồng bộ",
      body: "Kiểm tra mạng Internet và địa chỉ máy chủ rồi bấm lại. Nhật ký chưa gửi vẫn được giữ trên máy này.",
    },
    code: {
      title: "Mã đăng ký không dùng được",
      body: "Mã có thể gõ sai, đã dùng rồi hoặc đã hết hạn. Kiểm tra lại mã (dạng K7PM-Q2XD) hoặc xin xã mã mới.",
    },
    busy: {
      title: "Máy chủ đang bận",
      body: "Đợi một phút rồi bấm lại.",
    },
    server: {
      title: "Máy chủ đồng bộ báo lỗi",
      body: "Thử lại sau ít phút. Nếu vẫn lỗi, báo cho cán bộ phụ trách máy chủ của xã.",
    },
    office: (code: string) => `Excel không làm được việc này (mã lỗi ${code})`,
    officeAdvice: {
      ItemNotFound:
        "Trang hoặc ô cần dùng không còn trong sổ (có thể đã bị xoá hoặc đổi tên). Chạy lại để cập nhật.",
      InvalidOperationInCellEditMode:
        "Excel đang chờ bạn gõ xong một ô. Nhấn Enter hoặc Esc rồi bấm lại.",
      AccessDenied: "Sổ đang chỉ đọc hoặc có trang được bảo vệ. Cho phép sửa sổ rồi bấm lại.",
      RequestPayloadSizeLimitExceeded:
        "Sổ quá lớn cho Excel trên web. Mở sổ bằng Excel cài trên máy rồi bấm lại.",
      other:
        "Lưu sổ, đóng rồi mở lại Excel và bấm lại. Nếu vẫn lỗi, báo mã lỗi trên cho người hỗ trợ.",
    } as Record<string, string>,
    unknown: {
      title: "Có lỗi không lường trước",
      body: "Lưu sổ, đóng rồi mở lại ngăn DanVan và bấm lại. Nếu vẫn lỗi, báo cho người hỗ trợ.",
    },
  },
  create: {
    intro: "Tạo sổ kế hoạch trong tệp đang mở: sổ trống cho các ấp, hoặc nhập từ văn bản kế hoạch.",
    hamlets: "Các ấp (cách nhau bằng dấu phẩy)",
    hamletsNeeded: "Nhập tên các ấp trước, ví dụ: Cầu, Trại Bí, Sân Bay.",
    empty: "Tạo sổ trống",
    paste: "Nội dung kế hoạch (chép từ Word rồi dán vào đây)",
    preview: "Xem trước",
    write: "Ghi vào sổ",
    previewTitle: "Sẽ ghi vào sổ",
    summary: (h: number, w: number, d: number) => `${h} ấp, ${w} công việc, ${d} thời hạn`,
    hamletLine: (name: string, works: number, responsible: string) =>
      `Ấp ${name}: ${works} công việc${responsible ? ` (${responsible})` : ""}`,
    done: "Đã ghi sổ kế hoạch vào tệp.",
    nothing: {
      title: "Không tìm thấy nội dung kế hoạch trong đoạn đã dán",
      body: "Mở văn bản kế hoạch trong Word, chọn hết (Ctrl+A), chép (Ctrl+C) rồi dán vào ô trên.",
    },
    openWord: "Mở tệp Word…",
    unreadable: "Không đọc được kế hoạch",
    overwrite: "Ghi đè",
    keep: "Để nguyên",
  },
  check: {
    intro:
      "Tìm chỗ sai trong sổ: số liệu không khớp, ô bỏ trống, ngày ngoài đợt, ấp chưa báo cáo. Bấm vào một dòng để đến ô đó.",
    run: "Kiểm tra sổ",
    clean: "Không có lỗi nào.",
    summary: (e: number, w: number, i: number) => `${e} lỗi, ${w} cảnh báo, ${i} lưu ý`,
    severity: { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" },
    noSheet: "Chung",
  },
  totals: {
    intro: "Cộng chỉ tiêu, công việc chi tiết và phần các ấp đã làm.",
    run: "Tổng hợp",
    chart: "Ghi trang Tổng hợp có biểu đồ",
    progress: "Tiến độ theo ấp (các việc tính theo mét)",
    targets: "Chỉ tiêu so với công việc chi tiết",
    stated: "Chỉ tiêu",
    itemised: "Cộng chi tiết",
    none: "không ghi",
    mismatch: "Không khớp",
    written: "Đã ghi trang Tổng hợp.",
  },
  deadlines: {
    intro: "Các việc có hạn trong trang Thời hạn và báo cáo ngày của từng ấp.",
    run: "Xem thời hạn",
    title: "Việc có hạn",
    none: "Trang Thời hạn chưa có việc nào.",
    reports: "Báo cáo ngày của các ấp",
    allOnTime: "đủ, đúng giờ",
  },
  report: {
    intro: "Lập báo cáo nhanh của một ngày thành trang «BC ngày-tháng-năm», sẵn để in.",
    date: "Ngày báo cáo",
    dateHint: "ngày/tháng/năm, ví dụ 12/12/2024",
    dateInvalid: "Ngày không đúng. Gõ theo dạng ngày/tháng/năm, ví dụ 12/12/2024.",
    previousDay: "Ngày trước",
    nextDay: "Ngày sau",
    make: "Lập báo cáo",
    exists: (s: string) => `Đã có trang ${s}. Thay bằng báo cáo mới?`,
    replace: "Thay trang cũ",
    cancel: "Để nguyên",
    refused: "Không lập báo cáo",
    written: (sheet: string, date: string, day: number | null) =>
      `Đã lập trang ${sheet}.${day ? ` Ngày ${date} là ngày thứ ${day} của đợt.` : ""}`,
    missing: "Ấp chưa gửi",
    late: "Ấp gửi trễ",
    none: "không có",
  },
  sync: {
    intro: "Gửi nhật ký của ấp lên máy chủ của xã và nhận lại phần của xã.",
    introCommune:
      "Đồng bộ nhật ký các ấp với máy chủ, tạo đợt, cấp mã đăng ký cho ấp và quản lý thiết bị của xã.",
    introUpper: "Cấp mã đăng ký cho các xã, tổng hợp báo cáo các xã gửi lên và quản lý thiết bị.",
    server: "Địa chỉ máy chủ",
    serverExample: "Ví dụ: https://danvan.xa.vn",
    serverHint: "Xã gửi một đường liên kết đăng ký; dán cả đường liên kết vào ô nào cũng được.",
    code: "Mã đăng ký",
    enroll: "Đăng ký thiết bị",
    device: (hamlet: string | null, commune: string) =>
      hamlet ? `Thiết bị của ấp ${hamlet}, xã ${commune}` : `Thiết bị của xã ${commune}`,
    status: (pending: number, at: string | null) =>
      `Chờ gửi: ${pending} dòng${at ? ` · lần đồng bộ cuối: ${at}` : ""}`,
    now: "Đồng bộ ngay",
    done: (pushed: number, pulled: number) => `Đã gửi ${pushed} dòng, nhận ${pulled} dòng.`,
    refused: (n: number) => `${n} dòng nhật ký không gửi từ máy này (xem bên dưới).`,
    refusedTitle: "Nhật ký không gửi từ máy này",
    waiting: "Chờ xã chọn bản giữ lại",
    line: (hamlet: string, date: string, reason: string) => `Ấp ${hamlet}, ngày ${date}: ${reason}`,
    revoked:
      "Thiết bị đã bị thu hồi hoặc chưa đăng ký. Các dòng chưa gửi vẫn được giữ; hãy xin xã mã mới và đăng ký lại.",
    conflicts: "Hai bản khác nhau của cùng một dòng: xã chọn bản giữ lại",
    current: "Bản hiện tại",
    proposed: "Bản gửi sau",
    keep: "Giữ bản này",
    take: "Lấy bản này",
    upperDevice: (scope: "province" | "district", name: string) =>
      `Thiết bị của ${scope === "province" ? "tỉnh" : "huyện"} ${name}`,
  },
  codes: {
    communeTitle: "Cấp mã cho xã",
    commune: "Tên xã",
    district: "Huyện (nếu xã còn thuộc huyện)",
    issueCommune: "Cấp mã cho xã",
    hamletTitle: "Cấp thêm mã cho ấp",
    hamlet: "Tên ấp",
    issueHamlet: "Cấp mã cho ấp",
    issuedTitle: "Mã vừa cấp",
    issued: (name: string) => `Mã đăng ký của ${name}:`,
    expires: (date: string) => `(hết hạn ${date})`,
    written: (sheet: string, n: number) =>
      `Trang «${sheet}» có ${n} mã kèm mã QR, sẵn để in và trao tận tay.`,
    campaignTitle: "Đợt trên máy chủ",
    campaignIntro:
      "Tạo đợt của xã trên máy chủ từ kế hoạch trong sổ đang mở; mỗi ấp nhận một mã đăng ký.",
    createCampaign: "Tạo đợt trên máy chủ",
    campaignCreated: (n: number) => `Đã tạo đợt trên máy chủ và cấp mã cho ${n} ấp`,
  },
  devices: {
    title: "Thiết bị đã đăng ký",
    show: "Xem thiết bị",
    none: "Chưa có thiết bị nào.",
    scope: { province: "tỉnh", district: "huyện", commune: "xã", hamlet: "ấp" },
    enrolled: (date: string) => `đăng ký ngày ${date}`,
    revokedMark: "đã thu hồi",
    selfMark: "máy này",
    revoke: "Thu hồi",
    ask: (name: string, where: string) =>
      `Thu hồi thiết bị «${name}» (${where})? Thiết bị đó sẽ không gửi hay nhận được gì nữa; muốn dùng lại phải đăng ký bằng mã mới.`,
    yes: "Thu hồi thiết bị",
    no: "Không thu hồi",
    done: (name: string) => `Đã thu hồi thiết bị «${name}».`,
  },
  upper: {
    title: "Tổng hợp cấp trên",
    intro: "Lấy báo cáo các xã gửi lên trong một ngày và ghi trang «TH ngày-tháng-năm».",
    run: "Tổng hợp cấp trên",
    written: (sheet: string, sent: number, all: number) =>
      `Đã ghi trang ${sheet}: ${sent}/${all} xã đã gửi báo cáo.`,
    missing: "Xã chưa gửi",
    late: (time: string) => `Xã gửi sau ${time}`,
    none: "không có",
  },
  send: {
    button: "Gửi báo cáo lên",
    sent: (date: string, version?: number) =>
      `Đã gửi báo cáo ngày ${date} lên cấp trên${version ? ` (lần ${version})` : ""}`,
    queued: "Chưa gửi được: đang chờ mạng; sẽ tự gửi ở lần đồng bộ sau",
    refused: "Cấp trên không nhận báo cáo",
    notCommune:
      "Máy này chưa đăng ký là thiết bị của xã. Mở DanVan, thẻ Đồng bộ, đăng ký bằng mã cấp trên cấp rồi gửi lại.",
  },
};

export type Strings = typeof VI;

const EN: Strings = {
  language: { name: "English", switchTo: "Tiếng Việt", label: "Switch the language to Vietnamese" },
  appTitle: "DanVan — Mass mobilisation",
  tabsLabel: "Tasks",
  tabs: {
    create: "Create",
    check: "Check",
    totals: "Totals",
    deadlines: "Deadlines",
    report: "Report",
    sync: "Sync",
  },
  working: "Working…",
  stale: (action: string) => `The workbook changed since. Press “${action}” to see it again.`,
  noPlan: {
    title: "The open file has no plan",
    body: "It has no Kế hoạch sheet and no Ấp … sheets. Open the plan workbook, or make one with the “Create” tab, then come back.",
  },
  failure: {
    network: {
      title: "Cannot reach the sync server",
      body: "Check the Internet connection and the server address, then try again. Unsent journal rows stay on this computer.",
    },
    code: {
      title: "This enrolment code cannot be used",
      body: "It may be mistyped, already used or expired. Check it (like K7PM-Q2XD) or ask the commune for a new one.",
    },
    busy: { title: "The server is busy", body: "Wait a minute, then try again." },
    server: {
      title: "The sync server reported an error",
      body: "Try again in a few minutes. If it persists, tell whoever runs the commune's server.",
    },
    office: (code: string) => `Excel could not do this (error code ${code})`,
    officeAdvice: {
      ItemNotFound:
        "A sheet or cell it needs is gone (deleted or renamed?). Run it again to refresh.",
      InvalidOperationInCellEditMode:
        "Excel is waiting for you to finish typing in a cell. Press Enter or Esc, then try again.",
      AccessDenied:
        "The workbook is read-only or a sheet is protected. Allow editing, then try again.",
      RequestPayloadSizeLimitExceeded:
        "The workbook is too large for Excel on the web. Open it in desktop Excel and try again.",
      other:
        "Save the workbook, close and reopen Excel, then try again. If it persists, give the error code above to whoever supports you.",
    },
    unknown: {
      title: "Something unexpected went wrong",
      body: "Save the workbook, close and reopen the DanVan pane, then try again. If it persists, tell whoever supports you.",
    },
  },
  create: {
    intro:
      "Make the plan workbook in the open file: empty for the hamlets you name, or imported from the plan's text.",
    hamlets: "Hamlets (comma separated)",
    hamletsNeeded: "Type the hamlets' names first, e.g. Cầu, Trại Bí, Sân Bay.",
    empty: "Create empty workbook",
    paste: "Plan text (copy it from Word and paste it here)",
    preview: "Preview",
    write: "Write to workbook",
    previewTitle: "Will be written",
    summary: (h: number, w: number, d: number) => `${h} hamlets, ${w} works, ${d} deadlines`,
    hamletLine: (name: string, works: number, responsible: string) =>
      `Ấp ${name}: ${works} works${responsible ? ` (${responsible})` : ""}`,
    done: "The plan workbook was written into the file.",
    nothing: {
      title: "No plan content was found in the pasted text",
      body: "Open the plan in Word, select all (Ctrl+A), copy (Ctrl+C) and paste it above.",
    },
    openWord: "Open a Word file…",
    unreadable: "The plan could not be read",
    overwrite: "Overwrite",
    keep: "Keep as is",
  },
  check: {
    intro:
      "Finds what is wrong in the workbook: figures that disagree, blank cells, dates outside the campaign, missing reports. Click a line to go to its cell.",
    run: "Check workbook",
    clean: "No problems found.",
    summary: (e: number, w: number, i: number) => `${e} errors, ${w} warnings, ${i} notes`,
    severity: { error: "Error", warning: "Warning", info: "Note" },
    noSheet: "General",
  },
  totals: {
    intro: "Adds up the targets, the itemised works and what the hamlets have done.",
    run: "Compute totals",
    chart: "Write the Tổng hợp sheet with a chart",
    progress: "Progress per hamlet (works in metres)",
    targets: "Targets against itemised works",
    stated: "Target",
    itemised: "Itemised",
    none: "not given",
    mismatch: "Disagree",
    written: "The Tổng hợp sheet was written.",
  },
  deadlines: {
    intro: "The dated tasks of the Thời hạn sheet and every hamlet's daily report.",
    run: "Show deadlines",
    title: "Dated tasks",
    none: "The Thời hạn sheet has no tasks.",
    reports: "Hamlets' daily reports",
    allOnTime: "all on time",
  },
  report: {
    intro: "Makes one day's quick report as a print-ready “BC day-month-year” sheet.",
    date: "Report date",
    dateHint: "day/month/year, e.g. 12/12/2024",
    dateInvalid: "Not a date. Type it as day/month/year, e.g. 12/12/2024.",
    previousDay: "Previous day",
    nextDay: "Next day",
    make: "Make report",
    exists: (s: string) => `Sheet ${s} already exists. Replace it with a new report?`,
    replace: "Replace",
    cancel: "Keep it",
    refused: "No report made",
    written: (sheet: string, date: string, day: number | null) =>
      `Sheet ${sheet} was made.${day ? ` ${date} is day ${day} of the campaign.` : ""}`,
    missing: "Not sent",
    late: "Sent late",
    none: "none",
  },
  sync: {
    intro: "Sends the hamlet's journal to the commune's server and takes back the commune's.",
    introCommune:
      "Syncs the hamlets' journal with the server, creates the campaign, issues hamlet codes and manages the commune's devices.",
    introUpper:
      "Issues the communes' enrolment codes, rolls up the reports they send and manages devices.",
    server: "Server address",
    serverExample: "e.g. https://danvan.xa.vn",
    serverHint: "The commune sends an enrolment link; paste the whole link into either field.",
    code: "Enrolment code",
    enroll: "Enrol this device",
    device: (hamlet: string | null, commune: string) =>
      hamlet ? `Device of hamlet ${hamlet}, ${commune}` : `Device of commune ${commune}`,
    status: (pending: number, at: string | null) =>
      `Waiting to send: ${pending} rows${at ? ` · last sync: ${at}` : ""}`,
    now: "Sync now",
    done: (pushed: number, pulled: number) => `Sent ${pushed} rows, received ${pulled}.`,
    refused: (n: number) => `${n} journal rows are not sent from this computer (see below).`,
    refusedTitle: "Journal not sent from this computer",
    waiting: "Waiting for the commune to pick the version to keep",
    line: (hamlet: string, date: string, reason: string) => `Hamlet ${hamlet}, ${date}: ${reason}`,
    revoked:
      "This device was revoked or is not enrolled. Unsent rows are kept; ask the commune for a new code and enrol again.",
    conflicts: "Two versions of the same row: the commune picks the one to keep",
    current: "Current",
    proposed: "Sent later",
    keep: "Keep this one",
    take: "Take this one",
    upperDevice: (scope: "province" | "district", name: string) =>
      `Device of ${scope === "province" ? "province" : "district"} ${name}`,
  },
  codes: {
    communeTitle: "Code for a commune",
    commune: "Commune name",
    district: "District (if the commune still has one)",
    issueCommune: "Issue a commune code",
    hamletTitle: "Another hamlet code",
    hamlet: "Hamlet name",
    issueHamlet: "Issue a hamlet code",
    issuedTitle: "Codes just issued",
    issued: (name: string) => `Enrolment code of ${name}:`,
    expires: (date: string) => `(expires ${date})`,
    written: (sheet: string, n: number) =>
      `Sheet “${sheet}” holds ${n} codes with their QR codes, ready to print and hand over.`,
    campaignTitle: "Campaign on the server",
    campaignIntro:
      "Creates the commune's campaign on the server from the open workbook's plan; each hamlet gets an enrolment code.",
    createCampaign: "Create the campaign on the server",
    campaignCreated: (n: number) => `Campaign created on the server, codes issued for ${n} hamlets`,
  },
  devices: {
    title: "Enrolled devices",
    show: "Show devices",
    none: "No device yet.",
    scope: { province: "province", district: "district", commune: "commune", hamlet: "hamlet" },
    enrolled: (date: string) => `enrolled ${date}`,
    revokedMark: "revoked",
    selfMark: "this computer",
    revoke: "Revoke",
    ask: (name: string, where: string) =>
      `Revoke device “${name}” (${where})? It will no longer send or receive anything; using it again needs a new code.`,
    yes: "Revoke device",
    no: "Do not revoke",
    done: (name: string) => `Device “${name}” was revoked.`,
  },
  upper: {
    title: "Roll-up of the communes",
    intro:
      "Pulls the reports the communes sent for one day and writes the “TH day-month-year” sheet.",
    run: "Roll up",
    written: (sheet: string, sent: number, all: number) =>
      `Sheet ${sheet} was written: ${sent}/${all} communes reported.`,
    missing: "Not sent",
    late: (time: string) => `Sent after ${time}`,
    none: "none",
  },
  send: {
    button: "Send the report up",
    sent: (date: string, version?: number) =>
      `The report of ${date} was sent to the upper level${version ? ` (version ${version})` : ""}`,
    queued: "Not sent yet: waiting for the network; it goes with the next sync",
    refused: "The upper level did not take the report",
    notCommune:
      "This computer is not enrolled as a commune's device. Open DanVan, Sync tab, enrol with the code from the upper level, then send again.",
  },
};

export function stringsFor(language: Language): Strings {
  return language === "en" ? EN : VI;
}

const STORAGE_KEY = "danvan.language";

/** The language picked last on this computer; Vietnamese until someone picks English. */
export function savedLanguage(
  storage: Pick<Storage, "getItem"> | undefined = safeStorage()
): Language {
  try {
    return storage?.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export function saveLanguage(
  language: Language,
  storage: Pick<Storage, "setItem"> | undefined = safeStorage()
): void {
  try {
    storage?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage refused (private mode): the switch still works for this session.
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
