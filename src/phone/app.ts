/**
 * The enrolled phone: whom it reports for, the campaign's dates, the day's form and the list of days, all
 * drawn again whenever the journal, the outbox or the clock moves.
 */
import { type LocalDateTime, formatDate, formatTime, vietnamNow } from "../core/dates";
import { reportWindow } from "../core/deadlines";
import type { Plan } from "../core/model";
import { hamletKey } from "../core/text";
import { AuthError, SyncFailure } from "../sync/errors";
import type { Identity } from "../sync/identity";
import { fetchPlan } from "../sync/plan";
import { DayForm } from "./day-form";
import { dayList } from "./day-list";
import { campaignDays, dayStates, glance, planHamlet } from "./day-states";
import { byId, h, put, say } from "./dom";
import { reenrolCard } from "./enrol";
import { type Home, openHome, reporterName } from "./home";
import { STORAGE_PROBLEM, Sender } from "./sender";

const TICK_MS = 60_000;
const OFFLINE = "Đang mất mạng. Báo cáo được giữ trên máy và tự gửi khi có mạng.";

const now = (): LocalDateTime => vietnamNow(Date.now());

export async function showApp(
  identity: Identity,
  main: HTMLElement,
  notify: (message: string) => void
): Promise<void> {
  byId("who").textContent = `Ấp ${identity.hamlet}`;
  byId("where").textContent = `Xã ${identity.commune}`;
  const home = openHome(identity, notify);
  let page: Page | null = null;
  const sender = new Sender(home, () => void page?.refresh());
  const reenrol = () => main.prepend(reenrolCard(identity, null));
  const show = async (plan: Plan) => {
    page?.stop();
    const reporter = (await reporterName.get()) ?? "";
    page = new Page(identity, home, plan, sender, { reenrol, reporter });
    put(main, page.el);
    await page.start();
  };
  // What the phone kept is shown at once; the plan and the rows follow when the server answers.
  const cached = (await home.plan.load())?.plan ?? null;
  if (cached) await show(cached);
  else put(main, h("p", { class: "loading" }, "Đang tải kế hoạch của xã…"));
  void sender.syncNow();
  try {
    const plan = await fetchPlan(identity);
    await home.plan.save({ plan });
    // A plan changed on the server is drawn anew; the same plan leaves the form as it is.
    if (JSON.stringify(plan) !== JSON.stringify(cached)) await show(plan);
  } catch (e) {
    if (e instanceof AuthError) reenrol();
    if (!page) put(main, planMissing(e));
  }
}

function planMissing(e: unknown): HTMLElement {
  const why = e instanceof SyncFailure ? e.message : STORAGE_PROBLEM;
  return h(
    "div",
    { class: "card" },
    h("p", { class: "alert" }, `Chưa tải được kế hoạch của xã: ${why}`),
    h("p", {}, "Lần đầu mở trang cần có mạng; sau đó trang dùng được cả khi mất mạng."),
    h("button", { type: "button", class: "send", onclick: () => location.reload() }, "Thử lại")
  );
}

class Page {
  readonly el: HTMLElement;
  private readonly form: DayForm | null = null;
  private readonly days = h("div", {});
  private readonly glance = h("ul", { class: "glance", id: "glance" });
  private readonly hamlet: string | null;
  private readonly reenrol: () => void;
  private timer = 0;

  constructor(
    identity: Identity,
    private readonly home: Home,
    private readonly plan: Plan,
    private readonly sender: Sender,
    options: { reenrol: () => void; reporter: string }
  ) {
    this.reenrol = options.reenrol;
    this.hamlet = planHamlet(plan, identity.hamlet ?? "");
    const summary = campaignCard(plan, this.glance);
    if (!this.hamlet || !campaignDays(plan).length) {
      this.el = h(
        "div",
        {},
        summary,
        h("p", { class: "alert" }, unusablePlan(identity, this.hamlet))
      );
      return;
    }
    this.form = new DayForm(
      plan,
      { plan: this.hamlet, server: identity.hamlet! },
      { send: (row) => this.sender.send(row), opened: () => void this.refresh() },
      options.reporter
    );
    this.el = h(
      "div",
      { class: "page" },
      summary,
      this.form.el,
      h("section", { class: "card" }, h("h2", {}, "Các ngày của đợt"), this.days),
      h(
        "p",
        { class: "small" },
        h(
          "button",
          { type: "button", class: "plain", onclick: this.reenrol },
          "Đăng ký lại bằng mã khác"
        )
      )
    );
  }

  async start(): Promise<void> {
    if (!this.form) return;
    await this.refresh();
    this.timer = window.setInterval(() => void this.refresh(), TICK_MS);
  }

  stop(): void {
    window.clearInterval(this.timer);
  }

  /** Reads what the phone keeps and draws the day's status and the list of days from it. */
  async refresh(): Promise<void> {
    if (!this.form || !this.hamlet) return;
    const mine = (r: { hamlet: string }) => hamletKey(r.hamlet) === hamletKey(this.hamlet!);
    const rows = (await this.home.journal.rows()).filter(mine);
    const waiting = new Set((await this.home.session.waiting()).filter(mine).map((d) => d.date));
    const notes = (await this.home.notes.load())?.notes ?? [];
    const at = now();
    const noted = new Map(notes.map((n) => [n.date, n.kind]));
    const states = dayStates({
      plan: this.plan,
      hamlet: this.hamlet,
      rows,
      waiting,
      noted,
      now: at,
    });
    this.form.update({ rows, states, notes, now: at });
    put(
      this.days,
      dayList(states, this.form.chosen, (date) => this.openDay(date))
    );
    put(this.glance, ...glance(states, at.date).map((line) => h("li", {}, line)));
    const problem = this.sender.problem;
    const unreachable = problem?.kind === "unreachable";
    say(byId("net"), !navigator.onLine ? OFFLINE : unreachable ? problem.message : null);
    say(byId("problem"), unreachable ? null : (problem?.message ?? null));
    if (problem?.kind === "enrol" && !document.getElementById("reenrol")) this.reenrol();
  }

  private openDay(date: string): void {
    this.form!.open(date);
    this.form!.el.scrollIntoView({ behavior: "smooth", block: "start" });
  }
}

/** The campaign's name, dates and report window, and the days at a glance. */
function campaignCard(plan: Plan, glance: HTMLElement): HTMLElement {
  const { start, end, name } = plan.settings;
  const window = reportWindow(plan);
  return h(
    "section",
    { class: "card campaign" },
    name ? h("p", {}, name) : null,
    h(
      "p",
      {},
      "Đợt: ",
      h(
        "strong",
        { id: "campaign-dates" },
        start && end ? `${formatDate(start)} – ${formatDate(end)}` : "chưa có ngày"
      )
    ),
    h("p", {}, `Gửi báo cáo mỗi ngày từ ${formatTime(window.from)} đến ${formatTime(window.to)}.`),
    glance
  );
}

function unusablePlan(identity: Identity, hamlet: string | null): string {
  return hamlet
    ? "Kế hoạch của xã chưa có ngày bắt đầu và ngày kết thúc của đợt; báo xã bổ sung rồi mở lại trang."
    : `Kế hoạch của xã không có ấp ${identity.hamlet}; báo xã kiểm tra tên ấp trong kế hoạch.`;
}
