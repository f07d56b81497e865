// `npm stop`: ends what `npm start` started.
"use strict";
const fs = require("fs");
const path = require("path");

const PID_FILE = path.join(__dirname, "..", ".danvan-start.pid");
if (!fs.existsSync(PID_FILE)) {
  process.stdout.write("DanVan không chạy. DanVan is not running.\n");
} else {
  try {
    process.kill(Number(fs.readFileSync(PID_FILE, "utf8")), "SIGTERM");
    process.stdout.write("Đã dừng DanVan. DanVan stopped.\n");
  } catch {
    process.stdout.write("DanVan đã dừng từ trước. DanVan had already stopped.\n");
  }
  fs.rmSync(PID_FILE, { force: true });
}
