"""`python -m evaluation.relay [dev|blind|all]`: screening measured on labelled messages (no Django)."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from evaluation.relay import evaluate, load, report

    part = argv[0] if argv else "blind"
    if part not in {"dev", "blind", "all"}:
        print("usage: python -m evaluation.relay [dev|blind|all]", file=sys.stderr)
        return 2
    examples = load(part)
    print(f"part: {part}, {len(examples)} messages")
    print(report(evaluate(examples)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
