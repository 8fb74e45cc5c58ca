// Exit codes: 2 for a bad command line or config and for an endpoint that cannot be checked, with a
// message naming the flag and value, or saying whether the endpoint was unreachable, answered an
// error, or answered something unparseable.
import { type Server, createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricsUrl } from "../../cli/args.js";
import { run } from "../../cli/run.js";
import { freePort } from "../support/ports.js";
import { writeTree } from "../support/tree.js";
import { runCli } from "./processes.js";

async function runInProcess(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const tree = writeTree({
  "bad-threshold.json": JSON.stringify({ rules: { thresholds: { toolTimeout: { seconds: 45 } } } }),
  "not-json.json": "{ rules:",
  "array.json": "[]",
});

/** Answers each path with a fixed status, content type and body; /hang never answers. */
const answers: Record<string, [number, string, string | Buffer, Record<string, string>?]> = {
  "/gzip": [200, "text/plain; version=0.0.4", gzipSync("# TYPE agent_up gauge\nagent_up 1\n"), { "content-encoding": "gzip" }],
  "/bad-gzip": [200, "text/plain; version=0.0.4", "not gzip", { "content-encoding": "gzip" }],
  "/moved": [302, "text/plain", "", { location: "/gzip" }],
  "/missing": [404, "text/plain", "not found"],
  "/html": [200, "text/html; charset=utf-8", "<html></html>"],
  "/no-eof": [200, "application/openmetrics-text; version=1.0.0; charset=utf-8", "# TYPE a counter\na_total 1\n"],
  "/garbage": [200, "text/plain; version=0.0.4", "ok 1\nthis is not a sample\n"],
};
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/hang") return;
    const [status, type, body, headers] = answers[req.url ?? ""] ?? [500, "text/plain", "?"];
    res.writeHead(status, { "content-type": type, ...headers }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  tree.remove();
});

describe("the bin", () => {
  it("prints help with the exit codes, and exits 0", async () => {
    const help = await runCli(["check", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--domain <list>[\s\S]*Exit codes:\n {2}0 {2}the dashboards and alerts will work/);
  });

  it("exits 2 on a bad flag, naming it", async () => {
    const bad = await runCli(["check", "http://127.0.0.1:9/metrics", "--domain", "tools,billing"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^agent-observability: --domain: "billing" is not a catalog domain \(domains: tools, llm, .*\)\n\(agent-observability check --help lists the options\)$/m);
  });

  it("exits 2 when nothing listens, saying so", async () => {
    const url = `http://127.0.0.1:${await freePort()}/metrics`;
    const down = await runCli(["check", url]);
    expect(down.code).toBe(2);
    expect(down.stderr).toBe(`agent-observability: cannot reach ${url}: ECONNREFUSED\n`);
  });
});

describe("usage errors", () => {
  it.each([
    [[], /^Usage: agent-observability <command>/],
    [["deploy"], /unknown command "deploy" \(commands: check, catalog\)/],
    [["check"], /check: <url> is missing/],
    [["check", "a", "b"], /check: one <url> expected, got 2/],
    [["check", "ftp://host/metrics"], /<url>: "ftp:\/\/host\/metrics" must be an http or https URL/],
    [["check", "http://[::1"], /<url>: "http:\/\/\[::1" is not a URL/],
    [["check", "x", "--bogus"], /check: Unknown option '--bogus'/],
    [["check", "x", "--timeout", "0"], /--timeout: "0" must be a number of seconds above 0/],
    [["check", "x", "--namespace", "9lives"], /--namespace: "9lives" is not a valid metric name prefix/],
    [["check", "x", "--config", tree.path("absent.json")], /--config: ".*absent.json" is not a readable JSON file/],
    [["check", "x", "--config", tree.path("not-json.json")], /--config: ".*not-json.json" is not a readable JSON file/],
    [["check", "x", "--config", tree.path("array.json")], /--config: ".*array.json" must hold a JSON object/],
    [["check", "x", "--config", tree.path("bad-threshold.json")], /--config .*bad-threshold.json: rules.thresholds.toolTimeout.seconds: 45 must be a bucket boundary/],
    [["catalog", "extra"], /catalog: takes no arguments, got "extra"/],
  ])("%j exits 2", async (argv, message) => {
    const { code, err } = await runInProcess(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe("endpoints that cannot be checked", () => {
  it.each([
    ["/missing", /answered HTTP 404 Not Found$/],
    ["/html", /answered Content-Type "text\/html; charset=utf-8", not Prometheus text or OpenMetrics: is this the metrics endpoint\?$/],
    ["/no-eof", /answered unparseable OpenMetrics: the OpenMetrics body does not end with # EOF/],
    ["/garbage", /answered unparseable Prometheus text: line 2: expected a number, got "is" at column 6: this is not a sample$/],
    ["/bad-gzip", /\/bad-gzip answered a gzip body that does not decompress/],
    ["/hang", /cannot reach http:\/\/127\.0\.0\.1:\d+\/hang: no answer within 0\.5s$/],
  ])("%s exits 2, saying what it answered", async (path, message) => {
    const { code, err } = await runInProcess(["check", `${base}${path}`, "--timeout", "0.5"]);
    expect(code).toBe(2);
    expect(err.trimEnd()).toMatch(message);
  });
});

it("follows a redirect and reads a gzipped body, as Prometheus does", async () => {
  const { code, out } = await runInProcess(["check", `${base}/moved`, "--domain", "tools"]);
  expect(code).toBe(1);
  expect(out).toMatch(new RegExp(`^checked ${base}/moved: Prometheus text 0\\.0\\.4, 1 family exposed$`, "m"));
});

describe("metricsUrl", () => {
  it("adds http:// and /metrics as Prometheus defaults them, and keeps an explicit path", () => {
    expect(metricsUrl("127.0.0.1:9464")).toBe("http://127.0.0.1:9464/metrics");
    expect(metricsUrl("http://svc:8000")).toBe("http://svc:8000/metrics");
    expect(metricsUrl("https://svc/")).toBe("https://svc/");
    expect(metricsUrl("http://svc:8000/prom?x=1")).toBe("http://svc:8000/prom?x=1");
  });
});
