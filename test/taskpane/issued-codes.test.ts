/** The codes a device issued, kept so that Mã đăng ký always lists every hamlet (or commune) with its newest code. */
import type { Identity } from "../../src/sync/identity";
import { memoryPlace } from "../../src/sync/saved";
import { enrolmentCode, enrolmentSheet, keepCodes } from "../../src/taskpane/issuedCodes";

const code = (name: string, c: string) => ({ name, code: c, expires: "2024-12-26T09:30" });

test("a code's expiry is the server's UTC time in Vietnam's; a commune under a district is named with it", () => {
  expect(
    enrolmentCode({ name: "Tân Phong", code: "K7PM-Q2XD", expires_at: "2024-12-26T02:30:00.000Z" })
  ).toEqual(code("Tân Phong", "K7PM-Q2XD"));
  expect(
    enrolmentCode(
      { name: "Tân Phong", code: "K7PM-Q2XD", expires_at: "2024-12-26T17:10:00.000Z" },
      "Tân Biên"
    )
  ).toEqual({ name: "Tân Phong (Tân Biên)", code: "K7PM-Q2XD", expires: "2024-12-27T00:10" });
});

test("a new code replaces its name's older one, a new campaign starts afresh, a damaged list is set aside and said", async () => {
  const place = memoryPlace();
  const notices: string[] = [];
  const notify = (m: string) => notices.push(m);
  await keepCodes(place, [code("Cầu", "AAAA-1111"), code("Trại Bí", "BBBB-2222")], notify, true);
  expect(await keepCodes(place, [code("Cầu", "CCCC-3333")], notify)).toEqual([
    code("Trại Bí", "BBBB-2222"),
    code("Cầu", "CCCC-3333"),
  ]);
  expect(await keepCodes(place, [code("Mới", "DDDD-4444")], notify, true)).toEqual([
    code("Mới", "DDDD-4444"),
  ]);
  place.text = "{not json";
  expect(await keepCodes(place, [code("Cầu", "EEEE-5555")], notify)).toEqual([
    code("Cầu", "EEEE-5555"),
  ]);
  expect(notices).toEqual([
    expect.stringMatching(
      /^Danh sách mã đăng ký đã cấp ở bộ nhớ tạm bị hỏng .* Trang Mã đăng ký sẽ chỉ có/
    ),
  ]);
});

test("the sheet is a commune's for its hamlets, a province's or district's for its communes", () => {
  const base = {
    clientID: "client-1",
    token: "t",
    campaign: null,
    hamlet: null,
    server: "https://danvan.tayninh.gov.vn",
  };
  const of = (identity: Partial<Identity>) => {
    const s = enrolmentSheet({ ...base, ...identity } as Identity, []);
    return [s.kind, s.issuer];
  };
  expect(of({ scope: "commune", commune: "Tân Phong", province: "Tây Ninh" })).toEqual([
    "hamlet",
    "xã Tân Phong",
  ]);
  expect(of({ scope: "province", commune: "", province: "Tây Ninh" })).toEqual([
    "commune",
    "tỉnh Tây Ninh",
  ]);
  expect(
    of({ scope: "district", commune: "", province: "Tây Ninh", district: "Tân Biên" })
  ).toEqual(["commune", "huyện Tân Biên"]);
});
