"""Drafting an election (issue 13): candidates edited and withdrawn until the freeze, a quorum, a freeze saying why."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from solidarity.coalition.models import Delegate
from solidarity.core.models import AuditEntry, User
from solidarity.core.roles import Role
from solidarity.elections import canonical, client, record, services, tally
from solidarity.elections.forms import ElectionForm
from solidarity.elections.models import Election
from tests.conftest import make_user
from tests.elections import helpers
from tests.elections.helpers import make_election

pytestmark = pytest.mark.django_db


def _draft(organizer: User, *, rule: str = "scottish-stv", seats: int = 2, **more: Any) -> Election:
    now = timezone.now()
    return services.create_election(
        actor=organizer,
        slug=more.pop("slug", "board"),
        title_en="Board",
        title_fa="هیئت",
        rule=rule,
        seats=seats,
        opens_at=now - timedelta(minutes=5),
        closes_at=now + timedelta(hours=1),
        **more,
    )


# --- candidates ---------------------------------------------------------------------------------


def test_candidates_are_edited_and_withdrawn_until_the_freeze_and_refused_after(
    organizer: User, delegates: list[Delegate], fast_signing_key: None
) -> None:
    election = _draft(organizer)
    first, second, third = (
        services.add_candidate(actor=organizer, election=election, delegate=d) for d in delegates[:3]
    )
    services.update_candidate(
        actor=organizer, candidate=first, name_en="Delegate Zero", name_fa="نماینده", gender="woman"
    )
    first.refresh_from_db()
    assert (first.name_en, first.name_fa, first.gender) == ("Delegate Zero", "نماینده", "woman")
    edited = AuditEntry.objects.get(action="elections.candidate.edited")
    assert edited.data == {"delegate": delegates[0].pk, "fields": ["gender", "name_en", "name_fa"]}
    # Nothing changed, nothing written.
    services.update_candidate(
        actor=organizer, candidate=first, name_en="Delegate Zero", name_fa="نماینده", gender="woman"
    )
    assert AuditEntry.objects.filter(action="elections.candidate.edited").count() == 1
    services.withdraw_candidate(actor=organizer, candidate=third)
    assert list(election.candidates.values_list("delegate", flat=True).order_by("delegate")) == [
        delegates[0].pk,
        delegates[1].pk,
    ]
    assert AuditEntry.objects.get(action="elections.candidate.withdrawn").data == {"delegate": delegates[2].pk}

    helpers.joint_key(election)
    services.update_candidate(actor=organizer, candidate=second, name_en="Still a draft", gender="man")  # keyed
    election = services.freeze_election(actor=organizer, election=election)
    assert [c["name_en"] for c in election.definition["candidates"]] == ["Delegate Zero", "Still a draft"]  # type: ignore[index]
    with pytest.raises(services.ElectionStateError, match="frozen: its candidates can no longer change"):
        services.update_candidate(actor=organizer, candidate=first, name_en="Changed")
    with pytest.raises(services.ElectionStateError, match="frozen: its candidates can no longer change"):
        services.withdraw_candidate(actor=organizer, candidate=second)
    assert election.candidates.count() == 2


def test_the_staff_pages_edit_and_withdraw_candidates_and_say_why_after_the_freeze(
    organizer: User,
    delegates: list[Delegate],
    staff_client: Callable[[User], Client],
    fast_signing_key: None,
) -> None:
    election = _draft(organizer)
    web = staff_client(organizer)
    for delegate in delegates[:3]:
        web.post(reverse("elections:staff-detail", args=["board"]), {"delegate": delegate.pk, "name_fa": ""})
    first, second, third = election.candidates.order_by("delegate")
    detail = web.get(reverse("elections:staff-detail", args=["board"])).content.decode()
    assert reverse("elections:candidate-edit", args=["board", first.pk]) in detail
    assert reverse("elections:candidate-withdraw", args=["board", third.pk]) in detail
    edit_url = reverse("elections:candidate-edit", args=["board", first.pk])
    assert 'value="Delegate 0"' in web.get(edit_url).content.decode()
    assert "نام به فارسی" in web.get(edit_url.replace("/en/", "/fa/", 1)).content.decode()
    web.post(edit_url, {"name_en": "Delegate Zero", "name_fa": "صفر", "gender": "woman"})
    first.refresh_from_db()
    assert (first.name_fa, first.gender) == ("صفر", "woman")
    invalid = web.post(edit_url, {"name_en": "x", "gender": "Woman"})  # gender is a fixed choice
    assert invalid.status_code == 200
    first.refresh_from_db()
    assert first.name_en == "Delegate Zero"
    web.post(reverse("elections:candidate-withdraw", args=["board", third.pk]))
    assert election.candidates.count() == 2
    # Another role cannot touch them; a candidate of another election is not found here.
    assert staff_client(make_user("trustee-x", Role.TRUSTEE)).post(edit_url, {"name_en": "y"}).status_code == 403
    other = _draft(organizer, slug="other")
    stranger = services.add_candidate(actor=organizer, election=other, delegate=delegates[4])
    assert web.get(reverse("elections:candidate-edit", args=["board", stranger.pk])).status_code == 404

    helpers.joint_key(election)
    web.post(reverse("elections:freeze", args=["board"]))
    election.refresh_from_db()
    assert election.status == Election.Status.FROZEN
    refused = web.post(reverse("elections:candidate-withdraw", args=["board", second.pk]), follow=True)
    assert "the definition is frozen: its candidates can no longer change" in refused.content.decode()
    persian = web.post(
        reverse("elections:candidate-edit", args=["board", second.pk]).replace("/en/", "/fa/", 1),
        {"name_en": "Other"},
        follow=True,
    )
    assert "تعریف قطعی شده است" in persian.content.decode()
    assert election.candidates.count() == 2
    assert "The definition is frozen" in web.get(edit_url).content.decode()


# --- the freeze says why -------------------------------------------------------------------------


def _freeze_refusal(election: Election, organizer: User) -> str:
    with pytest.raises(services.ElectionStateError) as caught:
        services.freeze_election(actor=organizer, election=election)
    return str(caught.value)


def test_a_freeze_that_fails_says_why_in_words(
    organizer: User, delegates: list[Delegate], trustee: User, fast_signing_key: None
) -> None:
    election = _draft(organizer, seats=3)
    assert "no election key yet: the trustees make it together" in _freeze_refusal(election, organizer)
    helpers.joint_key(election)
    assert "there are no candidates" in _freeze_refusal(election, organizer)
    for delegate in delegates[:2]:
        services.add_candidate(actor=organizer, election=election, delegate=delegate)
    assert _freeze_refusal(election, organizer) == ("2 candidates for 3 seats: add at least one candidate per seat")
    services.add_candidate(actor=organizer, election=election, delegate=delegates[2])
    services.appoint_trustee(actor=organizer, election=election, trustee=trustee)
    assert _freeze_refusal(election, organizer) == "1 of 3 trustees are appointed: appoint every trustee, or none"

    women = _draft(
        organizer, slug="women", constraints=[{"kind": "min", "attribute": "gender", "value": "woman", "limit": 2}]
    )
    for index, delegate in enumerate(delegates[:4]):
        services.add_candidate(
            actor=organizer, election=women, delegate=delegate, gender="woman" if index == 0 else "man"
        )
    helpers.joint_key(women)
    assert _freeze_refusal(women, organizer) == (
        "the constraint 'at least 2 with gender woman' cannot be met: only 1 candidates have it"
    )

    nobody = _draft(organizer, slug="nobody", rule="motion", assembly_id=999)
    helpers.joint_key(nobody)
    assert "the voter roll is empty: nobody on the accredited list has been admitted" in _freeze_refusal(
        nobody, organizer
    )
    fine = _draft(organizer, slug="fine", rule="motion")
    helpers.joint_key(fine)
    services.freeze_election(actor=organizer, election=fine)
    done = Election.objects.get(slug="fine")
    assert _freeze_refusal(done, organizer) == "the definition is already frozen"


def test_the_freeze_page_shows_the_reason_in_both_languages(
    organizer: User, delegates: list[Delegate], staff_client: Callable[[User], Client], fast_signing_key: None
) -> None:
    _draft(organizer)
    web = staff_client(organizer)
    english = web.post(reverse("elections:freeze", args=["board"]), follow=True).content.decode()
    assert "there is no election key yet" in english
    persian = web.post("/fa/staff/elections/board/freeze/", follow=True).content.decode()
    assert "هنوز کلید انتخابات" in persian
    helpers.joint_key(Election.objects.get(slug="board"))
    persian = web.post("/fa/staff/elections/board/freeze/", follow=True).content.decode()
    assert "هیچ نامزدی" in persian
    election = Election.objects.get(slug="board")
    services.add_candidate(actor=organizer, election=election, delegate=delegates[0])
    persian = web.post("/fa/staff/elections/board/freeze/", follow=True).content.decode()
    assert "۱ نامزد برای ۲ کرسی" in persian  # in the reader's digits


# --- the quorum ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parsed"), [("0/1", (0, 1)), ("1/2", (1, 2)), ("2/3", (2, 3)), ("1/1", (1, 1)), ("0/7", (0, 7))]
)
def test_a_quorum_is_a_fraction_of_whole_numbers_between_zero_and_one(text: str, parsed: tuple[int, int]) -> None:
    assert tally.parse_quorum(text) == parsed


@pytest.mark.parametrize(
    "text", ["", "1", "1/0", "3/2", "-1/2", "01/2", "1/02", " 1/2", "1/2 ", "0.5", "½/1", "1//2", "١/٢"]
)
def test_a_quorum_in_any_other_spelling_is_refused(text: str) -> None:
    with pytest.raises(tally.CountError):
        tally.parse_quorum(text)


def test_the_quorum_asks_for_the_share_of_the_voter_roll_rounded_up() -> None:
    assert tally.quorum_required("1/2", 205) == 103
    assert tally.quorum_required("2/3", 9) == 6
    assert tally.quorum_required("0/1", 9) == 0
    assert tally.quorum_result("1/2", electorate=8, ballots=3) == {"required": 4, "ballots": 3, "met": False}
    assert tally.quorum_result("1/2", electorate=8, ballots=4) == {"required": 4, "ballots": 4, "met": True}


def test_the_create_form_reads_a_fraction_or_a_percentage(organizer: User) -> None:
    base = {
        "slug": "q",
        "title_en": "Q",
        "title_fa": "ق",
        "rule": "motion",
        "seats": 1,
        "threshold": "1/2",
        "opens_at": "2030-01-01T10:00",
        "closes_at": "2030-01-02T10:00",
        "trustee_threshold": 2,
        "trustee_count": 3,
    }
    typed_stored = [
        ("", "0/1"),
        ("1/2", "1/2"),
        ("40%", "2/5"),
        ("2 / 3", "2/3"),
        ("100%", "1/1"),
        ("۱/۲", "1/2"),
        ("۴۰٪", "2/5"),
    ]
    for typed, stored in typed_stored:
        form = ElectionForm(data={**base, "quorum": typed})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["quorum"] == stored
    for typed in ("3/2", "150%", "half", "0,5"):
        assert "quorum" in ElectionForm(data={**base, "quorum": typed}).errors
    with pytest.raises(services.ElectionStateError, match="quorum"):
        _draft(organizer, slug="bad", quorum="3/2")


def _vote(web_election: Election, voting: list[tuple[Delegate, User]], voters: int) -> None:
    definition = record.parse_definition(web_election.definition)
    from solidarity.elections import blind

    key = blind.load_public_key(definition.blind_key)
    for delegate, _user in voting[:voters]:
        pending = client.start_pass(key)
        elector, signature = services.issue_blind_signature(
            election=web_election,
            delegate=delegate,
            blinded_message=pending.blinded_message,
            voter_signature=helpers.pass_request(web_election, delegate, pending.blinded_message),
        )
        voting_pass = helpers.declared(web_election, delegate, client.finish_pass(key, pending, signature), elector)
        ballot = client.cast(
            voting_pass,
            web_election.definition_hash,
            definition.ballot_key,
            {"choice": "yes"},
            layout=definition.layout,
        )
        services.cast_ballot(
            slug=web_election.slug,
            credential=ballot.credential,
            signature=ballot.credential_signature,
            ciphertext=ballot.ciphertext,
            ballot_signature=ballot.ballot_signature,
            elector=voting_pass.elector,
            declaration=voting_pass.declaration,
        )


@pytest.mark.parametrize(("voters", "met"), [(3, True), (2, False)])
def test_the_result_page_and_the_record_say_whether_the_quorum_was_met(
    organizer: User,
    voting_delegates: list[tuple[Delegate, User]],
    fast_signing_key: None,
    voters: int,
    met: bool,
) -> None:
    election = _draft(organizer, rule="motion", quorum="1/2")
    trustees = helpers.joint_key(election)
    election = services.freeze_election(actor=organizer, election=election)
    assert election.definition["quorum"] == "1/2"  # type: ignore[index]
    _vote(election, voting_delegates, voters)
    election = trustees.open(election, now=election.closes_at)
    assert record.verify(election.record) == []
    # Six delegates on the roll: half of them is three ballots.
    assert election.result["quorum"] == {"required": 3, "ballots": voters, "met": met}  # type: ignore[index]
    english = Client().get(f"/en/elections/{election.slug}/result/").content.decode()
    persian = Client().get(f"/fa/elections/{election.slug}/result/").content.decode()
    if met:
        assert "Quorum met." in english and "حد نصاب به دست آمد." in persian
    else:
        assert "Quorum not met." in english and "حد نصاب به دست نیامد." in persian
    assert "of a voter roll of 6" in english
    assert "۶" in persian
    assert "1/2" in Client().get(f"/en/elections/{election.slug}/").content.decode()


def test_verify_recounts_the_quorum_and_refuses_a_forged_one() -> None:
    election = make_election("motion", voters=6)
    election.definition["quorum"] = "1/2"
    for index in range(2):
        election.vote(f"e{index:03d}", {"choice": "yes"})
    built = election.build()
    assert built["result"]["quorum"] == {"required": 3, "ballots": 2, "met": False}
    assert record.verify(canonical.dumps(built)) == []
    forged = dict(built, result={**built["result"], "quorum": {"required": 3, "ballots": 2, "met": True}})
    codes = {failure.code for failure in record.verify(canonical.dumps(forged))}
    assert {"count", "record-signature"} <= codes
    lowered = make_election("motion", voters=6)
    lowered.definition["quorum"] = "01/2"
    with pytest.raises(record.RecordFormatError, match="quorum"):
        record.parse_definition(lowered.definition)
    missing = dict(built["definition"])
    del missing["quorum"]
    with pytest.raises(record.RecordFormatError, match="lacks"):
        record.parse_definition(missing)
