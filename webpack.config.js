// The add-in's build, after the official `yo office` template: taskpane, commands and functions bundles,
// functions.json from the JSDoc, assets and manifest.xml copied with URLs rewritten for production.
// Everything that runs in Office is ES2017 (README, "Where it runs"): ts-loader type-checks and compiles our
// TypeScript, then esbuild lowers it and the packages from node_modules to ES2017.
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const path = require("path");
const phone = require("./webpack.phone");
const { httpsOptions } = require("./scripts/certs");

const TARGET = "es2017";
const lower = { loader: "esbuild-loader", options: { target: TARGET } };

const DEV_URL = "https://localhost:3000/";

/** The production base URL, from ADDIN_BASE_URL (https, ending with a slash). */
function productionUrl() {
  const url = process.env.ADDIN_BASE_URL;
  if (!url) return DEV_URL;
  if (!/^https:\/\/[^/]+/.test(url))
    throw new Error(`ADDIN_BASE_URL phải bắt đầu bằng https:// (đang là "${url}")`);
  return url.endsWith("/") ? url : `${url}/`;
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const baseUrl = dev ? DEV_URL : productionUrl();
  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
      ...phone.entry,
    },
    target: ["web", TARGET],
    output: { path: path.resolve(__dirname, "dist"), clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            lower,
            {
              loader: "ts-loader",
              options: { configFile: "tsconfig.web.json", onlyCompileBundledFiles: true },
            },
          ],
        },
        { test: /\.m?js$/, include: /node_modules/, use: [lower] },
      ],
    },
    performance: { hints: false },
    plugins: [
      ...phone.plugins(),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help.html", to: "help.html" },
          { from: "src/taskpane/webview-check.js", to: "webview-check.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Resource URLs take the base URL; AppDomain takes its origin.
            transform: (content) =>
              content
                .toString()
                .split(DEV_URL)
                .join(baseUrl)
                .split(new URL(DEV_URL).origin)
                .join(new URL(baseUrl).origin),
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? await httpsOptions() : {} },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
