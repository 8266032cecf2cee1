"""Approval committee rules, exact: the Method of Equal Shares and proportional approval voting.

Pure Python with exact arithmetic (``fractions.Fraction`` and integers), no solver. Candidates are
the integers ``0 .. m-1``; a profile is a mapping from an approval ballot (a bit mask of candidates,
never empty) to the number of voters who cast it. Voters with the same ballot are interchangeable
in both rules, so they are counted once with their number as weight.

Each function returns exactly the committee that abcvoting 2.x returns with ``resolute=True``
(``equal-shares`` with ``algorithm="standard-fractions"`` and its default seq-Phragmén completion;
``pav`` with ``algorithm="branch-and-bound"``), ties included. abcvoting itself cannot be installed
without the proprietary Gurobi solver, so the tests check this against committees abcvoting
computed (``tests/elections/data/abcvoting_vectors.json``) and, where abcvoting is installed,
against abcvoting live on Hypothesis profiles.

Ties:

- Equal Shares and seq-Phragmén add one candidate at a time; of the candidates tied for the
  smallest cost (or load) the one with the smallest index is added.
- PAV: of the committees with the largest PAV score, the one whose member indices, written as
  decimal text, sorted as text and joined as ``"{i, j, k}"``, come first in text order. This is
  abcvoting's order (it sorts committees by their printed form); with ten candidates or fewer it is
  plain lexicographic order of the sorted indices.

Size: Equal Shares is polynomial (at most ``seats x m`` cost computations per added candidate).
PAV is NP-hard in general; the branch and bound here is exact for every size, and its running time
is what bounds it: the tests time it at 30 candidates and 7 seats (see ``docs/elections.md``).
Above ``PAV_MAX_COMMITTEES`` possible committees it refuses to start rather than run for hours.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from heapq import nlargest
from math import comb, lcm

Profile = Mapping[int, int]  # approval ballot as a bit mask -> number of voters who cast it

PAV_MAX_COMMITTEES = 10**9  # C(m, seats) above which PAV refuses to count (C(40, 8) = 76,904,685)


class ApprovalError(ValueError):
    """The count cannot be carried out (bad arguments or a committee space too large)."""


def _check(profile: Profile, candidates: int, seats: int) -> None:
    if seats < 1 or seats > candidates:
        raise ApprovalError("seats must be between 1 and the number of candidates")
    for ballot, voters in profile.items():
        if ballot <= 0 or ballot >> candidates or voters < 1:
            raise ApprovalError("a ballot is empty, names an unknown candidate, or has no voter")


def _members(ballot: int, candidates: int) -> list[int]:
    return [c for c in range(candidates) if ballot >> c & 1]


# --- Method of Equal Shares, completed by sequential Phragmén ------------------------------------


def _min_cost(budget: Sequence[Fraction], weight: Sequence[int], groups: Sequence[int]) -> Fraction | None:
    """The smallest per-voter price q at which the supporters (``groups``) can pay 1 together.

    Every supporter pays q, or all she has left when that is less; None when they cannot pay 1.
    """
    rich = set(groups)
    poor_budget = Fraction(0)
    while rich:
        q = (1 - poor_budget) / sum(weight[g] for g in rich)
        new_poor = {g for g in rich if budget[g] < q}
        if not new_poor:
            return q
        rich -= new_poor
        poor_budget += sum(budget[g] * weight[g] for g in new_poor)
    return None


def equal_shares(profile: Profile, candidates: int, seats: int) -> list[int]:
    """The Method of Equal Shares with exact fractions, completed by sequential Phragmén.

    Every voter starts with a budget of seats / voters; a candidate costs 1, shared by her
    supporters as equally as their budgets allow. The affordable candidate with the smallest
    per-voter price is added, until none is affordable; the remaining seats go by seq-Phragmén,
    starting from loads equal to minus the budgets left. Returns the sorted committee.
    """
    _check(profile, candidates, seats)
    ballots = list(profile)
    weight = [profile[b] for b in ballots]
    supporters = [[g for g, b in enumerate(ballots) if b >> c & 1] for c in range(candidates)]
    voters = sum(weight)
    budget = [Fraction(seats, voters) for _ in ballots]  # per voter of each group
    committee: list[int] = []
    while len(committee) < seats:
        costs: dict[int, Fraction] = {}
        for c in range(candidates):
            if c not in committee:
                q = _min_cost(budget, weight, supporters[c])
                if q is not None:
                    costs[c] = q
        if not costs:
            break
        cheapest = min(costs.values())
        chosen = min(c for c, q in costs.items() if q == cheapest)
        for g in supporters[chosen]:
            budget[g] -= min(budget[g], cheapest)
        committee.append(chosen)
    if len(committee) < seats:
        committee = _seq_phragmen(weight, supporters, seats, committee, [-b for b in budget])
    return sorted(committee)


def _seq_phragmen(
    weight: Sequence[int],
    supporters: Sequence[Sequence[int]],
    seats: int,
    committee: list[int],
    load: list[Fraction],
) -> list[int]:
    """Sequential Phragmén from a partial committee and starting loads (per voter of each group)."""
    backing = [sum(weight[g] for g in groups) for groups in supporters]
    committee = list(committee)
    while len(committee) < seats:
        new_load: list[Fraction] = []
        for c, groups in enumerate(supporters):
            if c in committee:
                new_load.append(Fraction(seats + 2))  # larger than any possible load
            elif backing[c] == 0:
                new_load.append(Fraction(seats + 1))  # nobody approves c: only when nobody else is left
            else:
                new_load.append((sum((weight[g] * load[g] for g in groups), Fraction(0)) + 1) / backing[c])
        lowest = min(new_load)
        chosen = new_load.index(lowest)  # the smallest index among the tied
        for g in supporters[chosen]:
            load[g] = lowest
        committee.append(chosen)
    return committee


# --- proportional approval voting ----------------------------------------------------------------


def pav_score(profile: Profile, committee: Sequence[int]) -> Fraction:
    """The PAV score: each voter counts 1 + 1/2 + ... + 1/j for j approved members."""
    mask = sum(1 << c for c in set(committee))
    harmonic = [Fraction(0)]
    for j in range(1, len(set(committee)) + 1):
        harmonic.append(harmonic[-1] + Fraction(1, j))
    return sum((voters * harmonic[(ballot & mask).bit_count()] for ballot, voters in profile.items()), Fraction(0))


def _tie_key(committee: Sequence[int]) -> str:
    """abcvoting's order of tied committees: the sorted-as-text indices, printed as a set."""
    return "{" + ", ".join(sorted(str(c) for c in committee)) + "}"


def pav(profile: Profile, candidates: int, seats: int) -> list[int]:
    """Proportional approval voting, solved exactly by branch and bound.

    Scores are integers in units of 1 / lcm(1..seats). Committees are explored in abcvoting's tie
    order (see the module docstring), so the first committee found with the best score is the
    answer, and a branch whose upper bound does not beat it is cut. The bound is abcvoting's: the
    score so far plus the largest marginal gains of the candidates still open (PAV's gains only
    shrink as members are added). Returns the sorted committee.
    """
    _check(profile, candidates, seats)
    if comb(candidates, seats) > PAV_MAX_COMMITTEES:
        raise ApprovalError(f"PAV over {candidates} candidates for {seats} seats is too large to count exactly")
    unit = lcm(*range(1, seats + 2))  # every marginal gain 1/j, j <= seats + 1, is a whole number of units
    ballots = list(profile)
    weight = [profile[b] for b in ballots]
    members = [_members(b, candidates) for b in ballots]
    supporters = [[g for g, b in enumerate(ballots) if b >> c & 1] for c in range(candidates)]
    elected_in = [0] * len(ballots)  # members of the partial committee each ballot approves
    gains = [sum(weight[g] for g in supporters[c]) * unit for c in range(candidates)]  # of adding c now

    def add(c: int, step: int) -> None:
        """Add c to the partial committee (step 1) or take it out again (step -1), updating gains."""
        for g in supporters[c]:
            before = elected_in[g] if step == 1 else elected_in[g] - 1  # members approved without c
            change = weight[g] * (unit // (before + 2) - unit // (before + 1)) * step
            elected_in[g] += step
            for x in members[g]:
                gains[x] += change

    # Inner positions take candidates in text order of their index (the same as the text order of
    # the index followed by ", " as in the printed set); the last position in the text order of
    # the index followed by "}". Either way a member's successors come after it in text order.
    order = sorted(range(candidates), key=str)
    last_rank = {c: rank for rank, c in enumerate(sorted(range(candidates), key=lambda c: f"{c}}}"))}

    # A lower bound to start from: the score of sequential PAV's committee (not yet an answer).
    best_score = 0
    greedy: list[int] = []
    for _ in range(seats):
        chosen = max((c for c in range(candidates) if c not in greedy), key=lambda c: (gains[c], -c))
        best_score += gains[chosen]
        greedy.append(chosen)
        add(chosen, 1)
    for c in reversed(greedy):
        add(c, -1)
    best: list[int] | None = None

    def search(start: int, chosen: list[int], score: int) -> None:
        nonlocal best, best_score
        missing = seats - len(chosen)
        open_ = order[start:]
        bound = score + sum(nlargest(missing, (gains[c] for c in open_)))
        if bound < best_score or (bound == best_score and best is not None):
            return  # nothing below beats what we have (a tie found later loses on the order)
        if missing == 1:
            top = max(gains[c] for c in open_)
            last = min((c for c in open_ if gains[c] == top), key=last_rank.__getitem__)
            best, best_score = [*chosen, last], score + top
            return
        for position in range(start, len(order) - missing + 1):
            c = order[position]
            gain = gains[c]
            add(c, 1)
            search(position + 1, [*chosen, c], score + gain)
            add(c, -1)

    search(0, [], 0)
    if best is None:  # pragma: no cover - the greedy committee's score is always reached again
        raise ApprovalError("PAV search found no committee")
    return sorted(best)
