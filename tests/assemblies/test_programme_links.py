"""Issue 12: the programme links every venue tag without a `reverse()` per link, to the same addresses."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django import urls
from django.test import Client
from django.urls import reverse
from django.utils import translation

from solidarity.assemblies import services
from solidarity.assemblies.models import Assembly, Venue
from solidarity.core import pagecache
from solidarity.core.models import User
from solidarity.core.templatetags import solidarity as solidarity_tags

pytestmark = pytest.mark.django_db


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def wrap(original: Callable[..., str]) -> Callable[..., str]:
        def counted(name: str, *args: Any, **kwargs: Any) -> str:
            calls.append(name)
            return original(name, *args, **kwargs)

        return counted

    # `{% url %}` imports reverse from django.urls at each render; `id_links` bound it at import.
    monkeypatch.setattr(urls, "reverse", wrap(urls.reverse))
    monkeypatch.setattr(solidarity_tags, "reverse", wrap(urls.reverse))
    return calls


def _venue_links(page: str) -> list[str]:
    return re.findall(r'href="(/(?:en|fa)/assemblies/[^/"]+/venues/\d+/)"', page)


@pytest.mark.usefixtures("programme")
def test_venue_links_cost_one_reverse_per_render_and_go_where_reverse_goes(
    monkeypatch: pytest.MonkeyPatch, assembly: Assembly, venues: dict[str, Venue], organizer: User
) -> None:
    calls = _counting(monkeypatch)
    client = Client()
    for language in ("en", "fa"):
        for query in ("", "?group=venue"):
            page = client.get(f"/{language}/assemblies/{assembly.slug}/{query}").content.decode()
            links = _venue_links(page)
            with translation.override(language):
                expected = {reverse("assemblies:venue", args=[assembly.slug, venue.pk]) for venue in venues.values()}
            assert set(links) == expected, (language, query)
    first = client.get(f"/en/assemblies/{assembly.slug}/?tz=UTC").content.decode()
    pagecache.bump("assemblies")  # render again rather than answer from the page cache
    before = len(calls)
    client.get(f"/en/assemblies/{assembly.slug}/?tz=UTC")
    per_render = len(calls) - before
    assert 0 < per_render < 25
    # Twenty more sessions, each tagged with every venue: more links, not one more reverse().
    for index in range(20):
        services.add_session(
            actor=organizer,
            assembly=assembly,
            venues=venues.values(),
            held_at=venues["hub"],
            title_en=f"Panel {index}",
            title_fa=f"نشست {index}",
            starts_at=dt.datetime(2026, 12, 6, 8, 0, tzinfo=dt.UTC) + dt.timedelta(minutes=30 * index),
            ends_at=dt.datetime(2026, 12, 6, 8, 25, tzinfo=dt.UTC) + dt.timedelta(minutes=30 * index),
            language="en",
        )
    before = len(calls)
    grown = client.get(f"/en/assemblies/{assembly.slug}/?tz=UTC").content.decode()
    assert len(calls) - before == per_render
    assert len(_venue_links(grown)) >= len(_venue_links(first)) + 20 * len(venues)
