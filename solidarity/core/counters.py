"""Counters in the cache that expire: rate limits, budgets, flood breakers, page generations.

Django's cache API counts in three round trips to Redis (`add` fails, then `incr` checks that the
key exists and increments it), and the relay's intake counts three or four things per message
(issue 12). On Redis this is one round trip: `SET key initial NX EX timeout` and `INCR key` in one
MULTI, so the counter is created with its expiry and incremented atomically. Django's Redis cache
stores integers as they are (not pickled), so `cache.get` reads these counters back. Any other
cache (the in-process one, a database) goes through Django's API.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache


def _redis_client(key: str) -> Any:
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return None
    # Django's own Redis client (private, but stable since Django 4.0): the one its cache uses.
    return backend._cache.get_client(key, write=True)


def increment(key: str, *, timeout: int | None, initial: int = 0) -> int:
    """Add one to the counter `key` and return its value.

    A counter that does not exist starts at `initial` (so its first increment returns
    `initial + 1`) and expires `timeout` seconds after it was created (None: never; at least 1).
    """
    if timeout is not None:
        timeout = max(1, int(timeout))
    full_key = caches["default"].make_and_validate_key(key)
    client = _redis_client(full_key)
    if client is not None:
        pipeline = client.pipeline(transaction=True)
        pipeline.set(full_key, initial, ex=timeout, nx=True)
        pipeline.incr(full_key)
        return int(pipeline.execute()[1])
    if cache.add(key, initial + 1, timeout=timeout):
        return initial + 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.add(key, initial + 1, timeout=timeout)
        return initial + 1
