"""An assembly with a hub in Paris and two satellites, a short programme and one partner."""

from __future__ import annotations

import datetime as dt

import pytest

from solidarity.assemblies import services
from solidarity.assemblies.models import Assembly, BroadcastPartner, Venue
from solidarity.coalition.models import Delegate
from solidarity.core.models import User
from tests.conftest import make_hub

HIDDEN_ADDRESS = "17 Rue Cachée, Secret Hall"
DAY_ONE = dt.date(2026, 12, 5)


@pytest.fixture
def assembly(organizer: User, delegates: list[Delegate]) -> Assembly:
    made = services.create_assembly(
        actor=organizer,
        slug="paris-2026",
        name_en="Paris Assembly",
        name_fa="مجمع پاریس",
        starts_on=DAY_ONE,
        ends_on=DAY_ONE + dt.timedelta(days=1),
        description_en="Two days of debate.",
        description_fa="دو روز گفت‌وگو.",
    )
    return services.set_assembly_status(actor=organizer, assembly=made, status=Assembly.Status.PUBLISHED)


@pytest.fixture
def venues(assembly: Assembly, organizer: User) -> dict[str, Venue]:
    hub = make_hub(
        organizer,
        assembly=assembly,
        name_en="Hall of the Hub",
        name_fa="تالار مرکزی",
        capacity=400,
        street_address=HIDDEN_ADDRESS,
        stream_url="https://stream.example.org/paris",
    )
    toronto = services.add_venue(
        actor=organizer,
        assembly=assembly,
        name_en="Toronto Room",
        name_fa="سالن تورنتو",
        city_en="Toronto",
        city_fa="تورنتو",
        country="CA",
        time_zone="America/Toronto",
        capacity=80,
        street_address="99 Hidden Lane",
        position=1,
    )
    sydney = services.add_venue(
        actor=organizer,
        assembly=assembly,
        name_en="Sydney Room",
        name_fa="سالن سیدنی",
        city_en="Sydney",
        city_fa="سیدنی",
        country="AU",
        time_zone="Australia/Sydney",
        capacity=50,
        position=2,
    )
    return {"hub": hub, "toronto": toronto, "sydney": sydney}


@pytest.fixture
def programme(assembly: Assembly, venues: dict[str, Venue], organizer: User, delegates: list[Delegate]) -> None:
    services.add_session(
        actor=organizer,
        assembly=assembly,
        venues=venues.values(),
        held_at=venues["hub"],
        speakers=delegates[:2],
        title_en="Opening",
        title_fa="گشایش",
        starts_at=dt.datetime(2026, 12, 5, 8, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2026, 12, 5, 9, 30, tzinfo=dt.UTC),
        language="fa",
        interpretation="en,fr",
    )
    services.add_session(
        actor=organizer,
        assembly=assembly,
        venues=[venues["hub"], venues["toronto"]],
        title_en="Late debate",
        title_fa="بحث شبانه",
        starts_at=dt.datetime(2026, 12, 5, 22, 30, tzinfo=dt.UTC),
        ends_at=dt.datetime(2026, 12, 5, 23, 30, tzinfo=dt.UTC),
        guest_speakers="A. Guest",
        language="en",
    )


@pytest.fixture
def partner(assembly: Assembly, organizer: User) -> BroadcastPartner:
    made = services.add_partner(
        actor=organizer,
        assembly=assembly,
        name_en="Radio Free Example",
        name_fa="رادیو نمونه",
        kind="radio",
        languages="fa,en",
        frequency="1575 kHz",
        how_to_follow_en="Tune in on medium wave.",
        how_to_follow_fa="روی موج متوسط.",
    )
    return services.accredit_partner(actor=organizer, partner=made)
