// Hints about the check as a whole: domains the service shows nothing of (so `--domain` may be
// what the user wants), and a namespace other than the one checked.
import { catalogEntries } from "@agent-observability/instrumentation/catalog";
import type { Exposition } from "../exposition/types.js";
import { queriedName } from "../exposition/series.js";
import { ALWAYS_CHECKED } from "./expectations.js";
import type { FamilyResult } from "./result.js";

function domainNote(results: readonly FamilyResult[], domainsChosen: boolean): string | undefined {
  if (domainsChosen) return undefined;
  const domains = [...new Set(results.map((r) => r.domain))].filter((d) => d !== ALWAYS_CHECKED);
  const absent = domains.filter((d) => results.filter((r) => r.domain === d).every((r) => !r.found && !r.closest));
  const present = domains.filter((d) => !absent.includes(d));
  if (absent.length === 0 || present.length === 0) return undefined;
  const [noun, them] = absent.length === 1 ? ["domain", "it"] : ["domains", "them"];
  return `nothing of the ${noun} ${absent.join(", ")} is exposed: if the service does not do ${them}, check only what it does with --domain ${present.join(",")}`;
}

/** The prefix under which the exposition has families named like catalog ones, when it is not `namespace`. */
function namespaceNote(exposition: Exposition, results: readonly FamilyResult[], namespace: string): string | undefined {
  if (results.some((r) => r.found)) return undefined;
  const counts = new Map<string, number>();
  const names = exposition.families.map((f) => queriedName(f, exposition.format));
  for (const { def } of catalogEntries()) {
    for (const name of names) {
      if (!name.endsWith(`_${def.name}`)) continue;
      const prefix = name.slice(0, -def.name.length - 1);
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!best) return undefined;
  const are = best[1] === 1 ? "1 is" : `${best[1]} are`;
  return `no catalog family is exposed under the namespace ${namespace}, but ${are} under ${best[0]}: check with --namespace ${best[0]}`;
}

export function notes(exposition: Exposition, results: readonly FamilyResult[], namespace: string, domainsChosen: boolean): string[] {
  return [domainNote(results, domainsChosen), namespaceNote(exposition, results, namespace)].filter((n): n is string => n !== undefined);
}
