"""Frozen records that the pipeline returns: every value carries the sentence it came from."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field


class SubEventType(enum.StrEnum):
    """ACLED's demonstration sub-event types."""

    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"

    @property
    def event_type(self) -> str:
        """Return ACLED's event type for this sub-event type."""
        return "Riots" if self is SubEventType.VIOLENT_DEMONSTRATION else "Protests"


@dataclass(frozen=True)
class Evidence:
    """A sentence of the document, with its character offsets in the normalized text."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class DateValue:
    """When an event happened: ACLED time precision 1 = day, 2 = week, 3 = month."""

    date: datetime.date
    precision: int
    calendar: str  # "gregorian", "jalali", "relative" or "publication"
    text: str
    evidence: Evidence | None


@dataclass(frozen=True)
class PlaceValue:
    """Where: ACLED geo precision 1 = the town itself, 2 = near it or part of a region, 3 = province."""

    city: str | None
    city_fa: str | None
    geonameid: int | None
    province_iso: str
    province_en: str
    province_fa: str
    latitude: float
    longitude: float
    precision: int
    text: str
    evidence: Evidence | None


@dataclass(frozen=True)
class Sector:
    """Who took part: a sector slug from the monitor's taxonomy."""

    slug: str
    text: str
    evidence: Evidence


@dataclass(frozen=True)
class CrowdSize:
    """A crowd size kept as reported: exact (low == high) or a range from vague words."""

    low: int | None
    high: int | None
    text: str
    evidence: Evidence

    @property
    def acled_tag(self) -> str:
        """Return ACLED's `crowd size=` tag."""
        if self.low is None:
            return "crowd size=no report"
        return f"crowd size={self.text}"


@dataclass(frozen=True)
class Count:
    """A reported number of people (arrested, injured or killed) with its wording."""

    value: int
    text: str
    evidence: Evidence


@dataclass(frozen=True)
class EventRecord:
    """One protest event as one document reports it."""

    sub_event_type: SubEventType
    sub_event_evidence: Evidence
    date: DateValue | None
    place: PlaceValue | None
    sector: Sector | None
    crowd: CrowdSize | None
    arrests: Count | None
    injuries: Count | None
    deaths: Count | None
    evidence: tuple[Evidence, ...]
    language: str


@dataclass(frozen=True)
class ClaimRecord:
    """An aggregate statement ("at least N protests in M cities"): shown beside counts, never added."""

    claimant: str | None
    count: int
    unit: str
    places: int | None
    period_start: datetime.date | None
    period_end: datetime.date | None
    calendar: str
    period_text: str
    area_iso: str  # "IR" for the whole country or an ISO 3166-2 province code
    evidence: Evidence
    language: str
    qualifier: str = ""  # "at least", "more than" or "about", as the claimant worded the count


@dataclass(frozen=True)
class NonEvent:
    """An action that is not an event (planned, called for, online only), kept to explain the skip."""

    reason: str  # "planned", "called_for", "online_only", "negated", "abroad"
    evidence: Evidence


@dataclass(frozen=True)
class DocumentInput:
    """What the pipeline reads: main text, title and publication date."""

    text: str
    title: str = ""
    published: datetime.date | None = None
    language: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    language: str
    events: tuple[EventRecord, ...] = ()
    claims: tuple[ClaimRecord, ...] = ()
    non_events: tuple[NonEvent, ...] = field(default_factory=tuple)
