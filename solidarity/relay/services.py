"""Relay writes: intake, screening, moderation, translation, transmissions, delivery and retention."""

from __future__ import annotations

import hashlib
import logging
import shutil
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, astuple, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from solidarity.core import audit, jobs, pagecache
from solidarity.core.models import User
from solidarity.core.text import normalize_for_display
from solidarity.relay import classifier, dedup, extras, screening, sealing
from solidarity.relay.channels import OutgoingMessage, bulletin, bundle, words
from solidarity.relay.conf import contact_public_key, relay_dir, relay_settings, signing_fingerprint
from solidarity.relay.inert import make_inert
from solidarity.relay.models import (
    Cluster,
    Delivery,
    Message,
    MessageBand,
    ModerationDecision,
    Translation,
    Transmission,
    TransmissionApproval,
)
from solidarity.relay.translation import NoMachineTranslationError, load_backend

log = logging.getLogger(__name__)

APPROVE_REASONS = ("fine",)
REJECT_REASONS = ("spam", "commercial", "dating", "abuse", "off-topic", "personal-data", "link", "duplicate", "other")
HOLD_REASONS = ("unsure", "needs-translation")
REASONS = {"approve": APPROVE_REASONS, "reject": REJECT_REASONS, "hold": HOLD_REASONS}
TRANSLATION_LANGUAGES = ("fa", "en")
CHANNELS = ("public-download",)


class RelayError(Exception):
    """A relay action is not allowed in the current state; the message says why."""


# --- intake ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    text: str
    display_name: str = ""
    country: str = ""
    city: str = ""
    consent: bool = False
    contact: str = ""


def _as_sent(text: str) -> str:
    """Return the text with only control characters (other than newlines and tabs) removed."""
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in {"Cc", "Cs"} or ch in "\n\t")
    return kept.replace("\r\n", "\n").strip()


@transaction.atomic
def submit_message(*, submission: Submission, queue_screening: bool = True) -> Message:
    """Store a submission (returns only once committed) and queue its screening.

    `queue_screening=False` is for batch callers (the demo, the bench) that screen right after.
    """
    if not submission.consent:
        raise RelayError("consent to publish is required")
    sealed = None
    if submission.contact.strip():
        public_key = contact_public_key()
        if public_key is None:
            raise RelayError("contacts cannot be accepted: no sealing key is configured")
        sealed = sealing.seal(submission.contact.strip()[:200], public_key)
    message = Message.objects.create(
        # Stored as sent (only control characters go), so screening and moderators see any trick;
        # every output makes the text inert on the way out.
        text=_as_sent(submission.text)[: screening.MAX_LENGTH],
        display_name=normalize_for_display(submission.display_name)[:80],
        country=submission.country.upper()[:2],
        city=normalize_for_display(submission.city)[:80],
        consent=True,
        sealed_contact=sealed,
    )
    if queue_screening:
        jobs.enqueue_on_commit(screen_message_task, message_id=message.pk)
    return message


# --- screening -------------------------------------------------------------------------------


def _db_candidates(keys: set[int], exclude: set[int]) -> dict[int, list[tuple[bytes, int]]]:
    """Return, per band key, the (signature, cluster id) of already screened messages sharing it."""
    found: dict[int, list[tuple[bytes, int]]] = {}
    if not keys:
        return found
    rows = (
        MessageBand.objects.filter(key__in=keys, message__cluster__isnull=False)
        .exclude(message_id__in=exclude)
        .values_list("key", "message__signature", "message__cluster_id")
    )
    for key, stored, cluster_id in rows.iterator():
        if stored and len(found.setdefault(key, [])) < 32:  # enough to decide, bounded for floods
            found[key].append((bytes(stored), cluster_id))
    return found


def screen_messages(*, message_ids: Sequence[int]) -> int:
    """Screen received messages and put each in its cluster; return how many were screened.

    One transaction claims the rows (only those still RECEIVED), writes the verdicts, the band keys
    and the cluster counts: a crash anywhere leaves them RECEIVED, and the retry starts afresh. Run
    it again on the same ids and nothing changes (idempotent).
    """
    waiting = list(Message.objects.filter(pk__in=message_ids, status=Message.Status.RECEIVED).order_by("id"))
    if not waiting:
        return 0
    languages = relay_settings().languages
    prepared = []
    for message in waiting:
        verdict = screening.screen(message.text, languages=languages)
        minhash = dedup.signature(verdict.key)
        prepared.append((message, verdict, dedup.signature_bytes(minhash), dedup.band_keys(minhash)))
    now = timezone.now()
    with transaction.atomic():
        claimed = set(
            Message.objects.select_for_update()
            .filter(pk__in=[m.pk for m in waiting], status=Message.Status.RECEIVED)
            .values_list("id", flat=True)
        )
        prepared = [row for row in prepared if row[0].pk in claimed]
        existing = _db_candidates({key for row in prepared for key in row[3]}, claimed)
        # In-batch index: band key -> {cluster reference: its first signature}, a reference being an
        # existing cluster id or ("new", n) for a cluster this batch creates.
        batch: dict[int, dict[int | tuple[str, int], bytes]] = {}
        new_sizes: list[int] = []
        grown: dict[int, int] = {}
        assigned: list[int | tuple[str, int]] = []
        for _message, _verdict, signature, keys in prepared:
            best: tuple[float, int | tuple[str, int]] | None = None
            candidates: dict[int | tuple[str, int], bytes] = {}
            for key in keys:
                for stored, cluster_id in existing.get(key, ()):
                    candidates.setdefault(cluster_id, stored)
                for reference_key, stored in batch.get(key, {}).items():
                    candidates.setdefault(reference_key, stored)
            for candidate, stored in candidates.items():
                score = dedup.similarity_bytes(signature, stored)
                if score >= dedup.THRESHOLD and (best is None or score > best[0]):
                    best = (score, candidate)
            reference: int | tuple[str, int]
            if best is None:
                reference = ("new", len(new_sizes))
                new_sizes.append(1)
            else:
                reference = best[1]
                if isinstance(reference, tuple):
                    new_sizes[reference[1]] += 1
                else:
                    grown[reference] = grown.get(reference, 0) + 1
            assigned.append(reference)
            for key in keys:
                batch.setdefault(key, {}).setdefault(reference, signature)
        created = Cluster.objects.bulk_create([Cluster(size=size, created_at=now) for size in new_sizes])
        for cluster_id, extra in grown.items():
            Cluster.objects.filter(pk=cluster_id).update(size=F("size") + extra)
        # One plain UPDATE a row: far cheaper than bulk_update's CASE expressions for many fields.
        for (message, verdict, signature, _keys), reference in zip(prepared, assigned, strict=True):
            Message.objects.filter(pk=message.pk).update(
                status=Message.Status.HELD if verdict.is_held else Message.Status.SCREENED,
                language=verdict.language,
                language_confidence=verdict.language_confidence,
                screening_reasons=[reason.value for reason in verdict.reasons],
                # NULL without a model: a stored 0 would read to a moderator as "surely not advertising".
                advertising_score=verdict.advertising_score if classifier.shipped_model() is not None else None,
                screened_at=now,
                signature=signature,
                cluster_id=created[reference[1]].pk if isinstance(reference, tuple) else reference,
            )
        MessageBand.objects.bulk_create(
            (MessageBand(message_id=message.pk, key=key) for message, _v, _s, keys in prepared for key in keys),
            batch_size=2000,
        )
    return len(prepared)


def screen_message(*, message_id: int) -> Message | None:
    """Screen one received message (see `screen_messages`); None when it was already screened."""
    if not screen_messages(message_ids=[message_id]):
        return None
    return Message.objects.get(pk=message_id)


@jobs.task
def screen_message_task(*, message_id: int) -> None:
    screen_message(message_id=message_id)


def screen_pending(*, limit: int = 10_000) -> int:
    """Screen every message still waiting (after a crash or an outage); return how many."""
    ids = list(
        Message.objects.filter(status=Message.Status.RECEIVED).order_by("id").values_list("id", flat=True)[:limit]
    )
    return sum(screen_messages(message_ids=ids[i : i + 500]) for i in range(0, len(ids), 500))


# --- moderation ------------------------------------------------------------------------------


@transaction.atomic
def decide_messages(
    *, message_ids: Iterable[int], moderator: User, decision: str, reason: str, whole_clusters: bool = False
) -> int:
    """Approve, reject or hold messages (with their clusters if asked); return how many changed."""
    if reason not in REASONS.get(decision, ()):
        raise RelayError(f"reason {reason!r} does not fit decision {decision!r}")
    ids = set(message_ids)
    if whole_clusters:
        cluster_ids = Message.objects.filter(pk__in=ids, cluster__isnull=False).values_list("cluster_id", flat=True)
        ids |= set(Message.objects.filter(cluster_id__in=list(cluster_ids)).values_list("id", flat=True))
    open_states = [Message.Status.SCREENED, Message.Status.HELD]
    if decision != "approve":
        open_states.append(Message.Status.APPROVED)
    messages = list(Message.objects.select_for_update().filter(pk__in=ids, status__in=open_states).order_by("id"))
    now = timezone.now()
    new_status = {"approve": Message.Status.APPROVED, "reject": Message.Status.REJECTED, "hold": Message.Status.HELD}[
        decision
    ]
    published_clusters: set[int | None] = set(
        Message.objects.filter(cluster_id__in={m.cluster_id for m in messages}, is_published=True).values_list(
            "cluster_id", flat=True
        )
    )
    shown: list[int] = []
    for message in messages:
        if decision == "approve" and (message.cluster_id is None or message.cluster_id not in published_clusters):
            shown.append(message.pk)
            published_clusters.add(message.cluster_id)
    fields: dict[str, object] = {"status": new_status, "moderation_reason": reason, "decided_at": now}
    if decision == "approve":
        fields["published_at"] = now
    ids_changed = [m.pk for m in messages]
    shown_set = set(shown)
    hidden = [pk for pk in ids_changed if pk not in shown_set]
    for start in range(0, len(hidden), 900):  # SQLite allows at most 999 parameters a query
        Message.objects.filter(pk__in=hidden[start : start + 900]).update(**fields, is_published=False)
    by_id = {message.pk: message for message in messages}
    for pk in shown:  # one UPDATE a row: each carries its own inert forms
        Message.objects.filter(pk=pk).update(**fields, is_published=True, **inert_forms(by_id[pk]))
    ModerationDecision.objects.bulk_create(
        ModerationDecision(message=m, moderator=moderator, decision=decision, reason=reason, created_at=now)
        for m in messages
    )
    # One audit entry per decision, with a count and no message: per-message records (who decided
    # which message) are the ModerationDecision rows, which retention deletes; an audit row naming
    # the message would outlive the purge, and the append-only log cannot be redacted.
    audit.record(f"relay.messages.{decision}", actor=moderator, data={"reason": reason, "count": len(messages)})
    if messages:  # bulk updates send no signal: the wall and the feeds must not wait out the cache
        transaction.on_commit(lambda: pagecache.bump("relay"))
    return len(messages)


INERT_FIELDS = ("inert_text", "inert_display_name", "inert_city")


def inert_forms(message: Message) -> dict[str, str]:
    """Return what a message publishes, made inert, by field: kept with it when it is published."""
    return {
        "inert_text": make_inert(message.text),
        "inert_display_name": make_inert(message.display_name, max_length=80),
        "inert_city": make_inert(message.city, max_length=80),
    }


def keep_inert_forms(*, batch_size: int = 500) -> int:
    """Clean every published message and every translation again (after the rules of `make_inert`
    change, or for rows published before the forms were kept); return how many rows changed."""
    changed = 0
    published = Message.objects.filter(is_published=True).only("id", "text", "display_name", "city", *INERT_FIELDS)
    for message in published.order_by("id").iterator(chunk_size=batch_size):
        forms = inert_forms(message)
        if any(getattr(message, name) != value for name, value in forms.items()):
            changed += Message.objects.filter(pk=message.pk).update(**forms)
    for translation in (
        Translation.objects.only("id", "text", "inert_text").order_by("id").iterator(chunk_size=batch_size)
    ):
        clean = make_inert(translation.text)
        if translation.inert_text != clean:
            changed += Translation.objects.filter(pk=translation.pk).update(inert_text=clean)
    if changed:
        pagecache.bump("relay")
    return changed


# --- translation -----------------------------------------------------------------------------


@transaction.atomic
def translate_message(*, message: Message, language: str, text: str, translator: User) -> Translation:
    """Store a person's translation (replacing a machine one); the text is normalized, not invented."""
    if language not in TRANSLATION_LANGUAGES or language == message.language:
        raise RelayError("translations go between English and Persian")
    clean = normalize_for_display(text)
    if not clean:
        raise RelayError("a translation cannot be empty")
    translation, _ = Translation.objects.update_or_create(
        message=message,
        language=language,
        defaults={
            "text": clean[:2000],
            "inert_text": make_inert(clean[:2000]),
            "is_machine": False,
            "engine": "",
            "translator": translator,
        },
    )
    # No target: a published message can still be rejected and then purged, and the append-only log
    # cannot be redacted (as with decisions). Who translated what is on the Translation row.
    audit.record("relay.message.translated", actor=translator, data={"language": language})
    return translation


def machine_translate(*, message: Message, language: str, actor: User | None = None) -> Translation:
    """Translate with the configured backend, labelled as machine translation; never overwrite a person's."""
    backend = load_backend(relay_settings().mt_backend)
    if backend is None:
        raise NoMachineTranslationError("no machine-translation backend is configured")
    existing = Translation.objects.filter(message=message, language=language).first()
    if existing is not None and not existing.is_machine:
        return existing
    output = backend.translate(message.text, source=message.language, target=language)
    if not output or not output.strip() or output.strip() == message.text.strip():
        raise NoMachineTranslationError("the backend gave no translation")
    text = normalize_for_display(output)[:2000]
    translation, _ = Translation.objects.update_or_create(
        message=message,
        language=language,
        defaults={
            "text": text,
            "inert_text": make_inert(text),
            "is_machine": True,
            "engine": backend.name[:60],
            "translator": None,
        },
    )
    audit.record(  # no target, as for a person's translation
        "relay.message.machine-translated", actor=actor, data={"language": language, "engine": backend.name[:60]}
    )
    return translation


# --- transmissions (bulletins and bundles) ---------------------------------------------------


@transaction.atomic
def create_transmission(*, kind: str, day: date, moderator: User, budget_bytes: int | None = None) -> Transmission:
    """Start building a bulletin or bundle of approved messages not yet sent (incremental)."""
    transmission = Transmission.objects.create(
        kind=kind, day=day, created_by=moderator, budget_bytes=budget_bytes or relay_settings().bundle_budget_bytes
    )
    audit.record(f"relay.{kind}.created", actor=moderator, target=transmission)
    jobs.enqueue_on_commit(build_transmission_task, transmission_id=transmission.pk)
    return transmission


def signing_key_words() -> tuple[str, ...]:
    """The configured signing key's fingerprint as Persian words (none before a key is configured)."""
    fingerprint = signing_fingerprint()
    return words.words_from_hex_fingerprint(fingerprint) if fingerprint else ()


def render_bulletin_pdf(messages: Sequence[OutgoingMessage], language: str, day: str) -> bytes:
    return bulletin.bulletin_pdf(messages, language=language, day=day, key_words=signing_key_words())


def render_bulletin_audio(messages: Sequence[OutgoingMessage], language: str) -> bytes | None:
    return bulletin.bulletin_audio(messages, language=language, key_words=signing_key_words())


def build_transmission(*, transmission_id: int) -> Transmission | None:
    """Build the unsigned file of a transmission; idempotent (a rebuild gives the same bytes)."""
    from solidarity.relay import selectors

    transmission = Transmission.objects.filter(pk=transmission_id, status=Transmission.Status.BUILDING).first()
    if transmission is None:
        return None
    already = frozenset(
        Transmission.objects.filter(kind=transmission.kind, status=Transmission.Status.RELEASED)
        .values_list("messages__public_id", flat=True)
        .exclude(messages__public_id=None)
    )
    outgoing = selectors.outgoing_messages(selectors.approved_for_transmission()) + extras.extra_messages()
    spec = bundle.BundleSpec(
        day=transmission.day,
        fingerprint=signing_fingerprint(),
        key_words=signing_key_words(),
        budget_bytes=transmission.budget_bytes,
        already_sent=already,
        with_pages=transmission.kind == Transmission.Kind.BUNDLE,
        with_audio=True,
        extra_files=extras.extra_files(transmission.day),
    )
    built = bundle.build_bundle(outgoing, spec, render_pdf=render_bulletin_pdf, render_audio=render_bulletin_audio)
    name = f"{transmission.kind}-{transmission.day.isoformat()}-{transmission.pk}.zip"
    path = relay_dir() / "unsigned" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".part")
    temporary.write_bytes(built.data)
    temporary.replace(path)  # atomic: a crash never leaves half a file under the final name
    with transaction.atomic():
        updated = Transmission.objects.filter(pk=transmission_id, status=Transmission.Status.BUILDING).update(
            status=Transmission.Status.BUILT,
            file_name=name,
            sha256=built.sha256,
            size_bytes=len(built.data),
            built_at=timezone.now(),
        )
        if updated:
            ids = Message.objects.filter(public_id__in=built.message_ids).values_list("id", flat=True)
            transmission.messages.set(list(ids))
    return Transmission.objects.get(pk=transmission_id)


@jobs.task
def build_transmission_task(*, transmission_id: int) -> None:
    build_transmission(transmission_id=transmission_id)


def unsigned_path(transmission: Transmission) -> Path:
    return relay_dir() / "unsigned" / transmission.file_name


def signed_path(transmission: Transmission) -> Path:
    return relay_dir() / "signed" / transmission.signed_file_name


@transaction.atomic
def approve_transmission(*, transmission: Transmission, moderator: User) -> Transmission:
    """Record one moderator's approval; the second *different* moderator's approval releases it for signing."""
    locked = Transmission.objects.select_for_update().get(pk=transmission.pk)
    if locked.status != Transmission.Status.BUILT:
        raise RelayError("only a built transmission waiting for approvals can be approved")
    try:
        with transaction.atomic():
            TransmissionApproval.objects.create(transmission=locked, moderator=moderator)
    except IntegrityError as error:
        raise RelayError("you have already approved this; a second, different moderator must approve") from error
    audit.record(f"relay.{locked.kind}.approved", actor=moderator, target=locked)
    approvers = set(TransmissionApproval.objects.filter(transmission=locked).values_list("moderator_id", flat=True))
    if len(approvers) >= 2:
        locked.status = Transmission.Status.APPROVED
        locked.save(update_fields=["status"])
    return locked


@transaction.atomic
def attach_signature(*, transmission: Transmission, signed_data: bytes, actor: User | None) -> Transmission:
    """Accept the offline-signed file: it must verify against the published key and match the build."""
    locked = Transmission.objects.select_for_update().get(pk=transmission.pk)
    if locked.status != Transmission.Status.APPROVED:
        raise RelayError("only a transmission approved by two moderators can be signed and released")
    expected = signing_fingerprint()
    result = bundle.verify_bundle(signed_data, expected_fingerprint=expected or None)
    unsigned = bundle.strip_signature(signed_data)
    if hashlib.sha256(unsigned).hexdigest() != locked.sha256:
        raise RelayError("the signed file is not the file that was built and approved")
    name = locked.file_name.replace(".zip", ".signed.zip")
    path = relay_dir() / "signed" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(signed_data)
    locked.signed_file_name = name
    locked.signed_sha256 = hashlib.sha256(signed_data).hexdigest()
    locked.signer_fingerprint = result.fingerprint
    locked.status = Transmission.Status.RELEASED
    locked.released_at = timezone.now()
    locked.save()
    audit.record(f"relay.{locked.kind}.released", actor=actor, target=locked, data={"fingerprint": result.fingerprint})
    for channel in (*CHANNELS, *relay_settings().outbox_dirs):
        delivery, _ = Delivery.objects.get_or_create(
            transmission=locked,
            channel=channel,
            defaults={
                "sha256": locked.signed_sha256,
                "signer_fingerprint": result.fingerprint,
                "signature": result.signature,
            },
        )
        jobs.enqueue_on_commit(deliver_task, delivery_id=delivery.pk)
    return locked


def deliver(*, delivery_id: int) -> Delivery:
    """Send a released transmission on one channel; a failure is recorded and raised (so it is retried)."""
    delivery = Delivery.objects.select_related("transmission").get(pk=delivery_id)
    if delivery.status == Delivery.Status.SENT:
        return delivery
    Delivery.objects.filter(pk=delivery_id).update(attempts=F("attempts") + 1)
    source = signed_path(delivery.transmission)
    try:
        if delivery.channel == "public-download":
            if not source.is_file():
                raise FileNotFoundError("signed file missing")
        else:
            folder = relay_settings().outbox_dirs.get(delivery.channel)
            if folder is None:
                raise LookupError(f"channel {delivery.channel} has no outbox configured")
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / source.name
            shutil.copyfile(source, target.with_suffix(".part"))
            target.with_suffix(".part").replace(target)
            if hashlib.sha256(target.read_bytes()).hexdigest() != delivery.sha256:
                raise OSError("the copy does not match its SHA-256")
    except Exception as error:
        Delivery.objects.filter(pk=delivery_id).update(
            status=Delivery.Status.FAILED, last_error=f"{type(error).__name__}: {error}"[:300]
        )
        raise
    Delivery.objects.filter(pk=delivery_id).update(status=Delivery.Status.SENT, sent_at=timezone.now(), last_error="")
    delivery.refresh_from_db()
    return delivery


@jobs.task
def deliver_task(*, delivery_id: int) -> None:
    deliver(delivery_id=delivery_id)


def retry_failed_deliveries() -> int:
    """Queue every delivery that has not gone out yet again; return how many."""
    pending = list(Delivery.objects.exclude(status=Delivery.Status.SENT).values_list("id", flat=True))
    for delivery_id in pending:
        jobs.enqueue(deliver_task, delivery_id=delivery_id)
    return len(pending)


# --- retention -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PurgeReport:
    messages_deleted: int
    decisions_deleted: int
    messages_minimized: int


@transaction.atomic
def purge_expired(*, now: datetime | None = None, days: int | None = None) -> PurgeReport:
    """Delete unpublished submissions and moderation metadata older than the retention period.

    Approved messages keep only what is published: their contact, screening reasons, signature
    and moderation details go.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=days if days is not None else relay_settings().retention_days)
    unpublished = Message.objects.filter(created_at__lt=cutoff).exclude(status=Message.Status.APPROVED)
    deleted_ids = list(unpublished.values_list("id", flat=True))
    clusters = set(unpublished.exclude(cluster=None).values_list("cluster_id", flat=True))
    decisions_deleted, _ = ModerationDecision.objects.filter(created_at__lt=cutoff).delete()
    Message.objects.filter(pk__in=deleted_ids).delete()
    for cluster_id in clusters:
        Cluster.objects.filter(pk=cluster_id).update(size=Message.objects.filter(cluster_id=cluster_id).count())
    Cluster.objects.filter(size=0).delete()
    old_approved = Message.objects.filter(status=Message.Status.APPROVED, created_at__lt=cutoff)
    MessageBand.objects.filter(message__in=old_approved).delete()
    minimized = old_approved.update(
        sealed_contact=None,
        screening_reasons=[],
        advertising_score=None,
        signature=None,
        moderation_reason="",
        language_confidence=0.0,
    )
    report = PurgeReport(len(deleted_ids), decisions_deleted, minimized)
    if any(astuple(report)):
        audit.record("relay.retention.purged", actor=None, data=asdict(report))
    return report
