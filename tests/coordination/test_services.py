"""Campaign lifecycle: propose, four-eyes approval, issuance, pledges, releases, the signal."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest
from django.utils import timezone

from solidarity.coalition.models import Organization
from solidarity.coordination import services, signal
from solidarity.coordination.models import Campaign, IssuerTally, Release, SpentToken
from solidarity.core.models import AuditEntry, User
from solidarity.core.roles import Role
from tests.conftest import make_user
from tests.coordination.conftest import propose
from tests.coordination.helpers import make_token

pytestmark = pytest.mark.django_db


def test_only_a_coordinator_or_staff_of_the_organization_may_propose(coordinators, issuers):
    outsider = make_user("moderator-x", Role.MODERATOR)
    with pytest.raises(services.CampaignError):
        propose(outsider, issuers[0])
    campaign = propose(coordinators[0], issuers[0])
    assert campaign.status == Campaign.Status.PROPOSED
    assert AuditEntry.objects.filter(action="coordination.campaign.proposed").count() == 1


def test_gatherings_and_late_closes_are_refused(coordinators, issuers):
    with pytest.raises(services.CampaignError):
        propose(coordinators[0], issuers[0], action="rally")
    with pytest.raises(services.CampaignError):
        propose(coordinators[0], issuers[0], title_en="Gather at the square at noon")
    with pytest.raises(services.CampaignError):
        propose(coordinators[0], issuers[0], title_fa="تجمع در میدان")
    day = (timezone.now() + timedelta(days=3)).date()
    with pytest.raises(services.CampaignError):
        propose(coordinators[0], issuers[0], action_date=day, closes_at=timezone.now() + timedelta(days=2))
    with pytest.raises(services.CampaignError):
        propose(coordinators[0], issuers[0], go_word="same word", abort_word="SAME  word")


def test_two_distinct_coordinators_must_approve_and_not_the_proposer(coordinators, issuers):
    campaign = propose(coordinators[0], issuers[0])
    with pytest.raises(services.CampaignError):
        services.approve_campaign(actor=coordinators[0], campaign=campaign)
    services.approve_campaign(actor=coordinators[1], campaign=campaign)
    with pytest.raises(services.CampaignError):
        services.approve_campaign(actor=coordinators[1], campaign=campaign)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.PROPOSED
    assert services.open_campaign(campaign_id=campaign.pk) is None  # one approval is not enough
    services.approve_campaign(actor=coordinators[2], campaign=campaign)
    services.open_campaign(campaign_id=campaign.pk)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.OPEN and campaign.public_n
    assert AuditEntry.objects.filter(action="coordination.campaign.approved").count() == 2


def test_code_words_are_stored_only_as_commitments(campaign):
    assert "pomegranate" not in str(Campaign.objects.filter(pk=campaign.pk).values().first())
    assert signal.check_word("Pomegranate  River", campaign=campaign.slug, kind="go", commitment=campaign.go_commitment)


def test_issue_pledge_spend_once_and_withdraw(campaign, issuers, coordinators):
    cell = campaign.cells.get(city="Sanandaj", sector="teachers")
    codes = services.issue_codes(actor=coordinators[0], cell=cell, issuer=issuers[1], count=3)
    token = make_token(campaign, codes[0])
    with pytest.raises(services.PledgeRefusedError):
        make_token(campaign, codes[0])  # a code pays for one signature
    services.pledge(campaign=campaign, info=token.info, prepared=token.prepared, signature=token.signature)
    with pytest.raises(services.PledgeRefusedError):
        services.pledge(campaign=campaign, info=token.info, prepared=token.prepared, signature=token.signature)
    row = SpentToken.objects.get()
    assert row.cell == cell and row.issuer == issuers[1]
    assert services.pledge_status(campaign=campaign, token_hash=services.nullifier(token.prepared)) == "counted"
    services.withdraw_pledge(campaign=campaign, prepared=token.prepared)
    assert services.pledge_status(campaign=campaign, token_hash=services.nullifier(token.prepared)) == "withdrawn"
    with pytest.raises(services.PledgeRefusedError):
        services.withdraw_pledge(campaign=campaign, prepared=secrets.token_bytes(64))
    tally = IssuerTally.objects.get()
    assert (tally.issued, tally.signed) == (3, 1)


def test_a_token_for_one_campaign_or_cell_is_refused_elsewhere(campaign, coordinators, issuers):
    other = propose(coordinators[0], issuers[0], slug="other")
    services.approve_campaign(actor=coordinators[1], campaign=other)
    services.approve_campaign(actor=coordinators[2], campaign=other)
    services.open_campaign(campaign_id=other.pk)
    other.refresh_from_db()
    cell = campaign.cells.first()
    token = make_token(campaign, services.issue_codes(actor=coordinators[0], cell=cell, issuer=issuers[0], count=1)[0])
    with pytest.raises(services.PledgeRefusedError):
        services.pledge(campaign=other, info=token.info, prepared=token.prepared, signature=token.signature)
    forged_info = token.info.replace(b"org", b"org9")
    with pytest.raises(services.PledgeRefusedError):
        services.pledge(campaign=campaign, info=forged_info, prepared=token.prepared, signature=token.signature)


def test_staff_issue_only_for_their_own_organization(campaign, issuers, delegates):
    moderator = make_user("issuer-moderator", Role.MODERATOR)
    cell = campaign.cells.first()
    with pytest.raises(services.CampaignError):
        services.issue_codes(actor=moderator, cell=cell, issuer=issuers[1], count=1)
    delegate = delegates[0]
    delegate.user = moderator
    delegate.save()
    own = delegate.organizations.first()
    assert services.issue_codes(actor=moderator, cell=cell, issuer=own, count=2)


def pledge_many(
    campaign: Campaign, coordinator: User, cell_filter: dict[str, str], issuer: Organization, count: int
) -> None:
    cell = campaign.cells.get(**cell_filter)
    for code in services.issue_codes(actor=coordinator, cell=cell, issuer=issuer, count=count):
        token = make_token(campaign, code)
        services.pledge(campaign=campaign, info=token.info, prepared=token.prepared, signature=token.signature)


def test_release_bands_suppression_and_a_captured_issuer(campaign, coordinators, issuers):
    # Sanandaj teachers: 25 pledges spread over five issuers -> reached.
    for issuer in issuers:
        pledge_many(campaign, coordinators[0], {"city": "Sanandaj", "sector": "teachers"}, issuer, 5)
    # Ahvaz teachers: 25 pledges, 20 of them (80 %) from one issuer -> not reached.
    pledge_many(campaign, coordinators[0], {"city": "Ahvaz", "sector": "teachers"}, issuers[0], 20)
    for issuer in issuers[1:]:
        pledge_many(campaign, coordinators[0], {"city": "Ahvaz", "sector": "teachers"}, issuer, 1)
    pledge_many(campaign, coordinators[0], {"city": "Ahvaz", "sector": "teachers"}, issuers[1], 1)
    # Sanandaj bazaar: 3 pledges -> suppressed.
    pledge_many(campaign, coordinators[0], {"city": "Sanandaj", "sector": "bazaar"}, issuers[2], 3)
    release = services.release_campaign(campaign=campaign, day=timezone.now().date())
    cells = {(cell["area"], cell["sector"]): cell for cell in release.body["cells"]}
    assert cells[("IR-12:Sanandaj", "teachers")]["reached"]
    assert cells[("IR-12:Sanandaj", "teachers")]["band"] in ("25-49", "suppressed")
    assert not cells[("IR-06:Ahvaz", "teachers")]["reached"]
    assert not cells[("IR-06:Ahvaz", "teachers")]["issuers_ok"]
    assert cells[("IR-12:Sanandaj", "bazaar")]["band"] == "suppressed"
    assert release.body["reached_cells"] == 1
    again = services.release_campaign(campaign=campaign, day=timezone.now().date())
    assert again.pk == release.pk  # one release a day
    assert "25" not in str(release.body["total"]) or release.body["total"] != "25"


def test_the_periodic_release_runs_once_a_day_and_closes_campaigns(campaign):
    made = services.release_due()
    assert len(made) == 1 and not services.release_due()
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    services.release_due(now=timezone.now() + timedelta(days=1))
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.CLOSED
    assert Release.objects.filter(campaign=campaign).count() == 2


def test_go_needs_a_reached_cell_and_k_of_n_coordinators(campaign, coordinators, issuers):
    for issuer in issuers:
        pledge_many(campaign, coordinators[0], {"city": "Sanandaj", "sector": "teachers"}, issuer, 5)
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    services.release_due()
    campaign.refresh_from_db()
    for coordinator in coordinators:
        services.coordinator_key(coordinator=coordinator)
    bulletin = services.draft_bulletin(actor=coordinators[0], campaign=campaign, kind="go")
    bulletin = services.cosign_bulletin(actor=coordinators[0], bulletin=bulletin)
    assert not bulletin.is_published
    with pytest.raises(services.CampaignError):
        services.cosign_bulletin(actor=coordinators[0], bulletin=bulletin)
    bulletin = services.cosign_bulletin(actor=coordinators[1], bulletin=bulletin)
    assert bulletin.is_published
    assert bulletin.body["commitment"] == campaign.go_commitment


def test_go_is_refused_when_no_cell_reached(campaign, coordinators):
    Campaign.objects.filter(pk=campaign.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    services.release_due()
    campaign.refresh_from_db()
    with pytest.raises(services.CampaignError):
        services.draft_bulletin(actor=coordinators[0], campaign=campaign, kind="go")
    assert services.draft_bulletin(actor=coordinators[0], campaign=campaign, kind="abort")
