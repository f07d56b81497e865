/**
 * Same-named communes stay apart, and `danvan admin code` never picks another commune's hamlet: through the
 * admin functions and the real CLI, on SQLite and PostgreSQL.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { createCampaign, issueHamletCode } from "../../server/admin";
import { enroll } from "../../server/sync";
import type { Database } from "../../server/store/database";
import { cleanPlan } from "../helpers/plans";
import { storeTargets } from "../helpers/sync-env";
import { tempDir } from "../helpers/tmp";

const BIN = join(__dirname, "../../bin/danvan.js");
const SEED = join(__dirname, "../fixtures/ke-hoach-tan-phong.txt");
const dir = tempDir();

function tanPhong() {
  const plan = cleanPlan();
  plan.settings.place_name = "Tân Phong";
  plan.hamlets[0].name = "Cầu";
  return plan;
}

function danvan(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    cwd: dir(),
    env: { ...process.env, DANVAN_HOME: join(dir(), "home") },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.each(storeTargets())("communes and codes on $name", (target) => {
  let db: Database;
  let url: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ db, url, cleanup } = await target.open());
  });
  afterEach(async () => {
    await db.close();
    await cleanup();
  });

  const communes = () =>
    db.read((tx) =>
      tx.all<{ id: number; parent_id: number | null }>(
        "SELECT id, parent_id FROM orgs WHERE kind = 'commune' AND name = 'Tân Phong' ORDER BY id"
      )
    );

  test("two Tân Phong created without a province are two communes; a hamlet code needs the campaign", async () => {
    const first = await createCampaign(db, tanPhong());
    const second = await createCampaign(db, tanPhong());
    expect(await communes()).toHaveLength(2);
    await expect(issueHamletCode(db, "Cầu")).rejects.toThrow(
      `Có ấp "Cầu" ở 2 xã: đợt ${second.campaign} (xã Tân Phong); đợt ${first.campaign} (xã Tân Phong). Thêm --campaign SỐ để chọn.`
    );
    await expect(issueHamletCode(db, "ấp cầu", { commune: "xã Tân Phong" })).rejects.toThrow(
      /ở 2 xã/
    );
    const issued = await issueHamletCode(db, "Cầu", { campaign: first.campaign });
    expect(await enroll(db, issued.code)).toMatchObject({
      campaign: first.campaign,
      hamlet: "Cầu",
      commune: "Tân Phong",
    });
    await expect(issueHamletCode(db, "Cầu", { campaign: 999 })).rejects.toThrow(
      'Không có ấp "Cầu" trong đợt 999.'
    );
  });

  test("a commune's code offered by a hamlet's device (the phone page) is refused in Vietnamese and stays the commune's", async () => {
    const { codes } = await createCampaign(db, tanPhong());
    await expect(enroll(db, codes.commune, "Điện thoại", "hamlet")).rejects.toThrow(
      "Mã này là mã của xã, dùng trong sổ Excel, nên không dùng được ở đây (mã vẫn còn nguyên cho xã). Hãy xin xã mã của ấp (trên tờ Mã đăng ký)."
    );
    expect(await enroll(db, codes.commune, "Sổ của xã")).toMatchObject({
      scope: "commune",
      commune: "Tân Phong",
    });
    expect(await enroll(db, codes.hamlets["Cầu"], "Điện thoại", "hamlet")).toMatchObject({
      scope: "hamlet",
      hamlet: "Cầu",
    });
  });

  test("with a province, the same commune's next campaign joins it; another province's Tân Phong stays apart", async () => {
    const first = await createCampaign(db, tanPhong(), "Tây Ninh");
    const next = await createCampaign(db, tanPhong(), "Tây Ninh");
    await createCampaign(db, tanPhong(), "Đồng Nai");
    expect((await communes()).map((c) => c.parent_id === null)).toEqual([false, false]);
    const joined = await db.read((tx) =>
      tx.all<{ commune_id: number }>("SELECT commune_id FROM campaigns WHERE id IN (?, ?)", [
        first.campaign,
        next.campaign,
      ])
    );
    expect(new Set(joined.map((r) => Number(r.commune_id))).size).toBe(1);
    // Same commune: its newest campaign, no question asked.
    expect(
      await issueHamletCode(db, "Cầu", { commune: "Tân Phong", campaign: next.campaign })
    ).toMatchObject({ campaign: next.campaign });
    await expect(issueHamletCode(db, "Cầu")).rejects.toThrow(
      /ở 2 xã: .*tỉnh Đồng Nai.*tỉnh Tây Ninh/
    );
  });

  test("danvan admin code refuses an ambiguous hamlet with one Vietnamese line, and takes --campaign", async () => {
    expect(danvan("import", SEED, "--out", `plan-${target.name}.xlsx`).code).toBe(0);
    const created = [1, 2].map(
      () =>
        JSON.parse(
          danvan(
            "admin",
            "campaign",
            "create",
            "--db",
            url,
            "--from",
            `plan-${target.name}.xlsx`,
            "--json"
          ).stdout
        ).campaign as number
    );
    const ambiguous = danvan("admin", "code", "--db", url, "--hamlet", "Cầu");
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr.trim()).toBe(
      `Lỗi: Có ấp "Cầu" ở 2 xã: đợt ${created[1]} (xã Tân Phong); đợt ${created[0]} (xã Tân Phong). Thêm --campaign SỐ để chọn.`
    );
    // Both communes are "Tân Phong": the name cannot choose, and a commune that has no Cầu is named as such.
    const byName = danvan(
      "admin",
      "code",
      "--db",
      url,
      "--hamlet",
      "Cầu",
      "--commune",
      "xã Tân Phong"
    );
    expect([byName.code, byName.stderr.trim()]).toEqual([2, ambiguous.stderr.trim()]);
    const elsewhere = danvan(
      "admin",
      "code",
      "--db",
      url,
      "--hamlet",
      "Cầu",
      "--commune",
      "An Bình"
    );
    expect([elsewhere.code, elsewhere.stderr.trim()]).toEqual([
      2,
      'Lỗi: Không có ấp "Cầu" trong xã An Bình.',
    ]);
    const chosen = danvan(
      "admin",
      "code",
      "--db",
      url,
      "--hamlet",
      "Cầu",
      "--campaign",
      String(created[0]),
      "--json"
    );
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.stdout)).toEqual({
      code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/),
      campaign: created[0],
    });
    const bad = danvan("admin", "code", "--db", url, "--hamlet", "Cầu", "--campaign", "abc");
    expect([bad.code, bad.stderr.trim()]).toEqual([
      2,
      'Lỗi: --campaign "abc" không hợp lệ (cần một số nguyên dương).',
    ]);
  }, 60_000);
});
