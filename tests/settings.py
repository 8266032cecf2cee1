"""Settings for the test suite: the same environment-driven settings, with test defaults.

This lives outside the `solidarity.settings` package on purpose: importing a module inside it
would evaluate the package (the settings) before the defaults below are set.

pytest-django imports the settings before any conftest runs, so the defaults are set here:
the test environment (a fast password hasher) and a throwaway data directory.
"""

import os
import tempfile

os.environ.setdefault("SOLIDARITY_ENV", "test")
# True in the process that made the throwaway data directory (pytest's main process), which removes
# it when the run ends (tests/conftest.py); parallel workers inherit the variable and leave it be.
TEST_DATA_DIR_IS_OURS = "SOLIDARITY_DATA_DIR" not in os.environ
os.environ.setdefault("SOLIDARITY_DATA_DIR", tempfile.mkdtemp(prefix="solidarity-test-"))

from solidarity.settings import *  # noqa: E402, F403  (the settings above, with these defaults)

# Parallel workers share one Redis: each process keeps its keys under a prefix of its own. This is
# set here, not through the environment, which the workers inherit from the process that starts them.
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"{CACHES['default']['KEY_PREFIX']}-test-{os.getpid()}"  # noqa: F405

# SQLite: the test database is a file, not memory. Django's live server shares an in-memory
# database's one connection between its request threads and the test's thread, so two requests at
# once (a page and its service worker, say) run on one connection and fail ("cannot start a
# transaction within a transaction"). With a file each thread has its own connection, in WAL mode
# with the write lock taken up front: the embedded default's own concurrency, tested as it runs.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405
