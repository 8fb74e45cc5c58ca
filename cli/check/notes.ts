// Hints about the check as a whole: domains the service shows nothing of (so `--domain` may be
// what the user wants), and the namespace the service seems to use when it is not the one checked.
import type { Exposition } from "../exposition/types.js";
import { candidates } from "./closest.js";
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

/**
 * When nothing is found under `namespace`: the prefix most of the service's own families share
 * (client runtime families left out), which is likely the namespace it uses.
 */
function namespaceNote(exposition: Exposition, results: readonly FamilyResult[], namespace: string): string | undefined {
  if (results.some((r) => r.found)) return undefined;
  const counts = new Map<string, number>();
  const own = candidates(exposition.families, exposition.format, new Set());
  for (const { family } of own) {
    const prefix = family.name.split("_")[0]!;
    if (prefix !== "" && prefix !== namespace) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!best) return undefined;
  return `no catalog family is exposed under the namespace ${namespace}; the service's own families are mostly under ${best[0]} (${best[1]} of ${own.length}): if that is its namespace, check with --namespace ${best[0]}`;
}

export function notes(exposition: Exposition, results: readonly FamilyResult[], namespace: string, domainsChosen: boolean): string[] {
  return [domainNote(results, domainsChosen), namespaceNote(exposition, results, namespace)].filter((n): n is string => n !== undefined);
}
