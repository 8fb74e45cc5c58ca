// Audit events through a pino-compatible logger. pino's asynchronous destination buffers the
// writes, so emitting never waits on the disk or the pipe. pino is an optional peer: it is loaded
// only when audit events are on without a logger of the application's own.
import { createRequire } from "node:module";
import type { AuditEvent } from "../catalog/audit-events.js";
import { describeError } from "../core/describe.js";
import type { Faults } from "../core/faults.js";

/** What an audit logger must do: pino's `logger.info(object, message)`. */
export interface AuditLogger {
  info(event: object, message?: string): void;
}

export interface AuditOptions {
  /** Defaults to pino writing JSON lines to stdout asynchronously. */
  logger?: AuditLogger;
  /** `service` field of every line (the default logger only). */
  service?: string;
}

interface PinoModule {
  pino: {
    (options: object, destination: unknown): AuditLogger;
    destination(options: { dest: number; sync: boolean }): unknown;
    stdTimeFunctions: { isoTime: () => string };
  };
}

function loadPino(): PinoModule {
  try {
    return createRequire(import.meta.url)("pino") as PinoModule;
  } catch (error) {
    throw new Error(
      `audit: true writes with pino, which is not installed (${(error as Error).message.split("\n")[0]}). ` +
        "Install it (npm install pino) or pass your own logger: audit: { logger }",
    );
  }
}

/** pino to stdout, ISO timestamps, asynchronous writes. */
export function defaultAuditLogger(service: string | undefined): AuditLogger {
  const { pino } = loadPino();
  return pino({ base: service ? { service } : {}, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ dest: 1, sync: false }));
}

export class AuditLog {
  constructor(
    private readonly logger: AuditLogger,
    private readonly faults: Faults,
  ) {}

  emit(event: AuditEvent): void {
    try {
      this.logger.info(event, event.event);
    } catch (error) {
      this.faults.report("logger_failed", "audit", `the audit logger failed; events are being dropped: ${describeError(error)}`);
    }
  }
}
