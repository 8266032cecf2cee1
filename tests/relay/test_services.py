"""Intake, screening with clusters, moderation, translation and four-eyes transmissions."""

from __future__ import annotations

import base64
import hashlib
from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey

from solidarity.core import jobs
from solidarity.core.models import AuditEntry, User
from solidarity.relay import conf, sealing, services
from solidarity.relay.channels import bundle
from solidarity.relay.models import (
    Cluster,
    Delivery,
    Message,
    MessageBand,
    ModerationDecision,
    Translation,
    Transmission,
)
from solidarity.relay.translation import NoMachineTranslationError
from solidarity.settings import env
from tests.relay.conftest import submit
from tests.relay.test_screening import corpus

pytestmark = pytest.mark.django_db


def test_submission_is_screened_and_clustered() -> None:
    clean = submit(
        "We stand with you, people of Iran. Woman, life, freedom!", display_name="Ana", country="es", city="Madrid"
    )
    assert clean.status == Message.Status.SCREENED
    assert clean.language == "en"
    assert clean.country == "ES"
    spam = [submit("Hot girls in Tehran want to date you tonight, message me on telegram" + "!" * i) for i in range(5)]
    assert all(m.status == Message.Status.HELD for m in spam)
    assert "dating" in spam[0].screening_reasons
    assert len({m.cluster_id for m in spam}) == 1
    assert spam[0].cluster is not None
    assert spam[0].cluster.size == 5
    assert clean.cluster_id != spam[0].cluster_id
    assert MessageBand.objects.filter(message=clean).count() == 16


def test_consent_is_required() -> None:
    with pytest.raises(services.RelayError):
        services.submit_message(submission=services.Submission(text="We stand with you", consent=False))


def test_contact_is_sealed_to_the_offline_key(settings: object) -> None:
    message = submit("We stand with you", contact="friend@example.org")
    stored = bytes(message.sealed_contact or b"")
    assert b"friend@example.org" not in stored
    private_b64 = (conf.offline_keys_dir() / "relay-contact.key").read_text().strip()
    assert sealing.unseal(stored, private_b64) == "friend@example.org"
    other = base64.b64encode(bytes(PrivateKey.generate())).decode()
    with pytest.raises(CryptoError):
        sealing.unseal(stored, other)


def test_screening_is_idempotent_and_survives_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "enqueue_on_commit", lambda *a, **k: None)
    first = submit("We stand with the brave people of Iran, always")
    submit("We stand with the brave people of Iran, always!!")
    assert first.status == Message.Status.RECEIVED

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("worker killed")

    monkeypatch.setattr(MessageBand.objects, "bulk_create", crash)
    with pytest.raises(RuntimeError):
        services.screen_message(message_id=first.pk)
    first.refresh_from_db()
    assert first.status == Message.Status.RECEIVED  # rolled back entirely
    assert Cluster.objects.count() == 0
    monkeypatch.undo()
    assert services.screen_pending() == 2
    assert services.screen_pending() == 0
    assert services.screen_message(message_id=first.pk) is None  # a second run changes nothing
    assert Cluster.objects.get().size == 2
    assert MessageBand.objects.count() == 32


def test_moderation_publishes_one_per_cluster_and_audits(moderator: User) -> None:
    copies = [submit("We stand with the brave people of Iran. Woman, life, freedom!" + " ❤️" * i) for i in range(3)]
    changed = services.decide_messages(
        message_ids=[copies[0].pk], moderator=moderator, decision="approve", reason="fine", whole_clusters=True
    )
    assert changed == 3
    assert Message.objects.filter(status=Message.Status.APPROVED).count() == 3
    assert Message.objects.filter(is_published=True).count() == 1
    audited = AuditEntry.objects.get(action="relay.messages.approve")  # one entry, a count, no message
    assert audited.data == {"reason": "fine", "count": 3} and audited.target_id == ""
    assert ModerationDecision.objects.count() == 3
    with pytest.raises(services.RelayError):
        services.decide_messages(message_ids=[copies[0].pk], moderator=moderator, decision="reject", reason="fine")


def test_translation_is_labelled(translator: User, moderator: User, monkeypatch: pytest.MonkeyPatch) -> None:
    message = submit("We stand with you, people of Iran")
    services.decide_messages(message_ids=[message.pk], moderator=moderator, decision="approve", reason="fine")
    services.translate_message(message=message, language="fa", text="ما کنار شما هستیم", translator=translator)
    assert Translation.objects.get().is_machine is False
    with pytest.raises(services.RelayError):
        services.translate_message(message=message, language="en", text="x", translator=translator)

    class Fake:
        name = "fake-offline-model"

        def translate(self, text: str, *, source: str, target: str) -> str | None:
            return "ما با شماییم"

    monkeypatch.setattr(services, "load_backend", lambda dotted: Fake())
    kept = services.machine_translate(message=message, language="fa")
    assert kept.is_machine is False  # never overwrites a person's translation
    Translation.objects.all().delete()
    machine = services.machine_translate(message=message, language="fa")
    assert machine.is_machine is True
    assert machine.engine == "fake-offline-model"
    monkeypatch.setattr(services, "load_backend", lambda dotted: None)
    with pytest.raises(NoMachineTranslationError):
        services.machine_translate(message=message, language="fa")


_CLEAN = [row["text"] for row in corpus() if row["kind"] == "clean"]
_used = {"next": 0}


def _approved(moderator: User, n: int = 6) -> None:
    """Approve n distinct clean messages from the golden corpus (never near-duplicates)."""
    start = _used["next"]
    _used["next"] = (start + n) % (len(_CLEAN) - 20)
    ids = [submit(text).pk for text in _CLEAN[start : start + n]]
    services.decide_messages(message_ids=ids, moderator=moderator, decision="approve", reason="fine")


def test_transmission_needs_two_different_moderators(moderator: User, moderator2: User, tmp_path: Path) -> None:
    _approved(moderator)
    with TestCase.captureOnCommitCallbacks(execute=True):
        transmission = services.create_transmission(kind="bundle", day=date(2026, 3, 2), moderator=moderator)
    transmission.refresh_from_db()
    assert transmission.status == Transmission.Status.BUILT
    assert transmission.messages.count() == 6
    services.approve_transmission(transmission=transmission, moderator=moderator)
    with pytest.raises(services.RelayError):
        services.approve_transmission(transmission=transmission, moderator=moderator)
    transmission.refresh_from_db()
    assert transmission.status == Transmission.Status.BUILT
    unsigned = services.unsigned_path(transmission).read_bytes()
    key = bundle.load_signing_key(conf.offline_keys_dir() / "relay-signing.key")
    with pytest.raises(services.RelayError):  # not yet approved by a second person
        services.attach_signature(
            transmission=transmission, signed_data=bundle.sign_bundle(unsigned, key), actor=moderator
        )
    services.approve_transmission(transmission=transmission, moderator=moderator2)
    transmission.refresh_from_db()
    assert transmission.status == Transmission.Status.APPROVED
    with TestCase.captureOnCommitCallbacks(execute=True):
        released = services.attach_signature(
            transmission=transmission, signed_data=bundle.sign_bundle(unsigned, key), actor=moderator
        )
    assert released.status == Transmission.Status.RELEASED
    assert released.signer_fingerprint == conf.signing_fingerprint()
    delivery = Delivery.objects.get(transmission=released)
    assert delivery.status == Delivery.Status.SENT
    assert delivery.signer_fingerprint == released.signer_fingerprint
    assert len(delivery.signature) == 128  # the Ed25519 signature that went out, hex
    # Incremental: the next bundle leaves out what was released.
    _approved(moderator, 3)
    with TestCase.captureOnCommitCallbacks(execute=True):
        following = services.create_transmission(kind="bundle", day=date(2026, 3, 3), moderator=moderator)
    following.refresh_from_db()
    assert following.messages.count() == 3


def test_signed_file_must_be_the_approved_build(moderator: User, moderator2: User) -> None:
    _approved(moderator)
    with TestCase.captureOnCommitCallbacks(execute=True):
        transmission = services.create_transmission(kind="bundle", day=date(2026, 3, 2), moderator=moderator)
    services.approve_transmission(transmission=transmission, moderator=moderator)
    services.approve_transmission(transmission=transmission, moderator=moderator2)
    transmission.refresh_from_db()
    key = bundle.load_signing_key(conf.offline_keys_dir() / "relay-signing.key")
    other = bundle.build_bundle(
        [], bundle.BundleSpec(day=date(2026, 1, 1), fingerprint=conf.signing_fingerprint(), with_pdf=False)
    )
    with pytest.raises(services.RelayError):
        services.attach_signature(
            transmission=transmission, signed_data=bundle.sign_bundle(other.data, key), actor=moderator
        )
    from nacl.signing import SigningKey

    with pytest.raises(bundle.BundleError):
        services.attach_signature(
            transmission=transmission,
            signed_data=bundle.sign_bundle_unchecked(
                services.unsigned_path(transmission).read_bytes(), SigningKey.generate()
            ),
            actor=moderator,
        )


def test_failed_delivery_is_logged_and_retried(
    moderator: User, moderator2: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be")
    monkeypatch.setenv("SOLIDARITY_RELAY_OUTBOXES", f"satellite={blocked / 'out'}")
    monkeypatch.setattr(jobs, "enqueue_on_commit", lambda func, **kw: None)
    _approved(moderator)
    transmission = services.create_transmission(kind="bulletin", day=date(2026, 3, 2), moderator=moderator)
    services.build_transmission(transmission_id=transmission.pk)
    services.approve_transmission(transmission=transmission, moderator=moderator)
    services.approve_transmission(transmission=transmission, moderator=moderator2)
    transmission.refresh_from_db()
    key = bundle.load_signing_key(conf.offline_keys_dir() / "relay-signing.key")
    services.attach_signature(
        transmission=transmission,
        signed_data=bundle.sign_bundle(services.unsigned_path(transmission).read_bytes(), key),
        actor=None,
    )
    transmission.refresh_from_db()
    satellite = Delivery.objects.get(channel="satellite")
    with pytest.raises(OSError):
        services.deliver(delivery_id=satellite.pk)
    satellite.refresh_from_db()
    assert satellite.status == Delivery.Status.FAILED
    assert satellite.attempts == 1
    assert satellite.last_error
    monkeypatch.setenv("SOLIDARITY_RELAY_OUTBOXES", f"satellite={tmp_path / 'outbox'}")
    assert services.deliver(delivery_id=satellite.pk).status == Delivery.Status.SENT
    assert (tmp_path / "outbox" / transmission.signed_file_name).is_file()


def test_wall_selector_query_count(moderator: User) -> None:
    _approved(moderator, 9)
    from solidarity.relay import selectors

    with CaptureQueriesContext(connection) as queries:
        rows = list(selectors.wall(selectors.WallFilters()))
        for row in rows:
            list(row.translations.all())
            _ = row.cluster.size if row.cluster else 1
    assert len(rows) == 9
    assert len(queries) <= 2


def test_bundle_build_resumes_after_a_crash(moderator: User, monkeypatch: pytest.MonkeyPatch) -> None:
    _approved(moderator, 4)
    monkeypatch.setattr(jobs, "enqueue_on_commit", lambda func, **kw: None)
    transmission = services.create_transmission(kind="bundle", day=date(2026, 3, 4), moderator=moderator)
    real_replace = Path.replace

    def killed(self: Path, target: Path) -> Path:
        raise OSError("worker killed while moving the file into place")

    monkeypatch.setattr(Path, "replace", killed)
    with pytest.raises(OSError):
        services.build_transmission(transmission_id=transmission.pk)
    transmission.refresh_from_db()
    assert transmission.status == Transmission.Status.BUILDING
    assert transmission.messages.count() == 0
    monkeypatch.setattr(Path, "replace", real_replace)
    built = services.build_transmission(transmission_id=transmission.pk)
    assert built is not None
    assert built.status == Transmission.Status.BUILT
    assert built.messages.count() == 4
    data = services.unsigned_path(built).read_bytes()
    assert hashlib.sha256(data).hexdigest() == built.sha256
    assert services.build_transmission(transmission_id=transmission.pk) is None  # idempotent


def test_configured_public_keys_leave_no_private_key_on_the_server(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from nacl.signing import SigningKey

    contact = PrivateKey.generate()
    signer = SigningKey.generate()
    monkeypatch.setenv("SOLIDARITY_RELAY_CONTACT_PUBLIC_KEY", base64.b64encode(bytes(contact.public_key)).decode())
    monkeypatch.setenv("SOLIDARITY_RELAY_SIGNING_PUBLIC_KEY", bytes(signer.verify_key).hex())
    conf.contact_public_key.cache_clear()
    conf.signing_public_key.cache_clear()
    try:
        assert conf.contact_public_key() == contact.public_key
        assert conf.signing_fingerprint() == bundle.fingerprint(bytes(signer.verify_key))
        message = submit("We stand with you", contact="+1 555 0100")
        assert (
            sealing.unseal(bytes(message.sealed_contact or b""), base64.b64encode(bytes(contact)).decode())
            == "+1 555 0100"
        )
        for value in (
            env.text("SOLIDARITY_RELAY_CONTACT_PUBLIC_KEY"),
            env.text("SOLIDARITY_RELAY_SIGNING_PUBLIC_KEY"),
        ):
            assert value not in {base64.b64encode(bytes(contact)).decode(), bytes(signer).hex()}
    finally:
        conf.contact_public_key.cache_clear()
        conf.signing_public_key.cache_clear()
