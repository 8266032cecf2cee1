"""The directory page (plain and searched) and the representation matrix at 10,000 organizations and 100,000 delegates.

On SQLite and PostgreSQL: median and p99 latency of each page, and requests per second under a
bounded load (8 clients, 10 s or 2,000 requests at most) on 127.0.0.1, each beside the same
server's ceiling on a trivial response (`/healthz`) measured in the same run.
"""

from __future__ import annotations

import time

from bench import support
from bench.table import Row

POPULATE = """
import random
from django.core.management import call_command
from solidarity.coalition import demo
from solidarity.coalition.models import Delegate, Organization, Term
from solidarity.core.text import fold_for_search

call_command("migrate", verbosity=0)
call_command("flush", interactive=False, verbosity=0)
rng = random.Random(7)
terms = {}
for kind, entries in (("family", demo.FAMILIES), ("tie", demo.TIES), ("sector", demo.SECTORS)):
    terms[kind] = Term.objects.bulk_create(
        [Term(kind=kind, slug=s, name_en=en, name_fa=fa, position=i) for i, (s, en, fa) in enumerate(entries)]
    )
organizations = Organization.objects.bulk_create(
    [
        Organization(
            name_en=f"Organization {i:05d}", name_fa=f"سازمان {i}",
            kind=rng.choice(["party", "civil", "union", "ethnic"]),
            base=rng.choice(["inside", "diaspora", "both"]), status="member" if i % 20 else "applied",
            cities="Tehran", search_text=fold_for_search(f"Organization {i:05d} سازمان {i} Tehran"),
        )
        for i in range(ORGANIZATIONS)
    ],
    batch_size=2000,
)
for field, kind, most in (("families", "family", 2), ("ties", "tie", 1), ("sectors", "sector", 3)):
    through = getattr(Organization, field).through
    links = []
    for organization in organizations:
        for term in rng.sample(terms[kind], rng.randint(0 if kind == "tie" else 1, most)):
            links.append(through(organization_id=organization.pk, term_id=term.pk))
    through.objects.bulk_create(links, batch_size=5000)
delegates = Delegate.objects.bulk_create(
    [Delegate(display_name=f"Delegate {i}", search_text=f"delegate {i}") for i in range(DELEGATES)], batch_size=5000
)
link = Delegate.organizations.through
link.objects.bulk_create(
    [link(delegate_id=d.pk, organization_id=organizations[i % len(organizations)].pk) for i, d in enumerate(delegates)],
    batch_size=5000,
)
"""

PAGES = [
    ("directory", "/en/coalition/"),
    # A search scans the folded name column (LIKE %word%): the page most likely to slow with size.
    ("directory search", "/en/coalition/?q=00042"),
    ("matrix", "/en/coalition/representation/"),
]


def measure(database: str, database_url: str | None, *, organizations: int, delegates: int, quick: bool) -> list[Row]:
    rows: list[Row] = []
    with support.scratch_dir() as data_dir:
        env = support.environment(database_url, data_dir)
        support.django_run(f"ORGANIZATIONS = {organizations}\nDELEGATES = {delegates}\n" + POPULATE, env)
        with support.server(env) as port:
            count = 20 if quick else 100
            seconds = 3.0 if quick else 10.0
            ceiling = support.latency(port, "/healthz", count=count)
            ceiling_rate, _ = support.throughput(port, "/healthz", clients=8, seconds=seconds, max_requests=2000)
            label = f"coalition ({database}, {organizations:,} orgs, {delegates:,} delegates)"
            for name, path in PAGES:
                cold_started = time.perf_counter()
                status, _ = support.get(port, path)
                cold_ms = (time.perf_counter() - cold_started) * 1000
                assert status == 200, (path, status)
                rows.append(
                    Row(label, f"{name} first request (cold)", cold_ms, "ms", "/healthz median", ceiling.median_ms)
                )
                page = support.latency(port, path, count=count)
                rate, errors = support.throughput(port, path, clients=8, seconds=seconds, max_requests=2000)
                rows += [
                    Row(label, f"{name} median latency", page.median_ms, "ms", "/healthz median", ceiling.median_ms),
                    Row(label, f"{name} p99 latency", page.p99_ms, "ms", "/healthz p99", ceiling.p99_ms),
                    Row(label, f"{name} throughput (8 clients)", rate, "req/s", "/healthz req/s", ceiling_rate),
                ]
                if errors:
                    rows.append(Row(label, f"{name} non-200 answers", errors, "count"))
    return rows


def _postgres_url() -> str | None:
    """Return the URL of a `bench_solidarity` database on 127.0.0.1, creating it; None without PostgreSQL."""
    if not support.postgres_available():
        return None
    server = support.POSTGRES_URL.rsplit("/", 1)[0]
    try:
        import psycopg

        with psycopg.connect(f"{server}/postgres", connect_timeout=3, autocommit=True) as connection:
            if not connection.execute("SELECT 1 FROM pg_database WHERE datname = 'bench_solidarity'").fetchone():
                connection.execute("CREATE DATABASE bench_solidarity")
    except psycopg.Error as error:
        print(f"coalition: PostgreSQL skipped ({error})")
        return None
    return f"{server}/bench_solidarity"


def run(*, quick: bool) -> list[Row]:
    organizations, delegates = (1_000, 10_000) if quick else (10_000, 100_000)
    rows = measure("SQLite", None, organizations=organizations, delegates=delegates, quick=quick)
    postgres = _postgres_url()
    if postgres is not None:
        rows += measure("PostgreSQL", postgres, organizations=organizations, delegates=delegates, quick=quick)
    return rows
