// Builds the phone page alone with the project's own webpack config (its rules, its phone entry and plugins)
// into <out>/ap/, apart from dist/ (which other tests rebuild and clean). Usage: node build-phone.js OUT
const path = require("path");
const webpack = require("webpack");
const phone = require("../../webpack.phone");

const ROOT = path.join(__dirname, "../..");

(async () => {
  const config = await require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" });
  const only = {
    ...config,
    mode: "production",
    context: ROOT,
    entry: phone.entry,
    plugins: phone.plugins(),
    output: { ...config.output, path: path.resolve(process.argv[2]) },
  };
  webpack(only, (error, stats) => {
    if (error || stats.hasErrors()) {
      console.error(error ?? stats.toString("errors-only"));
      process.exit(1);
    }
  });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
