// Command lines to options, with node:util's parseArgs. A bad flag or value is a UsageError
// naming it.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

export interface CheckArgs {
  readonly help: boolean;
  readonly url: string;
  readonly namespace?: string;
  readonly domains?: readonly string[];
  readonly config?: string;
  readonly json: boolean;
  readonly timeoutMs: number;
}

export interface CatalogArgs {
  readonly help: boolean;
  readonly json: boolean;
  readonly namespace?: string;
  readonly config?: string;
}

const DEFAULT_TIMEOUT_SECONDS = 10;

/** Flags both commands take. */
const sharedOptions = {
  namespace: { type: "string" },
  config: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Runs node:util's parseArgs, turning its errors into a UsageError naming the command. */
function guarded<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}

/** `http://` when there is no scheme, and `/metrics` when there is no path, as Prometheus defaults. */
export function metricsUrl(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UsageError(`<url>: ${JSON.stringify(raw)} is not a URL (e.g. http://127.0.0.1:9464/metrics)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`<url>: ${JSON.stringify(raw)} must be an http or https URL`);
  const path = withScheme.replace(/^[^:]+:\/\/[^/?#]*/, "");
  if (path === "" || path.startsWith("?") || path.startsWith("#")) url.pathname = "/metrics";
  return url.href;
}

function timeoutMs(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new UsageError(`--timeout: ${JSON.stringify(raw)} must be a number of seconds above 0 and at most 600`);
  }
  return seconds * 1000;
}

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const { values, positionals } = guarded("check", () =>
    parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { ...sharedOptions, domain: { type: "string", multiple: true }, timeout: { type: "string" } },
    }),
  );
  if (values.help) return { help: true, url: "", json: false, timeoutMs: 0 };
  if (positionals.length === 0) throw new UsageError("check: <url> is missing (e.g. agent-observability check http://127.0.0.1:9464/metrics)");
  if (positionals.length > 1) throw new UsageError(`check: one <url> expected, got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(" ")}`);
  return {
    help: false,
    url: metricsUrl(positionals[0]!),
    ...(values.namespace !== undefined ? { namespace: values.namespace } : {}),
    ...(values.domain !== undefined ? { domains: values.domain } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    json: values.json,
    timeoutMs: timeoutMs(values.timeout),
  };
}

export function parseCatalogArgs(argv: readonly string[]): CatalogArgs {
  const { values, positionals } = guarded("catalog", () =>
    parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: sharedOptions,
    }),
  );
  if (positionals.length > 0) throw new UsageError(`catalog: takes no arguments, got ${positionals.map((p) => JSON.stringify(p)).join(" ")}`);
  return {
    help: values.help,
    json: values.json,
    ...(values.namespace !== undefined ? { namespace: values.namespace } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}
