/**
 * `GET /metrics` in Prometheus text format: pushes, mutations by outcome, push latency, open conflicts, and the
 * process's own figures. One registry per server, so two servers in one process (tests) count apart.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { MutationResult } from "../src/sync/protocol";
import type { Database } from "./store/database";

export class SyncMetrics {
  readonly registry = new Registry();
  private readonly pushes = new Counter({
    name: "danvan_pushes_total",
    help: "Push requests answered, by HTTP status",
    labelNames: ["status"],
    registers: [this.registry],
  });
  private readonly mutations = new Counter({
    name: "danvan_mutations_total",
    help: "Pushed mutations, by outcome",
    labelNames: ["status"],
    registers: [this.registry],
  });
  private readonly pushSeconds = new Histogram({
    name: "danvan_push_duration_seconds",
    help: "Time to answer a push, from request to response",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
    registers: [this.registry],
  });

  constructor(db: Database) {
    new Gauge({
      name: "danvan_open_conflicts",
      help: "Conflicts waiting for a commune to choose",
      registers: [this.registry],
      async collect() {
        const row = await db.read((tx) =>
          tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM conflicts WHERE resolved_at IS NULL")
        );
        this.set(Number(row?.n ?? 0));
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: "danvan_" });
  }

  pushed(status: number, seconds: number): void {
    this.pushes.inc({ status: String(status) });
    this.pushSeconds.observe(seconds);
  }

  mutated(results: MutationResult[]): void {
    for (const r of results) this.mutations.inc({ status: r.status });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
