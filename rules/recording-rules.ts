// The recording rules behind every series in recorded.ts, grouped by domain. The `sum by`
// labels come from each series' `labels`, so a recorded series carries exactly what it declares.
import type { RulesConfig } from "./config.js";
import { increase, quantile, rate, selector, sumBy } from "./promql.js";
import { matchers } from "../contract/promql.js";
import { allRecordedSeries, type RecordedSeries, recordedSeriesOf, type SourcedSeries } from "../contract/recorded.js";
import { domainFiles, type RuleFile } from "./rule-files.js";

export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
  readonly labels?: Readonly<Record<string, string>>;
}

export interface RuleGroup<R> {
  readonly name: string;
  readonly file: RuleFile;
  readonly rules: readonly R[];
}

function isSourced(series: RecordedSeries): series is SourcedSeries {
  return "source" in series;
}

/** The rule behind a series, over the window its name carries. */
export function recordingRuleFor(series: SourcedSeries): RecordingRule {
  const s = series.source;
  switch (s.kind) {
    case "rate":
      return { record: series.record, expr: sumBy(series.labels, rate(selector(s.metric, s.where, s.suffix), s.window)) };
    case "quantile":
      return { record: series.record, expr: quantile(s.quantile, s.metric, series.labels, s.window) };
    case "buckets":
      return { record: series.record, expr: sumBy(series.labels, rate(selector(s.metric, {}, "_bucket"), s.window)) };
    case "ratio": {
      const of = (values: readonly string[]) => sumBy(series.labels, rate(`${s.metric.name}${matchers({ [s.label]: values })}`, s.window));
      return { record: series.record, expr: `${of(s.good)} / ${of(s.total)}` };
    }
  }
}

/** One group per domain with its rate, ratio, quantile and bucket series, plus the budget windows. */
export function recordingGroups(c: RulesConfig): RuleGroup<RecordingRule>[] {
  const recorded = recordedSeriesOf(c);
  const groups: RuleGroup<RecordingRule>[] = [];
  for (const [domain, entries] of Object.entries(recorded)) {
    if (domain === "slo" || domain === "budget") continue;
    const rules = allRecordedSeries(entries).filter(isSourced).map(recordingRuleFor);
    const file = domainFiles[domain as Exclude<keyof typeof domainFiles, "slo">];
    groups.push({ name: `${c.namespace}-${file}-recording`, file, rules });
  }
  const tokens = c.llmSignals.tokens;
  groups.push({
    name: `${c.namespace}-budget-recording`,
    file: "budget",
    rules: [
      { record: recorded.budget.tokens.record, expr: sumBy([], increase(selector(tokens.metric, {}, tokens.suffix), c.budget.window)) },
      // Dollars are this project's metric whatever the LLM signals' source (contract/llm-signals.ts).
      { record: recorded.budget.cost.record, expr: sumBy([], increase(selector(c.metrics.llm.cost), c.budget.window)) },
    ],
  });
  return groups;
}
