"""The exact approval rules against abcvoting (vendored committees, and live where installed)."""

from __future__ import annotations

import importlib.util
import itertools
import json
import time
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solidarity.elections import approval, tally

VECTORS = Path(__file__).resolve().parent / "data" / "abcvoting_vectors.json"
HAS_ABCVOTING = importlib.util.find_spec("abcvoting") is not None
NO_ABCVOTING = (
    "abcvoting is not installed (it needs the proprietary gurobipy, so neither lock has it); the vendored "
    "vectors in tests/elections/data/abcvoting_vectors.json check the same rules"
)


def grouped(ballots: Sequence[Sequence[int]]) -> dict[int, int]:
    return dict(Counter(sum(1 << c for c in ballot) for ballot in ballots))


@st.composite
def profiles(draw: st.DrawFn, max_candidates: int = 12) -> tuple[int, int, list[list[int]]]:
    m = draw(st.integers(1, max_candidates))
    seats = draw(st.integers(1, min(m, 5)))
    ballot = st.lists(st.integers(0, m - 1), min_size=1, max_size=m, unique=True).map(sorted)
    blocs = draw(st.lists(ballot, min_size=1, max_size=4))
    ballots = draw(st.lists(st.one_of(st.sampled_from(blocs), ballot), min_size=1, max_size=16))
    return m, seats, ballots


def test_the_vendored_abcvoting_committees_are_reproduced_exactly() -> None:
    document = json.loads(VECTORS.read_text())
    vectors = document["vectors"]
    assert len(vectors) == 1000 and document["generated_by"].startswith("abcvoting 2.")
    ties_beyond_ten = 0
    for vector in vectors:
        profile, m, seats = grouped(vector["ballots"]), vector["candidates"], vector["seats"]
        assert approval.equal_shares(profile, m, seats) == vector["equal-shares"], vector
        assert approval.pav(profile, m, seats) == vector["pav"], vector
        if m > 10 and any(c >= 10 for c in vector["pav"]):
            ties_beyond_ten += 1
    assert ties_beyond_ten > 50  # the text order of indices >= 10 is exercised


@pytest.mark.skipif(not HAS_ABCVOTING, reason=NO_ABCVOTING)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_agrees_with_abcvoting_live(case: tuple[int, int, list[list[int]]]) -> None:
    from abcvoting import abcrules
    from abcvoting.preferences import Profile

    m, seats, ballots = case
    abc = Profile(m)
    abc.add_voters([set(b) for b in ballots])
    mes = abcrules.compute("equal-shares", abc, seats, algorithm="standard-fractions", resolute=True)[0]
    pav = abcrules.compute("pav", abc, seats, algorithm="branch-and-bound", resolute=True)[0]
    assert approval.equal_shares(grouped(ballots), m, seats) == sorted(mes)
    assert approval.pav(grouped(ballots), m, seats) == sorted(pav)


@settings(max_examples=300, deadline=None)
@given(profiles(max_candidates=11))
def test_pav_is_the_first_best_committee_of_an_exhaustive_search(case: tuple[int, int, list[list[int]]]) -> None:
    m, seats, ballots = case
    profile = grouped(ballots)
    scored = [(approval.pav_score(profile, c), c) for c in itertools.combinations(range(m), seats)]
    top = max(score for score, _ in scored)
    expected = min((c for score, c in scored if score == top), key=approval._tie_key)
    assert approval.pav(profile, m, seats) == list(expected)


@settings(max_examples=200, deadline=None)
@given(profiles(max_candidates=8))
def test_equal_shares_never_lets_a_cohesive_group_go_unrepresented(case: tuple[int, int, list[list[int]]]) -> None:
    """Extended justified representation holds for Equal Shares; its weaker form (JR) is checked
    here: a group of at least n/k voters sharing a candidate has some approved member elected."""
    m, seats, ballots = case
    committee = set(approval.equal_shares(grouped(ballots), m, seats))
    assert len(committee) == seats
    for c in range(m):
        group = [b for b in ballots if c in b]
        if len(group) * seats >= len(ballots):
            assert any(committee & set(b) for b in group), (committee, c)


def test_known_profiles() -> None:
    # 6 voters approve a and b, 4 approve c: both rules give c one of the two seats; the tie
    # between a and b goes to the smaller index.
    profile = grouped([[0, 1]] * 6 + [[2]] * 4)
    assert approval.equal_shares(profile, 3, 2) == [0, 2]
    assert approval.pav(profile, 3, 2) == [0, 2]  # 6 x 1 + 4 x 1 = 10 > 6 x 1.5 = 9
    # Equal Shares runs out of affordable candidates and seq-Phragmén fills the last seat.
    sparse = grouped([[0], [1], [2], [3]])
    assert approval.equal_shares(sparse, 4, 2) == [0, 1]
    assert approval.pav_score(profile, [0, 1]) == Fraction(9)
    # abcvoting's order of tied committees: "{10}" sorts before "{2}" as text.
    assert approval.pav(grouped([[2], [10]]), 11, 1) == [10]
    assert approval.pav(grouped([[1], [10]]), 11, 1) == [10]  # "{10}" < "{1}": "0" sorts before "}"
    assert approval.pav(grouped([[0, 1], [0, 10]]), 11, 2) == [0, 10]  # "{0, 10}" < "{0, 1}" likewise
    assert approval.pav(grouped([[0, 1], [0, 10], [3, 4]]), 11, 3) == [0, 1, 3]  # "{0, 1, 3}" < "{0, 10, 3}"


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(approval.ApprovalError):
        approval.pav({0b1: 1}, 1, 2)
    with pytest.raises(approval.ApprovalError):
        approval.equal_shares({0b100: 1}, 2, 1)  # candidate 2 does not exist
    with pytest.raises(approval.ApprovalError):
        approval.pav({0: 3}, 2, 1)  # an empty ballot
    with pytest.raises(approval.ApprovalError, match="too large"):
        approval.pav({0b1: 1}, 60, 30)
    with pytest.raises(tally.CountError, match="too large"):
        tally.approval_committee([{"c0"}], [f"c{i}" for i in range(60)], 30, rule="pav")


@pytest.mark.slow
def test_pav_at_thirty_candidates_and_seven_seats_takes_seconds_not_hours() -> None:
    import random

    rng = random.Random(7)
    blocs = [rng.sample(range(30), rng.randint(2, 8)) for _ in range(6)]
    ballots = [
        rng.choice(blocs) if rng.random() < 0.7 else rng.sample(range(30), rng.randint(1, 10)) for _ in range(2000)
    ]
    started = time.monotonic()
    committee = approval.pav(grouped(ballots), 30, 7)
    assert len(committee) == 7
    assert time.monotonic() - started < 60
