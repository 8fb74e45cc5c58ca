export { catalog, catalogEntries, type Catalog, type Domain } from "./catalog.js";
export { buckets } from "./buckets.js";
export { labels } from "./labels.js";
export {
  counter, gauge, histogram, label, DEFAULT_LABEL_LIMIT, DEFAULT_SERIES_LIMIT,
  type CounterDef, type GaugeDef, type HistogramDef, type LabelDef, type LabelsOf, type MetricDef, type MetricOptions, type MetricType, type Unit,
} from "./define.js";
export { resolveCatalog, resolveMetric, validateNamespace, type ResolvedCatalog, type ResolvedMetric } from "./resolve.js";
export { auditEventNames, auditStreamLabels, type AuditEvent, type AuditEventName } from "./audit-events.js";
export { faultReasons } from "./labels.js";
