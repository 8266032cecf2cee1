#!/usr/bin/env python3
"""Set up and run Solidarity with nothing but python3: `python3 dev.py run` or `python3 dev.py test`.

- run:   make .venv, install the runtime lock (requirements/runtime.txt), then `solidarity run`
         (embedded default, demo data).
- test:  make .venv, install the development lock (requirements/dev.txt: the runtime pins plus the
         dev extra), then every check CI runs: format, lint, types, security lint, migrations,
         translations, dependency audit, and the test suite.
- lock:  re-resolve both locks from pyproject.toml (needs the registry; uses uv from the dev lock).

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
RUNTIME_LOCK = ROOT / "requirements" / "runtime.txt"  # [project].dependencies + the build backend
DEV_LOCK = ROOT / "requirements" / "dev.txt"  # the same pins + the dev extra
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


def lock_digest(dev: bool) -> str:
    """What the stamp records: which lock was installed, and a hash of it and of pyproject.toml."""
    locks = [RUNTIME_LOCK, DEV_LOCK] if dev else [RUNTIME_LOCK]
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in [*locks, ROOT / "pyproject.toml"]))
    return f"{'dev' if dev else 'runtime'}:{digest.hexdigest()}"


def ensure_environment(dev: bool = True) -> None:
    """Create .venv and install exactly the locked, hashed dependencies when they changed.

    ``dev=False`` installs the runtime lock only (production-like); ``dev=True`` the development
    lock, a superset. A venv stamped with the current development lock also serves ``run``.
    """
    if sys.version_info[:2] != (3, 11):
        say(f"warning: Solidarity targets Python 3.11; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        say("creating the virtual environment in .venv")
        must(sys.executable, "-m", "venv", VENV)
    wanted = lock_digest(dev)
    installed = STAMP.read_text() if STAMP.exists() else ""
    if installed == wanted or (not dev and installed == lock_digest(True)):
        return
    lock = DEV_LOCK if dev else RUNTIME_LOCK
    say(f"installing the locked {'development' if dev else 'runtime'} dependencies (hash-checked; a minute or two)")
    quiet = [] if os.environ.get("CI") else ["--quiet"]
    pip: list[str | Path] = [BIN / "python", "-m", "pip", "install", *quiet, "--disable-pip-version-check"]
    must(*pip, "--require-hashes", "--no-deps", "-r", lock)
    must(*pip, "--no-deps", "--no-build-isolation", "-e", ROOT)
    STAMP.write_text(wanted)


def command_run() -> None:
    ensure_environment(dev=False)
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
        ("known vulnerabilities in the locks (offline advisory snapshot)", [BIN / "python", "scripts/audit_lock.py"]),
        # --create-db: never trust a test database an earlier run left with other migrations. --durations:
        # every run lists its slowest tests, so a test that grows slow shows in the CI log.
        (
            f"test suite on {database}",
            [
                BIN / "pytest",
                "-n",
                "2",
                "--dist",
                "loadfile",
                "--create-db",
                "--durations=15",
                f"--junitxml={REPORT}",
                *pytest_args,
            ],
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
    """Compile the development lock, then the runtime lock constrained to the same pins.

    Both carry the build backend ([build-system].requires, read from pyproject.toml) because the
    project is installed editable without build isolation. The runtime lock is resolved within the
    development one, so installing the development lock over a runtime venv changes no runtime pin.
    """
    import tomllib

    if DEV_LOCK.exists():
        ensure_environment(dev=True)
    if not (BIN / "uv").exists():
        raise SystemExit("dev.py lock needs uv in .venv: `.venv/bin/python -m pip install uv`, then run it again")
    build = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]
    backend = ROOT / "requirements" / ".build-backend.in"
    backend.write_text("".join(f"{requirement}\n" for requirement in build))
    here = {path: str(path.relative_to(ROOT)) for path in (backend, DEV_LOCK, RUNTIME_LOCK)}  # for the headers
    compile_: list[str | Path] = [BIN / "uv", "pip", "compile", "pyproject.toml", here[backend], "--generate-hashes"]
    compile_ += ["--python-version", "3.11", "--quiet"]
    try:
        must(*compile_, "--extra", "dev", "-o", here[DEV_LOCK])
        must(*compile_, "--constraint", here[DEV_LOCK], "-o", here[RUNTIME_LOCK])
    finally:
        backend.unlink()
    for lock in (RUNTIME_LOCK, DEV_LOCK):
        pins = sum(1 for line in lock.read_text().splitlines() if "==" in line and not line.startswith(" "))
        say(f"{lock.relative_to(ROOT)}: {pins} packages")


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
