// Reads LogQL with Grafana's own parser (@grafana/lezer-logql): syntax errors, the stream labels
// a query selects on, and the fields its label filters name.
import { parser } from "@grafana/lezer-logql";

export interface LogqlReport {
  errors: number;
  /** `name` -> matcher values, from the stream selector. */
  streamLabels: Map<string, string[]>;
  /** Field names of label filters (after a parser stage such as `| json`). */
  fields: string[];
}

/** Grafana fills these in before Loki sees the query; any plausible value will do for parsing. */
export function fillGrafanaTokens(expr: string): string {
  return expr.replace(/\$\{[^}]+\}/g, "sample").replace(/\$[A-Za-z_]\w*/g, ".*");
}

export function readLogql(expr: string): LogqlReport {
  const report: LogqlReport = { errors: 0, streamLabels: new Map(), fields: [] };
  const text = (from: number, to: number) => expr.slice(from, to);
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) report.errors++;
      if (node.name !== "Matcher") return;
      const identifier = node.node.getChild("Identifier");
      const value = node.node.getChild("String");
      if (!identifier) return;
      const name = text(identifier.from, identifier.to);
      let ancestor = node.node.parent;
      while (ancestor && ancestor.name !== "Selector" && ancestor.name !== "LabelFilter") ancestor = ancestor.parent;
      if (ancestor?.name === "Selector") {
        const values = report.streamLabels.get(name) ?? [];
        values.push(value ? JSON.parse(text(value.from, value.to)) : "");
        report.streamLabels.set(name, values);
      } else if (ancestor?.name === "LabelFilter") {
        report.fields.push(name);
      }
    },
  });
  return report;
}
