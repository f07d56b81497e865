import { stringsFor } from "../../src/taskpane/i18n";

test("Vietnamese by default and for Vietnamese Office; English otherwise", () => {
  expect(stringsFor(undefined).tabs.report).toBe("Báo cáo ngày");
  expect(stringsFor("vi-VN").tabs.report).toBe("Báo cáo ngày");
  expect(stringsFor("en-US").tabs.report).toBe("Daily report");
  expect(stringsFor("fr-FR").check.summary(1, 2, 3)).toBe("1 errors, 2 warnings, 3 notes");
});
