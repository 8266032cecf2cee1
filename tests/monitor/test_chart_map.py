"""The chart of events over time and the point map by type: server-drawn SVG with tables of every figure."""

from __future__ import annotations

import datetime
import re

from django.test import Client

from solidarity.monitor import services
from solidarity.monitor.models import Claim, Source
from tests.monitor.conftest import AHVAZ_EN, CLAIM_EN, raw

TABRIZ = "Teachers gathered in Tabriz on Monday over unpaid wages."


def _seed(sources: dict[str, Source]) -> None:
    services.ingest_document(raw=raw(AHVAZ_EN, title="Oil workers rally in Ahvaz"), source=sources["a"])
    services.ingest_document(raw=raw(TABRIZ, origin="t.txt", day=datetime.date(2024, 9, 10)), source=sources["b"])
    services.ingest_document(raw=raw(CLAIM_EN, origin="c.txt"), source=sources["b"])


def _clean(html: str) -> None:
    assert "<script" not in html and "style=" not in html
    assert "http://" not in html and "https://" not in html


def test_chart_counts_events_by_month_and_type_and_keeps_claims_apart(
    client: Client, sources: dict[str, Source]
) -> None:
    _seed(sources)
    html = client.get("/en/monitor/chart/?calendar=gregorian").content.decode()
    _clean(html)
    assert '<svg class="chart"' in html
    # September (Tabriz, peaceful), an empty October, November (Ahvaz, intervention): three bars' periods.
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>((?:<td>.*?</td>)+)</tr>', html)
    assert [label for label, _cells in rows] == ["Sep 2024", "Oct 2024", "Nov 2024"]
    totals = [re.findall(r"<td>(?:<a [^>]*>)?(\d+)", cells)[-1] for _label, cells in rows]
    assert totals == ["1", "0", "1"]
    assert html.count('<rect class="type-') == 2  # two bars' pieces; the claim is not one
    # The claim (120 protests in October) is a span in its own panel and its own table, beside our count.
    claim = Claim.objects.get()
    assert claim.count == 120
    assert html.count('class="claim-span') == 1
    claims_table = html[html.index("Claims beside our counts") :]
    assert '<td><bdi lang="und-Latn">The Free Workers Union</bdi></td>' in claims_table
    assert "<td>120 protests</td>" in claims_table
    assert "/en/monitor/events/?start=2024-09-01&amp;end=2024-09-30" in html  # each figure links to its events


def test_chart_in_persian_has_solar_hijri_periods_and_persian_digits(
    client: Client, sources: dict[str, Source]
) -> None:
    _seed(sources)
    html = client.get("/fa/monitor/chart/").content.decode()
    assert "شهریور ۱۴۰۳" in html and "آبان ۱۴۰۳" in html  # 9 September 2024 and 3 November 2024
    assert "Sep" not in html and "Nov 2024" not in html
    weeks = client.get("/fa/monitor/chart/?interval=week").content.decode()
    assert "۱۷ شهریور ۱۴۰۳" in weeks  # the week of 9 September 2024 starts on Saturday 7 September = 17 Shahrivar
    days = client.get("/en/monitor/chart/?interval=day&calendar=gregorian").content.decode()
    assert "9 Sep 2024" in days and "3 Nov 2024" in days  # "on Monday" and "on Sunday" before publication
    assert client.get("/en/monitor/chart/?interval=nonsense").status_code == 200  # falls back to months


def test_chart_without_events_says_so(client: Client, db: None) -> None:
    html = client.get("/en/monitor/chart/").content.decode()
    assert "No events." in html and "<svg" not in html


def test_map_draws_a_symbol_per_place_and_type_with_a_table(client: Client, sources: dict[str, Source]) -> None:
    _seed(sources)
    html = client.get("/en/monitor/map/").content.decode()
    _clean(html)
    assert html.count('<path class="point type-') == 2
    assert (
        'class="point type-1"' in html and 'class="point type-0"' in html
    )  # intervention in Ahvaz, peaceful in Tabriz
    assert html.count('<g class="outlines">') == 1 and html.count("<path d=") == 31  # the province outlines
    assert "?city=Ahvaz&amp;type=Protest+with+intervention" in html
    assert '<th scope="row"><bdi lang="und-Latn">Ahvaz</bdi></th>' in html  # a name in Latin letters says so
    persian = client.get("/fa/monitor/map/").content.decode()
    assert "<bdi>اهواز</bdi>" in persian and "<bdi>تبریز</bdi>" in persian
    only_tabriz = client.get("/en/monitor/map/?province=IR-03").content.decode()
    assert only_tabriz.count('<path class="point') == 1


def test_dashboard_links_to_the_chart_and_map(client: Client, db: None) -> None:
    html = client.get("/en/monitor/").content.decode()
    assert 'href="/en/monitor/chart/?"' in html and 'href="/en/monitor/map/?"' in html
