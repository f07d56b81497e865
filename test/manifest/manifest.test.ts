/**
 * Microsoft's manifest validator needs its online service, so the manifest is checked here structurally:
 * element order as the schema documents it, resource ids that resolve, https URLs, a GUID, the icons.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { DECLARED_EXCEL_API } from "../../src/excel/features";

const ROOT = join(__dirname, "../..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "text/xml");
const app = doc.documentElement!;

function children(el: Element): Element[] {
  return Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
}
const names = (el: Element) => children(el).map((c) => c.localName ?? "");
const all = (name: string) => Array.from(doc.getElementsByTagNameNS("*", name)) as Element[];
const one = (name: string) => all(name)[0];

/** Each name in `actual` appears in `order`, and in that order. */
function expectOrder(actual: string[], order: string[]): void {
  const positions = actual.map((n) => order.indexOf(n));
  expect(positions).not.toContain(-1);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

test("OfficeApp's children stand in the order of the TaskPaneApp schema", () => {
  expect(app.localName).toBe("OfficeApp");
  expect(app.getAttribute("xsi:type")).toBe("TaskPaneApp");
  expectOrder(names(app), [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "VersionOverrides",
  ]);
});

test("the id is a GUID, the host a workbook, the version four numbers", () => {
  expect(one("Id").textContent).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
  );
  expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(children(one("Hosts")).map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
});

test("Vietnamese by default, English overrides, and the declared API level installs on Excel 2019", () => {
  expect(one("DefaultLocale").textContent).toBe("vi-VN");
  for (const el of [one("DisplayName"), one("Description")]) {
    expect(el.getAttribute("DefaultValue")).toMatch(/\P{ASCII}/u);
    expect(children(el).map((o) => o.getAttribute("Locale"))).toEqual(["en-US"]);
  }
  const sets = all("Set").map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
  expect(sets).toEqual([`ExcelApi ${DECLARED_EXCEL_API}`]);
});

test("every URL is https", () => {
  const urls = [
    ...xml.matchAll(
      /(?:DefaultValue|Value)="(https?:[^"]+)"|<(?:AppDomain|SourceLocation)[^>]*>(https?:[^<]+)</g
    ),
  ].map((m) => m[1] ?? m[2]);
  expect(urls.length).toBeGreaterThan(10);
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
});

test("every resid resolves to a resource of the right kind, within 32 characters", () => {
  const kinds: Record<string, string> = {};
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const r of children(one(kind))) kinds[r.getAttribute("id")!] = kind;
  }
  const expected: Record<string, string> = {
    Label: "ShortStrings",
    Title: "ShortStrings",
    Namespace: "ShortStrings",
    Description: "LongStrings",
    Image: "Images",
    SourceLocation: "Urls",
    LearnMoreUrl: "Urls",
    FunctionFile: "Urls",
  };
  const refs = Array.from(doc.getElementsByTagNameNS("*", "*")).filter((e) =>
    (e as Element).hasAttribute("resid")
  ) as Element[];
  expect(refs.length).toBeGreaterThan(20);
  for (const r of refs) {
    const id = r.getAttribute("resid")!;
    expect(id.length).toBeLessThanOrEqual(32);
    expect({ id, kind: kinds[id] }).toEqual({ id, kind: expected[r.localName!] });
  }
  for (const s of children(one("ShortStrings")))
    expect(s.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(125);
  for (const s of children(one("LongStrings")))
    expect(s.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);
});

test("the ribbon: a Dân vận tab, groups before the label, buttons in schema order, icons 16/32/80 that exist", () => {
  const tab = one("CustomTab");
  expectOrder(names(tab), ["Group", "Label"]);
  const group = one("Group");
  expectOrder(names(group), ["Label", "Icon", "Control"]);
  const controls = children(group).filter((c) => c.localName === "Control");
  for (const c of controls) expect(names(c)).toEqual(["Label", "Supertip", "Icon", "Action"]);
  const actions = controls.map((c) => children(c).find((x) => x.localName === "Action")!);
  expect(actions.map((a) => a.getAttribute("xsi:type"))).toEqual([
    "ShowTaskpane",
    "ExecuteFunction",
    "ExecuteFunction",
    "ExecuteFunction",
  ]);
  const functions = all("FunctionName").map((f) => f.textContent);
  const commands = readFileSync(join(ROOT, "src/commands/commands.ts"), "utf8");
  for (const f of functions) expect(commands).toContain(`associate("${f}"`);
  const sizes = all("Image")
    .filter((i) => i.getAttribute("size"))
    .map((i) => i.getAttribute("size"));
  expect(new Set(sizes)).toEqual(new Set(["16", "32", "80"]));
  for (const img of children(one("Images"))) {
    const file = new URL(img.getAttribute("DefaultValue")!).pathname;
    expect(existsSync(join(ROOT, file))).toBe(true);
  }
  const label = children(one("ShortStrings")).find((s) => s.getAttribute("id") === "Tab.Label")!;
  expect(label.getAttribute("DefaultValue")).toBe("Dân vận");
});

test("custom functions in namespace DANVAN, with the JavaScript-only runtime (no shared runtime)", () => {
  const point = all("ExtensionPoint").find(
    (e) => e.getAttribute("xsi:type") === "CustomFunctions"
  )!;
  expect(names(point)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
  const ns = children(one("ShortStrings")).find(
    (s) => s.getAttribute("id") === "Functions.Namespace"
  )!;
  expect(ns.getAttribute("DefaultValue")).toBe("DANVAN");
  expect(xml).not.toMatch(/SharedRuntime|<Runtimes>/);
});
