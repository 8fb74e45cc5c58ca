// A rendered rule file as the diff sees it: its alerts and recording rules, each with the parts
// a reviewer reads by name and everything else kept for the structural comparison. Prometheus
// rule files and Grafana's alert rule provisioning (the evaluator "grafana" rendering) are both
// read, so an alert is found whichever evaluator the config picks.
import { asArray, asObject, asString, isObject, type JsonObject, omit, text } from "./json.js";

export interface RuleView {
  readonly kind: "alert" | "recording rule";
  /** Alert name (Grafana's title), or the recorded series. */
  readonly name: string;
  readonly labels: ReadonlyMap<string, string>;
  readonly annotations: ReadonlyMap<string, string>;
  /** Path under out/. */
  readonly file: string;
  readonly group: string;
  readonly expr: string | undefined;
  /** Pending period; absent when zero, which is also Prometheus's default. */
  readonly for: string | undefined;
  /** The rule without the parts above, compared structurally. */
  readonly rest: JsonObject;
}

export function rulesOf(file: string, content: unknown): RuleView[] {
  return asArray(asObject(content).groups)
    .filter(isObject)
    .flatMap((group) =>
      asArray(group.rules)
        .filter(isObject)
        .flatMap((rule) => {
          const view = isGrafanaRule(rule) ? grafanaRule(rule) : prometheusRule(rule);
          return view ? [{ ...view, file, group: asString(group.name) ?? "" }] : [];
        }),
    );
}

type Parsed = Omit<RuleView, "file" | "group">;

function prometheusRule(rule: JsonObject): Parsed | undefined {
  const alert = asString(rule.alert);
  const record = asString(rule.record);
  if (alert === undefined && record === undefined) return undefined;
  return {
    kind: alert === undefined ? "recording rule" : "alert",
    name: alert ?? record ?? "",
    labels: strings(rule.labels),
    annotations: strings(rule.annotations),
    expr: asString(rule.expr) ?? (rule.expr === undefined ? undefined : text(rule.expr)),
    for: duration(rule.for),
    rest: omit(rule, ["alert", "record", "expr", "for", "labels", "annotations"]),
  };
}

function isGrafanaRule(rule: JsonObject): boolean {
  return typeof rule.title === "string" && Array.isArray(rule.data);
}

/** Grafana's rule: the PromQL is in the data queries' models; the rest (condition, math) is compared as fields. */
function grafanaRule(rule: JsonObject): Parsed {
  const data = asArray(rule.data).filter(isObject);
  const queries = data.flatMap((query) => {
    const expr = asString(asObject(query.model).expr);
    return expr === undefined ? [] : [{ refId: asString(query.refId) ?? "", expr }];
  });
  const expr = queries.length === 1 ? queries[0]?.expr : queries.map((q) => `${q.refId}: ${q.expr}`).join("\n") || undefined;
  const dataRest = data.map((query) => ({ ...query, model: omit(asObject(query.model), ["expr"]) }));
  return {
    kind: "alert",
    name: asString(rule.title) ?? "",
    labels: strings(rule.labels),
    annotations: strings(rule.annotations),
    expr,
    for: duration(rule.for),
    rest: { ...omit(rule, ["title", "for", "labels", "annotations", "data"]), data: dataRest },
  };
}

function strings(value: unknown): Map<string, string> {
  return new Map(Object.entries(asObject(value)).map(([key, item]) => [key, text(item)] as const).sort(([a], [b]) => a.localeCompare(b)));
}

function duration(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const shown = text(value);
  return /^(0[smhdwy]?)+$/.test(shown) ? undefined : shown;
}

/** `{a="1", b="2"}`, or "" for no labels. */
export function labelText(labels: ReadonlyMap<string, string>, without: readonly string[] = []): string {
  const shown = [...labels].filter(([key]) => !without.includes(key));
  return shown.length === 0 ? "" : `{${shown.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(", ")}}`;
}
