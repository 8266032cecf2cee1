"""`solidarity relay mirror DIR`: the public relay as plain files, for mirrors, caches and USB sticks.

What people outside the server can copy and keep serving when the server is blocked: the pages of
every published message by language, the Atom and JSON feeds, the PDF bulletins (and the spoken
ones where espeak-ng is installed), the signed bundles already released, and a page that tells how
to check a bundle. Plain files with relative links only: no query string, no cookie, no script, no
form, nothing fetched from another host. The same database and day give the same bytes, file by
file (the renderers are those of the bundle, which are reproducible), so two mirrors made apart
can be compared with `sha256sum`.

The folder is the mirror's own: a marker file says so, and files a new run does not write are
removed; a non-empty folder without the marker is refused rather than overwritten.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from solidarity.relay import extras, selectors, services
from solidarity.relay.channels import bundle, pages
from solidarity.relay.conf import relay_dir, signing_fingerprint, signing_openpgp_fingerprint

MARKER = ".solidarity-mirror"
UNLIMITED = 1 << 40  # the mirror holds every published message, not a day's budget


class MirrorError(Exception):
    """The folder cannot take a mirror; the message says why."""


@dataclass(frozen=True)
class MirrorReport:
    files: int
    removed: int
    messages: int
    bundles: int
    digest: str  # SHA-256 over the sorted (name, SHA-256) list: one line to compare two mirrors


def mirror_files(*, day: date, audio: bool = False) -> tuple[dict[str, bytes], int, int]:
    """Every file of the mirror, by relative name; with the number of messages and bundles."""
    outgoing = selectors.outgoing_messages(selectors.approved_for_transmission()) + extras.extra_messages()
    spec = bundle.BundleSpec(
        day=day,
        fingerprint=signing_fingerprint(),
        key_words=services.signing_key_words(),
        budget_bytes=UNLIMITED,
        with_audio=audio,
        extra_files=extras.extra_files(day),
    )
    files, counts = bundle.bundle_files(
        outgoing,
        spec,
        render_pdf=services.render_bulletin_pdf,
        render_audio=services.render_bulletin_audio if audio else None,
    )
    released = []
    for transmission in selectors.released().filter(kind="bundle").order_by("day", "id"):
        path = relay_dir() / "signed" / transmission.signed_file_name
        if transmission.signed_file_name and path.is_file():
            data = path.read_bytes()
            files[f"bundles/{transmission.signed_file_name}"] = data
            released.append((transmission.signed_file_name, hashlib.sha256(data).hexdigest()))
    files["verify.html"] = pages.mirror_verify_page(
        fingerprint=signing_fingerprint(),
        key_words=services.signing_key_words(),
        bundles=released,
        openpgp_fingerprint=signing_openpgp_fingerprint(),
    )
    files["index.html"] = pages.index_page(
        counts,
        day=day.isoformat(),
        links=(("verify.html", "How to check a bundle · چگونه یک بسته را بررسی کنیم"),),
    )
    return files, len(outgoing), len(released)


def write_mirror(directory: Path, *, day: date, audio: bool = False) -> MirrorReport:
    """Write the mirror into `directory` (created if needed), replacing a previous mirror there."""
    directory.mkdir(parents=True, exist_ok=True)
    marker = directory / MARKER
    existing = [path for path in directory.rglob("*") if path.is_file()]
    if existing and not marker.is_file():
        raise MirrorError(f"{directory} holds other files; give an empty folder or a previous mirror")
    files, messages, bundles = mirror_files(day=day, audio=audio)
    for name, data in files.items():
        target = (directory / name).resolve()
        if directory.resolve() not in target.parents:  # names are ours, but never write outside
            raise MirrorError(f"refusing to write {name} outside {directory}")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
    wanted = {(directory / name).resolve() for name in files} | {marker.resolve()}
    removed = 0
    for path in existing:
        if path.resolve() not in wanted:
            path.unlink()
            removed += 1
    listing = sorted((name, hashlib.sha256(data).hexdigest()) for name, data in files.items())
    marker.write_text(json.dumps({"day": day.isoformat(), "files": len(files)}) + "\n", encoding="utf-8")
    digest = hashlib.sha256("".join(f"{name}\0{sha}\n" for name, sha in listing).encode()).hexdigest()
    return MirrorReport(len(files), removed, messages, bundles, digest)
