// What a panel function reads: the catalog metrics, the recorded series, the LLM signals, the
// thresholds, PromQL bound to its dashboard's variables, and links to the audit lines behind a
// series. The platform's own panels (`extensions.panels`) get the same.
import type { DashboardLinkBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import type { ResolvedCatalog } from "@agent-observability/instrumentation/catalog";
import type { LlmSignals } from "../contract/llm-signals.js";
import type { AuditLogQuery } from "../contract/logql.js";
import type { Recorded } from "../contract/recorded.js";
import type { SharedConfig } from "../contract/shared.js";
import type { ResolvedThresholds } from "../contract/thresholds.js";
import type { Queries } from "./queries.js";

export interface PanelContext {
  readonly m: ResolvedCatalog;
  readonly r: Recorded;
  /** Where requests, errors, latency, tokens and time to first token come from (`genAiSource`). */
  readonly llm: LlmSignals;
  readonly t: ResolvedThresholds;
  readonly budget: SharedConfig["budget"];
  /** PromQL bound to this dashboard's variables. */
  readonly q: Queries;
  /** PromQL over everything, for platform-wide signals such as the daily budgets. */
  readonly all: Queries;
  /** Uid of the Loki datasource holding the audit events, when Loki is on. */
  readonly loki: string | undefined;
  /**
   * A data link from a series to the audit lines behind it (none when Loki is off). Filters may
   * name the clicked series' labels as `${__field.labels.<label>}`.
   */
  readonly audit: (title: string, query: AuditLogQuery) => DashboardLinkBuilder[];
}
