// Outcomes in fixed proportions, spread evenly (smooth weighted round-robin, as nginx balances
// upstreams). Deterministic spacing keeps the error rates of the baseline steady, so an alert
// threshold between the baseline and a scenario is never crossed by chance. A warm-up pass
// first gives every outcome once, between occurrences of the most common one, so even a rare
// outcome (a timeout, a 503) has a series within the first few events; `first` puts outcomes a
// dashboard must show from the start ahead of even that.

export class Mix<K extends string> {
  private readonly keys: K[];
  private readonly weights: number[];
  private readonly current: number[];
  private readonly total: number;
  private readonly warmup: K[];

  constructor(weights: Readonly<Record<K, number>>, options: { readonly first?: readonly K[] } = {}) {
    const entries = (Object.entries(weights) as [K, number][]).filter(([, w]) => w > 0);
    if (entries.length === 0) throw new Error(`mix ${JSON.stringify(weights)}: no outcome has a weight above 0`);
    this.keys = entries.map(([k]) => k);
    this.weights = entries.map(([, w]) => w);
    this.current = entries.map(() => 0);
    this.total = this.weights.reduce((sum, w) => sum + w, 0);
    const byWeight = [...entries].sort((a, b) => b[1] - a[1]).map(([k]) => k);
    const [common, ...rare] = byWeight;
    const first = options.first ?? [];
    this.warmup = [...first, ...rare.filter((k) => !first.includes(k)).flatMap((k) => [common!, k])];
  }

  next(): K {
    const warm = this.warmup.shift();
    if (warm !== undefined) return warm;
    let best = 0;
    for (let i = 0; i < this.keys.length; i++) {
      this.current[i]! += this.weights[i]!;
      if (this.current[i]! > this.current[best]!) best = i;
    }
    this.current[best]! -= this.total;
    return this.keys[best]!;
  }
}
