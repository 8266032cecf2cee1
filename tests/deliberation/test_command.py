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


@pytest.mark.django_db
def test_import_reads_the_xid_layout_a_bom_fifteen_digit_ids_and_vote_times(tmp_path: Path) -> None:
    import datetime

    from solidarity.deliberation.models import Participant, Vote

    big = 123456789012345
    (tmp_path / "participants-votes.csv").write_bytes(
        b"\xef\xbb\xbfparticipant,xid,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\r\n"
        + f"{big},x1,0,0,2,1,1,1,-1\r\n2,x2,1,0,1,0,1,-1,\r\n".encode()
    )
    (tmp_path / "comments.csv").write_text(
        "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
        "1,,0,2,1,1,1,Zero\n2,,1,2,0,1,1,One\n"
    )
    (tmp_path / "summary.csv").write_bytes(b"\xef\xbb\xbftopic,Trees\r\n")
    (tmp_path / "votes.csv").write_text(
        "timestamp,datetime,comment-id,voter-id,vote\n"
        f"1600000000000,,0,{big},-1\n1600000005000,,0,{big},1\n1600000001000,,1,{big},-1\n1600000002000,,0,2,-1\n"
    )
    out = io.StringIO()
    call_command("deliberation", "import", str(tmp_path), stdout=out)
    assert "2 participants, 2 statements" in out.getvalue()
    participant = Participant.objects.get(number=big)
    assert participant.conversation.topic_en == "Trees"
    vote = Vote.objects.get(participant=participant, statement__number=0)
    assert vote.cast_at == datetime.datetime(2020, 9, 13, 12, 26, 45, tzinfo=datetime.UTC)
