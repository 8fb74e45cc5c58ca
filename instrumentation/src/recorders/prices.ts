// The application's own model prices (negotiated rates, fine-tunes, self-hosted models), in US
// dollars per million tokens. They take precedence over the bundled price data and match the
// model label exactly.

export interface ModelPrice {
  /** Input tokens neither read from nor written to the cache. */
  promptPerMillion: number;
  /** Output tokens other than reasoning. */
  completionPerMillion: number;
  /** Input tokens read from the cache; default `promptPerMillion` (no discount known, so no savings). */
  cacheReadPerMillion?: number;
  /** Input tokens written to the cache; default `promptPerMillion`. */
  cacheWritePerMillion?: number;
  /** Reasoning output tokens; default `completionPerMillion`. */
  reasoningPerMillion?: number;
}

/** A price with every rate filled in. */
export type Rates = Readonly<Required<ModelPrice>>;

function checkRate(model: string, field: keyof ModelPrice, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Error(`prices.${model}.${field}: ${JSON.stringify(value)} must be a finite number >= 0 (dollars per million tokens)`);
  }
  return value;
}

function optionalRate(model: string, field: keyof ModelPrice, value: unknown, fallback: number): number {
  return value === undefined ? fallback : checkRate(model, field, value);
}

export class PriceTable {
  private readonly prices = new Map<string, Rates>();

  constructor(initial: Readonly<Record<string, ModelPrice>> = {}) {
    for (const [model, price] of Object.entries(initial)) this.set(model, price);
  }

  /** Adds or replaces a model's price; refuses a negative or non-numeric rate, naming it. */
  set(model: string, price: ModelPrice): this {
    const prompt = checkRate(model, "promptPerMillion", price?.promptPerMillion);
    const completion = checkRate(model, "completionPerMillion", price?.completionPerMillion);
    this.prices.set(model, {
      promptPerMillion: prompt,
      completionPerMillion: completion,
      cacheReadPerMillion: optionalRate(model, "cacheReadPerMillion", price?.cacheReadPerMillion, prompt),
      cacheWritePerMillion: optionalRate(model, "cacheWritePerMillion", price?.cacheWritePerMillion, prompt),
      reasoningPerMillion: optionalRate(model, "reasoningPerMillion", price?.reasoningPerMillion, completion),
    });
    return this;
  }

  /** The model's rates, defaults filled in; undefined when the application set none. */
  get(model: string): Rates | undefined {
    return this.prices.get(model);
  }
}
