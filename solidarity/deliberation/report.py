"""Turn an engine result into the stored report (JSON) and draw the opinion map as SVG. No Django."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from solidarity.deliberation import engine

MAX_POINTS = 3_000
SMALL_CELL = 5  # never show an aggregate of fewer people than this
BRIDGING_MIN_RATINGS = 5
# Community Notes' bound on a note's factor for "helpful" (|f_n| < 0.5): a statement whose support
# follows the main divide (large |f|) is partisan, however positive its intercept.
BRIDGING_MAX_FACTOR = 0.5


def build_report(result: engine.Result) -> dict[str, Any]:
    """Return a JSON-serialisable report of a result: groups, points, per-statement figures."""
    bridging = {b.statement: b for b in result.bridging}
    members = np.flatnonzero(result.group_labels >= 0)
    step = max(1, int(np.ceil(len(members) / MAX_POINTS)))
    shown = members[::step]
    points = [
        [
            round(float(result.projection[i, 0]), 3),
            round(float(result.projection[i, 1]), 3),
            int(result.group_labels[i]),
        ]
        for i in shown
    ]
    statements: dict[str, Any] = {}
    for s in result.statements:
        score = bridging.get(s.statement)
        statements[str(s.statement)] = {
            "agree": s.agree,
            "disagree": s.disagree,
            "passed": s.passed,
            "per_group": [[c.agree, c.disagree, c.passed] for c in s.per_group],
            "group_aware_consensus": round(s.group_aware_consensus, 6),
            "group_aware_consensus_disagree": round(s.group_aware_consensus_disagree, 6),
            "divisiveness": round(s.divisiveness, 6),
            "extremity": round(s.extremity, 6),
            "is_moderated_out": s.is_moderated_out,
            "bridging_intercept": None if score is None else round(score.intercept, 6),
            "bridging_factor": None if score is None else round(score.factor, 6),
            "bridging_ratings": 0 if score is None else score.ratings,
        }
    moderated = {s.statement for s in result.statements if s.is_moderated_out}
    bridging_rank = sorted(
        (
            b
            for b in result.bridging
            if b.ratings >= BRIDGING_MIN_RATINGS
            and b.intercept > 0
            and abs(b.factor) < BRIDGING_MAX_FACTOR
            and b.statement not in moderated
        ),
        key=lambda b: (-b.intercept, b.statement),
    )
    return {
        "k": len(result.groups),
        "participants": len(result.participant_ids),
        "in_conversation": int(result.in_conversation.sum()),
        "groups": [
            {
                "id": g.id,
                "size": g.size,
                "members": list(g.participants),
                "representative": [
                    {
                        "statement": r.statement,
                        "direction": r.direction,
                        "probability": round(r.probability, 4),
                        "probability_test": round(r.probability_test, 4),
                        "representativeness": round(r.representativeness, 4),
                        "representativeness_test": round(r.representativeness_test, 4),
                    }
                    for r in g.representative
                ],
            }
            for g in result.groups
        ],
        "points": points,
        "point_sample_step": step,
        "statements": statements,
        "consensus_agree": [c.statement for c in result.consensus_agree],
        "consensus_disagree": [c.statement for c in result.consensus_disagree],
        "common_ground": [s.statement for s in result.common_ground(limit=10)],
        "divisive": [s.statement for s in result.most_divisive(limit=5)],
        "bridging_rank": [b.statement for b in bridging_rank[:10]],
        "silhouettes": {str(k): round(v, 4) for k, v in result.silhouettes.items()},
        "path": result.path,  # "full" or "incremental" (engine.compute's update path)
    }


def opinion_map_svg(points: Sequence[Sequence[float]], *, width: int = 480, height: int = 360, label: str = "") -> str:
    """Draw participants as dots coloured by group; no identities, only positions."""
    pad = 12
    header = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="opinion-map" role="img" aria-label="{_escape(label)}">'
    )
    parts = [header, f'<rect class="map-frame" x="0" y="0" width="{width}" height="{height}"/>']
    if points:
        xs = np.array([p[0] for p in points], dtype=float)
        ys = np.array([p[1] for p in points], dtype=float)
        span = max(float(np.abs(xs).max()), float(np.abs(ys).max()), 1e-9)
        scale = min(width, height) / 2 - pad
        cx, cy = width / 2, height / 2
        parts.append(f'<line class="map-axis" x1="{pad}" y1="{cy}" x2="{width - pad}" y2="{cy}"/>')
        parts.append(f'<line class="map-axis" x1="{cx}" y1="{pad}" x2="{cx}" y2="{height - pad}"/>')
        for x, y, group in ((p[0], p[1], int(p[2])) for p in points):
            px = cx + x / span * scale
            py = cy - y / span * scale
            parts.append(f'<circle class="g{group % 8}" cx="{px:.1f}" cy="{py:.1f}" r="3"/>')
    parts.append("</svg>")
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def group_makeup(
    members_by_group: Mapping[int, Iterable[int]],
    labels_by_participant: Mapping[int, Iterable[str]],
    *,
    minimum: int = SMALL_CELL,
) -> dict[int, list[tuple[str, int]]]:
    """Count each group's members by label (family, tie or sector), hiding every cell under `minimum`.

    A person may carry several labels (an organization can sit in two families). Groups with
    fewer than `minimum` labelled members show nothing at all, so no one can be singled out.
    """
    makeup: dict[int, list[tuple[str, int]]] = {}
    for group, members in members_by_group.items():
        people = [p for p in members if p in labels_by_participant]
        if len(people) < minimum:
            makeup[group] = []
            continue
        counts: Counter[str] = Counter()
        for person in people:
            counts.update(set(labels_by_participant[person]))
        makeup[group] = sorted(
            ((label, n) for label, n in counts.items() if n >= minimum), key=lambda item: (-item[1], item[0])
        )
    return makeup
