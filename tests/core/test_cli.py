"""The `solidarity` command: `run` on a fresh data directory builds the demo, prints the URL and how to
sign in as each role, and serves both languages; a restart prints the sign-ins again; `demo-code`
prints the code of the printed key; production refuses the demo."""

from __future__ import annotations

import base64
import os
import random
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django_otp.oath import totp

from solidarity.core import demo as core_demo
from solidarity.core.models import User
from solidarity.demo import DemoContext
from tests.core.test_deploy import production_env

ROOT = Path(__file__).resolve().parents[2]
COMMAND = [sys.executable, "-m", "solidarity.cli"]
KEY_LINE = re.compile(r"^\s+(\w+)\s+password (\S+)\s+TOTP key ([A-Z2-7]+)", re.MULTILINE)


@pytest.mark.django_db
def test_sign_in_notes_list_the_demo_accounts_that_keep_their_demo_password():
    core_demo.build(DemoContext(rng=random.Random(1), progress=lambda _text: None))
    printed = "\n".join(f"  {note}" for note in core_demo.sign_in_notes())
    assert {match[0] for match in KEY_LINE.findall(printed)} == {account.username for account in core_demo.ACCOUNTS}
    organizer = User.objects.get(username="organizer")
    organizer.set_password("a password of the operator's own 42")
    organizer.save()
    assert not any(note.startswith("organizer ") for note in core_demo.sign_in_notes())


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def embedded_env(data_dir: Path, port: int) -> dict[str, str]:
    dropped = ("SOLIDARITY_", "DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    return env | {"SOLIDARITY_DATA_DIR": str(data_dir), "PORT": str(port), "PYTHONUNBUFFERED": "1"}


@contextmanager
def serve(env: dict[str, str], log: Path) -> Iterator[str]:
    """Start `solidarity run`, wait until it says it is running, yield its output, then stop it."""
    with log.open("w") as out:
        process = subprocess.Popen([*COMMAND, "run"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603  (fixed argument list)
    try:
        deadline = time.monotonic() + 600
        while "Press Ctrl+C" not in log.read_text():
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
        yield log.read_text()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def fetch(port: int, path: str) -> tuple[int, str]:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
                return int(response.status), response.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@pytest.mark.slow
def test_run_builds_the_demo_prints_the_sign_ins_and_serves_both_languages(tmp_path: Path):
    port = free_port()
    env = embedded_env(tmp_path / "data", port)
    log = tmp_path / "run.log"
    with serve(env, log) as output:
        assert f"http://127.0.0.1:{port}/" in output
        accounts = {username: (password, key) for username, password, key in KEY_LINE.findall(output)}
        assert set(accounts) == {account.username for account in core_demo.ACCOUNTS}
        assert fetch(port, "/healthz") == (200, "ok")
        status, english = fetch(port, "/en/coalition/")
        assert status == 200 and 'dir="ltr"' in english
        status, persian = fetch(port, "/fa/coalition/representation/")
        assert status == 200 and 'dir="rtl"' in persian
        assert re.search("[۰-۹]", persian)  # Persian digits
    # The printed key is the one the account has: `demo-code` prints the code it gives now.
    key = accounts["organizer"][1]
    code = subprocess.run(  # noqa: S603  (fixed argument list)
        [*COMMAND, "demo-code", "organizer"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    ).stdout.strip()
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    assert code in {f"{totp(secret, t0=0, step=30, digits=6, drift=drift):06d}" for drift in (-1, 0, 1)}
    # A restart keeps the data and prints the sign-ins again, with the same keys.
    with serve(env, tmp_path / "restart.log") as output:
        assert "building the demo" not in output
        assert {username: (password, key) for username, password, key in KEY_LINE.findall(output)} == accounts


def test_production_refuses_the_demo():
    for command in (["demo"], ["demo-code", "organizer"]):
        result = subprocess.run(  # noqa: S603  (fixed argument list)
            [*COMMAND, *command],
            cwd=ROOT,
            env=production_env(DJANGO_SETTINGS_MODULE="solidarity.settings"),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode != 0 and "refused, SOLIDARITY_ENV=production" in result.stderr, command


def test_serve_refuses_several_workers_that_would_each_keep_their_own_cache(tmp_path: Path):
    """Without Redis, each page worker would have its own spent tokens and limits (issue 12)."""
    env = production_env(
        DJANGO_SETTINGS_MODULE="solidarity.settings", SOLIDARITY_DATA_DIR=str(tmp_path), SOLIDARITY_WEB_WORKERS="3"
    )
    result = subprocess.run(  # noqa: S603  (fixed argument list)
        [*COMMAND, "serve"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode != 0 and "Set REDIS_URL" in result.stderr
    assert not (tmp_path / "solidarity.sqlite3").exists()  # refused before migrating anything


def test_one_worker_or_a_shared_cache_is_enough(settings):
    from solidarity import cli

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert cli.unshared_cache(1) == ""
    assert "REDIS_URL" in cli.unshared_cache(2)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://x"}}
    assert cli.unshared_cache(9) == ""


@pytest.mark.django_db(transaction=True)
def test_serve_leaves_no_connection_for_its_forked_workers_to_share():
    """`serve` migrates, then gunicorn forks: an open connection would be shared by every worker."""
    from django.core.cache import cache
    from django.db import connection

    from solidarity import cli

    if connection.vendor == "sqlite" and connection.is_in_memory_db():  # type: ignore[attr-defined]
        pytest.skip("Django never closes an in-memory test database; the PostgreSQL run checks this")
    User.objects.exists()  # as the migrations do: a connection is open in this process
    cache.set("serve-test", 1)
    assert connection.connection is not None
    cli.close_before_fork()
    assert connection.connection is None
    assert User.objects.count() >= 0  # and the next query opens a connection of its own
