"""The assemblies demo builds through the services: a Paris hub, 30 satellites, 200+ invitations."""

from __future__ import annotations

import random

import pytest

from solidarity.assemblies.models import Assembly, Invitation, Scan
from solidarity.demo import DemoContext


@pytest.mark.slow
@pytest.mark.django_db
def test_demo_builds_the_paris_assembly() -> None:
    from solidarity.assemblies import demo as assemblies_demo
    from solidarity.coalition import demo as coalition_demo
    from solidarity.core import demo as core_demo

    context = DemoContext(rng=random.Random(7), progress=lambda _text: None)
    for module in (core_demo, coalition_demo, assemblies_demo):
        module.build(context)
    assembly = Assembly.objects.get(slug="paris-assembly")
    assert assembly.status == Assembly.Status.LIVE
    assert assembly.venues.count() == 31
    assert assembly.venues.filter(kind="hub", city_en="Paris").exists()
    assert len(set(assembly.venues.values_list("time_zone", flat=True))) >= 15
    assert assembly.sessions.dates("starts_at", "day").count() == 2
    assert assembly.partners.count() == 8
    assert Invitation.objects.filter(assembly=assembly).count() >= 200
    assert set(Invitation.objects.values_list("state", flat=True)) == set(Invitation.State.values)
    assert Scan.objects.filter(assembly=assembly, outcome="admitted").count() > 20
    assert Scan.objects.exclude(duplicate_kind="").count() == 1
