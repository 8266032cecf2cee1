"""A production server without an invitation signing key is told so at start, not at the first invitation."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from solidarity.assemblies.checks import check_signing_key
from solidarity.assemblies.invitations import Signer


def test_production_without_a_key_fails_its_checks(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOLIDARITY_INVITE_SIGNING_KEY", raising=False)
    settings.IS_PRODUCTION = True
    (error,) = check_signing_key(None)
    assert error.id == "assemblies.E001" and "SOLIDARITY_INVITE_SIGNING_KEY" in error.msg
    with pytest.raises(SystemCheckError, match=r"assemblies\.E001"):
        call_command("check")
    settings.IS_PRODUCTION = False
    assert check_signing_key(None) == []  # the embedded setup makes its own


def test_a_malformed_key_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOLIDARITY_INVITE_SIGNING_KEY", "not base64!")
    assert [error.id for error in check_signing_key(None)] == ["assemblies.E002"]
    monkeypatch.setenv("SOLIDARITY_INVITE_SIGNING_KEY", "c2hvcnQ=")  # base64, but 5 bytes
    assert [error.id for error in check_signing_key(None)] == ["assemblies.E002"]
    monkeypatch.setenv("SOLIDARITY_INVITE_SIGNING_KEY", Signer.generate().seed_base64())
    assert check_signing_key(None) == []
