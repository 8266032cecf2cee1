"""`solidarity monitor ingest|export|compare|source` as a person runs it."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from solidarity.core import jobs
from solidarity.monitor import services
from solidarity.monitor.models import Document, Event, Source
from tests.monitor.conftest import AHVAZ_EN, AHVAZ_FA, raw

INPUTS = Path(__file__).parent / "data" / "inputs"


@pytest.mark.django_db
def test_ingest_folder_reports_unreadable_files_and_goes_on() -> None:
    out, err = io.StringIO(), io.StringIO()
    call_command("monitor", "ingest", str(INPUTS), stdout=out, stderr=err)
    assert "5 documents stored" in out.getvalue()
    assert "3 unreadable" in out.getvalue()
    assert "skipped photo.jpg: unsupported file type .jpg" in err.getvalue()
    assert "skipped broken.rss" in err.getvalue()
    assert Document.objects.count() == 5
    assert set(Event.objects.values_list("city", flat=True)) >= {"Shiraz", "Kermanshah", "Bandar Abbas", "Isfahan"}
    again = io.StringIO()
    call_command("monitor", "ingest", str(INPUTS), stdout=again, stderr=io.StringIO())
    assert "0 documents stored, 5 already known" in again.getvalue()


@pytest.mark.django_db
def test_ingest_missing_path_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="not found"):
        call_command("monitor", "ingest", "/nonexistent/folder")


@pytest.mark.django_db
def test_export_csv_and_json(tmp_path: Path) -> None:
    call_command("monitor", "ingest", str(INPUTS / "sanandaj.txt"), stdout=io.StringIO())
    out = io.StringIO()
    call_command("monitor", "export", "--format", "csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["location"] == "Sanandaj"
    assert rows[0]["sub_event_type"] == "Protest with intervention"
    target = tmp_path / "events.json"
    call_command("monitor", "export", "--format", "json", "--output", str(target), stdout=io.StringIO())
    assert json.loads(target.read_text())[0]["iso_3166_2"] == "IR-12"


def _compare_lines(acled: Path) -> list[list[str]]:
    out = io.StringIO()
    call_command("monitor", "compare", str(acled), stdout=out)
    return [line.rsplit(maxsplit=2) for line in out.getvalue().splitlines()]


@pytest.mark.django_db
def test_compare_prints_both_counts(tmp_path: Path) -> None:
    call_command("monitor", "ingest", str(INPUTS / "sanandaj.txt"), stdout=io.StringIO())
    acled = tmp_path / "acled.csv"
    acled.write_text("country,admin1,event_type\nIran,Kurdistan,Protests\nIran,Kurdistan,Riots\n")
    lines = _compare_lines(acled)
    assert ["IR-12", "1", "2"] in lines  # no dates in their file: our events over all dates


@pytest.mark.django_db
def test_compare_reads_acled_province_spellings(tmp_path: Path) -> None:
    acled = tmp_path / "acled.csv"
    acled.write_text(
        "country,admin1,event_type\n"
        "Iran,Kohgiluyeh and Boyer-Ahmad,Protests\nIran,Esfahan,Protests\nIran,Isfahan,Riots\n"
        "Iran,Nowhere,Protests\nIran,Tehran,Battles\n"
    )
    lines = _compare_lines(acled)
    assert ["IR-17", "0", "1"] in lines
    assert ["IR-10", "0", "2"] in lines
    assert ["Nowhere", "0", "1"] in lines  # shown as written, not dropped
    assert not [line for line in lines if line[:1] == ["IR-23"]]  # battles are not protests


def _event(day: datetime.date | None, province: str, sub_type: str = "Peaceful protest", **extra: Any) -> Event:
    return Event.objects.create(sub_event_type=sub_type, event_date=day, province_iso=province, **extra)


@pytest.mark.django_db
def test_compare_counts_our_events_over_the_acled_files_dates_only() -> None:
    from solidarity.monitor import selectors

    _event(datetime.date(2024, 10, 31), "IR-10")  # the day before their file starts
    _event(datetime.date(2024, 11, 1), "IR-10")
    _event(datetime.date(2024, 11, 30), "IR-10", "Protest with intervention")
    _event(datetime.date(2024, 12, 2), "IR-06")
    _event(datetime.date(2024, 12, 3), "IR-06")  # the day after their file ends
    _event(datetime.date(2024, 11, 15), "IR-06", status="rejected")  # rejected events never count
    _event(None, "IR-06")  # undated: outside any period
    rows = [
        {
            "event_date": "2024-11-01",
            "country": "Iran",
            "admin1": "Esfahan",
            "event_type": "Protests",
            "sub_event_type": "Peaceful protest",
        },
        {
            "event_date": "02 December 2024",
            "country": "Iran",
            "admin1": "Khuzestan",
            "event_type": "Riots",
            "sub_event_type": "Violent demonstration",
        },
        {
            "event_date": "soon",
            "country": "Iran",
            "admin1": "Khuzestan",
            "event_type": "Protests",
            "sub_event_type": "Peaceful protest",
        },
        {"event_date": "2024-06-01", "country": "Iraq", "admin1": "Basra", "event_type": "Protests"},
    ]
    comparison = selectors.compare_acled(rows, selectors.EventFilters())
    assert (comparison.start, comparison.end) == (datetime.date(2024, 11, 1), datetime.date(2024, 12, 2))
    assert (comparison.acled_rows, comparison.undated) == (3, 1)  # Iraq left out; "soon" is no date
    assert comparison.by_province == [("IR-06", 1, 2), ("IR-10", 2, 1)]
    assert comparison.by_month == [("2024-11", 2, 1), ("2024-12", 1, 1)]
    assert comparison.by_type == [
        ("Peaceful protest", 2, 2),
        ("Protest with intervention", 1, 0),
        ("Violent demonstration", 0, 1),
    ]
    # the dashboard's own filters narrow our side further, never widen it past their dates
    narrowed = selectors.compare_acled(rows, selectors.EventFilters(start=datetime.date(2024, 11, 2)))
    assert narrowed.by_month == [("2024-11", 1, 1), ("2024-12", 1, 1)]


@pytest.mark.django_db
def test_compare_command_prints_the_period_and_all_three_tables(tmp_path: Path) -> None:
    _event(datetime.date(2024, 11, 5), "IR-06")
    acled = tmp_path / "acled.csv"
    acled.write_text(
        "event_date,country,admin1,event_type,sub_event_type\n"
        "2024-11-05,Iran,Khuzestan,Protests,Peaceful protest\n2024-11-09,Iran,Khuzestan,Protests,\n"
    )
    out = io.StringIO()
    call_command("monitor", "compare", str(acled), stdout=out)
    text = out.getvalue()
    assert "2 ACLED protest and riot rows in Iran, dated 2024-11-05 to 2024-11-09" in text
    lines = [line.rsplit(maxsplit=2) for line in text.splitlines()]
    assert ["IR-06", "1", "2"] in lines
    assert ["2024-11", "1", "2"] in lines
    assert ["Peaceful protest", "1", "1"] in lines


@pytest.mark.django_db
def test_ingest_can_queue_one_job_per_file(settings: Any) -> None:  # pytest-django settings wrapper
    settings.JOBS_BACKEND = "embedded"
    out = io.StringIO()
    call_command("monitor", "ingest", "--queue", str(INPUTS / "sanandaj.txt"), str(INPUTS / "shiraz.html"), stdout=out)
    assert "2 files queued" in out.getvalue()
    assert Document.objects.count() == 0
    assert jobs.run_pending() == 2
    assert Document.objects.count() == 2


def test_source_registry_from_the_command_line_recounts_voices(sources: dict[str, Source]) -> None:
    services.ingest_document(raw=raw(AHVAZ_EN), source=sources["a"])
    services.ingest_document(raw=raw(AHVAZ_FA, origin="b.txt"), source=sources["b"])
    assert Event.objects.get().independent_sources == 2
    out = io.StringIO()
    for name in ("Kargar Monitor", "South Wire"):
        call_command("monitor", "source", name, "--affiliation", "Kargar network", "--language", "fa", stdout=out)
    assert "South Wire: kind independent, language fa, country -, affiliation Kargar network" in out.getvalue()
    assert Event.objects.get().independent_sources == 1  # one network, one voice
    call_command("monitor", "source", "New Outlet", "--kind", "state_media", "--country", "IR", stdout=out)
    assert Source.objects.get(name="New Outlet").kind == Source.Kind.STATE_MEDIA
    with pytest.raises(CommandError, match="at most 2"):
        call_command("monitor", "source", "Bad", "--country", "IRN", stdout=out)
    assert not Source.objects.filter(name="Bad").exists()
