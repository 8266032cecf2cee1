"""The OpenAPI 3.1 document of every JSON endpoint: the contract partners read and schemathesis tests (SR-22).

Served read-only at /api/openapi.json. A public host's copy lists only what that host serves; a
staff host's copy adds the staff JSON endpoints, which exist nowhere else (SR-13). Enumerations
(languages, provinces, sectors, event types, grades, check-in outcomes) are read from the code
that defines them, so the contract follows them; every response shape below is written by hand
from the view that produces it, with `additionalProperties: false` where the shape is closed, so
a changed payload fails `tests/core/test_api_contract.py`.

Only JSON is described here. The public message form (`/<language>/relay/send/`) is an HTML
form with a CSRF token and a proof of work (`pow.json` below), not a JSON API; Atom feeds,
calendars, live streams and zip bundles are documented in their apps' pages.
"""

from __future__ import annotations

import json
from copy import deepcopy
from functools import cache
from typing import Any

Schema = dict[str, Any]

VERSION = "1.0.0"

HEX_32 = "^[0-9a-f]{32}$"
HEX_64 = "^[0-9a-f]{64}$"
BASE64 = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
UTC_SECONDS = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
# Outgoing relay text is inert (SR-16): no link, no markup. A lookahead keeps the check in the schema.
INERT_TEXT = r"^(?![\s\S]*(?:https?:|www\.|<[A-Za-z/!]))[\s\S]*$"

HTML = {"text/html": {"schema": {"type": "string"}}}


def _closed(properties: dict[str, Schema], *, optional: tuple[str, ...] = ()) -> Schema:
    """Return an object schema whose every property is required (bar `optional`) and no other is allowed."""
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }


def _string(pattern: str | None = None, **more: Any) -> Schema:
    schema: Schema = {"type": "string", **more}
    if pattern is not None:
        schema["pattern"] = pattern
    return schema


def _or_empty(schema: Schema) -> Schema:
    """Allow the empty string where the export writes "" for an unknown value."""
    return {"anyOf": [schema, {"const": ""}]}


def _count() -> Schema:
    return {"type": "integer", "minimum": 0}


def _json(schema: Schema, description: str) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _not_found(description: str = "No such resource (the generic HTML error page).") -> Schema:
    return {"description": description, "content": HTML}


def _not_allowed() -> Schema:
    return {"description": "Another method than the one documented (an empty HTML body).", "content": HTML}


# --- shapes ----------------------------------------------------------------------------------


def _error() -> Schema:
    return _closed({"error": _string(minLength=1)})


def _keyring() -> Schema:
    return {
        "type": "array",
        "minItems": 1,
        "items": _closed(
            {
                "key_id": {"type": "integer", "minimum": 0, "maximum": 4294967295},
                "public_key": _string(BASE64, minLength=44, maxLength=44),
                "fingerprint": _string("^(?:[0-9A-F]{4} ){9}[0-9A-F]{4}$"),
            }
        ),
    }


def _scan(outcomes: list[str]) -> Schema:
    return _closed(
        {
            "scan_id": _string(HEX_32),
            "device_id": _string(minLength=1, maxLength=64),
            "venue_id": {"type": "integer", "minimum": 1},
            "token_nonce": {"anyOf": [_string(HEX_32), {"type": "null"}]},
            "scanned_at": {"type": "integer", "minimum": 0, "maximum": 4294967295},
            "outcome": {"enum": outcomes},
        }
    )


def _queue_file(outcomes: list[str]) -> Schema:
    manifest = _closed(
        {
            "format": {"const": "solidarity-checkin-manifest/1"},
            "assembly_id": {"type": "integer", "minimum": 1},
            "venue_id": {"type": "integer", "minimum": 1},
            "keys": _keyring(),
            "revoked": {"type": "array", "items": _string(HEX_32), "uniqueItems": True},
            "codes": {
                "type": "object",
                "propertyNames": {"pattern": HEX_32},
                "additionalProperties": _closed(
                    {
                        "nonce": _string(HEX_32),
                        "venue_id": {"type": "integer", "minimum": 1},
                        "not_before": {"type": "integer"},
                        "not_after": {"type": "integer"},
                    }
                ),
            },
            "issued_at": {"type": "integer", "minimum": 0},
            "admitted": {"type": "array", "items": _string(HEX_32), "uniqueItems": True},
        }
    )
    return _closed(
        {
            "format": {"const": "solidarity-checkin-queue/1"},
            "device_id": _string(minLength=1, maxLength=40),
            "manifest": manifest,
            "queue": {"type": "array", "items": _scan(outcomes)},
            "synced": {"type": "array", "items": _string(HEX_32)},
        }
    )


def _definition(rules: list[str]) -> Schema:
    candidate = _closed(
        {
            "id": _string(minLength=1),
            "name_en": {"type": "string"},
            "name_fa": {"type": "string"},
            "attributes": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        }
    )
    constraint = _closed(
        {
            "kind": {"enum": ["min", "max"]},
            "attribute": {"type": "string"},
            "value": {"type": ["string", "null"]},
            "limit": _count(),
        }
    )
    return _closed(
        {
            "format": {"const": "solidarity-election-definition/2"},
            "election": _string("^[-a-zA-Z0-9_]+$"),
            "title_en": {"type": "string"},
            "title_fa": {"type": "string"},
            "motion_en": {"type": "string"},
            "motion_fa": {"type": "string"},
            "rule": {"enum": rules},
            "seats": _count(),
            "threshold": {"type": "string"},
            "tie_break": {"const": "scottish-history-then-lot"},
            "candidates": {"type": "array", "items": candidate},
            "constraints": {"type": "array", "items": constraint},
            "electorate": {
                "type": "array",
                "items": _closed({"id": _string(minLength=1), "name": {"type": "string"}}),
            },
            "opens_at": _string(format="date-time"),
            "closes_at": _string(format="date-time"),
            "trustees": _closed(
                {"threshold": _count(), "count": _count(), "names": {"type": "array", "items": {"type": "string"}}}
            ),
            "keys": _closed({"blind_signing": _string(BASE64), "ballot": _string(BASE64), "record": _string(BASE64)}),
        }
    )


def _result() -> Schema:
    counted = {"valid": _count(), "spoilt": _count()}
    ids = {"type": "array", "items": {"type": "string"}}
    stage = _closed(
        {
            "number": {"type": "integer", "minimum": 1},
            "action": {"enum": ["first", "surplus", "exclusion", "fill"]},
            "subject": {"type": ["string", "null"]},
            "transfers": {"type": "object", "additionalProperties": {"type": "string"}},
            "non_transferable": {"type": "string"},
            "totals": {"type": "object", "additionalProperties": {"type": "string"}},
            "elected": ids,
            "excluded": ids,
            "note": {"type": "string"},
        }
    )
    return {
        "oneOf": [
            _closed(
                {
                    "rule": {"const": "scottish-stv"},
                    **counted,
                    "quota": _count(),
                    "elected": ids,
                    "lot_used": {"type": "boolean"},
                    "stages": {"type": "array", "items": stage},
                }
            ),
            _closed(
                {
                    "rule": {"enum": ["equal-shares", "pav"]},
                    **counted,
                    "elected": ids,
                    "approvals": {"type": "object", "additionalProperties": _count()},
                }
            ),
            _closed(
                {
                    "rule": {"const": "motion"},
                    **counted,
                    "yes": _count(),
                    "no": _count(),
                    "abstain": _count(),
                    "threshold": {"type": "string"},
                    "passed": {"type": "boolean"},
                }
            ),
        ]
    }


def _record(rules: list[str]) -> Schema:
    chain_entry = _closed({"event": {"enum": ["issue", "cast", "close"]}, "issued": _count(), "cast": _count()})
    return _closed(
        {
            "format": {"const": "solidarity-election-record/2"},
            "definition": {"$ref": "#/components/schemas/ElectionDefinition"},
            "definition_hash": _string(HEX_64),
            "issuance": {
                "type": "array",
                "items": _closed(
                    {
                        "elector": _string(minLength=1),
                        "blinded_message": _string(BASE64),
                        "blind_signature": _string(BASE64),
                    }
                ),
            },
            "chain": {"type": "array", "items": chain_entry},
            "chain_head": _string(HEX_64),
            "ballots": {
                "type": "array",
                "items": _closed(
                    {
                        "tracking": _string(HEX_64),
                        "credential": _string(BASE64),
                        "credential_signature": _string(BASE64),
                        "ciphertext": _string(BASE64),
                        "ballot_signature": _string(BASE64),
                    }
                ),
            },
            "election_private_key": _string(BASE64),
            "lot_seed": _string(HEX_64),
            "result": _result(),
            "record_signature": _string(BASE64),
        }
    )


def _feed() -> Schema:
    item = _closed(
        {
            "id": _string("^urn:solidarity:relay:live:[^:]+:[A-Za-z0-9]+$"),
            "content_text": _string(INERT_TEXT),
            "date_published": _string(UTC_SECONDS),
            "language": {"type": "string"},
            "authors": {
                "type": "array",
                "minItems": 1,
                "maxItems": 1,
                "items": _closed({"name": _string(INERT_TEXT, minLength=1, maxLength=80)}),
            },
            "tags": {
                "type": "array",
                "items": _string("^(?:lang:.+|translation|machine-translation|country:[A-Z]{2}|senders:[0-9]+)$"),
            },
            "_solidarity": _closed(
                {
                    "original_language": {"type": "string"},
                    "is_translation": {"type": "boolean"},
                    "is_machine_translation": {"type": "boolean"},
                    "country": _or_empty(_string("^[A-Z]{2}$")),
                    "city": _string(INERT_TEXT, maxLength=80),
                    "senders": {"type": "integer", "minimum": 1},
                }
            ),
        }
    )
    return _closed(
        {
            "version": {"const": "https://jsonfeed.org/version/1.1"},
            "title": _string(minLength=1),
            "language": {"type": "string"},
            "items": {"type": "array", "maxItems": 200, "items": item},
        }
    )


def _event_row(*, sub_event_types: list[str], sector_names: list[str], provinces: list[str]) -> Schema:
    whole = _count()
    return _closed(
        {
            "event_id_cnty": _string("^IRN-SOL-[0-9]+$"),
            "event_date": _or_empty(_string(format="date")),
            "year": _or_empty({"type": "integer"}),
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
            "notes": _string(maxLength=1000),
            "fatalities": whole,
            "tags": _string("^crowd size="),
            "sector": {"enum": ["", *sector_names]},
            "size_low": _or_empty(whole),
            "size_high": _or_empty(whole),
            "size_text": {"type": "string"},
            "iso_3166_2": {"enum": ["", *provinces]},
            "event_date_jalali": _or_empty(_string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
            "independent_sources": whole,
            "arrests": _or_empty(whole),
            "injuries": _or_empty(whole),
            "status": {"enum": ["automatic", "confirmed", "corrected"]},
            "claim_ids": _string("^(?:[0-9]+(?: [0-9]+)*)?$"),
        }
    )


# --- parameters ------------------------------------------------------------------------------


def _path(name: str, schema: Schema, description: str) -> Schema:
    return {"name": name, "in": "path", "required": True, "schema": schema, "description": description}


def _query(name: str, schema: Schema, description: str) -> Schema:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


SLUG = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "minLength": 1, "maxLength": 80}


def _event_filters(*, sectors: list[str], provinces: list[str], sub_event_types: list[str]) -> list[Schema]:
    return [
        _query("start", _string(format="date"), "Events on or after this day (YYYY-MM-DD)."),
        _query("end", _string(format="date"), "Events on or before this day (YYYY-MM-DD)."),
        _query("sector", {"enum": sectors}, "A sector of the monitor's taxonomy."),
        _query("province", {"enum": provinces}, "A province by ISO 3166-2 code."),
        _query("city", _string(maxLength=120), "A town by the gazetteer's English name, as stored on events."),
        _query("type", {"enum": sub_event_types}, "An ACLED sub-event type."),
        _query("grade", {"enum": ["A", "B", "C", "D", "F"]}, "Only events reported by a source of this grade."),
        _query("corroborated", {"enum": ["yes", "no"]}, "yes: two or more independent sources; no: fewer."),
        _query(
            "month",
            _string("^J?[0-9]{1,4}-[0-9]{1,2}$", maxLength=10),
            'A month: "2024-11" (Gregorian) or "J1403-08" (Solar Hijri); a month that does not exist is ignored.',
        ),
        _query("min_sources", {"type": "integer", "minimum": 0, "maximum": 50}, "At least this many sources."),
        _query("calendar", {"enum": ["gregorian", "jalali"]}, "Accepted for links shared with the dashboard; unused."),
    ]


# --- the document ----------------------------------------------------------------------------


def _enumerations() -> dict[str, list[str]]:
    """Read the enumerations from the code that owns them (imported here: core is imported first)."""
    from django.conf import settings

    from solidarity.assemblies.checkin import OUTCOMES
    from solidarity.elections.tally import RULES
    from solidarity.monitor.models import SubEventType
    from solidarity.monitor.pipeline.places import default_gazetteer
    from solidarity.monitor.pipeline.sectors import SECTORS

    return {
        "languages": [code for code, _name in settings.LANGUAGES],
        "outcomes": sorted(OUTCOMES),
        "rules": list(RULES),
        "sub_event_types": [value for value, _label in SubEventType.choices],
        "sectors": [slug for slug, _en, _fa, _pattern in SECTORS],
        "sector_names": [en for _slug, en, _fa, _pattern in SECTORS],
        "provinces": sorted(default_gazetteer().provinces),
    }


def _public_paths(enums: dict[str, list[str]]) -> dict[str, Schema]:
    language = _path(
        "language",
        _string("^[^/]+$", minLength=1, maxLength=12),
        'A feed language: "fa" and "en" always exist, and so does every language a published message is in.',
    )
    slug = _path("slug", SLUG, "The assembly's or election's slug.")
    return {
        "/api/openapi.json": {
            "get": {
                "operationId": "openapi",
                "tags": ["contract"],
                "summary": "This document.",
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "required": ["openapi", "info", "paths", "components"],
                            "properties": {"openapi": {"const": "3.1.0"}},
                        },
                        "The OpenAPI document of the host that serves it.",
                    ),
                    "405": _not_allowed(),
                },
            }
        },
        "/relay/pow.json": {
            "get": {
                "operationId": "relayPowChallenge",
                "tags": ["relay"],
                "summary": "A fresh ALTCHA proof-of-work challenge for the public message form (SR-14).",
                "description": "Each answer is new and uncached; a solved challenge is accepted once. The form itself "
                "(`/<language>/relay/send/`) is HTML with a CSRF token, not a JSON API; without JavaScript it "
                "uses a waiting token instead of this challenge.",
                "responses": {
                    "200": _json(
                        _closed(
                            {
                                "algorithm": {"const": "SHA-256"},
                                "challenge": _string(HEX_64),
                                "maxnumber": {"type": "integer", "minimum": 1},
                                "salt": _string(
                                    "^[0-9a-f]+\\?expires=[0-9]+&?$"
                                ),  # ALTCHA v1 appends its parameters as a query
                                "signature": _string(HEX_64),
                            }
                        ),
                        "The challenge, as the ALTCHA widget expects it.",
                    ),
                    "405": _not_allowed(),
                },
            }
        },
        "/relay/feeds/{language}.json": {
            "get": {
                "operationId": "relayJsonFeed",
                "tags": ["relay"],
                "summary": "The newest 200 published messages readable in a language (JSON Feed 1.1).",
                "description": "Originals and labelled translations; every text is inert (no link, handle, phone "
                "number or markup, SR-16). Keys are sorted, so equal content gives equal bytes.",
                "parameters": [language],
                "responses": {
                    "200": {
                        "description": "The feed.",
                        "content": {"application/feed+json": {"schema": {"$ref": "#/components/schemas/JsonFeed"}}},
                    },
                    "404": _not_found("No feed in that language."),
                    "405": _not_allowed(),
                },
            }
        },
        "/monitor/events.json": {
            "get": {
                "operationId": "monitorEvents",
                "tags": ["monitor"],
                "summary": "Protest events as ACLED-compatible rows plus the monitor's own columns.",
                "description": "Rejected events are never listed. The filters are those of the dashboard; if any "
                "of them is invalid, all are ignored and every event is listed (as on the dashboard). Served as an "
                "attachment (`solidarity-monitor-events.json`).",
                "parameters": _event_filters(
                    sectors=enums["sectors"], provinces=enums["provinces"], sub_event_types=enums["sub_event_types"]
                ),
                "responses": {
                    "200": _json(
                        {"type": "array", "items": {"$ref": "#/components/schemas/MonitorEvent"}},
                        "One row per event, oldest first.",
                    ),
                    "405": _not_allowed(),
                },
            }
        },
        "/assemblies/keys.json": {
            "get": {
                "operationId": "assemblyInvitationKeys",
                "tags": ["assemblies"],
                "summary": "The Ed25519 public keys that sign invitations, with fingerprints to compare (SR-10).",
                "responses": {
                    "200": _json(
                        _closed({"format": {"const": "solidarity-invitation-keys/1"}, "keys": _keyring()}),
                        "The current key and every earlier key still accepted.",
                    ),
                },
            }
        },
        "/assemblies/{slug}/revoked.json": {
            "get": {
                "operationId": "assemblyRevocations",
                "tags": ["assemblies"],
                "summary": "Nonces of an assembly's revoked invitations (no names), for verifiers.",
                "parameters": [slug],
                "responses": {
                    "200": _json(
                        _closed(
                            {
                                "assembly_id": {"type": "integer", "minimum": 1},
                                "revoked": {"type": "array", "items": _string(HEX_32), "uniqueItems": True},
                            }
                        ),
                        "The revocation list.",
                    ),
                    "404": _not_found("No published assembly with that slug (drafts are not found)."),
                },
            }
        },
        "/elections/{slug}/definition.json": {
            "get": {
                "operationId": "electionDefinition",
                "tags": ["elections"],
                "summary": "A frozen election's definition, as canonical JSON (what its hash covers).",
                "parameters": [slug],
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/ElectionDefinition"}, "The definition."),
                    "404": _not_found("No frozen or published election with that slug."),
                    "405": _not_allowed(),
                },
            }
        },
        "/elections/{slug}/record.json": {
            "get": {
                "operationId": "electionRecord",
                "tags": ["elections"],
                "summary": "A published election's signed record: everything needed to verify the count.",
                "parameters": [slug],
                "responses": {
                    "200": _json({"$ref": "#/components/schemas/ElectionRecord"}, "The record (canonical JSON)."),
                    "404": _not_found("No published election with that slug."),
                    "405": _not_allowed(),
                },
            }
        },
        "/elections/{slug}/chain.json": {
            "get": {
                "operationId": "electionChain",
                "tags": ["elections"],
                "summary": "The count chain's latest head: passes issued and ballots cast so far, no names, no times.",
                "description": "Copy the head anywhere while voting runs; `solidarity elections verify --chain-head` "
                "checks later that it is on the published record's chain.",
                "parameters": [slug],
                "responses": {
                    "200": _json(
                        _closed(
                            {
                                "election": {"type": "string"},
                                "definition_hash": _string(HEX_64),
                                "length": _count(),
                                "issued": _count(),
                                "cast": _count(),
                                "closed": {"type": "boolean"},
                                "head": _or_empty(_string(HEX_64)),
                            }
                        ),
                        "The chain's state.",
                    ),
                    "404": _not_found("No frozen or published election with that slug."),
                    "405": _not_allowed(),
                },
            }
        },
        "/elections/{slug}/cast": {
            "post": {
                "operationId": "electionCast",
                "tags": ["elections"],
                "summary": "Cast a sealed ballot signed by the key its blind-signed credential holds.",
                "description": "Reads no cookie or session and sets none; stores no address or time. The blind "
                "signature is the credential, so no CSRF token is asked for. The body is a JSON object with exactly "
                "these four fields and no duplicate key. `ballot_signature` is the "
                "Ed25519 signature, by the key in the credential's last 32 bytes, over "
                "`solidarity-ballot/2\\0` || definition hash (32 bytes) || ciphertext. A later ballot with the same "
                "credential replaces the earlier one. Bodies over 128 KiB are refused.",
                "parameters": [slug],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _closed(
                                {
                                    "ballot_signature": _string(BASE64),
                                    "ciphertext": _string(BASE64),
                                    "credential": _string(BASE64),
                                    "credential_signature": _string(BASE64),
                                }
                            )
                        }
                    },
                },
                "responses": {
                    "200": _json(
                        _closed({"tracking": _string(HEX_64)}), "Accepted; the tracking code to look up later."
                    ),
                    "400": _json(_error(), "Not a JSON object with exactly the four base64 fields, once each."),
                    "403": _json(
                        _error(),
                        "Refused: no open election, a bad credential, signature or ballot signature, a wrong size.",
                    ),
                    "404": _not_found("The path is not that of an election (not a slug)."),
                    "405": _not_allowed(),
                    "413": _json(_error(), "The body is over 128 KiB."),
                },
            }
        },
    }


def _staff_responses(ok: Schema, *more: tuple[str, Schema]) -> dict[str, Schema]:
    responses = {
        "200": ok,
        "302": {
            "description": "No signed-in session: to sign-in; signed in without a second factor: to that step.",
            "headers": {
                "Location": {
                    "required": True,
                    "schema": _string("^/(?:en|fa)/staff/(?:sign-in|second-factor)/\\?next="),
                }
            },
            "content": HTML,
        },
        "403": {
            "description": "Signed in and verified, but without a role this endpoint names; or the CSRF check "
            "failed (posts).",
            "content": HTML,
        },
        "404": _not_found(
            "No such assembly, venue or election; a venue that names its officers and not you; "
            "and on a public host, every staff path (SR-13)."
        ),
        "405": _not_allowed(),
    }
    for status, response in more:
        responses[status] = response
    return dict(sorted(responses.items()))


def _staff_paths(enums: dict[str, list[str]]) -> dict[str, Schema]:
    language = _path("lang", {"enum": enums["languages"]}, "The interface language of the staff pages.")
    slug = _path("slug", SLUG, "The assembly's or election's slug.")
    venue = _path("venue_id", {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}, "The venue's id.")
    staff: list[dict[str, list[str]]] = [{"staffSession": []}]
    posted: list[dict[str, list[str]]] = [{"staffSession": [], "csrfToken": []}]
    return {
        "/{lang}/staff/assemblies/{slug}/checkin/{venue_id}/queue.json": {
            "get": {
                "operationId": "checkinQueueFile",
                "tags": ["staff", "assemblies"],
                "summary": "A door device's queue file: the venue's manifest (keys, revocations, code digests).",
                "description": "Organizers and check-in officers only. Served as an attachment.",
                "security": staff,
                "parameters": [
                    language,
                    slug,
                    venue,
                    _query("device", _string(maxLength=40), "The door device's name (cut at 40 characters)."),
                ],
                "responses": _staff_responses(_json({"$ref": "#/components/schemas/CheckinQueue"}, "The file.")),
            }
        },
        "/{lang}/staff/assemblies/{slug}/checkin/{venue_id}/scans.json": {
            "post": {
                "operationId": "checkinSyncScans",
                "tags": ["staff", "assemblies"],
                "summary": "Store the scans the offline check-in page queued; each scan id is stored once.",
                "description": "Organizers and check-in officers only; send the CSRF token in `X-CSRFToken`.",
                "security": posted,
                "parameters": [language, slug, venue],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _closed({"scans": {"type": "array", "items": _scan(enums["outcomes"])}})
                        }
                    },
                },
                "responses": _staff_responses(
                    _json(
                        _closed({"stored": _count(), "already_known": _count(), "duplicates": _count()}),
                        "Stored; duplicates counts further admissions of one token in the assembly.",
                    ),
                    ("400", _json(_error(), "Not a list of scans of this venue.")),
                ),
            }
        },
        "/{lang}/staff/elections/{slug}/sign/": {
            "post": {
                "operationId": "electionBlindSign",
                "tags": ["staff", "elections"],
                "summary": "Blind-sign the signed-in delegate's blinded credential (once per delegate).",
                "description": "Delegates only; send the CSRF token in `X-CSRFToken`.",
                "security": posted,
                "parameters": [language, slug],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": _closed({"blinded_message": _string(BASE64, minLength=1)})}
                    },
                },
                "responses": _staff_responses(
                    _json(
                        _closed({"elector": _string(minLength=1), "blind_signature": _string(BASE64)}),
                        "The elector id and the blind signature (both public in the issuance list).",
                    ),
                    ("400", _json(_error(), "Not a JSON object with a base64 `blinded_message`.")),
                    (
                        "403",
                        {
                            "description": "Not eligible, already signed, or the election is not open (JSON); "
                            "or no delegate role, or the CSRF check failed (HTML).",
                            "content": {"application/json": {"schema": _error()}, **HTML},
                        },
                    ),
                ),
            }
        },
    }


@cache
def _build(include_staff: bool) -> Schema:
    enums = _enumerations()
    paths = _public_paths(enums)
    if include_staff:
        paths.update(_staff_paths(enums))
    components: Schema = {
        "schemas": {
            "JsonFeed": _feed(),
            "MonitorEvent": _event_row(
                sub_event_types=enums["sub_event_types"],
                sector_names=enums["sector_names"],
                provinces=enums["provinces"],
            ),
            "ElectionDefinition": _definition(enums["rules"]),
            "ElectionRecord": _record(enums["rules"]),
        }
    }
    if include_staff:
        components["schemas"]["CheckinQueue"] = _queue_file(enums["outcomes"])
        components["securitySchemes"] = {
            "staffSession": {
                "type": "apiKey",
                "in": "cookie",
                "name": "sessionid",
                "description": "A session signed in with a password and a verified second factor (SR-11), "
                "on a staff host (SR-13).",
            },
            "csrfToken": {
                "type": "apiKey",
                "in": "header",
                "name": "X-CSRFToken",
                "description": "The value of the `csrftoken` cookie, echoed in this header on every post.",
            },
        }
    tags = [
        {"name": "contract", "description": "This document."},
        {"name": "relay", "description": "Messages of solidarity: the proof of work and the JSON feeds."},
        {"name": "monitor", "description": "The protest monitor's open data."},
        {"name": "assemblies", "description": "Invitation keys, revocation lists and (staff) door check-in."},
        {"name": "elections", "description": "Verifiable elections: definitions, records and casting."},
    ]
    if include_staff:
        tags.append({"name": "staff", "description": "Staff hosts only; a verified staff session is required."})
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Solidarity JSON API",
            "version": VERSION,
            "description": "The JSON endpoints of a Solidarity server. Paths are relative to the host that serves "
            "this document (clearnet or onion alike). Public endpoints need no account; staff endpoints exist "
            "only on staff hosts. Not-found and method errors answer with the generic HTML error page.",
            "license": {"name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later"},
        },
        "servers": [{"url": "/"}],
        "tags": tags,
        "paths": dict(sorted(paths.items())),
        "components": components,
    }


def document(*, include_staff: bool) -> Schema:
    """Return the OpenAPI document: with the staff endpoints for a staff host, without for a public one."""
    return deepcopy(_build(include_staff))


@cache
def document_json(*, include_staff: bool) -> bytes:
    """Return the document serialised once, as the view serves it on every request."""
    return json.dumps(_build(include_staff), ensure_ascii=False).encode()
