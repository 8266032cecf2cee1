#!/usr/bin/env python3
"""Set up and run Solidarity with nothing but python3: `python3 dev.py run` or `python3 dev.py test`.

- run:   make .venv, install the hashed lock, then `solidarity run` (embedded default, demo data).
- test:  make .venv, install the hashed lock, then every check CI runs: format, lint, types,
         security lint, migrations, translations, dependency audit, and the test suite.
- lock:  re-resolve requirements/lock.txt from pyproject.toml (needs the registry; uses uv).

Only the standard library is used here, so this file runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
LOCK = ROOT / "requirements" / "lock.txt"
STAMP = VENV / ".solidarity-installed"
REPORT = ROOT / "artifacts" / "pytest-report.xml"  # read back: a run in which no test ran fails


def say(text: str) -> None:
    print(f"\033[1m==> {text}\033[0m" if sys.stdout.isatty() else f"==> {text}", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT, env=env)  # noqa: S603  (fixed argument lists)


def must(*args: str | Path, env: dict[str, str] | None = None) -> None:
    code = run(*args, env=env)
    if code:
        raise SystemExit(code)


def ensure_environment() -> None:
    """Create .venv and install exactly the locked, hashed dependencies when they changed."""
    if sys.version_info[:2] != (3, 11):
        say(f"warning: Solidarity targets Python 3.11; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        say("creating the virtual environment in .venv")
        must(sys.executable, "-m", "venv", VENV)
    wanted = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    say("installing the locked dependencies (hash-checked; a minute or two the first time)")
    quiet = [] if os.environ.get("CI") else ["--quiet"]
    must(
        BIN / "python",
        "-m",
        "pip",
        "install",
        *quiet,
        "--disable-pip-version-check",
        "--require-hashes",
        "--no-deps",
        "-r",
        LOCK,
    )
    must(
        BIN / "python",
        "-m",
        "pip",
        "install",
        *quiet,
        "--disable-pip-version-check",
        "--no-deps",
        "--no-build-isolation",
        "-e",
        ROOT,
    )
    STAMP.write_text(wanted)


def command_run() -> None:
    ensure_environment()
    os.execv(BIN / "solidarity", [str(BIN / "solidarity"), "run"])  # noqa: S606  (replaces this process)


def tests_ran(report: Path) -> int:
    """How many tests ran (neither skipped nor deselected), from pytest's JUnit XML report."""
    import xml.etree.ElementTree as ET

    suites = ET.parse(report).getroot().iter("testsuite")  # noqa: S314  (pytest's own report of this run)
    return sum(int(suite.get("tests", 0)) - int(suite.get("skipped", 0)) for suite in suites)


def command_test(pytest_args: list[str]) -> None:
    ensure_environment()
    env = dict(os.environ)
    env.setdefault("SOLIDARITY_ENV", "test")
    database = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    steps: list[tuple[str, list[str | Path]]] = [
        ("format (ruff format --check)", [BIN / "ruff", "format", "--check", "."]),
        ("lint (ruff check)", [BIN / "ruff", "check", "."]),
        ("types (mypy --strict)", [BIN / "mypy", "solidarity", "evaluation", "bench", "tests", "scripts", "dev.py"]),
        ("security lint (bandit -ll)", [BIN / "bandit", "-q", "-ll", "-r", "solidarity", "-c", "pyproject.toml"]),
        (
            "migrations are generated (makemigrations --check)",
            [BIN / "python", "manage.py", "makemigrations", "--check", "--dry-run"],
        ),
        ("translations compiled and complete", [BIN / "python", "-m", "solidarity.core.i18n", "check"]),
        # pip-audit needs the PyPI JSON API or OSV, which this network does not reach: the pins are
        # checked offline against a vendored, dated snapshot of pypa/advisory-database instead.
        ("known vulnerabilities in the lock (offline advisory snapshot)", [BIN / "python", "scripts/audit_lock.py"]),
        # --create-db: never trust a test database an earlier run left with other migrations.
        (
            f"test suite on {database}",
            [BIN / "pytest", "-n", "2", "--dist", "loadfile", "--create-db", f"--junitxml={REPORT}", *pytest_args],
        ),
    ]
    failed: list[str] = []
    for title, argv in steps:
        started = time.monotonic()
        say(title)
        code = run(*argv, env=env)
        say(f"{title}: {'ok' if code == 0 else f'FAILED (exit {code})'} in {time.monotonic() - started:.0f} s")
        if code == 0 and argv[0] == BIN / "pytest" and tests_ran(REPORT) == 0:
            say(f"{title}: no test ran (every one was skipped or deselected)")
            code = 1
        if code:
            failed.append(title)
    if failed:
        say("failed: " + "; ".join(failed))
        raise SystemExit(1)
    say("all checks passed")


def command_lock() -> None:
    ensure_environment()
    must(
        BIN / "uv",
        "pip",
        "compile",
        "pyproject.toml",
        "--extra",
        "dev",
        "--generate-hashes",
        "--python-version",
        "3.11",
        "--quiet",
        "-o",
        LOCK,
    )


def main() -> None:
    args = sys.argv[1:]
    if not args or args[0] not in {"run", "test", "lock"}:
        print(__doc__)
        raise SystemExit(2)
    if args[0] == "run":
        command_run()
    elif args[0] == "test":
        command_test(args[1:])
    else:
        command_lock()


if __name__ == "__main__":
    main()
