"""Retention (SR-08) with a controllable clock, the schema's allowed columns, and the command."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command

from solidarity.core import jobs
from solidarity.core.models import AuditEntry, User
from solidarity.relay import conf, services
from solidarity.relay.channels import bundle, openpgp
from solidarity.relay.models import Cluster, Message, MessageBand, ModerationDecision
from tests.relay.conftest import submit

pytestmark = pytest.mark.django_db

START = datetime(2026, 1, 1, 12, tzinfo=UTC)


def test_the_embedded_worker_applies_the_retention_period_by_itself(settings) -> None:
    """Nobody has to run `relay purge`: the daily periodic job does, on the embedded queue."""
    settings.JOBS_BACKEND = "embedded"
    with time_machine.travel(START, tick=False):
        held = submit("Cheap VPN, best price, buy now")
    with time_machine.travel(START + timedelta(days=31), tick=False):
        assert "solidarity.relay.tasks.purge_expired_daily" in jobs.schedule_periodic()
        jobs.run_pending()
    assert not Message.objects.filter(pk=held.pk).exists()


def test_purge_removes_unpublished_and_minimizes_published(moderator: User, capsys: pytest.CaptureFixture[str]) -> None:
    with time_machine.travel(START, tick=False):
        held = submit("Cheap VPN, best price, buy now")
        approved = submit("We stand with you, people of Iran", contact="me@example.org")
        services.decide_messages(message_ids=[approved.pk], moderator=moderator, decision="approve", reason="fine")
    with time_machine.travel(START + timedelta(days=10), tick=False):
        recent = submit("Another unpublished message about freedom in Iran")
    with time_machine.travel(START + timedelta(days=31), tick=False):
        call_command("relay", "purge", "--days", "30")
    assert "deleted 1 unpublished" in capsys.readouterr().out
    assert not Message.objects.filter(pk=held.pk).exists()
    assert Message.objects.filter(pk=recent.pk).exists()
    kept = Message.objects.get(pk=approved.pk)
    assert kept.sealed_contact is None
    assert kept.screening_reasons == []
    assert approved.advertising_score is not None and kept.advertising_score is None
    assert kept.signature is None
    assert kept.moderation_reason == ""
    assert not MessageBand.objects.filter(message=kept).exists()
    assert not ModerationDecision.objects.exists()
    assert held.cluster_id is not None
    assert not Cluster.objects.filter(pk=held.cluster_id).exists()


def test_no_audit_row_outlives_a_purged_message(moderator: User) -> None:
    """The append-only audit log cannot be redacted, so it never names a moderated message."""
    with time_machine.travel(START, tick=False):
        rejected = submit("Cheap VPN, best price, buy now")
        other = submit("Another advertisement for a VPN at a low price")
        services.decide_messages(
            message_ids=[rejected.pk, other.pk], moderator=moderator, decision="reject", reason="commercial"
        )
    with time_machine.travel(START + timedelta(days=31), tick=False):
        services.purge_expired(days=30)
    references = {rejected.public_id, other.public_id}
    for entry in AuditEntry.objects.all():
        assert entry.target_type != "relay.message", entry.action
        assert not references & {*entry.target_label.split(), *map(str, entry.data.values())}, entry.action
    decided = AuditEntry.objects.get(action="relay.messages.reject")
    assert decided.data == {"reason": "commercial", "count": 2} and decided.actor == moderator
    purged = AuditEntry.objects.get(action="relay.retention.purged")
    assert purged.data["messages_deleted"] == 2 and purged.data["decisions_deleted"] == 2


def test_a_translated_message_withdrawn_and_purged_leaves_no_audit_row_naming_it(
    moderator: User, translator: User
) -> None:
    """A published message can be rejected later; once purged, no audit row may name it (issue 19)."""
    with time_machine.travel(START, tick=False):
        message = submit("We stand with the nurses of Iran, from Porto")
        services.decide_messages(message_ids=[message.pk], moderator=moderator, decision="approve", reason="fine")
        services.translate_message(
            message=message, language="fa", text="ما کنار پرستاران ایرانیم", translator=translator
        )
        services.decide_messages(message_ids=[message.pk], moderator=moderator, decision="reject", reason="other")
    with time_machine.travel(START + timedelta(days=31), tick=False):
        services.purge_expired(days=30)
    assert not Message.objects.filter(pk=message.pk).exists()
    for entry in AuditEntry.objects.all():
        assert entry.target_type != "relay.message", entry.action
        assert message.public_id not in f"{entry.target_label} {entry.data}", entry.action
    translated = AuditEntry.objects.get(action="relay.message.translated")
    assert translated.data == {"language": "fa"} and translated.actor == translator


def test_message_table_holds_only_allowed_columns() -> None:
    allowed = {
        "id", "public_id", "text", "display_name", "country", "city", "consent", "sealed_contact", "language",
        "language_confidence", "status", "screening_reasons", "screened_at", "signature", "cluster", "is_published",
        "moderation_reason", "decided_at", "published_at", "created_at", "updated_at",
        # The published forms of text, name and city (what leaves the server), kept at publication.
        "inert_text", "inert_display_name", "inert_city",
        # The advertising classifier's score, shown to moderators; cleared with the reasons by the purge.
        "advertising_score",
    }  # fmt: skip
    columns = {field.name for field in Message._meta.concrete_fields}
    assert columns == allowed
    assert not {"ip", "ip_address", "user_agent", "remote_addr", "contact"} & columns


def test_screen_command(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("relay", "screen", "Hot", "girls", "near", "you,", "telegram:", "@x")
    out = capsys.readouterr().out
    assert "decision: hold" in out
    assert "dating" in out
    call_command("relay", "screen", "--json", "ما با شما هستیم")
    assert '"decision": "pass"' in capsys.readouterr().out


def test_keygen_sign_verify_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key_path = tmp_path / "offline.key"
    call_command("relay", "keygen", "--out", str(key_path))
    public = bytes(bundle.load_signing_key(key_path).verify_key)
    fingerprint = bundle.fingerprint(public)
    printed = capsys.readouterr().out
    assert fingerprint in printed and openpgp.certificate_fingerprint(public) in printed
    built = bundle.build_bundle([], bundle.BundleSpec(day=START.date(), fingerprint=fingerprint, with_pdf=False))
    unsigned = tmp_path / "b.zip"
    unsigned.write_bytes(built.data)
    call_command("relay", "sign", str(unsigned), "--key", str(key_path))
    signed = tmp_path / "b.signed.zip"
    call_command("relay", "verify", str(signed), "--fingerprint", fingerprint)
    printed = capsys.readouterr().out
    assert "OK:" in printed and openpgp.certificate_fingerprint(public) in printed
    with pytest.raises(CommandError, match="FAILED"):
        call_command("relay", "verify", str(unsigned))
    with pytest.raises(CommandError, match="FAILED"):
        call_command("relay", "verify", str(signed), "--fingerprint", "0000 1111")
    with pytest.raises(CommandError, match="cannot read"):
        call_command("relay", "verify", str(tmp_path / "missing.zip"))
    with pytest.raises(CommandError, match="refusing"):
        call_command("relay", "keygen", "--out", str(key_path))


def test_private_keys_never_live_in_the_database_or_settings() -> None:
    conf.signing_public_key()
    conf.contact_public_key()
    key_files = list(conf.offline_keys_dir().glob("*.key"))
    assert key_files
    assert (conf.offline_keys_dir() / "README-DANGER.txt").read_text().startswith("THIS IS A PRIVATE KEY")
    assert conf.offline_keys_dir() not in conf.relay_dir().parents
    for path in conf.relay_dir().glob("*.pub"):
        assert len(path.read_text().strip()) in {44, 64}  # a public key, never 64 bytes of secret
