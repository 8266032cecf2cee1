"""Run the benchmarks and print a table: `python -m bench [--quick] [NAME ...]`.

Each module `bench/<name>.py` (other than this one and table.py) defines
`run(*, quick: bool) -> list[bench.table.Row]`. Benchmarks that serve pages start their own server
on 127.0.0.1 and bound every load in count and time.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time
from pathlib import Path

from bench.table import Row, render

HERE = Path(__file__).parent
NOT_BENCHMARKS = {"__main__", "__init__", "table", "support"}


def available() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name not in NOT_BENCHMARKS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default all): {', '.join(available())}")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args(argv)
    names = args.names or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    rows: list[Row] = []
    for name in names:
        started = time.perf_counter()
        print(f"running {name} ...", file=sys.stderr, flush=True)
        module = importlib.import_module(f"bench.{name}")
        rows += module.run(quick=args.quick)
        print(f"  {name} took {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    print(render(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
