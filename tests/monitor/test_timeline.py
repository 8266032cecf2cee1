"""Periods, sums and geometry of the events-over-time chart (pure, no database)."""

from __future__ import annotations

import datetime

import jdatetime
import pytest

from solidarity.monitor import timeline

TYPES = ("Peaceful protest", "Protest with intervention")
D = datetime.date


def test_weeks_start_on_saturday_in_solar_hijri_and_monday_in_gregorian() -> None:
    wednesday = D(2024, 11, 6)
    assert timeline.period_start(wednesday, "week", jalali=True) == D(2024, 11, 2)  # a Saturday
    assert timeline.period_start(wednesday, "week", jalali=False) == D(2024, 11, 4)  # a Monday
    assert timeline.period_start(D(2024, 11, 2), "week", jalali=True) == D(2024, 11, 2)


def test_solar_hijri_months_run_from_the_first_of_each_month() -> None:
    start = timeline.period_start(D(2024, 11, 5), "month", jalali=True)
    assert start == jdatetime.date(1403, 8, 1).togregorian()  # 1 Aban 1403 = 22 October 2024
    assert timeline.next_period(start, "month", jalali=True) == jdatetime.date(1403, 9, 1).togregorian()
    last_of_year = jdatetime.date(1403, 12, 1).togregorian()
    assert timeline.next_period(last_of_year, "month", jalali=True) == jdatetime.date(1404, 1, 1).togregorian()
    assert timeline.period_start(D(2024, 11, 5), "month", jalali=False) == D(2024, 11, 1)


def test_series_sums_by_type_and_shows_empty_periods_between_events() -> None:
    rows = [
        (D(2024, 9, 3), TYPES[0], 2),
        (D(2024, 9, 20), TYPES[1], 1),
        (D(2024, 11, 1), TYPES[0], 4),
        (D(2024, 11, 2), "unknown", 9),
    ]
    data = timeline.series(rows, TYPES, "month", jalali=False)
    assert [(p.start, p.counts) for p in data.periods] == [
        (D(2024, 9, 1), (2, 1)),
        (D(2024, 10, 1), (0, 0)),
        (D(2024, 11, 1), (4, 0)),
    ]
    assert data.periods[0].end == D(2024, 9, 30)
    assert data.maximum == 4 and data.totals == (6, 1)


def test_a_long_span_keeps_the_latest_periods_and_says_how_many_were_cut() -> None:
    first = D(2024, 1, 1)
    rows = [(first + datetime.timedelta(days=n), TYPES[0], 1) for n in range(0, 200, 10)]
    data = timeline.series(rows, TYPES, "day", jalali=False)
    assert len(data.periods) == timeline.MAX_PERIODS
    assert data.cut == 191 - timeline.MAX_PERIODS
    assert data.periods[-1].start == first + datetime.timedelta(days=190)


def test_unknown_interval_is_refused() -> None:
    with pytest.raises(ValueError):
        timeline.series([], TYPES, "year", jalali=False)


def test_layout_stacks_bars_to_scale_and_draws_claims_as_spans_apart() -> None:
    rows = [(D(2024, 9, 3), TYPES[0], 3), (D(2024, 9, 4), TYPES[1], 1), (D(2024, 10, 8), TYPES[0], 2)]
    data = timeline.series(rows, TYPES, "month", jalali=False)
    claims = [(D(2024, 10, 1), D(2024, 10, 31)), (D(2024, 8, 1), D(2024, 9, 30)), (D(2023, 1, 1), D(2023, 2, 1))]
    drawing = timeline.layout(data, claims)
    september = [bar for bar in drawing.bars if bar.period == 0]
    assert [bar.count for bar in september] == [3, 1]
    assert september[1].y + september[1].height == pytest.approx(september[0].y, abs=0.2)  # stacked
    assert september[0].height == pytest.approx(3 * september[1].height, abs=0.2)
    assert drawing.ticks[0].value == 0 and drawing.ticks[-1].value >= 4
    # A claim is a span over its own period (never a bar); one out of the chart's range is left out.
    assert [span.claim for span in drawing.spans] == [0, 1]
    october, summer = drawing.spans
    assert october.x == pytest.approx(timeline.AXIS_START + drawing.slot, abs=0.1) and not october.clipped
    assert summer.clipped and summer.x == pytest.approx(timeline.AXIS_START, abs=0.1)
    assert len(drawing.bars) == 3
