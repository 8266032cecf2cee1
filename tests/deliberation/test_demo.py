"""The demo conversation: groups and common ground emerge from the delegates' votes."""

from __future__ import annotations

import random

import pytest

from solidarity.deliberation import selectors
from solidarity.deliberation.models import Conversation, Vote
from solidarity.demo import DemoContext

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_builds_groups_common_ground_and_a_charter() -> None:
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
    assert latest.report["k"] >= 2
    seeds_everyone_shares = {0, 2, 5, 15, 16}
    assert set(latest.report["common_ground"][:5]) & seeds_everyone_shares
    charter = selectors.latest_charter()
    assert charter is not None
    assert len(charter.statements) == 5
    assert selectors.pending_statements(conversation).count() == 2
