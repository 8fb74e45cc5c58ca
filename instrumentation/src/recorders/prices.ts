// Model prices in US dollars per million tokens. The defaults are published list prices at the
// time of writing; applications set their own (negotiated prices, new models) with `set`.

export interface ModelPrice {
  promptPerMillion: number;
  completionPerMillion: number;
}

export const defaultPrices: Readonly<Record<string, ModelPrice>> = {
  "gpt-4o": { promptPerMillion: 2.5, completionPerMillion: 10 },
  "gpt-4o-mini": { promptPerMillion: 0.15, completionPerMillion: 0.6 },
  "gpt-4.1": { promptPerMillion: 2, completionPerMillion: 8 },
  "gpt-4.1-mini": { promptPerMillion: 0.4, completionPerMillion: 1.6 },
  "claude-sonnet-4": { promptPerMillion: 3, completionPerMillion: 15 },
  "claude-opus-4": { promptPerMillion: 15, completionPerMillion: 75 },
  "claude-3-5-haiku": { promptPerMillion: 0.8, completionPerMillion: 4 },
  "gemini-2.5-pro": { promptPerMillion: 1.25, completionPerMillion: 10 },
  "gemini-2.5-flash": { promptPerMillion: 0.3, completionPerMillion: 2.5 },
};

function checkRate(model: string, field: keyof ModelPrice, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Error(`prices.${model}.${field}: ${JSON.stringify(value)} must be a finite number >= 0 (dollars per million tokens)`);
  }
  return value;
}

export class PriceTable {
  private readonly prices = new Map<string, ModelPrice>();

  constructor(initial: Readonly<Record<string, ModelPrice>> = defaultPrices) {
    for (const [model, price] of Object.entries(initial)) this.set(model, price);
  }

  /** Adds or replaces a model's price; refuses a negative or non-numeric rate, naming it. */
  set(model: string, price: ModelPrice): this {
    this.prices.set(model, {
      promptPerMillion: checkRate(model, "promptPerMillion", price?.promptPerMillion),
      completionPerMillion: checkRate(model, "completionPerMillion", price?.completionPerMillion),
    });
    return this;
  }

  get(model: string): ModelPrice | undefined {
    return this.prices.get(model);
  }

  /** Dollars for the given tokens, or undefined when the model has no price. */
  costOf(model: string, promptTokens: number, completionTokens: number): number | undefined {
    const price = this.prices.get(model);
    if (!price) return undefined;
    return (promptTokens * price.promptPerMillion + completionTokens * price.completionPerMillion) / 1_000_000;
  }
}
