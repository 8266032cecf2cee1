"""The jobs seam: the embedded queue claims, retries and reclaims; Celery runs the same tasks."""

from __future__ import annotations

import os
import socket
import time
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.db import transaction
from django.utils import timezone

from solidarity.core import jobs
from solidarity.core.models import Job

CALLS: list[dict[str, object]] = []


@jobs.task
def remember(*, value: int) -> None:
    CALLS.append({"value": value})


@jobs.task
def fail_twice(*, key: str) -> None:
    CALLS.append({"key": key})
    if len([c for c in CALLS if c.get("key") == key]) <= 2:
        raise RuntimeError("transient")


@pytest.fixture(autouse=True)
def _fresh_calls():
    CALLS.clear()


@pytest.mark.django_db(transaction=True)
def test_embedded_jobs_commit_with_their_transaction_then_run_once(settings):
    settings.JOBS_BACKEND = "embedded"
    with transaction.atomic():
        jobs.enqueue_on_commit(remember, value=7)
        # Written in the caller's transaction: one commit carries the data and its job.
        assert Job.objects.count() == 1
    assert Job.objects.get().status == Job.Status.QUEUED
    assert jobs.run_pending() == 1
    assert CALLS == [{"value": 7}]
    assert Job.objects.get().status == Job.Status.DONE
    assert jobs.run_pending() == 0


class Refused(Exception):
    pass


def _enqueue_then_fail(value: int) -> None:
    with transaction.atomic():
        jobs.enqueue_on_commit(remember, value=value)
        raise Refused


@pytest.mark.django_db(transaction=True)
def test_an_embedded_job_rolls_back_with_its_transaction(settings):
    settings.JOBS_BACKEND = "embedded"
    with pytest.raises(Refused):
        _enqueue_then_fail(8)
    assert Job.objects.count() == 0
    assert jobs.run_pending() == 0
    assert CALLS == []


@pytest.mark.django_db(transaction=True)
def test_other_backends_get_the_job_only_after_the_commit(settings):
    settings.JOBS_BACKEND = "immediate"
    with transaction.atomic():
        jobs.enqueue_on_commit(remember, value=9)
        assert CALLS == []
    assert CALLS == [{"value": 9}]
    with pytest.raises(Refused):
        _enqueue_then_fail(10)
    assert CALLS == [{"value": 9}]


@pytest.mark.django_db
def test_a_failing_job_is_retried_with_backoff_and_not_lost(settings):
    settings.JOBS_BACKEND = "embedded"
    jobs.enqueue(fail_twice, key="a")
    for _ in range(3):
        Job.objects.update(run_after=timezone.now())  # skip the backoff wait
        jobs.run_pending()
    job = Job.objects.get()
    assert job.status == Job.Status.DONE
    assert job.attempts == 3


@pytest.mark.django_db
def test_a_job_whose_worker_died_is_claimed_again(settings):
    settings.JOBS_BACKEND = "embedded"
    jobs.enqueue(remember, value=1)
    first = jobs.claim_next("worker-that-dies")
    assert first is not None
    assert jobs.claim_next("other") is None  # running elsewhere: not claimed twice
    Job.objects.update(claimed_at=timezone.now() - jobs.STALE_AFTER - timedelta(seconds=1))
    again = jobs.claim_next("other")
    assert again is not None and again.pk == first.pk and again.attempts == 2


@pytest.mark.django_db
def test_unregistered_functions_are_refused():
    def stray() -> None:
        pass

    with pytest.raises(jobs.UnknownTaskError):
        jobs.enqueue(stray)


def broker_reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 5672), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.parametrize("broker", ["amqp://guest:guest@127.0.0.1:5672//", "redis://127.0.0.1:6379/1"])
def test_celery_runs_the_same_task_functions(broker, settings, monkeypatch):
    """Send a task through a real broker to an in-process Celery worker."""
    if not broker_reachable(broker):
        if os.environ.get("CI"):
            pytest.fail(f"CI must provide the broker at {broker}")
        pytest.skip(f"no broker at {broker}")
    from celery.contrib.testing.worker import start_worker

    from solidarity import celery

    settings.JOBS_BACKEND = "celery"
    app = celery.make_app(broker)
    # A queue of this run's own, so messages left by an interrupted earlier run cannot answer.
    app.conf.task_default_queue = f"solidarity-test-{os.getpid()}-{time.monotonic_ns()}"
    monkeypatch.setattr(celery, "app", app)
    # A generous shutdown timeout: on a loaded machine the AMQP consumer took more than 10 s to stop,
    # and the worker thread it left behind kept the test process from ever exiting.
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING", shutdown_timeout=60):
        jobs.enqueue(remember, value=42)
        deadline = timezone.now() + timedelta(seconds=20)
        while not CALLS and timezone.now() < deadline:
            time.sleep(0.05)
    assert CALLS == [{"value": 42}]


@jobs.periodic(every=timedelta(hours=6))
def tick() -> None:
    CALLS.append({"tick": True})


@pytest.mark.django_db
def test_periodic_tasks_queue_themselves_when_due_and_never_twice(settings):
    settings.JOBS_BACKEND = "embedded"
    name = jobs.task_name(tick)
    assert jobs.periodic_tasks()[name] == timedelta(hours=6)
    start = timezone.now()
    assert name in jobs.schedule_periodic(now=start)
    assert name not in jobs.schedule_periodic(now=start + timedelta(hours=7))  # still queued: not again
    jobs.run_pending()
    assert CALLS.count({"tick": True}) == 1
    assert name not in jobs.schedule_periodic(now=start + timedelta(hours=5))  # ran, not yet due
    assert name in jobs.schedule_periodic(now=start + timedelta(hours=6))
    assert Job.objects.filter(task=name).count() == 2


def test_celery_beat_runs_the_same_periodic_tasks():
    from solidarity import celery

    app = celery.make_app("memory://")
    schedule = app.conf.beat_schedule
    for name, every in jobs.periodic_tasks().items():
        entry = schedule[name]
        assert entry["task"] == celery.RUN_TASK
        assert entry["schedule"] == every.total_seconds()
        assert entry["kwargs"] == {"name": name, "kwargs": {}}
    assert "solidarity.relay.tasks.purge_expired_daily" in schedule  # registered by the relay app at start-up
