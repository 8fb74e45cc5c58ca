// `npm run bench`: each figure beside its baseline measured in the same run, as a ratio.
// `npm run bench -- --json` prints the same figures as one JSON object.
import { benchScrape10k } from "./scrape.js";
import { benchToolCall } from "./tool-call.js";

const toolCall = await benchToolCall();
const scrape10k = await benchScrape10k();

const round = (n: number, digits: number) => Number(n.toFixed(digits));
const result = {
  toolCall: { ns: round(toolCall.value, 1), baselineNs: round(toolCall.baseline, 1), ratio: round(toolCall.ratio, 3) },
  scrape10k: { ms: round(scrape10k.value, 2), baselineMs: round(scrape10k.baseline, 2), ratio: round(scrape10k.ratio, 3) },
};

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(result));
} else {
  console.log("benchmark                          ours        raw prom-client   ratio");
  console.log(`recorded tool call (ns/call)  ${String(result.toolCall.ns).padStart(10)}  ${String(result.toolCall.baselineNs).padStart(16)}   ${result.toolCall.ratio}`);
  console.log(`/metrics, 10k series (ms)     ${String(result.scrape10k.ms).padStart(10)}  ${String(result.scrape10k.baselineMs).padStart(16)}   ${result.scrape10k.ratio}`);
  console.log("ratio = ours / raw prom-client, both measured in this run (lower is better; target <= 1.0)");
}
