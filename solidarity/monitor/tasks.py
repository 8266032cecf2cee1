"""Background tasks of the monitor: large ingestions run one file per job on the queue."""

from __future__ import annotations

import logging
from pathlib import Path

from solidarity.core import jobs
from solidarity.monitor import services
from solidarity.monitor.models import Source
from solidarity.monitor.sources.readers import ReadError, read_path

log = logging.getLogger(__name__)


@jobs.task
def ingest_file(*, path: str, source_id: int | None = None) -> None:
    """Ingest one file (idempotent: a document already stored is skipped by its content hash)."""
    source = Source.objects.filter(pk=source_id).first() if source_id else None
    stored = unreadable = 0
    for item in read_path(Path(path), services.reading_limits()):
        if isinstance(item, ReadError):
            unreadable += 1
            log.warning("monitor ingest job: skipped %s: %s", item.origin, item.reason)
            continue
        try:
            stored += services.ingest_document(raw=item, source=source).created
        except services.DocumentRefused as refused:
            unreadable += 1
            log.warning("monitor ingest job: skipped %s", refused)
    log.info("monitor ingest job: %d stored, %d unreadable or refused", stored, unreadable)
