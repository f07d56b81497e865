/* global CustomFunctions */
/**
 * The DANVAN formulas: thin wrappers over src/core/formulas.ts. The metadata plugin reads these JSDoc blocks
 * into functions.json and adds the CustomFunctions.associate calls to the bundle.
 */
import * as core from "../core/formulas";

/** CustomFunctions.ErrorCode's values, written out so the bundle loads before the runtime defines the enum. */
const ERROR_CODE = {
  value: "#VALUE!",
  number: "#NUM!",
  divide: "#DIV/0!",
} as Record<core.FormulaErrorKind, CustomFunctions.ErrorCode>;

/**
 * Excel passes a repeating parameter as one array of ranges; a caller outside Excel may pass the ranges as
 * separate arguments. Either way every cell is counted once.
 */
function everyArgument(first: any[][][], all: IArguments): unknown[] {
  return all.length > 1 ? Array.from(all) : [first];
}

/** Runs a formula; its Vietnamese error becomes an Excel error with that message. */
function excel<T>(formula: () => T): T {
  try {
    return formula();
  } catch (e) {
    if (e instanceof core.FormulaError)
      throw new CustomFunctions.Error(ERROR_CODE[e.kind], e.message);
    throw new CustomFunctions.Error(ERROR_CODE.value, "Không tính được công thức.");
  }
}

/**
 * Cộng các số lượng viết kiểu Việt Nam ("3.000m", "1,5 km", "90 triệu đồng"); ô trống được bỏ qua, không cộng mét với đồng.
 * @customfunction TONG
 * @param {any[][][]} values Các ô hoặc vùng cần cộng: số, chữ có đơn vị, ô trống.
 * @returns {number} Tổng, theo mét hoặc theo đồng.
 */
export function tong(values: any[][][]): number {
  return excel(() => core.tong(everyArgument(values, arguments)));
}

/**
 * Đọc một số lượng viết kiểu Việt Nam thành số ("8.900 m" → 8900, "1,08 tỷ" → 1080000000).
 * @customfunction SO
 * @param {any} value Ô hoặc chữ cần đọc.
 * @returns {number} Số đọc được (mét hoặc đồng).
 */
export function so(value: any): number {
  return excel(() => core.so(value));
}

/**
 * Cộng chiều dài (mét); "1,5 km" là 1500. Báo lỗi nếu gặp số tiền.
 * @customfunction CHIEUDAI
 * @param {any[][][]} values Các ô hoặc vùng chiều dài.
 * @returns {number} Tổng chiều dài, tính bằng mét.
 */
export function chieuDai(values: any[][][]): number {
  return excel(() => core.chieuDai(everyArgument(values, arguments)));
}

/**
 * Cộng số tiền (đồng); "90 triệu đồng" là 90000000. Báo lỗi nếu gặp chiều dài.
 * @customfunction TIEN
 * @param {any[][][]} values Các ô hoặc vùng số tiền.
 * @returns {number} Tổng số tiền, tính bằng đồng.
 */
export function tien(values: any[][][]): number {
  return excel(() => core.tien(everyArgument(values, arguments)));
}

/**
 * Tình trạng một thời hạn: "Quá hạn 3 ngày", "Hết hạn hôm nay" hoặc "Còn 17 ngày".
 * @customfunction HAN
 * @param {any} han Ngày hạn (ngày Excel hoặc chữ dạng 24/12/2024).
 * @param {any} [ngay_xet] Ngày xét; bỏ trống là hôm nay.
 * @returns {string} Tình trạng của thời hạn.
 */
export function han(han: any, ngay_xet?: any): string {
  return excel(() => core.han(han, ngay_xet, Date.now()));
}

/**
 * Tiến độ: phần đã thực hiện so với kế hoạch (định dạng ô là %).
 * @customfunction TIENDO
 * @param {any} thuc_hien Khối lượng đã thực hiện.
 * @param {any} ke_hoach Khối lượng theo kế hoạch.
 * @returns {number} Tỷ lệ hoàn thành (0,5 là 50%).
 */
export function tienDo(thuc_hien: any, ke_hoach: any): number {
  return excel(() => core.tienDo(thuc_hien, ke_hoach));
}

/**
 * Đối ứng người dân với chiến sĩ LLVT: 0 khi đạt, nếu không là số người dân còn thiếu.
 * @customfunction DOITUNG
 * @param {any} nhan_dan Số người dân tham gia.
 * @param {any} llvt Số chiến sĩ lực lượng vũ trang (quân đội, dân quân, công an).
 * @param {any} [ty_le] Tỷ lệ người dân : chiến sĩ, mặc định "1:3".
 * @returns {number} Số người dân còn thiếu (0 là đạt).
 */
export function doiUng(nhan_dan: any, llvt: any, ty_le?: any): number {
  return excel(() => core.doiUng(nhan_dan, llvt, ty_le));
}

/**
 * Đọc số thành chữ tiếng Việt: 10500000 → "mười triệu năm trăm nghìn đồng".
 * @customfunction DOCSO
 * @param {any} so Số cần đọc.
 * @param {any} [don_vi] Đơn vị đọc kèm, mặc định "đồng".
 * @returns {string} Số viết bằng chữ.
 */
export function docSo(so: any, don_vi?: any): string {
  return excel(() => core.docSo(so, don_vi));
}
