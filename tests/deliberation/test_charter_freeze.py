"""A charter put to a motion: frozen with the motion's definition, its hash in the definition, edits refused,
published on a public page in English and Persian."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from solidarity.coalition.models import Delegate
from solidarity.core.models import AuditEntry, User
from solidarity.deliberation import charter_text, selectors, services
from solidarity.deliberation.models import Charter, CharterItem, Conversation
from solidarity.elections import blind, record
from solidarity.elections import services as elections
from solidarity.elections.models import Election
from tests.elections import helpers


@pytest.fixture
def fast_signing_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reuse one RSA key: generating a 2048-bit key per freeze makes tests slow."""
    key = helpers.signing_key()
    monkeypatch.setattr(blind, "generate_signing_key", lambda bits=2048: key)


def _charter(conversation: Conversation, organizer: User, statements: int = 3) -> Charter:
    for person in range(3):  # three people agree with the first statements, so each has its support
        participant = services.join(conversation=conversation, anonymous_token=f"person-{person}")
        for number in range(statements):
            services.cast_vote(participant=participant, statement=conversation.statements.get(number=number), value=1)
    services.compute_results(conversation=conversation, force=True)
    charter = services.create_charter(
        organizer=organizer, title_en="Charter of the coalition", title_fa="منشور ائتلاف", conversation=conversation
    )
    for number in range(statements):
        services.add_to_charter(
            charter=charter, statement=conversation.statements.get(number=number), organizer=organizer
        )
    return charter


def _motion(organizer: User, charter: Charter | None, *, slug: str = "adopt-the-charter") -> Election:
    now = timezone.now()
    election = elections.create_election(
        actor=organizer,
        slug=slug,
        title_en="Motion: adopt the charter",
        title_fa="طرح: تصویب منشور",
        rule="motion",
        motion_en="The assembly adopts the charter.",
        motion_fa="مجمع منشور را تصویب می‌کند.",
        opens_at=now - timedelta(minutes=5),
        closes_at=now + timedelta(hours=1),
        charter_id=charter.pk if charter is not None else None,
    )
    helpers.joint_key(election)
    return Election.objects.get(pk=election.pk)


@pytest.fixture
def frozen(
    conversation: Conversation, organizer: User, delegates: list[Delegate], fast_signing_key: None
) -> tuple[Charter, Election]:
    charter = _charter(conversation, organizer)
    election = elections.freeze_election(actor=organizer, election=_motion(organizer, charter))
    charter.refresh_from_db()
    return charter, election


# --- the canonical text ---------------------------------------------------------------------------


def _wording(**changes: object) -> charter_text.CharterWording:
    base: dict[str, object] = {
        "charter_id": 7,
        "title_en": "Charter",
        "title_fa": "منشور",
        "preamble_en": "We,\r\nthe members",
        "preamble_fa": "",
        "items": [("Non-violence", "عدم خشونت"), ("Free elections", "انتخابات آزاد")],
    }
    base.update(changes)
    return charter_text.CharterWording(**base)  # type: ignore[arg-type]  # the test's own mapping


def test_the_canonical_text_is_canonical_json_of_both_wordings() -> None:
    data = charter_text.canonical_bytes(_wording())
    document = json.loads(data)
    assert document["format"] == "solidarity-charter/1"
    assert document["preamble_en"] == "We,\nthe members"  # line ends made "\n"
    assert document["statements"][1] == {"number": 2, "text_en": "Free elections", "text_fa": "انتخابات آزاد"}
    assert data == json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert charter_text.charter_hash(_wording()) == hashlib.sha256(data).hexdigest()


def test_every_word_in_either_language_changes_the_hash_and_nothing_else_does() -> None:
    digest = charter_text.charter_hash(_wording())
    assert charter_text.charter_hash(_wording(title_fa="منشور ")) == digest  # outer spaces are not text
    decomposed = "e\u0301"  # "é" as e + combining accent: NFC makes it one character
    assert charter_text.charter_hash(_wording(title_en=f"Charter {decomposed}")) == charter_text.charter_hash(
        _wording(title_en="Charter \u00e9")
    )
    changed = [
        _wording(title_en="Charter!"),
        _wording(preamble_fa="ما"),
        _wording(items=[("Non-violence", "عدم‌خشونت"), ("Free elections", "انتخابات آزاد")]),
        _wording(items=[("Free elections", "انتخابات آزاد"), ("Non-violence", "عدم خشونت")]),
        _wording(items=[("Non-violence", "عدم خشونت")]),
        _wording(charter_id=8),
    ]
    assert len({charter_text.charter_hash(w) for w in changed} | {digest}) == len(changed) + 1


# --- freezing with the motion ---------------------------------------------------------------------


def test_freezing_the_motion_freezes_the_charter_and_hashes_its_text_into_the_definition(
    frozen: tuple[Charter, Election],
) -> None:
    charter, election = frozen
    data = selectors.charter_canonical_bytes(charter)
    assert charter.is_frozen
    assert charter.motion_slug == election.slug
    assert charter.frozen_sha256 == hashlib.sha256(data).hexdigest()
    assert election.definition is not None
    assert election.definition["charter"] == {
        "id": charter.pk,
        "format": "solidarity-charter/1",
        "title_en": "Charter of the coalition",
        "title_fa": "منشور ائتلاف",
        "sha256": charter.frozen_sha256,
    }
    # The definition hash covers the charter's hash; the verifier's parser reads it.
    assert election.definition_hash == record.definition_hash(election.definition)
    assert record.parse_definition(election.definition).charter_sha256 == charter.frozen_sha256
    assert json.loads(data)["statements"][0] == {
        "number": 1,
        "text_en": "Seed statement 0",
        "text_fa": "گزاره 0",
    }
    entry = AuditEntry.objects.get(action="deliberation.charter.frozen")
    assert entry.target_id == str(charter.pk)
    assert entry.data["sha256"] == charter.frozen_sha256
    assert AuditEntry.objects.get(action="elections.election.frozen").data["charter_sha256"] == charter.frozen_sha256


def test_a_frozen_charter_refuses_every_edit(frozen: tuple[Charter, Election], conversation: Conversation) -> None:
    charter, _election = frozen
    before = selectors.charter_canonical_bytes(charter)
    item = CharterItem.objects.filter(charter=charter).first()
    assert item is not None
    organizer = User.objects.get(username="organizer")
    with pytest.raises(services.CharterFrozenError, match="adopt-the-charter"):
        services.edit_charter_item(item=item, organizer=organizer, text_en="Changed", text_fa="تغییر")
    with pytest.raises(services.CharterFrozenError):
        services.remove_from_charter(item=item, organizer=organizer)
    with pytest.raises(services.CharterFrozenError):
        services.add_to_charter(charter=charter, statement=conversation.statements.get(number=5), organizer=organizer)
    charter.refresh_from_db()
    assert selectors.charter_canonical_bytes(charter) == before
    assert not AuditEntry.objects.filter(action__startswith="deliberation.charter.item_edited").exists()


def test_a_second_motion_on_the_same_charter_carries_the_same_hash(
    frozen: tuple[Charter, Election], organizer: User
) -> None:
    charter, first = frozen
    second = elections.freeze_election(actor=organizer, election=_motion(organizer, charter, slug="second-reading"))
    assert second.definition is not None and first.definition is not None
    assert second.definition["charter"]["sha256"] == first.definition["charter"]["sha256"]
    charter.refresh_from_db()
    assert charter.motion_slug == "second-reading"


def test_a_freeze_that_cannot_freeze_the_charter_says_why_and_changes_nothing(
    conversation: Conversation, organizer: User, delegates: list[Delegate], fast_signing_key: None
) -> None:
    empty = services.create_charter(organizer=organizer, title_en="Empty", conversation=conversation)
    election = _motion(organizer, empty)
    with pytest.raises(elections.ElectionStateError, match="no statement"):
        elections.freeze_election(actor=organizer, election=election)
    empty.refresh_from_db()
    election.refresh_from_db()
    assert not empty.is_frozen
    assert election.status == Election.Status.KEYED
    gone = _motion(organizer, None, slug="gone")
    Election.objects.filter(pk=gone.pk).update(charter_id=999_999)
    gone.refresh_from_db()
    with pytest.raises(elections.ElectionStateError, match="no longer exists"):
        elections.freeze_election(actor=organizer, election=gone)


def test_a_freeze_refused_for_another_reason_leaves_the_charter_editable(
    conversation: Conversation, organizer: User, fast_signing_key: None
) -> None:
    """No accredited delegate: the electorate is empty, the freeze is refused and rolled back whole."""
    charter = _charter(conversation, organizer, statements=1)
    with pytest.raises(elections.ElectionStateError, match="voter roll is empty"):
        elections.freeze_election(actor=organizer, election=_motion(organizer, charter))
    charter.refresh_from_db()
    assert not charter.is_frozen
    item = charter.items.get()
    services.edit_charter_item(item=item, organizer=organizer, text_en="Still a draft", text_fa="هنوز پیش‌نویس")


def test_only_a_motion_puts_a_charter_to_the_vote(conversation: Conversation, organizer: User) -> None:
    charter = _charter(conversation, organizer, statements=1)
    now = timezone.now()
    with pytest.raises(elections.ElectionStateError, match="only a motion"):
        elections.create_election(
            actor=organizer,
            slug="stv",
            title_en="Committee",
            title_fa="کمیته",
            rule="scottish-stv",
            opens_at=now,
            closes_at=now + timedelta(hours=1),
            charter_id=charter.pk,
        )


def test_the_verifier_refuses_a_malformed_charter_entry(frozen: tuple[Charter, Election]) -> None:
    _charter_row, election = frozen
    assert election.definition is not None
    for bad in (
        {**election.definition["charter"], "sha256": "ABC"},
        {**election.definition["charter"], "extra": 1},
        {k: v for k, v in election.definition["charter"].items() if k != "sha256"},
    ):
        with pytest.raises(record.RecordFormatError):
            record.parse_definition({**election.definition, "charter": bad})
    with pytest.raises(record.RecordFormatError, match="only a motion"):
        record.parse_definition({**election.definition, "rule": "pav"})
    without = {k: v for k, v in election.definition.items() if k != "charter"}
    assert record.parse_definition(without).charter_sha256 is None


# --- pages ----------------------------------------------------------------------------------------


def test_staff_edits_of_a_frozen_charter_are_refused_with_the_reason(
    frozen: tuple[Charter, Election], organizer: User, staff_client: Callable[[User], Client]
) -> None:
    charter, _election = frozen
    item = charter.items.first()
    assert item is not None
    client = staff_client(organizer)
    for language in ("en", "fa"):
        response = client.post(
            f"/{language}/staff/deliberation/charters/{charter.pk}/items/{item.pk}/",
            {"text_en": "Changed", "text_fa": "تغییر", "action": "save"},
            follow=True,
        )
        body = response.content.decode()
        reason = "This charter is frozen" if language == "en" else "این منشور قفل شده است"
        assert reason in body, language
        assert "adopt-the-charter" in body
    item.refresh_from_db()
    assert item.text_en == "Seed statement 0"
    page = client.get(f"/en/staff/deliberation/charters/{charter.pk}/").content.decode()
    assert charter.frozen_sha256 in page
    assert 'value="save"' not in page and 'value="remove"' not in page


def test_the_public_page_shows_each_statement_with_its_support_in_both_languages(
    frozen: tuple[Charter, Election],
) -> None:
    charter, election = frozen
    client = Client()
    english = client.get(f"/en/deliberation/charters/{charter.pk}/").content.decode()
    assert "Charter of the coalition" in english
    assert "Seed statement 2" in english and "گزاره 2" in english  # both wordings
    assert charter.frozen_sha256 in english
    assert f"/en/elections/{election.slug}/" in english
    assert f"/elections/{election.slug}/charter.json" in english
    assert "<script" not in english
    persian = client.get(f"/fa/deliberation/charters/{charter.pk}/").content.decode()
    assert 'dir="rtl"' in persian
    assert "منشور ائتلاف" in persian
    assert "گزاره ۲" not in persian  # statement text keeps its own digits; the page's numbers go Persian
    assert "گزاره 2" in persian
    assert "۳ موافق" in persian  # the support, in Persian digits
    assert "3 agree" in english
    listing = client.get("/fa/deliberation/").content.decode()
    assert f"/fa/deliberation/charters/{charter.pk}/" in listing


def test_a_draft_charter_has_no_public_page(conversation: Conversation, organizer: User) -> None:
    charter = _charter(conversation, organizer, statements=1)
    assert Client().get(f"/en/deliberation/charters/{charter.pk}/").status_code == 404
    assert f"/charters/{charter.pk}/" not in Client().get("/en/deliberation/charters/").content.decode()


def test_the_motion_serves_the_voted_text_whose_hash_is_in_its_definition(frozen: tuple[Charter, Election]) -> None:
    charter, election = frozen
    response = Client().get(f"/elections/{election.slug}/charter.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert hashlib.sha256(response.content).hexdigest() == election.definition["charter"]["sha256"]  # type: ignore[index]
    definition = Client().get(f"/elections/{election.slug}/definition.json").json()
    assert definition["charter"]["sha256"] == charter.frozen_sha256
    detail = Client().get(f"/fa/elections/{election.slug}/").content.decode()
    assert f"/fa/deliberation/charters/{charter.pk}/" in detail


def test_a_motion_without_a_charter_serves_none(
    organizer: User, delegates: list[Delegate], fast_signing_key: None
) -> None:
    election = elections.freeze_election(actor=organizer, election=_motion(organizer, None, slug="plain"))
    assert election.definition is not None and "charter" not in election.definition
    assert Client().get("/elections/plain/charter.json").status_code == 404


def test_the_published_record_of_a_charter_motion_verifies_and_names_the_charter(
    conversation: Conversation, organizer: User, delegates: list[Delegate], fast_signing_key: None
) -> None:

    import time_machine

    charter = _charter(conversation, organizer, statements=2)
    now = timezone.now()
    election = elections.create_election(
        actor=organizer,
        slug="adopt",
        title_en="Adopt",
        title_fa="تصویب",
        rule="motion",
        opens_at=now - timedelta(minutes=5),
        closes_at=now + timedelta(minutes=5),
        charter_id=charter.pk,
    )
    trustees = helpers.joint_key(election)
    election = elections.freeze_election(actor=organizer, election=election)
    with time_machine.travel(election.closes_at + timedelta(seconds=1)):
        election = trustees.open(election)
    assert record.verify(election.record) == []
    charter.refresh_from_db()
    assert json.loads(election.record)["definition"]["charter"]["sha256"] == charter.frozen_sha256
