"""A bounded flood on 127.0.0.1 through the real server: no genuine message is lost (SR-14).

The same code as `python -m bench.relay flood`, which runs it at the issue's size (100,000 spam
with 1,000 genuine messages); here it is small enough for the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.relay import flood


@pytest.mark.slow
def test_flood_over_loopback_loses_no_genuine_message(tmp_path: Path) -> None:
    result = flood(spam=1_000, genuine=40, data_dir=tmp_path, time_limit=600)
    assert result.spam_sent == 1_000
    assert result.genuine_sent == 40
    assert result.server_errors == 0, result.statuses
    # Every genuine sender was acknowledged, stored exactly once and screened.
    assert result.genuine_accepted == 40
    assert result.genuine_stored == result.genuine_rows == 40
    assert result.genuine_screened == 40
    assert result.left_unscreened == 0
    assert result.nothing_lost
    # Each of the 20 spamming addresses got its 5 an hour, then only refusals: a 429 for a fresh
    # form past the limit, and a 400 for the bot's reposts of the wait token that 429 spent (the
    # proof is checked before any limit counts, so a spent token costs nobody anything).
    assert result.spam_stored == 100
    assert result.statuses.get(429, 0) >= 20
    assert result.statuses.get(429, 0) + result.statuses.get(400, 0) == 900
    # The service kept answering, and the circuit breaker raised the proof of work.
    assert result.probe_answers >= 3
    assert result.probe_failures == 0
    assert result.breaker_tripped
    # No sender's address in the database files or the server's log (SR-05).
    assert result.address_leaks == 0
