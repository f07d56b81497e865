/** Outbox stores: in memory, and mirrored (a second copy that survives a wiped first one). */
import type { OutboxState, StateStore } from "./client";

export function memoryStore(): StateStore & { clear(): void } {
  let saved: string | null = null;
  return {
    async load() {
      return saved === null ? null : (JSON.parse(saved) as OutboxState);
    },
    async save(state) {
      saved = JSON.stringify(state);
    },
    clear() {
      saved = null;
    },
  };
}

/**
 * Saves to both; loads the primary, or the mirror when the primary was wiped (the task pane mirrors its
 * browser storage into a very hidden sheet of the workbook).
 */
export function mirroredStore(primary: StateStore, mirror: StateStore): StateStore {
  return {
    async load() {
      return (await primary.load()) ?? (await mirror.load());
    },
    async save(state) {
      await mirror.save(state);
      await primary.save(state);
    },
  };
}
