"""`solidarity deliberation evaluate` against the real Pol.is exports, beside red-dwarf."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from solidarity.deliberation import evaluation

DATA = Path("/work/shared/data/deliberation")
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="real Pol.is exports are not present")
slow = pytest.mark.slow


@needs_data
@slow
def test_biodiversity_reaches_the_target_and_beats_red_dwarf() -> None:
    result = evaluation.evaluate(DATA / "scoop-hivemind.biodiversity")
    assert result.ours.ari is not None
    assert result.reference.ari is not None
    assert result.ours.ari >= 0.95
    assert result.ours.ari >= result.reference.ari
    assert result.ours.groups == result.polis_groups == 2


@needs_data
@slow
def test_vtaiwan_beats_red_dwarf() -> None:
    result = evaluation.evaluate(DATA / "vtaiwan.uberx", with_reference=True)
    assert result.ours.ari is not None
    assert result.reference.ari is not None
    assert result.ours.ari >= result.reference.ari
    assert result.ours.ari >= 0.9


def test_evaluate_skips_cleanly_without_data(tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("deliberation", "evaluate", "--data", str(tmp_path / "absent"), stdout=out)
    assert "nothing to evaluate (skipped)" in out.getvalue()


@pytest.mark.django_db
def test_import_command_refuses_a_bad_folder_without_traceback(tmp_path: Path) -> None:
    from django.core.management.base import CommandError

    (tmp_path / "participants-votes.csv").write_text("participant,group-id\n1,\n")
    (tmp_path / "comments.csv").write_text(
        "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
    )
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("deliberation", "import", str(tmp_path))
