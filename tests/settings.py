"""Settings for the test suite: the same environment-driven settings, with test defaults.

This lives outside the `solidarity.settings` package on purpose: importing a module inside it
would evaluate the package (the settings) before the defaults below are set.

pytest-django imports the settings before any conftest runs, so the defaults are set here:
the test environment (a fast password hasher) and a throwaway data directory.
"""

import os
import tempfile

os.environ.setdefault("SOLIDARITY_ENV", "test")
os.environ.setdefault("SOLIDARITY_DATA_DIR", tempfile.mkdtemp(prefix="solidarity-test-"))

from solidarity.settings import *  # noqa: F403  (the settings above, with these defaults)

# Parallel workers share one Redis: each process keeps its keys under a prefix of its own. This is
# set here, not through the environment, which the workers inherit from the process that starts them.
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"{CACHES['default']['KEY_PREFIX']}-test-{os.getpid()}"  # noqa: F405
