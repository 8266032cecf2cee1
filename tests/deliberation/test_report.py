"""The pure report helpers: small-cell suppression of group make-up, the opinion map, the stored report."""

from __future__ import annotations

import numpy as np

from solidarity.deliberation import engine
from solidarity.deliberation.report import (
    BRIDGING_MAX_FACTOR,
    MAX_POINTS,
    SMALL_CELL,
    build_report,
    group_makeup,
    opinion_map_svg,
)


def test_group_makeup_shows_cells_of_five_or_more_and_hides_the_rest() -> None:
    labels = {p: ["Socialist"] for p in range(6)} | {p: ["Monarchist"] for p in range(6, 9)}
    labels[0] = ["Socialist", "Federalist"]  # one person may carry two labels; counted once per label
    labels[20] = ["Socialist", "Socialist"]  # a repeated label counts once
    makeup = group_makeup({0: [*range(9), 20], 1: [10, 11, 12]}, labels)
    assert makeup[0] == [("Socialist", 7)]  # Monarchist (3) and Federalist (1) are under five: not shown
    assert makeup[1] == []  # members without labels: nothing to show, nothing to infer


def test_a_group_with_fewer_than_five_labelled_members_shows_nothing() -> None:
    labels = {p: ["Teachers"] for p in range(4)}
    assert group_makeup({0: range(4)}, labels) == {0: []}
    assert group_makeup({0: range(5)}, labels | {4: ["Teachers"]}) == {0: [("Teachers", SMALL_CELL)]}


def test_opinion_map_has_positions_only_and_escapes_its_label() -> None:
    svg = opinion_map_svg([[1.0, -1.0, 0], [-0.5, 0.25, 1]], label='Map "<x>"')
    assert svg.count("<circle") == 2
    assert 'class="g0"' in svg and 'class="g1"' in svg
    assert "<x>" not in svg and "&lt;x&gt;" in svg
    assert "opinion-map" in opinion_map_svg([])


def test_report_caps_the_points_and_names_no_one() -> None:
    rng = np.random.default_rng(1)
    n = MAX_POINTS * 2 + 10
    camp = rng.integers(0, 2, n)
    votes = [(p, s, 1 if (s % 2 == camp[p]) or s < 2 else -1) for p in range(n) for s in range(8)]
    result = engine.compute(engine.VoteTable.from_tuples(votes), bridging=False)
    report = build_report(result)
    assert report["k"] == 2
    assert len(report["points"]) <= MAX_POINTS
    assert report["point_sample_step"] == 3
    assert all(len(point) == 3 for point in report["points"])  # x, y, group: no participant id
    assert set(report["common_ground"][:2]) == {0, 1}


def test_bridging_rank_keeps_out_statements_that_follow_the_divide() -> None:
    # two camps in lockstep: statements 0-2 everyone agrees with, the rest split the camps
    votes = [(p, s, 1 if (s < 3 or s % 2 == p % 2) else -1) for p in range(16) for s in range(24)]
    result = engine.compute(engine.VoteTable.from_tuples(votes))
    partisan = [b for b in result.bridging if b.statement >= 3]
    assert all(b.intercept > 0 and abs(b.factor) >= BRIDGING_MAX_FACTOR for b in partisan if b.statement % 2 == 0)
    assert sorted(build_report(result)["bridging_rank"]) == [0, 1, 2]  # before: all 24 statements
