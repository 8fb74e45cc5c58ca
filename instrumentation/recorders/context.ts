import type { Faults } from "../core/faults.js";
import type { ErrorClassifier } from "../core/outcome.js";

/** What every recorder needs besides its metrics. */
export interface RecorderContext {
  faults: Faults;
  classify: ErrorClassifier;
}
