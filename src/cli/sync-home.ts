/** The CLI device's identity, outbox and lock, kept under $DANVAN_HOME (default ~/.danvan). */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  fsyncSync,
} from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import type { OutboxState, StateStore } from "../sync/client";
import { EnrollResponse } from "../sync/protocol";
import { InputError } from "../xlsx/files";

export const Identity = EnrollResponse.extend({ server: z.string() });
export type Identity = z.infer<typeof Identity>;

export function homeDir(): string {
  return process.env.DANVAN_HOME || join(homedir(), ".danvan");
}

/** Written to a temporary file, flushed, then renamed: a crash leaves the old file or the new one. */
export function writeDurably(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export function saveIdentity(identity: Identity): void {
  mkdirSync(homeDir(), { recursive: true, mode: 0o700 });
  writeDurably(join(homeDir(), "identity.json"), JSON.stringify(identity, null, 2));
}

export function loadIdentity(): Identity {
  const path = join(homeDir(), "identity.json");
  if (!existsSync(path))
    throw new InputError(
      `Thiết bị chưa đăng ký: chạy "danvan enroll --server URL --code MÃ" trước (thư mục ${homeDir()}).`
    );
  const parsed = Identity.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new InputError(`Tệp ${path} bị hỏng; hãy đăng ký lại thiết bị.`);
  return parsed.data;
}

/** The outbox of one campaign on this device. */
export function fileStateStore(campaign: number): StateStore {
  const path = join(homeDir(), `outbox-${campaign}.json`);
  return {
    async load() {
      return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as OutboxState) : null;
    },
    async save(state) {
      writeDurably(path, JSON.stringify(state));
    },
  };
}

const STALE_LOCK_MS = 10 * 60_000;

/** One sync at a time per device home; a lock older than ten minutes is from a run that died. */
export function lockHome(): () => void {
  mkdirSync(homeDir(), { recursive: true, mode: 0o700 });
  const path = join(homeDir(), "sync.lock");
  if (existsSync(path) && Date.now() - statSync(path).mtimeMs > STALE_LOCK_MS)
    rmSync(path, { force: true });
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch {
    throw new InputError("Đang có một lần đồng bộ khác trên máy này; đợi nó xong rồi chạy lại.");
  }
  closeSync(fd);
  return () => rmSync(path, { force: true });
}
