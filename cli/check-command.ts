// `agent-observability check <url>`: scrape, compare with the catalog, print the report; the exit
// code says whether the dashboards and alerts will work on the service.
import type { CheckArgs } from "./args.js";
import { checkFamilies } from "./check/check.js";
import { ALWAYS_CHECKED, expectations } from "./check/expectations.js";
import { notes } from "./check/notes.js";
import { type CheckReport, renderReport, summarize } from "./check/report.js";
import { rulesConfig } from "./config-file.js";
import { parseDomains } from "./domains.js";
import { scrape } from "./exposition/scrape.js";

export async function checkCommand(args: CheckArgs, out: (text: string) => void): Promise<number> {
  const config = rulesConfig(args.config, args.namespace);
  const domains = parseDomains(args.domains);
  const wanted = expectations(config, domains);
  const { exposition, contentType } = await scrape(args.url, args.timeoutMs);
  const results = checkFamilies(exposition, wanted, config.namespace);
  const summary = summarize(results);
  const report: CheckReport = {
    url: args.url,
    contentType,
    format: exposition.format,
    namespace: config.namespace,
    domains: [...domains, ALWAYS_CHECKED],
    familiesExposed: exposition.families.length,
    ok: summary.error === 0,
    summary,
    results,
    notes: notes(exposition, results, config.namespace, args.domains !== undefined),
  };
  out(args.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
  return report.ok ? 0 : 1;
}
