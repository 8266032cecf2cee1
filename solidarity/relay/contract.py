"""The relay's JSON endpoints in the API contract: the proof-of-work challenge and the JSON feeds."""

from __future__ import annotations

from solidarity.core.openapi import (
    HEX_64,
    INERT_TEXT,
    UTC_SECONDS,
    Contract,
    Schema,
    closed,
    json_response,
    not_allowed,
    not_found,
    or_empty,
    path_parameter,
    string,
)


def json_feed() -> Schema:
    """Return the shape of `/relay/feeds/<language>.json` (JSON Feed 1.1 with our own extension)."""
    item = closed(
        {
            "id": string("^urn:solidarity:relay:live:[^:]+:[A-Za-z0-9]+$"),
            "content_text": string(INERT_TEXT),
            "date_published": string(UTC_SECONDS),
            "language": {"type": "string"},
            "authors": {
                "type": "array",
                "minItems": 1,
                "maxItems": 1,
                "items": closed({"name": string(INERT_TEXT, minLength=1, maxLength=80)}),
            },
            "tags": {
                "type": "array",
                "items": string("^(?:lang:.+|translation|machine-translation|country:[A-Z]{2}|senders:[0-9]+)$"),
            },
            "_solidarity": closed(
                {
                    "original_language": {"type": "string"},
                    "is_translation": {"type": "boolean"},
                    "is_machine_translation": {"type": "boolean"},
                    "country": or_empty(string("^[A-Z]{2}$")),
                    "city": string(INERT_TEXT, maxLength=80),
                    "senders": {"type": "integer", "minimum": 1},
                }
            ),
        }
    )
    return closed(
        {
            "version": {"const": "https://jsonfeed.org/version/1.1"},
            "title": string(minLength=1),
            "language": {"type": "string"},
            # The signing key as Persian words (docs/relay.md), once a key is configured.
            "description": string(minLength=1),
            "items": {"type": "array", "maxItems": 200, "items": item},
        },
        optional=("description",),
    )


def paths() -> dict[str, Schema]:
    """Return the relay's public JSON paths."""
    language = path_parameter(
        "language",
        string("^[^/]+$", minLength=1, maxLength=12),
        'A feed language: "fa" and "en" always exist, and so does every language a published message is in.',
    )
    return {
        "/relay/pow.json": {
            "get": {
                "operationId": "relayPowChallenge",
                "tags": ["relay"],
                "summary": "A fresh ALTCHA proof-of-work challenge for the public message form (SR-14).",
                "description": "Each answer is new and uncached; a solved challenge is accepted once. The form itself "
                "(`/<language>/relay/send/`) is HTML with a CSRF token, not a JSON API; without JavaScript it "
                "uses a waiting token instead of this challenge.",
                "responses": {
                    "200": json_response(
                        closed(
                            {
                                "algorithm": {"const": "SHA-256"},
                                "challenge": string(HEX_64),
                                "maxnumber": {"type": "integer", "minimum": 1},
                                "salt": string(
                                    "^[0-9a-f]+\\?expires=[0-9]+&?$"
                                ),  # ALTCHA v1 appends its parameters as a query
                                "signature": string(HEX_64),
                            }
                        ),
                        "The challenge, as the ALTCHA widget expects it.",
                    ),
                    "405": not_allowed(),
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
                    "404": not_found("No feed in that language."),
                    "405": not_allowed(),
                },
            }
        },
    }


CONTRACT = Contract(
    tag="relay",
    description="Messages of solidarity: the proof of work and the JSON feeds.",
    order=10,
    paths=paths,
    schemas=lambda: {"JsonFeed": json_feed()},
)
