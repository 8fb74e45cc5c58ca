// LLM and tool calls per agent run, counted through async context and observed when the run ends.
import { describe, expect, it } from "vitest";
import type { Observability } from "@agent-observability/instrumentation";
import { find, valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const gpt = { provider: "openai", model: "gpt-4o", agent: "planner" };

async function* chunks() {
  yield { choices: [{ delta: { content: "hi" } }] };
}

/** A loop step: an LLM call by each of the three ways, a tool call by each of the three. */
async function step(obs: Observability, agent: string): Promise<void> {
  await obs.llm.call({ ...gpt, agent }, async () => ({ usage: { prompt_tokens: 1, completion_tokens: 1 } }));
  obs.llm.record({ ...gpt, agent, promptTokens: 1 });
  for await (const _ of obs.llm.stream({ ...gpt, agent }, () => chunks()));
  await obs.tools.call({ tool: "search", agent }, async () => sleep(1));
  obs.tools.record({ tool: "search", agent, status: "success", seconds: 0.1 });
  obs.tools.start({ tool: "search", agent }).succeed();
}

describe("calls per agent run", () => {
  it("observes each run's LLM and tool calls when it ends, runs side by side kept apart", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    await Promise.all([
      obs.runs.run({ agent: "planner" }, async () => {
        await step(obs, "planner");
        await step(obs, "planner");
      }),
      obs.runs.run({ agent: "coder" }, async () => step(obs, "coder")),
    ]);
    const s = await scrape();
    expect(valueOf(s, "agent_run_llm_calls_sum", { agent: "planner" })).toBe(6);
    expect(valueOf(s, "agent_run_tool_calls_sum", { agent: "planner" })).toBe(6);
    expect(valueOf(s, "agent_run_llm_calls_sum", { agent: "coder" })).toBe(3);
    expect(valueOf(s, "agent_run_llm_calls_count", { agent: "coder" })).toBe(1);
    expect(valueOf(s, "agent_run_llm_calls_bucket", { agent: "coder", le: "2" })).toBe(0);
    expect(valueOf(s, "agent_run_llm_calls_bucket", { agent: "coder", le: "4" })).toBe(1);
  });

  it("observes a run without calls as 0, and counts a call in the innermost of nested runs only", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    obs.runs.run({ agent: "idle" }, () => undefined);
    await obs.runs.run({ agent: "outer" }, async () => {
      obs.tools.record({ tool: "t", agent: "outer", status: "success", seconds: 1 });
      await obs.runs.run({ agent: "inner" }, async () => {
        await sleep(1);
        obs.tools.record({ tool: "t", agent: "inner", status: "success", seconds: 1 });
        obs.tools.record({ tool: "t", agent: "inner", status: "success", seconds: 1 });
      });
    });
    const s = await scrape();
    expect(valueOf(s, "agent_run_tool_calls_count", { agent: "idle" })).toBe(1);
    expect(valueOf(s, "agent_run_tool_calls_sum", { agent: "idle" })).toBe(0);
    expect(valueOf(s, "agent_run_tool_calls_bucket", { agent: "idle", le: "1" })).toBe(1);
    expect(valueOf(s, "agent_run_tool_calls_sum", { agent: "outer" })).toBe(1);
    expect(valueOf(s, "agent_run_tool_calls_sum", { agent: "inner" })).toBe(2);
  });

  it("counts for a started run what runs within it, observes nothing for one never entered, and nothing outside a run", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    const run = obs.runs.start({ agent: "manual" });
    await run.within(async () => step(obs, "manual"));
    obs.tools.record({ tool: "t", agent: "manual", status: "success", seconds: 1 });
    run.end();
    obs.runs.start({ agent: "untracked" }).end();
    const s = await scrape();
    expect(valueOf(s, "agent_run_llm_calls_sum", { agent: "manual" })).toBe(3);
    expect(valueOf(s, "agent_run_tool_calls_sum", { agent: "manual" })).toBe(3);
    expect(find(s, "agent_run_llm_calls_count", { agent: "untracked" })).toHaveLength(0);
    expect(valueOf(s, "agent_runs_total", { agent: "untracked", status: "success" })).toBe(1);
  });
});
