import { counter, gauge } from "./define.js";
import { labels as l } from "./labels.js";

export const self = {
  buildInfo: gauge("build_info", "Always 1; labels say which build is running.", [l.version, l.revision, l.runtime]),
  instrumentationErrors: counter(
    "instrumentation_errors_total",
    "Problems the instrumentation absorbed instead of throwing into the application.",
    [l.errorReason],
  ),
  labelOverflow: counter("label_overflow_total", "Label values folded into __overflow__ by the cardinality guard.", [l.metric, l.labelName]),
  seriesOverflow: counter(
    "series_overflow_total",
    "Records folded into the all-__overflow__ series because their metric reached its series limit.",
    [l.metric],
  ),
} as const;
