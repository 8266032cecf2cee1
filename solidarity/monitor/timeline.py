"""Events over time as a stacked bar chart, claims as spans beside it: periods, sums, SVG geometry.

Pure Python (no Django): the selectors give counts per day and sub-type and the claims' periods; this
module buckets the days into days, weeks or months of either calendar, sums them and lays the bars
and the claim spans out on the SVG's grid. Counts of events and claims are never mixed: a claim is
a span over its period with its own number, drawn in a panel of its own, never a bar.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import jdatetime

INTERVALS = ("day", "week", "month")
MAX_PERIODS = 120  # the most recent periods drawn; a longer span asks for a coarser interval
WIDTH = 720.0
PLOT_TOP, PLOT_HEIGHT = 10.0, 200.0
AXIS_START = 44.0  # room for the count labels of the y axis
# The count labels are drawn at both ends: on a phone the chart scrolls sideways, and a Persian
# page opens it scrolled to its right end (the latest periods), where the reader needs a scale too.
AXIS_END = WIDTH - AXIS_START
PLOT_WIDTH = AXIS_END - AXIS_START
CHART_HEIGHT = PLOT_TOP + PLOT_HEIGHT + 34.0  # room below for the period labels
CLAIM_ROW = 22.0
MAX_LABELS = 8


def period_start(day: datetime.date, interval: str, *, jalali: bool) -> datetime.date:
    """Return the first day of the period (of `interval`, in either calendar) that holds `day`.

    A Solar Hijri week starts on Saturday, as Iran's does; a Gregorian week on Monday (ISO 8601).
    """
    if interval == "day":
        return day
    if interval == "week":
        first_weekday = 5 if jalali else 0  # Python counts Monday as 0, Saturday as 5
        return day - datetime.timedelta(days=(day.weekday() - first_weekday) % 7)
    if jalali:
        j = jdatetime.date.fromgregorian(date=day)
        return jdatetime.date(j.year, j.month, 1).togregorian()  # type: ignore[no-any-return]  # jdatetime is untyped
    return day.replace(day=1)


def next_period(start: datetime.date, interval: str, *, jalali: bool) -> datetime.date:
    """Return the first day of the period after the one starting on `start`."""
    if interval == "day":
        return start + datetime.timedelta(days=1)
    if interval == "week":
        return start + datetime.timedelta(days=7)
    # The 32nd day from a month's first day lies in the next month, in both calendars.
    return period_start(start + datetime.timedelta(days=32), interval, jalali=jalali)


@dataclass(frozen=True)
class Period:
    """One bar of the chart: its first and last day, and its event count per sub-type."""

    start: datetime.date
    end: datetime.date
    counts: tuple[int, ...]  # in the order of `Series.types`

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Series:
    """Event counts per period and sub-type, every period between the first and last event present."""

    interval: str
    jalali: bool
    types: tuple[str, ...]
    periods: tuple[Period, ...]
    cut: int  # earlier periods left out to keep MAX_PERIODS

    @property
    def maximum(self) -> int:
        return max((period.total for period in self.periods), default=0)

    @property
    def totals(self) -> tuple[int, ...]:
        """Return the total of each sub-type over the periods shown."""
        return tuple(sum(period.counts[index] for period in self.periods) for index in range(len(self.types)))


def series(
    rows: Iterable[tuple[datetime.date, str, int]], types: Sequence[str], interval: str, *, jalali: bool
) -> Series:
    """Sum (day, sub-type, count) rows into consecutive periods; a gap between events shows as zero."""
    if interval not in INTERVALS:
        raise ValueError(f"unknown interval {interval}")
    index = {kind: position for position, kind in enumerate(types)}
    sums: dict[datetime.date, list[int]] = defaultdict(lambda: [0] * len(types))
    for day, kind, n in rows:
        if kind in index:
            sums[period_start(day, interval, jalali=jalali)][index[kind]] += n
    if not sums:
        return Series(interval, jalali, tuple(types), (), 0)
    starts = []
    current, last = min(sums), max(sums)
    while current <= last:
        starts.append(current)
        current = next_period(current, interval, jalali=jalali)
    cut = max(0, len(starts) - MAX_PERIODS)
    periods = tuple(
        Period(start, next_period(start, interval, jalali=jalali) - datetime.timedelta(days=1), tuple(sums[start]))
        if start in sums
        else Period(start, next_period(start, interval, jalali=jalali) - datetime.timedelta(days=1), (0,) * len(types))
        for start in starts[cut:]
    )
    return Series(interval, jalali, tuple(types), periods, cut)


def nice_step(maximum: int, ticks: int = 4) -> int:
    """Return a round step (1, 2 or 5 times a power of ten) for about `ticks` grid lines up to `maximum`."""
    if maximum <= 0:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for multiple in (1, 2, 5, 10):
        if multiple * power >= raw:
            return int(multiple * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


@dataclass(frozen=True)
class Bar:
    """One rectangle of a stacked bar: a sub-type's share of one period."""

    x: float
    y: float
    width: float
    height: float
    type_index: int
    count: int
    period: int  # index into Series.periods


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True)
class Span:
    """A claim drawn across the periods its own period covers, in the claims panel (never a bar)."""

    x: float
    y: float
    width: float
    claim: int  # index into the claims given
    clipped: bool  # its period reaches outside the periods shown


@dataclass(frozen=True)
class Layout:
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    labels: tuple[tuple[float, int], ...]  # (x of the label's centre, period index) for a few periods
    spans: tuple[Span, ...]
    slot: float  # the width of one period
    claims_height: float


def layout(data: Series, claim_periods: Sequence[tuple[datetime.date, datetime.date]]) -> Layout:
    """Place the bars, the y-axis ticks, a few period labels and the claim spans on the SVG grid."""
    count = len(data.periods)
    slot = PLOT_WIDTH / count if count else PLOT_WIDTH
    step = nice_step(data.maximum)
    top = max(step, math.ceil(data.maximum / step) * step)
    scale = PLOT_HEIGHT / top
    bars = []
    for position, period in enumerate(data.periods):
        x = AXIS_START + position * slot + slot * 0.1
        base = PLOT_TOP + PLOT_HEIGHT
        for type_index, n in enumerate(period.counts):
            if n:
                height = n * scale
                base -= height
                bars.append(
                    Bar(round(x, 1), round(base, 1), round(slot * 0.8, 1), round(height, 1), type_index, n, position)
                )
    ticks = tuple(Tick(value, round(PLOT_TOP + PLOT_HEIGHT - value * scale, 1)) for value in range(0, top + 1, step))
    every = max(1, math.ceil(count / MAX_LABELS))
    labels = tuple((round(AXIS_START + position * slot + slot / 2, 1), position) for position in range(0, count, every))
    spans: list[Span] = []
    if count:
        first, last = data.periods[0].start, data.periods[-1].end
        for number, (start, end) in enumerate(claim_periods):
            if end < first or start > last:
                continue
            begin = max(start, first)
            finish = min(end, last)
            begin_slot = next(i for i, p in enumerate(data.periods) if p.end >= begin)
            end_slot = next(i for i, p in enumerate(data.periods) if p.end >= finish)
            x = AXIS_START + begin_slot * slot
            spans.append(
                Span(
                    round(x, 1),
                    round(len(spans) * CLAIM_ROW + 4, 1),
                    round((end_slot - begin_slot + 1) * slot, 1),
                    number,
                    start < first or end > last,
                )
            )
    return Layout(tuple(bars), ticks, labels, tuple(spans), round(slot, 2), len(spans) * CLAIM_ROW + 8)
