// Age of the oldest operation still running, per series. Calls join a linked list in start
// order and leave it from anywhere in O(1), so the head is always the oldest; the age is read
// at scrape time, so a hung call shows before it ends.
import { type Format, wrap, formatNumber } from "./exposition.js";
import { type JsonSample, OwnMetric, SeriesBase } from "./metric.js";

/** A running operation; recorders extend it so the handle they return is the list node. */
export class InflightNode {
  prev: InflightNode | null = null;
  next: InflightNode | null = null;
  list: InflightSeries | null = null;
  /** performance.now() at start. */
  readonly startedAt: number = performance.now();
}

export class InflightSeries extends SeriesBase {
  head: InflightNode | null = null;
  tail: InflightNode | null = null;
  running = 0;

  add(node: InflightNode): void {
    node.list = this;
    node.prev = this.tail;
    if (this.tail) this.tail.next = node;
    else this.head = node;
    this.tail = node;
    this.running++;
  }

  /** Removes the node; false when it had already left (a timer ended twice). */
  remove(node: InflightNode): boolean {
    if (node.list !== this) return false;
    if (node.prev) node.prev.next = node.next;
    else this.head = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.tail = node.prev;
    node.prev = node.next = node.list = null;
    this.running--;
    return true;
  }

  /** Seconds the oldest running operation has been running, 0 when none is. */
  oldestAgeSeconds(now: number): number {
    return this.head ? Math.max(0, (now - this.head.startedAt) / 1000) : 0;
  }
}

export class InflightAgeGauge<L extends string = string> extends OwnMetric<L, InflightSeries> {
  readonly type = "gauge" as const;

  protected createSeries(key: number): InflightSeries {
    return new InflightSeries(this, key);
  }

  protected renderSeries(series: InflightSeries, pairs: string, _format: Format, out: string[]): void {
    out.push(this.name, wrap(pairs), " ", formatNumber(series.oldestAgeSeconds(performance.now())), "\n");
  }

  protected samples(series: InflightSeries, into: JsonSample[]): void {
    into.push({ value: series.oldestAgeSeconds(performance.now()), labels: this.labelObject(series) });
  }
}
