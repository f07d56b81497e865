/** `danvan serve | admin | enroll | sync` end to end, as the hidden black-box runs drive them. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildApp } from "../../server/app";
import { openDatabase } from "../../server/store/open";
import { readPlan } from "../../src/core/reader";
import { readGrid } from "../../src/xlsx/files";
import { cliAsync } from "../helpers/cli";
import { tempDir } from "../helpers/tmp";

const BIN = join(__dirname, "../../bin/danvan.js");
const SEED = join(__dirname, "../fixtures/ke-hoach-tan-phong.txt");
const dir = tempDir();
const PORT = 21000 + (process.pid % 20000);
const SERVER = `http://127.0.0.1:${PORT}`;

function danvan(home: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    cwd: dir(),
    env: { ...process.env, DANVAN_HOME: join(dir(), home) },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

/** The same, without blocking: for a server running in this process. */
const danvanAsync = (home: string, ...args: string[]) =>
  cliAsync(dir, () => ({ DANVAN_HOME: join(dir(), home) }))(...args);

async function addRows(file: string, rows: unknown[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir(), file));
  for (const r of rows) wb.getWorksheet("Nhật ký")!.addRow(r);
  await wb.xlsx.writeFile(join(dir(), file));
}

let server: ChildProcess;
let codes: { commune: string; hamlets: Record<string, string> };

beforeAll(async () => {
  expect(danvan("admin", "import", SEED, "--out", "plan.xlsx").code).toBe(0);
  const created = danvan(
    "admin",
    "admin",
    "campaign",
    "create",
    "--db",
    "db.sqlite",
    "--from",
    "plan.xlsx",
    "--json"
  );
  expect(created.code).toBe(0);
  codes = created.json().codes;
  server = spawn(process.execPath, [BIN, "serve", "--port", String(PORT), "--db", "db.sqlite"], {
    cwd: dir(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise((resolve) =>
    server.stdout!.on("data", (d: Buffer) => d.toString().includes("chạy tại") && resolve(null))
  );
  for (const f of ["cau.xlsx", "cau2.xlsx", "traibi.xlsx", "xa.xlsx"])
    copyFileSync(join(dir(), "plan.xlsx"), join(dir(), f));
});
afterAll(() => server?.kill());

test("the campaign gives one code per hamlet and one for the commune", () => {
  expect(Object.keys(codes.hamlets)).toEqual([
    "Cầu",
    "Trại Bí",
    "Sân Bay",
    "Mới",
    "Bàu Đưng",
    "Gò Cát",
    "Đồng Dài",
    "Xóm Tháp",
  ]);
  expect(codes.commune).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
});

test("a hamlet pushes its own rows, is refused the others, and a rerun changes nothing", async () => {
  expect(danvan("cau", "enroll", "--server", SERVER, "--code", codes.hamlets["Cầu"]).code).toBe(0);
  await addRows("cau.xlsx", [
    [
      "10/12/2024",
      "Cầu",
      12,
      6,
      3,
      10,
      7,
      "1.000 m",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '=HYPERLINK("x")',
      "A",
      "14h05",
    ],
    [
      "11/12/2024",
      "ấp cầu",
      12,
      6,
      3,
      10,
      7,
      "800",
      "500 m",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      "",
      "A",
      "14h10",
    ],
    ["11/12/2024", "Trại Bí", 1, 1, 1, 1, 1],
    [
      "12/12/2024",
      "Cầu",
      1,
      1,
      1,
      1,
      1,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      "x".repeat(2500),
      "A",
      "14h00",
    ],
  ]);
  const first = danvan("cau", "sync", "cau.xlsx", "--server", SERVER, "--json");
  expect(first.code).toBe(0);
  expect(first.json()).toMatchObject({
    pushed: 2,
    refused: [
      { hamlet: "Trại Bí", date: "2024-12-11", reason: "Thiết bị này chỉ gửi nhật ký của ấp Cầu." },
      { hamlet: "Cầu", date: "2024-12-12", reason: expect.stringMatching(/^Dữ liệu không hợp lệ/) },
    ],
    conflicts: [],
    notices: [],
  });
  const again = danvan("cau", "sync", "cau.xlsx", "--server", SERVER, "--json");
  expect(again.code).toBe(0);
  expect(again.json()).toMatchObject({ pushed: 0, conflicts: [], pending: 0 });
});

test("a second device editing the same row makes a conflict the commune sees; nobody is overwritten", async () => {
  const code = danvan(
    "admin",
    "admin",
    "code",
    "--db",
    "db.sqlite",
    "--hamlet",
    "Cầu",
    "--json"
  ).json().code;
  expect(danvan("cau2", "enroll", "--server", SERVER, "--code", code).code).toBe(0);
  await addRows("cau2.xlsx", [["10/12/2024", "Cầu", 1, 1, 1, 1, 1, "5 m"]]);
  const r = danvan("cau2", "sync", "cau2.xlsx", "--server", SERVER, "--json");
  expect(r.code).toBe(0);
  expect(r.json().conflicts).toEqual([
    {
      hamlet: "Cầu",
      date: "2024-12-10",
      reason: "Dòng đã được sửa ở thiết bị khác; xã sẽ chọn bản giữ lại.",
    },
  ]);
  const text = danvan("cau2", "sync", "cau2.xlsx", "--server", SERVER);
  expect(text.stdout).toBe("Đã gửi 0 dòng, nhận 0 dòng vào cau2.xlsx.\n");
  expect(
    danvan("traibi", "enroll", "--server", SERVER, "--code", codes.hamlets["Trại Bí"]).code
  ).toBe(0);
  await addRows("traibi.xlsx", [["11/12/2024", "Trại Bí", 6, 6, 0, 5, 4, null, null, null, "150"]]);
  expect(
    danvan("traibi", "sync", "traibi.xlsx", "--server", SERVER, "--json").json()
  ).toMatchObject({ pushed: 1 });
});

test("the commune pulls every row exactly once, with the conflict listed, formulas kept as text", async () => {
  expect(danvan("xa", "enroll", "--server", SERVER, "--code", codes.commune).code).toBe(0);
  for (let i = 0; i < 2; i++) {
    const r = danvan("xa", "sync", "xa.xlsx", "--server", SERVER, "--json");
    expect(r.code).toBe(0);
    if (i === 0)
      expect(r.json()).toMatchObject({
        pulled: 3,
        conflicts: [{ hamlet: "Cầu", date: "2024-12-10" }],
      });
  }
  const { plan } = readPlan(await readGrid(join(dir(), "xa.xlsx")));
  const keys = plan.journal.map((r) => `${r.hamlet} ${r.date}`).sort();
  expect(keys).toEqual(["Cầu 2024-12-10", "Cầu 2024-12-11", "Trại Bí 2024-12-11"]);
  expect(plan.journal.find((r) => r.date === "2024-12-10")).toMatchObject({
    values: { phat_quang_m: 1000 },
    note: '=HYPERLINK("x")',
  });
  const report = spawnSync(
    process.execPath,
    [BIN, "report", "xa.xlsx", "--date", "2024-12-11", "--json"],
    { cwd: dir(), encoding: "utf8" }
  );
  expect(JSON.parse(report.stdout).day_total).toMatchObject({
    phat_quang_m: 800,
    thap_sang_m: 500,
    lam_duong_m: 150,
  });
});

test("without enrolment or without a server: one Vietnamese line and a non-zero exit", () => {
  const none = danvan("nobody", "sync", "xa.xlsx", "--json");
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/^Lỗi: Thiết bị chưa đăng ký/);
  const down = danvan("xa", "sync", "xa.xlsx", "--server", "http://127.0.0.1:9", "--json");
  expect(down.code).not.toBe(0);
  expect(down.stderr).toMatch(
    /^Lỗi: Không kết nối được máy chủ http:\/\/127\.0\.0\.1:9\. Các dòng chưa gửi vẫn nằm trong hàng chờ/
  );
  expect(down.stderr).not.toMatch(/\n\s+at /);
  // A command that keeps nothing in the outbox does not say that it does.
  const devices = danvan("xa", "devices", "--server", "http://127.0.0.1:9");
  expect([devices.code, devices.stderr.trim()]).toEqual([
    2,
    "Lỗi: Không kết nối được máy chủ http://127.0.0.1:9. Kiểm tra mạng và địa chỉ máy chủ (--server) rồi chạy lại.",
  ]);
});

test("a damaged identity file is set aside under a dated name and the officer is told to enrol again", () => {
  const home = join(dir(), "broken");
  expect(
    danvan(
      "broken",
      "enroll",
      "--server",
      SERVER,
      "--code",
      danvan("admin", "admin", "code", "--db", "db.sqlite", "--hamlet", "Mới", "--json").json().code
    ).code
  ).toBe(0);
  writeFileSync(join(home, "identity.json"), '{"clientID": "abc", "token":');
  const r = danvan("broken", "sync", "xa.xlsx", "--json");
  expect(r.code).toBe(2);
  const aside = readdirSync(home).find((f) => f.startsWith("identity.hong-"))!;
  expect(aside).toMatch(/^identity\.hong-\d{8}-\d{6}\.json$/);
  expect(r.stderr).toBe(
    `Lỗi: Thông tin đăng ký thiết bị ở tệp ${join(home, "identity.json")} bị hỏng (không đọc được nội dung); bản hỏng đã được cất sang tệp ${aside}. Hãy xin xã mã đăng ký mới và đăng ký lại thiết bị; các dòng chưa gửi vẫn được giữ.\n`
  );
  expect(readFileSync(join(home, aside), "utf8")).toBe('{"clientID": "abc", "token":');
  expect(existsSync(join(home, "identity.json"))).toBe(false);
});

test("a damaged outbox file is set aside, the sync goes on and says so", () => {
  const home = join(dir(), "traibi");
  const outbox = readdirSync(home).find((f) => /^outbox-\d+\.json$/.test(f))!;
  writeFileSync(join(home, outbox), "\u0000\u0000garbage");
  const r = danvan("traibi", "sync", "traibi.xlsx", "--json");
  expect(r.code).toBe(0);
  const aside = readdirSync(home).find((f) =>
    f.startsWith(`${outbox.replace(".json", "")}.hong-`)
  )!;
  expect(readFileSync(join(home, aside), "utf8")).toBe("\u0000\u0000garbage");
  expect(r.json()).toMatchObject({
    pushed: 1,
    conflicts: [],
    pending: 0,
    notices: [
      `Hàng chờ đồng bộ ở tệp ${join(home, outbox)} bị hỏng (không đọc được nội dung); bản hỏng đã được cất sang tệp ${aside}. Các dòng trong sổ sẽ được gửi lại từ đầu; máy chủ bỏ qua dòng đã có, dòng khác bản trên máy chủ thành xung đột để xã chọn.`,
    ],
  });
});

test("an outdated DanVan is told in one line to update DanVan, and nothing is lost", async () => {
  // This server takes every request for one from protocol 1, as a server of the next DanVan would take ours.
  const db = await openDatabase(join(dir(), "db.sqlite"));
  const app = await buildApp({ db });
  app.addHook("preValidation", async (request) => {
    if (request.body && typeof request.body === "object")
      (request.body as { protocolVersion?: number }).protocolVersion = 1;
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    await addRows("cau.xlsx", [["13/12/2024", "Cầu", 2, 2, 2, 2, 2, "100"]]);
    const r = await danvanAsync(
      "cau",
      "sync",
      "cau.xlsx",
      "--server",
      `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "Lỗi: Phiên bản DanVan trên máy này đã cũ (giao thức 1, máy chủ dùng 2); hãy cập nhật DanVan rồi đồng bộ lại.\n"
    );
  } finally {
    await app.close();
    await db.close();
  }
  expect(danvan("cau", "sync", "cau.xlsx", "--server", SERVER, "--json").json()).toMatchObject({
    pushed: 1,
    pending: 0,
  });
});
