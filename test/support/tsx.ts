// Runs the repository's TypeScript entry points as `npm start` and `npm run synth` do: tsx, with
// the workspace packages resolved to their sources.
import { join } from "node:path";

export const root = join(import.meta.dirname, "..", "..");
export const tsxBin = join(root, "node_modules", ".bin", "tsx");
export const sourceCondition = "--conditions=@agent-observability/source";
/**
 * Node's own arguments to run a TypeScript entry point in one process, tsx as a loader: a signal
 * sent to it reaches the program itself, where the tsx command would relay it to a child process
 * and kill that child when it does not answer within 30 ms (exit 143 on a loaded machine).
 */
export const tsxLoaderArgs = ["--import", "tsx", sourceCondition] as const;
