"""What the hand-written gold sets' writers share: the record layout, sub-type names and the writer.

Each `write_*.py` beside this file holds one set's reports, invented and annotated by hand by
ACLED's rules (docs/monitor.md, "Gold sets"); this module turns them into the JSON lines that
`evaluation.monitor.scoring` reads, one record per report.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from solidarity.monitor.pipeline.records import SubEventType

HERE = Path(__file__).resolve().parent
PEACEFUL = SubEventType.PEACEFUL_PROTEST.value
INTERVENTION = SubEventType.PROTEST_WITH_INTERVENTION.value
FORCE = SubEventType.EXCESSIVE_FORCE.value
VIOLENT = SubEventType.VIOLENT_DEMONSTRATION.value

Record = dict[str, object]
# (language, published, title, text, events, claims, note)
Report = tuple[str, str, str, str, list[Record], list[Record], str]


def event(
    city: str | None, iso: str, date: str, kind: str = PEACEFUL, sector: str = "", low: int | None = None
) -> Record:
    """A gold event: its town (None at province level), province, day, sub-type, sector, crowd low."""
    return {
        "city": city,
        "province_iso": iso,
        "date": date,
        "sub_event_type": kind,
        "sector": sector,
        "crowd_low": low,
        "crowd_high": None,
    }


def claim(count: int, places: int | None = None, claimant: str = "") -> Record:
    """A gold aggregate claim: the count claimed, the number of places, who claims it."""
    return {"count": count, "places": places, "claimant": claimant}


def write_set(name: str, prefix: str, reports: Sequence[Report]) -> None:
    """Write `<name>.jsonl` beside this file, ids `<prefix>-001`…, and say how many reports."""
    with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
        for number, (language, published, title, text, events, claims, note) in enumerate(reports, start=1):
            record = {
                "id": f"{prefix}-{number:03d}",
                "language": language,
                "source": "",
                "published": published,
                "title": title,
                "text": text,
                "events": events,
                "claims": claims,
                "notes": note,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(reports)} reports")
