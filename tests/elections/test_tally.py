"""Counting rules: worked examples, constraints, motions, and agreement with the libraries."""

from __future__ import annotations

import random
import warnings
from collections.abc import Sequence

import pytest

from solidarity.elections import tally
from solidarity.elections.tally import CandidateInfo, Constraint


def _cands(ids: Sequence[str], **attributes: dict[str, set[str]]) -> list[CandidateInfo]:
    return [CandidateInfo(c, {k: frozenset(v) for k, v in attributes.get(c, {}).items()}) for c in ids]


def test_stv_worked_example_with_surplus_and_exclusion() -> None:
    # 20 ballots, 2 seats: quota = 20 // 3 + 1 = 7.
    rankings = [["a", "b"]] * 10 + [["c"]] * 6 + [["d", "b"]] * 4
    result = tally.scottish_stv(rankings, _cands("abcd"), 2)
    assert result.quota == 7
    assert result.stages[0].action == "first"
    assert result.stages[0].elected == ["a"]
    surplus = result.stages[1]
    assert surplus.action == "surplus"
    assert surplus.subject == "a"
    # Each of a's 10 papers carries (3 x 1) / 10 = 0.3 to b.
    assert surplus.transfers == {"b": "3.00000"}
    assert surplus.totals["a"] == "7.00000"
    exclusion = result.stages[2]
    assert exclusion.action == "exclusion"
    assert exclusion.subject == "b"
    # b (3.0) is lowest; a's papers exhaust, d's not yet with b.
    assert result.elected == ["a", "c"] or result.elected == ["a", "d"]
    assert result.elected == ["a", "c"]


def test_stv_truncates_transfer_values_to_five_places() -> None:
    # 3 seats, 13 ballots: quota 4; a has 7 papers, surplus 3: 3/7 = 0.428571... -> 0.42857.
    rankings = [["a", "b"]] * 7 + [["c"]] * 4 + [["d"]] * 2
    result = tally.scottish_stv(rankings, _cands("abcd"), 3)
    surplus = next(s for s in result.stages if s.action == "surplus" and s.subject == "a")
    assert surplus.transfers == {"b": "2.99999"}  # 7 x 0.42857
    assert surplus.totals["a"] == "4.00001"


def test_stv_exclusion_tie_uses_earlier_stage_then_lot() -> None:
    rankings = [["a"]] * 5 + [["b"]] * 2 + [["c"]] * 2 + [["d"]] * 1
    result = tally.scottish_stv(rankings, _cands("abcd"), 1, seed="seed")
    assert result.elected == ["a"]
    rankings = [["a"], ["b"], ["c"]]
    first = tally.scottish_stv(rankings, _cands("abc"), 1, seed="s1")
    again = tally.scottish_stv(rankings, _cands("abc"), 1, seed="s1")
    assert first.lot_used
    assert first.elected == again.elected
    winners = {tally.scottish_stv(rankings, _cands("abc"), 1, seed=f"s{i}").elected[0] for i in range(30)}
    assert len(winners) > 1  # the lot depends on the seed, not on the alphabet


def test_stv_rejects_bad_rankings() -> None:
    with pytest.raises(tally.CountError):
        tally.scottish_stv([["a", "a"]], _cands("ab"), 1)
    with pytest.raises(tally.CountError):
        tally.scottish_stv([["z"]], _cands("ab"), 1)
    with pytest.raises(tally.CountError):
        tally.scottish_stv([["a"]], _cands("ab"), 3)


def test_constraint_minimum_guards_candidates() -> None:
    attrs = {"w1": {"gender": {"woman"}}, "w2": {"gender": {"woman"}}}
    candidates = _cands(["m1", "m2", "m3", "w1", "w2"], **attrs)
    rankings = [["m1"]] * 6 + [["m2"]] * 5 + [["m3"]] * 4 + [["w1"]] * 1 + [["w2"]] * 1
    plain = tally.scottish_stv(rankings, candidates, 3)
    assert not {"w1", "w2"} & set(plain.elected)
    constraint = [Constraint("min", "gender", "woman", 2)]
    constrained = tally.scottish_stv(rankings, candidates, 3, constraints=constraint)
    assert {"w1", "w2"} <= set(constrained.elected)
    assert len(constrained.elected) == 3
    assert any("constraint" in s.note for s in constrained.stages)


def test_constraint_maximum_per_organization_dooms_candidates() -> None:
    attrs = {c: {"organization": {"org-1"}} for c in ("a1", "a2", "a3")}
    attrs["b1"] = {"organization": {"org-2"}}
    candidates = _cands(["a1", "a2", "a3", "b1"], **attrs)
    rankings = [["a1", "a2", "a3"]] * 9 + [["a2", "a3"]] * 8 + [["a3"]] * 7 + [["b1"]] * 2
    plain = tally.scottish_stv(rankings, candidates, 3)
    assert set(plain.elected) == {"a1", "a2", "a3"}
    constrained = tally.scottish_stv(rankings, candidates, 3, constraints=[Constraint("max", "organization", None, 2)])
    assert "b1" in constrained.elected
    assert sum(1 for c in constrained.elected if c.startswith("a")) == 2


def test_unsatisfiable_constraints_are_refused() -> None:
    candidates = _cands(["a", "b"], a={"gender": {"woman"}})
    with pytest.raises(tally.CountError):
        tally.scottish_stv([["a"]], candidates, 1, constraints=[Constraint("min", "gender", "woman", 2)])


def test_feasibility_search_is_exact_on_small_cases() -> None:
    import itertools

    rng = random.Random(7)
    for _ in range(60):
        ids = [f"c{i}" for i in range(7)]
        attrs = {c: {"gender": {rng.choice(["woman", "man"])}, "organization": {f"o{rng.randrange(3)}"}} for c in ids}
        candidates = _cands(ids, **attrs)
        seats = rng.randint(1, 4)
        constraints = [
            Constraint("min", "gender", "woman", rng.randint(0, 2)),
            Constraint("max", "organization", None, rng.randint(1, 2)),
        ]
        feasibility = tally.Feasibility(candidates, constraints, seats)

        def ok(
            committee: Sequence[str],
            attrs: dict[str, dict[str, set[str]]] = attrs,
            constraints: list[Constraint] = constraints,
        ) -> bool:
            women = sum(1 for c in committee if "woman" in attrs[c]["gender"])
            per_org: dict[str, int] = {}
            for c in committee:
                for o in attrs[c]["organization"]:
                    per_org[o] = per_org.get(o, 0) + 1
            return women >= constraints[0].limit and all(v <= constraints[1].limit for v in per_org.values())

        elected = ids[:1]
        brute = any(ok(elected + list(rest)) for rest in itertools.combinations(ids[1:], seats - 1))
        assert feasibility.feasible(elected, ids[1:]) == brute


def test_motion_thresholds() -> None:
    simple = tally.count_motion(["yes"] * 5 + ["no"] * 4 + ["abstain"] * 10, "1/2")
    assert simple.passed
    assert (simple.yes, simple.no, simple.abstain) == (5, 4, 10)
    assert not tally.count_motion(["yes"] * 4 + ["no"] * 4, "1/2").passed
    assert tally.count_motion(["yes"] * 6 + ["no"] * 3, "2/3").passed
    assert not tally.count_motion(["yes"] * 5 + ["no"] * 3, "2/3").passed
    assert not tally.count_motion(["abstain"], "1/2").passed
    with pytest.raises(tally.CountError):
        tally.count_motion(["maybe"], "1/2")
    with pytest.raises(tally.CountError):
        tally.parse_threshold("1/3")


def test_read_ballot_accepts_only_well_formed_content() -> None:
    ids = ["a", "b"]
    assert tally.read_ballot("scottish-stv", {"ranking": ["b", "a"]}, ids) == ["b", "a"]
    assert tally.read_ballot("scottish-stv", {"ranking": []}, ids) is None
    assert tally.read_ballot("scottish-stv", {"ranking": ["a", "a"]}, ids) is None
    assert tally.read_ballot("scottish-stv", {"ranking": "a"}, ids) is None
    assert tally.read_ballot("pav", {"approve": ["a"]}, ids) == frozenset({"a"})
    assert tally.read_ballot("pav", {"approve": ["x"]}, ids) is None
    assert tally.read_ballot("motion", {"choice": "no"}, ids) == "no"
    assert tally.read_ballot("motion", {"choice": "perhaps"}, ids) is None


def test_approval_committee_equal_shares_and_pav() -> None:
    approvals = [{"a", "b"}] * 6 + [{"c"}] * 4
    mes = tally.approval_committee(approvals, ["a", "b", "c"], 2, rule="equal-shares", seed="s")
    assert set(mes.elected) == {"a", "c"} or set(mes.elected) == {"b", "c"}
    pav = tally.approval_committee(approvals, ["a", "b", "c"], 2, rule="pav", seed="s")
    assert set(pav.elected) == {"a", "b"} or "c" in pav.elected
    assert pav.approvals == {"a": 6, "b": 6, "c": 4}


# --- agreement with the libraries on random profiles ------------------------------------------


def _random_profile(rng: random.Random) -> tuple[list[str], list[list[str]], int]:
    m = rng.randint(3, 7)
    ids = [f"c{i}" for i in range(m)]
    # A few "parties" of similar rankings make surpluses and transfers matter.
    prototypes = [rng.sample(ids, m) for _ in range(3)]
    rankings: list[list[str]] = []
    for _ in range(rng.randint(8, 60)):
        base = list(rng.choice(prototypes))
        if rng.random() < 0.4:
            i, j = rng.randrange(m), rng.randrange(m)
            base[i], base[j] = base[j], base[i]
        rankings.append(base[: rng.randint(1, m)])
    return ids, rankings, rng.randint(1, min(4, m - 1))


def _pref_voting_winners(ids: list[str], rankings: list[list[str]], seats: int) -> list[str]:
    from pref_voting.profiles_with_ties import ProfileWithTies
    from pref_voting.proportional_methods import stv_scottish

    index = {c: i for i, c in enumerate(ids)}
    profile = ProfileWithTies(
        [{index[c]: r + 1 for r, c in enumerate(ranking)} for ranking in rankings], candidates=list(range(len(ids)))
    )
    return sorted(ids[i] for i in stv_scottish(profile, num_seats=seats, rng=random.Random(0)))


def test_stv_agrees_with_pref_voting_on_1000_random_profiles() -> None:
    rng = random.Random(2026)
    compared = 0
    for _ in range(1000):
        ids, rankings, seats = _random_profile(rng)
        ours = tally.scottish_stv(rankings, _cands(ids), seats, seed="x")
        if ours.lot_used:
            continue  # pref_voting draws its own lot
        assert sorted(ours.elected) == _pref_voting_winners(ids, rankings, seats), (rankings, seats)
        compared += 1
    assert compared > 700


@pytest.mark.slow
def test_stv_agrees_with_votekit_where_the_rules_coincide() -> None:
    """votekit's STV is Gregory with exact fractions and no truncation; on profiles where no
    surplus is ever transferred (only exclusions) it is the same rule as Scottish STV."""
    from votekit import RankBallot, RankProfile
    from votekit.elections import STV

    rng = random.Random(99)
    compared = 0
    for _ in range(1000):
        ids, rankings, seats = _random_profile(rng)
        ours = tally.scottish_stv(rankings, _cands(ids), seats, seed="x")
        if ours.ties or any(s.action == "surplus" for s in ours.stages):
            continue
        ballots = [RankBallot(ranking=[{c} for c in r]) for r in rankings]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            profile = RankProfile(ballots=ballots, candidates=ids)
            try:
                election = STV(profile, n_seats=seats, simultaneous=False, tiebreak=None, exact=True)
            except ValueError:
                continue  # votekit refuses a count that needs a tie broken; ours uses the lot
            theirs = sorted(c for group in election.get_elected() for c in group)
        assert sorted(ours.elected) == theirs, (rankings, seats)
        compared += 1
    assert compared > 100


def test_order_of_election_at_one_stage_follows_the_earlier_stage_then_lot() -> None:
    """Two reach the quota at the same stage with equal votes: the earlier stage orders them, then the lot."""
    candidates = [tally.CandidateInfo(c) for c in "ABCD"]
    # Stage 1: A 4, B 5, C 3, D 5 (quota 6). C is excluded: A and B both reach 6 at stage 2.
    rankings = [["A"]] * 4 + [["B"]] * 5 + [["C", "A"]] * 2 + [["C", "B"]] + [["D"]] * 5
    result = tally.scottish_stv(rankings, candidates, 2, seed="s")
    assert result.quota == 6
    assert result.elected == ["B", "A"]  # B was ahead at stage 1
    assert result.stages[-1].note == "order of election decided by an earlier stage"
    assert not result.lot_used
    # Stage 1: A 5, B 5, C 4, D 6 (quota 7). C is excluded: A and B both reach 7, equal at every stage.
    rankings = [["A"]] * 5 + [["B"]] * 5 + [["C", "A"]] * 2 + [["C", "B"]] * 2 + [["D"]] * 6
    for seed in ("s", "t", "u", "v"):
        result = tally.scottish_stv(rankings, candidates, 2, seed=seed)
        assert result.elected == tally.lot_order("AB", seed)
        assert result.lot_used
        assert result.stages[-1].note == "order of election decided by lot"
