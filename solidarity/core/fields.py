"""Model fields that keep personal data encrypted at rest (Fernet, with key rotation)."""

from __future__ import annotations

from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Expression

# No maintained Django package does Fernet fields with MultiFernet rotation and keys from the
# environment (django-cryptography is unmaintained, django-fernet-fields archived), and the
# whole field is the twenty lines below on top of `cryptography`.


@cache
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    """Return the field cipher: encrypts with the first key, decrypts with any."""
    return _fernet_for(tuple(settings.FIELD_ENCRYPTION_KEYS))


class DecryptionError(Exception):
    """A stored value opens with none of the configured keys."""


def encrypt(plaintext: str) -> str:
    """Encrypt text with the newest field key."""
    return fernet().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    """Decrypt text sealed with any configured field key."""
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise DecryptionError("the value opens with none of SOLIDARITY_FIELD_KEYS") from error


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]  # TextField's generics are stub-only
    """Text encrypted with Fernet in the database; cannot be searched or ordered by the database."""

    description = "Text encrypted at rest"

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))

    def from_db_value(self, value: str | None, expression: Expression, connection: BaseDatabaseWrapper) -> str | None:
        if value is None or value == "":
            return value
        return decrypt(value)
