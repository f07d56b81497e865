/** A few lines instead of a framework: elements made with their attributes, listeners and children. */
type Child = Node | string | null | undefined | false;
type Props = Record<string, string | number | boolean | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, "");
    else if (value !== false && value !== undefined) el.setAttribute(name, String(value));
  }
  el.append(...children.filter((c): c is Node | string => !!c));
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** Shows `text` in the element, or hides it when there is none. */
export function say(el: HTMLElement, text: string | null): void {
  el.textContent = text ?? "";
  el.hidden = !text;
}

/** The element's children replaced (replaceChildren is Chrome 86; phones keep older ones). */
export function put(el: HTMLElement, ...children: (Node | string)[]): void {
  el.textContent = "";
  el.append(...children);
}
