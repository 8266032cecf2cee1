"""Relay: screening speed, the daily bundle at 10,000 messages, and intake under a bounded load.

- Screening messages per second of CPU time on one core (rules, persian-text-guard, fastText
  language id, the advertising classifier), beside fastText language identification alone on the
  same texts; and with MinHash LSH clustering, beside the clustering alone.
- Bundle of 10,000 approved messages (pages, feeds, Persian and English PDF bulletins, manifest):
  time and size with no budget and within the default 5 MB budget, beside zipping the raw texts.
- Intake on SQLite and PostgreSQL (when reachable on 127.0.0.1): accepted submissions per second
  and p99 latency of the no-JavaScript form (GET then POST) from 8 client threads against one
  uvicorn process on 127.0.0.1, beside the same server's trivial-response ceiling; then a flood of
  spam from a few addresses mixed with genuine messages from many (bounded), checking that every
  genuine message is stored and screened and that no answer is a 5xx.
"""

from __future__ import annotations

import base64
import http.client
import io
import json
import os
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, cast

from bench.table import Row

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "evaluation" / "relay" / "screening_corpus.jsonl"


def _texts(count: int) -> list[str]:
    rows = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(7)
    return [f"{rng.choice(rows)} {i}" for i in range(count)]


def _per_cpu_second(work: Callable[[], None], count: int) -> float:
    """Return items per second of this process's CPU time (one core: the loop is single-threaded).

    CPU time rather than wall time: on a shared machine the wall clock also counts the time other
    processes held the core, which made this row swing from 414 to 1,367 msg/s between runs.
    """
    started = time.process_time()
    work()
    return count / (time.process_time() - started)


def _screening(quick: bool) -> list[Row]:
    from solidarity.core.text import normalize_for_display
    from solidarity.relay import classifier, dedup, screening

    texts = _texts(2_000 if quick else 10_000)
    screening.screen(texts[0])  # load the models once, outside the timing
    detector = screening.language_detector()
    keys = [screening.matching_key(text) for text in texts]

    def screen_all() -> None:
        for text in texts:
            screening.screen(text)

    def screen_and_cluster() -> None:
        clusterer = dedup.Clusterer()
        for index, text in enumerate(texts):
            clusterer.add(str(index), screening.screen(text).key)

    def cluster_only() -> None:
        clusterer = dedup.Clusterer()
        for index, key in enumerate(keys):
            clusterer.add(str(index), key)

    def detect_all() -> None:
        for text in texts:
            detector.detect(text)

    profanity = screening._rules().profanity  # the check screening makes, on the text screening gives it
    normalized = [normalize_for_display(text) for text in texts]
    for text in normalized[:200]:
        profanity.contains(text)  # build its patterns once, outside the timing

    def profanity_only() -> None:
        for text in normalized:
            profanity.contains(text)

    def library_scan() -> None:
        for text in normalized:
            profanity.filter.contains_profanity(text)

    count = len(texts)
    alone = _per_cpu_second(screen_all, count)
    reference = _per_cpu_second(detect_all, count)
    together = _per_cpu_second(screen_and_cluster, count)
    clustering = _per_cpu_second(cluster_only, count)
    scan = _per_cpu_second(profanity_only, count)
    library = _per_cpu_second(library_scan, count)
    model = "rules + advertising classifier" if classifier.shipped_model() else "rules only (no model file)"
    return [
        Row(
            "relay",
            f"screening ({model}, profanity, language id), one core, CPU time ({count:,} messages)",
            alone,
            "msg/s",
            "fastText language id alone",
            reference,
        ),
        Row(
            "relay",
            f"profanity check alone, as screening makes it ({alone / scan:.0%} of screening's CPU time), one core",
            scan,
            "msg/s",
            "persian-text-guard's contains_profanity, same texts and answers",
            library,
        ),
        Row(
            "relay",
            f"screening + MinHash LSH clustering, one core, CPU time ({count:,} messages)",
            together,
            "msg/s",
            "MinHash LSH clustering alone",
            clustering,
        ),
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

    def __init__(self, port: int, address: str, *, bind: str | None = None) -> None:
        self.port = port
        self.address = address  # a label; with `bind`, the loopback address the server sees
        self.source = (bind, 0) if bind else None
        self.connection = self._connect()
        self.cookies: dict[str, str] = {}
        self.requests = 0

    def _connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=30, source_address=self.source)

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str]:
        headers = {"Host": "127.0.0.1", "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.requests += 1
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                payload = response.read().decode("utf-8", "replace")
                break
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = self._connect()
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


def _server_environment(data_dir: Path, database_url: str) -> dict[str, str]:
    """The environment of a benchmark server: test settings, its own data folder, the embedded queue."""
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "solidarity.settings",
        "SOLIDARITY_ENV": "test",
        "SOLIDARITY_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        "SOLIDARITY_JOBS": "embedded",
    }


def _serve(data_dir: Path, database_url: str) -> tuple[subprocess.Popen[bytes], int, dict[str, str]]:
    port = _free_port()
    environment = {
        **_server_environment(data_dir, database_url),
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
        # One connection per client thread: an HTTPConnection must never be shared between threads.
        local = threading.local()

        def mine() -> _Client:
            if not hasattr(local, "client"):
                local.client = _Client(port, f"thread-{threading.get_ident()}")
            return cast(_Client, local.client)

        started = time.perf_counter()

        def trivial() -> None:
            mine().request("GET", "/relay/feeds/xx.json")

        _run_threads([trivial for _ in range(ceiling_count)], 8)
        ceiling = ceiling_count / (time.perf_counter() - started)

        count = 200 if quick else 1_000
        latencies: list[float] = []
        statuses: list[int] = []
        lock = threading.Lock()
        texts = [f"We stand with you, people of Iran. Message {i} from the bench." for i in range(count)]

        def one(text: str) -> None:
            status, seconds = mine().submit(text)
            with lock:
                statuses.append(status)
                latencies.append(seconds)

        started = time.perf_counter()
        _run_threads([partial(one, texts[i]) for i in range(count)], 8)
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


@dataclass
class FloodResult:
    """What a bounded flood over 127.0.0.1 did, counted by the client and read back from the database."""

    spam_sent: int
    genuine_sent: int
    seconds: float
    statuses: dict[int, int] = field(default_factory=dict)  # the answers to the POSTs
    requests: int = 0  # every request, GETs included
    genuine_accepted: int = 0  # answers 302 (acknowledged) to genuine submissions
    genuine_stored: int = 0  # distinct genuine texts in the database
    genuine_rows: int = 0  # rows holding a genuine text (more than genuine_stored would be a duplicate)
    genuine_screened: int = 0
    spam_stored: int = 0
    left_unscreened: int = 0
    probe_answers: int = 0
    probe_failures: int = 0
    probe_slowest: float = 0.0
    breaker_tripped: bool = False
    address_leaks: int = 0  # client addresses found in the database files or the server's log
    screening_seconds: float = 0.0

    @property
    def server_errors(self) -> int:
        return sum(count for code, count in self.statuses.items() if code >= 500)

    @property
    def nothing_lost(self) -> bool:
        return (
            self.genuine_accepted == self.genuine_sent
            and self.genuine_stored == self.genuine_rows == self.genuine_sent
            and self.genuine_screened == self.genuine_sent
            and self.left_unscreened == 0
        )


def _serve_with_worker(data_dir: Path, database_url: str, extra: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    """Start uvicorn on 127.0.0.1 with the embedded job worker, as `solidarity run` serves."""
    port = _free_port()
    environment = {**_server_environment(data_dir, database_url), **extra}
    environment.pop("REDIS_URL", None)  # one process: its own cache, nothing shared with other runs
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=environment, check=True)
    log = (data_dir / "flood-server.log").open("w")
    program = (
        "import django, uvicorn\n"
        "django.setup()\n"
        "from solidarity.core import jobs\n"
        "jobs.start_embedded_worker()\n"
        f"uvicorn.run('solidarity.asgi:application', host='127.0.0.1', port={port}, access_log=False,"
        " server_header=False, proxy_headers=False, log_level='warning', lifespan='off')\n"
    )
    server = subprocess.Popen(  # fixed argument list, no shell
        [sys.executable, "-c", program],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    log.close()  # the child holds its own descriptor
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(f"the flood server exited; see {data_dir / 'flood-server.log'}") from None
            time.sleep(0.1)
    return server, port


def _database_counts(database: Path, marker: str, spam_marker: str) -> dict[str, int]:
    """Read the outcome straight from the SQLite file (no Django needed in the caller)."""
    with sqlite3.connect(database, timeout=30) as db:
        row = db.execute(
            "SELECT COUNT(DISTINCT CASE WHEN text LIKE ? THEN text END),"
            " SUM(CASE WHEN text LIKE ? THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN text LIKE ? AND status != 'received' THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN text LIKE ? THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN status = 'received' THEN 1 ELSE 0 END)"
            " FROM relay_message",
            (f"%{marker}%", f"%{marker}%", f"%{marker}%", f"%{spam_marker}%"),
        ).fetchone()
    names = ("genuine_stored", "genuine_rows", "genuine_screened", "spam_stored", "left_unscreened")
    return {name: int(value or 0) for name, value in zip(names, row, strict=True)}


def flood(*, spam: int, genuine: int, data_dir: Path, threads: int = 8, time_limit: float = 3600.0) -> FloodResult:
    """Flood the real server on 127.0.0.1 with spam mixed with genuine messages, bounded in count and time.

    Spam comes from 20 loopback addresses (127.0.1.x), each genuine message from its own
    (127.2.x.y); the whole 127.0.0.0/8 block is loopback on Linux, so the server's per-address rate
    limit sees them as different people. Genuine senders alternate between the no-JavaScript lane
    and the ALTCHA lane; spammers use the no-JS lane and keep posting after their 429. A probe asks
    for the form and the challenge twice a second throughout. Afterwards the embedded worker is
    given time to screen, and the outcome is read from the database file.
    """
    database = data_dir / "flood.sqlite3"
    marker, spam_marker = "Genuine flood message", "Hot girls in Tehran"
    server, port = _serve_with_worker(
        data_dir,
        f"sqlite:///{database}",
        {
            # People take longer than any wait to write; here the client posts at once.
            "SOLIDARITY_RELAY_NOJS_WAIT_SECONDS": "0",
            "SOLIDARITY_RELAY_NOJS_PER_HOUR": "5",
            "SOLIDARITY_RELAY_PER_HOUR": "20",
            # Small proofs of work so the client's CPU is not what is measured; a low breaker
            # threshold so the flood trips it.
            "SOLIDARITY_RELAY_POW_MAX": "1000",
            "SOLIDARITY_RELAY_POW_MAX_UNDER_LOAD": "10000",
            "SOLIDARITY_RELAY_BREAKER_PER_MINUTE": "100",
        },
    )
    rng = random.Random(5)
    plan: list[tuple[str, int]] = [("spam", i) for i in range(spam)] + [("genuine", i) for i in range(genuine)]
    rng.shuffle(plan)
    result = FloodResult(spam_sent=0, genuine_sent=0, seconds=0.0)
    lock = threading.Lock()
    local = threading.local()
    deadline = time.monotonic() + time_limit
    done = threading.Event()
    base_pow = 1000
    opened: list[_Client] = []

    def count(status: int) -> None:
        with lock:
            result.statuses[status] = result.statuses.get(status, 0) + 1

    def send_spam(index: int) -> None:
        clients: dict[str, tuple[_Client, dict[str, str]]] = local.__dict__.setdefault("spam", {})
        address = f"127.0.1.{1 + index % 20}"
        if address not in clients:
            clients[address] = (_Client(port, address, bind=address), {})
            with lock:
                opened.append(clients[address][0])
        client, state = clients[address]
        fetched = state.get("refused") != "yes"
        if fetched:  # until refused, a bot fetches a fresh form each time
            status, page = client.request("GET", "/en/relay/send/")
            found = _form_fields(page)
            if status != 200 or found is None:
                count(status if status != 200 else 598)
                with lock:
                    result.spam_sent += 1
                    result.requests += 1
                return
            state.update(found)
        text = f"{spam_marker} want to meet you tonight, telegram @hotgirls {'!' * (index % 5)}"
        status, _ = client.request(
            "POST",
            "/en/relay/send/",
            urllib.parse.urlencode(
                {"csrfmiddlewaretoken": state["csrf"], "wait_token": state["token"], "consent": "on", "text": text}
            ),
        )
        if status == 429:
            state["refused"] = "yes"
        count(status)
        with lock:
            result.spam_sent += 1
            result.requests += 1 + fetched

    def send_genuine(index: int) -> None:
        address = f"127.2.{index // 250}.{1 + index % 250}"
        client = _Client(port, address, bind=address)
        text = f"We stand with you, people of Iran. {marker} {index}, sent from far away."
        with lock:
            result.genuine_sent += 1  # counted as sent whatever happens next, so a failure shows as a loss
        try:
            status, page = client.request("GET", "/en/relay/send/")
            found = _form_fields(page)
            if status != 200 or found is None:
                count(status if status != 200 else 598)
                return
            fields = {"csrfmiddlewaretoken": found["csrf"], "consent": "on", "text": text}
            if index % 2:
                status, challenge = client.request("GET", "/relay/pow.json")
                fields["altcha"] = pow_solve(json.loads(challenge)) if status == 200 else ""
            else:
                fields["wait_token"] = found["token"]
            status, _ = client.request("POST", "/en/relay/send/", urllib.parse.urlencode(fields))
            count(status)
            with lock:
                result.genuine_accepted += status == 302
        finally:
            client.connection.close()
            with lock:
                result.requests += client.requests

    def probe() -> None:
        client = _Client(port, "probe", bind="127.0.0.250")
        opened.append(client)
        while not done.wait(0.5):
            started = time.perf_counter()
            form_status, _ = client.request("GET", "/en/relay/send/")
            challenge_status, body = client.request("GET", "/relay/pow.json")
            seconds = time.perf_counter() - started
            with lock:
                result.probe_answers += 1
                result.probe_failures += form_status != 200 or challenge_status != 200
                result.probe_slowest = max(result.probe_slowest, seconds)
                if challenge_status == 200 and json.loads(body)["maxnumber"] > base_pow:
                    result.breaker_tripped = True

    def job(kind: str, index: int) -> None:
        if time.monotonic() > deadline:
            return
        (send_spam if kind == "spam" else send_genuine)(index)

    prober = threading.Thread(target=probe, daemon=True)
    try:
        prober.start()
        started = time.perf_counter()
        _run_threads([partial(job, kind, index) for kind, index in plan], threads)
        result.seconds = time.perf_counter() - started
        done.set()
        prober.join()
        waiting = time.perf_counter()
        # The embedded worker screens as messages arrive; give it a bounded time to finish.
        while time.perf_counter() - waiting < 300:
            counts = _database_counts(database, marker, spam_marker)
            if counts["left_unscreened"] == 0:
                break
            time.sleep(1)
        result.screening_seconds = time.perf_counter() - waiting
    finally:
        done.set()
        for client in opened:
            client.connection.close()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    for name, value in _database_counts(database, marker, spam_marker).items():
        setattr(result, name, value)
    # No client address may be kept anywhere: the database (and its journal) and the server's log.
    for path in sorted(data_dir.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            result.address_leaks += content.count(b"127.0.1.") + content.count(b"127.2.")
    return result


def pow_solve(challenge: dict[str, Any]) -> str:
    """Solve an ALTCHA challenge as the browser script does."""
    from altcha.v1 import solve_challenge

    solution = solve_challenge(challenge["challenge"], challenge["salt"], "SHA-256", challenge["maxnumber"])
    if solution is None:
        return ""
    keys = ("algorithm", "challenge", "salt", "signature")
    payload = {**{key: challenge[key] for key in keys}, "number": solution.number}
    return base64.b64encode(json.dumps(payload).encode()).decode()


def _form_fields(page: str) -> dict[str, str] | None:
    token = re.search(r'name="wait_token" value="([^"]+)"', page)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if token is None or csrf is None:
        return None
    return {"token": token.group(1), "csrf": csrf.group(1)}


def _flood(quick: bool, data_dir: Path) -> list[Row]:
    spam_count, genuine_count = (5_000, 100) if quick else (100_000, 1_000)
    result = flood(spam=spam_count, genuine=genuine_count, data_dir=data_dir)
    codes = ", ".join(f"{code}: {n:,}" for code, n in sorted(result.statuses.items()))
    return [
        Row(
            "relay",
            f"flood on 127.0.0.1: {result.spam_sent:,} spam + {result.genuine_sent:,} genuine"
            f" ({codes}); genuine stored once and screened, {'none' if result.nothing_lost else 'SOME'} lost",
            result.genuine_screened,
            "msgs",
            f"genuine sent (5xx: {result.server_errors}; spam stored: {result.spam_stored};"
            f" addresses kept: {result.address_leaks})",
            result.genuine_sent,
        ),
        Row(
            "relay",
            "flood on 127.0.0.1: requests answered per second, 8 client threads",
            result.requests / result.seconds,
            "req/s",
            f"flood lasted (s); breaker {'tripped' if result.breaker_tripped else 'NOT tripped'}",
            result.seconds,
        ),
        Row(
            "relay",
            f"flood on 127.0.0.1: slowest probe (form + challenge) of {result.probe_answers:,},"
            f" {result.probe_failures} failed",
            result.probe_slowest * 1000,
            "ms",
            "screening backlog cleared after the flood (s)",
            result.screening_seconds,
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
        flood_dir = data_dir / "flood"
        flood_dir.mkdir()
        rows += _flood(quick, flood_dir)
    return rows


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.relay flood [--spam N] [--genuine N]`: only the flood, at the issue's size by default.

    `python -m bench.relay screening [--quick]`: only the screening rows (what `python -m bench relay`
    prints first), to compare two versions of screening in one sitting without the server parts.
    """
    import argparse

    from bench.table import render

    parser = argparse.ArgumentParser(prog="python -m bench.relay")
    parser.add_argument("part", choices=["flood", "screening"])
    parser.add_argument("--spam", type=int, default=100_000)
    parser.add_argument("--genuine", type=int, default=1_000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--quick", action="store_true", help="screening: 2,000 messages instead of 10,000")
    args = parser.parse_args(argv)
    if args.part == "screening":
        print(render(_screening(args.quick)))
        return 0
    with tempfile.TemporaryDirectory(prefix="solidarity-bench-flood-") as directory:
        result = flood(spam=args.spam, genuine=args.genuine, data_dir=Path(directory), threads=args.threads)
        if result.server_errors:
            print((Path(directory) / "flood-server.log").read_text()[-6000:], file=sys.stderr)
    print(json.dumps({**result.__dict__, "server_errors": result.server_errors, "nothing_lost": result.nothing_lost}))
    passed = result.nothing_lost and not (result.server_errors or result.probe_failures or result.address_leaks)
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
