"""Every screening reason a moderator sees has a label in the catalogue, not its code."""

from __future__ import annotations

from solidarity.relay.forms import SCREENING_LABELS
from solidarity.relay.screening import Reason


def test_every_screening_reason_has_a_label() -> None:
    assert set(SCREENING_LABELS) == {reason.value for reason in Reason}
