// The extension points a platform team uses from its own repository: its own alerts (with their
// promtool cases), panels on the built-in dashboards, and dashboards of its own. Thresholds are
// changed through `rules.thresholds`.
import type { DashboardSource, ExtraPanel } from "../dashboards/extensions.js";
import type { ExtraAlertSource } from "../rules/config.js";

export interface StackExtensions {
  /** Alerts rendered, routed and promtool-tested with the built-in ones (rule files `custom*.yml`). */
  readonly alerts?: readonly ExtraAlertSource[];
  /** Panels added to built-in dashboards, in a "Platform panels" row after their own. */
  readonly panels?: readonly ExtraPanel[];
  /** Dashboards of the platform's own, provisioned beside the built-in ones. */
  readonly dashboards?: readonly DashboardSource[];
}

export const extensionKeys = ["alerts", "panels", "dashboards"] as const;
