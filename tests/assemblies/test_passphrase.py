"""A passphrase set from the invitation: strong enough, hashed, signs in instead of the code, throttled, audited."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from solidarity.assemblies import delegate_passphrase, invitations, services
from solidarity.assemblies.models import Assembly, DelegatePassphrase, Invitation, Venue
from solidarity.coalition.models import Delegate
from solidarity.core.models import AuditEntry, User

pytestmark = pytest.mark.django_db

PHRASE = "walnut harbour violet thunder"


@pytest.fixture
def invited(
    organizer: User, assembly: Assembly, venues: dict[str, Venue], delegates: list[Delegate]
) -> tuple[Invitation, str]:
    invitation, token = services.issue_invitation(officer=organizer, venue=venues["hub"], delegate=delegates[0])
    return invitation, invitations.short_code(invitations.from_text(token))


def _signed_in_with_code(code: str, language: str = "en") -> Client:
    browser = Client()
    assert browser.post(f"/{language}/assemblies/delegate/sign-in/", {"credential": code}).status_code == 302
    return browser


def _name(page: str) -> str:
    found = re.search(r'class="sign-in-name">([0-9A-Z]{4}-[0-9A-Z]{4})<', page)
    assert found is not None, "the page shows the sign-in name"
    return found.group(1)


# --- the rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "problem"),
    [
        ("short one", "short"),
        ("a b c d e f g h i j", "short"),  # ten "words", none of three letters, ten characters
        ("aaaaaaaaaaaaaaaaaaaa", "simple"),
        ("1q2w3e4r5t6y7u8i", "common"),
        ("x" * 201 + "abcdefg", "long"),
        ("my code is ABCD-EFGH-JKMN-PQRS ok", "code"),
    ],
)
def test_weak_passphrases_are_refused_with_their_reason(phrase: str, problem: str) -> None:
    assert delegate_passphrase.passphrase_problem(phrase, short_code="ABCD-EFGH-JKMN-PQRS") == problem


@pytest.mark.parametrize("phrase", [PHRASE, "cat dog sun sky", "correcthorsebatterystaple!", "گربه ماه دریا کوه"])
def test_four_words_or_sixteen_characters_are_enough(phrase: str) -> None:
    assert delegate_passphrase.passphrase_problem(phrase) is None


def test_the_passphrase_is_stored_only_as_a_password_hash_and_arabic_letters_fold(
    invited: tuple[Invitation, str],
) -> None:
    invitation, code = invited
    held = delegate_passphrase.set_passphrase(
        invitation=invitation, passphrase="كتاب يار دريا كوه", repeated="کتاب یار دریا کوه", short_code=code
    )
    assert "کتاب" not in held.passphrase_hash and "كتاب" not in held.passphrase_hash
    assert held.passphrase_hash.count("$") >= 2  # algorithm$...$hash, from Django's hashers
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", held.sign_in_name)
    # Typed on a Persian keyboard, a phone's Arabic one, with other spacing: the same passphrase.
    for typed in ("کتاب یار دریا کوه", "كتاب يار دريا كوه", "  کتاب  یار دریا کوه "):
        assert (
            delegate_passphrase.invitation_for_passphrase(sign_in_name=held.sign_in_name.lower(), passphrase=typed)
            == invitation
        )
    with pytest.raises(delegate_passphrase.PassphraseRefusedError):
        delegate_passphrase.invitation_for_passphrase(sign_in_name=held.sign_in_name, passphrase="کتاب یار دریا")
    entry = AuditEntry.objects.get(action="assemblies.delegate.passphrase_set")
    assert entry.target_id == str(invitation.pk) and entry.data == {"changed": False}
    assert "کتاب" not in str(entry.data)
    # Changing it keeps the name.
    again = delegate_passphrase.set_passphrase(invitation=invitation, passphrase=PHRASE, repeated=PHRASE)
    assert again.sign_in_name == held.sign_in_name
    assert DelegatePassphrase.objects.count() == 1
    assert AuditEntry.objects.filter(action="assemblies.delegate.passphrase_set").count() == 2


def test_mismatched_repeats_are_refused(invited: tuple[Invitation, str]) -> None:
    invitation, _code = invited
    with pytest.raises(delegate_passphrase.WeakPassphraseError) as refusal:
        delegate_passphrase.set_passphrase(invitation=invitation, passphrase=PHRASE, repeated=PHRASE + "x")
    assert refusal.value.problem == "mismatch"
    assert not DelegatePassphrase.objects.exists()


# --- the pages ------------------------------------------------------------------------------------


def test_a_delegate_sets_a_passphrase_from_the_code_session_and_signs_in_with_it(
    invited: tuple[Invitation, str],
) -> None:
    invitation, code = invited
    browser = _signed_in_with_code(code)
    home = browser.get("/en/assemblies/delegate/").content.decode()
    assert "Set a passphrase" in home
    weak = browser.post("/en/assemblies/delegate/passphrase/", {"passphrase": "short", "repeated": "short"})
    assert weak.status_code == 400
    assert "Too short" in weak.content.decode()
    done = browser.post("/en/assemblies/delegate/passphrase/", {"passphrase": PHRASE, "repeated": PHRASE})
    assert done.status_code == 200
    page = done.content.decode()
    assert "Your passphrase is set." in page
    name = _name(page)
    assert PHRASE not in page

    fresh = Client()
    wrong = fresh.post(
        "/fa/assemblies/delegate/sign-in/passphrase/", {"sign_in_name": name, "passphrase": PHRASE + " x"}
    )
    assert wrong.status_code == 200
    unknown = fresh.post(
        "/en/assemblies/delegate/sign-in/passphrase/", {"sign_in_name": "ZZZZ-ZZZZ", "passphrase": PHRASE}
    )
    assert "do not open a delegate" in unknown.content.decode()
    signed = fresh.post("/en/assemblies/delegate/sign-in/passphrase/", {"sign_in_name": name, "passphrase": PHRASE})
    assert signed.status_code == 302
    assert "Delegate 0" in fresh.get("/en/assemblies/delegate/").content.decode()
    assert AuditEntry.objects.filter(action="assemblies.delegate.signed_in", data__via="passphrase").exists()
    # A passphrase session cannot change the passphrase (a borrowed session cannot lock the delegate out).
    refused = fresh.post("/en/assemblies/delegate/passphrase/", {"passphrase": PHRASE[::-1], "repeated": PHRASE[::-1]})
    assert "sign in with your invitation's short code" in refused.content.decode()
    assert delegate_passphrase.invitation_for_passphrase(sign_in_name=name, passphrase=PHRASE) == invitation


def test_revoking_the_invitation_ends_the_passphrase(organizer: User, invited: tuple[Invitation, str]) -> None:
    invitation, code = invited
    held = delegate_passphrase.set_passphrase(
        invitation=invitation, passphrase=PHRASE, repeated=PHRASE, short_code=code
    )
    services.revoke_invitation(officer=organizer, invitation=invitation)
    browser = Client()
    answer = browser.post(
        "/en/assemblies/delegate/sign-in/passphrase/", {"sign_in_name": held.sign_in_name, "passphrase": PHRASE}
    )
    assert answer.status_code == 200
    assert browser.get("/en/assemblies/delegate/").status_code == 302


def test_passphrase_sign_in_is_throttled_like_staff_sign_in(invited: tuple[Invitation, str], settings: object) -> None:
    invitation, code = invited
    held = delegate_passphrase.set_passphrase(
        invitation=invitation, passphrase=PHRASE, repeated=PHRASE, short_code=code
    )
    browser = Client()
    from django.conf import settings as django_settings

    for _try in range(django_settings.LOGIN_FAILURES_ALLOWED + 1):
        browser.post(
            "/en/assemblies/delegate/sign-in/passphrase/",
            {"sign_in_name": held.sign_in_name, "passphrase": "wrong " * 4},
        )
    slowed = browser.post(
        "/en/assemblies/delegate/sign-in/passphrase/", {"sign_in_name": held.sign_in_name, "passphrase": PHRASE}
    )
    assert slowed.status_code == 429
    assert "wait" in slowed.content.decode()
    assert AuditEntry.objects.filter(action="assemblies.delegate.sign_in_slowed").exists()
    # Another sign-in name from the same client is not slowed by it.
    other = browser.post(
        "/en/assemblies/delegate/sign-in/passphrase/", {"sign_in_name": "ZZZZ-ZZZZ", "passphrase": PHRASE}
    )
    assert other.status_code == 200


def test_persian_pages_of_the_passphrase(invited: tuple[Invitation, str]) -> None:
    _invitation, code = invited
    browser = _signed_in_with_code(code, "fa")
    page = browser.get("/fa/assemblies/delegate/passphrase/").content.decode()
    assert 'dir="rtl"' in page
    assert "عبارت عبور" in page
    sign_in = Client().get("/fa/assemblies/delegate/sign-in/").content.decode()
    assert "عبارت عبور" in sign_in
