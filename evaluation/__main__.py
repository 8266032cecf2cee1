"""`python -m evaluation monitor|deliberation|relay [--data DIR]`: print the product's measurements.

monitor [--data DIR] [--real-blind | --development] [--sentence-errors]
                          precision, recall and F1 per field: the public labelled sets in DIR
                          (../shared/data/monitor: CASE 2021, PLOVER, Arabic GSR; skipped, each with
                          a line, when DIR is not given or a file is absent) and the gold sets in
                          evaluation/monitor/gold/ (always; the real-text set's blind part
                          only with --real-blind); --development scores only the development
                          sets (CASE 2021 dev, our own gold development sets, real-dev 1-7 and
                          real-dev-all: never the held-out or blind sets, PLOVER or the Arabic
                          GSR); --sentence-errors lists instead the real-text
                          development part's sentences given as event evidence that report no
                          event, and its event sentences not given (never the blind part's)
deliberation [--data DIR] [--no-reference] [--no-replay] [--orders N (20)]
                          the engine on each Pol.is conversation in DIR (../shared/data/deliberation)
                          beside red-dwarf: adjusted Rand index against Pol.is's groups, groups, time;
                          cold start, a warm-started replay of votes.csv, the best grouping of our
                          base clusters; the cold start in N random participant orders (spread)
relay [dev|blind|all]     the relay's screening on labelled messages in evaluation/relay/data/
                          (spam held, genuine passed, per language and reason; blind by default)
relay train [--decisions FILE] [--out PATH] [--cross-validate]
                          train the advertising classifier on the development part (and the
                          moderators' exported decisions) and write the model file the package ships

No default folder: the labelled sets are not in the repository, so say where they are. Both
scorers are pure (no Django, no database).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description="Measure the product on labelled data.")
    parts = parser.add_subparsers(dest="part", required=True, metavar="PART")
    monitor = parts.add_parser("monitor", help="Print precision, recall and F1 per field.")
    monitor.add_argument(
        "--data", type=Path, default=None, metavar="DIR", help="Folder of the public labelled sets (not shipped)."
    )
    which = monitor.add_mutually_exclusive_group()
    which.add_argument(
        "--real-blind",
        action="store_true",
        help="also score the blind part of the real-text set (once, at the end of a round of fixes)",
    )
    which.add_argument(
        "--development",
        action="store_true",
        help="score only the development sets (CASE 2021 dev, our own gold development sets, real-dev 1-7 and"
        " real-dev-all): never the held-out or blind sets, PLOVER or the Arabic GSR",
    )
    monitor.add_argument(
        "--sentence-errors",
        action="store_true",
        help="list the real-text development part's sentence-level errors instead (never the blind part's)",
    )
    deliberation = parts.add_parser("deliberation", help="Compare the engine with Pol.is's groups, beside red-dwarf.")
    deliberation.add_argument("--data", type=Path, default=None, metavar="DIR", help="Folder of Pol.is export folders.")
    deliberation.add_argument("--no-reference", action="store_true", help="skip red-dwarf")
    deliberation.add_argument("--no-replay", action="store_true", help="skip the replay of votes.csv")
    deliberation.add_argument(
        "--orders",
        type=int,
        default=20,
        metavar="N",
        help="also run the cold start with the participants in N random orders (ARI min / median / max / spread;"
        " default 20, 0 to skip)",
    )
    relay = parts.add_parser("relay", help="Screen labelled messages: spam held, genuine passed.")
    relay.add_argument("which", nargs="?", default="blind", choices=("dev", "blind", "all", "train"), help="which part")
    relay.add_argument(
        "--decisions", type=Path, default=None, metavar="FILE", help="train: moderators' decisions (JSON lines)"
    )
    relay.add_argument("--out", type=Path, default=None, metavar="PATH", help="train: where to write the model")
    relay.add_argument(
        "--cross-validate", action="store_true", help="train: print the cross-validated grid instead of training"
    )
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    options = build_parser().parse_args(argv)
    out = sys.stdout if out is None else out
    if options.part == "relay":
        if options.which == "train":
            from evaluation.relay.train import main as train_main

            return train_main(options.decisions, options.out, cross=options.cross_validate)
        from evaluation.relay.__main__ import main as relay_main

        return relay_main([options.which])
    if options.part == "monitor":
        from evaluation.monitor.tables import print_scores, print_sentence_errors

        if options.sentence_errors:
            print_sentence_errors(out)
            return 0
        print_scores(options.data, out, real_blind=options.real_blind, development=options.development)
        return 0
    from evaluation.deliberation.tables import print_groups, print_orders

    print_groups(options.data, out, with_reference=not options.no_reference, with_replay=not options.no_replay)
    if options.orders > 0:
        print_orders(options.data, options.orders, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
