"""Demo coordination: an open bazaar closure with pledges and a release, and a signalled lights-off.

Invented campaigns, built through the services. Pledges are made with the Python client (what the
browser does). To keep the demo build short, the second campaign reuses the first one's master
key; metadata binding keeps their tokens apart (the campaign's slug is in every token's metadata).
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from solidarity.coalition.models import Organization
from solidarity.coordination import pbrsa, services
from solidarity.coordination.models import Campaign

if TYPE_CHECKING:
    from solidarity.demo import DemoContext


def _pledge(campaign: Campaign, code: str) -> None:
    info = services.code_info(campaign=campaign, code=code)
    public = services.public_key(campaign)
    prepared = secrets.token_bytes(64)
    blinding = pbrsa.blind(public, prepared, info)
    signed = services.redeem_code(campaign=campaign, code=code, blinded_message=blinding.blinded_message)
    signature = pbrsa.finalize(public, prepared, info, signed, blinding.inverse)
    services.pledge(campaign=campaign, info=info, prepared=prepared, signature=signature)


def build(context: DemoContext) -> None:
    users = context.shared["users"]
    first, second, third = users["coordinator1"], users["coordinator2"], users["coordinator3"]
    issuers = list(Organization.objects.filter(status=Organization.Status.MEMBER).order_by("pk")[:6])
    if len(issuers) < 3:
        return
    now = timezone.now()
    bazaar = services.propose_campaign(
        actor=first,
        organization=issuers[0],
        slug="bazaar-closure",
        title_en="Bazaars close for a day",
        title_fa="بازارها یک روز بسته می‌مانند",
        description_en="Shops in the covered bazaars stay closed for the whole day. Nobody needs to go anywhere.",
        description_fa="مغازه‌های بازار سرپوشیده تمام روز بسته می‌مانند. هیچ‌کس لازم نیست جایی برود.",
        action=Campaign.Action.SHOP_CLOSURE,
        action_date=(now + timedelta(days=12)).date(),
        closes_at=now + timedelta(days=9),
        rung=Campaign.Rung.SMALL,
        charter_reference="Article 3: non-violent action",
        cells=[
            services.CellSpec("IR-23", "Tehran", "bazaar", 60),
            services.CellSpec("IR-23", "Tehran", "workers", 40),
            services.CellSpec("IR-03", "Tabriz", "bazaar", 40),
            services.CellSpec("IR-03", "Tabriz", "workers", 30),
        ],
        go_word="سرو بلند",
        abort_word="باران پاییزی",
        min_issuers=3,
    )
    services.approve_campaign(actor=second, campaign=bazaar)
    services.approve_campaign(actor=third, campaign=bazaar)
    context.progress("demo: coordination key (safe primes, this takes a while)")
    services.open_campaign(campaign_id=bazaar.pk)
    bazaar.refresh_from_db()
    plan = {("Tehran", "bazaar"): 30, ("Tehran", "workers"): 14, ("Tabriz", "bazaar"): 16, ("Tabriz", "workers"): 4}
    for cell in bazaar.cells.all():
        count = plan[(cell.city, cell.sector)]
        for index, issuer in enumerate(issuers[:4]):
            share = count // 4 + (1 if index < count % 4 else 0)
            if share:
                for code in services.issue_codes(actor=first, cell=cell, issuer=issuer, count=share):
                    _pledge(bazaar, code)
    services.release_campaign(campaign=bazaar, day=now.date())

    lights = services.propose_campaign(
        actor=first,
        organization=issuers[1],
        slug="lights-off",
        title_en="Lights off at nine",
        title_fa="خاموشی ساعت نه",
        description_en="Every home switches its lights off at nine in the evening for ten minutes.",
        description_fa="هر خانه ساعت نه شب چراغ‌هایش را ده دقیقه خاموش می‌کند.",
        action=Campaign.Action.LIGHTS_OFF,
        action_hour=21,
        action_date=(now + timedelta(days=4)).date(),
        closes_at=now + timedelta(days=1),
        cells=[
            services.CellSpec("IR-12", "Sanandaj", "workers", 12),
            services.CellSpec("IR-12", "Sanandaj", "teachers", 12),
        ],
        go_word="ماه روشن",
        abort_word="شب تاریک",
        max_issuer_share=30,
    )
    services.approve_campaign(actor=second, campaign=lights)
    services.approve_campaign(actor=third, campaign=lights)
    Campaign.objects.filter(pk=lights.pk).update(
        signing_key=bazaar.signing_key, public_n=bazaar.public_n, status=Campaign.Status.OPEN
    )
    lights.refresh_from_db()
    for cell in lights.cells.all():
        for issuer in issuers[:4]:
            for code in services.issue_codes(actor=first, cell=cell, issuer=issuer, count=4):
                _pledge(lights, code)
    Campaign.objects.filter(pk=lights.pk).update(closes_at=now - timedelta(minutes=1))
    services.release_due(now=now)
    lights.refresh_from_db()
    for coordinator in (first, second, third):
        services.coordinator_key(coordinator=coordinator)
    bulletin = services.draft_bulletin(actor=first, campaign=lights, kind="go")
    services.cosign_bulletin(actor=first, bulletin=bulletin)
    services.cosign_bulletin(actor=second, bulletin=bulletin)
    context.notes.append(
        "coordination: 'bazaar-closure' is open (code words 'سرو بلند' / 'باران پاییزی'); "
        "'lights-off' closed with a co-signed GO (code words 'ماه روشن' / 'شب تاریک')."
    )
