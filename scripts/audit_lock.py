"""Offline vulnerability audit of the pinned requirements (SR-21).

``pip-audit`` needs the PyPI JSON API or the OSV API, neither of which this
project's machines can reach.  SR-21 allows instead an offline check of the pins
against a vendored snapshot of ``pypa/advisory-database``; this is that check.

What it does
------------
* reads every ``name==version`` pin in both locks, ``requirements/runtime.txt``
  and ``requirements/dev.txt`` (uv-compiled, hashed; ``--lock`` names others)
  at run time and normalises the names (PEP 503);
* loads ``requirements/advisories.json`` (the snapshot) and evaluates, for each
  pin, every advisory of that package: the ``ECOSYSTEM`` ranges (``introduced`` /
  ``fixed`` / ``last_affected`` / ``limit`` events, compared with
  ``packaging.version``) and the explicit ``versions`` list.  Withdrawn advisories
  are ignored;
* exits non-zero (1) when

  - a pin is vulnerable (each one is listed with the advisory id and the first
    fixed version above the pin),
  - a pinned package is missing from the snapshot ("not audited: ..."), so that a
    new dependency forces a snapshot refresh, or
  - the snapshot's ``taken_at`` is more than 120 days old (or in the future);

* prints one summary line per lock:
  ``<lock>: audited N pins against M advisories (snapshot taken YYYY-MM-DD): K vulnerable``.

Malformed input (an unpinned requirement, an unparsable snapshot) exits with 2.

Usage::

    python scripts/audit_lock.py                       # the check, both locks
    python scripts/audit_lock.py --lock requirements/runtime.txt
    python scripts/audit_lock.py --refresh-instructions

Snapshot format
---------------
``{"source": "pypa/advisory-database", "taken_at": "YYYY-MM-DD",
"newest_advisory": "<max modified>", "packages": {name: [advisory, ...]}}`` where
an advisory is ``{"id", "aliases", "summary", "modified", ["withdrawn"],
"affected": [{"ranges": [{"type": "ECOSYSTEM", "events": [...]}],
"versions": [...]}]}``.  Every audited package name is a key, with an empty list
when the database has no advisory for it: "checked, clean" differs from "absent".
Optional keys: ``notes`` (free text), ``excluded`` (records deliberately left
out, with the reason) and ``partial`` (packages whose folder could not be read
completely; the check prints a warning for a pinned one).

Refreshing the snapshot
-----------------------
Do it whenever the check says "not audited" or "stale", and at least every 120
days:

1. Get the current ``pypa/advisory-database`` (``git clone --depth 1`` on a
   machine that can reach GitHub, or a stored copy of the repository).
2. For every package pinned in either lock (``--refresh-instructions`` prints
   the list), look at ``vulns/<name>/`` with the PEP 503 name (the folders
   are lower-case with ``-``).  No folder: record ``"<name>": []``.
3. For each ``PYSEC-*.yaml`` / ``GHSA-*.yaml`` file there, keep ``id``,
   ``aliases``, a one-line ``summary`` (the first sentence of ``details``),
   ``modified``, ``withdrawn`` if present, and from each ``affected`` entry whose
   package is this one: the ``ECOSYSTEM`` ranges (older files use the
   ``affects:`` schema with flat ``introduced``/``fixed`` keys: turn each into one
   range, a missing ``introduced`` meaning ``"0"``) and ``versions`` (may be left
   empty when an ``ECOSYSTEM`` range covers them).  Skip ``PYSEC-0000-*`` drafts
   whose CVE already appears in the aliases of an assigned record.  Do not edit
   ranges by hand: a record that cannot be used as published goes to
   ``excluded`` with the reason.
4. Set ``taken_at`` to the day of gathering and ``newest_advisory`` to the
   largest ``modified`` seen, write ``requirements/advisories.json`` and run this
   script.  A vulnerable pin is fixed by bumping the pin, never by editing the
   snapshot.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LOCKS = (ROOT / "requirements" / "runtime.txt", ROOT / "requirements" / "dev.txt")
DEFAULT_SNAPSHOT = ROOT / "requirements" / "advisories.json"
MAX_AGE_DAYS = 120
EXPECTED_SOURCE = "pypa/advisory-database"

_PIN = re.compile(r"^(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(?:\[[^\]]*\])?\s*==\s*(?P<version>[^\s;\\]+)")
_EVENT_KINDS = ("introduced", "fixed", "last_affected", "limit")


class AuditInputError(Exception):
    """The lock file or the snapshot cannot be read as expected (exit status 2)."""


@dataclass(frozen=True)
class Finding:
    name: str
    version: str
    advisory_id: str
    aliases: tuple[str, ...]
    fixed: str | None  # the first fixed version above the pin, if the advisory names one


@dataclass
class Report:
    pins: dict[str, str]
    taken_at: dt.date
    age_days: int
    advisories: int = 0
    audited: int = 0
    findings: list[Finding] = field(default_factory=list)
    not_audited: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def stale(self) -> bool:
        return self.age_days > MAX_AGE_DAYS or self.age_days < 0

    @property
    def ok(self) -> bool:
        return not self.findings and not self.not_audited and not self.stale


# --------------------------------------------------------------------------- lock


def parse_lock(text: str) -> dict[str, str]:
    """Return ``{pep503-name: version}`` for every ``name==version`` line of a pip/uv lock."""
    pins: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("-"):
            continue  # comments, "--hash=..." continuations, "--index-url" style options
        match = _PIN.match(line)
        if match is None:
            raise AuditInputError(f"lock line {number} is not a 'name==version' pin: {line!r}")
        name = canonicalize_name(match["name"])
        version = match["version"]
        if name in pins and pins[name] != version:
            raise AuditInputError(f"{name} is pinned twice ({pins[name]} and {version})")
        pins[name] = version
    if not pins:
        raise AuditInputError("the lock file pins no package")
    return pins


# ----------------------------------------------------------------------- versions


def _version(raw: str) -> Version:
    try:
        return Version(raw)
    except InvalidVersion as exc:
        raise AuditInputError(f"advisory version {raw!r} is not a PEP 440 version") from exc


def _events(range_: Mapping[str, Any]) -> list[tuple[str, Version]]:
    events: list[tuple[str, Version]] = []
    for event in range_.get("events", []):
        if not isinstance(event, Mapping) or len(event) != 1:
            raise AuditInputError(f"malformed range event: {event!r}")
        ((kind, raw),) = event.items()
        if kind not in _EVENT_KINDS:
            raise AuditInputError(f"unknown range event {kind!r}")
        events.append((kind, _version(str(raw))))
    return events


def version_in_range(version: Version, range_: Mapping[str, Any]) -> bool:
    """Whether ``version`` is affected by one OSV ``ECOSYSTEM`` range.

    The events are sorted by version and replayed: ``introduced`` at or below the
    version opens an affected interval, ``fixed`` at or below it closes one, and
    ``last_affected`` below it closes one; ``limit`` caps the whole range.
    """
    events = _events(range_)
    limits = [v for kind, v in events if kind == "limit"]
    if limits and all(version >= limit for limit in limits):
        return False
    affected = False
    order = {"introduced": 0, "fixed": 1, "last_affected": 1}
    for kind, at in sorted(((k, v) for k, v in events if k != "limit"), key=lambda e: (e[1], order[e[0]])):
        if kind == "introduced" and version >= at:
            affected = True
        elif (kind == "fixed" and version >= at) or (kind == "last_affected" and version > at):
            affected = False
    return affected


def _listed(version: Version, raw_version: str, versions: Sequence[Any]) -> bool:
    for item in versions:
        text = str(item)
        try:
            if Version(text) == version:
                return True
        except InvalidVersion:
            if text == raw_version:
                return True
    return False


def affecting(advisory: Mapping[str, Any], raw_version: str) -> tuple[bool, str | None]:
    """``(affected, first fixed version above the pin)`` for one advisory."""
    version = _version(raw_version)
    hit = False
    fixes: list[Version] = []
    for affected in advisory.get("affected", []):
        ranges = [r for r in affected.get("ranges", []) if r.get("type") == "ECOSYSTEM"]
        entry_hit = any(version_in_range(version, r) for r in ranges)
        entry_hit = entry_hit or _listed(version, raw_version, affected.get("versions", []))
        if entry_hit:
            hit = True
            for r in ranges:
                fixes.extend(v for kind, v in _events(r) if kind == "fixed" and v > version)
    first_fix = str(min(fixes)) if fixes else None
    return hit, first_fix


# ----------------------------------------------------------------------- snapshot


def load_snapshot(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AuditInputError(f"the snapshot is not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise AuditInputError("the snapshot is not a JSON object")
    if data.get("source") != EXPECTED_SOURCE:
        raise AuditInputError(f"the snapshot's source is {data.get('source')!r}, not {EXPECTED_SOURCE!r}")
    if not isinstance(data.get("packages"), dict):
        raise AuditInputError("the snapshot has no 'packages' object")
    try:
        dt.date.fromisoformat(str(data.get("taken_at", ""))[:10])
    except ValueError as exc:
        raise AuditInputError(f"the snapshot's taken_at {data.get('taken_at')!r} is not an ISO date") from exc
    return data


def audit(pins: Mapping[str, str], snapshot: Mapping[str, Any], today: dt.date) -> Report:
    taken_at = dt.date.fromisoformat(str(snapshot["taken_at"])[:10])
    report = Report(pins=dict(pins), taken_at=taken_at, age_days=(today - taken_at).days)
    packages: dict[str, Any] = {canonicalize_name(name): advs for name, advs in snapshot["packages"].items()}
    partial: dict[str, Any] = {
        canonicalize_name(name): why for name, why in dict(snapshot.get("partial") or {}).items()
    }
    for name, raw_version in sorted(pins.items()):
        if name not in packages:
            report.not_audited.append(name)
            continue
        advisories = packages[name]
        if not isinstance(advisories, list):
            raise AuditInputError(f"the snapshot entry for {name} is not a list")
        report.audited += 1
        if name in partial:
            report.warnings.append(f"{name}: the snapshot is partial for this package ({partial[name]})")
        for advisory in advisories:
            if advisory.get("withdrawn"):
                continue
            report.advisories += 1
            hit, fixed = affecting(advisory, raw_version)
            if hit:
                aliases = tuple(str(a) for a in advisory.get("aliases", []))
                report.findings.append(Finding(name, raw_version, str(advisory["id"]), aliases, fixed))
    newest = str(snapshot.get("newest_advisory") or "")[:10]
    if newest:
        try:
            lag = (taken_at - dt.date.fromisoformat(newest)).days
        except ValueError:
            report.warnings.append(f"newest_advisory {newest!r} is not an ISO date")
        else:
            if lag > MAX_AGE_DAYS:
                report.warnings.append(
                    f"the newest advisory in the snapshot was modified on {newest}, {lag} days before the "
                    "snapshot was taken: the copy of the database it came from is itself old"
                )
    return report


def render(report: Report, out: TextIO) -> None:
    for finding in report.findings:
        aliases = f" ({', '.join(finding.aliases)})" if finding.aliases else ""
        fix = f"fixed in {finding.fixed}" if finding.fixed else "no fixed version known"
        print(f"VULNERABLE {finding.name}=={finding.version}: {finding.advisory_id}{aliases}; {fix}", file=out)
    if report.not_audited:
        print(
            f"not audited: {', '.join(report.not_audited)} (absent from the snapshot; refresh it, "
            "see --refresh-instructions)",
            file=out,
        )
    if report.age_days > MAX_AGE_DAYS:
        print(
            f"stale: the snapshot was taken on {report.taken_at.isoformat()}, {report.age_days} days ago "
            f"(limit {MAX_AGE_DAYS}); refresh it, see --refresh-instructions",
            file=out,
        )
    elif report.age_days < 0:
        print(f"stale: the snapshot claims to be taken on {report.taken_at.isoformat()}, in the future", file=out)
    for warning in report.warnings:
        print(f"warning: {warning}", file=out)
    print(
        f"audited {report.audited} pins against {report.advisories} advisories "
        f"(snapshot taken {report.taken_at.isoformat()}): {len(report.findings)} vulnerable",
        file=out,
    )


def refresh_instructions(pins: Mapping[str, str] | None) -> str:
    doc = __doc__ or ""
    start = doc.index("Refreshing the snapshot")
    text = doc[start:].strip()
    if pins:
        text += "\n\nPinned packages to look up (vulns/<name>/):\n" + "\n".join(f"  {name}" for name in sorted(pins))
    return text


def main(argv: Sequence[str] | None = None, today: dt.date | None = None) -> int:
    parser = argparse.ArgumentParser(description="Offline audit of the requirements locks (SR-21).")
    parser.add_argument(
        "--lock",
        type=Path,
        action="append",
        default=None,
        help="uv/pip lock file with name==version pins (repeatable; default: requirements/runtime.txt and dev.txt)",
    )
    parser.add_argument("--snapshot", type=Path, default=DEFAULT_SNAPSHOT, help="vendored advisory snapshot (JSON)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="date to judge staleness by")
    parser.add_argument("--refresh-instructions", action="store_true", help="print how to refresh the snapshot")
    args = parser.parse_args(argv)
    locks: list[Path] = args.lock or list(DEFAULT_LOCKS)
    when: dt.date = args.today or today or dt.date.today()
    try:
        pinned = {lock: parse_lock(lock.read_text(encoding="utf-8")) for lock in locks}
        if args.refresh_instructions:
            print(refresh_instructions({name: v for pins in pinned.values() for name, v in pins.items()}))
            return 0
        snapshot = load_snapshot(args.snapshot.read_text(encoding="utf-8"))
        reports = {lock: audit(pins, snapshot, when) for lock, pins in pinned.items()}
    except (OSError, AuditInputError) as exc:
        if args.refresh_instructions:
            print(refresh_instructions(None))
            return 0
        print(f"audit_lock: {exc}", file=sys.stderr)
        return 2
    for lock, report in reports.items():
        print(f"{_shown(lock)}:")
        render(report, sys.stdout)
    return 0 if all(report.ok for report in reports.values()) else 1


def _shown(lock: Path) -> str:
    try:
        return str(lock.resolve().relative_to(ROOT))
    except ValueError:
        return str(lock)


if __name__ == "__main__":
    sys.exit(main())
