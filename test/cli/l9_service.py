"""A Python service instrumented with the names of the L9 execution report, not the catalog's:
`l9_tool_invocation_total{tool_id,status}` and `l9_tool_invocation_duration_ms{tool_id}`
(milliseconds, with buckets to 30 s). The check must fail on it and say what to change.

    /usr/bin/python3 l9_service.py --port 9464

Prints "ready <url>" once it listens; stops on SIGTERM.
"""
import argparse

from prometheus_client import Counter, Histogram

from serve import serve_until_stopped

invocations = Counter("l9_tool_invocation", "Tool invocations by outcome.", ["tool_id", "status"])
duration = Histogram(
    "l9_tool_invocation_duration_ms",
    "Tool invocation latency in milliseconds.",
    ["tool_id"],
    buckets=[5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000],
)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()

    for tool_id, status, ms in [("web_search", "success", 420), ("web_search", "error", 35), ("sql_query", "success", 1800)]:
        invocations.labels(tool_id=tool_id, status=status).inc()
        duration.labels(tool_id=tool_id).observe(ms)

    serve_until_stopped(args.port)


if __name__ == "__main__":
    main()
