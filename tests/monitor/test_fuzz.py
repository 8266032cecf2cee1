"""SR-22: the atheris harness of the readers and extractor runs for a bounded time on a seed corpus."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HARNESS = ROOT / "tests" / "fuzz" / "fuzz_monitor_readers.py"
INPUTS = Path(__file__).parent / "data" / "inputs"
# The harness's first byte picks the reader: 0 HTML, 1 feed, 2 WARC, 3 text.
SEEDS = {"shiraz.html": 0, "feed.rss": 1, "broken.rss": 1, "crawl.warc": 2, "sanandaj.txt": 3}


@pytest.mark.slow
def test_reader_harness_runs_clean_on_the_seed_corpus(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, reader in SEEDS.items():
        (corpus / name).write_bytes(bytes([reader]) + (INPUTS / name).read_bytes())
    result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, str(HARNESS), "-max_total_time=15", "-seed=1", "-timeout=20", str(corpus)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "INITED" in result.stderr  # the seeds were read
    assert "Done" in result.stderr
    assert not list(tmp_path.glob("crash-*"))
