"""The assemblies' JSON endpoints in the API contract: invitation keys, revocations and (staff) door check-in."""

from __future__ import annotations

from solidarity.core.openapi import (
    BASE64,
    HEX_32,
    STAFF_POST,
    STAFF_SESSION,
    Contract,
    Schema,
    closed,
    count,
    error,
    json_response,
    not_found,
    path_parameter,
    query_parameter,
    slug_parameter,
    staff_language,
    staff_responses,
    string,
)


def outcomes() -> list[str]:
    """Read the check-in outcomes from the code that defines them."""
    from solidarity.assemblies.checkin import OUTCOMES

    return sorted(OUTCOMES)


def keyring() -> Schema:
    """Return the shape of the invitation signing keys (the current one and every earlier one accepted)."""
    return {
        "type": "array",
        "minItems": 1,
        "items": closed(
            {
                "key_id": {"type": "integer", "minimum": 0, "maximum": 4294967295},
                "public_key": string(BASE64, minLength=44, maxLength=44),
                "fingerprint": string("^(?:[0-9A-F]{4} ){9}[0-9A-F]{4}$"),
            }
        ),
    }


def scan(outcomes: list[str]) -> Schema:
    """Return the shape of one scan a door device queued."""
    return closed(
        {
            "scan_id": string(HEX_32),
            "device_id": string(minLength=1, maxLength=64),
            "venue_id": {"type": "integer", "minimum": 1},
            "token_nonce": {"anyOf": [string(HEX_32), {"type": "null"}]},
            "scanned_at": {"type": "integer", "minimum": 0, "maximum": 4294967295},
            "outcome": {"enum": outcomes},
        }
    )


def queue_file(outcomes: list[str]) -> Schema:
    """Return the shape of a door device's queue file: the venue's manifest and its scans."""
    manifest = closed(
        {
            "format": {"const": "solidarity-checkin-manifest/1"},
            "assembly_id": {"type": "integer", "minimum": 1},
            "venue_id": {"type": "integer", "minimum": 1},
            "keys": keyring(),
            "revoked": {"type": "array", "items": string(HEX_32), "uniqueItems": True},
            "codes": {
                "type": "object",
                "propertyNames": {"pattern": HEX_32},
                "additionalProperties": closed(
                    {
                        "nonce": string(HEX_32),
                        "venue_id": {"type": "integer", "minimum": 1},
                        "not_before": {"type": "integer"},
                        "not_after": {"type": "integer"},
                    }
                ),
            },
            "issued_at": {"type": "integer", "minimum": 0},
            "admitted": {"type": "array", "items": string(HEX_32), "uniqueItems": True},
        }
    )
    return closed(
        {
            "format": {"const": "solidarity-checkin-queue/1"},
            "device_id": string(minLength=1, maxLength=40),
            "manifest": manifest,
            "queue": {"type": "array", "items": scan(outcomes)},
            "synced": {"type": "array", "items": string(HEX_32)},
        }
    )


def paths() -> dict[str, Schema]:
    """Return the assemblies' public JSON paths."""
    slug = slug_parameter()
    return {
        "/assemblies/keys.json": {
            "get": {
                "operationId": "assemblyInvitationKeys",
                "tags": ["assemblies"],
                "summary": "The Ed25519 public keys that sign invitations, with fingerprints to compare (SR-10).",
                "responses": {
                    "200": json_response(
                        closed({"format": {"const": "solidarity-invitation-keys/1"}, "keys": keyring()}),
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
                    "200": json_response(
                        closed(
                            {
                                "assembly_id": {"type": "integer", "minimum": 1},
                                "revoked": {"type": "array", "items": string(HEX_32), "uniqueItems": True},
                            }
                        ),
                        "The revocation list.",
                    ),
                    "404": not_found("No published assembly with that slug (drafts are not found)."),
                },
            }
        },
    }


def staff_paths() -> dict[str, Schema]:
    """Return the door devices' staff JSON paths."""
    language = staff_language()
    slug = slug_parameter()
    venue = path_parameter("venue_id", {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}, "The venue's id.")
    return {
        "/{lang}/staff/assemblies/{slug}/checkin/{venue_id}/queue.json": {
            "get": {
                "operationId": "checkinQueueFile",
                "tags": ["staff", "assemblies"],
                "summary": "A door device's queue file: the venue's manifest (keys, revocations, code digests).",
                "description": "Organizers and check-in officers only. Served as an attachment.",
                "security": STAFF_SESSION,
                "parameters": [
                    language,
                    slug,
                    venue,
                    query_parameter("device", string(maxLength=40), "The door device's name (cut at 40 characters)."),
                ],
                "responses": staff_responses(json_response({"$ref": "#/components/schemas/CheckinQueue"}, "The file.")),
            }
        },
        "/{lang}/staff/assemblies/{slug}/checkin/{venue_id}/scans.json": {
            "post": {
                "operationId": "checkinSyncScans",
                "tags": ["staff", "assemblies"],
                "summary": "Store the scans the offline check-in page queued; each scan id is stored once.",
                "description": "Organizers and check-in officers only; send the CSRF token in `X-CSRFToken`.",
                "security": STAFF_POST,
                "parameters": [language, slug, venue],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": closed({"scans": {"type": "array", "items": scan(outcomes())}})}
                    },
                },
                "responses": staff_responses(
                    json_response(
                        closed({"stored": count(), "already_known": count(), "duplicates": count()}),
                        "Stored; duplicates counts further admissions of one token in the assembly.",
                    ),
                    ("400", json_response(error(), "Not a list of scans of this venue.")),
                ),
            }
        },
    }


CONTRACT = Contract(
    tag="assemblies",
    description="Invitation keys, revocation lists and (staff) door check-in.",
    order=30,
    paths=paths,
    staff_paths=staff_paths,
    staff_schemas=lambda: {"CheckinQueue": queue_file(outcomes())},
)
