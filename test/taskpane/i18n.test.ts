import { savedLanguage, saveLanguage, stringsFor } from "../../src/taskpane/i18n";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

test("Vietnamese until someone picks English, whatever else the computer says", () => {
  const storage = memoryStorage();
  expect(savedLanguage(storage)).toBe("vi");
  expect(stringsFor(savedLanguage(storage)).tabs.report).toBe("Báo cáo");
  saveLanguage("en", storage);
  expect(stringsFor(savedLanguage(storage)).check.summary(1, 2, 3)).toBe(
    "1 errors, 2 warnings, 3 notes"
  );
  saveLanguage("vi", storage);
  expect(savedLanguage(storage)).toBe("vi");
  expect(savedLanguage({ getItem: () => "fr" })).toBe("vi");
  expect(
    savedLanguage({
      getItem: () => {
        throw new Error("denied");
      },
    })
  ).toBe("vi");
});

test("every Vietnamese string has its English counterpart, none of them empty", () => {
  const leaves = (o: object, prefix = ""): [string, unknown][] =>
    Object.entries(o).flatMap(([k, v]) =>
      v && typeof v === "object" ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]]
    );
  const vi = leaves(stringsFor("vi"));
  const en = leaves(stringsFor("en"));
  expect(en.map(([k]) => k).sort()).toEqual(vi.map(([k]) => k).sort());
  for (const [key, value] of [...vi, ...en])
    expect([
      key,
      typeof value === "function" || (typeof value === "string" && value.length > 0),
    ]).toEqual([key, true]);
});
