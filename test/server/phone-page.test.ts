/** The sync server serves the built phone page at /ap/, as phones need it: revalidated, locked to itself. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import Fastify, { type FastifyInstance } from "fastify";
import { registerPhonePage } from "../../server/phone-page";
import { tempDir } from "../helpers/tmp";

const dir = tempDir();

const apps: FastifyInstance[] = [];
afterAll(() => Promise.all(apps.map((a) => a.close())));

/** The route on a real server on loopback; `get` asks it without following redirects. */
async function serve(folder: string) {
  const app = Fastify();
  apps.push(app);
  await registerPhonePage(app, folder);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return (path: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { headers, redirect: "manual" });
}

test("the page, its files and a revalidation answered with 304; nothing but the page's own kinds of file", async () => {
  const build = join(dir(), "ap");
  mkdirSync(build);
  writeFileSync(join(build, "index.html"), "<!doctype html><title>DanVan</title>");
  writeFileSync(join(build, "phone.js"), "void 0;");
  writeFileSync(join(build, "phone.js.map"), "{}");
  writeFileSync(join(build, "manifest.webmanifest"), "{}");
  const get = await serve(build);

  expect((await get("/ap")).headers.get("location")).toBe("/ap/");
  const page = await get("/ap/");
  expect(page.status).toBe(200);
  expect(await page.text()).toBe("<!doctype html><title>DanVan</title>");
  expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(page.headers.get("cache-control")).toBe("no-cache");
  expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
  const again = await get("/ap/", { "if-none-match": page.headers.get("etag")! });
  expect(again.status).toBe(304);
  expect((await get("/ap/manifest.webmanifest")).headers.get("content-type")).toBe(
    "application/manifest+json"
  );
  expect((await get("/ap/phone.js")).headers.get("content-type")).toBe(
    "text/javascript; charset=utf-8"
  );
  expect(await (await get("/ap/phone.js.map")).json()).toEqual({
    code: "not_found",
    error: "Không có tệp này.",
  });
  expect((await get("/ap/..%2Fpackage.json")).status).toBe(404);
});

test("a server without the built page says in Vietnamese how to build it", async () => {
  const get = await serve(join(dir(), "missing"));
  const answer = await get("/ap/");
  expect(answer.status).toBe(404);
  expect((await answer.json()).error).toBe(
    "Trang điện thoại chưa được dựng trên máy chủ này; chạy npm run build rồi khởi động lại máy chủ."
  );
});
