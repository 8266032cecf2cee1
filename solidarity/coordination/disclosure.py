"""Statistical disclosure control of pledge counts: bands, issuer rules, complementary suppression.

Pure Python. A release turns exact per-cell counts (known only to the database) into what may be
published: a band per cell, or "suppressed"; whether a cell's target counts as reached (only when
no issuer holds more than a set share of it and enough distinct issuers contributed); band totals
per area, per sector and for the campaign; and per-issuer bands so that a captured issuer shows.
The rules are written out in docs/coordination.md.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

# Lower bounds of the published ranges; the last one is open ("1000 or more").
BAND_EDGES: tuple[int, ...] = (10, 25, 50, 100, 250, 500, 1000)
SUPPRESSED = "suppressed"


@dataclass(frozen=True)
class Rules:
    minimum: int = 10  # k: a count below this is never published, not even as "below k" beside others
    max_issuer_share: Fraction = Fraction(1, 5)  # no issuer may hold more than this share of a cell
    min_issuers: int = 3  # m: distinct issuers a cell needs before its target can count


@dataclass(frozen=True)
class CellCount:
    """The exact figures of one cell, read from the database at release time."""

    key: str  # stable public id of the cell
    area: str
    sector: str
    target: int
    pledged: int
    by_issuer: dict[str, int] = field(default_factory=dict)  # issuer public id -> active pledges


@dataclass(frozen=True)
class CellRelease:
    key: str
    area: str
    sector: str
    target: int
    band: str  # a range such as "25-49", "1000+", or "suppressed"
    reached: bool  # pledged >= target and the issuer rules hold
    issuers_ok: bool
    issuer_bands: dict[str, str]  # issuer public id -> band (suppressed when small)
    primary: bool = False  # suppressed because the count itself is small


@dataclass(frozen=True)
class Release:
    cells: tuple[CellRelease, ...]
    area_totals: dict[str, str]
    sector_totals: dict[str, str]
    total: str
    reached_cells: int
    cells_count: int

    def as_json(self) -> dict[str, object]:
        return {
            "cells": [
                {
                    "key": cell.key,
                    "area": cell.area,
                    "sector": cell.sector,
                    "target": cell.target,
                    "band": cell.band,
                    "reached": cell.reached,
                    "issuers_ok": cell.issuers_ok,
                    "issuer_bands": dict(sorted(cell.issuer_bands.items())),
                }
                for cell in self.cells
            ],
            "area_totals": dict(sorted(self.area_totals.items())),
            "sector_totals": dict(sorted(self.sector_totals.items())),
            "total": self.total,
            "reached_cells": self.reached_cells,
            "cells_count": self.cells_count,
        }


def band(count: int, rules: Rules) -> str:
    """Return the published range of a count, or "suppressed" below the minimum."""
    if count < rules.minimum:
        return SUPPRESSED
    edges = sorted({rules.minimum, *(edge for edge in BAND_EDGES if edge > rules.minimum)})
    for low, high in itertools.pairwise(edges):
        if low <= count < high:
            return f"{low}-{high - 1}"
    return f"{edges[-1]}+"


def issuers_ok(by_issuer: dict[str, int], rules: Rules) -> bool:
    """Tell whether enough distinct issuers contributed and none holds more than the set share."""
    total = sum(by_issuer.values())
    contributing = [count for count in by_issuer.values() if count > 0]
    if total == 0 or len(contributing) < rules.min_issuers:
        return False
    return all(Fraction(count, total) <= rules.max_issuer_share for count in contributing)


def _hidden_lines(cells: Sequence[CellCount], primary: set[str]) -> tuple[set[str], set[str]]:
    """Return the areas and sectors whose totals must be suppressed (complementary suppression).

    A line (the cells of one area, or of one sector) holding a suppressed cell would let a reader
    subtract the published cells from the line's total and find the small count; so the total of
    every such line is suppressed, and with it the campaign's total (which, minus the other lines'
    totals, would give the line total back). The cells themselves stay published as bands.
    """
    areas = {cell.area for cell in cells if cell.key in primary}
    sectors = {cell.sector for cell in cells if cell.key in primary}
    return areas, sectors


def compute_release(cells: Sequence[CellCount], rules: Rules | None = None) -> Release:
    """Turn exact cell counts into the published release."""
    rules = rules or Rules()
    primary = {cell.key for cell in cells if cell.pledged < rules.minimum}
    hidden_areas, hidden_sectors = _hidden_lines(cells, primary)
    released = []
    area_sum: dict[str, int] = defaultdict(int)
    sector_sum: dict[str, int] = defaultdict(int)
    for cell in cells:
        area_sum[cell.area] += cell.pledged
        sector_sum[cell.sector] += cell.pledged
        ok = issuers_ok(cell.by_issuer, rules)
        hidden = cell.key in primary
        released.append(
            CellRelease(
                key=cell.key,
                area=cell.area,
                sector=cell.sector,
                target=cell.target,
                band=SUPPRESSED if hidden else band(cell.pledged, rules),
                reached=ok and cell.pledged >= cell.target and cell.pledged >= rules.minimum,
                issuers_ok=ok,
                issuer_bands={issuer: band(count, rules) for issuer, count in cell.by_issuer.items() if count > 0},
                primary=hidden,
            )
        )
    return Release(
        cells=tuple(released),
        area_totals={
            area: SUPPRESSED if area in hidden_areas else band(count, rules) for area, count in area_sum.items()
        },
        sector_totals={
            sector: SUPPRESSED if sector in hidden_sectors else band(count, rules)
            for sector, count in sector_sum.items()
        },
        total=SUPPRESSED if primary else band(sum(cell.pledged for cell in cells), rules),
        reached_cells=sum(1 for cell in released if cell.reached),
        cells_count=len(released),
    )
