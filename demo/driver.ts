// Emits every traffic stream at its rate. One real-time tick drives them all: each tick adds
// rate x simulated seconds elapsed to a stream's due count and emits the whole events due, so a
// rate of 0.05/s and one of 200/s both come out right at any speed.
import type { Clock } from "./clock.js";

/** A source of events at a rate that may change at run time (a scenario switching on). */
export interface Stream {
  /** Events per simulated second, read at every tick. */
  perSecond(): number;
  emit(): void;
}

const TICK_MS = 20;
/** Bound on events per stream and tick, so a stalled event loop does not come back to a burst. */
const MAX_PER_TICK = 500;

export class Driver {
  private readonly due: number[];
  private readonly lastRate: number[];
  private last = 0;

  constructor(
    private readonly clock: Clock,
    private readonly streams: readonly Stream[],
  ) {
    this.due = streams.map(() => 0);
    this.lastRate = streams.map(() => 0);
  }

  start(): void {
    this.last = performance.now();
    this.tick();
    this.clock.every(TICK_MS, () => this.tick());
  }

  private tick(): void {
    const now = performance.now();
    const simSeconds = ((now - this.last) / 1000) * this.clock.speed;
    this.last = now;
    for (let i = 0; i < this.streams.length; i++) {
      const stream = this.streams[i]!;
      const rate = stream.perSecond();
      // A stream that starts (at launch, or when its scenario is switched on) emits at once.
      let due = this.lastRate[i] === 0 && rate > 0 ? Math.max(this.due[i]!, 1) : this.due[i]! + rate * simSeconds;
      this.lastRate[i] = rate;
      if (rate === 0) due = 0;
      const count = Math.min(Math.floor(due), MAX_PER_TICK);
      this.due[i] = count === MAX_PER_TICK ? 0 : due - count;
      for (let n = 0; n < count; n++) stream.emit();
    }
  }
}
