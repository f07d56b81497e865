import { join } from "node:path";

// The npm scripts are plain CommonJS.
const { sideload, sideloadCommand } = require(join(__dirname, "../../scripts/sideload.js"));

const MANIFEST = "/danvan/dist/manifest.xml";

test("on Windows and macOS npm start registers the manifest with desktop Excel through office-addin-debugging", async () => {
  for (const platform of ["win32", "darwin"]) {
    const calls: [string, string[]][] = [];
    const run = async (command: string, args: string[]) => (calls.push([command, args]), true);
    expect(await sideload("start", MANIFEST, { platform, run, env: {} })).toBe(true);
    expect(await sideload("stop", MANIFEST, { platform, run, env: {} })).toBe(true);
    expect(calls.map(([, args]) => args.slice(1, 5))).toEqual([
      ["office-addin-debugging@7", "start", MANIFEST, "desktop"],
      ["office-addin-debugging@7", "stop", MANIFEST, "desktop"],
    ]);
    expect(calls[0][0]).toBe(platform === "win32" ? "npx.cmd" : "npx");
  }
});

test("on Linux, in CI or with DANVAN_NO_SIDELOAD nothing is run and npm start keeps printing the manual steps", async () => {
  const run = jest.fn(async () => true);
  expect(await sideload("start", MANIFEST, { platform: "linux", run, env: {} })).toBe(false);
  expect(
    await sideload("start", MANIFEST, { platform: "win32", run, env: { DANVAN_NO_SIDELOAD: "1" } })
  ).toBe(false);
  expect(run).not.toHaveBeenCalled();
});

test("a sideload that fails (no Excel, no network) is reported as not done, never thrown", async () => {
  const failing = async () => {
    throw new Error("spawn npx ENOENT");
  };
  expect(await sideload("start", MANIFEST, { platform: "darwin", run: failing, env: {} })).toBe(
    false
  );
  expect(sideloadCommand("start", MANIFEST, "darwin").args).toEqual(
    expect.arrayContaining(["--app", "excel", "--no-debug"])
  );
});
