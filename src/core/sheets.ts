/** The sheets of a plan workbook: names, tables and columns, shared by the reader and the writers. */
import type { IndicatorKey } from "./model";

export const SHEET = {
  plan: "Kế hoạch",
  commune: "Toàn xã",
  journal: "Nhật ký",
  deadlines: "Thời hạn",
  members: "Thành viên",
} as const;

export const HAMLET_SHEET_PREFIX = "Ấp ";

export type CellKind =
  "text" | "int" | "length" | "money" | "count" | "date" | "time" | "category" | "hamlet" | "ratio";

export interface ColumnSpec {
  field: string;
  header: string;
  kind: CellKind;
  width: number;
  aliases?: string[];
  required?: boolean;
}

export interface TableSpec {
  name: string;
  columns: ColumnSpec[];
}

const col = (
  field: string,
  header: string,
  kind: CellKind,
  width: number,
  extra: Partial<ColumnSpec> = {}
): ColumnSpec => ({
  field,
  header,
  kind,
  width,
  ...extra,
});

const MEASURE_COLUMNS: ColumnSpec[] = [
  col("routes", "Số tuyến", "count", 7),
  col("length_m", "Chiều dài (m)", "length", 10, { aliases: ["Chiều dài", "Dài (m)", "Số mét"] }),
  col("count", "Số lượng", "count", 8),
  col("unit_price_vnd", "Đơn giá (đồng)", "money", 12, { aliases: ["Đơn giá"] }),
  col("cost_vnd", "Kinh phí (đồng)", "money", 15, {
    aliases: ["Kinh phí", "Thành tiền", "Trị giá"],
  }),
];

export const TARGETS_TABLE: TableSpec = {
  name: "Chỉ tiêu",
  columns: [
    col("category", "Loại công việc", "category", 28, {
      required: true,
      aliases: ["Loại việc", "Công việc"],
    }),
    ...MEASURE_COLUMNS,
    col("note", "Ghi chú", "text", 24),
  ],
};

export const WORKS_TABLE: TableSpec = {
  name: "Công việc",
  columns: [
    col("no", "STT", "int", 6, { aliases: ["Số TT", "TT"] }),
    col("category", "Loại công việc", "category", 22, { required: true, aliases: ["Loại việc"] }),
    col("description", "Nội dung", "text", 34, {
      required: true,
      aliases: ["Nội dung công việc", "Công việc"],
    }),
    col("place", "Địa điểm", "text", 18),
    ...MEASURE_COLUMNS,
    col("start", "Ngày bắt đầu", "date", 12, { aliases: ["Bắt đầu", "Từ ngày"] }),
    col("end", "Ngày hoàn thành", "date", 12, {
      aliases: ["Hoàn thành", "Đến ngày", "Ngày kết thúc"],
    }),
    col("responsible", "Phụ trách", "text", 16, { aliases: ["Người phụ trách"] }),
    col("note", "Ghi chú", "text", 18),
  ],
};

/** Journal columns and the indicator each one feeds. */
export const JOURNAL_INDICATOR_COLUMNS: [
  Exclude<IndicatorKey, "llvt">,
  string,
  CellKind,
  string[],
][] = [
  ["quan_doi", "Quân đội", "count", ["Bộ đội"]],
  ["dan_quan", "Dân quân", "count", []],
  ["cong_an", "Công an", "count", []],
  ["doan_the", "Đoàn viên, hội viên", "count", ["Đoàn thể", "Đoàn viên hội viên"]],
  ["nhan_dan", "Nhân dân", "count", ["Người dân"]],
  ["phat_quang_m", "Phát quang (m)", "length", []],
  ["thap_sang_m", "Thắp sáng (m)", "length", []],
  ["dam_va_m", "Dặm vá (m)", "length", []],
  ["lam_duong_m", "Làm đường (m)", "length", []],
  ["nao_vet_m", "Nạo vét (m)", "length", []],
  ["nha_dai_doan_ket_can", "Nhà đại đoàn kết (căn)", "count", []],
  ["sua_nha_can", "Sửa nhà (căn)", "count", []],
  ["qua_phan", "Quà (phần)", "count", []],
  ["qua_vnd", "Quà (đồng)", "money", []],
  ["van_dong_vnd", "Vận động (đồng)", "money", []],
  ["tuyen_truyen_buoi", "Tuyên truyền (buổi)", "count", []],
  ["tuyen_truyen_luot", "Lượt người nghe", "count", []],
  ["kham_benh_luot", "Khám bệnh (lượt)", "count", []],
  ["van_nghe_the_thao_cuoc", "Văn nghệ, thể thao (cuộc)", "count", []],
];

export const JOURNAL_TABLE: TableSpec = {
  name: "Nhật ký",
  columns: [
    col("date", "Ngày", "date", 12, { required: true }),
    col("hamlet", "Ấp", "hamlet", 14, { required: true, aliases: ["Tên ấp", "Đơn vị"] }),
    ...JOURNAL_INDICATOR_COLUMNS.map(([field, header, kind, aliases]) =>
      col(field, header, kind, kind === "money" ? 12 : 8, { aliases })
    ),
    col("note", "Ghi chú", "text", 24),
    col("reporter", "Người báo cáo", "text", 18),
    col("sent", "Giờ gửi", "time", 8, { aliases: ["Thời gian gửi", "Gửi lúc"] }),
  ],
};

export const DEADLINES_TABLE: TableSpec = {
  name: "Thời hạn",
  columns: [
    col("content", "Nội dung", "text", 48, { required: true }),
    col("unit", "Đơn vị thực hiện", "text", 28, { aliases: ["Đơn vị"] }),
    col("recipient", "Nơi nhận", "text", 28),
    col("due", "Hạn", "date", 12, { required: true, aliases: ["Thời hạn", "Hạn chót"] }),
    col("time", "Giờ", "time", 8),
    col("done", "Ngày hoàn thành", "date", 14, { aliases: ["Hoàn thành"] }),
    col("note", "Ghi chú", "text", 24),
  ],
};

export const MEMBERS_TABLE: TableSpec = {
  name: "Thành viên",
  columns: [
    col("no", "STT", "int", 6, { aliases: ["TT"] }),
    col("name", "Họ và tên", "text", 26, { required: true, aliases: ["Họ tên"] }),
    col("position", "Chức vụ", "text", 40),
    col("role", "Vai trò", "text", 22),
    col("hamlet", "Phụ trách ấp", "hamlet", 16, { aliases: ["Ấp phụ trách"] }),
  ],
};

export interface SettingSpec {
  field: string;
  label: string;
  kind: CellKind;
  aliases?: string[];
}

export const SETTINGS: SettingSpec[] = [
  { field: "name", label: "Tên kế hoạch", kind: "text" },
  { field: "party_committee", label: "Cấp ủy", kind: "text", aliases: ["Cấp uỷ"] },
  { field: "issuer", label: "Cơ quan ban hành", kind: "text" },
  { field: "number", label: "Số hiệu", kind: "text" },
  { field: "place_name", label: "Địa danh", kind: "text" },
  { field: "issued", label: "Ngày ban hành", kind: "date" },
  { field: "start", label: "Ngày bắt đầu", kind: "date" },
  { field: "end", label: "Ngày kết thúc", kind: "date" },
  { field: "report_from", label: "Giờ nhận báo cáo từ", kind: "time" },
  { field: "report_to", label: "Giờ nhận báo cáo đến", kind: "time" },
  {
    field: "report_place",
    label: "Nơi nhận báo cáo ngày",
    kind: "text",
    aliases: ["Nơi nhận báo cáo"],
  },
  { field: "report_recipient", label: "Người nhận báo cáo", kind: "text" },
  { field: "ratio", label: "Tỷ lệ đối ứng", kind: "ratio", aliases: ["Tỉ lệ đối ứng", "Đối ứng"] },
];

export const RESPONSIBLE_LABEL = "Người phụ trách";
/** The hamlet's full name on its sheet: the sheet's name may be shortened or made safe for Excel. */
export const HAMLET_NAME_LABEL = "Tên ấp";
