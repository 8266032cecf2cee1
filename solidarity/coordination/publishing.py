"""What coordination puts into the relay's channels: signed bulletins and code-word commitments.

Each open, closed or signalled campaign adds `coordination/<slug>.json` to the signed bundle (the
code-word commitments days before, then the co-signed bulletin), and a published bulletin becomes
an item of every feed, in English and Persian, with inert text.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, time

from solidarity.coordination.models import Bulletin, Campaign
from solidarity.coordination.signal import COMMITMENT_FORMAT, ITERATIONS
from solidarity.relay.channels import OutgoingMessage, OutgoingTranslation
from solidarity.relay.inert import make_inert

ANNOUNCED = (Campaign.Status.OPEN, Campaign.Status.CLOSED)


def campaign_document(campaign: Campaign) -> dict[str, object]:
    """The public, verifiable record of a campaign's signal: commitments, bulletin, signatures."""
    document: dict[str, object] = {
        "format": "solidarity-coordination/1",
        "campaign": campaign.slug,
        "title_en": campaign.title_en,
        "title_fa": campaign.title_fa,
        "action": campaign.action,
        "action_date": campaign.action_date.isoformat(),
        "signers_needed": campaign.signers_needed,
        "code_words": {
            "format": COMMITMENT_FORMAT,
            "kdf": "PBKDF2-HMAC-SHA256",
            "iterations": ITERATIONS,
            "salt": f"{COMMITMENT_FORMAT}|{campaign.slug}|<go or abort>",
            "go": campaign.go_commitment,
            "abort": campaign.abort_commitment,
        },
        "partially_blind_rsa": {"suite": "RSAPBSSA-SHA384-PSS-Randomized", "n": campaign.public_n, "e": 65537},
    }
    bulletin = Bulletin.objects.filter(campaign=campaign, is_published=True).first()
    if bulletin is not None:
        document["bulletin"] = {"body": bulletin.body, "signatures": bulletin.signatures, "keys": bulletin.keys}
    return document


def document_bytes(campaign: Campaign) -> bytes:
    return (json.dumps(campaign_document(campaign), sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode()


def bundle_files(day: date) -> dict[str, bytes]:
    """One JSON file per announced campaign whose action has not passed before the bundle's day."""
    campaigns = Campaign.objects.filter(status__in=ANNOUNCED, action_date__gte=day).order_by("slug")
    return {f"coordination/{campaign.slug}.json": document_bytes(campaign) for campaign in campaigns}


def bulletin_text(bulletin: Bulletin, language: str) -> str:
    body = bulletin.body
    reached, cells = body["cells_reached"], body["cells"]
    signers = len(bulletin.signatures)
    if language == "fa":
        verdict = "اجرا" if bulletin.kind == Bulletin.Kind.GO else "لغو"
        return make_inert(
            f"{verdict}: {body['title_fa']} در تاریخ {body['action_date']}. "
            f"{reached} از {cells} خانه به هدف رسید. امضای {signers} هماهنگ‌کننده؛ "
            "امضاها در پوشه‌ی هماهنگی بسته‌ی امضاشده است."
        )
    verdict = "GO" if bulletin.kind == Bulletin.Kind.GO else "ABORT"
    return make_inert(
        f"{verdict}: {body['title_en']} on {body['action_date']}. "
        f"{reached} of {cells} cells reached their target. Signed by {signers} coordinators; "
        "the signatures are in the coordination folder of the signed bundle."
    )


def bulletin_id(bulletin: Bulletin) -> str:
    """A public id in the relay's alphabet (letters and digits), stable for a campaign's signal."""
    digest = hashlib.sha256(f"{bulletin.campaign.slug}|{bulletin.kind}".encode()).hexdigest()[:16]
    return f"coordination{digest}"


def bulletin_messages() -> list[OutgoingMessage]:
    """Published bulletins as feed and bundle items (Persian first, with an English translation)."""
    items = []
    for bulletin in Bulletin.objects.filter(is_published=True).select_related("campaign").order_by("pk"):
        published = bulletin.published_at or datetime.combine(bulletin.campaign.action_date, time(0), tzinfo=UTC)
        items.append(
            OutgoingMessage(
                id=bulletin_id(bulletin),
                language="fa",
                text=bulletin_text(bulletin, "fa"),
                display_name="هماهنگی",
                country="",
                city="",
                published_at=published.replace(microsecond=0),
                translations=(
                    OutgoingTranslation(language="en", text=bulletin_text(bulletin, "en"), is_machine=False),
                ),
            )
        )
    return items
