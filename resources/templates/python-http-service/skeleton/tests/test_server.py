import json
import threading
import unittest
import urllib.request

from app.server import Metrics, make_server


class ServerTest(unittest.TestCase):
    def setUp(self):
        self.metrics = Metrics()
        self.server = make_server(0, self.metrics)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()

    def get(self, path):
        with urllib.request.urlopen("http://127.0.0.1:%d%s" % (self.port, path), timeout=5) as response:
            return response.status, response.read().decode("utf-8")

    def test_healthz(self):
        status, body = self.get("/healthz")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body), {"status": "ok"})

    def test_metrics_count_requests(self):
        self.get("/")
        status, body = self.get("/metrics")
        self.assertEqual(status, 200)
        self.assertIn('http_requests_total{code="200"} 1', body)


if __name__ == "__main__":
    unittest.main()
