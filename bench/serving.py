"""Serving under load (issue 12, "Measured"): `python -m bench serving [--quick]`.

Side by side in one run, on the demo (SQLite) and on 127.0.0.1 only:
- one uvicorn process, as `solidarity run` serves ("run"), against `solidarity serve` (gunicorn
  sync page workers and a stream process, "serve"), each direct and behind Debian's nginx running
  the shipped deploy/ templates (through the public onion's listener);
- `wrk -t1 -c16` on the trivial response (`/healthz`), the programme of the demo assembly, the
  coalition directory and the Persian Atom feed (medians of 3 runs of 20 s; --quick: 1 run of 5 s);
- the flood of finding 3 (100 connections on the feed, 40 s; --quick 10 s) with a probe on `/en/`
  and `/healthz`: the probe's p99 and failures;
- what a refused request costs: a junk invitation token (404) and a form post without its token
  (403), mean milliseconds over sequential requests.
Every load is bounded in connections and time. Needs /usr/bin/wrk (and nginx for the nginx rows).
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench import nginx
from bench.support import (
    REDIS_URL,
    ROOT,
    django_run,
    environment,
    free_port,
    get,
    redis_prefix,
    scratch_dir,
    server,
    wait_healthy,
)
from bench.table import Row

WRK = shutil.which("wrk") or "/usr/bin/wrk"
PROGRAMME = "/en/assemblies/paris-assembly/"
PAGES = {
    "ceiling (/healthz)": "/healthz",
    "programme": PROGRAMME,
    "directory": "/en/coalition/",
    "Persian Atom feed": "/relay/feeds/fa.atom",
}
TARGETS = {"programme": 70.0, "directory": 100.0, "ceiling (/healthz)": 1000.0}


def wrk(port: int, path: str, *, connections: int, seconds: int) -> tuple[float, float, int]:
    """Run wrk once; return (requests per second, p99 in ms, non-2xx or socket errors)."""
    result = subprocess.run(
        # A 30 s timeout: on a loaded machine a slow answer is latency, not an error.
        [
            WRK,
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "--latency",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    out = result.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]  # wrk always prints it
    p99_match = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    p99 = float(p99_match.group(1)) * scale[p99_match.group(2)] if p99_match else float("nan")
    errors = 0
    if found := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out):
        errors += int(found.group(1))
    if found := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(value) for value in found.groups())
    return rate, p99, errors


@contextmanager
def production_serving(env: dict[str, str], workers: int) -> Iterator[int]:
    """`solidarity serve` on a free port (its stream process on the next one)."""
    port = free_port()
    with redis_prefix("serving") as prefix:
        env = env | {
            "PORT": str(port),
            "STREAM_PORT": str(free_port()),
            "SOLIDARITY_WEB_WORKERS": str(workers),
            "REDIS_URL": REDIS_URL,
            "SOLIDARITY_CACHE_PREFIX": prefix,
        }
        process = subprocess.Popen([sys.executable, "-m", "solidarity.cli", "serve"], env=env, cwd=ROOT)
        try:
            wait_healthy(port, process=process)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=60)


def flood_probe(port: int, probe_port: int, *, seconds: int) -> tuple[float, int, float]:
    """100 connections loop on the feed while a probe asks /en/ and /healthz; (probe p99 ms, failures, flood rate)."""
    samples: list[float] = []
    failures = 0
    stop = threading.Event()

    def probe() -> None:
        nonlocal failures
        while not stop.is_set():
            for path in ("/en/", "/healthz"):
                started = time.perf_counter()
                try:
                    connection = http.client.HTTPConnection("127.0.0.1", probe_port, timeout=30)
                    connection.request("GET", path)
                    status = connection.getresponse().status
                    connection.close()
                except (OSError, http.client.HTTPException):
                    status = 0
                samples.append((time.perf_counter() - started) * 1000)
                failures += status != 200
            time.sleep(0.2)

    thread = threading.Thread(target=probe)
    thread.start()
    try:
        rate, _p99, _errors = wrk(port, "/relay/feeds/fa.atom", connections=100, seconds=seconds)
    finally:
        stop.set()
        thread.join()
    samples.sort()
    return samples[min(len(samples) - 1, int(len(samples) * 0.99))], failures, rate


def refused_cost(port: int, count: int) -> dict[str, float]:
    """Mean milliseconds of refused requests, sequential on one connection."""
    cases = {
        "junk invitation token (404)": ("GET", f"/en/assemblies/invitation/{'A' * 170}/", None),
        "form post without its token (403)": ("POST", "/en/relay/send/", "text=x"),
    }
    costs = {}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for name, (method, path, body) in cases.items():
        samples = []
        for _ in range(count):
            started = time.perf_counter()
            headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            samples.append((time.perf_counter() - started) * 1000)
        costs[name] = statistics.mean(samples)
    connection.close()
    return costs


def run(*, quick: bool) -> list[Row]:
    if not Path(WRK).exists():
        print("bench serving: skipped, wrk is not installed (/usr/bin/wrk)", file=sys.stderr)
        return []
    runs, seconds, flood_seconds = (1, 5, 10) if quick else (3, 20, 40)
    workers = int(os.environ.get("BENCH_WEB_WORKERS", str(max(2, 2 * (os.cpu_count() or 1) + 1))))
    rows: list[Row] = []
    with scratch_dir() as data_dir:
        env = environment(None, data_dir) | {"SOLIDARITY_ONION_HOST": nginx.PUBLIC_ONION}
        django_run(
            "from django.core.management import call_command\n"
            "call_command('migrate', verbosity=0)\n"
            "from solidarity.demo import build_all\n"
            "build_all(progress=lambda _text: None)\n",
            env,
        )
        setups = {"run": lambda: server(env), "serve": lambda: production_serving(env, workers)}
        for name, start in setups.items():
            with start() as port:
                ways = [("direct", port)]
                with scratch_dir() as nginx_dir, _maybe_nginx(port, Path(nginx_dir)) as onion_port:
                    if onion_port:
                        ways.append(("nginx", onion_port))
                    for way, target in ways:
                        label = f"{name}, {way}"
                        for page, path in PAGES.items():
                            for _ in range(2 * workers):  # warm every worker and the caches first
                                status, _body = get(target, path)
                                if status != 200:
                                    raise RuntimeError(f"{label}: {path} answered {status}")
                            measured = [wrk(target, path, connections=16, seconds=seconds) for _ in range(runs)]
                            rate = statistics.median(m[0] for m in measured)
                            p99 = statistics.median(m[1] for m in measured)
                            errors = sum(m[2] for m in measured)
                            target_rate = TARGETS.get(page) if name == "serve" else None
                            rows.append(
                                Row(
                                    "serving",
                                    f"{page}: {label}",
                                    rate,
                                    "req/s",
                                    "target" if target_rate else "",
                                    target_rate,
                                )
                            )
                            rows.append(Row("serving", f"{page}: {label}, p99", p99, "ms"))
                            if errors:
                                rows.append(Row("serving", f"{page}: {label}, errors", errors, "requests"))
                    flood_target = ways[-1][1]
                    probe_p99, failures, flood_rate = flood_probe(flood_target, flood_target, seconds=flood_seconds)
                    way = ways[-1][0]
                    rows.append(
                        Row("serving", f"flood on feed: {name}, {way}, probe p99", probe_p99, "ms", "target", 500.0)
                    )
                    rows.append(
                        Row(
                            "serving",
                            f"flood on feed: {name}, {way}, probe failures",
                            failures,
                            "requests",
                            "target",
                            0.0,
                        )
                    )
                    rows.append(Row("serving", f"flood on feed: {name}, {way}, feed served", flood_rate, "req/s"))
                for case, cost in refused_cost(port, 100 if quick else 500).items():
                    rows.append(Row("serving", f"refused: {case}, {name}", cost, "ms"))
    return rows


@contextmanager
def _maybe_nginx(port: int, directory: Path) -> Iterator[int | None]:
    if not nginx.available():
        print("bench serving: nginx rows skipped, nginx is not installed", file=sys.stderr)
        yield None
        return
    # `solidarity serve` puts its stream process on the next port given; the benchmark reads no stream.
    with nginx.running(port, directory, workers=2) as listeners:
        yield listeners.public_onion
