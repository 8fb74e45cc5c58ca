// The demo command: flags become options, a bad flag is refused naming it, and the process
// prints its URLs and exits cleanly on SIGTERM.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDemoArgs } from "../../demo/cli-args.js";
import { scrapeText } from "./scrape.js";
import { sourceCondition, tsxBin, tsxLoaderArgs } from "../support/tsx.js";

const root = join(import.meta.dirname, "..", "..");

describe("parseDemoArgs", () => {
  it("turns flags into startDemo options", () => {
    const command = parseDemoArgs(["--port", "0", "--grpc-port", "50051", "--http-port", "8080", "--speed", "5", "--scenario", "hung-tool-call", "--scenario", "approval-backlog", "--namespace", "l9", "--seed", "7"]);
    expect(command).toEqual({
      help: false,
      options: { port: 0, grpcPort: 50051, httpApiPort: 8080, speed: 5, scenarios: ["hung-tool-call", "approval-backlog"], namespace: "l9", seed: 7 },
      otel: false,
    });
    expect(parseDemoArgs(["--audit", "--otel"])).toEqual({ help: false, options: { audit: true, scenarios: [] }, otel: true });
    expect(parseDemoArgs(["-h"])).toEqual({ help: true });
  });

  it.each([
    [["--bogus"], /--bogus/],
    [["--port", "abc"], /--port: "abc"/],
    [["--port", "70000"], /--port: 70000/],
    [["--grpc-port=-1"], /--grpc-port: -1/],
    [["--speed", "0"], /--speed: 0/],
    [["--speed"], /--speed/],
    [["--scenario", "meltdown"], /--scenario: .*"meltdown".*hung-tool-call/],
    [["--seed", "1.5"], /--seed: 1.5/],
    [["positional"], /positional/],
  ])("refuses %j, naming the flag", (argv, message) => {
    expect(() => parseDemoArgs(argv)).toThrow(message);
  });
});

describe("demo/main.ts", () => {
  it("prints its metrics URL, serves it, and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, [...tsxLoaderArgs, "demo/main.ts", "--port", "0", "--speed", "20", "--scenario", "hung-tool-call"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        // The banner ends with the Ctrl-C hint; it may arrive in several chunks.
        const match = /metrics\s+(http:\/\/\S+\/metrics)[\s\S]*Ctrl-C to stop/.exec(output);
        if (match) resolve(match[1]!);
      });
      void exited.then(() => reject(new Error(`demo exited before printing its URL:\n${output}`)));
    });
    expect(output).toMatch(/on: hung-tool-call/);
    expect(await scrapeText(url)).toContain("agent_tool_call_oldest_inflight_seconds");
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM: stopping");
  });

  it("refuses a bad flag with exit code 2 and a message naming it", async () => {
    const child = spawn(tsxBin, [sourceCondition, "demo/main.ts", "--speed", "fast"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--speed: "fast"/);
  });
});
