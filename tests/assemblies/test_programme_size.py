"""The demo assembly's programme stays light enough for a phone: under 100 KB in either grouping and language."""

from __future__ import annotations

import random
import re

import pytest
from django.test import Client

from solidarity.demo import DemoContext

BUDGET_BYTES = 100_000


@pytest.fixture
def paris_assembly(db: None) -> str:
    from solidarity.assemblies import demo as assemblies_demo
    from solidarity.coalition import demo as coalition_demo
    from solidarity.core import demo as core_demo

    context = DemoContext(rng=random.Random(7), progress=lambda _text: None)
    for module in (core_demo, coalition_demo, assemblies_demo):
        module.build(context)
    return "paris-assembly"


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "fa"])
@pytest.mark.parametrize("grouping", ["", "?group=venue"])
def test_the_demo_programme_fits_the_budget(paris_assembly: str, language: str, grouping: str) -> None:
    response = Client().get(f"/{language}/assemblies/{paris_assembly}/{grouping}")
    assert response.status_code == 200
    body = response.content.decode()
    assert len(response.content) < BUDGET_BYTES, f"{len(response.content):,} bytes"
    # Nothing was dropped to fit: every venue still has its block (grouped) and every session is listed.
    if grouping:
        assert body.count('<details class="venue-block"') == 31
        assert body.count('<details class="venue-block" open>') == 1
    sessions = set(re.findall(r"session-(\d+)", body))
    assert len(sessions) == 14
