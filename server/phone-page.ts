/**
 * The hamlet's phone page at /ap/: the files webpack builds from src/phone (dist/ap), read once when the
 * server starts and served as they are. Every file is revalidated (ETag), so a new build reaches phones at
 * once; the page's service worker is what makes it open offline.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
};

/** The page loads only its own files and talks only to this server. */
const POLICY =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const NOT_BUILT =
  "Trang điện thoại chưa được dựng trên máy chủ này; chạy npm run build rồi khởi động lại máy chủ.";

interface PageFile {
  body: Buffer;
  type: string;
  etag: string;
}

/** Where the built page is: DANVAN_PHONE_DIR, else dist/ap of the package this server runs from. */
export function phoneDir(): string {
  if (process.env.DANVAN_PHONE_DIR) return process.env.DANVAN_PHONE_DIR;
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, "dist", "ap");
}

function readPage(dir: string): Map<string, PageFile> {
  const files = new Map<string, PageFile>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(dir, name));
    files.set(name, { body, type, etag: `"${createHash("sha1").update(body).digest("hex")}"` });
  }
  return files;
}

export async function registerPhonePage(app: FastifyInstance, dir = phoneDir()): Promise<void> {
  const files = readPage(dir);
  const send = (name: string) => (request: FastifyRequest, reply: FastifyReply) => {
    const file = files.get(name);
    if (!file)
      return reply
        .status(404)
        .send({ code: "not_found", error: files.size ? "Không có tệp này." : NOT_BUILT });
    reply
      .header("cache-control", "no-cache")
      .header("etag", file.etag)
      .header("x-content-type-options", "nosniff");
    if (file.type.startsWith("text/html")) reply.header("content-security-policy", POLICY);
    if (request.headers["if-none-match"] === file.etag) return reply.status(304).send();
    return reply.type(file.type).send(file.body);
  };
  app.get("/ap", (_request, reply) => reply.redirect("/ap/"));
  app.get("/ap/", send("index.html"));
  app.get<{ Params: { file: string } }>("/ap/:file", (request, reply) =>
    send(request.params.file)(request, reply)
  );
}
