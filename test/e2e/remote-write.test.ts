// remote_write for real: the stack's own prometheus.yml (pulled out of cdk.tf.json by the local
// mode, with a remote-write receiver and basic auth set in `prometheus.remoteWrite`) runs on the
// real Prometheus, scraping the demo workload, and ships to a second real Prometheus started with
// --web.enable-remote-write-receiver. In between, a small proxy lets a write through only with
// the basic-auth password the stack filled from its sensitive variable. The receiver ends up with
// the same series, at the same timestamps, with the same values, as the sender.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type IncomingMessage, type Server, type ServerResponse, createServer, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, ManagedProcess, binary, startLocalStack, testProfile } from "../../local/index.js";
import { waitFor } from "./poll.js";
import { type Series, PrometheusApi, unix } from "./prometheus-api.js";
import { freePort } from "../support/ports.js";

const USER = "stack-writer";
/** Test-only value of the stack's sensitive variable; what TF_VAR_prometheus_receiver_password would hold. */
const PASSWORD = "test-only-remote-write-password";
const VARIABLE = "prometheus_receiver_password";

let dir: string;
let receiver: ManagedProcess;
let receiverApi: PrometheusApi;
let proxy: Server;
const writes = { accepted: 0, refused: 0 };
let stack: LocalStack;
let sender: PrometheusApi;

/** Passes a write to the receiver only with the expected basic-auth header. */
function authProxy(receiverPort: number) {
  const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString("base64")}`;
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers.authorization !== expected) {
      writes.refused += 1;
      res.writeHead(401).end();
      return;
    }
    writes.accepted += 1;
    const upstream = request({ host: "127.0.0.1", port: receiverPort, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "e2e-remote-write-"));
  const receiverPort = await freePort();
  writeFileSync(join(dir, "receiver.yml"), "global: {}\n");
  receiver = await ManagedProcess.start(
    "receiver",
    binary("prometheus"),
    [`--config.file=${join(dir, "receiver.yml")}`, `--storage.tsdb.path=${join(dir, "receiver-data")}`, `--web.listen-address=127.0.0.1:${receiverPort}`, "--web.enable-remote-write-receiver"],
    { cwd: dir, logFile: join(dir, "receiver.log") },
  );
  receiverApi = new PrometheusApi(`http://127.0.0.1:${receiverPort}`);
  await waitFor("the receiver to be ready", () => fetch(`${receiverApi.url}/-/ready`).then((r) => r.status), (s) => s === 200, { timeoutMs: 30_000 });

  proxy = createServer(authProxy(receiverPort));
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const proxyPort = (proxy.address() as { port: number }).port;

  stack = await startLocalStack({
    dir: join(dir, "stack"),
    profile: testProfile(),
    ports: { prometheus: 0, alertmanager: 0, demo: 0, receiver: 0 },
    demoLogger: { warn: () => {} },
    remoteWrite: [
      {
        url: `http://127.0.0.1:${proxyPort}/api/v1/write`,
        name: "receiver",
        basicAuth: { username: USER, passwordFile: "secrets/receiver-password" },
        queue: { batchSendDeadline: "1s", maxSamplesPerSend: 500 },
      },
    ],
    variables: { [VARIABLE]: PASSWORD },
  });
  sender = new PrometheusApi(stack.urls.prometheus);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await receiver?.stop();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Raw samples of `selector` in the `window` before `atMs`, by series. */
async function rawSamples(api: PrometheusApi, selector: string, window: string, atMs: number): Promise<Map<string, [number, string][]>> {
  const res = await fetch(`${api.url}/api/v1/query?${new URLSearchParams({ query: `${selector}[${window}]`, time: unix(atMs) })}`);
  const body = (await res.json()) as { data: { resultType: string; result: Series[] } };
  if (body.data.resultType !== "matrix") throw new Error(`${selector}[${window}]: ${JSON.stringify(body).slice(0, 300)}`);
  return new Map(body.data.result.map((s) => [JSON.stringify(Object.entries(s.metric).sort()), s.values]));
}

describe("remote_write from the stack's Prometheus", () => {
  it("runs the prometheus.yml the stack rendered, with the receiver and the password file from the variable", () => {
    const config = readFileSync(join(stack.paths.stack, "prometheus", "prometheus.yml"), "utf8");
    expect(config).toContain("remote_write:");
    expect(config).toContain("password_file: secrets/receiver-password");
    expect(config).not.toContain(PASSWORD);
    expect(readFileSync(join(stack.paths.stack, "prometheus", "secrets", "receiver-password"), "utf8")).toBe(PASSWORD);
  });

  it("delivers the same samples (series, timestamps, values) to the receiver, authenticated", async () => {
    const job = stack.config.rules.scrapeJob;
    const selector = `{job="${job}"}`;
    // Let ten scrapes (1s apart) happen, then compare a window that ended a few seconds ago.
    await waitFor("ten scrapes of the demo", () => sender.query(`count_over_time(up${selector}[30s])`), (r) => Number(r[0]?.value[1] ?? 0) >= 10, { timeoutMs: 90_000 });
    const atMs = Date.now() - 3_000;
    const sent = await rawSamples(sender, selector, "20s", atMs);
    expect(sent.size).toBeGreaterThan(50);
    const received = await waitFor(
      "every sent sample to arrive",
      () => rawSamples(receiverApi, selector, "20s", atMs),
      (r) => r.size === sent.size && [...sent].every(([series, samples]) => JSON.stringify(r.get(series)) === JSON.stringify(samples)),
      { timeoutMs: 30_000, describe: (r) => `${r.size} of ${sent.size} series; first differing: ${[...sent.keys()].find((k) => JSON.stringify(r.get(k)) !== JSON.stringify(sent.get(k)))}` },
    );
    expect(received).toEqual(sent);
    const samples = [...sent.values()].reduce((n, s) => n + s.length, 0);
    expect(samples).toBeGreaterThan(sent.size * 3);
    expect(writes.accepted).toBeGreaterThan(0);
    expect(writes.refused).toBe(0);
  }, 120_000);

  it("ships the recording rules' results too", async () => {
    const recorded = await sender.query(`count({__name__=~"${stack.config.rules.namespace}:.+"})`);
    expect(Number(recorded[0]?.value[1] ?? 0)).toBeGreaterThan(0);
    await waitFor("recorded series at the receiver", () => receiverApi.query(`count({__name__=~"${stack.config.rules.namespace}:.+"})`), (r) => Number(r[0]?.value[1] ?? 0) >= Number(recorded[0]!.value[1]), { timeoutMs: 30_000 });
  }, 60_000);
});
