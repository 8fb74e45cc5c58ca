// Progress on stderr (stdout is for the report, which may be JSON), each phase with its duration.

export interface PhaseTiming {
  readonly phase: string;
  readonly seconds: number;
  /** Reused from an earlier run rather than done now. */
  readonly reused: boolean;
}

export class Progress {
  readonly phases: PhaseTiming[] = [];
  private readonly started = performance.now();

  log(message: string): void {
    const at = ((performance.now() - this.started) / 1000).toFixed(0).padStart(5);
    process.stderr.write(`[${at}s] ${message}\n`);
  }

  /** Runs a phase, logging its start and end and keeping its duration. */
  async phase<T>(name: string, work: () => Promise<T>): Promise<T> {
    this.log(`${name} ...`);
    const start = performance.now();
    const result = await work();
    const seconds = (performance.now() - start) / 1000;
    this.phases.push({ phase: name, seconds, reused: false });
    this.log(`${name}: done in ${seconds.toFixed(1)} s`);
    return result;
  }

  /** A phase whose result an earlier run left, with the time it took then. */
  reused(name: string, secondsThen: number): void {
    this.phases.push({ phase: name, seconds: secondsThen, reused: true });
    this.log(`${name}: reused (took ${secondsThen.toFixed(1)} s when built)`);
  }
}
