"""The catalogue merge driver and the check that apps agree (`python -m solidarity.core.i18n merge|check`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib

from solidarity.core import i18n

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _po(path: Path, entries: dict[str, str], fuzzy: tuple[str, ...] = ()) -> Path:
    text = HEADER + "".join(
        ("#, fuzzy\n" if msgid in fuzzy else "") + f'msgid "{msgid}"\nmsgstr "{msgstr}"\n\n'
        for msgid, msgstr in entries.items()
    )
    path.write_text(text, encoding="utf-8")
    return path


def _read(path: Path) -> dict[str, tuple[str, bool]]:
    return {e.msgid: (e.msgstr, "fuzzy" in e.flags) for e in polib.pofile(str(path)) if e.msgid}


def test_each_entry_comes_from_the_side_that_changed_it(tmp_path: Path) -> None:
    base = _po(tmp_path / "base.po", {"Kept": "نگه", "Ours edits": "قدیم", "Theirs edits": "قدیم", "Gone": "رفته"})
    ours = _po(
        tmp_path / "ours.po",
        {"Kept": "نگه", "Ours edits": "تازهٔ ما", "Theirs edits": "قدیم", "Gone": "رفته", "Ours adds": "ما"},
    )
    theirs = _po(
        tmp_path / "theirs.po",
        {"Kept": "نگه", "Ours edits": "قدیم", "Theirs edits": "تازهٔ آنها", "Theirs adds": "آنها", "Empty": ""},
    )
    assert i18n.merge(base, ours, theirs) == []
    assert _read(ours) == {
        "Kept": ("نگه", False),
        "Ours edits": ("تازهٔ ما", False),
        "Theirs edits": ("تازهٔ آنها", False),
        "Ours adds": ("ما", False),
        "Theirs adds": ("آنها", False),
        "Empty": ("", False),
    }  # "Gone" was removed by them and left alone by us


def test_a_string_both_sides_translated_differently_is_a_conflict_marked_fuzzy(tmp_path: Path) -> None:
    base = _po(tmp_path / "base.po", {"Machine translation": ""})
    ours = _po(tmp_path / "ours.po", {"Machine translation": "ترجمه ماشینی"})
    theirs = _po(tmp_path / "theirs.po", {"Machine translation": "ترجمهٔ ماشینی"})
    run = subprocess.run(  # noqa: S603  (as git calls the driver; a fixed argument list)
        [sys.executable, "-m", "solidarity.core.i18n", "merge", str(base), str(ours), str(theirs)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1 and "Machine translation" in run.stderr
    entry = polib.pofile(str(ours)).find("Machine translation")
    assert entry is not None and entry.msgstr == "ترجمه ماشینی" and "fuzzy" in entry.flags
    assert "ترجمهٔ ماشینی" in entry.tcomment


def test_an_untranslated_side_never_wins_over_a_translation(tmp_path: Path) -> None:
    base = _po(tmp_path / "base.po", {"Send": "قدیم"})
    ours = _po(tmp_path / "ours.po", {"Send": ""}, fuzzy=())
    theirs = _po(tmp_path / "theirs.po", {"Send": "بفرست"})
    assert i18n.merge(base, ours, theirs) == []
    assert _read(ours)["Send"] == ("بفرست", False)


def test_check_names_strings_two_apps_translate_differently(tmp_path: Path) -> None:
    for app, text in [("relay", "ترجمه ماشینی"), ("deliberation", "ترجمهٔ ماشینی"), ("monitor", "ترجمهٔ ماشینی")]:
        folder = tmp_path / app / "locale" / "fa" / "LC_MESSAGES"
        folder.mkdir(parents=True)
        _po(folder / "django.po", {"Machine translation": text, "Only here " + app: "فقط"})
    found = i18n.disagreements(tmp_path)
    assert len(found) == 1  # catalogues are read in name order: deliberation first, then monitor agrees and relay not
    assert "solidarity/relay" in found[0] and "solidarity/deliberation" in found[0]


def test_the_project_catalogues_agree() -> None:
    assert i18n.disagreements() == []
