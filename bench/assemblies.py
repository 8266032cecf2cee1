"""Assemblies: offline token verification, sync and reconciliation of scans, and live followers.

- Offline verification per second on one core (full check: parse, CRC, key, Ed25519, claims,
  revocation and seen sets), beside raw libsodium verify (PyNaCl) of the same signatures.
- Reconciliation of 20,000 scans from 30 venues (pure), beside sorting the same scans; then the
  same scans synced into a throwaway SQLite database through the service, venue by venue.
- Live feed: N server-sent-event followers held by one uvicorn process on 127.0.0.1, and the
  delay from posting an update to its receipt by every follower (bounded count and time), beside
  a bare asyncio fan-out server holding the same followers.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bench.table import Row

if TYPE_CHECKING:
    from solidarity.assemblies.checkin import Scan
    from solidarity.assemblies.models import Assembly, Venue

ROOT = Path(__file__).resolve().parents[1]


def _verification(quick: bool) -> list[Row]:
    from nacl.signing import VerifyKey

    from solidarity.assemblies import invitations

    signer = invitations.Signer.from_seed(bytes(range(32)))
    keyring = invitations.Keyring([signer.public_key])
    count = 2_000 if quick else 20_000
    now = 1_800_000_000
    tokens = [
        invitations.to_text(
            invitations.issue(
                signer,
                assembly_id=1,
                venue_id=1,
                role=invitations.InviteRole.DELEGATE,
                not_before=now - 3600,
                not_after=now + 3600,
            )
        )
        for _ in range(count)
    ]
    revoked = {secrets.token_bytes(16) for _ in range(500)}
    started = time.perf_counter()
    seen: set[bytes] = set()
    for token in tokens:
        claims = invitations.verify(
            token, keyring, now=now, expected_assembly=1, expected_venue=1, revoked=revoked, seen_nonces=seen
        )
        seen.add(claims.nonce)
    full = count / (time.perf_counter() - started)

    verify_key = VerifyKey(signer.public_key)
    raw = []
    for token in tokens:
        binary = invitations.from_text(token)
        payload = binary[: invitations.PAYLOAD.size]
        raw.append((invitations.DOMAIN + payload, binary[invitations.PAYLOAD.size : -invitations.CHECK_SIZE]))
    started = time.perf_counter()
    for message, signature in raw:
        verify_key.verify(message, signature)
    reference = count / (time.perf_counter() - started)
    return [
        Row(
            "assemblies",
            f"offline token verification ({count:,} tokens, one core)",
            full,
            "tokens/s",
            "raw libsodium Ed25519 verify",
            reference,
        )
    ]


def _scans(count: int, venues: int, seed: int = 5) -> list[Scan]:
    from solidarity.assemblies.checkin import ADMITTED, Scan

    rng = random.Random(seed)
    base = 1_800_000_000
    people = [secrets.token_hex(16) for _ in range(int(count * 0.95))]
    scans = []
    for index in range(count):
        nonce = people[index] if index < len(people) else rng.choice(people)  # 5% come back: duplicates
        venue = rng.randrange(venues) + 1
        outcome = ADMITTED if rng.random() > 0.02 else "revoked"
        scans.append(
            Scan(
                secrets.token_hex(16),
                f"venue-{venue}-door-{rng.randrange(2)}",
                venue,
                nonce,
                base + rng.randrange(7200),
                outcome,
            )
        )
    return scans


def _reconciliation() -> list[Row]:
    from solidarity.assemblies.checkin import reconcile

    scans = _scans(20_000, 30)
    started = time.perf_counter()
    result = reconcile(scans + scans[:2_000])  # a device that synced twice
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    sorted(scans, key=lambda scan: scan.sort_key)
    reference = time.perf_counter() - started
    assert result.scan_count == 20_000, result.scan_count
    return [
        Row(
            "assemblies",
            f"reconcile 20,000 scans from 30 venues ({len(result.duplicates):,} flagged)",
            seconds * 1000,
            "ms",
            "sorting the same scans",
            reference * 1000,
        )
    ]


def _setup_django(data_dir: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solidarity.settings")
    os.environ["SOLIDARITY_ENV"] = "test"
    os.environ["SOLIDARITY_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = f"sqlite:///{data_dir / 'bench.sqlite3'}"
    os.environ["SOLIDARITY_JOBS"] = "immediate"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _assembly_with_venues(venues: int) -> tuple[Assembly, list[Venue]]:
    from solidarity.assemblies import services
    from solidarity.assemblies.models import Assembly, Venue

    today = dt.date(2026, 12, 5)
    assembly = services.create_assembly(
        actor=None, slug=f"bench-{secrets.token_hex(3)}", name_en="Bench", name_fa="بنچ", starts_on=today, ends_on=today
    )
    services.set_assembly_status(actor=None, assembly=assembly, status=Assembly.Status.LIVE)
    made = [
        services.add_venue(
            actor=None,
            assembly=assembly,
            kind=Venue.Kind.HUB if index == 0 else Venue.Kind.SATELLITE,
            name_en=f"Venue {index}",
            name_fa=f"محل {index}",
            city_en=f"City {index}",
            city_fa=f"شهر {index}",
            country="FR",
            time_zone="Europe/Paris",
            capacity=1000,
        )
        for index in range(venues)
    ]
    return assembly, made


def _sync() -> list[Row]:
    from dataclasses import replace

    from solidarity.assemblies import services
    from solidarity.assemblies.checkin import reconcile

    _assembly, venues = _assembly_with_venues(30)
    scans = [replace(scan, venue_id=venues[scan.venue_id - 1].pk) for scan in _scans(20_000, 30)]
    by_venue: dict[int, list[Scan]] = {}
    for scan in scans:
        by_venue.setdefault(scan.venue_id, []).append(scan)
    started = time.perf_counter()
    last = None
    for venue in venues:
        last = services.sync_scans(officer=None, venue=venue, scans=by_venue.get(venue.pk, []))
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    again = services.sync_scans(officer=None, venue=venues[0], scans=by_venue[venues[0].pk])
    repeat = time.perf_counter() - started
    pure = time.perf_counter()
    reconcile(scans)
    pure = time.perf_counter() - pure
    assert last is not None
    assert again.stored == 0
    return [
        Row(
            "assemblies",
            f"sync 20,000 scans from 30 venues into SQLite, reconciling after each "
            f"({len(last.reconciliation.duplicates):,} flagged)",
            seconds,
            "s",
            "pure reconciliation of the same scans",
            pure,
        ),
        Row("assemblies", "repeat one venue's sync (idempotent, nothing stored)", repeat * 1000, "ms"),
    ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _follower(
    port: int, path: str, ready: asyncio.Event, counter: list[int], received: dict[int, float], marker: str
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=2**20)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode())
    await writer.drain()
    status = await reader.readline()
    if b" 200 " not in status:
        raise RuntimeError(f"follower got {status!r}")
    counter[0] += 1
    if counter[0] >= counter[1]:
        ready.set()
    index = counter[2]
    counter[2] += 1
    try:
        while True:
            line = await reader.readline()
            if not line:
                return
            if marker.encode() in line:
                received[index] = time.perf_counter()
                return
    finally:
        writer.close()


# The reference for the live feed: a bare asyncio server on the same loopback, in its own
# process like uvicorn, that holds the same followers and writes one event to each of them as
# soon as it is told to (no Django, no database, no poll). What the live feed adds on top is
# the cost of the framework, the database write and the poll interval.
_FANOUT_SERVER = """
import asyncio, sys

followers = set()


async def handle(reader, writer):
    request = await reader.readline()
    while (await reader.readline()) not in (b"\\r\\n", b"\\n", b""):
        pass
    if request.startswith(b"POST "):
        marker = request.split()[1].decode().rsplit("/", 1)[-1]
        event = ("id: 1\\nevent: update\\ndata: " + marker + "\\n\\n").encode()
        for follower in list(followers):
            follower.write(event)
        writer.write(b"HTTP/1.1 204 No Content\\r\\nContent-Length: 0\\r\\n\\r\\n")
        await writer.drain()
        writer.close()
        return
    writer.write(b"HTTP/1.1 200 OK\\r\\nContent-Type: text/event-stream\\r\\n\\r\\nretry: 3000\\n\\n")
    followers.add(writer)
    try:
        await reader.read()
    finally:
        followers.discard(writer)
        writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", int(sys.argv[1]), backlog=8192)
    async with server:
        await server.serve_forever()


asyncio.run(main())
"""


async def _hold_followers(port: int, path: str, followers: int, post: Callable[[str], None]) -> tuple[int, list[float]]:
    ready = asyncio.Event()
    counter = [0, followers, 0]
    received: dict[int, float] = {}
    marker = f"bench-marker-{secrets.token_hex(4)}"
    tasks = []
    for _ in range(followers):
        tasks.append(asyncio.create_task(_follower(port, path, ready, counter, received, marker)))
        if len(tasks) % 200 == 0:
            await asyncio.sleep(0.05)  # let the server accept in batches
    with contextlib.suppress(TimeoutError):  # count what is held after two minutes
        await asyncio.wait_for(ready.wait(), timeout=120)
    held = counter[0]
    await asyncio.sleep(1.0)
    posted_at = time.perf_counter()
    await asyncio.to_thread(post, marker)
    _done, pending = await asyncio.wait(tasks, timeout=30)
    for task in pending:
        task.cancel()
    delays = sorted(received[index] - posted_at for index in received)
    return held, delays


def _start(arguments: list[str], log: Path) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(  # a fixed argument list, no shell
        arguments,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),  # never a pipe: a full pipe would stall the server
    )
    return server


def _wait_for(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def _percentile(delays: list[float], share: float) -> float:
    return delays[max(0, int(len(delays) * share) - 1)] * 1000 if delays else 0.0


def _bare_fanout(followers: int, data_dir: Path) -> tuple[int, list[float]]:
    port = _free_port()
    server = _start([sys.executable, "-c", _FANOUT_SERVER, str(port)], data_dir / "fanout.log")
    try:
        _wait_for(port)

        def post(marker: str) -> None:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
                connection.sendall(f"POST /post/{marker} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
                connection.recv(256)

        return asyncio.run(_hold_followers(port, "/follow", followers, post))
    finally:
        _stop(server)


def _live(quick: bool, data_dir: Path) -> list[Row]:
    from solidarity.assemblies import services

    assembly, _venues = _assembly_with_venues(1)
    port = _free_port()
    uvicorn = [sys.executable, "-m", "uvicorn", "solidarity.asgi:application", "--host", "127.0.0.1"]
    uvicorn += ["--port", str(port), "--log-level", "warning", "--backlog", "8192", "--timeout-keep-alive", "120"]
    rows: list[Row] = []
    for followers in [1_000] if quick else [1_000, 5_000]:
        server = _start(uvicorn, data_dir / "uvicorn.log")
        try:
            _wait_for(port)

            def post(marker: str) -> None:
                services.post_update(author=None, assembly=assembly, kind="notice", text_en=marker, text_fa=marker)

            path = f"/assemblies/{assembly.slug}/live/events"
            held, delays = asyncio.run(_hold_followers(port, path, followers, post))
        finally:
            _stop(server)
        bare_held, bare = _bare_fanout(followers, data_dir)
        reference = "bare asyncio fan-out (no Django, no poll)"
        rows += [
            Row(
                "assemblies",
                f"live feed: followers held by one uvicorn process (of {followers:,})",
                held,
                "connections",
                reference,
                bare_held,
            ),
            Row(
                "assemblies",
                f"live feed: post→receipt median, {len(delays):,} receipts (poll every 0.5 s)",
                _percentile(delays, 0.5),
                "ms",
                reference,
                _percentile(bare, 0.5),
            ),
            Row(
                "assemblies",
                f"live feed: post→receipt p95 at {followers:,} followers",
                _percentile(delays, 0.95),
                "ms",
                reference,
                _percentile(bare, 0.95),
            ),
            Row(
                "assemblies",
                f"live feed: slowest receipt at {followers:,} followers",
                _percentile(delays, 1.0),
                "ms",
                reference,
                _percentile(bare, 1.0),
            ),
        ]
    return rows


def run(*, quick: bool) -> list[Row]:
    rows = _verification(quick)
    rows += _reconciliation()
    with tempfile.TemporaryDirectory(prefix="solidarity-bench-assemblies-") as directory:
        data_dir = Path(directory)
        _setup_django(data_dir)
        rows += _sync()
        rows += _live(quick, data_dir)
    return rows
