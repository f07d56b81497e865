/**
 * A real store with eyes: counts write transactions and the statements (round trips on PostgreSQL) in them, and
 * can hold a write once it has read its device — by then holding its campaign's lock — to prove who waits for
 * whom, or fail one before it commits.
 */
import type { Database, AdminLock, Sql, WriteSql } from "../../server/store/database";

export class InstrumentedDatabase implements Database {
  writes = 0;
  statements = 0;
  /** The next write transaction fails before COMMIT. */
  failNext = false;
  private held: { campaign: number; entered: () => void; release: Promise<void> } | null = null;

  constructor(private readonly inner: Database) {}

  get dialect() {
    return this.inner.dialect;
  }

  /** The next write that reads a device of `campaign` stops there until release() is called. */
  holdCampaign(campaign: number): { entered: Promise<void>; release: () => void } {
    let entered!: () => void;
    let release!: () => void;
    const enteredP = new Promise<void>((resolve) => (entered = resolve));
    this.held = { campaign, entered, release: new Promise<void>((resolve) => (release = resolve)) };
    return { entered: enteredP, release };
  }

  private counted<S extends Sql>(tx: S): S {
    const count = <F extends (...a: never[]) => unknown>(f: F) =>
      ((...a: Parameters<F>) => (this.statements++, f(...a))) as F;
    return {
      ...tx,
      all: count(tx.all.bind(tx)),
      get: count(tx.get.bind(tx)),
      run: count(tx.run.bind(tx)),
    };
  }

  /** Holds here if this row is a device of the held campaign. */
  private async holdAt(row: unknown): Promise<void> {
    const held = this.held;
    if (!held || (row as { campaign_id?: unknown } | undefined)?.campaign_id !== held.campaign)
      return;
    this.held = null;
    held.entered();
    await held.release;
  }

  write<T>(fn: (tx: WriteSql) => Promise<T>, lock?: AdminLock): Promise<T> {
    this.writes++;
    return this.inner.write(async (tx) => {
      const counted = this.counted(tx);
      const watched: WriteSql = {
        ...counted,
        get: async <R>(sql: string, params?: unknown[]) => {
          const row = await counted.get<R>(sql, params);
          await this.holdAt(row);
          return row;
        },
        forUpdate: (alias) => tx.forUpdate(alias),
        runAll: (statements) => (this.statements++, tx.runAll(statements)),
      };
      const result = await fn(watched);
      if (this.failNext) {
        this.failNext = false;
        throw new Error("crash before commit");
      }
      return result;
    }, lock);
  }

  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.inner.read((tx) => fn(this.counted(tx)));
  }

  ping() {
    return this.inner.ping();
  }

  close() {
    return this.inner.close();
  }
}
