"""The protest monitor's JSON endpoint in the API contract: the events export, with the dashboard's filters."""

from __future__ import annotations

from solidarity.core.openapi import (
    Contract,
    Schema,
    closed,
    count,
    json_response,
    not_allowed,
    or_empty,
    query_parameter,
    string,
)


def enumerations() -> dict[str, list[str]]:
    """Read the monitor's enumerations from the code that defines them."""
    from solidarity.monitor.models import SubEventType
    from solidarity.monitor.pipeline.places import default_gazetteer
    from solidarity.monitor.pipeline.sectors import SECTORS

    return {
        "sub_event_types": [value for value, _label in SubEventType.choices],
        "sectors": [slug for slug, _en, _fa, _pattern in SECTORS],
        "sector_names": [en for _slug, en, _fa, _pattern in SECTORS],
        "provinces": sorted(default_gazetteer().provinces),
    }


def event_row(*, sub_event_types: list[str], sector_names: list[str], provinces: list[str]) -> Schema:
    """Return the shape of one exported event: ACLED's columns, then the monitor's own."""
    whole = count()
    return closed(
        {
            "event_id_cnty": string("^IRN-SOL-[0-9]+$"),
            "event_date": or_empty(string(format="date")),
            "year": or_empty({"type": "integer"}),
            "time_precision": {"type": "integer", "minimum": 1, "maximum": 3},
            "disorder_type": {"const": "Demonstrations"},
            "event_type": {"enum": ["Protests", "Riots"]},
            "sub_event_type": {"enum": sub_event_types},
            "actor1": {"const": "Protesters (Iran)"},
            "inter1": {"enum": [5, 6]},
            "country": {"const": "Iran"},
            "iso": {"const": 364},
            "admin1": {"type": "string"},
            "location": {"type": "string"},
            "latitude": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
            "longitude": {"type": ["number", "null"], "minimum": -180, "maximum": 180},
            "geo_precision": {"type": "integer", "minimum": 1, "maximum": 3},
            "source": {"type": "string"},
            "source_scale": {"const": "National"},
            "notes": string(maxLength=1000),
            "fatalities": whole,
            "tags": string("^crowd size="),
            "sector": {"enum": ["", *sector_names]},
            "size_low": or_empty(whole),
            "size_high": or_empty(whole),
            "size_text": {"type": "string"},
            "iso_3166_2": {"enum": ["", *provinces]},
            "event_date_jalali": or_empty(string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
            "independent_sources": whole,
            "arrests": or_empty(whole),
            "injuries": or_empty(whole),
            "status": {"enum": ["automatic", "confirmed", "corrected"]},
            "claim_ids": string("^(?:[0-9]+(?: [0-9]+)*)?$"),
        }
    )


def event_filters(*, sectors: list[str], provinces: list[str], sub_event_types: list[str]) -> list[Schema]:
    """Return the dashboard's filters as query parameters."""
    return [
        query_parameter("start", string(format="date"), "Events on or after this day (YYYY-MM-DD)."),
        query_parameter("end", string(format="date"), "Events on or before this day (YYYY-MM-DD)."),
        query_parameter("sector", {"enum": sectors}, "A sector of the monitor's taxonomy."),
        query_parameter("province", {"enum": provinces}, "A province by ISO 3166-2 code."),
        query_parameter("city", string(maxLength=120), "A town by the gazetteer's English name, as stored on events."),
        query_parameter("type", {"enum": sub_event_types}, "An ACLED sub-event type."),
        query_parameter(
            "grade", {"enum": ["A", "B", "C", "D", "F"]}, "Only events reported by a source of this grade."
        ),
        query_parameter("corroborated", {"enum": ["yes", "no"]}, "yes: two or more independent sources; no: fewer."),
        query_parameter(
            "month",
            string("^J?[0-9]{1,4}-[0-9]{1,2}$", maxLength=10),
            'A month: "2024-11" (Gregorian) or "J1403-08" (Solar Hijri); a month that does not exist is ignored.',
        ),
        query_parameter("min_sources", {"type": "integer", "minimum": 0, "maximum": 50}, "At least this many sources."),
        query_parameter(
            "calendar", {"enum": ["gregorian", "jalali"]}, "Accepted for links shared with the dashboard; unused."
        ),
    ]


def paths() -> dict[str, Schema]:
    """Return the monitor's public JSON paths."""
    enums = enumerations()
    return {
        "/monitor/events.json": {
            "get": {
                "operationId": "monitorEvents",
                "tags": ["monitor"],
                "summary": "Protest events as ACLED-compatible rows plus the monitor's own columns.",
                "description": "Rejected events are never listed. The filters are those of the dashboard; if any "
                "of them is invalid, all are ignored and every event is listed (as on the dashboard). Served as an "
                "attachment (`solidarity-monitor-events.json`).",
                "parameters": event_filters(
                    sectors=enums["sectors"], provinces=enums["provinces"], sub_event_types=enums["sub_event_types"]
                ),
                "responses": {
                    "200": json_response(
                        {"type": "array", "items": {"$ref": "#/components/schemas/MonitorEvent"}},
                        "One row per event, oldest first.",
                    ),
                    "405": not_allowed(),
                },
            }
        },
    }


def schemas() -> dict[str, Schema]:
    """Return the monitor's named schemas."""
    enums = enumerations()
    return {
        "MonitorEvent": event_row(
            sub_event_types=enums["sub_event_types"],
            sector_names=enums["sector_names"],
            provinces=enums["provinces"],
        )
    }


CONTRACT = Contract(
    tag="monitor",
    description="The protest monitor's open data.",
    order=20,
    paths=paths,
    schemas=schemas,
)
