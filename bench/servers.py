"""gunicorn for each candidate: same config file, worker count and class."""

import contextlib
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import psutil

from .data import ROOT, django_env

WORKERS = 2
WORKER_CLASS = "sync"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """One gunicorn master serving `app` on a free loopback port."""

    name: str
    app: str
    database_url: str
    log_path: Path
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> "Server":
        self.port = free_port()
        env = {
            **django_env(self.database_url),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(WORKERS),
            # Throttling stays on (it is part of the app) but never answers 429.
            "THROTTLE_ANON_RATE": "100000000/minute",
            "THROTTLE_USER_RATE": "100000000/minute",
            "THROTTLE_TILES_RATE": "100000000/minute",
        }
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                self.app,
                "-c",
                "config/gunicorn.py",
                "--workers",
                str(WORKERS),
                "--worker-class",
                WORKER_CLASS,
                # Workers are not recycled mid-measurement (peak RSS per worker).
                "--max-requests",
                "0",
                "--access-logfile",
                os.devnull,
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {self.log_path}")
            if len(self.workers()) == WORKERS and self._answers():
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.name} did not start; see {self.log_path}")

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def workers(self) -> list[psutil.Process]:
        if self.process is None:
            return []
        try:
            return psutil.Process(self.process.pid).children()
        except psutil.NoSuchProcess:
            return []

    def reset_peak_rss(self) -> None:
        """Start a new peak-RSS window (Linux: write 5 to clear_refs)."""
        for worker in self.workers():
            with contextlib.suppress(OSError):
                Path(f"/proc/{worker.pid}/clear_refs").write_text("5")

    def peak_rss(self) -> int:
        """The largest worker's peak resident set (VmHWM) since the last reset."""
        peaks = [0]
        for worker in self.workers():
            try:
                status = Path(f"/proc/{worker.pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) * 1024)
            peaks.append(worker.memory_info().rss)
        return max(peaks)

    def memory(self) -> dict[str, float]:
        """Now, in MB: the largest worker's PSS (its private pages plus its
        share of the pages it shares with the master and the other workers,
        from /proc/PID/smaps_rollup) and RSS, and the PSS of master and
        workers together (what the server costs the machine)."""
        worker_pss, worker_rss = [0], [0]
        for worker in self.workers():
            worker_pss.append(_pss(worker.pid))
            worker_rss.append(_rss(worker.pid))
        master = _pss(self.process.pid) if self.process is not None else 0
        return {
            "worker_pss_mb": max(worker_pss) / 2**20,
            "worker_rss_mb": max(worker_rss) / 2**20,
            "total_pss_mb": (master + sum(worker_pss)) / 2**20,
        }

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def _rollup(pid: int, field: str) -> int:
    """A field of /proc/PID/smaps_rollup in bytes (0 if the process is gone)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    return 0


def _pss(pid: int) -> int:
    return _rollup(pid, "Pss")


def _rss(pid: int) -> int:
    return _rollup(pid, "Rss")
