"""Counters in the cache: one round trip on Redis, the same answers on every cache."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from pytest_django.fixtures import Settings as SettingsWrapper

from solidarity.core import counters

REDIS = "redis://127.0.0.1:6379/0"


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(params=["in-process", "redis"])
def backend(request: pytest.FixtureRequest, settings: SettingsWrapper) -> Iterator[str]:
    if request.param == "redis":
        if not _redis_reachable():
            if os.environ.get("CI"):
                pytest.fail(f"CI must provide Redis at {REDIS}")
            pytest.skip(f"no Redis at {REDIS}")
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS,
                # This run's own keys, so runs sharing the server never meet.
                "KEY_PREFIX": f"test-counters-{os.getpid()}-{time.monotonic_ns()}",
            }
        }
    else:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.delete_many(["count", "generation", "short", "crowd"])
    yield request.param
    cache.delete_many(["count", "generation", "short", "crowd"])


def test_a_counter_starts_at_one_and_django_reads_it(backend: str) -> None:
    assert [counters.increment("count", timeout=60) for _ in range(3)] == [1, 2, 3]
    assert cache.get("count") == 3
    # A generation nobody read yet stands for 1: its first bump makes it 2.
    assert counters.increment("generation", timeout=None, initial=1) == 2
    assert counters.increment("generation", timeout=None, initial=1) == 3


def test_a_counter_expires_with_its_window(backend: str) -> None:
    assert counters.increment("short", timeout=1) == 1
    assert counters.increment("short", timeout=1) == 2
    time.sleep(1.3)
    assert counters.increment("short", timeout=1) == 1


def test_no_increment_is_lost_between_threads(backend: str) -> None:
    def count() -> None:
        for _ in range(50):
            counters.increment("crowd", timeout=60)

    threads = [threading.Thread(target=count) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.get("crowd") == 200
