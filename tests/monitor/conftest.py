"""Fixtures of the monitor tests: raw documents and sources."""

from __future__ import annotations

import datetime

import pytest

from solidarity.monitor import services
from solidarity.monitor.models import Source
from solidarity.monitor.sources.readers import RawDocument

AHVAZ_EN = (
    "Hundreds of oil workers gathered outside the governor's office in Ahvaz on Sunday, demanding unpaid wages. "
    "Security forces dispersed the crowd and detained five people."
)
AHVAZ_FA = "ده‌ها کارگر نفت روز یکشنبه مقابل استانداری در اهواز تجمع کردند و خواستار پرداخت حقوق معوقه شدند."
CLAIM_EN = "The Free Workers Union said at least 120 protests were held in 45 cities in October."


def raw(
    text: str, *, title: str = "", origin: str = "a.txt", day: datetime.date = datetime.date(2024, 11, 5)
) -> RawDocument:
    return RawDocument(text=text, title=title, published=day, url="", origin=origin)


@pytest.fixture
def sources(db: None) -> dict[str, Source]:
    return {
        "a": services.register_source(name="Kargar Monitor", kind=Source.Kind.RIGHTS_GROUP),
        "b": services.register_source(name="South Wire", kind=Source.Kind.INDEPENDENT),
        "a2": services.register_source(name="Kargar Monitor Persian", affiliation="Kargar network"),
        "a3": services.register_source(name="Kargar Monitor Kurdish", affiliation="Kargar network"),
    }
