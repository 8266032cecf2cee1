"""`solidarity deliberation import|export` as a person runs them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "deliberation"  # ../shared
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="real Pol.is exports are not present")


@pytest.mark.django_db
def test_import_command_refuses_a_bad_folder_without_traceback(tmp_path: Path) -> None:
    from django.core.management.base import CommandError

    (tmp_path / "participants-votes.csv").write_text("participant,group-id\n1,\n")
    (tmp_path / "comments.csv").write_text(
        "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
    )
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("deliberation", "import", str(tmp_path))


@needs_data
@pytest.mark.django_db
def test_import_then_export_commands_round_trip(tmp_path: Path) -> None:
    from solidarity.deliberation import polis_io
    from solidarity.deliberation.models import Conversation

    out = io.StringIO()
    call_command("deliberation", "import", str(DATA / "15-per-hour-seattle"), stdout=out)
    assert "339 participants, 54 statements, 2 groups" in out.getvalue()
    conversation = Conversation.objects.get(imported=True)
    call_command("deliberation", "export", str(conversation.pk), str(tmp_path), stdout=io.StringIO())
    original = polis_io.read_export(DATA / "15-per-hour-seattle")
    again = polis_io.read_export(tmp_path)
    assert {p.id: dict(p.votes) for p in again.participants} == {p.id: dict(p.votes) for p in original.participants}
    assert [s.moderated for s in again.statements] == [
        s.moderated for s in sorted(original.statements, key=lambda s: s.id)
    ]
