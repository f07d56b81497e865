// The hamlet's phone page, built into dist/ap/ with the add-in and served by the sync server at /ap/: its
// bundle and page, styles, web app manifest and icons, and a service worker that caches all of them under a
// name made from their contents, so each new build replaces the cache of the one before.
const { createHash } = require("crypto");
const { readFileSync } = require("fs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, sources } = require("webpack");

const DIR = "ap/";
const WORKER = "./src/phone/sw.js";

class ServiceWorkerPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PhoneServiceWorker", (compilation) => {
      compilation.fileDependencies.add(require.resolve(WORKER));
      // Last of all, once every file of the page is final.
      const stage = Compilation.PROCESS_ASSETS_STAGE_REPORT;
      compilation.hooks.processAssets.tap({ name: "PhoneServiceWorker", stage }, (assets) => {
        const files = Object.keys(assets)
          .filter((f) => f.startsWith(DIR) && !/\.(map|txt)$/.test(f))
          .sort();
        const hash = createHash("sha256");
        for (const f of files) hash.update(f).update(assets[f].source());
        // The page is cached as "./", the address phones open.
        const cached = [
          "./",
          ...files.map((f) => f.slice(DIR.length)).filter((f) => f !== "index.html"),
        ];
        const worker = readFileSync(WORKER, "utf8")
          .replace('"__VERSION__"', JSON.stringify(hash.digest("hex").slice(0, 16)))
          .replace('"__FILES__"', JSON.stringify(cached));
        compilation.emitAsset(`${DIR}sw.js`, new sources.RawSource(worker));
      });
    });
  }
}

module.exports = {
  entry: { "ap/phone": "./src/phone/main.ts" },
  plugins: () => [
    new HtmlWebpackPlugin({
      filename: `${DIR}index.html`,
      template: "./src/phone/index.html",
      chunks: ["ap/phone"],
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "src/phone/style.css", to: DIR },
        { from: "src/phone/manifest.webmanifest", to: DIR },
        { from: "assets/icon-192.png", to: DIR },
        { from: "assets/icon-512.png", to: DIR },
      ],
    }),
    new ServiceWorkerPlugin(),
  ],
};
