import { matchCategoryLabel } from "../../src/core/categories";
import { bareHamletName, closest, fold, hamletKey } from "../../src/core/text";

test("hamlet names match across Unicode forms, case, spaces and a doubled prefix", () => {
  const key = hamletKey("Sân Bay");
  for (const typed of [
    "Ấp ấp Sân Bay",
    "ấp sân bay",
    "SÂN\u00a0BAY",
    "Sân Bay".normalize("NFD"),
    "  Ap  San Bay ",
  ]) {
    expect(hamletKey(typed)).toBe(key);
  }
  expect(bareHamletName("Ấp ấp Sân Bay")).toBe("Sân Bay");
  expect(bareHamletName("Sân Bay".normalize("NFD"))).toBe("Sân Bay".normalize("NFC"));
});

test("a typo gets the closest known name", () => {
  expect(closest("Trai Bi", ["Cầu", "Trại Bí", "Sân Bay"])).toBe("Trại Bí");
  expect(closest("Hà Nội", ["Cầu", "Trại Bí"])).toBeUndefined();
});

test("category labels match tolerantly", () => {
  expect(matchCategoryLabel("phat quang, don ve sinh")?.key).toBe("phat_quang");
  expect(matchCategoryLabel("THẮP SÁNG ĐƯỜNG QUÊ")?.key).toBe("thap_sang");
  expect(matchCategoryLabel("Dặm vá đường".normalize("NFD"))?.key).toBe("dam_va");
  expect(matchCategoryLabel("nha_dai_doan_ket")?.key).toBe("nha_dai_doan_ket");
  expect(matchCategoryLabel("Bóng đá")?.key).toBe("the_thao");
  expect(matchCategoryLabel("Trồng cây")).toBeUndefined();
  expect(fold("Đường  Quê")).toBe("duong que");
});
