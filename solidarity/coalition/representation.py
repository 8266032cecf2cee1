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


@dataclass(frozen=True)
class Membership:
    """One member organization as the matrix sees it."""

    organization: int
    families: tuple[str, ...]
    ties: tuple[str, ...]
    sectors: tuple[str, ...]
    base: str
    delegates: int


def count_cells(
    memberships: Iterable[Membership],
    *,
    rows: str,
    columns: str,
    shared_delegates: Iterable[tuple[int, ...]] = (),
) -> list[CellCount]:
    """Count organizations and distinct delegates in every (row, column) pair.

    `rows` and `columns` name a Membership field ("families", "sectors", "ties" or "base").
    `shared_delegates` lists, for each delegate who represents more than one organization, the
    organizations they represent: such a delegate counts once in a cell, not once per organization.
    """
    members = list(memberships)

    def keys(member: Membership, field: str) -> tuple[str, ...]:
        value = getattr(member, field)
        return (value,) if isinstance(value, str) else tuple(value)

    organizations: dict[tuple[str, str], int] = defaultdict(int)
    delegates: dict[tuple[str, str], int] = defaultdict(int)
    cells_of: dict[int, set[tuple[str, str]]] = {}
    for member in members:
        cells = {(row, column) for row in keys(member, rows) for column in keys(member, columns)}
        cells_of[member.organization] = cells
        for cell in cells:
            organizations[cell] += 1
            delegates[cell] += member.delegates
    for represented in shared_delegates:
        seen: dict[tuple[str, str], int] = defaultdict(int)
        for organization in represented:
            for cell in cells_of.get(organization, ()):
                seen[cell] += 1
        for cell, times in seen.items():
            delegates[cell] -= times - 1
    return [
        CellCount(row, column, organizations[(row, column)], delegates[(row, column)]) for row, column in organizations
    ]


def seats_by_family(
    memberships: Iterable[Membership], shared_delegates: Iterable[tuple[int, ...]] = ()
) -> dict[str, float]:
    """Share every delegate's seat equally among the families of the organizations they represent."""
    members = {member.organization: member for member in memberships}
    seats: dict[str, float] = defaultdict(float)
    shared = [tuple(organizations) for organizations in shared_delegates]
    shared_count: dict[int, int] = defaultdict(int)
    for organizations in shared:
        for organization in organizations:
            shared_count[organization] += 1
    for member in members.values():
        alone = member.delegates - shared_count[member.organization]
        for family in member.families:
            seats[family] += alone / len(member.families)
    for organizations in shared:
        families = {
            family
            for organization in organizations
            if organization in members
            for family in members[organization].families
        }
        for family in families:
            seats[family] += 1 / len(families)
    return dict(seats)
