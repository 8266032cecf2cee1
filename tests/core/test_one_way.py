"""The kernel's one Atom writer, one table of month names and one near-copy shingler."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import feedparser
import jdatetime

from solidarity.core import months, nearcopy
from solidarity.core.atom import AtomEntry, AtomFeed, AtomLink, atom_feed
from solidarity.monitor.pipeline import dates, places
from solidarity.monitor.pipeline.dedup import shingles as monitor_shingles
from solidarity.relay.dedup import shingles as relay_shingles

START = datetime(2026, 11, 23, 8, 30, 15, 123456, tzinfo=UTC)


def _feed() -> bytes:
    entries = [
        AtomEntry(
            id=f"tag:example,2026:{index}",
            title=f"خبر {index}",
            updated=START + timedelta(minutes=index),
            content=f"متن <b>{index}</b> & بیشتر",
            links=(AtomLink(f"/page#{index}"),),
            categories=("lang:fa",),
        )
        for index in (3, 1, 2)
    ]
    feed = AtomFeed(id="tag:example,2026:feed", title="گزارش", updated=START, language="fa", author="Solidarity")
    return atom_feed(feed, entries)


def test_atom_bytes_depend_only_on_the_input_and_keep_the_order_given() -> None:
    document = _feed()
    assert document == _feed()  # SR-17: a bundle rebuilt from the same rows has the same bytes
    assert b"<generator" not in document  # no library version in the bytes
    parsed = feedparser.parse(document)
    assert not parsed.bozo
    assert parsed.feed.language == "fa"
    assert [entry.id for entry in parsed.entries] == [f"tag:example,2026:{index}" for index in (3, 1, 2)]
    assert parsed.entries[0].content[0].value == "متن <b>3</b> & بیشتر"  # text, never markup
    assert parsed.entries[0].updated == "2026-11-23T08:33:15+00:00"


def test_month_names_come_from_jdatetime_and_every_parser_reads_them() -> None:
    assert tuple(jdatetime.date.j_months_fa) == months.SOLAR_HIJRI_FA
    assert months.solar_hijri_month(9) == "آذر" and months.solar_hijri_month(8, latin=True) == "Aban"
    assert len(months.GREGORIAN_EN) == 12 and months.GREGORIAN_EN[8] == "September"
    assert dates.JALALI_MONTHS["اسفند"] == 12 and dates.JALALI_MONTHS["esfand"] == 12
    assert dates.EN_MONTHS["sept"] == dates.EN_MONTHS["sep"] == dates.EN_MONTHS["september"] == 9
    assert {"مهر", "mehr", "dey"} <= places.MONTH_WORDS


def test_both_near_copy_detectors_cut_shingles_in_the_kernel() -> None:
    assert relay_shingles("salam dust") == nearcopy.char_shingles("salam dust", size=3)
    text = "Workers of the Haft Tappeh sugar company gathered again on Monday"
    assert monitor_shingles(text) == nearcopy.word_shingles(text, size=4)
    reprint = text + " according to HRANA"
    assert nearcopy.overlap(monitor_shingles(text), monitor_shingles(reprint)) == 1.0
    assert 0.0 < nearcopy.jaccard(monitor_shingles(text), monitor_shingles(reprint)) < 1.0
    assert nearcopy.overlap(frozenset(), monitor_shingles(text)) == 0.0
