// Finds a metric's series by the ids of its label values without allocating. Ids are bounded by
// their label's limit, so the tuple usually fits one small integer (mixed radix), looked up in a
// Map; where the limits multiply past that, an open-addressing hash table over the tuples in
// typed arrays takes over. A series costs its ids (4 bytes a label) and a Map entry or a slot or
// two, where a tree of Maps cost a Map per node and a string key cost a string.

const EMPTY = 0;
const MIN_SLOTS = 16;
/** Shared by every index that has nothing yet: a metric never recorded costs no typed arrays. */
const NONE = new Int32Array(0);
/** Composite keys stay small integers (V8's Smis), which a Map hashes without allocating. */
const MAX_COMPOSITE = 2 ** 30;

/** Ids past the arity are 0, so one branch-free mix serves every arity. */
function hash(a: number, b: number, c: number, d: number, e: number): number {
  const h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35) ^ Math.imul(d, 0x27d4eb2f) ^ Math.imul(e, 0x165667b1);
  return h ^ (h >>> 15);
}

export class SeriesIndex {
  /** Series number + 1 per slot, EMPTY where none; the length is a power of two. Unused with a composite key. */
  private slots: Int32Array;
  /** `arity` ids per series, in series order. */
  private ids: Int32Array = NONE;
  private count = 0;
  /** Series number by composite key, when every label's ids are bounded and their product is small. */
  private readonly composite: Map<number, number> | undefined;
  /** Radix of labels 2..5 (1 past the arity): key = (((a·r1 + b)·r2 + c)·r3 + d)·r4 + e. */
  private readonly r1: number;
  private readonly r2: number;
  private readonly r3: number;
  private readonly r4: number;

  /** `radices[i]`: how many ids label i can have (Infinity when unbounded). */
  constructor(
    private readonly arity: number,
    radices: readonly number[] = [],
  ) {
    const radix = (i: number) => (i < arity ? (radices[i] ?? Infinity) : 1);
    const product = radix(0) * radix(1) * radix(2) * radix(3) * radix(4);
    // Small integers only in these fields, so the key arithmetic stays in integers.
    const bounded = product <= MAX_COMPOSITE;
    [this.r1, this.r2, this.r3, this.r4] = bounded ? [radix(1), radix(2), radix(3), radix(4)] : [0, 0, 0, 0];
    this.composite = bounded ? new Map() : undefined;
    this.slots = bounded ? NONE : new Int32Array(MIN_SLOTS);
  }

  get size(): number {
    return this.count;
  }

  /** The number of the series with these ids, or -1. Ids past the arity must be 0. */
  find(a: number, b: number, c: number, d: number, e: number): number {
    const composite = this.composite;
    if (composite !== undefined) return composite.get(this.keyOf(a, b, c, d, e)) ?? -1;
    const slots = this.slots;
    const ids = this.ids;
    const n = this.arity;
    const mask = slots.length - 1;
    let slot = hash(a, b, c, d, e) & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === EMPTY) return -1;
      const at = (entry - 1) * n;
      if (ids[at] === a && (n < 2 || ids[at + 1] === b) && (n < 3 || ids[at + 2] === c) && (n < 4 || ids[at + 3] === d) && (n < 5 || ids[at + 4] === e)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Adds a series with these ids (not already present) and returns its number. */
  add(a: number, b: number, c: number, d: number, e: number): number {
    const series = this.count++;
    if (this.ids.length < this.count * this.arity) {
      const grown = new Int32Array(Math.max(MIN_SLOTS * this.arity, this.ids.length * 2));
      grown.set(this.ids);
      this.ids = grown;
    }
    const at = series * this.arity;
    const tuple = [a, b, c, d, e];
    for (let i = 0; i < this.arity; i++) this.ids[at + i] = tuple[i]!;
    if (this.composite !== undefined) this.composite.set(this.keyOf(a, b, c, d, e), series);
    // Kept at most half full, so probes stay short.
    else if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(series);
    return series;
  }

  /** The composite key of an id tuple, when the labels' bounds allow one. */
  private keyOf(a: number, b: number, c: number, d: number, e: number): number {
    return (((a * this.r1 + b) * this.r2 + c) * this.r3 + d) * this.r4 + e;
  }

  /** The id of label `label` of series `series`. */
  idAt(series: number, label: number): number {
    return this.ids[series * this.arity + label]!;
  }

  clear(): void {
    this.composite?.clear();
    this.slots = this.composite ? NONE : new Int32Array(MIN_SLOTS);
    this.ids = NONE;
    this.count = 0;
  }

  private place(series: number): void {
    const at = series * this.arity;
    const ids = this.ids;
    const mask = this.slots.length - 1;
    const n = this.arity;
    let slot = hash(ids[at]!, n > 1 ? ids[at + 1]! : 0, n > 2 ? ids[at + 2]! : 0, n > 3 ? ids[at + 3]! : 0, n > 4 ? ids[at + 4]! : 0) & mask;
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.slots[slot] = series + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let series = 0; series < this.count; series++) this.place(series);
  }
}
