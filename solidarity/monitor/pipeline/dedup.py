"""Merge reports of the same event and count the independent voices that back it.

Two reports are the same event when their places match (same town, or same province when one
has no town), their dates are close and their sectors agree (or one is unknown). Copies of one
text count once; sources with the same affiliation count as one voice.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from solidarity.core import nearcopy

DATE_WINDOW_DAYS = 1


@dataclass(frozen=True)
class ReportKey:
    """What deduplication needs to know of one event report."""

    report_id: int
    date: datetime.date | None
    date_precision: int
    geonameid: int | None
    province_iso: str | None
    sector: str | None
    source_voice: str  # the affiliation, or the source's own name when it has none
    text_fingerprint: str  # equal for exact copies
    shingles: frozenset[int] = frozenset()  # word 4-grams: near-copies (syndicated reprints) share most


def text_fingerprint(text: str) -> str:
    """Return a fingerprint equal for copies of a text that differ only in spacing, case or letters."""
    return hashlib.sha256(" ".join(nearcopy.words(text)).encode()).hexdigest()[:32]


COPY_SIMILARITY = 0.6


def shingles(text: str) -> frozenset[int]:
    """Return the hashed word 4-grams of a text, for near-copy detection (the kernel's shingles)."""
    return nearcopy.word_shingles(text, size=4)


def is_copy(a: ReportKey, b: ReportKey) -> bool:
    """Tell whether two reports are copies of one text (exact, or a reprint with small edits)."""
    if a.text_fingerprint == b.text_fingerprint:
        return True
    if not a.shingles or not b.shingles:
        return False
    return nearcopy.overlap(a.shingles, b.shingles) >= COPY_SIMILARITY


def same_event(a: ReportKey, b: ReportKey) -> bool:
    """Tell whether two reports describe the same event."""
    if a.geonameid and b.geonameid:
        if a.geonameid != b.geonameid:
            return False
    elif a.province_iso != b.province_iso or a.province_iso is None:
        return False
    if a.sector and b.sector and a.sector != b.sector:
        return False
    if a.date is None or b.date is None:
        return False
    window = DATE_WINDOW_DAYS + (3 if max(a.date_precision, b.date_precision) > 1 else 0)
    return abs((a.date - b.date).days) <= window


def cluster(reports: list[ReportKey]) -> list[list[ReportKey]]:
    """Group reports into events: each report joins the first cluster holding a matching report."""
    clusters: list[list[ReportKey]] = []
    for report in sorted(reports, key=lambda r: (r.date or datetime.date.min, r.report_id)):
        home = next((c for c in clusters if any(same_event(report, other) for other in c)), None)
        if home is None:
            clusters.append([report])
        else:
            home.append(report)
    return clusters


def independent_voices(reports: list[ReportKey]) -> int:
    """Count the voices behind an event: one per affiliation, copies of one text once."""
    voices: set[str] = set()
    originals: list[ReportKey] = []
    for report in sorted(reports, key=lambda r: r.report_id):
        if any(is_copy(report, original) for original in originals):
            continue  # a syndicated copy adds no voice of its own
        originals.append(report)
        voices.add(report.source_voice)
    return len(voices)
