// Python's prometheus_client (Debian's python3-prometheus-client) as an independent parser of our
// exposition: its Prometheus text parser and its OpenMetrics parser, which also checks histogram
// consistency and rejects a page that breaks the format. Many pages go through one python3 run.
// A missing interpreter or package fails the test with the command that installs it.
import { spawnSync } from "node:child_process";
import type { Format } from "@agent-observability/instrumentation";

/** Debian's interpreter, which has python3-prometheus-client; a pyenv `python3` on PATH may not. */
const PYTHON = "/usr/bin/python3";

const SCRIPT = `
import json, sys
from prometheus_client.parser import text_string_to_metric_families as parse_text
from prometheus_client.openmetrics.parser import text_string_to_metric_families as parse_openmetrics
results = []
for page in json.load(sys.stdin):
    parse = parse_openmetrics if page["format"] == "openmetrics" else parse_text
    try:
        samples = sum(len(family.samples) for family in parse(page["text"]))
        results.append({"samples": samples})
    except Exception as error:
        results.append({"error": type(error).__name__ + ": " + str(error)[:300]})
json.dump(results, sys.stdout)
`;

export interface Page {
  format: Format;
  text: string;
}

export type ParseResult = { samples: number } | { error: string };

export function parseWithPython(pages: readonly Page[]): ParseResult[] {
  const result = spawnSync(PYTHON, ["-c", SCRIPT], { input: JSON.stringify(pages), encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    throw new Error(`${PYTHON} is not installed: apt-get install -y python3 python3-prometheus-client`);
  }
  if (result.status !== 0) {
    throw new Error(`${PYTHON} with prometheus_client failed (apt-get install -y python3-prometheus-client?):\n${result.stderr}`);
  }
  return JSON.parse(result.stdout) as ParseResult[];
}
