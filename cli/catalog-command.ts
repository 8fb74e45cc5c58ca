// `agent-observability catalog [--json]`: the catalog under a namespace, for people or generators.
import type { CatalogArgs } from "./args.js";
import { catalogJson, renderCatalog } from "./catalog-json.js";
import { rulesConfig } from "./config-file.js";

export function catalogCommand(args: CatalogArgs, out: (text: string) => void): number {
  const json = catalogJson(rulesConfig(args.config, args.namespace).namespace);
  out(args.json ? `${JSON.stringify(json, null, 2)}\n` : renderCatalog(json));
  return 0;
}
