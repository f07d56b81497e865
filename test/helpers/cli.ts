/** The built `danvan` run as a user runs it, in a test's own folder. */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";

const BIN = join(__dirname, "../../bin/danvan.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A runner in `dir()`, with `env()` added to the environment (a DANVAN_HOME of its own); a hang ends as a
 * failure (killed after 50 s), not as a test run that never ends.
 */
export function cli(
  dir: () => string,
  env: () => Record<string, string> = () => ({})
): (...args: string[]) => CliResult {
  return (...args) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      encoding: "utf8",
      cwd: dir(),
      env: { ...process.env, ...env() },
      maxBuffer: 64_000_000,
      timeout: 50_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}

/** The same run without blocking this process: for a server that runs in the test's own process. */
export function cliAsync(
  dir: () => string,
  env: () => Record<string, string> = () => ({})
): (...args: string[]) => Promise<CliResult & { json: () => any }> {
  return (...args) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir(),
      env: { ...process.env, ...env() },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve) =>
      child.on("close", (code) => resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) }))
    );
  };
}
