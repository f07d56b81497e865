/** The kinds of work a campaign plans, with the words people use for them. */
import { fold, levenshtein } from "./text";

export const CATEGORY_KEYS = [
  "phat_quang",
  "thap_sang",
  "dam_va",
  "lam_duong",
  "nao_vet",
  "nha_dai_doan_ket",
  "sua_nha",
  "tang_qua",
  "van_dong",
  "van_nghe",
  "the_thao",
  "tuyen_truyen",
  "kham_benh",
] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

/** What a work is counted in besides metres and money. */
export type CountUnit = "tuyến" | "căn" | "phần" | "cuộc" | "buổi" | "lượt" | null;

export interface Category {
  key: CategoryKey;
  label: string;
  measuredInMetres: boolean;
  countUnit: CountUnit;
  /** Folded phrases that name this kind of work in free text, most specific first. */
  phrases: string[];
}

export const CATEGORIES: readonly Category[] = [
  {
    key: "phat_quang",
    label: "Phát quang, dọn vệ sinh",
    measuredInMetres: true,
    countUnit: "tuyến",
    phrases: [
      "phat quang",
      "don ve sinh",
      "ve sinh",
      "don rac",
      "don hanh lang",
      "don hanh lan",
      "don dep",
    ],
  },
  {
    key: "thap_sang",
    label: "Thắp sáng đường quê",
    measuredInMetres: true,
    countUnit: "tuyến",
    phrases: ["thap sang", "chieu sang", "den duong", "bong den"],
  },
  {
    key: "dam_va",
    label: "Dặm vá đường",
    measuredInMetres: true,
    countUnit: "tuyến",
    phrases: ["dam va", "va duong", "sua duong", "duy tu"],
  },
  {
    key: "lam_duong",
    label: "Làm đường giao thông",
    measuredInMetres: true,
    countUnit: "tuyến",
    phrases: [
      "lam duong",
      "mo duong",
      "lam moi duong",
      "be tong hoa",
      "nang cap duong",
      "giai toa lam duong",
      "duong giao thong",
    ],
  },
  {
    key: "nao_vet",
    label: "Nạo vét kênh mương",
    measuredInMetres: true,
    countUnit: null,
    phrases: ["nao vet", "kenh muong", "khai thong"],
  },
  {
    key: "nha_dai_doan_ket",
    label: "Xây nhà đại đoàn kết",
    measuredInMetres: false,
    countUnit: "căn",
    phrases: [
      "nha dai doan ket",
      "nha tinh nghia",
      "nha tinh thuong",
      "xay nha",
      "xay dung nha",
      "xay tang nha",
    ],
  },
  {
    key: "sua_nha",
    label: "Sửa chữa nhà",
    measuredInMetres: false,
    countUnit: "căn",
    phrases: ["sua chua nha", "sua nha"],
  },
  {
    key: "tang_qua",
    label: "Tặng quà",
    measuredInMetres: false,
    countUnit: "phần",
    phrases: ["tang qua", "phan qua", "trao qua", "qua tang"],
  },
  {
    key: "van_dong",
    label: "Vận động kinh phí, vật tư",
    measuredInMetres: false,
    countUnit: null,
    phrases: ["van dong kinh phi", "van dong tien", "van dong", "ung ho", "dong gop"],
  },
  {
    key: "van_nghe",
    label: "Văn hóa, văn nghệ",
    measuredInMetres: false,
    countUnit: "cuộc",
    phrases: ["van hoa van nghe", "van nghe", "giao luu", "van hoa"],
  },
  {
    key: "the_thao",
    label: "Thể dục, thể thao",
    measuredInMetres: false,
    countUnit: "cuộc",
    phrases: ["the duc the thao", "the thao", "bong da", "bong chuyen", "keo co", "the duc"],
  },
  {
    key: "tuyen_truyen",
    label: "Tuyên truyền",
    measuredInMetres: false,
    countUnit: "buổi",
    phrases: ["tuyen truyen", "noi chuyen chuyen de"],
  },
  {
    key: "kham_benh",
    label: "Khám bệnh, cấp thuốc",
    measuredInMetres: false,
    countUnit: "lượt",
    phrases: ["kham benh", "cap thuoc", "kham chua benh"],
  },
];

const BY_KEY = new Map(CATEGORIES.map((c) => [c.key, c]));

export function category(key: CategoryKey): Category {
  return BY_KEY.get(key)!;
}

/** A label typed in the `Loại công việc` column: the label, the key, or a close spelling. */
export function matchCategoryLabel(text: string): Category | undefined {
  const key = fold(text);
  if (!key) return undefined;
  return (
    CATEGORIES.find((c) => fold(c.label) === key || c.key === key.replace(/ /g, "_")) ??
    CATEGORIES.find((c) => c.phrases.some((p) => key === p || key.startsWith(p + " ")))
  );
}

/** The label of the category a misspelt name most likely means ("Phát quan đường" → "Phát quang, dọn vệ sinh"). */
export function suggestCategory(text: string): string | undefined {
  const key = fold(text);
  let best: { label: string; distance: number } | undefined;
  for (const c of CATEGORIES) {
    for (const name of [fold(c.label), ...c.phrases]) {
      const distance = Math.min(
        levenshtein(key, name),
        levenshtein(key.slice(0, name.length), name) + 1
      );
      if (
        distance <= Math.max(2, Math.floor(name.length / 4)) &&
        (!best || distance < best.distance)
      )
        best = { label: c.label, distance };
    }
  }
  return best?.label;
}

/** Every category named in free text, in the order they first appear. */
export function categoriesInText(text: string): Category[] {
  const key = ` ${fold(text)} `;
  const found: { category: Category; at: number }[] = [];
  for (const c of CATEGORIES) {
    const positions = c.phrases.map((p) => key.indexOf(` ${p} `)).filter((i) => i >= 0);
    if (positions.length) found.push({ category: c, at: Math.min(...positions) });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.category);
}
