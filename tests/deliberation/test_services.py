"""Services: votes, moderation, results versions, import, charters."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from solidarity.core.models import AuditEntry, User
from solidarity.deliberation import polis_io, selectors, services
from solidarity.deliberation.models import Conversation, Participant, ResultVersion, Statement, Vote

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "deliberation"  # ../shared beside the checkout


def _vote_pattern(conversation: Conversation, count: int = 30) -> list[Participant]:
    """Two camps split on statements 2..11 and agree on 0 and 1."""
    people = []
    statements = list(conversation.statements.order_by("number"))
    for i in range(count):
        participant = services.join(conversation=conversation, anonymous_token=f"token-{i}")
        camp = i % 2
        for statement in statements:
            value = 1 if statement.number < 2 or statement.number % 2 == camp else -1
            services.cast_vote(participant=participant, statement=statement, value=value)
        people.append(participant)
    return people


def test_last_vote_wins_and_is_one_row(conversation: Conversation) -> None:
    participant = services.join(conversation=conversation, anonymous_token="abc")
    statement = conversation.statements.get(number=0)
    services.cast_vote(participant=participant, statement=statement, value=1)
    services.cast_vote(participant=participant, statement=statement, value=-1)
    assert list(Vote.objects.filter(participant=participant).values_list("value", flat=True)) == [-1]


def test_votes_on_rejected_or_withdrawn_statements_are_refused(conversation: Conversation, organizer: User) -> None:
    participant = services.join(conversation=conversation, anonymous_token="abc")
    first, second = conversation.statements.order_by("number")[:2]
    services.moderate_statement(statement=first, moderator=organizer, decision="reject")
    services.withdraw_statement(statement=second, organizer=organizer)
    for statement in (first, second):
        with pytest.raises(services.StatementNotVotableError):
            services.cast_vote(participant=participant, statement=statement, value=1)
    assert not Vote.objects.exists()


def test_pending_statement_takes_no_votes_under_strict_moderation(conversation: Conversation, moderator: User) -> None:
    author = services.join(conversation=conversation, anonymous_token="author")
    statement = services.submit_statement(participant=author, text="  A   new idea ", language="en")
    assert statement.text == "A new idea"
    assert statement.status == Statement.Status.PENDING
    assert statement not in selectors.visible_statements(conversation)
    with pytest.raises(services.StatementNotVotableError):
        services.cast_vote(participant=author, statement=statement, value=1)
    services.moderate_statement(statement=statement, moderator=moderator, decision="accept")
    services.cast_vote(participant=author, statement=statement, value=1)
    assert AuditEntry.objects.filter(action="deliberation.statement.moderated").exists()


def test_closed_conversation_refuses_votes_and_statements(conversation: Conversation, organizer: User) -> None:
    participant = services.join(conversation=conversation, anonymous_token="abc")
    services.set_conversation_open(conversation=conversation, organizer=organizer, is_open=False)
    with pytest.raises(services.ConversationClosedError):
        services.cast_vote(participant=participant, statement=conversation.statements.first(), value=1)  # type: ignore[arg-type]  # exists
    with pytest.raises(services.ConversationClosedError):
        services.submit_statement(participant=participant, text="x", language="en")


def test_statement_text_is_bounded(conversation: Conversation) -> None:
    participant = services.join(conversation=conversation, anonymous_token="abc")
    with pytest.raises(services.InvalidStatementError):
        services.submit_statement(participant=participant, text="   ", language="en")
    with pytest.raises(services.InvalidStatementError):
        services.submit_statement(participant=participant, text="x" * 401, language="en")


def test_join_is_idempotent_and_stores_no_token(conversation: Conversation) -> None:
    a = services.join(conversation=conversation, anonymous_token="secret-token")
    b = services.join(conversation=conversation, anonymous_token="secret-token")
    assert a.pk == b.pk
    assert a.anonymous_key != "secret-token"
    assert len(a.anonymous_key) == 64


def test_results_are_recomputed_versioned_and_throttled(
    conversation: Conversation, django_capture_on_commit_callbacks: object, settings: object
) -> None:
    settings.JOBS_BACKEND = "immediate"  # type: ignore[attr-defined]  # pytest-django settings fixture
    with django_capture_on_commit_callbacks(execute=True) as callbacks:  # type: ignore[operator]  # pytest-django fixture
        _vote_pattern(conversation)
    # 360 votes, one queued job: the throttle lets one wait at a time
    assert len(callbacks) == 1
    latest = selectors.latest_result(conversation)
    assert latest is not None
    assert latest.vote_count == 360
    assert latest.report["k"] == 2
    assert set(latest.report["common_ground"][:2]) == {0, 1}
    # nothing changed: no new version
    assert services.compute_results(conversation=conversation).pk == latest.pk  # type: ignore[union-attr]  # returns a version
    forced = services.compute_results(conversation=conversation, force=True)
    assert forced is not None
    assert forced.version == latest.version + 1
    # the same votes give the same partition (the second run starts warm from the first)
    assert sorted(g["members"] for g in forced.report["groups"]) == sorted(
        g["members"] for g in latest.report["groups"]
    )


def test_next_statement_follows_priority_and_skips_voted(conversation: Conversation) -> None:
    participant = services.join(conversation=conversation, anonymous_token="abc")
    seen = set()
    for _ in range(12):
        statement = selectors.next_statement(participant)
        assert statement is not None
        assert statement.number not in seen
        seen.add(statement.number)
        services.cast_vote(participant=participant, statement=statement, value=0)
    assert selectors.next_statement(participant) is None


def test_meta_statements_come_first_take_votes_and_stay_out_of_common_ground(
    conversation: Conversation, organizer: User
) -> None:
    meta = conversation.statements.get(number=11)
    services.moderate_statement(statement=meta, moderator=organizer, decision="meta")
    # Pol.is gives meta statements a fixed priority of 7², far above a fresh statement's (~5):
    # across many participants the meta statement is drawn first far more often than 1 in 12.
    firsts = []
    for person in range(40):
        participant = services.join(conversation=conversation, anonymous_token=f"meta-{person}")
        first = selectors.next_statement(participant)
        assert first is not None
        firsts.append(first.number)
    assert firsts.count(11) >= 12, firsts
    participants = list(Participant.objects.filter(conversation=conversation))
    for participant in participants:
        for statement in conversation.statements.all():
            services.cast_vote(participant=participant, statement=statement, value=1)
    assert Vote.objects.filter(statement=meta).count() == len(participants)
    result = services.compute_results(conversation=conversation, force=True)
    assert result is not None
    assert result.report["statements"]["11"]["is_moderated_out"]
    assert result.report["statements"]["11"]["agree"] == len(participants)  # counted, as Pol.is counts them
    assert 11 not in result.report["common_ground"]
    assert 11 not in result.report["consensus_agree"]
    assert 0 in result.report["common_ground"]


def test_newcomers_first_statement_follows_the_priority_rule_too(conversation: Conversation, organizer: User) -> None:
    services.moderate_statement(statement=conversation.statements.get(number=7), moderator=organizer, decision="meta")
    firsts = []
    for person in range(40):
        shown = selectors.first_statement(conversation)
        assert shown is not None
        assert selectors.first_statement(conversation) == shown  # a reload shows the same statement
        firsts.append(shown.number)
        services.join(conversation=conversation, anonymous_token=f"newcomer-{person}")
    assert len(set(firsts)) >= 5  # newcomers do not all start on statement 0
    assert firsts.count(7) >= 12  # the meta statement's priority 7² puts it first most often


def test_next_statement_query_count(conversation: Conversation) -> None:
    participant = services.join(conversation=conversation, anonymous_token="abc")
    with CaptureQueriesContext(connection) as queries:
        selectors.next_statement(participant)
    assert len(queries) <= 5


def test_import_export_round_trip(organizer: User) -> None:
    export = polis_io.PolisExport(
        topic="Imported",
        description="Q",
        statements=tuple(polis_io.ImportedStatement(i, 0, 1 if i else -1, f"s{i}") for i in range(3)),
        participants=tuple(
            polis_io.ImportedParticipant(p, None, tuple((s, (p + s) % 3 - 1) for s in range(3))) for p in range(10)
        ),
    )
    conversation = services.import_polis(export=export, organizer=organizer)
    assert conversation.imported
    assert Vote.objects.filter(participant__conversation=conversation).count() == 30
    assert conversation.statements.get(number=0).status == Statement.Status.REJECTED
    again = selectors.polis_export(conversation)
    assert [p.votes for p in again.participants] == [p.votes for p in export.participants]
    files = polis_io.export_files(again)
    assert files["comments.csv"].startswith("timestamp,datetime,comment-id")


def test_bad_import_leaves_nothing(organizer: User) -> None:
    before = (Conversation.objects.count(), Vote.objects.count())
    duplicate = "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0\n1,,0,1,1,0,1\n1,,0,1,1,0,1\n"
    comments = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,1,1,0,1,A\n"
    with pytest.raises(polis_io.PolisFormatError):
        polis_io.parse_export(participants_votes=duplicate, comments=comments)
    assert (Conversation.objects.count(), Vote.objects.count()) == before


def test_import_failing_midway_leaves_nothing(organizer: User, monkeypatch: pytest.MonkeyPatch) -> None:
    """All or nothing even when the database write itself fails after statements and participants went in."""
    export = polis_io.PolisExport(
        topic="Half",
        description="Q",
        statements=tuple(polis_io.ImportedStatement(i, 0, 1, f"s{i}") for i in range(3)),
        participants=tuple(polis_io.ImportedParticipant(p, None, ((0, 1), (1, -1))) for p in range(5)),
    )
    before = (Conversation.objects.count(), Statement.objects.count(), Participant.objects.count())

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(Vote.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        services.import_polis(export=export, organizer=organizer)
    after = (Conversation.objects.count(), Statement.objects.count(), Participant.objects.count())
    assert after == before
    assert not AuditEntry.objects.filter(action="deliberation.conversation.imported").exists()


@pytest.mark.skipif(not DATA.is_dir(), reason="real Pol.is exports are not present")
def test_real_conversation_imports_and_computes(organizer: User) -> None:
    export = polis_io.read_export(DATA / "15-per-hour-seattle")
    conversation = services.import_polis(export=export, organizer=organizer)
    result = services.compute_results(conversation=conversation)
    assert result is not None
    assert result.vote_count == sum(len(p.votes) for p in export.participants)
    assert result.report["k"] == 2


def test_charter_gathers_common_ground_with_support(conversation: Conversation, organizer: User) -> None:
    _vote_pattern(conversation, count=10)
    services.compute_results(conversation=conversation)
    charter = services.create_charter(
        organizer=organizer, title_en="Charter", title_fa="منشور", conversation=conversation
    )
    statement = conversation.statements.get(number=0)
    item = services.add_to_charter(charter=charter, statement=statement, organizer=organizer)
    assert item.support["agree"] == 10
    assert item.text_fa == "گزاره 0"
    assert services.add_to_charter(charter=charter, statement=statement, organizer=organizer).pk == item.pk
    latest = selectors.latest_charter()
    assert latest is not None
    assert latest.pk == charter.pk
    assert latest.statements == ["Seed statement 0"]
    assert latest.statements_fa == ["گزاره 0"]
    services.remove_from_charter(item=item, organizer=organizer)
    assert charter.items.count() == 0


def test_rejected_statement_cannot_enter_a_charter(conversation: Conversation, organizer: User) -> None:
    charter = services.create_charter(organizer=organizer, title_en="Charter", conversation=conversation)
    statement = conversation.statements.get(number=3)
    services.moderate_statement(statement=statement, moderator=organizer, decision="reject")
    with pytest.raises(services.StatementNotVotableError):
        services.add_to_charter(charter=charter, statement=statement, organizer=organizer)


def test_result_version_numbers_are_unique(conversation: Conversation) -> None:
    _vote_pattern(conversation, count=3)
    first = services.compute_results(conversation=conversation, force=True)
    second = services.compute_results(conversation=conversation, force=True)
    assert first is not None
    assert second is not None
    assert second.version == first.version + 1
    assert ResultVersion.objects.filter(conversation=conversation).count() == 2


def test_a_new_vote_updates_incrementally_and_a_forced_recompute_is_full(conversation: Conversation) -> None:
    people = _vote_pattern(conversation)
    first = services.compute_results(conversation=conversation, force=True)
    assert first is not None and first.report["path"] == "full"
    assert first.warm_start["incremental"]["updates_since_full"] == 0
    # one vote changed out of 360: the stored state carries the update
    services.cast_vote(participant=people[0], statement=conversation.statements.get(number=0), value=-1)
    second = services.compute_results(conversation=conversation)
    assert second is not None and second.version == first.version + 1
    assert second.report["path"] == "incremental"
    assert second.warm_start["incremental"]["updates_since_full"] == 1
    assert sorted(g["members"] for g in second.report["groups"]) == sorted(g["members"] for g in first.report["groups"])
    forced = services.compute_results(conversation=conversation, force=True)
    assert forced is not None and forced.report["path"] == "full"
    # only the newest version keeps the engine's state; the reports of all three stay
    stored = dict(ResultVersion.objects.filter(conversation=conversation).values_list("version", "warm_start"))
    assert stored[first.version] == {} and stored[second.version] == {}
    assert stored[forced.version]["incremental"]["updates_since_full"] == 0
    assert ResultVersion.objects.filter(conversation=conversation).exclude(report={}).count() == 3
    # and what reads a result for a page leaves the state unread
    shown = selectors.latest_result(conversation)
    assert shown is not None and shown.version == forced.version
    assert "warm_start" in shown.get_deferred_fields()


def test_the_migration_empties_the_state_of_every_version_but_the_newest(conversation: Conversation) -> None:
    import importlib

    from django.apps import apps

    prune = importlib.import_module("solidarity.deliberation.migrations.0005_prune_older_warm_starts").prune
    other = Conversation.objects.create(topic_en="Another")
    for talk in (conversation, other):
        for version in (1, 2, 3):
            ResultVersion.objects.create(
                conversation=talk, version=version, vote_count=0, participant_count=0, warm_start={"v": version}
            )
    prune(apps, None)
    kept = ResultVersion.objects.exclude(warm_start={}).values_list("conversation_id", "warm_start")
    assert sorted(kept) == sorted([(conversation.pk, {"v": 3}), (other.pk, {"v": 3})])
