"""Relay fixtures: a no-JS lane without waiting, isolated cache, helpers to submit and screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import TestCase
from pytest_django.fixtures import Settings as SettingsWrapper

from solidarity.relay import services
from solidarity.relay.models import Message
from tests.conftest import clear_cache


@pytest.fixture(autouse=True)
def _relay_env(monkeypatch: pytest.MonkeyPatch, settings: SettingsWrapper) -> Iterator[None]:
    settings.JOBS_BACKEND = "immediate"  # jobs run where they are queued, once the transaction commits
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "0")
    monkeypatch.setenv("SOLIDARITY_RELAY_POW_MAX", "2000")
    clear_cache()
    yield
    clear_cache()


def submit(text: str, **fields: object) -> Message:
    """Submit through the service and run what it queues on commit, as the live server does."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        message = services.submit_message(submission=services.Submission(text=text, consent=True, **fields))  # type: ignore[arg-type]  # test helper
    message.refresh_from_db()
    return message
