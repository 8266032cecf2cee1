"""Keep the Persian translations whole: `python -m solidarity.core.i18n update|compile|check|merge`.

- update [APP ...]: extract every translatable string into each app's (or the named apps')
           locale/fa/LC_MESSAGES/django.po (Django's makemessages; needs GNU gettext's xgettext).
- compile: write each django.mo from its django.po (pure Python, with polib).
- check:   fail when a catalogue has an untranslated or fuzzy entry, when a .mo is older than its
           .po's content, or (where xgettext is installed) when the code has strings that no
           catalogue holds yet; and when two apps give one string different translations
           (Django merges every app's catalogue, so one of them would silently win). CI runs this.
- merge BASE OURS THEIRS: a git merge driver for catalogues (see docs/translation.md): each entry
           is taken from the side that changed it; one that both sides translated differently keeps
           ours, is marked fuzzy with theirs in a comment, and makes the merge a conflict, so `check`
           fails until a person chooses. git's line merge cannot do this: makemessages rewrites
           the whole file, so two branches that each add strings always conflict line by line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

PACKAGE = Path(__file__).resolve().parents[1]
ROOT = PACKAGE.parent
LANGUAGE = "fa"
IGNORED = ["static/*", "migrations/*", "data/*"]


def catalogues(base: Path = PACKAGE) -> list[Path]:
    return sorted(base.glob(f"*/locale/{LANGUAGE}/LC_MESSAGES/django.po"))


def app_dirs(base: Path = PACKAGE) -> list[Path]:
    return sorted(path.parent for path in base.glob("*/apps.py"))


def makemessages(base: Path, only: list[str] | None = None) -> None:
    """Run makemessages over the apps under `base` (or only the named ones), one catalogue per app."""
    for app in app_dirs(base):
        if only and app.name not in only:
            continue
        (app / "locale" / LANGUAGE / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
        # -P: run from inside the app without its modules (selectors.py, ...) shadowing the stdlib.
        args = [sys.executable, "-P", "-m", "django", "makemessages", "-l", LANGUAGE, "--no-location", "--no-obsolete"]
        for pattern in IGNORED:
            args += ["--ignore", pattern]
        subprocess.run(  # noqa: S603  (a fixed argument list)
            args,
            cwd=app,
            check=True,
            capture_output=True,
            env=os.environ | {"DJANGO_SETTINGS_MODULE": "solidarity.settings", "PYTHONPATH": str(ROOT)},
        )


def compile_all() -> int:
    for po_path in catalogues():
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
    return len(catalogues())


def entries(catalogue: polib.POFile | polib.MOFile) -> dict[tuple[str, str], tuple[str, ...]]:
    def key(entry: polib.POEntry | polib.MOEntry) -> tuple[str, str]:
        return (entry.msgctxt or "", entry.msgid)

    def value(entry: polib.POEntry | polib.MOEntry) -> tuple[str, ...]:
        if entry.msgid_plural:
            return tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
        return (entry.msgstr,)

    return {key(entry): value(entry) for entry in catalogue if entry.msgid and not entry.obsolete}


def problems() -> list[str]:
    found: list[str] = []
    found += disagreements()
    for po_path in catalogues():
        name = po_path.relative_to(ROOT)
        catalogue = polib.pofile(str(po_path))
        for entry in catalogue:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                found.append(f"{name}: fuzzy: {entry.msgid[:60]!r}")
            elif not entry.translated():
                found.append(f"{name}: untranslated: {entry.msgid[:60]!r}")
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or entries(polib.mofile(str(mo_path))) != {
            k: v for k, v in entries(catalogue).items() if all(v)
        }:
            found.append(f"{name}: django.mo is out of date; run `python -m solidarity.core.i18n compile`")
    if shutil.which("xgettext"):
        found += missing_strings()
    else:
        print("note: xgettext is not installed, so new strings in the code are not looked for", file=sys.stderr)
    return found


def disagreements(base: Path = PACKAGE) -> list[str]:
    """Strings that two apps' catalogues translate differently (Django would show only one)."""
    seen: dict[tuple[str, str], tuple[tuple[str, ...], str]] = {}
    found: list[str] = []
    for po_path in catalogues(base):
        app = po_path.relative_to(base).parts[0]
        for key, value in entries(polib.pofile(str(po_path))).items():
            if not all(value):
                continue
            first = seen.setdefault(key, (value, app))
            if first[0] != value:
                found.append(f"solidarity/{app}: {key[1][:60]!r} is translated otherwise in solidarity/{first[1]}")
    return found


def merge(base: Path, ours: Path, theirs: Path) -> list[str]:
    """Merge `theirs` into `ours` (written in place) against their common `base`; return the conflicts."""

    def table(path: Path) -> dict[tuple[str, str], polib.POEntry]:
        return {(e.msgctxt or "", e.msgid): e for e in polib.pofile(str(path)) if e.msgid and not e.obsolete}

    def value(entry: polib.POEntry) -> tuple[tuple[str, ...], bool]:
        strings = (
            tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
            if entry.msgid_plural
            else (entry.msgstr,)
        )
        return strings, "fuzzy" in entry.flags

    def take(target: polib.POEntry, source: polib.POEntry) -> None:
        target.msgstr, target.msgstr_plural = source.msgstr, dict(source.msgstr_plural)
        target.flags = list(source.flags)

    old, theirs_table = table(base), table(theirs)
    result = polib.pofile(str(ours))
    mine = {(e.msgctxt or "", e.msgid): e for e in result if e.msgid and not e.obsolete}
    conflicts: list[str] = []
    for key, entry in mine.items():  # removed by them and left as it was by us: removed
        if key in old and key not in theirs_table and value(entry) == value(old[key]):
            result.remove(entry)
    for key, their in theirs_table.items():
        entry, before = mine.get(key), old.get(key)
        if entry is None:  # added by them, or removed by us after they changed it
            if before is None or value(their) != value(before):
                result.append(their)
            continue
        if value(entry) == value(their) or (before is not None and value(their) == value(before)):
            continue  # the same on both sides, or only we changed it
        if (before is not None and value(entry) == value(before)) or not all(value(entry)[0]):
            take(entry, their)  # only they changed it, or only they translated it
        elif not all(value(their)[0]):
            continue
        else:
            conflicts.append(f"{key[1][:60]!r}: ours {value(entry)[0]!r}, theirs {value(their)[0]!r}")
            entry.tcomment = "\n".join(filter(None, [entry.tcomment, f"merge: theirs was {value(their)[0]!r}"]))
            if "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
    for entry in result:  # previous-msgid lines ("#| ") left by msgmerge would confuse the next update
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    result.save(str(ours))
    return conflicts


def missing_strings() -> list[str]:
    """Extract strings in a scratch copy and list those the real catalogues lack."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "solidarity"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "static", "data"))
        makemessages(copy)
        for fresh in catalogues(copy):
            app = fresh.relative_to(copy).parts[0]
            real = PACKAGE / fresh.relative_to(copy)
            known = entries(polib.pofile(str(real))) if real.exists() else {}
            for key in entries(polib.pofile(str(fresh))):
                if key not in known:
                    found.append(f"solidarity/{app}: not in the catalogue: {key[1][:60]!r} (run update)")
    return found


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        makemessages(PACKAGE, only=argv[1:])
        print("updated:", ", ".join(str(p.relative_to(ROOT)) for p in catalogues()))
        return 0
    if argv[:1] == ["compile"]:
        print(f"compiled {compile_all()} catalogues")
        return 0
    if argv[:1] == ["check"]:
        found = problems()
        for line in found:
            print(line)
        print(f"translations: {len(catalogues())} catalogues, {len(found)} problems")
        return 1 if found else 0
    if argv[:1] == ["merge"] and len(argv) == 4:
        conflicts = merge(*(Path(name) for name in argv[1:]))
        for line in conflicts:
            print(f"catalogue conflict (kept ours, marked fuzzy): {line}", file=sys.stderr)
        return 1 if conflicts else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
