"""Read queries for elections."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from solidarity.coalition.models import Delegate
from solidarity.core.models import User
from solidarity.elections import canonical, record
from solidarity.elections.models import Election, TrusteeSeat, Voter, VotingKey


def public_elections() -> QuerySet[Election]:
    """List elections whose definition has been frozen (published) or whose record is out."""
    return Election.objects.filter(status__in=[Election.Status.FROZEN, Election.Status.PUBLISHED]).annotate(
        signatures=Count("voters", filter=Q(voters__has_signature=True)),
        electorate=Count("voters"),
    )


def public_election(slug: str) -> Election | None:
    """Return a public election by slug, or None."""
    return public_elections().filter(slug=slug).first()


def staff_elections() -> QuerySet[Election]:
    """List every election for staff."""
    return Election.objects.annotate(candidate_count=Count("candidates", distinct=True))


def voter_for(election: Election, user: User) -> Voter | None:
    """Return the signed-in delegate's place in the electorate, if any."""
    return Voter.objects.filter(election=election, delegate__user=user).first()


def voter_for_delegate(election: Election, delegate: Delegate | None) -> Voter | None:
    """Return a delegate's place in the electorate, if any (the delegate from `access_delegate`)."""
    return Voter.objects.filter(election=election, delegate=delegate).first() if delegate is not None else None


def elections_for_delegate(delegate: Delegate) -> list[Voter]:
    """List the delegate's places on frozen or published voter rolls, each with its election, soonest first."""
    return list(
        Voter.objects.filter(
            delegate=delegate, election__status__in=[Election.Status.FROZEN, Election.Status.PUBLISHED]
        )
        .select_related("election")
        .order_by("election__opens_at", "election__slug")[:50]
    )


def voting_key_for(delegate: Delegate) -> VotingKey | None:
    """Return the delegate's registered voting key, if any."""
    return VotingKey.objects.filter(delegate=delegate).first()


def voting_keys() -> list[tuple[Delegate, VotingKey | None]]:
    """List accredited delegates, each with their voting key or None, by name (two queries)."""
    delegates = list(Delegate.objects.filter(is_accredited=True).order_by("display_name", "pk"))
    held = {key.delegate_id: key for key in VotingKey.objects.filter(delegate__in=delegates)}
    return [(delegate, held.get(delegate.pk)) for delegate in delegates]


def accredited_delegate(pk: str) -> Delegate | None:
    """Return an accredited delegate by primary key as a form sent it, or None."""
    return Delegate.objects.filter(pk=int(pk), is_accredited=True).first() if pk.isdigit() else None


def candidate_names(election: Election) -> dict[str, dict[str, str]]:
    """Map candidate ids of the frozen definition to their names in both languages."""
    definition: dict[str, Any] = election.definition or {}
    return {c["id"]: {"en": c["name_en"], "fa": c["name_fa"]} for c in definition.get("candidates", [])}


def ballot_count(election: Election) -> int:
    """Count the ballots cast so far (no contents are readable before the count)."""
    return election.ballots.count()


def has_tracking_code(election: Election, tracking: str) -> bool:
    """Tell whether a ballot with this tracking code is in the box (or the published record)."""
    return election.ballots.filter(tracking=tracking).exists()


def chain_state(election: Election) -> dict[str, Any]:
    """Return the count chain's latest head and counts, as the live chain endpoint publishes them."""
    last = election.chain.order_by("-number").first()
    return {
        "election": election.slug,
        "definition_hash": election.definition_hash,
        "length": last.number if last else 0,
        "issued": last.issued if last else 0,
        "cast": last.cast if last else 0,
        "closed": bool(last and last.event == "close"),
        "head": last.head if last else "",
    }


def quorum_summary(election: Election) -> dict[str, Any] | None:
    """Return the published result's quorum with its share of the voter roll, or None before a result."""
    from solidarity.elections import tally

    result: dict[str, Any] = election.result or {}
    definition: dict[str, Any] = election.definition or {}
    if "quorum" not in result:
        return None
    p, q = tally.parse_quorum(definition.get("quorum", tally.NO_QUORUM))
    return {**result["quorum"], "share": p / q, "electorate": len(definition.get("electorate", []))}


def trustee_mixers(election: Election) -> list[TrusteeSeat]:
    """Return the seats of the trustees whose mixes of the closed box were kept, in cascade order.

    The server's mix at the close is not a trustee's and is not listed. Only each mix's `mixer` is
    read: every mix was checked whole when it was kept (`services`), and decoding every ciphertext
    and proof of the cascade again on each page view cost about 0.1 s at 10,000 ballots (measured
    on the demo's three mixes of 44 ballots, 0.51 ms, scaled by rows).
    """
    if not election.mix:
        return []
    mixers = [m["mixer"] for m in canonical.loads(election.mix.encode("utf-8"))["mixes"]]
    seats = {seat.index: seat for seat in election.trustee_seats.select_related("trustee")}
    return [seats[index] for index in mixers if index != record.SERVER_MIXER and index in seats]
