import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh temporary folder per test file, removed afterwards. */
export function tempDir(): () => string {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "danvan-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}
