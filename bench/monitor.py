# Synthetic page templates read best one per line, however long.
# ruff: noqa: E501
"""Protest monitor: documents per second per core through ingestion and extraction, beside
trafilatura's extraction alone on the same documents in the same run; peak memory; dashboard
query time at scale on SQLite (and PostgreSQL when one answers on 127.0.0.1).

Each measurement runs in a fresh process (one core), so its peak memory is its own: the
process's high-water resident size minus its size just before the measured work.
Documents are synthetic HTML pages (English and Persian, with navigation, ads and footers).
"""

from __future__ import annotations

import datetime
import multiprocessing
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.table import Row

BENCH = "monitor"
CITIES = [("Ahvaz", "اهواز"), ("Isfahan", "اصفهان"), ("Tehran", "تهران"), ("Sanandaj", "سنندج"), ("Tabriz", "تبریز"),
          ("Shiraz", "شیراز"), ("Rasht", "رشت"), ("Kerman", "کرمان"), ("Mashhad", "مشهد"), ("Arak", "اراک")]  # fmt: skip
GROUPS = [("teachers", "معلمان"), ("retirees", "بازنشستگان"), ("nurses", "پرستاران"), ("workers", "کارگران")]
LIMIT_SECONDS = 1800


def documents(count: int, seed: int = 7) -> list[tuple[str, datetime.date]]:
    """Return `count` synthetic news pages with boilerplate, and their publication dates."""
    rng = random.Random(seed)
    pages = []
    for number in range(count):
        city_en, city_fa = rng.choice(CITIES)
        group_en, group_fa = rng.choice(GROUPS)
        day = datetime.date(2024, 9, 1) + datetime.timedelta(days=rng.randrange(180))
        if rng.random() < 0.5:
            title = f"{group_en.capitalize()} protest in {city_en} ({number})"
            body = (
                f"<p>Hundreds of {group_en} gathered outside the governor's office in {city_en} on {day.day} "
                f"{day.strftime('%B')}, demanding unpaid wages. Police dispersed the crowd and detained {rng.randrange(2, 9)} people.</p>"
                f"<p>The protesters said they had not been paid for {rng.randrange(2, 7)} months; report {number}.</p>"
            )
        else:
            title = f"تجمع {group_fa} در {city_fa} ({number})"
            body = (
                f"<p>صدها تن از {group_fa} دیروز مقابل استانداری در {city_fa} تجمع کردند و خواستار پرداخت حقوق معوقه شدند.</p>"
                f"<p>به گفته شاهدان، ماموران {rng.randrange(2, 9)} نفر را بازداشت کردند. گزارش {number}.</p>"
            )
        html = (
            f"<html><head><title>{title}</title><meta property='article:published_time' content='{day.isoformat()}'></head>"
            "<body><nav><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/about'>About</a></nav>"
            "<aside class='ad'>Advertisement: subscribe today for unlimited access</aside>"
            f"<article><h1>{title}</h1>{body}</article>"
            "<footer>© Invented Outlet. All rights reserved. Contact | Privacy</footer></body></html>"
        )
        pages.append((html, day))
    return pages


def _rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM"):
                return int(line.split()[1]) / 1024
    return 0.0


def _current_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def _setup_django(data_dir: Path, database_url: str | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solidarity.settings")
    os.environ["SOLIDARITY_ENV"] = "test"
    os.environ["SOLIDARITY_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{data_dir / 'bench.sqlite3'}"
    os.environ["SOLIDARITY_JOBS"] = "immediate"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _trafilatura_alone(count: int, queue: Any) -> None:
    import trafilatura

    pages = documents(count)
    trafilatura.bare_extraction(pages[0][0], with_metadata=True)  # warm the import and caches
    before = _current_mib()
    started = time.process_time()
    for html, _day in pages:
        trafilatura.bare_extraction(html, with_metadata=True)
    queue.put((count / (time.process_time() - started), _rss_mib() - before))


def _pipeline(count: int, queue: Any) -> None:
    from solidarity.monitor.pipeline.extract import extract
    from solidarity.monitor.pipeline.places import default_gazetteer
    from solidarity.monitor.pipeline.records import DocumentInput
    from solidarity.monitor.sources.readers import RawDocument, read_html

    pages = documents(count)
    default_gazetteer()
    read_html(pages[0][0], "warm.html")
    before = _current_mib()
    started = time.process_time()
    events = 0
    for number, (html, day) in enumerate(pages):
        raw = read_html(html, f"{number}.html")
        if isinstance(raw, RawDocument):
            events += len(extract(DocumentInput(text=raw.text, title=raw.title, published=raw.published or day)).events)
    queue.put((count / (time.process_time() - started), _rss_mib() - before, events))


def _ingest(count: int, queue: Any) -> None:
    with tempfile.TemporaryDirectory(prefix="solidarity-bench-monitor-") as directory:
        _setup_django(Path(directory))
        from solidarity.monitor import services
        from solidarity.monitor.models import Event
        from solidarity.monitor.pipeline.places import default_gazetteer
        from solidarity.monitor.sources.readers import RawDocument, read_html

        pages = documents(count)
        default_gazetteer()
        source = services.register_source(name="Bench outlet")
        before = _current_mib()
        started_wall, started = time.perf_counter(), time.process_time()
        for number, (html, _day) in enumerate(pages):
            raw = read_html(html, f"{number}.html")
            if isinstance(raw, RawDocument):
                services.ingest_document(raw=raw, source=source)
        cpu = time.process_time() - started
        wall = time.perf_counter() - started_wall
        queue.put((count / cpu, count / wall, _rss_mib() - before, Event.objects.count()))


def _dashboard(events: int, database_url: str | None, queue: Any) -> None:
    with tempfile.TemporaryDirectory(prefix="solidarity-bench-monitor-db-") as directory:
        _setup_django(Path(directory), database_url)
        from solidarity.monitor import selectors
        from solidarity.monitor.models import Event
        from solidarity.monitor.pipeline.places import default_gazetteer

        places = [p for p in default_gazetteer().places_by_id.values() if p.population > 50_000]
        rng = random.Random(3)
        Event.objects.all().delete()
        kinds = [
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
            "Violent demonstration",
        ]
        sectors = ["workers", "teachers", "retirees", "nurses", "farmers", "truckers", "bazaar", "students"]
        batch: list[Event] = []
        for _ in range(events):
            place = rng.choice(places)
            batch.append(
                Event(
                    sub_event_type=rng.choice(kinds), event_date=datetime.date(2018, 1, 1) + datetime.timedelta(days=rng.randrange(2900)),
                    city=place.name, geonameid=place.geonameid, province_iso=place.province_iso, latitude=place.latitude,
                    longitude=place.longitude, sector=rng.choice(sectors), independent_sources=rng.choice([1, 1, 2, 3]),
                )
            )  # fmt: skip
            if len(batch) == 20_000:
                Event.objects.bulk_create(batch)
                batch = []
        Event.objects.bulk_create(batch)
        timings = {}
        for name, filters, jalali in [
            ("all events, Gregorian months", selectors.EventFilters(), False),
            ("all events, Solar Hijri months", selectors.EventFilters(), True),
            ("one province, one sector", selectors.EventFilters(province="IR-06", sector="teachers"), False),
        ]:
            selectors.dashboard(filters, jalali=jalali)  # warm caches
            started = time.perf_counter()
            selectors.dashboard(filters, jalali=jalali)
            timings[name] = time.perf_counter() - started
        selectors.cached_dashboard(selectors.EventFilters(), jalali=False)  # fills the cache
        started = time.perf_counter()
        selectors.cached_dashboard(selectors.EventFilters(), jalali=False)
        timings["repeat view (cached; checks the data version)"] = time.perf_counter() - started
        queue.put(timings)


def _child(target: Any, *args: Any) -> Any:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    process.join(LIMIT_SECONDS)
    if process.is_alive():
        process.kill()
        return None
    return queue.get(timeout=5) if not queue.empty() else None


def _postgres_url() -> str | None:
    try:
        import psycopg

        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=3, autocommit=True
        ) as connection:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = 'bench_monitor'").fetchone()
            if not exists:
                connection.execute("CREATE DATABASE bench_monitor")
    except Exception:
        return None
    return "postgres://postgres@127.0.0.1:5432/bench_monitor"


PAIRS = 3  # the reference and the pipeline, measured alternately so many times (their medians are reported)


def _paired(count: int) -> tuple[Any, Any]:
    """Measure trafilatura alone and read + extract alternately, `PAIRS` times each; return each one's median run.

    A shared machine's speed drifts by tens of per cent within a minute (trafilatura alone was measured at 167 and
    281 docs/s in two runs a minute apart): one run of each, one after the other, compares two different machines.
    Alternating them and taking each one's median run keeps the reference beside what it is a reference for.
    """
    alone_runs, pipeline_runs = [], []
    for _ in range(PAIRS):
        alone_runs.append(_child(_trafilatura_alone, count))
        pipeline_runs.append(_child(_pipeline, count))
    return _median_run(alone_runs), _median_run(pipeline_runs)


def _median_run(runs: list[Any]) -> Any:
    """Return the run with the median rate (first field) among those that finished, or None when none did."""
    done = sorted((run for run in runs if run), key=lambda run: run[0])
    return done[len(done) // 2] if done else None


def run(*, quick: bool) -> list[Row]:
    count = 1_000 if quick else 10_000
    scale = 100_000 if quick else 1_000_000
    rows: list[Row] = []
    alone, pipeline = _paired(count)
    ingest = _child(_ingest, count)
    if alone and pipeline:
        rows.append(
            Row(
                BENCH,
                f"read + extract, {count:,} HTML pages",
                pipeline[0],
                "docs/s/core",
                "trafilatura alone",
                alone[0],
            )
        )
        rows.append(Row(BENCH, "read + extract: peak memory added", pipeline[1], "MiB", "trafilatura alone", alone[1]))
    if ingest and alone:
        rows.append(
            Row(
                BENCH,
                f"full ingest into SQLite, {count:,} pages ({ingest[3]:,} events)",
                ingest[0],
                "docs/s/core",
                "trafilatura alone",
                alone[0],
            )
        )
        rows.append(Row(BENCH, "full ingest: wall-clock rate", ingest[1], "docs/s"))
        rows.append(Row(BENCH, "full ingest: peak memory added", ingest[2], "MiB"))
    for label, url in [("SQLite", None), ("PostgreSQL", _postgres_url())]:
        if label == "PostgreSQL" and url is None:
            continue
        timings = _child(_dashboard, scale, url)
        if timings:
            for name, seconds in timings.items():
                rows.append(Row(BENCH, f"dashboard at {scale:,} events, {label}: {name}", seconds * 1000, "ms"))
    return rows
