// `npm stop`: ends what `npm start` started, and on Windows and macOS takes the add-in out of desktop Excel.
"use strict";
const fs = require("fs");
const path = require("path");
const { sideload } = require("./sideload");

const ROOT = path.join(__dirname, "..");
const PID_FILE = path.join(ROOT, ".danvan-start.pid");

function stopServer() {
  if (!fs.existsSync(PID_FILE)) return "DanVan không chạy. DanVan is not running.";
  let text = "Đã dừng DanVan. DanVan stopped.";
  try {
    process.kill(Number(fs.readFileSync(PID_FILE, "utf8")), "SIGTERM");
  } catch {
    text = "DanVan đã dừng từ trước. DanVan had already stopped.";
  }
  fs.rmSync(PID_FILE, { force: true });
  return text;
}

async function main() {
  if (await sideload("stop", path.join(ROOT, "dist", "manifest.xml")))
    process.stdout.write("Đã gỡ DanVan khỏi Excel trên máy này. DanVan is no longer sideloaded.\n");
  process.stdout.write(`${stopServer()}\n`);
}

main().catch((e) => {
  process.stderr.write(`Lỗi: ${e.message}\n`);
  process.exit(2);
});
