// A Prometheus 2.x over a TSDB directory on 127.0.0.1, scraping nothing and evaluating no rules:
// only its query API is wanted (to backfill recording rules from, and to time the dashboards'
// queries against), plus its compactor merging backfilled blocks.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ManagedProcess } from "../../local/managed-process.js";
import { binary } from "../../local/binaries.js";
import { freePortFrom, LOOPBACK } from "../../local/ports.js";
import { waitUntilReady } from "../../local/ready.js";
import { startProcess } from "./child-processes.js";

export interface PrometheusOptions {
  readonly tsdbDir: string;
  /** Where its config and log go. */
  readonly workDir: string;
  /** The stack's retention: it sets the largest block the compactor makes (a tenth of it). */
  readonly retention: string;
  /** Prometheus's default is 2m; the rule backfill runs day-long windows and needs more. */
  readonly queryTimeout: string;
}

export class PrometheusServer {
  private constructor(private readonly proc: ManagedProcess, readonly url: string) {}

  static async start(options: PrometheusOptions): Promise<PrometheusServer> {
    const config = join(options.workDir, "prometheus.yml");
    writeFileSync(config, "# Written by bench/queries: no scrape targets, no rules; the query API only.\nglobal: {}\n");
    const port = await freePortFrom(0);
    const args = [
      `--config.file=${config}`,
      `--storage.tsdb.path=${options.tsdbDir}`,
      `--storage.tsdb.retention.time=${options.retention}`,
      `--web.listen-address=${LOOPBACK}:${port}`,
      `--query.timeout=${options.queryTimeout}`,
      "--log.level=info",
    ];
    const proc = await startProcess("prometheus", binary("prometheus"), args, { cwd: options.workDir, logFile: join(options.workDir, "prometheus.log") });
    const url = `http://${LOOPBACK}:${port}`;
    try {
      // Opening a large TSDB takes a while (every block's index is read).
      await waitUntilReady(proc, `${url}/-/ready`, 300_000);
    } catch (error) {
      await proc.stop();
      throw error;
    }
    return new PrometheusServer(proc, url);
  }

  get pid(): number {
    return this.proc.pid;
  }

  async stop(): Promise<void> {
    // A compaction in progress can take a while to wind down; SIGKILL only after a minute.
    await this.proc.stop(60_000);
  }
}
