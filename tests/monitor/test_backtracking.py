"""No sentence makes extraction's regular expressions backtrack without end (issue 16, bad input).

The time budget of one document (`pipeline.budget`) is checked between sentences and stages, so it
cannot stop a single regular expression that tries every way to cut a long list or a long word:
two did (a Persian count of people told over a list of towns with no casualty word after it, 0.7 s for 13
towns and twice that for each one more;
the speaker pattern after a date, 17 s for one 40-letter word). The documents below are long lists
in every shape the extractor reads, long words after dates and long runs of separators, each
extracted in a child process that is killed after a bounded time, so a pattern that regresses
fails here instead of hanging the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECONDS_PER_DOCUMENT = 3.0  # CPU seconds; each is extracted in milliseconds when nothing backtracks
TOWNS = ["تهران", "مشهد", "اصفهان", "شیراز", "تبریز", "کرج", "اهواز", "قم", "رشت", "کرمانشاه"]


def _documents() -> dict[str, str]:
    towns = [TOWNS[index % len(TOWNS)] for index in range(200)]
    long_latin = "x" * 400
    long_persian = "ب" * 400
    return {
        # a casualty word told, but not after the list: the toll cannot end there, and every cut was tried
        "toll over 200 towns, its casualty word before": "در جریان اعتراضات یک نفر کشته شد و دست کم هفت نفر در شهرهای "
        + "، ".join(towns)
        + " بودند.",
        "toll over 200 towns": "دست کم هفت نفر در شهرهای " + "، ".join(towns) + " کشته شده‌اند.",
        "English date, then one long word": f"On 20 June, {long_latin} protesters gathered in Abadan.",
        "Persian date, then one long word": f"روز شنبه ۲۶ تیر، {long_persian} گفت که مردم در آبادان تجمع کردند.",
        "Persian date, then long words": "روز شنبه ۲۶ تیر، " + " ".join([long_persian[:40]] * 12) + " تجمع کردند.",
        "inline list of 200 towns": "مردم در شهرهای " + "، ".join(towns) + " و سنندج تجمع کردند.",
        "dashed list of 200 towns": "تجمعات اعتراضی امروز: " + " - ".join(towns),
        "slashed list of 200 towns": "اعتصاب در این شهرها: " + "/".join(towns),
        "list under a colon, 300 lines": "تجمع اعتراضی در این شهرها برگزار شد:\n"
        + "\n".join(f"- {t}" for t in towns[:300]),
        "English list of 200 towns": "Protests were held in " + ", ".join(["Tehran", "Mashhad", "Tabriz"] * 67) + ".",
        "runs of separators": "، " * 3000 + "," * 3000 + " " * 3000 + "\u200c" * 3000 + "- " * 2000,
        "one long line of letters": "تجمع " + "ا" * 20000,
    }


CHILD = """
import json, sys, time
from solidarity.monitor.pipeline.extract import DocumentInput, extract
documents = json.loads(sys.stdin.read())
for name, text in documents.items():
    started = time.process_time()
    extract(DocumentInput(text=text, title="", published=None))
    print(json.dumps([name, time.process_time() - started]), flush=True)
"""


def test_no_document_makes_extraction_backtrack_without_end() -> None:
    documents = _documents()
    try:
        done = subprocess.run(  # noqa: S603  (this interpreter, fixed code)
            [sys.executable, "-c", CHILD],
            cwd=ROOT,
            input=json.dumps(documents),
            capture_output=True,
            text=True,
            timeout=SECONDS_PER_DOCUMENT * len(documents) + 30,
            check=True,
        )
        output = done.stdout
    except subprocess.TimeoutExpired as error:
        output = error.stdout.decode() if isinstance(error.stdout, bytes) else (error.stdout or "")
    timings = dict(json.loads(line) for line in output.splitlines())
    unfinished = [name for name in documents if name not in timings]
    assert not unfinished, f"still extracting when the child was stopped: {unfinished[0]!r}"
    slow = {name: round(seconds, 2) for name, seconds in timings.items() if seconds > SECONDS_PER_DOCUMENT}
    assert not slow, slow
