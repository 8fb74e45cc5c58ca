// `--config <stack.json>`: the file STACK_CONFIG takes. Only its `rules` namespace, thresholds and
// rate window matter here; they are resolved and validated as the stack does, so a threshold
// moved to another bucket bound is checked on the service.
import { readFileSync } from "node:fs";
import { validateNamespace } from "@agent-observability/instrumentation/catalog";
import { resolveSharedConfig, type SharedConfig, type SharedConfigInput } from "./contract.js";
import { UsageError } from "./errors.js";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readRules(path: string): SharedConfigInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`--config: ${JSON.stringify(path)} is not a readable JSON file (${(error as Error).message})`);
  }
  if (!isObject(parsed)) throw new UsageError(`--config: ${JSON.stringify(path)} must hold a JSON object (a stack config, as STACK_CONFIG takes)`);
  const rules = parsed.rules ?? {};
  if (!isObject(rules)) throw new UsageError(`--config ${path}: rules: ${JSON.stringify(rules)} must be an object`);
  const { namespace, thresholds, rateWindow } = rules as SharedConfigInput;
  return { namespace, thresholds, rateWindow };
}

/** The rules config from `--config` (or the defaults), with `--namespace` laid over it. */
export function rulesConfig(configPath: string | undefined, namespace: string | undefined): SharedConfig {
  if (namespace !== undefined) {
    try {
      validateNamespace(namespace);
    } catch (error) {
      throw new UsageError(`--${(error as Error).message}`);
    }
  }
  const input = configPath ? readRules(configPath) : {};
  try {
    return resolveSharedConfig({ ...input, ...(namespace !== undefined ? { namespace } : {}) });
  } catch (error) {
    throw new UsageError(configPath ? `--config ${configPath}: rules.${(error as Error).message}` : (error as Error).message);
  }
}
