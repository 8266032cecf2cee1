"""Relay: screening speed, the daily bundle at 10,000 messages, and intake under a bounded load.

- Screening messages per second on one core (rules, persian-text-guard, fastText language id and
  MinHash), beside fastText language identification alone on the same texts.
- Bundle of 10,000 approved messages (pages, feeds, Persian and English PDF bulletins, manifest):
  time and size with no budget and within the default 5 MB budget, beside zipping the raw texts.
- Intake on SQLite and PostgreSQL (when reachable on 127.0.0.1): accepted submissions per second
  and p99 latency of the no-JavaScript form (GET then POST) from 8 client threads against one
  uvicorn process on 127.0.0.1, beside the same server's trivial-response ceiling; then a flood of
  spam from a few addresses mixed with genuine messages from many (bounded), checking that every
  genuine message is stored and screened and that no answer is a 5xx.
"""

from __future__ import annotations

import http.client
import io
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import zipfile
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

from bench.table import Row

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "solidarity" / "relay" / "data" / "screening_corpus.jsonl"


def _texts(count: int) -> list[str]:
    rows = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(7)
    return [f"{rng.choice(rows)} {i}" for i in range(count)]


def _screening(quick: bool) -> list[Row]:
    from solidarity.relay import dedup, screening

    texts = _texts(2_000 if quick else 10_000)
    screening.screen(texts[0])  # load the model once, outside the timing
    started = time.perf_counter()
    clusterer = dedup.Clusterer()
    for index, text in enumerate(texts):
        verdict = screening.screen(text)
        clusterer.add(str(index), verdict.key)
    full = len(texts) / (time.perf_counter() - started)
    detector = screening.language_detector()
    started = time.perf_counter()
    for text in texts:
        detector.detect(text)
    reference = len(texts) / (time.perf_counter() - started)
    return [
        Row(
            "relay",
            f"screening + MinHash LSH clustering, one core ({len(texts):,} messages)",
            full,
            "msg/s",
            "fastText language id alone",
            reference,
        )
    ]


def _outgoing(count: int) -> list:  # type: ignore[type-arg]  # OutgoingMessage, imported lazily
    from solidarity.relay.channels import OutgoingMessage, OutgoingTranslation
    from solidarity.relay.phrases import BODIES, FROM, OPENERS, PLACES, WEIGHTS, compose

    rng = random.Random(11)
    languages = list(WEIGHTS)
    weights = [WEIGHTS[code] for code in languages]
    start = datetime(2026, 3, 1, tzinfo=UTC)
    out = []
    for index in range(count):
        language = rng.choices(languages, weights)[0]
        city = rng.choice(PLACES[language])[1]
        meaning = (rng.choice(list(OPENERS)), tuple(rng.sample(list(BODIES), k=2)), city, index)
        translations: tuple[OutgoingTranslation, ...] = ()
        if index % 10 == 0 and language != "fa":
            translations = (OutgoingTranslation("fa", compose("fa", meaning), False),)
        out.append(
            OutgoingMessage(
                id=f"{index:08x}",
                language=language,
                text=compose(language, meaning),
                display_name="",
                country="",
                city=FROM[language].format(city=city),
                published_at=start + timedelta(seconds=index),
                senders=1 + index % 4,
                translations=translations,
            )
        )
    return out


def _bundle(quick: bool) -> list[Row]:
    from solidarity.relay.channels import OutgoingMessage, bulletin, bundle

    count = 2_000 if quick else 10_000
    messages = _outgoing(count)

    def render(selected: Sequence[OutgoingMessage], language: str, day: str) -> bytes:
        return bulletin.bulletin_pdf(selected, language=language, day=day)

    rows = []
    for label, budget in (("no budget", 200 * 1024 * 1024), ("default 5 MB budget", bundle.DEFAULT_BUDGET_BYTES)):
        spec = bundle.BundleSpec(day=date(2026, 3, 2), fingerprint="bench", budget_bytes=budget)
        started = time.perf_counter()
        built = bundle.build_bundle(messages, spec, render_pdf=render)
        seconds = time.perf_counter() - started
        again = bundle.build_bundle(messages, spec, render_pdf=render)
        same = "identical bytes twice" if again.data == built.data else "BYTES DIFFER"
        rows.append(
            Row(
                "relay",
                f"bundle of {count:,} approved messages, {label}: {len(built.message_ids):,} included, {same}",
                seconds,
                "s",
                "size (MB)",
                len(built.data) / 1e6,
            )
        )
    started = time.perf_counter()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("texts.txt", "\n".join(m.text for m in messages))
    rows.append(
        Row(
            "relay",
            "reference: zip the raw texts of the same messages",
            time.perf_counter() - started,
            "s",
            "size (MB)",
            len(buffer.getvalue()) / 1e6,
        )
    )
    return rows


# --- intake over HTTP ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Client:
    """One keep-alive connection with its own cookies, posting the no-JS form."""

    def __init__(self, port: int, address: str) -> None:
        self.port = port
        self.address = address  # sent as a header only for the log; the server keys on REMOTE_ADDR
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str]:
        headers = {"Host": "127.0.0.1", "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                payload = response.read().decode("utf-8", "replace")
                break
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                if attempt:
                    return 599, ""
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, payload

    def submit(self, text: str) -> tuple[int, float]:
        status, page = self.request("GET", "/en/relay/send/")
        if status != 200:
            return status, 0.0
        token = re.search(r'name="wait_token" value="([^"]+)"', page)
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if token is None or csrf is None:
            return 598, 0.0
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": csrf.group(1), "wait_token": token.group(1), "consent": "on", "text": text}
        )
        started = time.perf_counter()
        status, _ = self.request("POST", "/en/relay/send/", body)
        return status, time.perf_counter() - started


def _run_threads(jobs: list[Callable[[], None]], threads: int) -> None:
    lock = threading.Lock()
    queue = list(reversed(jobs))

    def worker() -> None:
        while True:
            with lock:
                if not queue:
                    return
                job = queue.pop()
            job()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()


def _serve(data_dir: Path, database_url: str) -> tuple[subprocess.Popen[bytes], int, dict[str, str]]:
    port = _free_port()
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "solidarity.settings",
        "SOLIDARITY_ENV": "test",
        "SOLIDARITY_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        "SOLIDARITY_JOBS": "embedded",
        "SOLIDARITY_RELAY_NOJS_WAIT_SECONDS": "0",
        # The per-address limit is what protects the form; all load comes from 127.0.0.1 here, so
        # the limit is raised for this throughput measurement (the flood below keeps it).
        "SOLIDARITY_RELAY_NOJS_PER_HOUR": "100000000",
        "SOLIDARITY_RELAY_BREAKER_PER_MINUTE": "1000000",
    }
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=environment, check=True)
    server = subprocess.Popen(  # fixed argument list
        [
            sys.executable,
            "-m",
            "uvicorn",
            "solidarity.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=(data_dir / "uvicorn.log").open("w"),
    )
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return server, port, environment


def _intake(quick: bool, database: str, database_url: str, data_dir: Path) -> list[Row]:
    server, port, _environment = _serve(data_dir, database_url)
    rows: list[Row] = []
    try:
        # Trivial-response ceiling: the cheapest answer this server gives (a language-neutral 404).
        ceiling_count = 300 if quick else 1_000
        clients = [_Client(port, f"ceiling-{i}") for i in range(8)]
        started = time.perf_counter()

        def trivial(client: _Client) -> None:
            client.request("GET", "/relay/feeds/xx.json")

        _run_threads([partial(trivial, clients[i % 8]) for i in range(ceiling_count)], 8)
        ceiling = ceiling_count / (time.perf_counter() - started)

        count = 200 if quick else 1_000
        latencies: list[float] = []
        statuses: list[int] = []
        lock = threading.Lock()
        texts = [f"We stand with you, people of Iran. Message {i} from the bench." for i in range(count)]

        def one(client: _Client, text: str) -> None:
            status, seconds = client.submit(text)
            with lock:
                statuses.append(status)
                latencies.append(seconds)

        started = time.perf_counter()
        _run_threads([partial(one, clients[i % 8], texts[i]) for i in range(count)], 8)
        seconds = time.perf_counter() - started
        accepted = statuses.count(302)
        latencies.sort()
        rows.append(
            Row(
                "relay",
                f"intake on {database}: accepted no-JS submissions (GET+POST) from 8 threads, {accepted:,}/{count:,}",
                accepted / seconds,
                "msg/s",
                "trivial-response ceiling (req/s)",
                ceiling,
            )
        )
        rows.append(
            Row(
                "relay",
                f"intake on {database}: p99 latency of the POST",
                latencies[int(len(latencies) * 0.99) - 1] * 1000,
                "ms",
                "median",
                statistics.median(latencies) * 1000,
            )
        )
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return rows


def _flood(quick: bool) -> list[Row]:
    """Spam from a few addresses mixed with genuine messages from many, through the real view."""
    from django.test import Client

    from solidarity.relay import services
    from solidarity.relay.models import Message

    spam_count, genuine_count = (2_000, 100) if quick else (20_000, 1_000)
    os.environ["SOLIDARITY_RELAY_NOJS_WAIT_SECONDS"] = "0"
    os.environ["SOLIDARITY_RELAY_NOJS_PER_HOUR"] = "5"
    rng = random.Random(5)
    plan = ["spam"] * spam_count + ["genuine"] * genuine_count
    rng.shuffle(plan)
    spam_clients = [Client(REMOTE_ADDR=f"198.51.100.{i}") for i in range(1, 21)]
    token_page = Client().get("/en/relay/send/").content.decode()
    pattern = re.compile(r'name="wait_token" value="([^"]+)"')
    assert pattern.search(token_page)
    statuses: dict[int, int] = {}
    started = time.perf_counter()
    worst = 0.0
    genuine_sent = 0
    from solidarity.relay import pow

    for index, kind in enumerate(plan):
        token = pow.issue_wait_token()
        if kind == "spam":
            client = spam_clients[index % len(spam_clients)]
            text = "Hot girls in Tehran want to meet you tonight, telegram @hotgirls " + "!" * (index % 5)
        else:
            client = Client(REMOTE_ADDR=f"10.{genuine_sent // 250}.{genuine_sent % 250}.1")
            text = f"We stand with you, people of Iran. Genuine message number {genuine_sent} from the flood test."
            genuine_sent += 1
        begin = time.perf_counter()
        response = client.post("/en/relay/send/", {"text": text, "consent": "on", "wait_token": token})
        worst = max(worst, time.perf_counter() - begin)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    seconds = time.perf_counter() - started
    services.screen_pending(limit=100_000)
    genuine = Message.objects.filter(text__contains="Genuine message number")
    stored = genuine.count()
    screened = genuine.exclude(status=Message.Status.RECEIVED).count()
    server_errors = sum(n for code, n in statuses.items() if code >= 500)
    return [
        Row(
            "relay",
            f"flood: {spam_count:,} spam + {genuine_count:,} genuine; genuine stored and screened",
            screened,
            "msgs",
            f"sent ({stored:,} stored; 5xx answers: {server_errors})",
            genuine_count,
        ),
        Row(
            "relay",
            "flood: requests answered per second (in-process test client)",
            len(plan) / seconds,
            "req/s",
            "slowest answer (ms)",
            worst * 1000,
        ),
    ]


def _postgres_url() -> str | None:
    try:
        import psycopg
    except ImportError:
        return None
    try:
        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=2, autocommit=True) as db:
            db.execute("DROP DATABASE IF EXISTS bench_relay")
            db.execute("CREATE DATABASE bench_relay")
    except Exception:  # no server, no rights: the PostgreSQL figure is simply left out
        return None
    return "postgres://postgres@127.0.0.1:5432/bench_relay"


def run(*, quick: bool) -> list[Row]:
    rows = _screening(quick)
    rows += _bundle(quick)
    with tempfile.TemporaryDirectory(prefix="solidarity-bench-relay-") as directory:
        data_dir = Path(directory)
        sqlite_url = f"sqlite:///{data_dir / 'bench.sqlite3'}"
        rows += _intake(quick, "SQLite", sqlite_url, data_dir)
        postgres = _postgres_url()
        if postgres:
            rows += _intake(quick, "PostgreSQL", postgres, data_dir)
        os.environ.update(
            {
                "DJANGO_SETTINGS_MODULE": "solidarity.settings",
                "SOLIDARITY_ENV": "test",
                "SOLIDARITY_DATA_DIR": str(data_dir),
                "DATABASE_URL": sqlite_url,
                "SOLIDARITY_JOBS": "embedded",
            }
        )
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        rows += _flood(quick)
    return rows
