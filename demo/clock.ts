// Simulated time for the demo. `speed` compresses it: an operation the demo keeps open for
// 10 simulated seconds (a tool call in flight, an approval waiting) lasts 10 / speed real seconds.
// Every timer goes through here, so `stop()` ends them all and a test process can exit.

export class Clock {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(readonly speed: number) {}

  /** Real milliseconds that `simSeconds` of simulated time take. */
  realMs(simSeconds: number): number {
    return (simSeconds * 1000) / this.speed;
  }

  /** Runs `fn` after `simSeconds` of simulated time; nothing once stopped. */
  after(simSeconds: number, fn: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, this.realMs(simSeconds));
    this.timers.add(timer);
  }

  /** Resolves after `simSeconds`; never resolves once stopped (a pending promise holds no handle). */
  sleep(simSeconds: number): Promise<void> {
    return new Promise((resolve) => this.after(simSeconds, resolve));
  }

  /** Runs `fn` every `realMs` real milliseconds (not scaled: the driver scales its own work). */
  every(realMs: number, fn: () => void): void {
    if (this.stopped) return;
    this.timers.add(setInterval(fn, realMs));
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
