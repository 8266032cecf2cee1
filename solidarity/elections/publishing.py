"""What elections put into the relay's channels: the count chain's heads, to be copied elsewhere.

While an election runs, every pass issued and ballot cast extends its append-only count chain
(`record.chain_next`); the live endpoint `/elections/<slug>/chain.json` publishes the head. The
same head travels in every feed (one item per election, its latest head) and in every signed
bundle (`elections/<slug>-chain.json`), so copies of it sit on partners' servers, in readers'
feed caches and on USB sticks inside the country. A record published later must extend each
copied head: `solidarity elections verify --chain-head <head>` checks it (docs/elections.md).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta

from django.utils import timezone

from solidarity.elections.models import Election
from solidarity.elections.selectors import chain_state
from solidarity.relay.channels import OutgoingMessage, OutgoingTranslation
from solidarity.relay.inert import make_inert

CARRIED_DAYS = 30  # a closed election's final head travels for this long after its close

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def carried_elections() -> list[Election]:
    """Frozen or published elections that have opened and closed less than CARRIED_DAYS ago."""
    now = timezone.now()
    return list(
        Election.objects.filter(
            status__in=(Election.Status.FROZEN, Election.Status.PUBLISHED),
            opens_at__lte=now,
            closes_at__gte=now - timedelta(days=CARRIED_DAYS),
        ).order_by("slug")
    )


def chain_text(election: Election, state: dict[str, object], language: str) -> str:
    """The item's text. Only the title came from a person (made inert); the rest is ours, and the
    head stays whole: `make_inert` would take a run of its hex digits for a phone number."""
    head, length, issued, cast = state["head"], state["length"], state["issued"], state["cast"]
    closed = bool(state["closed"])
    if language == "fa":
        counts = f"{issued} برگه‌ی رأی صادر شد، {cast} رأی در صندوق".translate(PERSIAN_DIGITS)
        when = "صندوق بسته شد" if closed else "رأی‌گیری جریان دارد"
        return (
            f"انتخابات «{make_inert(election.title_fa)}»: سر زنجیره‌ی شمارش پس از "
            f"{str(length).translate(PERSIAN_DIGITS)} رویداد: {head}. {counts}؛ {when}. "
            "این رشته را نگه دارید: نتیجه‌ای که بعدا منتشر شود باید همین زنجیره را ادامه دهد."
        )
    when = "the ballot box is closed" if closed else "voting is open"
    return (
        f"Election “{make_inert(election.title_en)}”: count chain head after {length} events: {head}. "
        f"{issued} passes issued, {cast} ballots in the box; {when}. Keep this string: the record "
        "published later must extend this very chain."
    )


def chain_id(election: Election) -> str:
    """A public id in the relay's alphabet, stable per election (a feed reader updates the item)."""
    return "elections" + hashlib.sha256(f"chain|{election.slug}".encode()).hexdigest()[:16]


def chain_messages() -> list[OutgoingMessage]:
    """Each carried election's latest chain head, Persian first, with an English translation."""
    items = []
    for election in carried_elections():
        state = chain_state(election)
        if not state["head"]:
            continue
        items.append(
            OutgoingMessage(
                id=chain_id(election),
                language="fa",
                text=chain_text(election, state, "fa"),
                display_name="انتخابات",
                country="",
                city="",
                published_at=election.opens_at.replace(microsecond=0),
                translations=(
                    OutgoingTranslation(language="en", text=chain_text(election, state, "en"), is_machine=False),
                ),
            )
        )
    return items


def chain_files(day: date) -> dict[str, bytes]:
    """`elections/<slug>-chain.json` for each carried election: the head as the live endpoint has it."""
    files = {}
    for election in carried_elections():
        state = chain_state(election)
        if state["head"]:
            body = json.dumps({"format": "solidarity-election-chain-head/1", **state}, sort_keys=True, indent=1)
            files[f"elections/{election.slug}-chain.json"] = (body + "\n").encode()
    return files
