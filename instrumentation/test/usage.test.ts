// usageOf maps each API's usage shape onto the token partition. The bodies are the providers'
// documented examples where the documentation has one (cited); the others follow the documented
// field definitions (cited) and say so. Each mapping is also held to genai-prices' own extractor
// for that API, which is how the price data reads the same bodies.
import { type Provider, extractUsage, findProvider } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { type TokenUsage, usageOf } from "@agent-observability/instrumentation";

/** The partition as genai-prices counts usage: input and output totals, and their parts. */
function asPriceUsage(u: TokenUsage): Record<string, number> {
  const n = (v: number | undefined) => v ?? 0;
  return {
    input_tokens: n(u.promptTokens) + n(u.cacheReadTokens) + n(u.cacheWriteTokens),
    cache_read_tokens: n(u.cacheReadTokens),
    cache_write_tokens: n(u.cacheWriteTokens),
    output_tokens: n(u.completionTokens) + n(u.reasoningTokens),
    output_reasoning_tokens: n(u.reasoningTokens),
  };
}

/** genai-prices' reading of the same body, on the keys the partition covers. */
function extracted(providerId: string, body: unknown, flavor: string): Record<string, number> {
  const { usage } = extractUsage(findProvider({ providerId }) as Provider, body, flavor);
  const keys = ["input_tokens", "cache_read_tokens", "cache_write_tokens", "output_tokens", "output_reasoning_tokens"];
  return Object.fromEntries(keys.map((k) => [k, usage[k] ?? 0]));
}

describe("usageOf: the token partition from each API's usage", () => {
  it("OpenAI Chat Completions: prompt_tokens includes cache reads, completion_tokens includes reasoning", () => {
    // https://developers.openai.com/api/docs/guides/prompt-caching (the guide's example usage)
    const cached = {
      model: "gpt-4o",
      usage: {
        prompt_tokens: 2006, completion_tokens: 300, total_tokens: 2306,
        prompt_tokens_details: { cached_tokens: 1920 },
        completion_tokens_details: { reasoning_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
    };
    expect(usageOf(cached)).toEqual({ promptTokens: 86, cacheReadTokens: 1920, cacheWriteTokens: undefined, completionTokens: 300, reasoningTokens: 0 });
    expect(asPriceUsage(usageOf(cached)!)).toEqual(extracted("openai", cached, "chat"));

    // A GPT-5 response's usage as quoted at https://discuss.ai.google.dev/t/question-with-usage-in-openai-compatibility/98760
    const reasoning = {
      model: "gpt-5",
      usage: {
        prompt_tokens: 1486, completion_tokens: 651, total_tokens: 2137,
        prompt_tokens_details: { cached_tokens: 1408, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 512, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
    };
    expect(usageOf(reasoning)).toEqual({ promptTokens: 78, cacheReadTokens: 1408, cacheWriteTokens: undefined, completionTokens: 139, reasoningTokens: 512 });
    expect(asPriceUsage(usageOf(reasoning)!)).toEqual(extracted("openai", reasoning, "chat"));
  });

  it("OpenAI Responses: input_tokens includes cache reads, output_tokens includes reasoning", () => {
    // https://developers.openai.com/api/docs/guides/reasoning (the guide's example usage)
    const body = {
      model: "o4-mini",
      usage: { input_tokens: 75, input_tokens_details: { cached_tokens: 0 }, output_tokens: 1186, output_tokens_details: { reasoning_tokens: 1024 }, total_tokens: 1261 },
    };
    expect(usageOf(body)).toEqual({ promptTokens: 75, cacheReadTokens: 0, cacheWriteTokens: undefined, completionTokens: 162, reasoningTokens: 1024 });
    expect(asPriceUsage(usageOf(body)!)).toEqual(extracted("openai", body, "responses"));
  });

  it("Anthropic Messages: input_tokens excludes the cache reads and writes reported beside it", () => {
    // https://docs.anthropic.com/en/api/messages (the reference's example response)
    const plain = { model: "claude-sonnet-4-20250514", usage: { input_tokens: 2095, output_tokens: 503 } };
    expect(usageOf(plain)).toEqual({ promptTokens: 2095, cacheReadTokens: undefined, cacheWriteTokens: undefined, completionTokens: 503, reasoningTokens: undefined });
    expect(asPriceUsage(usageOf(plain)!)).toEqual(extracted("anthropic", plain, "default"));

    // A Claude Sonnet 4.6 usage block quoted at https://tokenmiser.uk/blog/prompt-caching-basics/; the fields as
    // https://platform.claude.com/docs/en/build-with-claude/prompt-caching defines them (input_tokens: after the last cache breakpoint)
    const cached = { model: "claude-sonnet-4-6", usage: { input_tokens: 1, output_tokens: 67, cache_creation_input_tokens: 287, cache_read_input_tokens: 30433 } };
    expect(usageOf(cached)).toEqual({ promptTokens: 1, cacheReadTokens: 30433, cacheWriteTokens: 287, completionTokens: 67, reasoningTokens: undefined });
    expect(asPriceUsage(usageOf(cached)!)).toEqual(extracted("anthropic", cached, "default"));
  });

  it("Google Gemini usageMetadata: promptTokenCount includes cached content; thoughts and tool-use prompts are apart", () => {
    // Constructed to the documented definitions, https://googleapis.github.io/js-genai/release_docs/classes/types.GenerateContentResponseUsageMetadata.html
    // (promptTokenCount includes the cached content; totalTokenCount = prompt + candidates + toolUsePrompt + thoughts)
    const body = {
      modelVersion: "gemini-2.5-pro",
      usageMetadata: { promptTokenCount: 1200, cachedContentTokenCount: 1024, candidatesTokenCount: 300, thoughtsTokenCount: 500, toolUsePromptTokenCount: 40, totalTokenCount: 2040 },
    };
    expect(usageOf(body)).toEqual({ promptTokens: 216, cacheReadTokens: 1024, cacheWriteTokens: undefined, completionTokens: 300, reasoningTokens: 500 });
    expect(asPriceUsage(usageOf(body)!)).toEqual(extracted("google", body, "default"));
  });

  it("Amazon Bedrock Converse: inputTokens excludes the cache reads and writes reported beside it", () => {
    // Fields: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_TokenUsage.html; the values follow that
    // definition (inputTokens is the uncached part, as genai-prices' and the AI SDK's Bedrock mappings read it)
    const body = { output: {}, stopReason: "end_turn", usage: { inputTokens: 12, outputTokens: 350, totalTokens: 1562, cacheReadInputTokens: 800, cacheWriteInputTokens: 400 } };
    expect(usageOf(body)).toEqual({ promptTokens: 12, cacheReadTokens: 800, cacheWriteTokens: 400, completionTokens: 350, reasoningTokens: undefined });
    expect(asPriceUsage(usageOf(body)!)).toEqual(extracted("aws", { model: "x", ...body }, "default"));
    // A Nova Lite Converse response as logged by Bedrock, https://github.com/dheerajoruganty/aws-bedrock-logs-mcp-server (setup.md)
    expect(usageOf({ usage: { inputTokens: 4, outputTokens: 38, totalTokens: 42 } })).toMatchObject({ promptTokens: 4, completionTokens: 38 });
  });

  describe("the Vercel AI SDK (LanguageModelUsage, https://ai-sdk.dev/docs/reference/ai-sdk-core/generate-text)", () => {
    it("6 and later: inputTokenDetails and outputTokenDetails; totalUsage (all steps) before usage (the last step)", () => {
      const step = { inputTokens: 10, inputTokenDetails: { noCacheTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0 }, outputTokens: 5, outputTokenDetails: { textTokens: 5, reasoningTokens: 0 }, totalTokens: 15 };
      const result = {
        text: "done",
        usage: step,
        totalUsage: { inputTokens: 3000, inputTokenDetails: { noCacheTokens: 200, cacheReadTokens: 2500, cacheWriteTokens: 300 }, outputTokens: 900, outputTokenDetails: { textTokens: 400, reasoningTokens: 500 }, totalTokens: 3900 },
      };
      expect(usageOf(result)).toEqual({ promptTokens: 200, cacheReadTokens: 2500, cacheWriteTokens: 300, completionTokens: 400, reasoningTokens: 500 });
      expect(usageOf({ usage: step })).toEqual({ promptTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0, completionTokens: 5, reasoningTokens: 0 });
    });

    it("5: cachedInputTokens and reasoningTokens, read as each provider package fills them in", () => {
      // @ai-sdk/openai 2.x: inputTokens includes cachedInputTokens, outputTokens includes reasoningTokens
      expect(usageOf({ totalUsage: { inputTokens: 2006, outputTokens: 300, totalTokens: 2306, cachedInputTokens: 1920, reasoningTokens: 100 } })).toEqual({
        promptTokens: 86, cacheReadTokens: 1920, cacheWriteTokens: undefined, completionTokens: 200, reasoningTokens: 100,
      });
      // @ai-sdk/anthropic 2.x: inputTokens is Anthropic's input_tokens (without the cache); cache writes only in providerMetadata
      const anthropic = {
        usage: { inputTokens: 5, outputTokens: 60, totalTokens: 65, cachedInputTokens: 3000 },
        providerMetadata: { anthropic: { cacheCreationInputTokens: 120 } },
      };
      expect(usageOf(anthropic)).toEqual({ promptTokens: 5, cacheReadTokens: 3000, cacheWriteTokens: 120, completionTokens: 60, reasoningTokens: undefined });
      // @ai-sdk/google 2.x: outputTokens is candidatesTokenCount (without the thoughts)
      const google = { usage: { inputTokens: 1200, outputTokens: 300, totalTokens: 2000, cachedInputTokens: 1024, reasoningTokens: 500 }, providerMetadata: { google: {} } };
      expect(usageOf(google)).toEqual({ promptTokens: 176, cacheReadTokens: 1024, cacheWriteTokens: undefined, completionTokens: 300, reasoningTokens: 500 });
    });

    it("4: promptTokens and completionTokens", () => {
      expect(usageOf({ usage: { promptTokens: 7, completionTokens: 3, totalTokens: 10 } })).toMatchObject({ promptTokens: 7, completionTokens: 3 });
    });
  });

  it("is undefined, not zeros, when nothing is recognised", () => {
    for (const result of ["text", 42, null, undefined, {}, { usage: null }, { usage: {} }, { usage: { tokens: 3 } }, { usageMetadata: {} }]) {
      expect(usageOf(result), JSON.stringify(result)).toBeUndefined();
    }
  });
});
