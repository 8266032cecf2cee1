"""The Celery application for running background jobs at scale (`SOLIDARITY_JOBS=celery`).

Start a worker with `celery -A solidarity worker`. Every job travels as one generic task that
names the registered task function, so task code never depends on Celery.
"""

from __future__ import annotations

import os
from typing import Any

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solidarity.settings")

app = Celery("solidarity")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    task_acks_late=True,  # a job whose worker dies goes back to the queue
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_serializer="json",
    accept_content=["json"],
    broker_connection_retry_on_startup=True,
)


@app.task(name="solidarity.run_task")
def run_task(name: str, kwargs: dict[str, Any]) -> None:
    """Run the registered task function `name` with `kwargs`."""
    from solidarity.core import jobs

    jobs.resolve(name)(**kwargs)
