"""Read typed settings from environment variables, with the defaults of the embedded setup."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def text(name: str, default: str = "") -> str:
    """Return the variable's value, or the default when unset or empty."""
    return os.environ.get(name, "").strip() or default


def flag(name: str, *, default: bool) -> bool:
    """Return the variable as a boolean: 1/true/yes/on are true, 0/false/no/off false."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def integer(name: str, *, default: int) -> int:
    """Return the variable as an integer."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from error


def items(name: str, default: list[str]) -> list[str]:
    """Return a comma-separated variable as a list of non-empty items."""
    value = os.environ.get(name, "")
    parsed = [item.strip() for item in value.split(",") if item.strip()]
    return parsed or default


def persisted_secret(data_dir: Path, filename: str, make: object = None) -> str:
    """Return a secret kept in the data directory, creating it (mode 0600) on first use.

    Only the embedded setup uses this: production must pass its secrets in the environment.
    """
    path = data_dir / filename
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    value = make() if callable(make) else secrets.token_urlsafe(50)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(str(value))
    return str(value)
