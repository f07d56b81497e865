// `npm start`: the sample workbook and its check (danvan demo), then the add-in built and served over HTTPS
// on https://localhost:3000 with office-addin-dev-certs, and how to sideload it. Ctrl+C (or npm stop) ends it.
"use strict";
const { once } = require("events");
const fs = require("fs");
const https = require("https");
const path = require("path");
const webpack = require("webpack");
const { httpsOptions } = require("./certs");
const { sideload } = require("./sideload");
const { run } = require("../lib/src/cli/main");
const { startServer } = require("../lib/server/main");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const SYNC_PORT = Number(process.env.DANVAN_SYNC_PORT || 8787);
const PID_FILE = path.join(ROOT, ".danvan-start.pid");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

function build() {
  const config = require("../webpack.config.js");
  return Promise.resolve(config({}, { mode: "production" })).then(
    (options) =>
      new Promise((resolve, reject) =>
        webpack(options, (err, stats) =>
          err || stats.hasErrors()
            ? reject(err || new Error(stats.toString("errors-only")))
            : resolve()
        )
      )
  );
}

function serve(options) {
  return https
    .createServer(options, (req, res) => {
      const file = path.join(
        DIST,
        decodeURIComponent(new URL(req.url, "https://localhost").pathname)
      );
      if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404).end("Không có tệp này.");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
        "Access-Control-Allow-Origin": "*",
      });
      fs.createReadStream(file).pipe(res);
    })
    .listen(PORT, "127.0.0.1");
}

const SIDELOAD = `
Bổ trợ DanVan đang chạy tại https://localhost:${PORT}/ — tệp khai báo: ${path.join(DIST, "manifest.xml")}
The DanVan add-in is served at https://localhost:${PORT}/ — manifest: ${path.join(DIST, "manifest.xml")}

Cài thử vào Excel / Sideload into Excel:
  • Windows: chia sẻ thư mục chứa manifest.xml, thêm nó vào File › Options › Trust Center › Trusted Add-in Catalogs,
    rồi Insert › My Add-ins › Shared Folder.
    Share the folder holding manifest.xml, add it under File › Options › Trust Center › Trusted Add-in Catalogs,
    then Insert › My Add-ins › Shared Folder.
  • Mac: chép manifest.xml vào ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/, mở lại Excel,
    Insert › My Add-ins.  Copy manifest.xml into that folder, restart Excel, Insert › My Add-ins.
  • Excel trên web / Excel on the web: Home › Add-ins › More Settings › Upload My Add-in › chọn/choose manifest.xml.
  Máy phải tin chứng chỉ gốc / The machine must trust the CA: ~/.office-addin-dev-certs/ca.crt

Ctrl+C hoặc "npm stop" để dừng. Ctrl+C or "npm stop" stops it.`;

async function main() {
  const demo = await run(["demo"]);
  process.stdout.write(
    `${demo.stdout}${demo.stderr}\n\nĐang đóng gói bổ trợ… Building the add-in…\n`
  );
  await build();
  const sync = await startServer({
    port: SYNC_PORT,
    host: "127.0.0.1",
    db: path.join(ROOT, "data", "danvan.db"),
  });
  const server = serve(await httpsOptions());
  server.on("error", (e) => {
    process.stderr.write(
      `Lỗi: không mở được cổng ${PORT} (${e.code}). Chạy "npm stop" hoặc đóng chương trình đang dùng cổng này.\n`
    );
    process.exit(2);
  });
  const stop = () => {
    fs.rmSync(PID_FILE, { force: true });
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await once(server, "listening");
  fs.writeFileSync(PID_FILE, String(process.pid));
  if (await sideload("start", path.join(DIST, "manifest.xml")))
    process.stdout.write(
      "Đã cài DanVan vào Excel trên máy này: mở Excel, thẻ Dân vận. DanVan is sideloaded into desktop Excel.\n"
    );
  process.stdout.write(
    `${SIDELOAD}\n\nMáy chủ đồng bộ / Sync server: ${sync.url} (${sync.store}); "danvan admin campaign create --db data/danvan.db --from SO.xlsx" để tạo mã đăng ký / to issue enrolment codes.\n`
  );
}

main().catch((e) => {
  process.stderr.write(`Lỗi: ${e.message}\n`);
  process.exit(2);
});
