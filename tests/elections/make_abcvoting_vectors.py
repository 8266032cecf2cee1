"""Write tests/elections/data/abcvoting_vectors.json: approval profiles and abcvoting's committees.

abcvoting imports gurobipy (proprietary) at import time, so it is in neither lock; this script is
run by hand in a scratch environment that has it, and its output is committed:

    python -m venv /tmp/abc && /tmp/abc/bin/pip install abcvoting
    /tmp/abc/bin/python tests/elections/make_abcvoting_vectors.py

The committees are the ones `solidarity.elections.approval` must reproduce exactly (see
tests/elections/test_approval.py): abcvoting's resolute `equal-shares` (standard fractions,
seq-Phragmén completion) and `pav` (branch and bound).
"""

from __future__ import annotations

import json
import random
from importlib.metadata import version
from pathlib import Path

from abcvoting import abcrules
from abcvoting.preferences import Profile

OUT = Path(__file__).resolve().parent / "data" / "abcvoting_vectors.json"


def profile(rng: random.Random) -> tuple[int, int, list[list[int]]]:
    m = rng.randint(2, 14)  # above 10 candidates abcvoting's tie order is not numeric order
    seats = rng.randint(1, min(m, 6))
    kinds = rng.random()
    if kinds < 0.4:  # a few blocs with identical ballots: many exact ties
        blocs = [sorted(rng.sample(range(m), rng.randint(1, max(1, m // 2)))) for _ in range(rng.randint(1, 4))]
        ballots = [list(rng.choice(blocs)) for _ in range(rng.randint(1, 24))]
    else:
        ballots = [sorted(rng.sample(range(m), rng.randint(1, m))) for _ in range(rng.randint(1, 24))]
    return m, seats, ballots


def main() -> None:
    rng = random.Random(20261206)
    vectors = []
    for _ in range(1000):
        m, seats, ballots = profile(rng)
        abc = Profile(m)
        abc.add_voters([set(b) for b in ballots])
        mes = abcrules.compute("equal-shares", abc, seats, algorithm="standard-fractions", resolute=True)[0]
        pav = abcrules.compute("pav", abc, seats, algorithm="branch-and-bound", resolute=True)[0]
        vectors.append(
            {"candidates": m, "seats": seats, "ballots": ballots, "equal-shares": sorted(mes), "pav": sorted(pav)}
        )
    head = json.dumps({"generated_by": f"abcvoting {version('abcvoting')}", "seed": 20261206})[:-1]
    lines = ",\n".join(json.dumps(vector, separators=(",", ":")) for vector in vectors)
    OUT.write_text(f'{head}, "vectors": [\n{lines}\n]}}\n')  # one vector a line: readable diffs
    print(f"wrote {len(vectors)} vectors to {OUT}")


if __name__ == "__main__":
    main()
