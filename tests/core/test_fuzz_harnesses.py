"""SR-22: every atheris harness in tests/fuzz runs for a bounded time on each test run.

Each harness is a script (`python tests/fuzz/NAME.py -max_total_time=60` for a longer session).
A harness that an app's own fuzz test runs (with its seed corpus) is left to it; every other one
gets a few seconds here from an empty corpus, and a crash or a non-zero exit fails the test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ALL_HARNESSES = sorted((ROOT / "tests" / "fuzz").glob("fuzz_*.py"))
SECONDS = 4


def _has_own_test(harness: Path) -> bool:
    """Whether an app's test already runs this harness (with its seed corpus): then it is not run twice."""
    here = Path(__file__).resolve()
    return any(
        harness.name in test.read_text()
        for test in (ROOT / "tests").rglob("test_*.py")
        if test.resolve() != here and "fuzz" in test.name
    )


HARNESSES = [harness for harness in ALL_HARNESSES if not _has_own_test(harness)]


def test_every_component_named_by_sr22_has_a_harness() -> None:
    names = {path.stem for path in ALL_HARNESSES}
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
