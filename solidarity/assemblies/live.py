"""Fan live updates out to many server-sent-event followers from one poll per process.

One poller per (event loop, assembly) reads new updates from the database every POLL_SECONDS
and wakes every follower; followers never query the database themselves, so thousands of open
connections cost one query per poll.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any

from asgiref.sync import sync_to_async

from solidarity.assemblies.models import Update
from solidarity.core import calendars

POLL_SECONDS = 0.5
BACKLOG = 200


def _kind_label(update: Update, language: str) -> str:
    with calendars.override(language):
        return str(update.get_kind_display())


def payload(update: Update) -> dict[str, Any]:
    """Return what a follower receives for one update (no address, no author).

    One event serves every follower, whatever their language, so it carries both labels: the
    poller runs in whichever language its first follower happened to ask in.
    """
    return {
        "id": update.pk,
        "kind": update.kind,
        "kind_label_en": _kind_label(update, "en"),
        "kind_label_fa": _kind_label(update, "fa"),
        "text_en": update.text_en,
        "text_fa": update.text_fa,
        "venue_en": update.venue.city_en if update.venue_id and update.venue else "",
        "venue_fa": update.venue.city_fa if update.venue_id and update.venue else "",
        "posted_at": update.posted_at.isoformat(),
    }


def sse_event(item: dict[str, Any]) -> str:
    data = {key: value for key, value in item.items() if key != "event"}
    return f"id: {item['id']}\nevent: update\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _fetch_after(assembly_id: int, after_id: int) -> list[dict[str, Any]]:
    rows = (
        Update.objects.filter(assembly_id=assembly_id, pk__gt=after_id).select_related("venue").order_by("id")[:BACKLOG]
    )
    return [payload(update) for update in rows]


def _last_id(assembly_id: int) -> int:
    last = Update.objects.filter(assembly_id=assembly_id).order_by("-id").values_list("id", flat=True).first()
    return last or 0


@dataclass
class Hub:
    """The followers of one assembly on one event loop, and the recent updates they share."""

    assembly_id: int
    recent: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=BACKLOG))
    last_id: int = 0
    followers: int = 0
    # Replaced by a fresh event at each batch: setting the old one wakes every follower at once,
    # with no lock to hand from one waiter to the next (thousands of followers).
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start the poller if none runs; return once it knows the newest update's id."""
        if self.task is None:
            self.ready = asyncio.Event()
            self.task = asyncio.get_running_loop().create_task(self._poll())
        await self.ready.wait()

    async def _poll(self) -> None:
        self.last_id = await sync_to_async(_last_id)(self.assembly_id)
        self.ready.set()
        while self.followers > 0:
            await asyncio.sleep(POLL_SECONDS)
            fresh = await sync_to_async(_fetch_after)(self.assembly_id, self.last_id)
            if fresh:
                for item in fresh:
                    item["event"] = sse_event(item)  # rendered once for every follower
                self.recent.extend(fresh)
                self.last_id = fresh[-1]["id"]
                woken, self.changed = self.changed, asyncio.Event()
                woken.set()
        self.task = None

    def after(self, last_seen: int) -> list[dict[str, Any]]:
        return [item for item in self.recent if item["id"] > last_seen]


_HUBS: dict[tuple[int, int], Hub] = {}


async def hub_for(assembly_id: int) -> Hub:
    key = (id(asyncio.get_running_loop()), assembly_id)
    hub = _HUBS.get(key)
    if hub is None:
        hub = _HUBS[key] = Hub(assembly_id)
    return hub


async def follow(assembly_id: int, *, last_seen: int, seconds: float) -> Any:
    """Yield SSE text: the backlog after `last_seen`, then new updates, for at most `seconds`."""
    key = (id(asyncio.get_running_loop()), assembly_id)
    hub = await hub_for(assembly_id)
    hub.followers += 1
    try:
        yield "retry: 3000\n\n"
        # Start the poller first: the catch-up below then covers everything it will not announce.
        await hub.start()
        for item in await sync_to_async(_fetch_after)(assembly_id, last_seen):
            last_seen = item["id"]
            yield sse_event(item)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while (remaining := deadline - loop.time()) > 0:
            pending = hub.after(last_seen)
            if pending:
                last_seen = pending[-1]["id"]
                yield "".join(item["event"] for item in pending)
                continue
            try:
                async with asyncio.timeout(min(remaining, 15.0)):
                    await hub.changed.wait()
            except TimeoutError:
                yield ": keep-alive\n\n"
    finally:
        hub.followers -= 1
        if hub.followers == 0 and _HUBS.get(key) is hub:
            del _HUBS[key]  # its poller stops at its next turn


def follow_blocking(assembly_id: int, *, last_seen: int, seconds: float) -> Generator[str, None, None]:
    """Yield the same events from a plain thread, polling the database (for WSGI servers).

    Under WSGI each follower holds a thread; the asynchronous `follow` above is what scales.
    A WSGI server learns that a follower has gone only when it writes, so a quiet poll writes a
    two-byte comment: the thread then ends within a second of the follower leaving, instead of
    polling the database for the rest of the stream (which outlived the test database).
    """
    import time

    yield "retry: 3000\n\n"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        fresh = _fetch_after(assembly_id, last_seen)
        for item in fresh:
            last_seen = item["id"]
            yield sse_event(item)
        if not fresh:
            yield ":\n\n"
        time.sleep(POLL_SECONDS)
