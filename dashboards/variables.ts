// Template variables: the datasource, the scrape target (job, instance) and the domain labels
// (agent, tool, provider, ...). A variable filters every series that carries its label, so a
// dashboard's queries narrow together when a user picks an agent.
import type * as cog from "@grafana/grafana-foundation-sdk/cog";
import {
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  type VariableModel,
  VariableRefresh,
  VariableSort,
} from "@grafana/grafana-foundation-sdk/dashboard";
import type { LabelDef, ResolvedCatalog, ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import type { RecordedSeries, SourcedSeries } from "../contract/recorded.js";

/** The part of the dashboards config variables are built from. */
export interface VariableSource {
  readonly jobLabel: string;
  readonly metrics: ResolvedCatalog;
  readonly datasources: { readonly prometheus: { readonly uid: string } };
}

/** Name of the datasource variable every panel's queries go through. */
export const DATASOURCE_VARIABLE = "datasource";

/**
 * What "All" sends. Every raw series has a job and an instance, so their variables send `.+`, as
 * Grafana's dashboard-linter asks; a domain label may be empty (to Prometheus, absent) on some
 * series, which `.+` would hide, so the other variables send `.*`.
 */
export const ALL_VALUES = { target: ".+", label: ".*" } as const;

/** The scrape-target variables' names, which dashboard-linter expects. */
export const TARGET_VARIABLES = { job: "job", instance: "instance" } as const;

/** A variable that filters queries by one label. */
export interface FilterVariable {
  /** Variable name, used as `$name` in queries. */
  readonly name: string;
  readonly title: string;
  /** Label it filters by. */
  readonly label: string;
  /**
   * The catalog label it stands for. A metric is filtered only when it carries this very
   * definition: the a2a `operation` and the cache `operation` are different labels.
   * Absent for scrape-target labels (every series has them) and recorded-only labels (`slo`).
   */
  readonly def?: LabelDef;
  /** Scrape-target labels (job, instance) are on every raw series. */
  readonly target?: boolean;
  /** `label_values(...)` query listing the values. */
  readonly query: string;
}

/** Does `variable` filter the catalog metric `m`? */
export function filtersMetric(variable: FilterVariable, m: ResolvedMetric): boolean {
  if (variable.target) return true;
  return variable.def !== undefined && m.labels.includes(variable.def);
}

/** Does `variable` filter the recorded series `s`? Only when the series kept its label. */
export function filtersRecorded(variable: FilterVariable, s: RecordedSeries): boolean {
  if (!s.labels.includes(variable.label)) return false;
  if (variable.target || variable.def === undefined) return true;
  const source = (s as Partial<SourcedSeries>).source;
  return source !== undefined && source.metric.labels.includes(variable.def);
}

/**
 * The jobs, listed from `source`: by default this project's build info, which every instrumented
 * application exposes; a dashboard over other metrics (the OpenTelemetry GenAI ones) lists the
 * applications that expose those.
 */
export function jobVariable(c: VariableSource, source: string = c.metrics.self.buildInfo.name): FilterVariable {
  return {
    name: TARGET_VARIABLES.job,
    title: "Job",
    label: c.jobLabel,
    target: true,
    query: `label_values(${source}, ${c.jobLabel})`,
  };
}

export function instanceVariable(c: VariableSource, source: string = c.metrics.self.buildInfo.name): FilterVariable {
  return {
    name: TARGET_VARIABLES.instance,
    title: "Instance",
    label: "instance",
    target: true,
    query: `label_values(${source}{${c.jobLabel}=~"$job"}, instance)`,
  };
}

/**
 * A domain variable listing the values of `def` on `source`, within the chosen job and instance.
 * `series` is the series listed: the metric itself, or a histogram's `_count`.
 */
export function labelVariable<M extends ResolvedMetric>(
  c: VariableSource,
  source: M,
  def: LabelDef<M["labels"][number]["name"]>,
  title: string,
  name: string = def.name,
  series: string = source.name,
): FilterVariable {
  if (!source.labels.includes(def)) throw new Error(`variable ${name}: ${source.name} has no label ${def.name}`);
  return {
    name,
    title,
    label: def.name,
    def,
    query: `label_values(${series}{${c.jobLabel}=~"$job", instance=~"$instance"}, ${def.name})`,
  };
}

/** A variable over a label only recorded series carry (the SLO name). */
export function recordedLabelVariable(source: RecordedSeries, label: string, title: string): FilterVariable {
  if (!source.labels.includes(label)) throw new Error(`variable ${label}: ${source.record} has no label ${label}`);
  return { name: label, title, label, query: `label_values(${source.record}, ${label})` };
}

export function datasourceVariable(c: VariableSource): cog.Builder<VariableModel> {
  return new DatasourceVariableBuilder(DATASOURCE_VARIABLE)
    .label("Data source")
    .type("prometheus")
    .current({ selected: true, text: "Prometheus", value: c.datasources.prometheus.uid });
}

/** The Grafana variable for a filter: multi-select, "All" matching every value (see ALL_VALUES). */
export function queryVariable(variable: FilterVariable): cog.Builder<VariableModel> {
  return new QueryVariableBuilder(variable.name)
    .label(variable.title)
    .query(variable.query)
    .definition(variable.query)
    .datasource({ type: "prometheus", uid: `\${${DATASOURCE_VARIABLE}}` })
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .allValue(variable.target ? ALL_VALUES.target : ALL_VALUES.label)
    .current({ selected: true, text: "All", value: "$__all" });
}
