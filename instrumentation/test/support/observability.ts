import { type ObservabilityOptions, createObservability } from "@agent-observability/instrumentation";
import { type Sample, parseExposition } from "./exposition.js";

/** An instance without process metrics whose warnings are captured instead of printed. */
export function testObservability(options: ObservabilityOptions = {}) {
  const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
  const obs = createObservability({
    defaultMetrics: false,
    logger: { warn: (message, fields) => warnings.push({ message, fields }) },
    ...options,
  });
  const scrape = async (): Promise<Sample[]> => parseExposition(await obs.render());
  return { obs, warnings, scrape };
}
