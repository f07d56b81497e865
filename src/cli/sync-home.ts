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
import { basename, join } from "node:path";
import { type Identity, readIdentity } from "../sync/identity";
import type { SavedPlace } from "../sync/saved";
import { InputError } from "../xlsx/files";

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

/** A file under the device home; a damaged one is renamed `<name>.hong-<stamp>.json` beside it. */
export function filePlace(name: string): SavedPlace {
  const path = join(homeDir(), name);
  return {
    where: `tệp ${path}`,
    read: async () => (existsSync(path) ? readFileSync(path, "utf8") : null),
    write: async (text) => {
      mkdirSync(homeDir(), { recursive: true, mode: 0o700 });
      writeDurably(path, text);
    },
    async setAside(stamp) {
      const base = path.replace(/\.json$/, "");
      let aside = `${base}.hong-${stamp}.json`;
      for (let n = 2; existsSync(aside); n++) aside = `${base}.hong-${stamp}-${n}.json`;
      renameSync(path, aside);
      return `tệp ${basename(aside)}`;
    },
  };
}

export const identityPlace = () => filePlace("identity.json");

export async function loadIdentity(): Promise<Identity> {
  const { identity, notice } = await readIdentity(identityPlace());
  if (identity) return identity;
  throw new InputError(
    notice ??
      `Thiết bị chưa đăng ký: chạy "danvan enroll --server URL --code MÃ" trước (thư mục ${homeDir()}).`
  );
}

/**
 * Where this device's outbox is kept: one per campaign, or one for a device that follows no single campaign
 * (a commune enrolled from its province's code, a province).
 */
export function outboxPlace(identity: Identity): SavedPlace {
  return filePlace(identity.campaign === null ? "outbox.json" : `outbox-${identity.campaign}.json`);
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
