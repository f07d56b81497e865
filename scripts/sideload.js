// Sideloading into desktop Excel as the `yo office` template does: office-addin-debugging with the manifest.
// Only Windows and macOS have desktop Excel; elsewhere (Linux, CI) `npm start` keeps printing the manual steps.
// The tool runs through npx rather than as a dependency: its peer chain needs a native keyring module that
// cannot build on Linux, where it would be useless anyway.
"use strict";
const { spawn } = require("child_process");

const DESKTOP = new Set(["win32", "darwin"]);
const TOOL = "office-addin-debugging@7";

/** The command that registers (start) or unregisters (stop) the manifest with desktop Excel. */
function sideloadCommand(action, manifest, platform = process.platform) {
  const npx = platform === "win32" ? "npx.cmd" : "npx";
  const args = ["--yes", TOOL, action, manifest, "desktop", "--app", "excel"];
  // The add-in is already served by `npm start`; only the registration is wanted, without a debugger.
  if (action === "start") args.push("--no-debug", "--no-live-reload");
  return { command: npx, args };
}

/** Runs asynchronously: the add-in server in this same process must keep answering while Excel opens. */
function defaultRun(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", shell: process.platform === "win32" });
    child.on("error", () => resolve(false));
    child.on("exit", (code) => resolve(code === 0));
  });
}

/** True when desktop Excel now has (start) or no longer has (stop) the add-in; false where it cannot. */
async function sideload(
  action,
  manifest,
  { platform = process.platform, run = defaultRun, env = process.env } = {}
) {
  if (!DESKTOP.has(platform) || env.DANVAN_NO_SIDELOAD) return false;
  const { command, args } = sideloadCommand(action, manifest, platform);
  try {
    return await run(command, args);
  } catch {
    return false;
  }
}

module.exports = { sideload, sideloadCommand };
