"""SR-22: every atheris harness in tests/fuzz runs for a bounded time on each test run.

Each harness is a script (`python tests/fuzz/NAME.py -max_total_time=60` for a longer session);
here each gets a few seconds from an empty corpus, and a crash or a non-zero exit fails the test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HARNESSES = sorted((ROOT / "tests" / "fuzz").glob("fuzz_*.py"))
SECONDS = 4


def test_every_component_named_by_sr22_has_a_harness() -> None:
    names = {path.stem for path in HARNESSES}
    assert {"fuzz_invite", "fuzz_relay", "fuzz_monitor_readers", "fuzz_election_record"} <= names


@pytest.mark.slow
@pytest.mark.parametrize("harness", HARNESSES, ids=[path.stem for path in HARNESSES])
def test_harness_runs_for_a_bounded_time_without_a_crash(harness: Path, tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    result = subprocess.run(  # noqa: S603  # fixed argument list, no shell
        [sys.executable, str(harness), f"-max_total_time={SECONDS}", "-rss_limit_mb=2048", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done" in result.stderr  # libFuzzer's closing line: the harness ran, it did not just import
