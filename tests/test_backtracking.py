"""Every module-level regular expression of the product ends quickly on hostile text (ReDoS).

Text from the world reaches many patterns: news the monitor reads, messages the relay screens,
names people type. A pattern that can match one stretch of text in exponentially many ways (a
class that holds its own separator, a word that may be cut into pieces inside a repeated group)
holds a worker for minutes on a line an adversary can write, and no time budget checked between
sentences can stop one call inside `re`. Two such patterns reached the monitor (see
tests/monitor/test_backtracking.py). This probes them all: each compiled pattern at module level
is searched for long runs of letters, digits, spaces and separators, after a prefix made of the
pattern's own words, in a child process stopped after a bounded time; the child names each pattern
before it probes it, so a hang names its pattern. It finds a pattern whose explosive part can be
reached from one of its words (it names the monitor's speaker pattern as it was); one whose part is
reached only through a longer phrase (the monitor's toll over a list, behind «۷ نفر در شهرهای») needs
an input of its own, as tests/monitor/test_backtracking.py gives it.

Probing is written here rather than taken from a ReDoS finder: regexploit (the maintained-looking
one) last released in 2021, declares no licence on PyPI, and reads only patterns written as one
literal, which would miss the patterns this project builds from pieces.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD_SECONDS = 240  # the whole probe takes seconds; a pattern that explodes takes hours
SLOW_SECONDS = 1.0  # CPU time of the slowest probe of one pattern

CHILD = r"""
import importlib, os, pkgutil, re, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
import django
django.setup()
import solidarity

RUNS = ["a", "آ", "۱", "1", " ", "،", ",", ".", "-", "\u200c", "a ", "آ ", "، ", ", ", "آ،", "a,", "\n", "- آ\n"]

def words(pattern):
    return sorted(set(re.findall(r"[\u0600-\u06ffA-Za-z]{3,}(?: [\u0600-\u06ffA-Za-z]{2,})?", pattern)))[:40]

for info in pkgutil.walk_packages(solidarity.__path__, "solidarity."):
    if ".migrations" in info.name:
        continue
    module = importlib.import_module(info.name)
    for attr, value in sorted(vars(module).items()):
        if not isinstance(value, re.Pattern) or not isinstance(value.pattern, str):
            continue
        print("probing", f"{info.name}.{attr}", flush=True)
        worst, worst_text = 0.0, ""
        for prefix in ["", ", ", "، ", "۷ ", "7 "] + words(value.pattern):
            for run in RUNS:
                for count in (12, 24, 48):
                    text = prefix + " " + run * count + "!"
                    started = time.process_time()
                    value.search(text)
                    spent = time.process_time() - started
                    if spent > worst:
                        worst, worst_text = spent, f"{prefix!r} + {run!r} * {count}"
        print("worst", f"{info.name}.{attr}", f"{worst:.4f}", worst_text, flush=True)
"""


def test_no_module_level_pattern_backtracks_without_end() -> None:
    try:
        done = subprocess.run(  # noqa: S603  (this interpreter, fixed code)
            [sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, timeout=CHILD_SECONDS, check=True
        )
        output = done.stdout
    except subprocess.TimeoutExpired as error:
        output = error.stdout.decode() if isinstance(error.stdout, bytes) else (error.stdout or "")
        probing = [line.split()[1] for line in output.splitlines() if line.startswith("probing ")]
        raise AssertionError(f"{probing[-1] if probing else 'the first pattern'} did not end") from error
    worst = [line.split(maxsplit=3) for line in output.splitlines() if line.startswith("worst ")]
    assert len(worst) > 200, output[-2000:]  # the product's patterns were found and probed
    slow = {name: f"{seconds} s on {text}" for _, name, seconds, text in worst if float(seconds) > SLOW_SECONDS}
    assert not slow, slow
