"""A time budget for extracting one document, checked between stages and sentences.

No signal and no second thread: ingestion runs in the background-job worker thread (or a Celery
worker, or a command), where `signal.alarm` cannot be used, and a thread cannot be stopped from
outside. Instead the extractor calls `check()` between its stages and between sentences, and a
document that has used up its budget raises `OverBudget` there, leaving nothing half-written (the
caller stores a document only after its extraction returns).

The budget counts the CPU time of the thread doing the work (`time.thread_time`), so a machine busy
with other work does not refuse a document that would fit, and the budget holds per thread: each
worker has its own (a context variable). Outside `limit()` — the evaluation, the benchmark, tests of
the rules — `check()` does nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

# (CPU-time deadline of this thread, the budget in seconds) while a document is being extracted.
_deadline: ContextVar[tuple[float, float] | None] = ContextVar("monitor_extraction_deadline", default=None)


class OverBudget(Exception):
    """The document's extraction used more than its budget of CPU seconds."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"extraction took more than {seconds:g} s")
        self.seconds = seconds


@contextmanager
def limit(seconds: float) -> Iterator[None]:
    """Give the extraction run inside the block `seconds` of this thread's CPU time."""
    token = _deadline.set((time.thread_time() + seconds, seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise OverBudget when the current document has used up its budget (no-op without one)."""
    current = _deadline.get()
    if current is not None and time.thread_time() > current[0]:
        raise OverBudget(current[1])


def paced(items: Iterable[T]) -> Iterator[T]:
    """Yield the items, checking the budget before each (a sentence, a group, a stage's unit)."""
    for item in items:
        check()
        yield item
