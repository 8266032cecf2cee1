"""atheris harness for relay screening, inert text, feed rendering and bundle verification.

Screening and make_inert must never crash; inert output must stay on the allowlist; feeds must
parse; verify_bundle on arbitrary bytes may only raise BundleError.
Run for a bounded time:  .venv/bin/python tests/fuzz/fuzz_relay.py -max_total_time=60
"""

from __future__ import annotations

import contextlib
import sys
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from anywhere in the tree

with atheris.instrument_imports():
    from solidarity.relay import inert, screening
    from solidarity.relay.channels import OutgoingMessage, bundle, feeds

WHEN = datetime(2026, 3, 1, tzinfo=UTC)


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicodeNoSurrogates(2000)
    verdict = screening.screen(text)
    assert verdict.decision in {"pass", "hold"}
    out = inert.make_inert(text)
    assert inert.is_inert(out), repr(out)
    assert "http" not in out.casefold()
    message = OutgoingMessage(
        id="x", language="fa", text=out, display_name=out[:40], country="", city="", published_at=WHEN
    )
    ET.fromstring(feeds.atom([message], language="fa", title="t", feed_id="urn:x", updated=WHEN))  # noqa: S314  # our own output
    feeds.json_feed([message], language="fa", title="t", feed_id="urn:x")
    with contextlib.suppress(bundle.BundleError):
        bundle.verify_bundle(provider.ConsumeBytes(4000))


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
