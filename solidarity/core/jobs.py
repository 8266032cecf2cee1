"""The one seam that knows how background jobs run.

Task functions are plain functions that take primary keys and other JSON values as keyword
arguments and call a service. `enqueue` hands them to the backend named by `JOBS_BACKEND`
(`SOLIDARITY_JOBS`), a class found by its dotted path in `JOB_BACKENDS`:

- "embedded" (the default, `EmbeddedBackend`): a row in the `Job` table, run by a worker thread in
  the serving process (or by `solidarity worker`). Workers claim rows with a conditional UPDATE, so
  several can share one database; a job whose worker died is claimed again after `STALE_AFTER`.
- "celery" (`solidarity.celery.CeleryBackend`): the same function, run by a Celery worker over
  `CELERY_BROKER_URL` (Redis or RabbitMQ). This module never imports Celery; the Celery module
  imports this one.
- "immediate" (`ImmediateBackend`): run at once in the caller (for tests and one-off commands).

Tasks must be idempotent: a job may run again after a crash.

Periodic tasks (`@jobs.periodic(every=...)`, no arguments) run by themselves: the embedded worker
queues each one when it falls due, and under Celery the same registry is Celery beat's schedule
(`celery -A solidarity beat`). Their modules are imported by their app's `ready()`.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache
from typing import Any, ParamSpec, Protocol, TypeVar

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from solidarity.core.models import Job

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

STALE_AFTER = timedelta(minutes=10)
SCHEDULE_EVERY_SECONDS = 60.0  # how often the embedded worker looks for periodic tasks that fell due
_registry: dict[str, Callable[..., Any]] = {}
_periodic: dict[str, timedelta] = {}


class UnknownTaskError(LookupError):
    """A job names a task that no module registered."""


def task(func: Callable[P, R]) -> Callable[P, R]:
    """Register a function as a background task, by its dotted name."""
    _registry[task_name(func)] = func
    return func


def periodic(*, every: timedelta) -> Callable[[Callable[[], R]], Callable[[], R]]:
    """Register a task without arguments that runs by itself once every `every`."""

    def register(func: Callable[[], R]) -> Callable[[], R]:
        task(func)
        _periodic[task_name(func)] = every
        return func

    return register


def periodic_tasks() -> dict[str, timedelta]:
    """Every registered periodic task by name, with its interval."""
    return dict(_periodic)


def schedule_periodic(*, now: datetime | None = None) -> list[str]:
    """Queue each periodic task that is due on the embedded queue; return the names queued.

    A task is due when none of its jobs is queued or running and the last one was queued at least
    its interval ago. Two workers racing may queue it twice; tasks are idempotent.
    """
    now = now or timezone.now()
    queued = []
    for name, every in _periodic.items():
        jobs = Job.objects.filter(task=name)
        if jobs.filter(status__in=[Job.Status.QUEUED, Job.Status.RUNNING]).exists():
            continue
        last = jobs.order_by("-created_at").values_list("created_at", flat=True).first()
        if last is None or now - last >= every:
            Job.objects.create(task=name, kwargs={}, run_after=now, created_at=now)
            queued.append(name)
    return queued


def task_name(func: Callable[..., Any]) -> str:
    return f"{func.__module__}.{func.__qualname__}"


def resolve(name: str) -> Callable[..., Any]:
    """Return the registered task function of that name, importing its module if needed."""
    if name not in _registry:
        module = name.rsplit(".", 1)[0]
        __import__(module)
    try:
        return _registry[name]
    except KeyError as error:
        raise UnknownTaskError(name) from error


class JobBackend(Protocol):
    """Hands a registered task over to whatever runs it."""

    def enqueue(self, name: str, func: Callable[..., Any], kwargs: dict[str, Any]) -> None:
        """Have `func(**kwargs)` run; `name` is its registered name, which is what travels."""


class EmbeddedBackend:
    """Queue a row in the `Job` table and wake the embedded worker."""

    # The queue is a table of the same database: a job written inside the caller's transaction
    # commits, or rolls back, with the data it refers to (see `enqueue_on_commit`).
    joins_transaction = True

    def enqueue(self, name: str, func: Callable[..., Any], kwargs: dict[str, Any]) -> None:
        Job.objects.create(task=name, kwargs=kwargs)
        # Inside a transaction the worker could not see the row yet: wake it once it can.
        transaction.on_commit(_wake.set)


class ImmediateBackend:
    """Run the task at once in the caller."""

    def enqueue(self, name: str, func: Callable[..., Any], kwargs: dict[str, Any]) -> None:
        func(**kwargs)


@cache
def _backend_at(path: str) -> JobBackend:
    backend: JobBackend = import_string(path)()
    return backend


def backend() -> JobBackend:
    """Return the configured backend (`JOB_BACKENDS[JOBS_BACKEND]`)."""
    return _backend_at(settings.JOB_BACKENDS[settings.JOBS_BACKEND])


def enqueue(func: Callable[..., Any], **kwargs: Any) -> None:
    """Run `func(**kwargs)` in the background on the configured backend."""
    name = task_name(func)
    if name not in _registry:
        raise UnknownTaskError(f"{name} is not decorated with @jobs.task")
    backend().enqueue(name, func, kwargs)


def enqueue_on_commit(func: Callable[..., Any], **kwargs: Any) -> None:
    """Have the job run only if, and once, the current transaction commits (at once outside one).

    A backend whose queue lives in the same database (the embedded one) writes the job inside the
    transaction: it commits with the data it refers to, in the same commit, or rolls back with it,
    and no worker sees it before. That is one commit a request instead of two (the relay's intake
    on PostgreSQL, issue 12), and no window in which the data is committed but its job is not.
    Any other backend (Celery, immediate) is handed the job after the commit.
    """
    if transaction.get_connection().in_atomic_block and getattr(backend(), "joins_transaction", False):
        enqueue(func, **kwargs)
        return
    transaction.on_commit(lambda: enqueue(func, **kwargs))


def claim_next(worker_id: str) -> Job | None:
    """Claim the oldest due job for this worker, or return None when none is due."""
    now = timezone.now()
    Job.objects.filter(status=Job.Status.RUNNING, claimed_at__lt=now - STALE_AFTER).update(status=Job.Status.QUEUED)
    for candidate in (
        Job.objects.filter(status=Job.Status.QUEUED, run_after__lte=now)
        .order_by("run_after", "id")
        .values_list("id", flat=True)[:5]
    ):
        claimed = Job.objects.filter(id=candidate, status=Job.Status.QUEUED).update(
            status=Job.Status.RUNNING, claimed_at=now, claimed_by=worker_id, attempts=F("attempts") + 1
        )
        if claimed:
            return Job.objects.get(id=candidate)
    return None


def run_job(job: Job) -> None:
    """Run a claimed job and record how it ended; failures are retried with backoff."""
    try:
        resolve(job.task)(**job.kwargs)
    except Exception as error:  # any failure of the task is recorded and retried, never lost
        log.warning("job %s (%s) failed: %s", job.pk, job.task, type(error).__name__)
        finished = job.attempts >= job.max_attempts
        Job.objects.filter(id=job.pk).update(
            status=Job.Status.FAILED if finished else Job.Status.QUEUED,
            run_after=timezone.now() + timedelta(seconds=2 ** min(job.attempts, 10)),
            last_error=traceback.format_exc(limit=5)[-4000:],
        )
    else:
        Job.objects.filter(id=job.pk).update(status=Job.Status.DONE, finished_at=timezone.now())


def run_pending(*, worker_id: str = "inline", limit: int = 1000) -> int:
    """Run due jobs until none is left (or `limit` ran); return how many ran."""
    count = 0
    while count < limit and (job := claim_next(worker_id)) is not None:
        run_job(job)
        count += 1
    return count


_wake = threading.Event()


def work_forever(*, stop: threading.Event, poll_seconds: float = 2.0) -> None:
    """Run jobs as they come until `stop` is set (the embedded worker's loop)."""
    worker_id = f"embedded-{uuid.uuid4().hex[:8]}"
    next_schedule = 0.0
    while not stop.is_set():
        close_old_connections()
        try:
            if time.monotonic() >= next_schedule:
                schedule_periodic()
                next_schedule = time.monotonic() + SCHEDULE_EVERY_SECONDS
            ran = run_pending(worker_id=worker_id, limit=100)
        except Exception:  # a database hiccup must not kill the worker thread
            log.exception("embedded job worker: claiming failed; retrying")
            ran = 0
        if not ran:
            _wake.wait(poll_seconds)
            _wake.clear()


def start_embedded_worker() -> threading.Event:
    """Start the embedded worker in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(target=work_forever, kwargs={"stop": stop}, name="solidarity-jobs", daemon=True).start()
    return stop
