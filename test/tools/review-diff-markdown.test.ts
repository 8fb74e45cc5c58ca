// How `npm run diff` reads in a pull request: the Markdown rendering of a report.
import { describe, expect, it } from "vitest";
import { code, escape, markdown } from "../../tools/review-diff/markdown.js";
import type { Report } from "../../tools/review-diff/report.js";

const base = { rev: "main", commit: "0123456789abcdef0123456789abcdef01234567" };
const empty: Report = { base, lockfileDiffers: false, dashboards: [], ruleFiles: [] };
const longExpr = (threshold: number) => `(sum by (job, tool) (rate(agent_tool_errors_total[5m])) * 60 > ${threshold}) or vector(0)`;

describe("review-diff: Markdown", () => {
  it("says there is nothing to review in one line", () => {
    expect(markdown(empty)).toBe("No dashboard or alert changes.\n");
  });

  it("shows a section per dashboard and rule file, short values inline and long ones as a diff block under their bullet", () => {
    const report: Report = {
      ...empty,
      dashboards: [
        {
          uid: "agent-operations",
          title: "Agent operations",
          status: "changed",
          changes: [{ field: "templating.list[job].allValue", old: ".*", new: ".+" }],
          panels: [
            { id: 3, kind: "panel", title: "Tool errors per minute", status: "changed", changes: [{ field: "thresholds", old: "base green, 0.5 red", new: "base green, 1 red" }, { field: "position", old: "x=0 y=1", new: "x=12 y=1" }] },
            { id: 37, kind: "panel", title: "Agent runs started", status: "added", changes: [{ field: "position", new: "x=0 y=92" }, { field: "query A", new: "sum(rate(agent_runs_total[5m]))" }] },
            { id: 8, kind: "panel", title: "Tool errors by type", status: "removed", changes: [] },
          ],
          shifted: [{ dy: 8, panels: [{ id: 10, kind: "row", title: "Approvals" }, { id: 11, kind: "panel", title: "Approval queue depth" }] }],
        },
      ],
      ruleFiles: [
        {
          file: "prometheus/rules/tools.yml",
          status: "changed",
          rules: [{ kind: "alert", name: "HighToolErrorRate", status: "changed", changes: [{ field: "expr", old: longExpr(0.5), new: longExpr(1) }, { field: "for", old: "5m" }] }],
        },
      ],
    };
    expect(markdown(report)).toBe(
      [
        "## Dashboard and alert changes: `main` (0123456789ab) → work tree",
        "",
        "1 dashboard and 1 rule file changed.",
        "",
        "### Dashboard `agent-operations` (Agent operations)",
        "",
        "- Dashboard settings",
        "  - templating.list\\[job\\].allValue: `.*` → `.+`",
        '- Panel 3 "Tool errors per minute"',
        "  - thresholds: `base green, 0.5 red` → `base green, 1 red`",
        "  - moved: `x=0 y=1` → `x=12 y=1`",
        '- Added panel 37 "Agent runs started"',
        "  - position: `x=0 y=92`",
        "  - query A: `sum(rate(agent_runs_total[5m]))`",
        '- Removed panel 8 "Tool errors by type"',
        '- Moved down by 8, nothing else changed: 10 "Approvals" (row), 11 "Approval queue depth"',
        "",
        "### Rule file `prometheus/rules/tools.yml`",
        "",
        "- Alert `HighToolErrorRate`",
        "  - expr:",
        "    ```diff",
        `    - ${longExpr(0.5)}`,
        `    + ${longExpr(1)}`,
        "    ```",
        "  - for: `5m` → *none*",
        "",
      ].join("\n"),
    );
  });

  it("notes when the base was rendered with dependencies other than its own", () => {
    const report: Report = { ...empty, lockfileDiffers: true, ruleFiles: [{ file: "prometheus/rules/x.yml", status: "added", rules: [{ kind: "alert", name: "X", status: "added", changes: [] }] }] };
    expect(markdown(report)).toContain("> Both sides were rendered with the work tree's node_modules, but package-lock.json differs");
    expect(markdown(report)).toContain("### Rule file `prometheus/rules/x.yml`, new\n\n- Added alert `X`");
  });

  it("indents a JSON value in its block so a whole added link can be read", () => {
    const link = JSON.stringify({ title: "Failed tool calls", url: "/explore?left=%7B%22datasource%22%3A%22loki%22%7D&orgId=1&schemaVersion=1" });
    const report: Report = {
      ...empty,
      dashboards: [{ uid: "d", title: "D", status: "changed", changes: [{ field: "links[Failed tool calls]", new: link }], panels: [], shifted: [] }],
    };
    expect(markdown(report)).toContain(["- Dashboard settings", "  - links\\[Failed tool calls\\]:", "    ```diff", "    + {", '    +   "title": "Failed tool calls",'].join("\n"));
  });

  it("keeps backticks in values and Markdown in titles from breaking the page", () => {
    expect(code("{app=`x`}")).toBe("``{app=`x`}``");
    expect(code("`quoted`")).toBe("`` `quoted` ``");
    expect(escape("p95 *by* tool_name [ms] <b>")).toBe("p95 \\*by\\* tool\\_name \\[ms\\] \\<b\\>");
  });
});
