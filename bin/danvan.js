#!/usr/bin/env node
"use strict";
let cli;
try {
  cli = require("../lib/src/cli/main.js");
} catch {
  process.stderr.write("Lỗi: DanVan chưa được biên dịch; chạy \"npm install\" (hoặc \"npm run build:cli\") trong thư mục dự án.\n");
  process.exit(2);
}
cli.main(process.argv.slice(2));
