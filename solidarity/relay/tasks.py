"""The relay's periodic work: the retention period applies itself (SR-08); queued messages get screened."""

from __future__ import annotations

import logging
import time
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


# One batch is what one transaction screens; the job takes batches until the queue is empty or
# its time is up (half a minute: the embedded worker has one thread, and other jobs wait behind
# this one). A flood accepted queue-only (215 messages a second on this project's 2-core test
# machine) is then screened at screening's own speed instead of 5,000 a minute (issue 12).
SCREEN_BATCH = 5_000
SCREEN_BUDGET_SECONDS = 30.0


@jobs.periodic(every=timedelta(minutes=1))
def screen_pending_every_minute() -> None:
    """Screen, in batches, what was accepted queue-only while a lane was past its budget."""
    from solidarity.relay import services

    deadline = time.monotonic() + SCREEN_BUDGET_SECONDS
    screened = 0
    while True:
        batch = services.screen_pending(limit=SCREEN_BATCH)
        screened += batch
        if batch < SCREEN_BATCH or time.monotonic() >= deadline:
            break
    if screened:
        log.info("relay: %d queued messages screened", screened)
