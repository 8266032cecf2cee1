"""The representation matrix and the inclusiveness figure, as pure functions."""

from __future__ import annotations

import math

import pytest

from solidarity.coalition.representation import (
    Axis,
    CellCount,
    build_matrix,
    evenness,
    family_seats,
    inclusiveness,
)


def test_cells_without_counts_are_gaps():
    rows = Axis(("socialist", "monarchist"), {})
    columns = Axis(("teachers", "women"), {})
    matrix = build_matrix(rows, columns, [CellCount("socialist", "teachers", 2, 11)])
    assert matrix.cell("socialist", "teachers").organizations == 2
    assert [(c.row, c.column) for c in matrix.gaps] == [
        ("socialist", "women"),
        ("monarchist", "teachers"),
        ("monarchist", "women"),
    ]
    assert matrix.filled_share == pytest.approx(0.25)
    assert [row for row, _cells in matrix.grid()] == ["socialist", "monarchist"]


def test_evenness_is_one_for_equal_shares_and_zero_for_one_holder():
    assert evenness([5, 5, 5, 5]) == pytest.approx(1.0)
    assert evenness([10, 0, 0]) == pytest.approx(0.0)
    assert 0 < evenness([8, 1, 1]) < 1
    assert evenness([3]) == 0.0


def test_a_delegate_of_two_families_counts_half_to_each():
    seats = family_seats([(1, "socialist"), (1, "federalist"), (2, "socialist")])
    assert seats == {"socialist": 1.5, "federalist": 0.5}


def test_inclusiveness_combines_coverage_and_evenness():
    figure = inclusiveness(
        terms=["family:a", "family:b", "sector:x", "sector:y"],
        represented=["family:a", "family:b", "sector:x"],
        family_seats={"a": 2.0, "b": 2.0},
        families=["a", "b"],
    )
    assert figure.coverage == pytest.approx(0.75)
    assert figure.evenness == pytest.approx(1.0)
    assert figure.score == pytest.approx(math.sqrt(0.75))
    assert figure.missing_terms == ("sector:y",)


def test_one_family_holding_every_seat_scores_zero():
    figure = inclusiveness(
        terms=["family:a", "family:b"],
        represented=["family:a", "family:b"],
        family_seats={"a": 9.0},
        families=["a", "b"],
    )
    assert figure.score == 0.0
