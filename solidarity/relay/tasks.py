"""The relay's periodic work: the retention period applies itself (SR-08); queued messages get screened."""

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


@jobs.periodic(every=timedelta(minutes=1))
def screen_pending_every_minute() -> None:
    """Screen, in batches, what was accepted queue-only while a lane was past its budget."""
    from solidarity.relay import services

    screened = services.screen_pending(limit=5_000)
    if screened:
        log.info("relay: %d queued messages screened", screened)
