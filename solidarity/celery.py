"""The Celery application for running background jobs at scale (`SOLIDARITY_JOBS=celery`).

Start a worker with `celery -A solidarity worker`, and one scheduler for the periodic tasks with
`celery -A solidarity beat`. Every job travels as one generic task that names the registered task
function, so task code never depends on Celery. This module imports the kernel (lazily, once Django
is set up); the kernel never imports it: `JOB_BACKENDS["celery"]` names `CeleryBackend` by its path.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solidarity.settings")

RUN_TASK = "solidarity.run_task"


def run_registered(name: str, kwargs: dict[str, Any]) -> None:
    """Run the registered task function `name` with `kwargs`."""
    from solidarity.core import jobs

    jobs.resolve(name)(**kwargs)


class CeleryBackend:
    """Send a job to the Celery workers as the one generic task (`SOLIDARITY_JOBS=celery`)."""

    def enqueue(self, name: str, func: Callable[..., Any], kwargs: dict[str, Any]) -> None:
        app.send_task(RUN_TASK, kwargs={"name": name, "kwargs": kwargs})


def beat_schedule() -> dict[str, dict[str, Any]]:
    """Celery beat's schedule: every periodic task of the jobs registry, as the generic task."""
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    from solidarity.core import jobs

    return {
        name: {"task": RUN_TASK, "schedule": every.total_seconds(), "kwargs": {"name": name, "kwargs": {}}}
        for name, every in sorted(jobs.periodic_tasks().items())
    }


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
    # Read when beat starts (after Django's apps are loaded), not when this module is imported.
    celery.on_after_configure.connect(lambda sender, **_: sender.conf.update(beat_schedule=beat_schedule()), weak=False)
    return celery


app = make_app()
