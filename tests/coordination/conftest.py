"""Coordination fixtures: coordinators, member organizations as issuers, an open campaign."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from solidarity.coalition.models import Organization, Term
from solidarity.coordination import pbrsa, services
from solidarity.coordination.models import Campaign
from solidarity.core.models import User
from solidarity.core.roles import Role
from tests.conftest import make_member, make_user
from tests.coordination import pbrsa_vectors

VECTOR_KEY = pbrsa.PrivateKey(p=pbrsa_vectors.P, q=pbrsa_vectors.Q)


@pytest.fixture(autouse=True)
def fast_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reuse the draft's safe-prime key: generating safe primes takes seconds per campaign."""
    monkeypatch.setattr(pbrsa, "generate_key", lambda bits=2048: VECTOR_KEY)


@pytest.fixture
def coordinators(db: None) -> list[User]:
    return [make_user(f"coordinator{i}", Role.COORDINATOR) for i in range(1, 4)]


@pytest.fixture
def issuers(terms: dict[str, Term], organizer: User) -> list[Organization]:
    return [
        make_member(f"Issuer {i}", families=[terms["socialist"]], ties=[], sectors=[terms["teachers"]], actor=organizer)
        for i in range(1, 6)
    ]


CELLS = [
    services.CellSpec("IR-12", "Sanandaj", "teachers", 20),
    services.CellSpec("IR-12", "Sanandaj", "bazaar", 20),
    services.CellSpec("IR-06", "Ahvaz", "teachers", 20),
    services.CellSpec("IR-06", "Ahvaz", "bazaar", 20),
]


def propose(actor: User, organization: Organization, slug: str = "teachers-strike", **extra: object) -> Campaign:
    day = (timezone.now() + timedelta(days=10)).date()
    arguments: dict[str, object] = {
        "actor": actor,
        "organization": organization,
        "slug": slug,
        "title_en": "Teachers stay home",
        "title_fa": "معلمان در خانه می‌مانند",
        "action": Campaign.Action.STRIKE,
        "action_date": day,
        "closes_at": timezone.now() + timedelta(days=5),
        "cells": CELLS,
        "go_word": "pomegranate river",
        "abort_word": "anar daryache",
    }
    arguments.update(extra)
    return services.propose_campaign(**arguments)  # type: ignore[arg-type]  # test helper: keyword bag


def open_campaign(coordinators: list[User], organization: Organization, slug: str = "teachers-strike") -> Campaign:
    campaign = propose(coordinators[0], organization, slug)
    services.approve_campaign(actor=coordinators[1], campaign=campaign)
    services.approve_campaign(actor=coordinators[2], campaign=campaign)
    services.open_campaign(campaign_id=campaign.pk)
    campaign.refresh_from_db()
    return campaign


@pytest.fixture
def campaign(coordinators: list[User], issuers: list[Organization]) -> Campaign:
    return open_campaign(coordinators, issuers[0])
