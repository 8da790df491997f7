"""The HTTP server of ${{ values.name }}: health, readiness, metrics and a greeting."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SERVICE_NAME = "${{ values.name }}"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    """A minimal Prometheus exposition without dependencies."""

    def __init__(self):
        self._lock = threading.Lock()
        self.requests = {}
        self.buckets = [0] * len(LATENCY_BUCKETS)
        self.total = 0.0
        self.count = 0

    def observe(self, code, seconds):
        with self._lock:
            self.requests[str(code)] = self.requests.get(str(code), 0) + 1
            for i, le in enumerate(LATENCY_BUCKETS):
                if seconds <= le:
                    self.buckets[i] += 1
            self.total += seconds
            self.count += 1

    def render(self):
        with self._lock:
            lines = ["# TYPE http_requests_total counter"]
            for code in sorted(self.requests):
                lines.append('http_requests_total{code="%s"} %d' % (code, self.requests[code]))
            lines.append("# TYPE http_request_duration_seconds histogram")
            for le, n in zip(LATENCY_BUCKETS, self.buckets):
                lines.append('http_request_duration_seconds_bucket{le="%g"} %d' % (le, n))
            lines.append('http_request_duration_seconds_bucket{le="+Inf"} %d' % self.count)
            lines.append("http_request_duration_seconds_sum %g" % self.total)
            lines.append("http_request_duration_seconds_count %d" % self.count)
            return "\n".join(lines) + "\n"


def make_handler(metrics):
    class Handler(BaseHTTPRequestHandler):
        def _send(self, code, body, content_type="application/json"):
            data = body.encode("utf-8")
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path == "/healthz":
                self._send(200, json.dumps({"status": "ok"}))
            elif self.path == "/readyz":
                self._send(200, json.dumps({"status": "ready"}))
            elif self.path == "/metrics":
                self._send(200, metrics.render(), "text/plain; version=0.0.4")
            else:
                start = time.monotonic()
                code = 200 if self.path == "/" else 404
                self._send(code, "hello from %s\n" % SERVICE_NAME if code == 200 else "not found\n", "text/plain")
                metrics.observe(code, time.monotonic() - start)

        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            pass

    return Handler


def make_server(port, metrics=None):
    return ThreadingHTTPServer(("", port), make_handler(metrics or Metrics()))


def serve(port):
    server = make_server(port)
    print("%s listening on :%d" % (SERVICE_NAME, port), flush=True)
    server.serve_forever()
