// Runs the repository's TypeScript entry points as `npm start` and `npm run synth` do: tsx, with
// the workspace packages resolved to their sources.
import { join } from "node:path";

export const root = join(import.meta.dirname, "..", "..");
export const tsxBin = join(root, "node_modules", ".bin", "tsx");
export const sourceCondition = "--conditions=@agent-observability/source";
