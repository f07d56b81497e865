/**
 * The hierarchy's commands given what a commune official or an operator might type by mistake: each gets one
 * Vietnamese line and exit 2, nothing created, no stack trace, no English from a library.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../server/store/database";
import { cli, cliAsync } from "../helpers/cli";
import { listen, storeTargets } from "../helpers/sync-env";
import { tempDir } from "../helpers/tmp";

const dir = tempDir();
const UNSAFE = "Cầu\uFFFE";

/** One Vietnamese line on stderr, exit 2, nothing on stdout. */
function refused(r: { code: number | null; stdout: string; stderr: string }, line: string) {
  expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
    code: 2,
    stdout: "",
    stderr: `Lỗi: ${line}\n`,
  });
}

describe("the hierarchy's options checked before anything is sent", () => {
  const danvan = cli(dir, () => ({ DANVAN_HOME: join(dir(), "home") }));

  test("a word too many is refused, not ignored", () => {
    writeFileSync(join(dir(), "so.xlsx"), "");
    refused(danvan("campaign", "create", "so.xlsx", "khac.xlsx"), 'Thừa tham số "khac.xlsx".');
    refused(danvan("rollup", "--date", "2024-12-12", "th.xlsx"), 'Thừa tham số "th.xlsx".');
    refused(danvan("devices", "tat-ca"), 'Thừa tham số "tat-ca".');
    refused(
      danvan("admin", "org", "create", "Tây Ninh", "--db", "x.db"),
      'Thừa tham số "Tây Ninh".'
    );
  });

  test("rollup without --date says it is missing; revoke --device abc says what a device number is", () => {
    refused(danvan("rollup"), "Thiếu --date NGÀY (dạng 2024-12-12).");
    refused(danvan("revoke"), "Thiếu --device SỐ (xem số bằng danvan devices).");
    for (const bad of ["abc", "0", "99999999999"])
      refused(
        danvan("revoke", "--device", bad),
        `--device "${bad}" không hợp lệ: cần số của thiết bị như danvan devices in ra (1, 2, …).`
      );
  });
});

describe("the operator's store and names", () => {
  const danvan = cli(dir, () => ({ DANVAN_HOME: join(dir(), "op") }));
  const create = (db: string, name: string) =>
    danvan("admin", "org", "create", "--db", db, "--kind", "province", "--name", name);

  test("a --db that is not a database, or a PostgreSQL that does not answer: one Vietnamese line", () => {
    writeFileSync(join(dir(), "so.xlsx"), "PK not a database");
    for (const db of ["so.xlsx", "postgres://nobody@127.0.0.1:9/x"])
      refused(
        create(db, "Tây Ninh"),
        `Không mở được kho dữ liệu ${db}: kiểm tra --db (tệp SQLite của DanVan, hoặc postgres://… đang chạy và cho kết nối).`
      );
  });

  test("a province's name too long or holding U+FFFE is refused, nothing created", () => {
    const db = join(dir(), "names.db");
    refused(create(db, "Đ".repeat(500)), "Tên tỉnh (--name): nội dung quá dài (tối đa 100).");
    refused(
      create(db, UNSAFE),
      "Tên tỉnh (--name): nội dung có ký tự Excel không lưu được (như U+FFFE)."
    );
    // The first province made after the refusals is number 1: they created none.
    expect(create(db, "Tây Ninh").stdout).toMatch(/^Tỉnh Tây Ninh \(số 1\)\./);
  });

  test("serve on a port already taken: one Vietnamese line", async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
    const port = String((taken.address() as AddressInfo).port);
    try {
      refused(
        await cliAsync(dir)("serve", "--port", port, "--db", join(dir(), "serve.db")),
        `Không mở được cổng ${port} (đang có chương trình khác dùng, hoặc không được phép, hoặc --host sai); chọn --port khác.`
      );
    } finally {
      taken.close();
    }
  });
});

describe("a server address that is not DanVan's", () => {
  let plain: Server;
  let url: string;
  beforeAll(async () => {
    // A plain web server: it answers POST with 501 and no DanVan error.
    plain = createServer((_req, res) => res.writeHead(501).end("<h1>Not Implemented</h1>"));
    await new Promise<void>((r) => plain.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => plain.close(r)));

  test("enroll says to check the address instead of a bare status", async () => {
    const r = await cliAsync(dir, () => ({ DANVAN_HOME: join(dir(), "plain") }))(
      "enroll",
      "--server",
      url,
      "--code",
      "ABCD-EFGH"
    );
    refused(
      r,
      "Máy chủ trả lời lỗi 501 mà không theo giao thức DanVan; kiểm tra địa chỉ máy chủ (có đúng máy chủ DanVan không) hoặc thử lại sau."
    );
  });
});

describe.each(storeTargets())("names the server refuses on $name", (target) => {
  let db: Database;
  let dbUrl: string;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let url: string;
  const danvan = cliAsync(dir, () => ({ DANVAN_HOME: join(dir(), `${target.name}-tinh`) }));

  beforeAll(async () => {
    ({ db, url: dbUrl, cleanup } = await target.open());
    ({ app, url } = await listen(db, { enrollPerMinute: 1000 }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await cleanup();
  });

  test("a commune or district named with U+FFFE is refused and never created", async () => {
    const province = await danvan(
      "admin",
      "org",
      "create",
      "--db",
      dbUrl,
      "--name",
      "Tây Ninh",
      "--json"
    );
    expect((await danvan("enroll", "--server", url, "--code", province.json().code)).code).toBe(0);
    for (const kind of ["commune", "district"])
      refused(
        await danvan("code", `--${kind}`, UNSAFE),
        `Yêu cầu không hợp lệ: "${kind}" có ký tự Excel không lưu được (như U+FFFE).`
      );
    refused(
      await danvan("rollup-settings", "--signer", UNSAFE),
      'Yêu cầu không hợp lệ: "signer" có ký tự Excel không lưu được (như U+FFFE).'
    );
    const rollup = await danvan("rollup", "--date", "2024-12-12", "--json");
    expect(rollup.json()).toMatchObject({ communes: {}, missing: [] });
  });
});
