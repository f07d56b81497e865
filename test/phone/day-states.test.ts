/** What the phone says of each campaign day, by the workbook's own rules for late and missing reports. */
import type { LocalRow } from "../../src/sync/client";
import { dayLabel, dayStates, glance } from "../../src/phone/day-states";
import { tanPhong } from "../sync/devices";

const row = (date: string, sentAt: string | null, hamlet = "Cầu"): LocalRow => ({
  hamlet,
  date,
  data: { values: { nhan_dan: 3 }, note: "", reporter: "", sentAt },
});

/** 12/12/2024 15:30: the window of the third day has closed. */
const states = (
  rows: LocalRow[],
  more: { waiting?: string[]; noted?: [string, "conflict" | "refused"][] } = {}
) =>
  dayStates({
    plan: tanPhong(),
    hamlet: "Cầu",
    rows,
    waiting: new Set(more.waiting ?? []),
    noted: new Map(more.noted ?? []),
    now: { date: "2024-12-12", minutes: 15 * 60 + 30 },
  });

test("each day says sent (with its time, late by the workbook's rule), missing, or still to come", () => {
  const days = states([
    row("2024-12-10", "2024-12-10T14:05"),
    row("2024-12-11", "2024-12-12T08:10"),
    row("2024-12-11", "2024-12-11T09:00", "Trại Bí"),
  ]);
  expect(days.slice(0, 4).map((d) => [dayLabel(d.date), d.kind, d.text])).toEqual([
    ["T3 10/12", "sent", "Đã gửi lúc 14:05"],
    ["T4 11/12", "late", "Đã gửi lúc 08:10 ngày 12/12 (trễ hạn 15:00)"],
    ["T5 12/12", "missing", "Chưa báo cáo (quá hạn 15:00)"],
    ["T6 13/12", "future", "Chưa đến ngày"],
  ]);
  expect(days).toHaveLength(15);
});

test("a day waiting in the outbox, in conflict or refused says so before anything else", () => {
  const days = states(
    [row("2024-12-10", "2024-12-10T15:20"), row("2024-12-11", "2024-12-11T14:00")],
    {
      waiting: ["2024-12-10"],
      noted: [
        ["2024-12-11", "conflict"],
        ["2024-12-12", "refused"],
      ],
    }
  );
  expect(days.slice(0, 3).map((d) => d.text)).toEqual([
    "Chờ gửi (trễ hạn)",
    "Xung đột với máy khác",
    "Máy chủ không nhận",
  ]);
});

test("at a glance: today first, then the other days missing, waiting or in question", () => {
  const days = states([row("2024-12-11", "2024-12-11T14:00")], { waiting: ["2024-12-11"] });
  expect(glance(days, "2024-12-12")).toEqual([
    "Hôm nay T5 12/12: Chưa báo cáo (quá hạn 15:00).",
    "Chưa báo cáo: 10/12.",
    "Chờ gửi: 11/12.",
  ]);
  expect(glance(days, "2024-12-09")).toEqual([
    "Đợt bắt đầu ngày 10/12/2024.",
    "Chưa báo cáo: 10/12, 12/12.",
    "Chờ gửi: 11/12.",
  ]);
  expect(glance(days, "2024-12-30")[0]).toBe("Đợt đã kết thúc ngày 24/12/2024.");
});
