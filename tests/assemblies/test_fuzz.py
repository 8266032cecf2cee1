"""Run the invitation fuzz harness briefly: its body on fixed inputs, then atheris for a few seconds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[1] / "fuzz" / "fuzz_invite.py"


def test_harness_body_on_a_fixed_number_of_inputs() -> None:
    atheris = pytest.importorskip("atheris")
    del atheris
    sys.path.insert(0, str(HARNESS.parent))
    try:
        import fuzz_invite  # type: ignore[import-not-found]  # loaded from tests/fuzz by path
    finally:
        sys.path.remove(str(HARNESS.parent))
    fuzz_invite.run_iterations(3000)


@pytest.mark.slow
def test_atheris_runs_for_a_bounded_time(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    result = subprocess.run(  # noqa: S603  # fixed argument list, no shell
        [
            sys.executable,
            str(HARNESS),
            "-max_total_time=2",
            "-rss_limit_mb=1024",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=HARNESS.parents[2],
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Done" in result.stderr
