"""What a request costs the application itself (issue 12, "Where the time goes"): `python -m bench inprocess`.

No server and no network: Django's test client in one process, on the demo (SQLite), one request
at a time, so the figures are the application's own cost and nothing else's. Every public page is
rendered afresh each time (its page-cache section is made stale first), so the rows measure
rendering, not the cache:
- the programme of the demo assembly (English and Persian), the coalition directory, the relay
  wall and the Persian Atom feed: median and best milliseconds per render (on a shared machine
  the best is the code's own cost);
- relay intake through the no-JavaScript form as a browser sends it (GET the form, POST a message;
  CSRF checked, the wait token proven, the screening job queued): accepted messages a second from
  one thread, and the median milliseconds of the GET and of the POST.

`python -m bench.inprocess --measure COUNT` runs the measurement itself against the configured
database and prints JSON (the benchmark runs it in a child process on a fresh demo).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from typing import Any

from bench.support import ROOT, django_run, environment, scratch_dir
from bench.table import Row

PAGES = {
    "programme (English)": ("/en/assemblies/paris-assembly/", "assemblies"),
    "programme (Persian)": ("/fa/assemblies/paris-assembly/", "assemblies"),
    "directory": ("/en/coalition/", "coalition"),
    "relay wall": ("/en/relay/", "relay"),
    "Persian Atom feed": ("/relay/feeds/fa.atom", "relay"),
}
INTAKE_ENVIRONMENT = {
    "SOLIDARITY_RELAY_NOJS_WAIT_SECONDS": "0",
    # All requests come from one address and one minute: the limits would measure themselves.
    "SOLIDARITY_RELAY_NOJS_PER_HOUR": "100000000",
    "SOLIDARITY_RELAY_NOJS_PER_MINUTE": "100000000",
    "SOLIDARITY_RELAY_BREAKER_PER_MINUTE": "100000000",
}


def _render_ms(client: Any, path: str, section: str, count: int) -> tuple[float, float]:
    from solidarity.core import pagecache

    samples = []
    for index in range(count + 3):  # three warm-ups
        pagecache.bump(section)
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        if index >= 3:
            samples.append(elapsed)
    # The best time as well as the median: on a shared machine the best is the cost of the code,
    # the median adds whatever else the machine was doing.
    return statistics.median(samples), min(samples)


def _intake(count: int) -> dict[str, float]:
    from django.test import Client

    from solidarity.relay.models import Message

    client = Client(enforce_csrf_checks=True)
    gets, posts = [], []
    before = Message.objects.count()
    started = time.perf_counter()
    for index in range(count):
        begun = time.perf_counter()
        page = client.get("/en/relay/send/").content.decode()
        gets.append((time.perf_counter() - begun) * 1000)
        token = re.search(r'name="wait_token" value="([^"]+)"', page)
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if token is None or csrf is None:
            raise RuntimeError("the form has no wait token or CSRF token")
        fields = {
            "csrfmiddlewaretoken": csrf.group(1),
            "wait_token": token.group(1),
            "consent": "on",
            "text": f"We stand with you, people of Iran. Message {index} from the bench.",
        }
        begun = time.perf_counter()
        response = client.post("/en/relay/send/", fields)
        posts.append((time.perf_counter() - begun) * 1000)
        if response.status_code != 302:
            raise RuntimeError(f"a submission answered {response.status_code}")
    seconds = time.perf_counter() - started
    accepted = Message.objects.count() - before
    return {
        "accepted per second": accepted / seconds,
        "accepted": accepted,
        "form GET ms": statistics.median(gets),
        "POST ms": statistics.median(posts),
        "form GET ms, best": min(gets),
        "POST ms, best": min(posts),
    }


def measure(count: int) -> dict[str, float]:
    """Measure in this process (Django set up, demo loaded); return the figures by name."""
    from django.test import Client

    client = Client()
    figures: dict[str, float] = {}
    for name, (path, section) in PAGES.items():
        figures[name], figures[f"{name}, best"] = _render_ms(client, path, section, count)
    for name, value in _intake(count * 5).items():
        figures[f"intake: {name}"] = value
    return figures


def run(*, quick: bool) -> list[Row]:
    count = 20 if quick else 100
    with scratch_dir() as data_dir:
        env = environment(None, data_dir) | INTAKE_ENVIRONMENT
        django_run(
            "from django.core.management import call_command\n"
            "call_command('migrate', verbosity=0)\n"
            "from solidarity.demo import build_all\n"
            "build_all(progress=lambda _text: None)\n",
            env,
        )
        output = subprocess.run(  # fixed argument list, our own module
            [sys.executable, "-m", "bench.inprocess", "--measure", str(count)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=1800,
        ).stdout
    figures: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    rows = []
    for name in PAGES:
        rows.append(Row("inprocess", f"{name}: one render, median", figures[name], "ms"))
        rows.append(Row("inprocess", f"{name}: one render, best of {count}", figures[f"{name}, best"], "ms"))
    rows.append(
        Row(
            "inprocess",
            f"intake: accepted no-JS messages (GET+POST), one thread, {int(figures['intake: accepted']):,}",
            figures["intake: accepted per second"],
            "msg/s",
        )
    )
    for part, key in (("the form's GET", "form GET ms"), ("the POST", "POST ms")):
        rows.append(Row("inprocess", f"intake: {part}, median", figures[f"intake: {key}"], "ms"))
        rows.append(Row("inprocess", f"intake: {part}, best", figures[f"intake: {key}, best"], "ms"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.inprocess", description=__doc__)
    parser.add_argument("--measure", type=int, metavar="COUNT", required=True, help="renders per page")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solidarity.settings")
    import django

    django.setup()
    print(json.dumps(measure(args.measure)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
