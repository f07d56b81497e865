/**
 * The day's form: the date (campaign days up to today), one field per Nhật ký column labelled with its header,
 * the hamlet's plan and progress beside each result, the đối ứng status as people are entered, and "Gửi".
 * Reading, limits, progress, lateness and the ratio are core's; the form shows what they say.
 */
import { type LocalDateTime, formatDate, formatTime, sentAtText, vietnamNow } from "../core/dates";
import { campaignDaysUpTo, isLate, reportWindow } from "../core/deadlines";
import { FORCE_INDICATORS, RESULT_INDICATORS, hamletIndicatorProgress } from "../core/indicators";
import { rowIndicators } from "../core/journal";
import {
  ENTRY_FIELDS,
  type EntryField,
  type ReadEntry,
  hasErrors,
  readEntry,
} from "../core/journal-entry";
import type { Indicators, JournalRow, Plan, Ratio } from "../core/model";
import { formatVietnameseNumber } from "../core/quantity";
import { peopleShort } from "../core/ratio";
import { computeTotals } from "../core/totals";
import type { LocalRow } from "../sync/client";
import { RowData } from "../sync/protocol";
import { rowProblems } from "../sync/row-check";
import { journalRowOf } from "../sync/rows";
import { type DayState, dayLabel, sentTime } from "./day-states";
import { h, put, say } from "./dom";
import { type DayNote, reporterName } from "./home";
import { STORAGE_PROBLEM } from "./sender";

/** What the form shows besides what is typed; given again whenever something changes. */
export interface DayView {
  rows: LocalRow[];
  states: DayState[];
  notes: DayNote[];
  now: LocalDateTime;
}

type Control = HTMLInputElement | HTMLTextAreaElement;

const FORCES = new Set<string>(FORCE_INDICATORS.map((f) => f.key));
const UNIT = new Map<string, string>(RESULT_INDICATORS.map((r) => [r.key, r.unit]));
const TEXT_MAX: Record<string, number | null> = {
  note: RowData.shape.note.maxLength,
  reporter: RowData.shape.reporter.maxLength,
};

const amount = (value: number, unit: string) => `${formatVietnameseNumber(value)} ${unit}`;

/** "Quân đội 4, Nhân dân 2, Phát quang (m) 300": a row's figures, for a note about it. */
function figures(data: RowData): string {
  const values = data.values as Record<string, number | undefined>;
  const parts = ENTRY_FIELDS.filter((f) => f.numeric && values[f.field]).map(
    (f) => `${f.header} ${formatVietnameseNumber(values[f.field]!)}`
  );
  return parts.join(", ") || "không có số liệu";
}

export class DayForm {
  readonly el: HTMLFormElement;
  private readonly date = h("select", { id: "date" });
  private readonly state = h("p", { id: "day-state", class: "state", role: "status" });
  /** The same, beside "Gửi": what a press of it did, where the officer is looking. */
  private readonly sendState = h("p", { id: "send-state", class: "state", "aria-hidden": "true" });
  private readonly note = h("p", { class: "alert", role: "alert", hidden: true });
  private readonly late = h("p", { class: "info", hidden: true });
  private readonly ratio = h("p", { class: "ratio", role: "status", "aria-live": "polite" });
  private readonly sentAt = h("strong", {});
  private readonly error = h("p", { class: "alert", role: "alert", hidden: true });
  private readonly button = h("button", { type: "submit", class: "send" }, "Gửi");
  private readonly controls = new Map<string, Control>();
  private readonly hints = new Map<string, HTMLElement>();
  private readonly problems = new Map<string, HTMLElement>();
  private view: DayView = { rows: [], states: [], notes: [], now: vietnamNow(Date.now()) };
  /** Typed since the day was opened: a row arriving from the server does not overwrite it. */
  private dirty = false;

  constructor(
    private readonly plan: Plan,
    /** The plan's spelling, and the server's (what rows are sent under). */
    private readonly hamlet: { plan: string; server: string },
    private readonly how: {
      send: (row: LocalRow) => Promise<void>;
      /** A day was opened in the form. */
      opened: (date: string) => void;
    },
    /** The name the last report was signed with, offered on a day not reported yet. */
    private reporter: string
  ) {
    const group = (legend: string, fields: EntryField[], ...more: HTMLElement[]) =>
      h("fieldset", {}, h("legend", {}, legend), ...fields.map((f) => this.field(f)), ...more);
    const numeric = ENTRY_FIELDS.filter((f) => f.numeric);
    this.el = h(
      "form",
      { id: "day", class: "card", novalidate: true, onsubmit: (e: Event) => void this.submit(e) },
      h("h2", {}, "Báo cáo ngày"),
      h("div", { class: "field text" }, h("label", { for: "date" }, "Ngày"), this.date),
      this.state,
      this.note,
      group(
        "Lực lượng tham gia",
        numeric.filter((f) => FORCES.has(f.field)),
        this.ratio
      ),
      group(
        "Kết quả",
        numeric.filter((f) => !FORCES.has(f.field))
      ),
      group(
        "Ghi chú và người báo cáo",
        ENTRY_FIELDS.filter((f) => !f.numeric)
      ),
      h("p", { class: "sent-at" }, h("span", {}, "Giờ gửi"), this.sentAt),
      this.late,
      this.error,
      this.sendState,
      this.button
    );
    this.date.addEventListener("change", () => this.open(this.date.value));
  }

  private field(f: EntryField): HTMLElement {
    const id = `f-${f.field}`;
    const hint = h("p", { class: "hint", id: `h-${f.field}` });
    const problem = h("p", { id: `e-${f.field}`, hidden: true });
    const common = {
      id,
      name: f.field,
      autocomplete: f.field === "reporter" ? "name" : "off",
      "aria-describedby": `h-${f.field} e-${f.field}`,
    };
    const control: Control =
      f.field === "note"
        ? h("textarea", { ...common, maxlength: TEXT_MAX.note ?? undefined, rows: 3 })
        : f.numeric
          ? h("input", {
              ...common,
              inputmode: f.kind === "length" ? "decimal" : "numeric",
              enterkeyhint: "next",
            })
          : h("input", {
              ...common,
              maxlength: TEXT_MAX[f.field] ?? undefined,
              enterkeyhint: "done",
            });
    control.addEventListener("input", () => {
      this.dirty = true;
      this.live();
    });
    control.addEventListener("change", () => this.showProblems(readEntry(this.texts()), [f.field]));
    this.controls.set(f.field, control);
    this.hints.set(f.field, hint);
    this.problems.set(f.field, problem);
    return h(
      "div",
      { class: f.numeric ? "field" : "field text" },
      h("label", { for: id }, f.header),
      control,
      hint,
      problem
    );
  }

  /** New rows, states or time: the day's status follows; what is being typed stays. */
  update(view: DayView): void {
    this.view = view;
    const days = campaignDaysUpTo(this.plan, view.now.date);
    if (this.date.options.length !== days.length) this.fillDates(days, view.now.date);
    if (!this.dirty) this.fill(this.date.value);
    this.showDay();
    this.live();
  }

  /** The day the form is open at. */
  get chosen(): string {
    return this.date.value;
  }

  /** Opens `date` in the form (from the list of days). */
  open(date: string): void {
    this.how.opened(date);
    this.date.value = date;
    this.dirty = false;
    this.complain(null);
    this.fill(date);
    this.showDay();
    this.live();
  }

  private fillDates(days: string[], today: string): void {
    const chosen = this.date.value;
    put(
      this.date,
      ...days.map((d) => h("option", { value: d }, `${dayLabel(d)}/${d.slice(0, 4)}`))
    );
    this.date.value = days.includes(chosen)
      ? chosen
      : days.includes(today)
        ? today
        : (days[days.length - 1] ?? "");
    this.el.hidden = !days.length;
  }

  private kept(date: string): LocalRow | undefined {
    return this.view.states.find((s) => s.date === date)?.row ?? undefined;
  }

  private fill(date: string): void {
    const row = this.kept(date);
    const values = (row?.data.values ?? {}) as Record<string, number | undefined>;
    for (const [field, control] of this.controls) {
      const value = values[field];
      control.value = value === undefined ? "" : String(value).replace(".", ",");
    }
    this.controls.get("note")!.value = row?.data.note ?? "";
    this.controls.get("reporter")!.value = row?.data.reporter ?? this.reporter;
    this.showProblems(readEntry(this.texts()), "all");
  }

  private texts(): Record<string, string> {
    return Object.fromEntries([...this.controls].map(([field, c]) => [field, c.value]));
  }

  /** The chosen day's status, what the server said of it, and its Giờ gửi. */
  private showDay(): void {
    const date = this.date.value;
    const state = this.view.states.find((s) => s.date === date);
    for (const el of [this.state, this.sendState]) {
      el.className = `state ${state?.kind ?? "due"}`;
      el.textContent = state ? `Ngày ${formatDate(date)}: ${state.text}` : "";
    }
    const note = this.view.notes.find((n) => n.date === date);
    say(this.note, note ? noteText(note) : null);
    const sent = state?.row?.data.sentAt;
    this.sentAt.textContent = sent ? sentTime(sent, date) : "Tự ghi khi bấm Gửi";
    const due = reportWindow(this.plan).to;
    const lateNow = date !== "" && isLate(typedRow("", date, {}, this.view.now), due);
    say(
      this.late,
      lateNow
        ? `Gửi bây giờ là sau hạn ${formatTime(due)} của ngày ${formatDate(date)}: báo cáo sẽ tính là gửi trễ.`
        : null
    );
  }

  /** As figures are typed: progress with them, and the đối ứng status. */
  private live(): void {
    const entry = readEntry(this.texts());
    const date = this.date.value;
    const others = this.view.rows.filter((r) => r.date !== date).map(journalRowOf);
    const typed = typedRow(this.hamlet.plan, date, entry.values);
    const totals = computeTotals({ ...this.plan, journal: [...others, typed] });
    const progress = hamletIndicatorProgress(totals, this.hamlet.plan);
    for (const [field, hint] of this.hints) {
      const p = progress[field as keyof typeof progress];
      say(hint, p ? progressText(p.target, p.done, UNIT.get(field) ?? "") : null);
    }
    this.showRatio(entry);
  }

  private showRatio(entry: ReadEntry): void {
    const ratio = this.plan.settings.ratio;
    this.ratio.hidden = !ratio;
    if (!ratio) return;
    const unread = [...FORCES].some((k) => entry.problems[k]?.some((p) => p.severity === "error"));
    const forces = rowIndicators(typedRow(this.hamlet.plan, this.date.value, entry.values));
    const [kind, text] = ratioLine(ratio, unread ? null : forces);
    this.ratio.className = `ratio ${kind}`;
    this.ratio.textContent = text;
  }

  /** Shows what is wrong with the fields listed (or every field), clearing what no longer is. */
  private showProblems(entry: ReadEntry, fields: string[] | "all"): void {
    for (const [field, el] of this.problems) {
      if (fields !== "all" && !fields.includes(field)) continue;
      const found = entry.problems[field] ?? [];
      const errors = found.filter((f) => f.severity === "error");
      el.className = errors.length ? "error" : "warning";
      say(el, found.map((f) => f.message).join(" ") || null);
      this.controls.get(field)!.setAttribute("aria-invalid", String(errors.length > 0));
    }
  }

  /** Says why "Gửi" did not send; the day's state beside the button steps aside meanwhile. */
  private complain(text: string | null): void {
    say(this.error, text);
    this.sendState.hidden = !!text;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const entry = readEntry(this.texts());
    this.showProblems(entry, "all");
    if (hasErrors(entry)) {
      const wrong = ENTRY_FIELDS.filter((f) =>
        entry.problems[f.field]?.some((p) => p.severity === "error")
      );
      this.complain(
        `Chưa gửi: sửa ${wrong.length > 1 ? "các ô" : "ô"} ${wrong.map((f) => f.header).join(", ")}.`
      );
      this.controls.get(wrong[0].field)!.focus();
      return;
    }
    if (!Object.keys(entry.values).length && !entry.note)
      return this.complain("Chưa có số liệu nào để gửi.");
    const now = vietnamNow(Date.now());
    const date = this.date.value;
    const data: RowData = {
      values: entry.values,
      note: entry.note,
      reporter: entry.reporter,
      sentAt: sentAtText(now),
    };
    // The server's own question, last: what it would refuse is not queued.
    const refused = rowProblems(date, data, this.plan.settings);
    if (!RowData.safeParse(data).success) refused.push("Ghi chú hoặc tên người báo cáo dài quá.");
    if (refused.length) return this.complain(`Chưa gửi: ${refused.join(" ")}`);
    this.complain(null);
    this.button.disabled = true;
    try {
      await this.how.send({ hamlet: this.hamlet.server, date, data });
      if (entry.reporter) await reporterName.set((this.reporter = entry.reporter));
      this.dirty = false;
    } catch {
      this.complain(STORAGE_PROBLEM);
    } finally {
      this.button.disabled = false;
    }
  }
}

/** What is typed as a journal row, sent at `sent` (or not yet): what core's rules read. */
function typedRow(
  hamlet: string,
  date: string,
  values: Record<string, number>,
  sent: LocalDateTime | null = null
): JournalRow {
  return {
    date,
    hamlet,
    values,
    note: "",
    reporter: "",
    sent_minutes: sent?.minutes ?? null,
    sent_date: sent?.date ?? null,
  };
}

function progressText(target: number | null, done: number, unit: string): string | null {
  if (target)
    return `Kế hoạch ${amount(target, unit)} · đến nay ${amount(done, unit)} (${Math.round((done / target) * 100)}%)`;
  return done ? `Đến nay ${amount(done, unit)}` : null;
}

/** The đối ứng status of the people typed (null: a force field cannot be read yet). */
function ratioLine(ratio: Ratio, i: Indicators | null): ["none" | "met" | "short", string] {
  const tag = `Đối ứng ${ratio.people}:${ratio.forces}`;
  if (!i) return ["none", `${tag}: chưa tính được vì có ô lực lượng chưa đúng.`];
  if (i.llvt === 0) return ["none", `${tag}: chưa có chiến sĩ LLVT (Quân đội, Dân quân, Công an).`];
  const needed = peopleShort(0, i.llvt, ratio.people, ratio.forces);
  const short = Math.max(0, needed - i.nhan_dan);
  return short === 0
    ? [
        "met",
        `${tag}: đạt — ${i.llvt} chiến sĩ LLVT, ${i.nhan_dan} người dân (cần ít nhất ${needed}).`,
      ]
    : [
        "short",
        `${tag}: thiếu ${short} người dân — ${i.llvt} chiến sĩ LLVT cần ít nhất ${needed} người dân, mới có ${i.nhan_dan}.`,
      ];
}

function noteText(note: DayNote): string {
  const mine = note.proposed ? ` Bản máy này đã gửi: ${figures(note.proposed)}.` : "";
  return note.kind === "conflict"
    ? `Xung đột: máy khác của ấp đã gửi báo cáo ngày này trước, nên bản máy này gửi chưa được nhận mà chờ xã chọn bản giữ lại. Các ô dưới đây là bản đang có trên máy chủ.${mine}`
    : `Máy chủ không nhận bản gửi ngày này: ${note.reason}${mine}`;
}
