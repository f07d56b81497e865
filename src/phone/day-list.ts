/** The campaign's days at a glance: each day's state, and a tap opens the day in the form. */
import { type DayState, dayLabel } from "./day-states";
import { h } from "./dom";

export function dayList(
  states: DayState[],
  chosen: string,
  open: (date: string) => void
): HTMLElement {
  return h(
    "ol",
    { class: "days", id: "days" },
    ...states.map((s) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: "day",
            disabled: s.kind === "future",
            "aria-current": s.date === chosen ? "date" : false,
            onclick: () => open(s.date),
          },
          h("span", {}, dayLabel(s.date)),
          h("span", { class: `badge ${s.kind}` }, s.text)
        )
      )
    )
  );
}
