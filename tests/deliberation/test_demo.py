"""The demo conversation: groups and common ground emerge from the delegates' votes."""

from __future__ import annotations

import random
from typing import Any

import pytest

from solidarity.deliberation import selectors
from solidarity.deliberation.models import Conversation, ResultVersion, Vote
from solidarity.demo import DemoContext

# Transactional, with jobs run at once: each round's commit then recomputes, as a live conversation's would.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def test_demo_builds_groups_common_ground_and_a_charter(settings: Any) -> None:
    settings.JOBS_BACKEND = "immediate"
    from solidarity.coalition import demo as coalition_demo
    from solidarity.core import demo as core_demo
    from solidarity.deliberation import demo

    context = DemoContext(rng=random.Random(2026), progress=lambda _text: None)
    core_demo.build(context)
    coalition_demo.build(context)
    demo.build(context)
    conversation = Conversation.objects.get(topic_en="The coalition's principles")
    assert 300 <= Vote.objects.filter(participant__conversation=conversation).count() <= 3000
    latest = selectors.latest_result(conversation)
    assert latest is not None
    # One version a round of ten delegates (and one for the statements from the floor), as the
    # recompute throttle gives: not one a vote.
    rounds = demo.PARTICIPANTS // demo.ROUND
    assert rounds <= ResultVersion.objects.filter(conversation=conversation).count() <= rounds + 1
    assert latest.report["k"] >= 2
    seeds_everyone_shares = {0, 2, 5, 15, 16}
    assert set(latest.report["common_ground"][:5]) & seeds_everyone_shares
    charter = selectors.latest_charter()
    assert charter is not None
    assert len(charter.statements) == 5
    assert selectors.pending_statements(conversation).count() == 2
