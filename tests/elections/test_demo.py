"""The elections demo builds a verifiable completed election and an open motion."""

from __future__ import annotations

import json
import random

import pytest
from django.conf import settings

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
    assert len(record.parse_record(committee.record).definition.dealings) == 3
    assert len((motion.definition or {})["trustees"]["dealings"]) == 3  # the motion's key too: no whole key
    # Each demo trustee's state file for the motion, where the trustee tool can open the count after the close.
    for person in ("trustee1", "trustee2", "trustee3"):
        path = settings.DATA_DIR / "demo-trustees" / f"{person}-{motion.slug}.json"
        assert json.loads(path.read_text())["ballot_key"] == (motion.definition or {})["keys"]["ballot"]
    assert (committee.definition or {})["trustees"]["names"] == ["Trustee one", "Trustee three", "Trustee two"]


@pytest.mark.slow
@pytest.mark.django_db
def test_the_demo_motion_puts_the_demo_charter_to_the_vote() -> None:
    """With the deliberation demo built first (as `solidarity demo` does), the motion freezes its charter."""
    from solidarity.coalition import demo as coalition_demo
    from solidarity.core import demo as core_demo
    from solidarity.deliberation import demo as deliberation_demo
    from solidarity.deliberation import selectors as deliberation
    from solidarity.elections import demo

    context = DemoContext(rng=random.Random(2026), progress=lambda _: None)
    core_demo.build(context)
    coalition_demo.build(context)
    deliberation_demo.build(context)
    demo.build(context)
    charter = deliberation.latest_charter()
    assert charter is not None and charter.is_frozen
    motion = Election.objects.get(slug="adopt-the-charter")
    assert motion.charter_id == charter.pk and charter.motion_slug == motion.slug
    assert (motion.definition or {})["charter"]["sha256"] == charter.frozen_sha256
    assert deliberation.frozen_charter_bytes(charter_id=charter.pk, sha256=charter.frozen_sha256) is not None
