"""What both Python test services share: serve /metrics on 127.0.0.1, print the ready line the
tests wait for, and run until SIGTERM."""
import signal
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from threading import Thread

from prometheus_client import REGISTRY, exposition, start_http_server


class TextOnlyHandler(BaseHTTPRequestHandler):
    """Answers Prometheus text 0.0.4 whatever the Accept header asks, as an older client does."""

    def do_GET(self):
        body = exposition.generate_latest(REGISTRY)
        self.send_response(200)
        self.send_header("Content-Type", exposition.CONTENT_TYPE_LATEST)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve_until_stopped(port, text_only=False):
    if text_only:
        server = HTTPServer(("127.0.0.1", port), TextOnlyHandler)
        Thread(target=server.serve_forever, daemon=True).start()
    else:
        # prometheus_client's own server: OpenMetrics when the Accept header asks for it.
        start_http_server(port, addr="127.0.0.1")
    print(f"ready http://127.0.0.1:{port}/metrics", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.pause()
