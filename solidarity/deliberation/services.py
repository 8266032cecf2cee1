"""Writes of the common-ground app: conversations, statements, votes, results, imports and charters."""

from __future__ import annotations

import datetime
import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from solidarity.core import audit, jobs
from solidarity.core.text import normalize_for_display
from solidarity.deliberation import charter_text, engine, polis_io, selectors
from solidarity.deliberation.models import (
    Charter,
    CharterItem,
    Conversation,
    Participant,
    ResultVersion,
    Statement,
    Vote,
)
from solidarity.deliberation.report import build_report

if TYPE_CHECKING:
    from solidarity.coalition.models import Delegate
    from solidarity.core.models import User

MAX_STATEMENT_LENGTH = 400
MIN_SECONDS_BETWEEN_VERSIONS = 5.0


class DeliberationError(Exception):
    """Base of the app's refusals; the message is safe to show."""


class ConversationClosedError(DeliberationError):
    """The conversation no longer takes votes or statements."""


class StatementNotVotableError(DeliberationError):
    """The statement was rejected, withdrawn, or is not part of this conversation."""


class InvalidStatementError(DeliberationError):
    """The statement text is empty or too long."""


class ModerationStateError(DeliberationError):
    """The moderation decision does not apply to this statement."""


class CharterFrozenError(DeliberationError):
    """The charter was put to the vote: its wording can no longer change."""

    def __init__(self, charter: Charter) -> None:
        self.charter = charter
        super().__init__(
            f"charter {charter.pk} is frozen: motion {charter.motion_slug!r} put it to the vote "
            f"(SHA-256 {charter.frozen_sha256}); its wording can no longer change"
        )


@dataclass(frozen=True)
class SeedStatement:
    text: str
    language: str
    translation: str = ""


def _next_number(model: type[Participant] | type[Statement], conversation: Conversation) -> int:
    current = model.objects.filter(conversation=conversation).aggregate(top=Max("number"))["top"]
    return 0 if current is None else int(current) + 1


def _one_line(text: str) -> str:
    """Return a statement as stored: the kernel's display normalization, on one line."""
    return " ".join(normalize_for_display(text).split())


def _clean_text(text: str) -> str:
    cleaned = _one_line(text)
    if not cleaned:
        raise InvalidStatementError("empty statement")
    if len(cleaned) > MAX_STATEMENT_LENGTH:
        raise InvalidStatementError(f"longer than {MAX_STATEMENT_LENGTH} characters")
    return cleaned


def hash_anonymous_token(token: str) -> str:
    """Return the stored form of an anonymous participant's cookie token."""
    return hashlib.sha256(f"deliberation-anonymous:{token}".encode()).hexdigest()


@transaction.atomic
def open_conversation(
    *,
    organizer: User,
    topic_en: str,
    question_en: str,
    topic_fa: str = "",
    question_fa: str = "",
    participation: str = Conversation.Participation.DELEGATES,
    moderation: str = Conversation.Moderation.STRICT,
    seed_statements: Sequence[SeedStatement] = (),
    seed: int = 0,
) -> Conversation:
    """Open a conversation with its seed statements (accepted at once)."""
    conversation = Conversation.objects.create(
        topic_en=topic_en,
        topic_fa=topic_fa,
        question_en=question_en,
        question_fa=question_fa,
        participation=participation,
        moderation=moderation,
        created_by=organizer,
        seed=seed,
    )
    for number, item in enumerate(seed_statements):
        other = Statement.Language.FA if item.language == Statement.Language.EN else Statement.Language.EN
        Statement.objects.create(
            conversation=conversation,
            number=number,
            text=_clean_text(item.text),
            language=item.language,
            translation=item.translation,
            translation_language=other if item.translation else "",
            status=Statement.Status.ACCEPTED,
            is_seed=True,
            moderated_at=timezone.now(),
        )
    audit.record(
        "deliberation.conversation.opened",
        actor=organizer,
        target=conversation,
        data={"seed_statements": len(seed_statements), "participation": participation},
    )
    return conversation


def set_conversation_open(*, conversation: Conversation, organizer: User, is_open: bool) -> Conversation:
    """Open or close a conversation for votes and statements."""
    conversation.is_open = is_open
    conversation.save(update_fields=["is_open"])
    audit.record(
        "deliberation.conversation." + ("reopened" if is_open else "closed"), actor=organizer, target=conversation
    )
    return conversation


def join(
    *,
    conversation: Conversation,
    user: User | None = None,
    anonymous_token: str = "",
    delegate: Delegate | None = None,
) -> Participant:
    """Return the participant for an account or an anonymous browser, creating it on first use."""
    if user is None and not anonymous_token and delegate is None:
        raise DeliberationError("a participant needs an account, a delegate or an anonymous token")
    lookup: dict[str, Any] = {"conversation": conversation}
    if user is not None:
        lookup["user"] = user
    elif anonymous_token:
        lookup["anonymous_key"] = hash_anonymous_token(anonymous_token)
    else:
        lookup["delegate"] = delegate  # a delegate without an account (imports, the demo)
    existing = Participant.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    for _attempt in range(5):
        try:
            with transaction.atomic():
                extra = {"delegate": delegate} if "delegate" not in lookup else {}
                return Participant.objects.create(number=_next_number(Participant, conversation), **extra, **lookup)
        except IntegrityError:  # a concurrent join took the number (or the same person joined twice)
            existing = Participant.objects.filter(**lookup).first()
            if existing is not None:
                return existing
    raise DeliberationError("could not join the conversation, try again")


@transaction.atomic
def submit_statement(*, participant: Participant, text: str, language: str) -> Statement:
    """Add a participant's statement; it waits for moderation (strict) or shows at once (open)."""
    conversation = Conversation.objects.select_for_update().get(pk=participant.conversation_id)
    if not conversation.is_open:
        raise ConversationClosedError("the conversation is closed")
    if language not in Statement.Language.values:
        language = Statement.Language.OTHER
    statement = Statement.objects.create(
        conversation=conversation,
        number=_next_number(Statement, conversation),
        text=_clean_text(text),
        language=language,
        author=participant,
    )
    audit.record("deliberation.statement.submitted", actor=participant.user, target=statement)
    return statement


@transaction.atomic
def moderate_statement(*, statement: Statement, moderator: User, decision: str) -> Statement:
    """Accept, reject or mark as meta a statement; recompute so moderation shows in the results."""
    if statement.status == Statement.Status.WITHDRAWN:
        raise ModerationStateError("withdrawn")
    if decision == "accept":
        statement.status, statement.is_meta = Statement.Status.ACCEPTED, False
    elif decision == "reject":
        statement.status = Statement.Status.REJECTED
    elif decision == "meta":
        statement.status, statement.is_meta = Statement.Status.ACCEPTED, True
    else:
        raise ModerationStateError(decision)
    statement.moderated_at = timezone.now()
    statement.save(update_fields=["status", "is_meta", "moderated_at"])
    audit.record("deliberation.statement.moderated", actor=moderator, target=statement, data={"decision": decision})
    request_recompute(conversation=statement.conversation)
    if decision == "accept" and not statement.translation and statement.language in ("en", "fa"):
        jobs.enqueue_on_commit(machine_translate_statement, statement_id=statement.pk)
    return statement


@jobs.task
def machine_translate_statement(*, statement_id: int) -> None:
    """Background task: translate an accepted statement EN↔FA with the relay's machine-translation
    backend, when one is configured; stored labelled as machine translation, never over a person's."""
    from solidarity.relay.conf import relay_settings
    from solidarity.relay.translation import load_backend

    statement = Statement.objects.filter(pk=statement_id).first()
    backend = load_backend(relay_settings().mt_backend)
    if statement is None or backend is None or statement.translation or statement.language not in ("en", "fa"):
        return
    target = "fa" if statement.language == "en" else "en"
    output = backend.translate(statement.text, source=statement.language, target=target)
    if not output or not output.strip() or output.strip() == statement.text.strip():
        return
    Statement.objects.filter(pk=statement_id, translation="").update(
        translation=_one_line(output)[:MAX_STATEMENT_LENGTH],
        translation_language=target,
        translation_is_machine=True,
    )


@transaction.atomic
def withdraw_statement(*, statement: Statement, organizer: User) -> Statement:
    """Withdraw a statement: it stops showing, new votes on it are refused."""
    statement.status = Statement.Status.WITHDRAWN
    statement.moderated_at = timezone.now()
    statement.save(update_fields=["status", "moderated_at"])
    audit.record("deliberation.statement.withdrawn", actor=organizer, target=statement)
    request_recompute(conversation=statement.conversation)
    return statement


@transaction.atomic
def set_translation(*, statement: Statement, translator: User, translation: str, language: str) -> Statement:
    """Attach a human translation of a statement, shown labelled as a translation."""
    statement.translation = _clean_text(translation)
    statement.translation_language = language
    statement.translation_is_machine = False
    statement.save(update_fields=["translation", "translation_language", "translation_is_machine"])
    audit.record("deliberation.statement.translated", actor=translator, target=statement, data={"language": language})
    return statement


def cast_vote(*, participant: Participant, statement: Statement, value: int) -> Vote:
    """Record a vote; a second vote on the same statement replaces the first."""
    if value not in (-1, 0, 1):
        raise DeliberationError("a vote is -1, 0 or 1")
    if statement.conversation_id != participant.conversation_id:
        raise StatementNotVotableError("not in this conversation")
    with transaction.atomic():
        conversation = Conversation.objects.get(pk=participant.conversation_id)
        if not conversation.is_open:
            raise ConversationClosedError("the conversation is closed")
        current = Statement.objects.get(pk=statement.pk)
        strict = conversation.moderation == Conversation.Moderation.STRICT
        # Meta statements take votes, as in Pol.is; the engine leaves them out of the maths.
        if current.status in (Statement.Status.REJECTED, Statement.Status.WITHDRAWN) or (
            strict and current.status == Statement.Status.PENDING
        ):
            raise StatementNotVotableError("this statement takes no votes")
        vote, _created = Vote.objects.update_or_create(
            participant=participant, statement=current, defaults={"value": value, "cast_at": timezone.now()}
        )
        request_recompute(conversation=conversation)
    return vote


# ---------------------------------------------------------------------------------------------
# Results


def request_recompute(*, conversation: Conversation) -> bool:
    """Queue a recomputation unless one is already waiting (the throttle); tell whether one was queued."""
    claimed = Conversation.objects.filter(pk=conversation.pk, recompute_pending=False).update(recompute_pending=True)
    if claimed:
        jobs.enqueue_on_commit(recompute_results, conversation_id=conversation.pk)
    return bool(claimed)


@jobs.task
def recompute_results(*, conversation_id: int) -> None:
    """Background task: compute a new result version for a conversation."""
    conversation = Conversation.objects.filter(pk=conversation_id).first()
    if conversation is None:
        return
    latest = ResultVersion.objects.filter(conversation=conversation).order_by("-version").only("computed_at").first()
    if latest is not None and settings.JOBS_BACKEND != "immediate":
        # The throttle: at most one version per MIN_SECONDS_BETWEEN_VERSIONS. Votes cast while
        # this job waits find it pending and queue nothing; it then computes them all at once.
        wait = MIN_SECONDS_BETWEEN_VERSIONS - (timezone.now() - latest.computed_at).total_seconds()
        if wait > 0:
            time.sleep(min(wait, MIN_SECONDS_BETWEEN_VERSIONS))
    Conversation.objects.filter(pk=conversation_id).update(recompute_pending=False)
    compute_results(conversation=conversation)


def vote_table(conversation: Conversation) -> engine.VoteTable:
    """Load a conversation's votes as arrays, oldest first (one query, no model instances)."""
    rows = Vote.objects.filter(participant__conversation=conversation).order_by("cast_at", "pk")
    data = np.asarray(list(rows.values_list("participant__number", "statement__number", "value")), dtype=np.int64)
    if len(data) == 0:
        return engine.VoteTable.from_tuples([])
    return engine.VoteTable.from_arrays(data[:, 0], data[:, 1], data[:, 2])


def compute_results(*, conversation: Conversation, force: bool = False) -> ResultVersion | None:
    """Run the engine on all votes and store a new version; skip when nothing changed since the last.

    The update is incremental from the last version's warm start when the engine allows it
    (`engine.compute(update="auto")`); `force` recomputes everything from scratch.
    """
    statements = list(Statement.objects.filter(conversation=conversation).values_list("number", "status", "is_meta"))
    moderated_out = [n for n, status, meta in statements if status in ("rejected", "withdrawn") or meta]
    table = vote_table(conversation)
    latest = ResultVersion.objects.filter(conversation=conversation).order_by("-version").first()
    shown = sorted(n for n, status, _meta in statements if status != "pending")
    fingerprint = hashlib.sha256(
        table.participants.tobytes()
        + table.statements.tobytes()
        + table.values.tobytes()
        + repr((moderated_out, shown)).encode()
    ).hexdigest()
    if latest is not None and not force and latest.report.get("fingerprint") == fingerprint:
        return latest
    started = time.perf_counter()
    warm = engine.WarmStart.from_json(latest.warm_start) if latest is not None and latest.warm_start else None
    result = engine.compute(
        table,
        moderated_out=moderated_out,
        statements=shown,
        previous=warm,
        seed=conversation.seed,
        # incremental from the stored state while the votes have drifted little; a forced
        # recompute (staff button, `deliberation recompute`) is always a full one
        update="full" if force else "auto",
    )
    seconds = time.perf_counter() - started
    report = build_report(result)
    report["fingerprint"] = fingerprint
    with transaction.atomic():
        version = (latest.version + 1) if latest is not None else 1
        while ResultVersion.objects.filter(conversation=conversation, version=version).exists():
            version += 1
        created = ResultVersion.objects.create(
            conversation=conversation,
            version=version,
            vote_count=len(table),
            participant_count=len(result.participant_ids),
            seconds=seconds,
            report=report,
            warm_start=result.warm_start().to_json(),
        )
        # Only the newest version's state is ever read (the next update starts from it), and at
        # 100k participants it is several megabytes of JSON: older versions keep their report only.
        ResultVersion.objects.filter(conversation=conversation, version__lt=version).exclude(warm_start={}).update(
            warm_start={}
        )
        return created


# ---------------------------------------------------------------------------------------------
# Pol.is import


@transaction.atomic
def import_polis(
    *,
    export: polis_io.PolisExport,
    organizer: User | None,
    topic_en: str = "",
    vote_times: dict[tuple[int, int], int] | None = None,
) -> Conversation:
    """Create a conversation from a Pol.is export, all or nothing (the export is already validated).

    `vote_times` (from votes.csv, `polis_io.read_vote_times`) gives each vote's time in ms since the
    epoch; a vote it does not cover is stamped with the import time.
    """
    conversation = Conversation.objects.create(
        topic_en=(topic_en or export.topic or "Imported conversation")[:200],
        question_en=export.description[:2000] or (topic_en or export.topic or "Imported conversation"),
        participation=Conversation.Participation.DELEGATES,
        is_open=False,
        imported=True,
        created_by=organizer,
    )
    status = {1: Statement.Status.ACCEPTED, 0: Statement.Status.PENDING, -1: Statement.Status.REJECTED}
    statements = Statement.objects.bulk_create(
        [
            Statement(
                conversation=conversation,
                number=s.id,
                text=s.text[: MAX_STATEMENT_LENGTH * 5],
                language=Statement.Language.OTHER,
                status=status[s.moderated],
                moderated_at=timezone.now(),
            )
            for s in export.statements
        ],
        batch_size=2000,
    )
    participants = Participant.objects.bulk_create(
        [Participant(conversation=conversation, number=p.id) for p in export.participants], batch_size=2000
    )
    statement_pk = {s.number: s.pk for s in statements}
    participant_pk = {p.number: p.pk for p in participants}
    if None in statement_pk.values() or None in participant_pk.values():  # backends without RETURNING
        statement_pk = dict(Statement.objects.filter(conversation=conversation).values_list("number", "pk"))
        participant_pk = dict(Participant.objects.filter(conversation=conversation).values_list("number", "pk"))
    now = timezone.now()
    times = vote_times or {}

    def cast_at(participant: int, statement: int) -> datetime.datetime:
        ms = times.get((participant, statement))
        return now if ms is None else datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.UTC)

    Vote.objects.bulk_create(
        (
            Vote(participant_id=participant_pk[p], statement_id=statement_pk[s], value=v, cast_at=cast_at(p, s))
            for p, s, v in export.vote_tuples()
        ),
        batch_size=5000,
    )
    audit.record(
        "deliberation.conversation.imported",
        actor=organizer,
        target=conversation,
        data={
            "participants": len(export.participants),
            "statements": len(export.statements),
            "votes": sum(len(p.votes) for p in export.participants),
        },
    )
    request_recompute(conversation=conversation)
    return conversation


# ---------------------------------------------------------------------------------------------
# Charters


@transaction.atomic
def create_charter(
    *, organizer: User, title_en: str, title_fa: str = "", conversation: Conversation | None = None
) -> Charter:
    """Start a draft charter, optionally tied to the conversation its statements come from."""
    charter = Charter.objects.create(
        title_en=title_en.strip()[:200],
        title_fa=title_fa.strip()[:200],
        conversation=conversation,
        created_by=organizer,
    )
    audit.record("deliberation.charter.created", actor=organizer, target=charter)
    return charter


def _support(statement: Statement) -> dict[str, Any]:
    latest = (
        ResultVersion.objects.filter(conversation_id=statement.conversation_id)
        .order_by("-version")
        .defer("warm_start")
        .first()
    )
    if latest is None:
        return {}
    entry = latest.report.get("statements", {}).get(str(statement.number))
    if not entry:
        return {}
    return {
        "version": latest.version,
        "agree": entry["agree"],
        "disagree": entry["disagree"],
        "passed": entry["passed"],
        "per_group": entry["per_group"],
        "group_aware_consensus": entry["group_aware_consensus"],
    }


@transaction.atomic
def add_to_charter(*, charter: Charter, statement: Statement, organizer: User) -> CharterItem:
    """Add a statement to a charter with its current support; both languages where known."""
    charter = _editable_charter(charter)
    if statement.is_moderated_out:
        raise StatementNotVotableError("a rejected, withdrawn or meta statement cannot enter a charter")
    if charter.conversation_id is not None and statement.conversation_id != charter.conversation_id:
        raise StatementNotVotableError("not from this charter's conversation")
    existing = charter.items.filter(statement=statement).first()
    if existing is not None:
        return existing
    english, persian = statement.text, ""
    if statement.language == Statement.Language.FA:
        persian = statement.text
        english = statement.translation if statement.translation_language == Statement.Language.EN else statement.text
    elif statement.translation_language == Statement.Language.FA:
        persian = statement.translation
    position = (charter.items.aggregate(top=Max("position"))["top"] or 0) + 1
    item = CharterItem.objects.create(
        charter=charter,
        statement=statement,
        position=position,
        text_en=english,
        text_fa=persian,
        support=_support(statement),
    )
    charter.updated_at = timezone.now()
    charter.save(update_fields=["updated_at"])
    audit.record(
        "deliberation.charter.item_added", actor=organizer, target=charter, data={"statement": statement.number}
    )
    return item


@transaction.atomic
def remove_from_charter(*, item: CharterItem, organizer: User) -> None:
    """Remove one statement from a charter."""
    charter = _editable_charter(item.charter)
    number = item.statement.number if item.statement else None
    item.delete()
    charter.updated_at = timezone.now()
    charter.save(update_fields=["updated_at"])
    audit.record("deliberation.charter.item_removed", actor=organizer, target=charter, data={"statement": number})


@transaction.atomic
def edit_charter_item(*, item: CharterItem, organizer: User, text_en: str, text_fa: str) -> CharterItem:
    """Edit a charter item's wording in either language."""
    _editable_charter(item.charter)
    item.text_en = _clean_text(text_en)
    item.text_fa = _one_line(text_fa)[:MAX_STATEMENT_LENGTH]
    item.save(update_fields=["text_en", "text_fa"])
    audit.record("deliberation.charter.item_edited", actor=organizer, target=item.charter)
    return item


def _editable_charter(charter: Charter) -> Charter:
    """Lock the charter's row and return it, or refuse when a motion has frozen it.

    The lock orders an edit and a freeze: whichever comes second sees the other's outcome.
    """
    locked = Charter.objects.select_for_update().get(pk=charter.pk)
    if locked.is_frozen:
        raise CharterFrozenError(locked)
    return locked


@transaction.atomic
def freeze_charter(*, charter_id: int, motion_slug: str, actor: User | None) -> Charter:
    """Freeze a charter's wording for a motion's vote and return it with the SHA-256 of its canonical text.

    Called by the elections app when it freezes a motion's definition. A charter already frozen (by
    an earlier motion) keeps its hash; the check below proves its wording did not change since.
    """
    charter = Charter.objects.select_for_update().filter(pk=charter_id).first()
    if charter is None:
        raise DeliberationError("the charter put to this motion no longer exists")
    wording = selectors.charter_wording(charter)
    if not wording.items:
        raise DeliberationError("the charter has no statement")
    digest = charter_text.charter_hash(wording)
    if charter.is_frozen and charter.frozen_sha256 != digest:  # pragma: no cover - the services refuse edits
        raise DeliberationError("the frozen charter's text changed since it was frozen")
    charter.frozen_at = charter.frozen_at or timezone.now()
    charter.frozen_sha256 = digest
    charter.motion_slug = motion_slug
    charter.save(update_fields=["frozen_at", "frozen_sha256", "motion_slug"])
    audit.record(
        "deliberation.charter.frozen",
        actor=actor,
        target=charter,
        data={"sha256": digest, "motion": motion_slug, "statements": len(wording.items)},
    )
    return charter
