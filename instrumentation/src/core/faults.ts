// The instrumentation never throws into the application. What goes wrong inside it is counted
// (instrumentation_errors_total{reason}) and logged once per reason and place.
import type { faultReasons } from "../catalog/labels.js";

export type FaultReason = (typeof faultReasons)[number];

export interface Logger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

export const consoleLogger: Logger = {
  warn: (message, fields) => console.warn(`[observability] ${message}`, fields ?? ""),
};

/** Bound on distinct log keys, so a flood of new places cannot grow memory without end. */
const MAX_LOGGED_KEYS = 1000;

export class Faults {
  private readonly logged = new Set<string>();
  private count: (reason: FaultReason) => void = () => {};

  constructor(private readonly logger: Logger) {}

  /** Connects the error counter once it exists (it is itself a metric that may report faults). */
  countWith(count: (reason: FaultReason) => void): void {
    this.count = count;
  }

  /** `where` names the place (metric, label, model); the message is logged once per reason and place. */
  report(reason: FaultReason, where: string, message: string, fields?: Record<string, unknown>): void {
    try {
      this.count(reason);
    } catch {
      // counting must not fail the caller either
    }
    this.logOnce(`${reason}\u0000${where}`, message, { reason, where, ...fields });
  }

  /** Logs once per place, uncounted: something worth knowing that is no fault of the instrumentation. */
  notice(where: string, message: string, fields?: Record<string, unknown>): void {
    this.logOnce(`notice\u0000${where}`, message, { where, ...fields });
  }

  private logOnce(key: string, message: string, fields: Record<string, unknown>): void {
    if (this.logged.has(key) || this.logged.size >= MAX_LOGGED_KEYS) return;
    this.logged.add(key);
    try {
      this.logger.warn(message, fields);
    } catch {
      try {
        this.count("logger_failed");
      } catch {
        // nothing left to tell
      }
    }
  }
}
