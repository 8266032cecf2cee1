"""Helpers the benchmarks share: a server on 127.0.0.1 and a bounded HTTP load."""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")


_PORT_BASE = [int(os.environ.get("BENCH_PORT_BASE", "0"))]  # a range of one's own, when ports are shared


def free_port() -> int:
    while _PORT_BASE[0]:
        candidate = _PORT_BASE[0]
        _PORT_BASE[0] += 1
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return candidate
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def postgres_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")


@contextmanager
def redis_prefix(label: str) -> Iterator[str]:
    """A cache key prefix of this run's own on the benchmark's Redis; its keys are deleted afterwards.

    `solidarity serve` with several page workers needs a cache they share (`cli.unshared_cache`).
    """
    import redis

    prefix = f"bench-{os.getpid()}-{label}"
    try:
        yield prefix
    finally:
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
        for start in range(0, len(keys), 500):
            client.delete(*keys[start : start + 500])


def environment(database_url: str | None, data_dir: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOLIDARITY_", "DATABASE_URL", "REDIS_URL"))}
    env |= {"SOLIDARITY_ENV": "embedded", "SOLIDARITY_DATA_DIR": data_dir, "SOLIDARITY_LOG_LEVEL": "WARNING"}
    if database_url:
        env["DATABASE_URL"] = database_url
    env["PYTHONPATH"] = str(ROOT)
    return env


def django_run(code: str, env: dict[str, str], timeout: int = 1800) -> None:
    """Run Python code with Django set up, in a child process with the given environment."""
    prelude = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'solidarity.settings'); django.setup()\n"
    )
    subprocess.run([sys.executable, "-c", prelude + code], env=env, cwd=ROOT, check=True, timeout=timeout)


@contextmanager
def scratch_dir() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="solidarity-bench-") as path:
        yield path


@contextmanager
def server(env: dict[str, str]) -> Iterator[int]:
    """Serve the app with uvicorn (as `solidarity run` does) on a free loopback port."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "solidarity.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-access-log",
            "--no-server-header",
            "--log-level",
            "warning",
            "--lifespan",
            "off",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _ = get(port, "/healthz")
                if status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("the server did not start")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_healthy(port: int, timeout: float = 90, process: subprocess.Popen[bytes] | None = None) -> None:
    """Wait until `/healthz` answers 200 on the port (a server starting, migrating); fail at once if
    the server's `process` has exited (a refusal to start, a crash)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server on {port} exited with status {process.returncode}")
        try:
            if get(port, "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"nothing answered on {port}")


def get(port: int, path: str, connection: http.client.HTTPConnection | None = None) -> tuple[int, bytes]:
    own = connection is None
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        if own:
            conn.close()


@dataclass(frozen=True)
class Latency:
    median_ms: float
    p99_ms: float


def latency(port: int, path: str, *, count: int) -> Latency:
    """Time `count` sequential requests (after two warm-ups) on one keep-alive connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for _ in range(2):
        get(port, path, conn)
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        status, _ = get(port, path, conn)
        samples.append((time.perf_counter() - started) * 1000)
        assert status == 200, (path, status)
    conn.close()
    samples.sort()
    return Latency(statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))])


def throughput(port: int, path: str, *, clients: int, seconds: float, max_requests: int) -> tuple[float, int]:
    """Requests per second from `clients` threads, bounded in time and count; returns (rate, errors)."""
    done = 0
    errors = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker() -> None:
        nonlocal done, errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < stop_at:
            with lock:
                if done >= max_requests:
                    return
            try:
                status, _ = get(port, path, conn)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = 0
            with lock:
                done += 1
                errors += status != 200
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done / (time.monotonic() - started), errors
