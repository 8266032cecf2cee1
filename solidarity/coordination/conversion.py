"""Conversion: how many of a cell's pledges became people seen acting, and the next rung's target.

A cell's target stands for turnout: "we act if N of us do". After the date, the monitor's events
for the cell carry crowd figures (low and high, each from its evidence); the published release
carries the pledge count only as a band. The conversion is therefore an interval, never a point:

    observed low / band high  ≤  conversion  ≤  observed high / band low

and nothing finer than the band is used, so this page reveals no more than the release did. For the
next rung the same turnout needs ``target / conversion`` pledges; the suggestion takes the cautious
end of the interval (the lower conversion, so the higher target), capped at ten times the target
(PledgeBank's lesson: targets that grow out of reach stop campaigns). Where no event has a crowd
figure, or the band was suppressed, there is no measure and the target stays as it was.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from solidarity.coordination.disclosure import SUPPRESSED

GROWTH_CAP = 10  # the suggested target is at most this many times the old one


@dataclass(frozen=True)
class Conversion:
    """One cell's measured conversion interval (None where there is no measure)."""

    low: Fraction | None
    high: Fraction | None
    suggested_target: int

    @property
    def measured(self) -> bool:
        return self.low is not None and self.high is not None

    def percent_range(self) -> tuple[int, int] | None:
        if self.low is None or self.high is None:
            return None
        return math.floor(self.low * 100), math.ceil(self.high * 100)


def band_bounds(band: str) -> tuple[int, int | None] | None:
    """Read a published band ("25-49", "1000+") back as (low, high); None when suppressed or unread."""
    if not band or band == SUPPRESSED:
        return None
    if band.endswith("+"):
        low = band[:-1]
        return (int(low), None) if low.isdigit() else None
    low_text, _sep, high_text = band.partition("-")
    if not (low_text.isdigit() and high_text.isdigit()) or int(high_text) < int(low_text):
        return None
    return int(low_text), int(high_text)


def observed_crowd(crowds: list[tuple[int | None, int | None]]) -> tuple[int, int] | None:
    """Sum the crowd figures of the cell's events (low, high); None when no event has one."""
    figures = [(low, high if high is not None else low) for low, high in crowds if low is not None]
    if not figures:
        return None
    return sum(low for low, _high in figures), sum(high for _low, high in figures if high is not None)


def measure(*, target: int, band: str, crowds: list[tuple[int | None, int | None]]) -> Conversion:
    """The conversion interval of one cell and the target its next rung should wait for."""
    bounds = band_bounds(band)
    observed = observed_crowd(crowds)
    if bounds is None or observed is None or bounds[0] <= 0:
        return Conversion(low=None, high=None, suggested_target=target)
    band_low, band_high = bounds
    seen_low, seen_high = observed
    # An open band ("1000+") has no upper bound: the lower conversion is then unknown but at most
    # seen_low / band_low; zero is the honest cautious end, and the cap keeps the target in reach.
    low = Fraction(seen_low, band_high) if band_high else Fraction(0)
    high = Fraction(seen_high, band_low)
    cautious = low if low > 0 else None
    suggested = target * GROWTH_CAP if cautious is None else math.ceil(target / cautious)
    return Conversion(low=low, high=high, suggested_target=max(1, min(suggested, target * GROWTH_CAP)))
