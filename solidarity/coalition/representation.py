"""Who is represented and who is missing: the representation matrix and the inclusiveness figure.

Pure Python: selectors feed it plain rows from the database, tests feed it literals.

Inclusiveness = √(coverage × evenness), from 0 to 1:
- coverage: the share of active taxonomy terms (families, ties, sectors) that at least one
  member organization belongs to;
- evenness: Pielou's evenness of delegates across political families, H / ln(k), where
  H = −Σ pᵢ ln pᵢ over the k active families and pᵢ is family i's share of delegate seats
  (a delegate of an organization in two families counts half to each).
A coalition that covers every group but where one family holds every seat scores 0, as does one
whose seats are even but that leaves groups out entirely.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Axis:
    """One side of a matrix: its keys in display order and their labels."""

    keys: tuple[str, ...]
    labels: dict[str, str]


@dataclass(frozen=True)
class CellCount:
    """What the database says about one (row, column) pair."""

    row: str
    column: str
    organizations: int
    delegates: int


@dataclass(frozen=True)
class Cell:
    row: str
    column: str
    organizations: int
    delegates: int

    @property
    def is_gap(self) -> bool:
        return self.organizations == 0


@dataclass(frozen=True)
class Matrix:
    rows: Axis
    columns: Axis
    cells: dict[tuple[str, str], Cell]

    def cell(self, row: str, column: str) -> Cell:
        return self.cells[(row, column)]

    @property
    def gaps(self) -> list[Cell]:
        return [cell for cell in self.cells.values() if cell.is_gap]

    @property
    def filled_share(self) -> float:
        return 1 - len(self.gaps) / len(self.cells) if self.cells else 0.0

    def grid(self) -> list[tuple[str, list[Cell]]]:
        """Return the cells row by row, in axis order (for templates)."""
        return [(row, [self.cells[(row, column)] for column in self.columns.keys]) for row in self.rows.keys]


def build_matrix(rows: Axis, columns: Axis, counts: Iterable[CellCount]) -> Matrix:
    """Lay counts over every (row, column) pair; pairs with no count become gaps."""
    known = {(count.row, count.column): count for count in counts}
    cells = {}
    for row in rows.keys:
        for column in columns.keys:
            found = known.get((row, column))
            cells[(row, column)] = Cell(
                row, column, found.organizations if found else 0, found.delegates if found else 0
            )
    return Matrix(rows, columns, cells)


@dataclass(frozen=True)
class Inclusiveness:
    coverage: float
    evenness: float
    represented_terms: int
    total_terms: int
    missing_terms: tuple[str, ...]

    @property
    def score(self) -> float:
        return math.sqrt(self.coverage * self.evenness)


def evenness(seats: Sequence[float]) -> float:
    """Pielou's evenness J = H / ln(k) of a distribution over k categories (0 when k < 2)."""
    k = len(seats)
    total = sum(seats)
    if k < 2 or total <= 0:
        return 0.0
    entropy = -sum((s / total) * math.log(s / total) for s in seats if s > 0)
    return entropy / math.log(k)


def inclusiveness(
    *,
    terms: Sequence[str],
    represented: Iterable[str],
    family_seats: dict[str, float],
    families: Sequence[str],
) -> Inclusiveness:
    """Compute the inclusiveness figure from the active terms and who fills them."""
    present = set(represented) & set(terms)
    coverage = len(present) / len(terms) if terms else 0.0
    return Inclusiveness(
        coverage=coverage,
        evenness=evenness([family_seats.get(family, 0.0) for family in families]),
        represented_terms=len(present),
        total_terms=len(terms),
        missing_terms=tuple(term for term in terms if term not in present),
    )


def family_seats(delegate_families: Iterable[tuple[int, str]]) -> dict[str, float]:
    """Share each delegate's seat equally among the families of the organizations they represent.

    Input rows are (delegate id, family key); a delegate appears once per family.
    """
    families_of: dict[int, set[str]] = defaultdict(set)
    for delegate, family in delegate_families:
        families_of[delegate].add(family)
    seats: dict[str, float] = defaultdict(float)
    for found in families_of.values():
        for family in found:
            seats[family] += 1 / len(found)
    return dict(seats)
