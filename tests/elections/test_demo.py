"""The elections demo builds a verifiable completed election and an open motion."""

from __future__ import annotations

import random

import pytest

from solidarity.demo import DemoContext
from solidarity.elections import record
from solidarity.elections.models import Election


@pytest.mark.slow
@pytest.mark.django_db
def test_demo_builds_a_published_record_and_an_open_motion() -> None:
    from solidarity.coalition import demo as coalition_demo
    from solidarity.core import demo as core_demo
    from solidarity.elections import demo

    context = DemoContext(rng=random.Random(2026), progress=lambda _: None)
    core_demo.build(context)
    coalition_demo.build(context)
    demo.build(context)
    committee = Election.objects.get(slug="executive-committee")
    assert committee.status == Election.Status.PUBLISHED
    assert record.verify(committee.record) == []
    assert len(committee.result["elected"]) == 7  # type: ignore[index]
    motion = Election.objects.get(slug="adopt-the-charter")
    assert motion.is_open()
    assert committee.ballot_key_offline and motion.ballot_key_offline
    assert (committee.definition or {})["trustees"]["names"] == ["Trustee one", "Trustee three", "Trustee two"]
