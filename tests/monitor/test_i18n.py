"""Every UI string of the monitor has a Persian translation, and the Persian pages use it."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.test import Client

CATALOGUE = (
    Path(__file__).resolve().parents[2] / "solidarity" / "monitor" / "locale" / "fa" / "LC_MESSAGES" / "django.po"
)


def test_catalogue_is_complete() -> None:
    po = polib.pofile(str(CATALOGUE))
    assert po.percent_translated() == 100
    assert not [entry.msgid for entry in po if "fuzzy" in entry.flags]


@pytest.mark.django_db
def test_persian_dashboard_is_translated(client: Client) -> None:
    html = client.get("/fa/monitor/").content.decode()
    assert "پایشگر اعتراضات" in html
    assert "ادعاها در کنار شمارش ما" in html
