"""Election fixtures: delegates who can sign in, and a frozen, open election built through services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from solidarity.coalition.models import Delegate
from solidarity.core.models import User
from solidarity.core.roles import Role
from solidarity.elections import blind, services
from solidarity.elections.models import Election
from tests.conftest import make_user
from tests.elections import helpers


@pytest.fixture
def fast_signing_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reuse one RSA key: generating a 2048-bit key per election makes tests slow."""
    key: rsa.RSAPrivateKey = helpers.signing_key()
    monkeypatch.setattr(blind, "generate_signing_key", lambda bits=2048: key)


@pytest.fixture
def voting_delegates(delegates: list[Delegate]) -> list[tuple[Delegate, User]]:
    made = []
    for delegate in delegates:
        user = make_user(f"voter{delegate.pk}", Role.DELEGATE)
        delegate.user = user
        delegate.save(update_fields=["user"])
        made.append((delegate, user))
    helpers.give_voting_keys(delegates)  # each made their voting key on their page before any freeze
    return made


def make_open_election(
    organizer: User, delegates: list[Delegate], *, rule: str = "scottish-stv", seats: int = 2, give_keys: bool = True
) -> tuple[Election, helpers.Trustees]:
    """Define an election, let three trustees make its key together (2 of 3 open it), freeze it, open for an hour."""
    from django.utils import timezone

    now = timezone.now()
    election = services.create_election(
        actor=organizer,
        slug=f"test-{rule}",
        title_en="Executive committee",
        title_fa="کمیتهٔ اجرایی",
        rule=rule,
        seats=seats,
        opens_at=now - timedelta(minutes=5),
        closes_at=now + timedelta(hours=1),
        trustee_threshold=2,
        trustee_count=3,
    )
    if rule != "motion":
        for delegate in delegates[:4]:
            services.add_candidate(actor=organizer, election=election, delegate=delegate, name_fa=f"ن {delegate.pk}")
    trustees = helpers.joint_key(election)
    if give_keys:
        helpers.give_voting_keys(delegates)
    election = services.freeze_election(actor=organizer, election=election)
    return election, trustees


@pytest.fixture
def open_election(
    organizer: User, voting_delegates: list[tuple[Delegate, User]], fast_signing_key: None
) -> tuple[Election, helpers.Trustees]:
    return make_open_election(organizer, [d for d, _ in voting_delegates])
