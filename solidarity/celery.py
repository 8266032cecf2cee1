"""The Celery application for running background jobs at scale (`SOLIDARITY_JOBS=celery`).

Start a worker with `celery -A solidarity worker`. Every job travels as one generic task that
names the registered task function, so task code never depends on Celery.
"""

from __future__ import annotations

import os
from typing import Any

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solidarity.settings")

RUN_TASK = "solidarity.run_task"


def run_registered(name: str, kwargs: dict[str, Any]) -> None:
    """Run the registered task function `name` with `kwargs`."""
    from solidarity.core import jobs

    jobs.resolve(name)(**kwargs)


def make_app(broker_url: str | None = None) -> Celery:
    """Build a Celery app on the configured broker (or on `broker_url`)."""
    celery = Celery("solidarity")
    celery.config_from_object("django.conf:settings", namespace="CELERY")
    celery.conf.update(
        task_acks_late=True,  # a job whose worker dies goes back to the queue
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_serializer="json",
        accept_content=["json"],
        broker_connection_retry_on_startup=True,
    )
    if broker_url:
        celery.conf.update(broker_url=broker_url)
    celery.task(name=RUN_TASK)(run_registered)
    return celery


app = make_app()
