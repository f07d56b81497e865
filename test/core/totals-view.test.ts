import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkGrid } from "../../src/core/checks";
import { importPlanText } from "../../src/core/importer";
import { emptyPlan, isEmptyPlan } from "../../src/core/model";
import { computeTotals } from "../../src/core/totals";
import { progressFigures, totalsView } from "../../src/core/totals-view";
import { planToGrid } from "../helpers/plans";

const SEED = join(__dirname, "../fixtures/ke-hoach-tan-phong.txt");

function seed() {
  const { plan } = importPlanText(readFileSync(SEED, "utf8"));
  plan.journal = [
    {
      date: "2024-12-12",
      hamlet: "Cầu",
      values: { phat_quang_m: 800, lam_duong_m: 100 },
      note: "",
      reporter: "",
      sent_minutes: 14 * 60,
      sent_date: "2024-12-12",
    },
  ];
  return plan;
}

test("each hamlet reads metres done over planned with the percent, as the pane shows it", () => {
  const plan = seed();
  const view = totalsView(plan, computeTotals(plan));
  expect(view.hamlets.slice(0, 2).map((h) => [h.hamlet, h.figures])).toEqual([
    ["Cầu", "900 / 6.500 m (14 %)"],
    ["Trại Bí", "0 / 1.900 m (0 %)"],
  ]);
  expect(progressFigures({ hamlet: "X", planned: 8900, done: 7800, progress: 7800 / 8900 })).toBe(
    "7.800 / 8.900 m (88 %)"
  );
  expect(progressFigures({ hamlet: "X", planned: 0, done: 0, progress: null })).toBe(
    "Không có việc tính theo mét"
  );
});

test("stated and itemised figures sit side by side, marked exactly where the check finds a mismatch", () => {
  const plan = seed();
  const view = totalsView(plan, computeTotals(plan));
  const row = (key: string) => view.targets.find((t) => t.key === key)!;
  expect(row("phat_quang")).toMatchObject({
    label: "Phát quang, dọn vệ sinh",
    stated: ["9 tuyến", "8.900 m"],
    itemised: ["7 tuyến", "9.900 m"],
    mismatch: true,
  });
  expect(row("thap_sang")).toMatchObject({ stated: ["4 tuyến", "1.330 m"], mismatch: true });
  expect(row("dam_va")).toMatchObject({
    stated: ["2 tuyến", "740 m"],
    itemised: ["2 tuyến", "740 m"],
    mismatch: false,
  });
  const flagged = new Set(
    checkGrid(planToGrid(plan), { date: "2024-12-12", minutes: 16 * 60 })
      .findings.filter((f) => f.code === "TARGET_MISMATCH")
      .map((f) => f.message.match(/"(.+?)"/)![1])
  );
  expect(new Set(view.targets.filter((t) => t.mismatch).map((t) => t.label))).toEqual(flagged);
});

test("a workbook without a plan is recognised as empty", () => {
  expect(isEmptyPlan(emptyPlan())).toBe(true);
  expect(isEmptyPlan(seed())).toBe(false);
  expect(totalsView(emptyPlan(), computeTotals(emptyPlan()))).toEqual({ hamlets: [], targets: [] });
});
