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


def test_cells_count_a_delegate_of_two_organizations_once():
    from solidarity.coalition.representation import Membership, count_cells, seats_by_family

    members = [
        Membership(1, ("socialist",), ("kurdish",), ("teachers",), "inside", delegates=3),
        Membership(2, ("socialist", "federalist"), (), ("teachers", "women"), "diaspora", delegates=2),
    ]
    shared = [(1, 2)]  # one person represents both organizations
    cells = {
        (c.row, c.column): c for c in count_cells(members, rows="families", columns="sectors", shared_delegates=shared)
    }
    assert (cells[("socialist", "teachers")].organizations, cells[("socialist", "teachers")].delegates) == (2, 4)
    assert cells[("federalist", "women")].delegates == 2
    by_base = {(c.row, c.column): c for c in count_cells(members, rows="ties", columns="base")}
    assert set(by_base) == {("kurdish", "inside")}
    seats = seats_by_family(members, shared)
    assert sum(seats.values()) == pytest.approx(4.0)  # four people in all
    assert seats["socialist"] == pytest.approx(
        2 + 0.5 + 0.5
    )  # two alone in org 1, half of org 2's other, half the shared


@pytest.mark.django_db
def test_the_overview_agrees_with_a_direct_count(delegates, organizer):
    from solidarity.coalition import services
    from solidarity.coalition.models import Organization
    from solidarity.coalition.selectors import representation_overview

    teachers = Organization.objects.get(name_en="Teachers Circle")
    women = Organization.objects.get(name_en="Women Forum")
    services.register_delegate(actor=organizer, display_name="Bridge", organizations=[teachers, women])
    view = representation_overview()
    assert view.families_by_sectors.cell("socialist", "teachers").delegates == teachers.delegates.count()
    assert view.delegate_count == 7
    assert view.inclusiveness.coverage == pytest.approx(1.0)


@pytest.mark.django_db
def test_the_overview_is_cached_until_the_registry_changes(delegates, organizer, terms, django_assert_num_queries):
    from solidarity.coalition.selectors import representation_overview
    from tests.conftest import make_member

    first = representation_overview()
    with django_assert_num_queries(0):
        assert representation_overview().member_count == first.member_count
    make_member("Newcomers", families=[terms["socialist"]], ties=[], sectors=[terms["women"]], actor=organizer)
    assert representation_overview().member_count == first.member_count + 1


@pytest.mark.django_db
def test_an_evicted_version_never_brings_back_an_old_overview(delegates, organizer, terms):
    """The cache may drop the version key at any time (LRU, cull): the next one must not reuse an old number."""
    from django.core.cache import cache

    from solidarity.coalition import freshness
    from solidarity.coalition.selectors import representation_overview
    from tests.conftest import make_member

    cache.delete(freshness.KEY)  # evicted once: the overview is cached under a freshly started version
    first = representation_overview()
    make_member("Newcomers", families=[terms["socialist"]], ties=[], sectors=[terms["women"]], actor=organizer)
    cache.delete(freshness.KEY)  # and evicted again after a change
    assert representation_overview().member_count == first.member_count + 1
