"""A local webhook receiver: a thread serving 127.0.0.1, recording what it gets.

Paths choose the answer: /gone -> 410, /redirect -> 302 to /target,
/fail-<n>/... -> 500 for the first n requests, /slow-<ms>/... waits first;
anything else -> 204. Received webhooks are deduplicated on webhook-id, as
the Standard Webhooks spec asks receivers to do.
"""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    base_url: str = ""
    requests: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    failures: dict[str, int] = field(default_factory=dict)

    def unique_by_webhook_id(self) -> dict[str, Received]:
        unique: dict[str, Received] = {}
        with self.lock:
            for request in self.requests:
                unique.setdefault(request.headers.get("webhook-id", ""), request)
        return unique

    def wait_for(self, count: int, *, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while len(self.unique_by_webhook_id()) < count:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"received {len(self.unique_by_webhook_id())} of {count} webhooks"
                )
            time.sleep(0.05)


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length)
            parts = self.path.strip("/").split("/")
            first = parts[0] if parts else ""
            if first.startswith("slow-"):
                time.sleep(int(first.removeprefix("slow-")) / 1000)
            with receiver.lock:
                receiver.requests.append(
                    Received(
                        self.path,
                        {k.lower(): v for k, v in self.headers.items()},
                        body,
                    )
                )
                status = 204
                if first == "gone":
                    status = 410
                elif first == "redirect":
                    status = 302
                elif first.startswith("fail-"):
                    seen = receiver.failures.get(self.path, 0)
                    receiver.failures[self.path] = seen + 1
                    if seen < int(first.removeprefix("fail-")):
                        status = 500
            self.send_response(status)
            if status == 302:
                self.send_header("Location", f"{receiver.base_url}/target")
            self.send_header("Content-Length", "11")
            self.end_headers()
            self.wfile.write(b"secret-data")

    return Handler


@contextmanager
def running_receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(receiver))
    receiver.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
