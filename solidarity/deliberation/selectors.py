"""Reads of the common-ground app: what to vote on next, reports, exports, charters."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from solidarity.core.names import list_letter
from solidarity.deliberation import charter_text, engine, polis_io
from solidarity.deliberation.models import Charter, Conversation, Participant, ResultVersion, Statement, Vote
from solidarity.deliberation.report import SMALL_CELL, group_makeup


def latest_charter() -> Charter | None:
    """Return the most recently updated charter, with its items, or None."""
    return Charter.objects.prefetch_related("items").order_by("-updated_at", "-pk").first()


def public_charters() -> QuerySet[Charter]:
    """Return the charters shown to the public: those a motion put to the vote (a draft stays with staff)."""
    return (
        Charter.objects.filter(frozen_at__isnull=False)
        .annotate(item_count=Count("items"))
        .order_by("-frozen_at", "-pk")
    )


@dataclass(frozen=True)
class CharterReading:
    """One statement of a charter as a reader sees it: in their language first, the other beside."""

    number: int
    text: str
    other_text: str
    other_language: str
    support: dict[str, Any]


def public_charter(pk: int) -> Charter | None:
    """Return one charter with its items (ordered) for its public page, or None."""
    return Charter.objects.select_related("conversation").prefetch_related("items").filter(pk=pk).first()


def charter_items_for_reading(charter: Charter, language: str) -> list[CharterReading]:
    """Return a charter's statements for its public page in `language` ("fa" or "en")."""
    other = "en" if language == "fa" else "fa"
    rows = []
    for number, item in enumerate(charter.items.all(), start=1):
        english, persian = item.text_en, item.text_fa
        text, other_text = (persian or english, english) if language == "fa" else (english, persian)
        rows.append(
            CharterReading(
                number=number,
                text=text,
                other_text="" if other_text == text else other_text,
                other_language=other,
                support=item.support or {},
            )
        )
    return rows


def charter_wording(charter: Charter) -> charter_text.CharterWording:
    """Return what a charter says, as it is hashed (uses the prefetched items, else one query)."""
    return charter_text.CharterWording(
        charter_id=charter.pk,
        title_en=charter.title_en,
        title_fa=charter.title_fa,
        preamble_en=charter.preamble_en,
        preamble_fa=charter.preamble_fa,
        items=[(item.text_en, item.text_fa) for item in charter.items.all()],
    )


def charter_canonical_bytes(charter: Charter) -> bytes:
    """Return the canonical bytes of a charter's current wording."""
    return charter_text.canonical_bytes(charter_wording(charter))


def frozen_charter_bytes(*, charter_id: int, sha256: str) -> bytes | None:
    """Return the canonical bytes of a frozen charter when they hash to `sha256`, else None."""
    charter = public_charter(charter_id)
    if charter is None or not charter.is_frozen:
        return None
    data = charter_canonical_bytes(charter)
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def open_conversations() -> QuerySet[Conversation]:
    """Return conversations that take part in public listings, newest first."""
    return Conversation.objects.filter(imported=False).annotate(
        statement_count=Count("statements", filter=Q(statements__status=Statement.Status.ACCEPTED))
    )


def all_conversations() -> QuerySet[Conversation]:
    """Return every conversation with its pending statement count (staff list)."""
    return Conversation.objects.annotate(
        pending_count=Count("statements", filter=Q(statements__status=Statement.Status.PENDING)),
        participant_count=Count("participants", distinct=True),
    )


def latest_result(conversation: Conversation) -> ResultVersion | None:
    """Return the newest result version of a conversation, without the engine's stored state.

    The state (several megabytes of JSON at 100k participants) is read only by the next update.
    """
    return ResultVersion.objects.filter(conversation=conversation).order_by("-version").defer("warm_start").first()


def visible_statements(conversation: Conversation) -> QuerySet[Statement]:
    """Return the statements participants may see and vote on.

    Meta statements (about the conversation itself) are shown and voted on, as in Pol.is; the
    engine keeps them out of the maths (mod-out columns) and out of common ground.
    """
    statuses = [Statement.Status.ACCEPTED]
    if conversation.moderation == Conversation.Moderation.OPEN:
        statuses.append(Statement.Status.PENDING)
    return Statement.objects.filter(conversation=conversation, status__in=statuses)


def next_statement(participant: Participant) -> Statement | None:
    """Draw the next statement by Pol.is's priority rule, among those the participant has not voted on.

    Each unvoted statement is drawn with probability proportional to its priority (new,
    rarely-passed and extreme statements come sooner; meta statements at Pol.is's fixed 7²).
    The draw is seeded by the participant and their number of votes, so a page reload shows the
    same statement.
    """
    conversation = participant.conversation
    voted = Vote.objects.filter(participant=participant).values_list("statement_id", flat=True)
    candidates = list(visible_statements(conversation).exclude(pk__in=voted).order_by("number"))
    if not candidates:
        return None
    count = Vote.objects.filter(participant=participant).count()
    return _draw(conversation, candidates, f"{conversation.pk}:{participant.number}:{count}")


def first_statement(conversation: Conversation) -> Statement | None:
    """Draw the statement shown to someone who has not voted yet, by the same priority rule.

    Seeded by the number of participants so far: a reload shows the same statement, and
    newcomers do not all start on the same one (which would pile votes onto it).
    """
    candidates = list(visible_statements(conversation).order_by("number"))
    if not candidates:
        return None
    newcomers = Participant.objects.filter(conversation=conversation).count()
    return _draw(conversation, candidates, f"{conversation.pk}:first:{newcomers}")


def _draw(conversation: Conversation, candidates: list[Statement], seed: str) -> Statement:
    latest = latest_result(conversation)
    figures: dict[str, Any] = latest.report.get("statements", {}) if latest is not None else {}
    weights = []
    for statement in candidates:
        entry = figures.get(str(statement.number))
        if entry is None:
            weights.append(engine.comment_priority(is_meta=statement.is_meta, agree=0, passed=0, seen=0, extremity=0.0))
        else:
            seen = entry["agree"] + entry["disagree"] + entry["passed"]
            weights.append(
                engine.comment_priority(
                    is_meta=statement.is_meta,
                    agree=entry["agree"],
                    passed=entry["passed"],
                    seen=seen,
                    extremity=entry["extremity"],
                )
            )
    rng = random.Random(seed)  # noqa: S311 — not security
    return rng.choices(candidates, weights=weights, k=1)[0]


def progress(participant: Participant) -> tuple[int, int]:
    """Return (votes cast, statements visible) for a participant."""
    voted = Vote.objects.filter(participant=participant).count()
    return voted, visible_statements(participant.conversation).count()


@dataclass(frozen=True)
class StatementRow:
    """A statement with its figures, ready for a template."""

    statement: Statement
    text: str
    is_translation: bool
    agree: int
    disagree: int
    passed: int
    per_group: list[tuple[int, int, int]]
    group_aware_consensus: float
    bridging_intercept: float | None
    direction: str = ""


def _rows(
    numbers: list[int],
    statements: dict[int, Statement],
    figures: dict[str, Any],
    language: str,
    directions: dict[int, str] | None = None,
) -> list[StatementRow]:
    rows = []
    for number in numbers:
        statement = statements.get(number)
        entry = figures.get(str(number))
        if statement is None or entry is None:
            continue
        text, is_translation = statement.text_in(language)
        rows.append(
            StatementRow(
                statement=statement,
                text=text,
                is_translation=is_translation,
                agree=entry["agree"],
                disagree=entry["disagree"],
                passed=entry["passed"],
                per_group=[(int(c[0]), int(c[1]), int(c[2])) for c in entry["per_group"]],
                group_aware_consensus=entry["group_aware_consensus"],
                bridging_intercept=entry.get("bridging_intercept"),
                direction=(directions or {}).get(number, ""),
            )
        )
    return rows


@dataclass(frozen=True)
class GroupView:
    id: int
    letter: str
    size: int
    representative: list[StatementRow]
    makeup: dict[str, list[tuple[str, int]]]


@dataclass(frozen=True)
class ReportView:
    result: ResultVersion
    groups: list[GroupView]
    common_ground: list[StatementRow]
    bridging: list[StatementRow]
    consensus_disagree: list[StatementRow]
    divisive: list[StatementRow]
    points: list[list[float]]
    small_cell: int = SMALL_CELL


def delegate_labels(conversation: Conversation, language: str) -> dict[str, dict[int, list[str]]]:
    """Return, per taxonomy kind, each delegate participant's labels (through their organizations)."""
    labels: dict[str, dict[int, list[str]]] = {"family": {}, "tie": {}, "sector": {}}
    participants = (
        Participant.objects.filter(conversation=conversation, delegate__isnull=False)
        .select_related("delegate")
        .prefetch_related(
            "delegate__organizations__families", "delegate__organizations__ties", "delegate__organizations__sectors"
        )
    )
    for participant in participants:
        delegate = participant.delegate
        if delegate is None:  # filtered above; keeps the type checker informed
            continue
        for kind, attribute in (("family", "families"), ("tie", "ties"), ("sector", "sectors")):
            names: set[str] = set()
            for organization in delegate.organizations.all():
                for term in getattr(organization, attribute).all():
                    names.add(term.name_fa if language == "fa" and term.name_fa else term.name_en)
            if names:
                labels[kind][participant.number] = sorted(names)
    return labels


def report(conversation: Conversation, language: str) -> ReportView | None:
    """Return what the report page shows, from the latest result version."""
    latest = latest_result(conversation)
    if latest is None:
        return None
    data = latest.report
    figures: dict[str, Any] = data.get("statements", {})
    statements = {s.number: s for s in Statement.objects.filter(conversation=conversation)}
    labels = (
        delegate_labels(conversation, language)
        if conversation.participation == Conversation.Participation.DELEGATES
        else {}
    )
    groups = []
    for group in data.get("groups", []):
        members = {group["id"]: group["members"]}
        makeup = {kind: group_makeup(members, by_participant)[group["id"]] for kind, by_participant in labels.items()}
        directions = {r["statement"]: r["direction"] for r in group["representative"]}
        groups.append(
            GroupView(
                id=group["id"],
                letter=list_letter(group["id"], persian=language == "fa"),
                size=group["size"],
                representative=_rows(list(directions), statements, figures, language, directions),
                makeup=makeup,
            )
        )
    return ReportView(
        result=latest,
        groups=groups,
        common_ground=_rows(data.get("common_ground", []), statements, figures, language),
        bridging=_rows(data.get("bridging_rank", []), statements, figures, language),
        consensus_disagree=_rows(data.get("consensus_disagree", []), statements, figures, language),
        divisive=_rows(data.get("divisive", []), statements, figures, language),
        points=data.get("points", []),
    )


def pending_statements(conversation: Conversation) -> QuerySet[Statement]:
    """Return statements waiting for moderation, oldest first."""
    return Statement.objects.filter(conversation=conversation, status=Statement.Status.PENDING).order_by(
        "created_at", "number"
    )


def polis_export(conversation: Conversation) -> polis_io.PolisExport:
    """Return a conversation in the Pol.is export shape (participants by number only, no identities)."""
    latest = latest_result(conversation)
    group_of: dict[int, int] = {}
    if latest is not None:
        for group in latest.report.get("groups", []):
            for member in group["members"]:
                group_of[int(member)] = int(group["id"])
    moderated = {"accepted": 1, "pending": 0, "rejected": -1, "withdrawn": -1}
    statements = tuple(
        polis_io.ImportedStatement(
            id=s.number,
            author=s.author.number if s.author is not None else -1,
            moderated=-1 if s.is_meta else moderated[s.status],
            text=s.text,
            timestamp=int(s.created_at.timestamp() * 1000),
        )
        for s in Statement.objects.filter(conversation=conversation).select_related("author").order_by("number")
    )
    votes: dict[int, list[tuple[int, int]]] = {}
    for participant, statement, value in Vote.objects.filter(participant__conversation=conversation).values_list(
        "participant__number", "statement__number", "value"
    ):
        votes.setdefault(participant, []).append((statement, value))
    participants = tuple(
        polis_io.ImportedParticipant(number, group_of.get(number), tuple(sorted(votes.get(number, []))))
        for number in Participant.objects.filter(conversation=conversation)
        .order_by("number")
        .values_list("number", flat=True)
    )
    return polis_io.PolisExport(
        topic=conversation.topic_en,
        description=conversation.question_en,
        statements=statements,
        participants=participants,
        groups=latest.report.get("k") if latest is not None else None,
    )
