// Days of samples for a series set, written as OpenMetrics files one time window at a time (what
// `promtool tsdb create-blocks-from openmetrics` reads). Each series keeps its state across
// windows, so the windows join up into one continuous history. Samples go out time-major (every
// series at one timestamp, then the next), so each series' samples are in time order, as the
// block writer needs.
import { closeSync, openSync, writeSync } from "node:fs";
import { Random } from "../../demo/random.js";
import { type Step, type Track, trackOf, trafficLevel } from "./motion.js";
import type { SeriesSet } from "./series-set.js";

export interface ChunkWritten {
  readonly samples: number;
  readonly bytes: number;
}

/** Steps between yields to the event loop, so a Ctrl-C is heard while a window is written. */
const STEPS_PER_YIELD = 20;

export class Synthesizer {
  private readonly tracks: readonly Track[];
  private readonly random: Random;
  /** Samples per step: every stored series once. */
  private readonly perStep: number;

  constructor(set: SeriesSet, seed: number, private readonly stepSeconds: number) {
    this.tracks = set.series.map(trackOf);
    this.random = new Random(seed);
    this.perStep = set.storedSeries;
  }

  /**
   * Writes the samples at `fromSeconds`, `fromSeconds + step`, ... before `toSeconds` to `path`,
   * ending with `# EOF`. Windows must be written in order, each starting where the last ended.
   */
  async writeWindow(path: string, fromSeconds: number, toSeconds: number): Promise<ChunkWritten> {
    const fd = openSync(path, "w");
    let bytes = 0;
    let steps = 0;
    try {
      for (let t = fromSeconds; t < toSeconds; t += this.stepSeconds) {
        const step: Step = { timestamp: String(t), seconds: this.stepSeconds, traffic: trafficLevel(t), random: this.random };
        let text = "";
        for (const track of this.tracks) text += track.advance(step);
        bytes += writeSync(fd, text);
        steps++;
        if (steps % STEPS_PER_YIELD === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      bytes += writeSync(fd, "# EOF\n");
    } finally {
      closeSync(fd);
    }
    return { samples: steps * this.perStep, bytes };
  }
}
