"""The elections' periodic work: a ballot box closes by itself when its window ends."""

from __future__ import annotations

import logging
from datetime import timedelta

from solidarity.core import jobs

log = logging.getLogger(__name__)


@jobs.periodic(every=timedelta(minutes=1))
def close_due_elections() -> None:
    """Put the close on the chain and erase the blind-signing key of every election whose window ended."""
    from solidarity.elections import services  # here, not above: app start-up stays light

    closed = services.close_due_elections()
    if closed:
        log.info("elections: %d ballot boxes closed", closed)
