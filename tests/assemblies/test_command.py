"""`solidarity assemblies`: a laptop at the door downloads once, checks in offline, then syncs."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from solidarity.assemblies import invitations, services
from solidarity.assemblies.models import Scan, Venue
from solidarity.coalition.models import Delegate
from solidarity.core.models import User

pytestmark = pytest.mark.django_db
DURING = dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC)


def run(*arguments: str) -> str:
    out = StringIO()
    call_command("assemblies", *arguments, stdout=out)
    return out.getvalue()


def test_door_laptop_round_trip(
    tmp_path: Path, venues: dict[str, Venue], credentials_officer: User, delegates: list[Delegate]
) -> None:
    hub, toronto = venues["hub"], venues["toronto"]
    issued = [services.issue_invitation(officer=credentials_officer, venue=hub, delegate=d) for d in delegates[:3]]
    revoked_invitation, revoked_token = services.issue_invitation(
        officer=credentials_officer, venue=hub, guest_name="R"
    )
    services.revoke_invitation(officer=credentials_officer, invitation=revoked_invitation)
    _other, toronto_token = services.issue_invitation(officer=credentials_officer, venue=toronto, guest_name="T")
    door_one, door_two = tmp_path / "door1.json", tmp_path / "door2.json"
    assert "1 revoked" in run("manifest", "paris-2026", str(hub.pk), "--out", str(door_one), "--device", "hub-1")
    run("manifest", "paris-2026", str(hub.pk), "--out", str(door_two), "--device", "hub-2")
    code = invitations.short_code(invitations.from_text(issued[1][1]))
    with time_machine.travel(DURING, tick=False), CaptureQueriesContext(connection) as queries:
        output = run("check-in", str(door_one), issued[0][1], code.lower(), revoked_token, toronto_token, issued[0][1])
        second = run("check-in", str(door_two), issued[0][1], "--language", "fa")
    assert len(queries) == 0  # offline: the database is never asked
    assert output.count("ADMIT") == 2
    assert "[revoked]" in output
    assert "[wrong_venue]" in output
    assert "[already_scanned]" in output
    assert "already used" in output
    assert "راه دهید" in second
    saved = json.loads(door_one.read_text())
    assert len(saved["queue"]) == 5
    synced = run("sync", str(door_one))
    assert "5 new" in synced
    synced = run("sync", str(door_two))
    assert "1 flagged duplicates" in synced
    assert "twice" in synced
    again = run("sync", str(door_one))
    assert "0 scans" in again  # nothing pending: the file remembers what was synced
    assert Scan.objects.count() == 6
    assert "1 flagged" in run("reconcile", "paris-2026")


def test_errors_are_clear_and_not_tracebacks(tmp_path: Path, venues: dict[str, Venue]) -> None:
    with pytest.raises(CommandError, match="no venue"):
        run("manifest", "paris-2026", "999", "--out", str(tmp_path / "x.json"))
    with pytest.raises(CommandError, match="no such file"):
        run("check-in", str(tmp_path / "missing.json"), "X")
    broken = tmp_path / "broken.json"
    broken.write_text("{}")
    with pytest.raises(CommandError, match="not a check-in queue file"):
        run("sync", str(broken))
    path = tmp_path / "door.json"
    run("manifest", "paris-2026", str(venues["hub"].pk), "--out", str(path))
    with pytest.raises(CommandError, match="exists"):
        run("manifest", "paris-2026", str(venues["hub"].pk), "--out", str(path))


def test_keys_prints_the_fingerprint(db: None) -> None:
    from solidarity.assemblies.keys import current_signer

    assert current_signer().fingerprint in run("keys")
