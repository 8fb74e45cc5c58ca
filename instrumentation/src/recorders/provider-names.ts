// Provider names in two vocabularies. The `provider` label takes @pydantic/genai-prices' provider
// ids (openai, anthropic, google, aws, azure ...), which pricing matches on; the OpenTelemetry
// GenAI conventions name the same providers their own way (gcp.gen_ai, aws.bedrock ...), and so
// do OpenInference (mistralai, xai) and the AI SDK (openai.chat, amazon-bedrock).

/** The conventions' well-known gen_ai.provider.name values for the providers genai-prices knows. */
const SEMCONV_NAMES: ReadonlyMap<string, string> = new Map(Object.entries({
  google: "gcp.gen_ai",
  aws: "aws.bedrock",
  azure: "azure.ai.openai",
  mistral: "mistral_ai",
  "x-ai": "x_ai",
  ibm: "ibm.watsonx.ai",
}));

/** Foreign spellings of a provider, each to the provider id the `provider` label takes. */
const PROVIDER_IDS: ReadonlyMap<string, string> = new Map(Object.entries({
  // the OpenTelemetry GenAI conventions
  "gcp.gen_ai": "google",
  "gcp.vertex_ai": "google",
  "gcp.gemini": "google",
  "aws.bedrock": "aws",
  "azure.ai.openai": "azure",
  "azure.ai.inference": "azure",
  mistral_ai: "mistral",
  x_ai: "x-ai",
  "ibm.watsonx.ai": "ibm",
  // OpenInference (llm.provider, llm.system)
  mistralai: "mistral",
  xai: "x-ai",
  vertexai: "google",
  amazon: "aws",
  // the AI SDK's provider ids (before the first dot: "openai.chat", "google.generative-ai")
  "amazon-bedrock": "aws",
  bedrock: "aws",
  "google-vertex": "google",
  vertex: "google",
  "azure-openai": "azure",
}));

/** gen_ai.provider.name for a `provider` label value: the conventions' name where they have one. */
export function semconvProviderName(provider: string): string {
  return (typeof provider === "string" && SEMCONV_NAMES.get(provider)) || provider;
}

/**
 * The `provider` label value for a provider name as a span carries it (the conventions',
 * OpenInference's or the AI SDK's), lower-cased; a name none of them spells differently is kept.
 */
export function providerId(name: string): string {
  const lower = name.toLowerCase();
  const whole = PROVIDER_IDS.get(lower);
  if (whole !== undefined) return whole;
  const dot = lower.indexOf(".");
  if (dot < 0) return lower;
  const head = lower.slice(0, dot);
  return PROVIDER_IDS.get(head) ?? head;
}
