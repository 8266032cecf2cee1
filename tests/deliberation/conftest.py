"""Fixtures of the common-ground tests: a conversation with seed statements, participants who vote."""

from __future__ import annotations

import pytest

from solidarity.core.models import User
from solidarity.deliberation import services
from solidarity.deliberation.models import Conversation


@pytest.fixture(autouse=True)
def _no_proof_of_work_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Anonymous statements need the relay's wait token; tests do not wait for it (one test does)."""
    monkeypatch.setenv("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "0")


@pytest.fixture
def conversation(organizer: User) -> Conversation:
    seeds = [services.SeedStatement(f"Seed statement {i}", "en", f"گزاره {i}") for i in range(12)]
    return services.open_conversation(
        organizer=organizer,
        topic_en="Principles",
        topic_fa="اصول",
        question_en="What should the coalition stand for?",
        question_fa="ائتلاف باید از چه دفاع کند؟",
        participation=Conversation.Participation.PUBLIC,
        seed_statements=seeds,
    )
