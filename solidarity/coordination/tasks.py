"""Background jobs of coordination: the daily release of banded counts."""

from __future__ import annotations

from datetime import timedelta

from solidarity.coordination import services
from solidarity.core import jobs


@jobs.periodic(every=timedelta(hours=1))
def release_daily() -> None:
    """Close campaigns past their close time and publish each day's bands once (never live)."""
    services.release_due()
