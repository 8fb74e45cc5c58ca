// Which price data the costs come from, for llm_price_data_info: the version of
// @pydantic/genai-prices installed beside us, and the publication date of the pinned one.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The pinned price data. `published` is the npm publication date of `version`; a bump updates both (a test holds them to the installed package). */
export const PRICE_DATA = { source: "@pydantic/genai-prices", version: "0.1.8", published: "2026-09-23" } as const;

let installed: string | undefined;

/** The labels of llm_price_data_info: the installed version, and its date when it is the pinned one. */
export function priceDataInfo(): { source: string; version: string; published: string } {
  installed ??= installedVersion();
  return { source: PRICE_DATA.source, version: installed, published: installed === PRICE_DATA.version ? PRICE_DATA.published : "unknown" };
}

function installedVersion(): string {
  let version = "unknown";
  try {
    // The package exports no ./package.json; its entry point sits in dist/, one below it.
    const entry = createRequire(import.meta.url).resolve(PRICE_DATA.source);
    const manifest = JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as { version?: unknown };
    if (typeof manifest.version === "string") version = manifest.version;
  } catch {
    // bundled without its package.json: the version stays unknown
  }
  return version;
}
