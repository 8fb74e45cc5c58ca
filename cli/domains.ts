// `--domain tools,llm`: the catalog domains a service implements. Spelled as the catalog does
// (`rateLimits`), or with dashes or underscores (`rate-limits`).
import { type Domain, catalog } from "@agent-observability/instrumentation/catalog";
import { ALWAYS_CHECKED } from "./check/expectations.js";
import { UsageError } from "./errors.js";

/** Every domain a user may pick (`self` is always checked). */
export const choosableDomains = (Object.keys(catalog) as Domain[]).filter((d) => d !== ALWAYS_CHECKED);

/**
 * Checked only when named: the OpenTelemetry GenAI standard names are exposed by a service that
 * opts in (`semconv: true`), and no dashboard or alert of the default stack reads them.
 */
export const optInDomains: readonly Domain[] = ["semconv"];

const squash = (s: string) => s.toLowerCase().replace(/[-_]/g, "");

/** The domains named in `values` (each a comma-separated list), or all but the opt-in ones when there are none. */
export function parseDomains(values: readonly string[] | undefined): Domain[] {
  if (!values || values.length === 0) return choosableDomains.filter((d) => !optInDomains.includes(d));
  const chosen: Domain[] = [];
  for (const name of values.flatMap((v) => v.split(",")).map((s) => s.trim())) {
    if (name === ALWAYS_CHECKED) continue;
    const domain = choosableDomains.find((d) => squash(d) === squash(name));
    if (!domain) throw new UsageError(`--domain: ${JSON.stringify(name)} is not a catalog domain (domains: ${choosableDomains.join(", ")})`);
    if (!chosen.includes(domain)) chosen.push(domain);
  }
  return chosen;
}
