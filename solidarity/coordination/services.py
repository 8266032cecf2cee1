"""Write operations of coordination: propose, approve, issue, sign blindly, pledge, release, signal.

Anonymous operations (redeeming an issuance code, pledging, withdrawing) write no audit entry, no
log line and no timestamp: an entry there would be the link between a pledge and its issuance.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from nacl.signing import SigningKey

from solidarity.coalition.models import Organization
from solidarity.coordination import disclosure, pbrsa, signal
from solidarity.coordination.models import (
    MINIMUM_CLOSE_BEFORE,
    Approval,
    Bulletin,
    Campaign,
    Cell,
    CoordinatorKey,
    IssuanceCode,
    IssuerTally,
    Release,
    SpentToken,
)
from solidarity.core import audit, jobs
from solidarity.core.models import User
from solidarity.core.roles import Role, has_role, is_staff_member

INFO_FORMAT = "solidarity-pledge/1"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: read aloud and typed from paper
CODE_LENGTH = 12
MAX_CODES_PER_BATCH = 500
RELEASE_HOUR_UTC = 0  # releases are made once a day, at this hour or the first run after it
APPROVALS_NEEDED = 2
GATHERING_WORDS = ("gather", "rally", "march", "square", "meet at", "تجمع", "راهپیمایی", "میدان")


class CampaignError(Exception):
    """Raised when an action does not fit the campaign or the person; the message is safe to show."""


class PledgeRefusedError(Exception):
    """Raised when a token or code is refused; the same message for every reason."""


@dataclass(frozen=True)
class CellSpec:
    province_iso: str
    city: str
    sector: str
    target: int


# --- who may act -----------------------------------------------------------------------------


def can_act_for(user: User, organization: Organization) -> bool:
    """A coordinator acts for any member organization; other staff only for their own."""
    if organization.status != Organization.Status.MEMBER:
        return False
    if has_role(user, Role.COORDINATOR):
        return True
    if not is_staff_member(user):
        return False
    delegate = getattr(user, "delegate", None)
    return delegate is not None and delegate.organizations.filter(pk=organization.pk).exists()


def organizations_for(user: User) -> list[Organization]:
    members = Organization.objects.filter(status=Organization.Status.MEMBER).order_by("name_en")
    if has_role(user, Role.COORDINATOR):
        return list(members)
    delegate = getattr(user, "delegate", None)
    if delegate is None or not is_staff_member(user):
        return []
    return list(members.filter(delegates=delegate))


# --- campaigns -------------------------------------------------------------------------------


def _refuse_gathering(*texts: str) -> None:
    folded = " ".join(texts).casefold()
    if any(word in folded for word in GATHERING_WORDS):
        raise CampaignError(_("A campaign is a dispersed action: it may not name a place or time to gather."))


@transaction.atomic
def propose_campaign(
    *,
    actor: User,
    organization: Organization,
    slug: str,
    title_en: str,
    title_fa: str,
    action: str,
    action_date: date,
    closes_at: datetime,
    cells: list[CellSpec],
    go_word: str,
    abort_word: str,
    description_en: str = "",
    description_fa: str = "",
    action_hour: int | None = None,
    rung: int = Campaign.Rung.TEST,
    previous: Campaign | None = None,
    conversation_id: int | None = None,
    charter_reference: str = "",
    max_issuer_share: int = 20,
    min_issuers: int = 3,
    minimum_published: int = 10,
    signers_needed: int = 2,
) -> Campaign:
    """Propose a campaign for a member organization; it opens after two coordinators approve."""
    if not can_act_for(actor, organization):
        raise CampaignError(_("You may propose campaigns only for your own member organization."))
    if action not in Campaign.Action.values:
        raise CampaignError(_("Only dispersed actions are possible: strike, shop closure, boycott, lights off."))
    _refuse_gathering(title_en, title_fa, description_en, description_fa)
    start = timezone.make_aware(datetime.combine(action_date, datetime.min.time()))
    if start - closes_at < MINIMUM_CLOSE_BEFORE:
        raise CampaignError(_("Pledges must close at least 48 hours before the action."))
    if closes_at <= timezone.now():
        raise CampaignError(_("The close time has passed."))
    if action == Campaign.Action.LIGHTS_OFF and action_hour is None:
        raise CampaignError(_("Lights off needs an hour."))
    if not cells:
        raise CampaignError(_("A campaign needs at least one cell (an area and a sector with a target)."))
    if not (1 <= max_issuer_share <= 100) or min_issuers < 1 or minimum_published < 2 or signers_needed < 1:
        raise CampaignError(_("The issuer and disclosure rules are out of range."))
    if normalized_equal(go_word, abort_word):
        raise CampaignError(_("The GO word and the ABORT word must differ."))
    try:
        go_commitment = signal.commit_word(go_word, campaign=slug, kind="go")
        abort_commitment = signal.commit_word(abort_word, campaign=slug, kind="abort")
    except signal.SignalError as error:
        raise CampaignError(_("Each code word needs at least three letters.")) from error
    if Campaign.objects.filter(slug=slug).exists():
        raise CampaignError(_("This short name is taken."))
    campaign = Campaign.objects.create(
        slug=slug,
        title_en=title_en,
        title_fa=title_fa,
        description_en=description_en,
        description_fa=description_fa,
        action=action,
        action_date=action_date,
        action_hour=action_hour,
        closes_at=closes_at,
        rung=rung,
        previous=previous,
        organization=organization,
        conversation_id=conversation_id,
        charter_reference=charter_reference,
        go_commitment=go_commitment,
        abort_commitment=abort_commitment,
        max_issuer_share=max_issuer_share,
        min_issuers=min_issuers,
        minimum_published=minimum_published,
        signers_needed=signers_needed,
        proposed_by=actor,
    )
    seen = set()
    for spec in cells:
        place = (spec.province_iso, spec.city.strip(), spec.sector)
        if place in seen:
            raise CampaignError(_("Each area and sector may appear once."))
        seen.add(place)
        if spec.target < 1:
            raise CampaignError(_("Every cell needs a target of at least one."))
        Cell.objects.create(
            campaign=campaign,
            key=secrets.token_hex(4),
            province_iso=spec.province_iso,
            city=spec.city.strip(),
            sector=spec.sector,
            target=spec.target,
        )
    audit.record("coordination.campaign.proposed", actor=actor, target=campaign, data={"cells": len(cells)})
    return campaign


def normalized_equal(first: str, second: str) -> bool:
    return signal.normalize_word(first) == signal.normalize_word(second)


@transaction.atomic
def approve_campaign(*, actor: User, campaign: Campaign) -> Campaign:
    """Record a coordinator's approval; the second distinct one opens the campaign and makes its key."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if not has_role(actor, Role.COORDINATOR):
        raise CampaignError(_("Only coordinators approve campaigns."))
    if campaign.status != Campaign.Status.PROPOSED:
        raise CampaignError(_("This campaign is not awaiting approval."))
    if campaign.proposed_by_id == actor.pk:
        raise CampaignError(_("The person who proposed a campaign cannot approve it."))
    if Approval.objects.filter(campaign=campaign, coordinator=actor).exists():
        raise CampaignError(_("You have already approved this campaign; another coordinator must approve it."))
    Approval.objects.create(campaign=campaign, coordinator=actor)
    audit.record("coordination.campaign.approved", actor=actor, target=campaign)
    if campaign.approvals.count() >= APPROVALS_NEEDED:
        jobs.enqueue_on_commit(open_campaign_task, campaign_id=campaign.pk)
    return campaign


def open_campaign(*, campaign_id: int) -> Campaign | None:
    """Make the campaign's signing key (safe primes: seconds to a minute) and open it; idempotent."""
    campaign = Campaign.objects.filter(pk=campaign_id, status=Campaign.Status.PROPOSED).first()
    if campaign is None or campaign.approvals.count() < APPROVALS_NEEDED:
        return None
    key = pbrsa.generate_key()
    with transaction.atomic():
        updated = Campaign.objects.filter(pk=campaign_id, status=Campaign.Status.PROPOSED).update(
            signing_key=pbrsa.encode_private_key(key),  # EncryptedTextField encrypts it on the way in
            public_n=f"{key.n:x}",
            status=Campaign.Status.OPEN,
            updated_at=timezone.now(),
        )
        if updated:
            campaign.refresh_from_db()
            audit.record("coordination.campaign.opened", actor=None, target=campaign)
    return campaign


@jobs.task
def open_campaign_task(*, campaign_id: int) -> None:
    open_campaign(campaign_id=campaign_id)


@transaction.atomic
def withdraw_campaign(*, actor: User, campaign: Campaign) -> Campaign:
    """Withdraw a campaign before its action (its pledges stay counted nowhere)."""
    if not (has_role(actor, Role.COORDINATOR) or can_act_for(actor, campaign.organization)):
        raise CampaignError(_("Only a coordinator or the proposing organization may withdraw it."))
    if campaign.status in (Campaign.Status.WITHDRAWN, Campaign.Status.CLOSED):
        raise CampaignError(_("This campaign can no longer be withdrawn."))
    campaign.status = Campaign.Status.WITHDRAWN
    campaign.save(update_fields=["status", "updated_at"])
    audit.record("coordination.campaign.withdrawn", actor=actor, target=campaign)
    return campaign


# --- issuance ----------------------------------------------------------------------------------


def info_for(cell: Cell, issuer: Organization) -> bytes:
    """The public metadata bound into a token: campaign, area band, sector and issuer."""
    return f"{INFO_FORMAT}|{cell.campaign.slug}|{cell.area}|{cell.sector}|org{issuer.pk}".encode()


def parse_info(campaign: Campaign, info: bytes) -> tuple[Cell, Organization]:
    """Find the cell and issuer named by a token's metadata, or refuse."""
    try:
        fmt, slug, area, sector, issuer = info.decode().split("|")
    except (UnicodeDecodeError, ValueError) as error:
        raise PledgeRefusedError from error
    if fmt != INFO_FORMAT or slug != campaign.slug or not issuer.startswith("org") or not issuer[3:].isdigit():
        raise PledgeRefusedError
    province, _sep, city = area.partition(":")
    cell = Cell.objects.filter(campaign=campaign, province_iso=province, city=city, sector=sector).first()
    organization = Organization.objects.filter(pk=int(issuer[3:])).first()
    if cell is None or organization is None:
        raise PledgeRefusedError
    return cell, organization


def _hash_code(code: str) -> str:
    cleaned = "".join(char for char in code.upper() if char in CODE_ALPHABET)
    return hashlib.sha256(f"solidarity-issuance/1|{cleaned}".encode()).hexdigest()


def format_code(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@transaction.atomic
def issue_codes(*, actor: User, cell: Cell, issuer: Organization, count: int) -> list[str]:
    """Make one-time issuance codes for printed cards; return them once (only their hashes stay)."""
    campaign = cell.campaign
    if not can_act_for(actor, issuer):
        raise CampaignError(_("You may issue only for your own member organization."))
    if not campaign.is_open():
        raise CampaignError(_("This campaign is not open."))
    if not 1 <= count <= MAX_CODES_PER_BATCH:
        raise CampaignError(_("Issue between 1 and 500 codes at a time."))
    codes = []
    for _index in range(count):
        raw = "".join(secrets.choice(CODE_ALPHABET) for _char in range(CODE_LENGTH))
        IssuanceCode.objects.create(code_hash=_hash_code(raw), cell=cell, issuer=issuer)
        codes.append(format_code(raw))
    tally, _created = IssuerTally.objects.get_or_create(cell=cell, issuer=issuer)
    IssuerTally.objects.filter(pk=tally.pk).update(issued=F("issued") + count)
    audit.record(
        "coordination.codes.issued",
        actor=actor,
        target=campaign,
        data={"cell": cell.key, "issuer": issuer.pk, "count": count},
    )
    return codes


def code_info(*, campaign: Campaign, code: str) -> bytes:
    """Return the metadata an unused code pays for (the pledger's device derives the key from it)."""
    found = (
        IssuanceCode.objects.select_related("cell__campaign", "issuer")
        .filter(code_hash=_hash_code(code), cell__campaign=campaign, is_used=False)
        .first()
    )
    if found is None or not campaign.is_open():
        raise PledgeRefusedError
    return info_for(found.cell, found.issuer)


def campaign_key(campaign: Campaign) -> pbrsa.PrivateKey:
    return pbrsa.decode_private_key(campaign.signing_key)


def public_key(campaign: Campaign) -> pbrsa.PublicKey:
    return pbrsa.PublicKey(n=int(campaign.public_n, 16), e=65537)


@transaction.atomic
def redeem_code(*, campaign: Campaign, code: str, blinded_message: bytes) -> bytes:
    """Spend an issuance code on one blind signature under its cell's and issuer's metadata.

    The code is marked used; nothing records the blinded message or when this happened.
    """
    if not campaign.is_open():
        raise PledgeRefusedError
    found = (
        IssuanceCode.objects.select_for_update()
        .select_related("cell__campaign", "issuer")
        .filter(code_hash=_hash_code(code), cell__campaign=campaign, is_used=False)
        .first()
    )
    if found is None:
        raise PledgeRefusedError
    try:
        signature = pbrsa.blind_sign(campaign_key(campaign), blinded_message, info_for(found.cell, found.issuer))
    except pbrsa.PartiallyBlindError as error:
        raise PledgeRefusedError from error
    IssuanceCode.objects.filter(pk=found.pk).update(is_used=True)
    IssuerTally.objects.filter(cell=found.cell, issuer=found.issuer).update(signed=F("signed") + 1)
    return signature


def nullifier(prepared: bytes) -> str:
    """The spent-token id: a hash of the token message, so the message itself is never stored."""
    return hashlib.sha256(b"solidarity-nullifier/1|" + prepared).hexdigest()


def decode_b64(value: str, *, limit: int = 2048) -> bytes:
    """Decode base64 or base64url text from a form or JSON body, or refuse alike."""
    text = "".join(value.split())
    if len(text) > limit:
        raise PledgeRefusedError
    try:
        return base64.urlsafe_b64decode(text.replace("+", "-").replace("/", "_") + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as error:
        raise PledgeRefusedError from error


def pledge(*, campaign: Campaign, info: bytes, prepared: bytes, signature: bytes) -> None:
    """Count one pledge: verify the token, then record its nullifier once for the campaign."""
    if not campaign.is_open():
        raise PledgeRefusedError
    cell, issuer = parse_info(campaign, info)
    if not pbrsa.verify_with_key(campaign_key(campaign), prepared, info, signature):
        raise PledgeRefusedError
    try:
        with transaction.atomic():
            SpentToken.objects.create(nullifier=nullifier(prepared), campaign=campaign, cell=cell, issuer=issuer)
    except IntegrityError as error:
        raise PledgeRefusedError from error


def withdraw_pledge(*, campaign: Campaign, prepared: bytes) -> None:
    """Withdraw a pledge before the close, proving it with the token message."""
    if not campaign.is_open():
        raise PledgeRefusedError
    updated = SpentToken.objects.filter(nullifier=nullifier(prepared), campaign=campaign, is_withdrawn=False).update(
        is_withdrawn=True
    )
    if not updated:
        raise PledgeRefusedError


def pledge_status(*, campaign: Campaign, token_hash: str) -> str:
    """Return "counted", "withdrawn" or "unknown" for a nullifier (re-derived from a phrase)."""
    row = SpentToken.objects.filter(nullifier=token_hash.lower()[:64], campaign=campaign).first()
    if row is None:
        return "unknown"
    return "withdrawn" if row.is_withdrawn else "counted"


# --- releases --------------------------------------------------------------------------------


def rules_of(campaign: Campaign) -> disclosure.Rules:
    return disclosure.Rules(
        minimum=campaign.minimum_published,
        max_issuer_share=Fraction(campaign.max_issuer_share, 100),
        min_issuers=campaign.min_issuers,
    )


def cell_counts(campaign: Campaign) -> list[disclosure.CellCount]:
    """Read the exact counts (one grouped query); never shown, only banded."""
    by_cell: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        SpentToken.objects.filter(campaign=campaign, is_withdrawn=False).values_list("cell_id", "issuer_id").order_by()
    )
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for cell_id, issuer_id in rows.iterator():
        counts[(cell_id, issuer_id)] += 1
    for (cell_id, issuer_id), count in counts.items():
        by_cell[cell_id][f"org{issuer_id}"] = count
    return [
        disclosure.CellCount(
            key=cell.key,
            area=cell.area,
            sector=cell.sector,
            target=cell.target,
            pledged=sum(by_cell[cell.pk].values()),
            by_issuer=by_cell[cell.pk],
        )
        for cell in campaign.cells.all()
    ]


@transaction.atomic
def release_campaign(*, campaign: Campaign, day: date) -> Release:
    """Make the day's release of a campaign (idempotent: one per day, the first one stays)."""
    existing = Release.objects.filter(campaign=campaign, day=day).first()
    if existing is not None:
        return existing
    computed = disclosure.compute_release(cell_counts(campaign), rules_of(campaign))
    body = computed.as_json()
    body["issued"] = {f"org{issuer}": issued for issuer, issued in _issued_by_issuer(campaign).items()}
    return Release.objects.create(campaign=campaign, day=day, body=body)


def _issued_by_issuer(campaign: Campaign) -> dict[int, int]:
    totals: dict[int, int] = defaultdict(int)
    for issuer_id, issued in IssuerTally.objects.filter(cell__campaign=campaign).values_list("issuer_id", "issued"):
        totals[issuer_id] += issued
    return dict(sorted(totals.items()))


def release_due(*, now: datetime | None = None) -> list[Release]:
    """Close campaigns whose time has come and make today's releases, once the release hour passed."""
    now = now or timezone.now()
    for campaign in Campaign.objects.filter(status=Campaign.Status.OPEN, closes_at__lte=now):
        close_campaign(campaign=campaign, now=now)
    utc_now = now.astimezone(UTC)
    if utc_now.hour < RELEASE_HOUR_UTC:
        return []
    day = utc_now.date()
    made = []
    for campaign in Campaign.objects.filter(
        status__in=(Campaign.Status.OPEN, Campaign.Status.CLOSED), action_date__gte=day - timedelta(days=1)
    ):
        if not Release.objects.filter(campaign=campaign, day=day).exists():
            made.append(release_campaign(campaign=campaign, day=day))
    return made


@transaction.atomic
def close_campaign(*, campaign: Campaign, now: datetime | None = None) -> Campaign:
    """Close pledging once the close time has passed and make the final release of that day."""
    now = now or timezone.now()
    updated = Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.OPEN, closes_at__lte=now).update(
        status=Campaign.Status.CLOSED
    )
    campaign.refresh_from_db()
    if updated:
        audit.record("coordination.campaign.closed", actor=None, target=campaign)
    return campaign


# --- the signal ------------------------------------------------------------------------------


@transaction.atomic
def coordinator_key(*, coordinator: User) -> CoordinatorKey:
    """Return the coordinator's Ed25519 key, making it on first use (seed encrypted at rest)."""
    existing = CoordinatorKey.objects.filter(coordinator=coordinator).first()
    if existing is not None:
        return existing
    seed = secrets.token_bytes(32)
    public = bytes(SigningKey(seed).verify_key).hex()
    key = CoordinatorKey.objects.create(
        coordinator=coordinator, public_key=public, seed=base64.b64encode(seed).decode()
    )
    audit.record("coordination.key.created", actor=coordinator, target=key)
    return key


@transaction.atomic
def register_offline_key(*, coordinator: User, public_key_hex: str, proof_hex: str) -> CoordinatorKey:
    """Replace the coordinator's key by one made offline; the server-held seed, if any, is erased.

    The proof is the new key's signature over `signal.key_proof_message(username)`: it shows the
    coordinator holds the seed (and catches a mistyped key). A key listed by a bulletin still
    waiting for signatures is not replaced, since that bulletin could then never get its signature.
    """
    if not has_role(coordinator, Role.COORDINATOR):
        raise CampaignError(_("Only coordinators hold signing keys."))
    try:
        public = bytes.fromhex(public_key_hex.strip())
    except ValueError:
        public = b""
    if len(public) != 32:
        raise CampaignError(_("A public key is 64 hexadecimal digits (32 bytes)."))
    if not signal.signature_valid(signal.key_proof_message(coordinator.username), proof_hex, public):
        raise CampaignError(_("The proof does not verify under this key: sign your user name with the key's seed."))
    current = CoordinatorKey.objects.select_for_update().filter(coordinator=coordinator).first()
    if current is not None and current.public_key == public.hex():
        raise CampaignError(_("This key is already registered."))
    if current is not None:
        # A JSON list, read in Python: SQLite has no `contains` on JSON (and there are few bulletins).
        signer = signal.key_id(bytes.fromhex(current.public_key))
        waiting = Bulletin.objects.filter(is_published=False).values_list("keys", "signatures")
        if any(current.public_key in keys and signer not in signed for keys, signed in waiting):
            raise CampaignError(_("A bulletin still waits for your signature under your current key: sign it first."))
        current.delete()
    key = CoordinatorKey.objects.create(coordinator=coordinator, public_key=public.hex(), seed="")
    audit.record("coordination.key.registered_offline", actor=coordinator, target=key)
    return key


def coordinator_public_keys() -> list[bytes]:
    return [bytes.fromhex(key.public_key) for key in CoordinatorKey.objects.order_by("public_key")]


@transaction.atomic
def draft_bulletin(*, actor: User, campaign: Campaign, kind: str) -> Bulletin:
    """Draft the GO or ABORT bulletin from the final release; coordinators then co-sign it."""
    if not has_role(actor, Role.COORDINATOR):
        raise CampaignError(_("Only coordinators draft the signal."))
    if campaign.status != Campaign.Status.CLOSED:
        raise CampaignError(_("The signal is drafted after pledging closes."))
    if Bulletin.objects.filter(campaign=campaign).exists():
        raise CampaignError(_("This campaign already has a signal."))
    latest = campaign.releases.first()
    reached = [cell for cell in (latest.body["cells"] if latest else []) if cell["reached"]]
    if kind == Bulletin.Kind.GO and not reached:
        raise CampaignError(_("No cell reached its target under the issuer rules: only ABORT is possible."))
    # Every coordinator's key is listed at drafting time (made now for those who have none yet), so
    # the bulletin names exactly whose signatures count; n is the number of coordinators.
    for coordinator in User.objects.filter(groups__name=Role.COORDINATOR.value, is_active=True).distinct():
        coordinator_key(coordinator=coordinator)
    body = signal.bulletin_body(
        campaign=campaign.slug,
        kind=kind,
        action_date=campaign.action_date.isoformat(),
        title_en=campaign.title_en,
        title_fa=campaign.title_fa,
        cells_reached=len(reached),
        cells=campaign.cells.count(),
    )
    body["reached"] = sorted(f"{cell['area']}/{cell['sector']}" for cell in reached)
    body["commitment"] = campaign.go_commitment if kind == Bulletin.Kind.GO else campaign.abort_commitment
    bulletin = Bulletin.objects.create(
        campaign=campaign, kind=kind, body=body, keys=[key.hex() for key in coordinator_public_keys()]
    )
    audit.record("coordination.bulletin.drafted", actor=actor, target=campaign, data={"kind": kind})
    return bulletin


@transaction.atomic
def cosign_bulletin(*, actor: User, bulletin: Bulletin, signature_hex: str = "") -> Bulletin:
    """Add the coordinator's signature; at k valid signatures of listed keys, publish it.

    A server-held key signs here; an offline key's owner gives the signature they made on their
    own device (`solidarity coordination sign`) over the bulletin's canonical bytes.
    """
    bulletin = Bulletin.objects.select_for_update().select_related("campaign").get(pk=bulletin.pk)
    if not has_role(actor, Role.COORDINATOR):
        raise CampaignError(_("Only coordinators sign the signal."))
    key = coordinator_key(coordinator=actor)
    if key.public_key not in bulletin.keys:
        raise CampaignError(_("Your key was made after this bulletin was drafted, so it cannot sign it."))
    if key.is_offline:
        signer = signal.key_id(bytes.fromhex(key.public_key))
        signature = signature_hex.strip().lower()
        if not signal.signature_valid(signal.canonical(bulletin.body), signature, bytes.fromhex(key.public_key)):
            raise CampaignError(_("This signature does not verify over this bulletin under your offline key."))
    else:
        signer, signature = signal.sign(bulletin.body, base64.b64decode(key.seed))
    if signer in bulletin.signatures:
        raise CampaignError(_("You have already signed; another coordinator must sign."))
    bulletin.signatures = {**bulletin.signatures, signer: signature}
    verdict = signal.verify(
        bulletin.body,
        bulletin.signatures,
        keys=[bytes.fromhex(k) for k in bulletin.keys],
        threshold=bulletin.campaign.signers_needed,
    )
    fields = ["signatures"]
    if verdict.valid and not bulletin.is_published:
        bulletin.is_published = True
        bulletin.published_at = timezone.now()
        fields += ["is_published", "published_at"]
    bulletin.save(update_fields=fields)
    audit.record(
        "coordination.bulletin.signed",
        actor=actor,
        target=bulletin.campaign,
        data={"kind": bulletin.kind, "published": bulletin.is_published},
    )
    return bulletin
