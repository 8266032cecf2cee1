"""The relay's periodic work: the retention period applies itself (SR-08)."""

from __future__ import annotations

import logging
from datetime import timedelta

from solidarity.core import jobs

log = logging.getLogger(__name__)


@jobs.periodic(every=timedelta(days=1))
def purge_expired_daily() -> None:
    """Apply the retention period once a day, as `solidarity relay purge` does by hand."""
    from solidarity.relay import services  # here, not above: app start-up stays light

    report = services.purge_expired()
    log.info(
        "relay retention: %d messages deleted, %d decisions deleted, %d published messages minimized",
        report.messages_deleted,
        report.decisions_deleted,
        report.messages_minimized,
    )
