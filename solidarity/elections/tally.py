"""Counting rules: Scottish STV with representation constraints, approval committees, motions.

Pure Python, no Django. Scottish STV follows the Scottish Local Government Elections Order 2007
(SSI 2007/42) rules 45-52 with exact integer arithmetic in units of 1/100000 of a vote, because
rule 48(3) computes transfer values "to five decimal places, any remainder being ignored".
pref_voting's ``stv_scottish`` computes the same rule with floats and returns only the winners;
the tests check that the two agree. Approval committees are counted exactly by ``approval``
(abcvoting's rules and ties, without its solvers). Ties that the rules leave to lot are decided
by a lot everyone can recompute: the candidates ordered by SHA-256 of the frozen definition hash
and the candidate id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import lru_cache
from itertools import pairwise
from typing import Any, Literal

from solidarity.elections import approval

SCALE = 100_000  # rule 48(3): five decimal places

Rule = Literal["scottish-stv", "equal-shares", "pav", "motion"]
RULES: tuple[str, ...] = ("scottish-stv", "equal-shares", "pav", "motion")
MOTION_CHOICES = ("yes", "no", "abstain")


class CountError(ValueError):
    """Raised when a count cannot be carried out as defined (e.g. unsatisfiable constraints)."""


@dataclass(frozen=True)
class Constraint:
    """A representation constraint.

    ``kind="min"``: at least ``limit`` elected candidates carry ``attribute=value``.
    ``kind="max"``: at most ``limit`` elected candidates carry ``attribute=value``; when ``value``
    is None the cap applies to every value of the attribute separately (e.g. per organization).
    """

    kind: Literal["min", "max"]
    attribute: str
    value: str | None
    limit: int


@dataclass(frozen=True)
class CandidateInfo:
    """A candidate's id and the attributes the constraints refer to."""

    id: str
    attributes: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Stage:
    """One stage of an STV count: what happened and the totals after it (decimal strings)."""

    number: int
    action: Literal["first", "surplus", "exclusion", "fill"]
    subject: str | None
    transfers: dict[str, str]
    non_transferable: str
    totals: dict[str, str]
    elected: list[str]
    excluded: list[str]
    note: str = ""


@dataclass(frozen=True)
class StvResult:
    """The outcome of an STV count."""

    quota: int
    valid: int
    elected: list[str]
    stages: list[Stage]
    lot_used: bool
    ties: int = 0


@dataclass(frozen=True)
class ApprovalResult:
    """The outcome of an approval committee count."""

    valid: int
    elected: list[str]
    approvals: dict[str, int]


@dataclass(frozen=True)
class MotionResult:
    """The outcome of a motion."""

    yes: int
    no: int
    abstain: int
    threshold: str
    passed: bool


# --- lot and formatting ----------------------------------------------------------------------


def lot_order(candidate_ids: Iterable[str], seed: str) -> list[str]:
    """Order candidates by SHA-256(seed ":" id): the published, recomputable lot."""
    return sorted(candidate_ids, key=lambda c: (hashlib.sha256(f"{seed}:{c}".encode()).hexdigest(), c))


def format_votes(scaled: int) -> str:
    """Render a scaled vote count as a decimal with five places."""
    whole, part = divmod(scaled, SCALE)
    return f"{whole}.{part:05d}"


def parse_threshold(text: str) -> Fraction:
    """Parse a motion threshold like "1/2" or "2/3"; it must lie in [1/2, 1]."""
    try:
        value = Fraction(text)
    except (ValueError, ZeroDivisionError) as error:
        raise CountError("threshold is not a fraction") from error
    if not Fraction(1, 2) <= value <= 1:
        raise CountError("threshold must be between 1/2 and 1")
    return value


NO_QUORUM = "0/1"


def parse_quorum(text: str) -> tuple[int, int]:
    """Parse a quorum, the share of the voter roll that must cast a ballot: "p/q" with 0 <= p <= q, q >= 1.

    Written as two whole numbers in decimal (no sign, no spaces, no leading zeros), so that one
    share has one spelling in the definition; "0/1" means no quorum.
    """
    numerator, slash, denominator = text.partition("/")
    for part in (numerator, denominator):
        if not part.isascii() or not part.isdigit() or (len(part) > 1 and part[0] == "0") or len(part) > 9:
            raise CountError("quorum is not a fraction p/q of whole numbers")
    if not slash:
        raise CountError("quorum is not a fraction p/q of whole numbers")
    p, q = int(numerator), int(denominator)
    if q < 1 or p > q:
        raise CountError("quorum must be between 0 and 1")
    return p, q


def quorum_required(quorum: str, electorate: int) -> int:
    """Return how many ballots the quorum asks for: the share of the voter roll, rounded up."""
    p, q = parse_quorum(quorum)
    return (p * electorate + q - 1) // q


def quorum_result(quorum: str, *, electorate: int, ballots: int) -> dict[str, Any]:
    """Say whether the quorum is met: every ballot in the box counts, spoilt ones included."""
    required = quorum_required(quorum, electorate)
    return {"required": required, "ballots": ballots, "met": ballots >= required}


# --- constraints -----------------------------------------------------------------------------


class Feasibility:
    """Answer whether elected candidates can be completed to a full committee within constraints.

    A depth-first search over the pool with pruning; exact, and small at the sizes of a
    coalition's committee (tens of candidates, a handful of seats). Results are cached.
    """

    def __init__(self, candidates: Sequence[CandidateInfo], constraints: Sequence[Constraint], seats: int):
        self.seats = seats
        self.constraints = tuple(constraints)
        self._ids = [c.id for c in candidates]
        self._categories: list[tuple[str, int, int]] = []  # (key, min, max)
        keys: dict[tuple[str, str], tuple[int, int]] = {}
        for constraint in self.constraints:
            values = (
                [constraint.value]
                if constraint.value is not None
                else sorted({v for c in candidates for v in c.attributes.get(constraint.attribute, frozenset())})
            )
            for value in values:
                low, high = keys.get((constraint.attribute, value), (0, seats))
                if constraint.kind == "min":
                    low = max(low, constraint.limit)
                else:
                    high = min(high, constraint.limit)
                keys[(constraint.attribute, value)] = (low, high)
        self._keys = sorted(keys)
        self._bounds = [keys[k] for k in self._keys]
        self._membership: dict[str, tuple[int, ...]] = {}
        for c in candidates:
            self._membership[c.id] = tuple(
                1 if value in c.attributes.get(attribute, frozenset()) else 0 for attribute, value in self._keys
            )

    @property
    def active(self) -> bool:
        """Tell whether any constraint applies."""
        return bool(self._keys)

    def feasible(self, elected: Iterable[str], pool: Iterable[str]) -> bool:
        """Tell whether ``elected`` plus some members of ``pool`` can fill the seats within limits."""
        elected_t = tuple(sorted(elected))
        pool_t = tuple(sorted(set(pool) - set(elected_t)))
        return self._feasible(elected_t, pool_t)

    @lru_cache(maxsize=65536)  # noqa: B019 -- the instance lives for one count only
    def _feasible(self, elected: tuple[str, ...], pool: tuple[str, ...]) -> bool:
        counts = [0] * len(self._keys)
        for c in elected:
            for i, member in enumerate(self._membership[c]):
                counts[i] += member
        needed = self.seats - len(elected)
        if needed < 0 or any(counts[i] > high for i, (_, high) in enumerate(self._bounds)):
            return False
        members = [self._membership[c] for c in pool]
        # suffix[i][k]: how many pool members from index i on carry category k.
        suffix = [[0] * len(self._keys) for _ in range(len(members) + 1)]
        for i in range(len(members) - 1, -1, -1):
            suffix[i] = [a + b for a, b in zip(suffix[i + 1], members[i], strict=True)]
        memo: dict[tuple[tuple[int, ...], int, int], bool] = {}

        def search(counts: tuple[int, ...], start: int, needed: int) -> bool:
            key = (counts, start, needed)
            if key in memo:
                return memo[key]
            deficit = [max(0, low - counts[i]) for i, (low, _) in enumerate(self._bounds)]
            if needed == 0:
                answer = not any(deficit)
            elif len(members) - start < needed or any(
                d > needed or d > suffix[start][i] for i, d in enumerate(deficit)
            ):
                answer = False
            else:
                answer = False
                for index in range(start, len(members)):
                    new_counts = tuple(c + m for c, m in zip(counts, members[index], strict=True))
                    if any(new_counts[i] > high for i, (_, high) in enumerate(self._bounds)):
                        continue
                    if search(new_counts, index + 1, needed - 1):
                        answer = True
                        break
            memo[key] = answer
            return answer

        return search(tuple(counts), 0, needed)


# --- Scottish STV ----------------------------------------------------------------------------


class _StvCount:
    def __init__(
        self,
        rankings: Sequence[Sequence[str]],
        candidates: Sequence[CandidateInfo],
        seats: int,
        constraints: Sequence[Constraint],
        seed: str,
    ) -> None:
        self.ids = [c.id for c in candidates]
        self.seats = seats
        self.lot = {c: i for i, c in enumerate(lot_order(self.ids, seed))}
        self.feasibility = Feasibility(candidates, constraints, seats)
        self.rankings = [tuple(r) for r in rankings if r]
        self.position = [0] * len(self.rankings)
        self.value = [SCALE] * len(self.rankings)
        self.piles: dict[str, list[int]] = {c: [] for c in self.ids}
        self.totals: dict[str, int] = dict.fromkeys(self.ids, 0)
        self.continuing: set[str] = set(self.ids)
        self.elected: list[str] = []
        self.excluded: list[str] = []
        self.surplus_done: set[str] = set()
        self.history: list[dict[str, int]] = []
        self.stages: list[Stage] = []
        self.lot_used = False
        self.ties = 0
        self.pending_notes: list[str] = []
        self.quota = len(self.rankings) // (seats + 1) + 1  # rule 46

    # bookkeeping
    def _snapshot(self) -> None:
        self.history.append(dict(self.totals))

    def _stage(
        self,
        action: Literal["first", "surplus", "exclusion", "fill"],
        subject: str | None,
        transfers: Mapping[str, int],
        lost: int,
        elected: list[str],
        excluded: list[str],
        note: str = "",
    ) -> None:
        self._snapshot()
        self.stages.append(
            Stage(
                number=len(self.stages) + 1,
                action=action,
                subject=subject,
                transfers={c: format_votes(v) for c, v in sorted(transfers.items()) if v},
                non_transferable=format_votes(lost),
                totals={c: format_votes(self.totals[c]) for c in self.ids},
                elected=elected,
                excluded=excluded,
                note=self.take_notes(note),
            )
        )

    def _next_preference(self, ballot: int) -> str | None:
        ranking = self.rankings[ballot]
        position = self.position[ballot] + 1
        while position < len(ranking):
            if ranking[position] in self.continuing:
                self.position[ballot] = position
                return ranking[position]
            position += 1
        self.position[ballot] = position
        return None

    def _break_tie(self, tied: list[str], prefer: Literal["highest", "lowest"]) -> tuple[str, str]:
        """Apply rules 49(2)/51(2): the most recent preceding stage where unequal, else lot."""
        self.ties += 1
        remaining = list(tied)
        for snapshot in reversed(self.history):
            values = [snapshot.get(c, 0) for c in remaining]
            extreme = max(values) if prefer == "highest" else min(values)
            narrowed = [c for c in remaining if snapshot.get(c, 0) == extreme]
            if len(narrowed) < len(remaining):
                remaining = narrowed
                if len(remaining) == 1:
                    return remaining[0], "tie decided by an earlier stage"
        self.lot_used = True
        # Highest preference: the first in lot order; lowest: the last in lot order.
        ordered = sorted(remaining, key=lambda c: self.lot[c])
        return (ordered[0] if prefer == "highest" else ordered[-1]), "tie decided by lot"

    # steps
    def first_preferences(self) -> None:
        for ballot, ranking in enumerate(self.rankings):
            first = ranking[0]
            self.piles[first].append(ballot)
            self.totals[first] += SCALE
        self._stage("first", None, {}, 0, [], [])

    def order_of_election(self, candidates: Iterable[str]) -> list[str]:
        """Order candidates elected at one stage: most votes first; equal votes by the most recent
        earlier stage where they differed (more votes first), then by lot. Notes how a tie was decided.
        """
        history = list(reversed(self.history))

        def key(c: str) -> tuple[int, tuple[int, ...], int]:
            return (-self.totals[c], tuple(-snapshot.get(c, 0) for snapshot in history), self.lot[c])

        ordered = sorted(candidates, key=key)
        for first, second in pairwise(ordered):
            if self.totals[first] != self.totals[second]:
                continue
            self.ties += 1
            if key(first)[1] == key(second)[1]:
                self.lot_used = True
                self.pending_notes.append("order of election decided by lot")
            else:
                self.pending_notes.append("order of election decided by an earlier stage")
        return ordered

    def take_notes(self, note: str = "") -> str:
        notes = [n for n in (note, *dict.fromkeys(self.pending_notes)) if n]
        self.pending_notes = []
        return "; ".join(notes)

    def deem_elected(self) -> list[str]:
        reached = [c for c in self.continuing if self.totals[c] >= self.quota * SCALE]
        newly: list[str] = []
        # Largest first, so that a constraint dooms the weaker of two who cannot both sit.
        for c in self.order_of_election(reached):
            if len(self.elected) >= self.seats:
                break
            if self.feasibility.active and not self.feasibility.feasible([*self.elected, c], self.continuing - {c}):
                continue  # doomed: excluded at the next exclusion step
            self.continuing.discard(c)
            self.elected.append(c)
            newly.append(c)
        return newly

    def transfer_surplus(self, candidate: str) -> None:
        total = self.totals[candidate]
        surplus = total - self.quota * SCALE
        transfers: dict[str, int] = {}
        lost = 0
        for ballot in self.piles[candidate]:
            # rule 48(3): (surplus x value when received) / total, remainder ignored
            transfer_value = surplus * self.value[ballot] // total
            if transfer_value == 0:
                continue
            self.totals[candidate] -= transfer_value
            target = self._next_preference(ballot)
            if target is None:
                lost += transfer_value
                continue
            self.value[ballot] = transfer_value
            self.piles[target].append(ballot)
            self.totals[target] += transfer_value
            transfers[target] = transfers.get(target, 0) + transfer_value
        self.piles[candidate] = []
        self.surplus_done.add(candidate)
        newly = self.deem_elected()
        self._stage("surplus", candidate, transfers, lost, newly, [])

    def exclude(self, candidate: str, note: str) -> None:
        self.continuing.discard(candidate)
        self.excluded.append(candidate)
        transfers: dict[str, int] = {}
        lost = 0
        for ballot in self.piles[candidate]:
            value = self.value[ballot]
            target = self._next_preference(ballot)
            if target is None:
                lost += value
                continue
            self.piles[target].append(ballot)
            self.totals[target] += value
            transfers[target] = transfers.get(target, 0) + value
        self.piles[candidate] = []
        self.totals[candidate] = 0
        newly = self.deem_elected()
        self._stage("exclusion", candidate, transfers, lost, newly, [candidate], note)

    def choose_exclusion(self) -> tuple[str, str]:
        if self.feasibility.active:
            doomed = [
                c for c in self.continuing if not self.feasibility.feasible([*self.elected, c], self.continuing - {c})
            ]
            if doomed:
                lowest = min(self.totals[c] for c in doomed)
                tied = [c for c in doomed if self.totals[c] == lowest]
                choice, note = self._break_tie(tied, "lowest") if len(tied) > 1 else (tied[0], "")
                return choice, ("excluded by a constraint" + (f"; {note}" if note else ""))
            pool = [c for c in self.continuing if self.feasibility.feasible(self.elected, self.continuing - {c})]
            if not pool:
                raise CountError("the constraints cannot be met")
            guarded_note = "" if len(pool) == len(self.continuing) else "guarded candidates kept by a constraint"
        else:
            pool = list(self.continuing)
            guarded_note = ""
        lowest = min(self.totals[c] for c in pool)
        tied = [c for c in pool if self.totals[c] == lowest]
        if len(tied) > 1:
            choice, note = self._break_tie(tied, "lowest")
            return choice, "; ".join(n for n in (guarded_note, note) if n)
        return tied[0], guarded_note

    def run(self) -> StvResult:
        if self.feasibility.active and not self.feasibility.feasible([], self.continuing):
            raise CountError("the constraints cannot be met by these candidates")
        self.first_preferences()
        newly = self.deem_elected()
        if newly:
            self.stages[-1] = replace(self.stages[-1], elected=newly, note=self.take_notes(self.stages[-1].note))
        while len(self.elected) < self.seats:
            vacancies = self.seats - len(self.elected)
            if len(self.continuing) <= vacancies:  # rule 52
                filled = self.order_of_election(self.continuing)
                if self.feasibility.active and not self.feasibility.feasible(self.elected + filled, []):
                    raise CountError("the constraints cannot be met")
                self.elected.extend(filled)
                self.continuing.clear()
                self._stage("fill", None, {}, 0, filled, [])
                break
            pending = [c for c in self.elected if c not in self.surplus_done and self.totals[c] > self.quota * SCALE]
            if pending:  # rule 49: the largest surplus first
                largest = max(self.totals[c] for c in pending)
                tied = [c for c in pending if self.totals[c] == largest]
                choice = self._break_tie(tied, "highest")[0] if len(tied) > 1 else tied[0]
                self.transfer_surplus(choice)
                continue
            candidate, note = self.choose_exclusion()  # rules 50 and 51
            self.exclude(candidate, note)
        return StvResult(
            quota=self.quota,
            valid=len(self.rankings),
            elected=list(self.elected),
            stages=self.stages,
            lot_used=self.lot_used,
            ties=self.ties,
        )


def scottish_stv(
    rankings: Sequence[Sequence[str]],
    candidates: Sequence[CandidateInfo],
    seats: int,
    *,
    constraints: Sequence[Constraint] = (),
    seed: str = "",
) -> StvResult:
    """Count ranked ballots by Scottish STV, with representation constraints if given.

    Constraints use the "guarded and doomed" method (Otten): a candidate whose election would
    make the constraints unsatisfiable is doomed and excluded before anyone else; a candidate
    whose exclusion would make them unsatisfiable is guarded and never excluded.
    """
    if seats < 1 or seats > len(candidates):
        raise CountError("seats must be between 1 and the number of candidates")
    known = {c.id for c in candidates}
    for ranking in rankings:
        if len(set(ranking)) != len(ranking) or not set(ranking) <= known:
            raise CountError("a ranking names an unknown candidate or repeats one")
    return _StvCount(rankings, candidates, seats, constraints, seed).run()


# --- approval committees -------------------------------------------------------------------


def approval_committee(
    approvals: Sequence[Iterable[str]],
    candidates: Sequence[str],
    seats: int,
    *,
    rule: Literal["equal-shares", "pav"],
    seed: str = "",
) -> ApprovalResult:
    """Elect a committee by an exact approval rule (``solidarity.elections.approval``).

    ``equal-shares`` is the Method of Equal Shares completed by sequential Phragmén; ``pav`` is
    proportional approval voting solved exactly by branch and bound. Both give abcvoting's
    committee, ties included; the remaining ties go by candidate index, so candidates are indexed
    in lot order.
    """
    if seats < 1 or seats > len(candidates):
        raise CountError("seats must be between 1 and the number of candidates")
    order = lot_order(candidates, seed)
    index = {c: i for i, c in enumerate(order)}
    ballots = [frozenset(a) for a in approvals]
    ballots = [b for b in ballots if b]
    counts = {c: sum(1 for b in ballots if c in b) for c in candidates}
    if not ballots:
        return ApprovalResult(valid=0, elected=order[:seats], approvals=counts)
    profile: dict[int, int] = {}
    for ballot in ballots:
        mask = sum(1 << index[c] for c in ballot)
        profile[mask] = profile.get(mask, 0) + 1
    try:
        if rule == "equal-shares":
            committee = approval.equal_shares(profile, len(order), seats)
        elif rule == "pav":
            committee = approval.pav(profile, len(order), seats)
        else:
            raise CountError(f"unknown approval rule {rule}")
    except approval.ApprovalError as error:
        raise CountError(str(error)) from error
    elected = sorted((order[i] for i in committee), key=lambda c: (-counts[c], index[c]))
    return ApprovalResult(valid=len(ballots), elected=elected, approvals=counts)


# --- motions -------------------------------------------------------------------------------


def count_motion(choices: Iterable[str], threshold: str) -> MotionResult:
    """Count a motion: it passes when yes > no and yes >= threshold x (yes + no).

    Abstentions are recorded but do not count toward the threshold.
    """
    limit = parse_threshold(threshold)
    tally = dict.fromkeys(MOTION_CHOICES, 0)
    for choice in choices:
        if choice not in tally:
            raise CountError("unknown motion choice")
        tally[choice] += 1
    yes, no = tally["yes"], tally["no"]
    passed = yes > no and yes >= limit * (yes + no)
    return MotionResult(yes=yes, no=no, abstain=tally["abstain"], threshold=threshold, passed=passed)


# --- ballots -------------------------------------------------------------------------------


def read_ballot(rule: str, ballot: Mapping[str, Any], candidate_ids: Iterable[str]) -> Any:
    """Return the valid content of a decrypted ballot for ``rule``, or None if it is spoilt.

    STV: a list of distinct candidate ids, at least one. Approval: a frozenset of candidate ids
    (possibly empty, a blank ballot). Motion: "yes", "no" or "abstain".
    """
    known = set(candidate_ids)
    expected = {"scottish-stv": "ranking", "equal-shares": "approve", "pav": "approve", "motion": "choice"}.get(rule)
    if expected is None:
        raise CountError(f"unknown rule {rule}")
    if set(ballot) != {expected}:  # exactly one field: a ballot with another or an extra one is spoilt
        return None
    if rule == "scottish-stv":
        ranking = ballot.get("ranking")
        if (
            not isinstance(ranking, list)
            or not ranking
            or not all(isinstance(c, str) and c in known for c in ranking)
            or len(set(ranking)) != len(ranking)
        ):
            return None
        return list(ranking)
    if rule in ("equal-shares", "pav"):
        approve = ballot.get("approve")
        if not isinstance(approve, list) or not all(isinstance(c, str) and c in known for c in approve):
            return None
        if len(set(approve)) != len(approve):
            return None
        return frozenset(approve)
    if rule == "motion":
        choice = ballot.get("choice")
        return choice if isinstance(choice, str) and choice in MOTION_CHOICES else None
    raise CountError(f"unknown rule {rule}")
