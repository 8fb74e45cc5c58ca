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
import signal
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from threading import Thread

from prometheus_client import REGISTRY, Counter, Gauge, Histogram, exposition, start_http_server

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


def serve_text_only(port):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = exposition.generate_latest(REGISTRY)
            self.send_response(200)
            self.send_header("Content-Type", exposition.CONTENT_TYPE_LATEST)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", port), Handler)
    Thread(target=server.serve_forever, daemon=True).start()


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

    if args.exposition == "text":
        serve_text_only(args.port)
    else:
        start_http_server(args.port, addr="127.0.0.1")
    print(f"ready http://127.0.0.1:{args.port}/metrics", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.pause()


if __name__ == "__main__":
    main()
