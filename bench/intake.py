"""Relay intake through the production serving (issue 12, "Measured"): `python -m bench intake`.

The no-JavaScript lane as browsers use it (GET the form, POST a message with the CSRF cookie and
token and the wait token that GET handed out; every check of the view runs), driven by wrk with
bench/intake.lua against `solidarity serve` (gunicorn sync page workers, the stream process and
the embedded job worker) with production settings, on SQLite and on PostgreSQL (a scratch
database created and dropped here), with Redis as the cache (a key prefix of its own, deleted
afterwards). Beside each intake figure, in the same run and the same server: the trivial-response
ceiling (`/healthz` through the page workers) under the same wrk.

Each setup is measured direct (the Host the public onion's nginx listener sets, so the onion's
rules apply: no address limit) and, where nginx is installed, through the shipped nginx
templates' public onion listener. The one setting changed from production is the no-JS wait
(`SOLIDARITY_RELAY_NOJS_WAIT_SECONDS=0`): a person waits 15 s between the GET and the POST, which
would measure the wait. The token is still signed, stamped, checked and spent once; the lanes'
budgets and the flood breaker keep their production values (past the no-JS lane's budget a
message is stored queue-only and screened by the periodic batch, as in production).

After each run the rows are counted in the database: every acknowledged message must be there.
Bounded: wrk runs `--seconds` (default 10, --quick 5) with 16 connections on 127.0.0.1 only.

`python -m bench.intake [--seconds N] [--connections N] [--database sqlite|postgresql|both]
[--no-nginx]` prints the table; `--profile N` profiles N messages in process instead (cProfile,
Django's test client, the same settings) and prints where the time goes.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from bench import nginx
from bench.support import REDIS_URL, ROOT, free_port, redis_prefix, scratch_dir, wait_healthy
from bench.table import Row

WRK = shutil.which("wrk") or "/usr/bin/wrk"
SCRIPT = Path(__file__).with_name("intake.lua")
FORM = "/en/relay/send/"
POSTGRES_ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
TARGET_RATE = 1000.0
TARGET_P99_MS = 200.0


def _fernet_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def production_environment(data_dir: Path, database_url: str, prefix: str) -> dict[str, str]:
    """Production settings (secrets made up for the run), the embedded job worker, Redis as the cache."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("SOLIDARITY_", "DATABASE_URL", "REDIS_URL"))}
    return kept | {
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "solidarity.settings",
        "SOLIDARITY_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SOLIDARITY_FIELD_KEYS": _fernet_key(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SOLIDARITY_ONION_HOST": nginx.PUBLIC_ONION,
        "SOLIDARITY_STAFF_HOSTS": nginx.STAFF_ONION,
        "SOLIDARITY_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "SOLIDARITY_CACHE_PREFIX": prefix,
        "SOLIDARITY_JOBS": "embedded",
        # The one change from production: see the module's docstring.
        "SOLIDARITY_RELAY_NOJS_WAIT_SECONDS": "0",
    }


def _status(port: int, path: str, host: str) -> int:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": host})
        return connection.getresponse().status
    finally:
        connection.close()


@contextlib.contextmanager
def serving(env: dict[str, str], workers: int, log: Path) -> Iterator[int]:
    """`solidarity serve` on a free port until the block ends; yields the page workers' port."""
    port = free_port()
    env = env | {"PORT": str(port), "STREAM_PORT": str(free_port()), "SOLIDARITY_WEB_WORKERS": str(workers)}
    with log.open("w") as output:
        process = subprocess.Popen(  # fixed argument list, no shell
            [sys.executable, "-m", "solidarity.cli", "serve"], env=env, cwd=ROOT, stdout=output, stderr=output
        )
    try:
        try:  # migrations and collectstatic on a loaded machine
            wait_healthy(port, timeout=300, process=process)
        except RuntimeError as failure:
            raise RuntimeError(f"{failure}:\n{log.read_text()[-3000:]}") from failure
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def _wrk(port: int, host: str, path: str, *, connections: int, seconds: int, script: bool) -> str:
    command = [WRK, "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency"]
    command += ["-s", str(SCRIPT)] if script else ["-H", f"Host: {host}"]
    result = subprocess.run(  # fixed argument list, no shell
        [*command, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        timeout=seconds + 90,
        check=True,
        env=os.environ | {"INTAKE_HOST": host, "INTAKE_PATH": path},
    )
    return result.stdout


def ceiling(port: int, host: str, *, connections: int, seconds: int) -> tuple[float, float]:
    """(requests a second, p99 ms) of `/healthz` through the page workers."""
    out = _wrk(port, host, "/healthz", connections=connections, seconds=seconds, script=False)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]  # wrk always prints it
    found = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    return rate, float(found.group(1)) * scale[found.group(2)] if found else float("nan")


def intake(port: int, host: str, *, connections: int, seconds: int) -> dict[str, float]:
    """Drive the no-JS intake for `seconds`; the counts and latencies bench/intake.lua reports."""
    out = _wrk(port, host, FORM, connections=connections, seconds=seconds, script=True)
    line = next((line for line in out.splitlines() if line.startswith("INTAKE ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no intake summary:\n{out}")
    result: dict[str, float] = json.loads(line.removeprefix("INTAKE "))
    return result


def stored_messages(database_url: str) -> int:
    if database_url.startswith("sqlite:///"):
        with contextlib.closing(sqlite3.connect(database_url.removeprefix("sqlite:///"))) as db:
            return int(db.execute("SELECT count(*) FROM relay_message").fetchone()[0])
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as db:
        row = db.execute("SELECT count(*) FROM relay_message").fetchone()
        return int(row[0]) if row else 0


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    """A scratch database on the local PostgreSQL, dropped afterwards."""
    import psycopg

    admin = POSTGRES_ADMIN_URL.replace("postgres://", "postgresql://", 1)
    name = f"bench_intake_{os.getpid()}"
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def measure(
    database: str, database_url: str, data_dir: Path, *, workers: int, connections: int, seconds: int, use_nginx: bool
) -> list[Row]:
    rows: list[Row] = []
    with redis_prefix(database.lower()) as prefix:
        env = production_environment(data_dir, database_url, prefix)
        with serving(env, workers, data_dir / "serve.log") as port:
            ways = [("direct", port)]
            with contextlib.ExitStack() as stack:
                if use_nginx and nginx.available():
                    listeners = stack.enter_context(nginx.running(port, data_dir / "nginx", workers=1))
                    ways.append(("nginx onion listener", listeners.public_onion))
                for way, target in ways:
                    for _ in range(2 * workers):  # every worker imported and connected first
                        _status(target, FORM, nginx.PUBLIC_ONION)
                    before = stored_messages(database_url)
                    rate, ceiling_p99 = ceiling(target, nginx.PUBLIC_ONION, connections=connections, seconds=seconds)
                    load = _load()
                    result = intake(target, nginx.PUBLIC_ONION, connections=connections, seconds=seconds)
                    stored = stored_messages(database_url) - before
                    accepted = result["accepted"]
                    label = f"intake on {database}, serve ({workers} workers), {way}"
                    print(
                        f"{label}: {json.dumps(result)}; stored {stored}; load {load};"
                        f" ceiling {rate:.0f} req/s, p99 {ceiling_p99:.0f} ms",
                        file=sys.stderr,
                    )
                    rows.append(
                        Row(
                            "intake",
                            f"{label}: accepted/s ({accepted:,.0f} accepted, {result['refused']:,.0f} refused,"
                            f" {stored:,} stored; load {load})",
                            accepted / result["seconds"],
                            "msg/s",
                            "ceiling /healthz (req/s)",
                            rate,
                        )
                    )
                    rows.append(
                        Row(
                            "intake",
                            f"{label}: p99 of the intake's requests (GET and POST)",
                            result["p99_ms"],
                            "ms",
                            "ceiling's p99 (ms)",
                            ceiling_p99,
                        )
                    )
                    if stored < accepted or result["other"] or result["unreadable"] or result["socket_errors"]:
                        lines = (data_dir / "serve.log").read_text().splitlines()
                        print("\n".join([line for line in lines if " INFO " not in line][-60:]), file=sys.stderr)
                        rows.append(
                            Row(
                                "intake",
                                f"{label}: PROBLEM (acknowledged but not stored, unexpected answers, socket errors)",
                                accepted - stored,
                                "msgs",
                                f"other {result['other']:.0f}, unreadable {result['unreadable']:.0f},"
                                f" socket errors {result['socket_errors']:.0f}",
                            )
                        )
    return rows


def run(
    *, quick: bool, seconds: int | None = None, connections: int = 16, databases: str = "both", use_nginx: bool = True
) -> list[Row]:
    if not Path(WRK).exists():
        print("bench intake: skipped, wrk is not installed (/usr/bin/wrk)", file=sys.stderr)
        return []
    seconds = seconds or (5 if quick else 10)
    workers = int(os.environ.get("BENCH_WEB_WORKERS", str(max(2, 2 * (os.cpu_count() or 1) + 1))))
    rows: list[Row] = []
    if databases in {"sqlite", "both"}:
        with scratch_dir() as directory:
            data_dir = Path(directory)
            url = f"sqlite:///{data_dir / 'bench.sqlite3'}"
            rows += measure(
                "SQLite", url, data_dir, workers=workers, connections=connections, seconds=seconds, use_nginx=use_nginx
            )
    if databases in {"postgresql", "both"}:
        with scratch_dir() as directory, postgres_database() as url:
            rows += measure(
                "PostgreSQL",
                url,
                Path(directory),
                workers=workers,
                connections=connections,
                seconds=seconds,
                use_nginx=use_nginx,
            )
    return rows


# --- where the time goes, in process ---------------------------------------------------------

PROFILE_CODE = """
import cProfile, logging, pstats, re, sys, time
from urllib.parse import urlencode
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
logging.getLogger("solidarity.requests").setLevel(logging.WARNING)  # its lines would drown the profile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from solidarity.relay.models import Message

HOST = {host!r}
COUNT = {count}
client = Client(enforce_csrf_checks=True, HTTP_HOST=HOST)
def one(index):
    client.cookies.clear()
    page = client.get("/en/relay/send/").content.decode()
    token = re.search(r'name="wait_token" value="([^"]+)"', page).group(1)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urlencode({{"csrfmiddlewaretoken": csrf, "wait_token": token, "consent": "on",
        "text": f"We stand with you, people of Iran. Message {{index}} from the profile."}})
    # Form-encoded, as browsers post this form (the test client's default is multipart).
    response = client.post("/en/relay/send/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302, response.status_code
for index in range(20):
    one(index)
with CaptureQueriesContext(connection) as queries:
    one(999)
print(f"queries for one message (GET and POST): {{len(queries)}}")
for query in queries.captured_queries:
    print("  ", query["sql"][:160])
# This process's CPU time per message without the profiler: on a shared machine the wall clock
# also counts the time other processes held the cores.
cpu = time.process_time()
wall = time.perf_counter()
for index in range(COUNT):
    one(5000 + index)
cpu = time.process_time() - cpu
wall = time.perf_counter() - wall
print(f"unprofiled: {{cpu / COUNT * 1000:.2f}} ms of CPU, {{wall / COUNT * 1000:.2f}} ms a message")
if "--cpu-only" in sys.argv:
    sys.exit(0)
profile = cProfile.Profile()
started = time.perf_counter()
profile.enable()
for index in range(COUNT):
    one(1000 + index)
profile.disable()
elapsed = time.perf_counter() - started
print(f"{{COUNT}} messages in {{elapsed:.2f}} s: {{COUNT / elapsed:.0f}} msg/s in one thread")
print(f"stored: {{Message.objects.count()}}")
stats = pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative")
stats.print_stats(45)
stats.sort_stats("tottime").print_stats(25)
"""


def profile(count: int, database: str, *, cpu_only: bool = False) -> None:
    with scratch_dir() as directory, redis_prefix("profile") as prefix, contextlib.ExitStack() as stack:
        data_dir = Path(directory)
        url = (
            stack.enter_context(postgres_database())
            if database == "postgresql"
            else f"sqlite:///{data_dir / 'bench.sqlite3'}"
        )
        env = production_environment(data_dir, url, prefix)
        code = PROFILE_CODE.format(host=nginx.PUBLIC_ONION, count=count)
        extra = ["--cpu-only"] if cpu_only else []
        subprocess.run([sys.executable, "-c", code, *extra], env=env, cwd=ROOT, check=True, timeout=1800)


def main(argv: list[str] | None = None) -> int:
    from bench.table import render

    parser = argparse.ArgumentParser(prog="python -m bench.intake", description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--no-nginx", action="store_true")
    parser.add_argument("--profile", type=int, metavar="N", help="profile N messages in process instead")
    parser.add_argument("--cpu-only", action="store_true", help="with --profile: only the CPU time a message")
    args = parser.parse_args(argv)
    if args.profile:
        profile(args.profile, "postgresql" if args.database == "postgresql" else "sqlite", cpu_only=args.cpu_only)
        return 0
    print(
        render(
            run(
                quick=False,
                seconds=args.seconds,
                connections=args.connections,
                databases=args.database,
                use_nginx=not args.no_nginx,
            )
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
