import { readEnrolment } from "../../src/taskpane/enrolment";

test("an enrolment link fills both the server and the code", () => {
  expect(readEnrolment(" https://danvan.tanphong.vn/ap/#code=K7PM-Q2XD ")).toEqual({
    server: "https://danvan.tanphong.vn",
    code: "K7PM-Q2XD",
  });
  expect(readEnrolment("http://127.0.0.1:8787/dongbo/ap/#code=AB12-CD34")).toEqual({
    server: "http://127.0.0.1:8787/dongbo",
    code: "AB12-CD34",
  });
});

test("a server address fills the server alone; a bare code or other text fills nothing", () => {
  expect(readEnrolment("https://danvan.tanphong.vn/")).toEqual({
    server: "https://danvan.tanphong.vn",
    code: undefined,
  });
  expect(readEnrolment("K7PM-Q2XD")).toEqual({});
  expect(readEnrolment("https://")).toEqual({});
});
