"""A passphrase a delegate sets from their invitation, and the sign-in with it instead of the short code.

Who may set one: a delegate session opened with the invitation itself (its short code or link
token), never one opened with the passphrase, so a borrowed passphrase session cannot lock the
delegate out. The delegate then signs in with a random sign-in name (shown once set, and on their
page) and the passphrase. The name is random on purpose: it names neither the delegate nor the
invitation, so a name seen over a shoulder or left in a browser tells nothing about who holds it.
The passphrase is kept only as Django's password hash (the project's `PASSWORD_HASHERS`). Every
refusal of a sign-in is the same answer, and an unknown name costs the same hashing as a known one.
"""

from __future__ import annotations

import secrets
import unicodedata
from functools import cache

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from solidarity.assemblies import invitations
from solidarity.assemblies.models import DelegatePassphrase, Invitation
from solidarity.core import audit
from solidarity.core.text import fold_letters

MIN_CHARACTERS = 16  # not counting spaces
MIN_WORDS = 4  # ... of at least MIN_WORD_LENGTH characters each: a four-word passphrase may be shorter
MIN_WORD_LENGTH = 3
MIN_DISTINCT = 6
MAX_CHARACTERS = 200
NAME_SYMBOLS = 8  # 40 bits from the short codes' alphabet, shown as XXXX-XXXX


class WeakPassphraseError(Exception):
    """The passphrase is too short, too simple, or contains the invitation's code; the message says which."""

    def __init__(self, problem: str) -> None:
        self.problem = problem  # "short", "simple", "common", "code", "long", "mismatch"
        super().__init__(problem)


class PassphraseRefusedError(Exception):
    """The sign-in name and passphrase do not open a delegate's place (one answer for every reason)."""


def normalize_passphrase(text: str) -> str:
    """Return a passphrase as it is hashed: NFKC, Arabic letters folded to Persian, single spaces.

    A phone's Arabic keyboard types ي and ك where a computer's Persian one types ی and ک; both must
    open the same place.
    """
    return " ".join(fold_letters(unicodedata.normalize("NFKC", text)).split())


def passphrase_problem(text: str, *, short_code: str = "") -> str | None:
    """Return why a passphrase is refused ("short", "simple", "common", "code", "long"), or None."""
    phrase = normalize_passphrase(text)
    words = [word for word in phrase.split(" ") if len(word) >= MIN_WORD_LENGTH]
    if len(phrase) > MAX_CHARACTERS:
        return "long"
    if len(phrase.replace(" ", "")) < MIN_CHARACTERS and len(words) < MIN_WORDS:  # spaces are not strength
        return "short"
    if len(set(phrase.replace(" ", "").casefold())) < MIN_DISTINCT:
        return "simple"
    compact = phrase.replace(" ", "").replace("-", "").upper()
    if short_code and short_code.replace("-", "").upper() in compact:
        return "code"
    try:
        CommonPasswordValidator().validate(phrase)
    except ValidationError:
        return "common"
    return None


def format_sign_in_name(raw: str) -> str:
    return f"{raw[:4]}-{raw[4:]}"


def normalize_sign_in_name(text: str) -> str:
    """Return a typed sign-in name in its stored form (case, spaces and dashes do not matter)."""
    cleaned = "".join(character for character in text.upper() if character.isalnum())
    cleaned = "".join({"I": "1", "L": "1", "O": "0"}.get(character, character) for character in cleaned)
    return format_sign_in_name(cleaned) if len(cleaned) == NAME_SYMBOLS else cleaned


def _new_sign_in_name() -> str:
    return format_sign_in_name("".join(secrets.choice(invitations.CODE_ALPHABET) for _ in range(NAME_SYMBOLS)))


@cache
def _dummy_hash() -> str:
    """A hash to check against when the name is unknown, so that answer costs the same time."""
    return make_password(secrets.token_urlsafe(24))


def set_passphrase(
    *, invitation: Invitation, passphrase: str, repeated: str, short_code: str = ""
) -> DelegatePassphrase:
    """Set (or change) the passphrase of a delegate's invitation; keep its sign-in name when it has one."""
    if normalize_passphrase(passphrase) != normalize_passphrase(repeated):
        raise WeakPassphraseError("mismatch")
    if problem := passphrase_problem(passphrase, short_code=short_code):
        raise WeakPassphraseError(problem)
    if invitation.delegate_id is None or invitation.state == Invitation.State.REVOKED:
        raise PassphraseRefusedError("only a live invitation of a delegate takes a passphrase")
    digest = make_password(normalize_passphrase(passphrase))
    for _attempt in range(5):
        try:
            with transaction.atomic():
                existing = DelegatePassphrase.objects.select_for_update().filter(invitation=invitation).first()
                if existing is not None:
                    existing.passphrase_hash, existing.set_at = digest, timezone.now()
                    existing.save(update_fields=["passphrase_hash", "set_at"])
                    held = existing
                else:
                    held = DelegatePassphrase.objects.create(
                        invitation=invitation, sign_in_name=_new_sign_in_name(), passphrase_hash=digest
                    )
                audit.record(
                    "assemblies.delegate.passphrase_set",
                    actor=None,
                    target=invitation,
                    data={"changed": existing is not None},
                )
                return held
        except IntegrityError:  # two names alike (1 in 2^40) or a concurrent first set: draw again
            continue
    raise PassphraseRefusedError("could not set the passphrase, try again")


def invitation_for_passphrase(*, sign_in_name: str, passphrase: str) -> Invitation:
    """Return the live invitation a sign-in name and passphrase open; PassphraseRefusedError otherwise."""
    held = (
        DelegatePassphrase.objects.select_related("invitation__delegate")
        .filter(sign_in_name=normalize_sign_in_name(sign_in_name))
        .first()
    )
    phrase = normalize_passphrase(passphrase)
    if held is None:
        check_password(phrase, _dummy_hash())
        raise PassphraseRefusedError("unknown")
    if not check_password(phrase, held.passphrase_hash):
        raise PassphraseRefusedError("wrong")
    invitation = held.invitation
    if invitation.state == Invitation.State.REVOKED or invitation.delegate is None:
        raise PassphraseRefusedError("revoked")
    return invitation
