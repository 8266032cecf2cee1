"""Every module-level regular expression of the product ends quickly on hostile text (ReDoS).

Text from the world reaches many patterns: news the monitor reads, messages the relay screens,
names people type. A pattern that can match one stretch of text in exponentially many ways (a
class that holds its own separator, a word that may be cut into pieces inside a repeated group)
holds a worker for minutes on a line an adversary can write, and no time budget checked between
sentences can stop one call inside `re`. Two such patterns reached the monitor (see
tests/monitor/test_backtracking.py). This probes them all, each in two ways, in a child process
stopped after a bounded time that names each pattern before probing it, so a hang names its pattern:

- long runs of letters, digits, spaces and separators after a prefix made of the pattern's own words;
- pumping, as ReDoS finders build an attack: Hypothesis writes texts the pattern matches
  (`from_regex`, derandomized, so every run draws the same), and each piece of one to three
  characters of a match is repeated inside it, then the text ends in a character that fails it.

Run against 113decb's `dates` and `claims`, the test names both: one pumped text of sixteen repeats
took 2.2 s (the speaker pattern) and 14 s (the toll over a list).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD_SECONDS = 240  # the whole probe takes seconds; a pattern that explodes takes hours
SLOW_SECONDS = 1.0  # CPU time of the slowest probe of one pattern

CHILD = r"""
import importlib, itertools, os, pkgutil, re, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
import django
django.setup()
import warnings
import solidarity
from hypothesis import HealthCheck, given, settings, strategies as st

warnings.simplefilter("ignore")  # Hypothesis warns about drawing outside a test

def matching_texts(pattern, count=6):
    texts = []

    @settings(max_examples=count, database=None, derandomize=True, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern))
    def collect(text):
        texts.append(text)

    try:
        collect()
    except Exception:  # a construct from_regex cannot write (some lookbehinds): the runs probe it alone
        pass
    return texts

def pumped(pattern, repeats=16):
    for text in matching_texts(pattern):
        match = pattern.search(text)
        if match is None:
            continue
        for start in range(len(match.group(0))):
            for width in (1, 2, 3):
                piece = match.group(0)[start : start + width]
                if len(piece) == width:
                    head = text[: match.start()] + match.group(0)[:start]
                    yield head + piece * repeats + "\x00", f"{head[-12:]!r} + {piece!r} * {repeats}"

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
        runs = (
            (prefix + " " + run * count + "!", f"{prefix!r} + {run!r} * {count}")
            for prefix in ["", ", ", "، ", "۷ ", "7 "] + words(value.pattern)
            for run in RUNS
            for count in (12, 24, 48)
        )
        worst, worst_text = 0.0, ""
        for text, shown in itertools.chain(pumped(value), runs):
            started = time.process_time()
            value.search(text)
            spent = time.process_time() - started
            if spent > worst:
                worst, worst_text = spent, shown
            if spent > 1.0:
                break  # one slow probe is enough to name it
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
