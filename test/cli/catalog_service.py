"""A service in another language built from `agent-observability catalog --json`, as a code
generator would build it: every metric declared with prometheus_client, a little of each
recorded so samples exist, /metrics served on 127.0.0.1.

    /usr/bin/python3 catalog_service.py --port 9464 --catalog catalog.json
        [--exposition text] [--drop-bucket NAME:BOUND]

--exposition text answers Prometheus text whatever the Accept header asks (an older client);
the default negotiates as prometheus_client does (OpenMetrics for Prometheus).
--drop-bucket leaves one bucket bound out of a histogram, as a service with its own buckets.
Prints "ready <url>" once it listens; stops on SIGTERM.
"""
import argparse
import json

from prometheus_client import Counter, Gauge, Histogram

from serve import serve_until_stopped

TYPES = {"counter": Counter, "gauge": Gauge, "histogram": Histogram}


def declare(metric, dropped):
    # prometheus_client appends `_total` to a counter's name and `_<unit>` to a name that lacks
    # it: the JSON's `family` (no `_total`) and `unit` (already the name's suffix) give exactly
    # the catalog's names.
    kwargs = {
        "name": metric["family"],
        "documentation": metric["help"],
        "labelnames": [label["name"] for label in metric["labels"]],
        "unit": metric["unit"],
    }
    if metric["type"] == "histogram":
        kwargs["buckets"] = [b for b in metric["buckets"] if (metric["name"], b) not in dropped]
    return TYPES[metric["type"]](**kwargs)


def record(metric, declared):
    values = {label["name"]: (label.get("values") or ["example"])[0] for label in metric["labels"]}
    child = declared.labels(**values) if values else declared
    if metric["type"] == "counter":
        child.inc()
    elif metric["type"] == "gauge":
        child.set(1)
    else:
        child.observe(metric["buckets"][0])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--catalog", required=True, help="the output of agent-observability catalog --json")
    parser.add_argument("--exposition", choices=["negotiate", "text"], default="negotiate")
    parser.add_argument("--drop-bucket", action="append", default=[], metavar="NAME:BOUND")
    args = parser.parse_args()

    with open(args.catalog, encoding="utf-8") as f:
        catalog = json.load(f)
    dropped = {(name, float(bound)) for name, bound in (d.rsplit(":", 1) for d in args.drop_bucket)}
    for metric in catalog["metrics"]:
        record(metric, declare(metric, dropped))

    serve_until_stopped(args.port, text_only=args.exposition == "text")


if __name__ == "__main__":
    main()
