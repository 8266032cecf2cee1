"""The OpenAPI description of coordination's JSON endpoints (merged into /api/openapi.json)."""

from __future__ import annotations

from typing import Any

from solidarity.core.openapi import (
    STAFF_SESSION,
    Contract,
    json_response,
    slug_parameter,
    staff_language,
    staff_responses,
)

Schema = dict[str, Any]

HTML = {"text/html": {"schema": {"type": "string"}}}
BASE64URL = "^[A-Za-z0-9_=-]*$"
HEX_64 = "^[0-9a-f]{64}$"
SLUG = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}
BAND = {"type": "string", "pattern": "^(?:suppressed|[0-9]+-[0-9]+|[0-9]+\\+)$"}


def _closed(properties: dict[str, Schema], *, optional: tuple[str, ...] = ()) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }


def _json(schema: Schema, description: str) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERROR = _closed({"error": {"type": "string", "minLength": 1}})
NOT_FOUND = {"description": "No open or closed campaign with that slug (the generic HTML error page).", "content": HTML}
NOT_ALLOWED = {"description": "Another method than the one documented (an empty HTML body).", "content": HTML}
REFUSED = _json(ERROR, "Refused, for every reason alike: unknown or used code, bad token, closed campaign.")
LIMITED = _json(ERROR, "Too many refusals from this client key in ten minutes.")


def release_schema() -> Schema:
    cell = _closed(
        {
            "key": {"type": "string"},
            "area": {"type": "string"},
            "sector": {"type": "string"},
            "target": {"type": "integer", "minimum": 1},
            "band": BAND,
            "reached": {"type": "boolean"},
            "issuers_ok": {"type": "boolean"},
            "issuer_bands": {"type": "object", "additionalProperties": BAND},
        }
    )
    return _closed(
        {
            "cells": {"type": "array", "items": cell},
            "area_totals": {"type": "object", "additionalProperties": BAND},
            "sector_totals": {"type": "object", "additionalProperties": BAND},
            "total": BAND,
            "reached_cells": {"type": "integer", "minimum": 0},
            "cells_count": {"type": "integer", "minimum": 0},
            "issued": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
        }
    )


def _post(operation_id: str, summary: str, request: Schema, ok: Schema, *, limited: bool = True) -> Schema:
    responses: dict[str, Schema] = {
        "200": ok,
        "403": REFUSED,
        "404": NOT_FOUND,
        "405": NOT_ALLOWED,
    }
    if limited:
        responses["429"] = LIMITED
    return {
        "post": {
            "operationId": operation_id,
            "tags": ["coordination"],
            "summary": summary,
            "description": "Anonymous: reads no cookie or session and sets none; stores no address, agent or "
            "time; writes no log line. No CSRF token is asked for: there is no session to ride on.",
            "parameters": [{"name": "slug", "in": "path", "required": True, "schema": SLUG}],
            "requestBody": {"required": True, "content": {"application/json": {"schema": request}}},
            "responses": responses,
        }
    }


def paths() -> dict[str, Schema]:
    slug = [{"name": "slug", "in": "path", "required": True, "schema": SLUG, "description": "The campaign's slug."}]
    b64 = {"type": "string", "pattern": BASE64URL}
    return {
        "/coordination/{slug}/campaign.json": {
            "get": {
                "operationId": "coordinationCampaign",
                "tags": ["coordination"],
                "summary": "A campaign's partially blind RSA public key, code-word commitments and signed bulletin.",
                "parameters": slug,
                "responses": {
                    "200": _json({"type": "object", "required": ["format", "campaign", "code_words"]}, "The document."),
                    "404": NOT_FOUND,
                    "405": NOT_ALLOWED,
                },
            }
        },
        "/coordination/{slug}/release.json": {
            "get": {
                "operationId": "coordinationRelease",
                "tags": ["coordination"],
                "summary": "The latest daily release of a campaign: bands only, never exact or live counts.",
                "parameters": slug,
                "responses": {
                    "200": _json(
                        _closed(
                            {
                                "campaign": {"type": "string"},
                                "day": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
                                "release": {"anyOf": [release_schema(), {"type": "null"}]},
                            }
                        ),
                        "The release (null before the first one).",
                    ),
                    "404": NOT_FOUND,
                    "405": NOT_ALLOWED,
                },
            }
        },
        "/coordination/{slug}/code.json": _post(
            "coordinationCodeInfo",
            "The public metadata an unused issuance code pays for, and the campaign's modulus.",
            _closed({"code": {"type": "string", "maxLength": 40}}),
            _json(_closed({"info": b64, "n": {"type": "string", "pattern": "^[0-9a-f]+$"}}), "The metadata."),
        ),
        "/coordination/{slug}/sign.json": _post(
            "coordinationBlindSign",
            "Spend an issuance code on one partially blind signature of a blinded message.",
            _closed({"code": {"type": "string", "maxLength": 40}, "blinded_message": b64}),
            _json(_closed({"blind_signature": b64}), "The blind signature."),
        ),
        "/coordination/{slug}/pledge.json": _post(
            "coordinationPledge",
            "Pledge with a token: metadata, message and signature; once per token and campaign.",
            _closed({"info": b64, "token": b64, "signature": b64}),
            _json(_closed({"status": {"const": "counted"}}), "Counted."),
        ),
        "/coordination/{slug}/withdraw.json": _post(
            "coordinationWithdraw",
            "Withdraw a pledge before the close, proving it with the token message.",
            _closed({"token": b64}),
            _json(_closed({"status": {"const": "withdrawn"}}), "Withdrawn."),
        ),
        "/coordination/{slug}/status.json": _post(
            "coordinationPledgeStatus",
            "Tell whether the token with this hash (re-derived from a phrase on the device) is counted.",
            _closed({"token_hash": {"type": "string", "pattern": HEX_64}}),
            _json(_closed({"status": {"enum": ["counted", "withdrawn", "unknown"]}}), "The status."),
            limited=False,
        ),
    }


def staff_paths() -> dict[str, Schema]:
    """The bulletin a coordinator signs on their own device (an offline key)."""
    return {
        "/{lang}/staff/coordination/{slug}/bulletin.json": {
            "get": {
                "operationId": "coordinationBulletinToSign",
                "tags": ["staff", "coordination"],
                "summary": "The GO or ABORT bulletin's canonical bytes: exactly what a coordinator signs.",
                "description": "Coordinators only. Served as an attachment; sign it with "
                "`solidarity coordination sign --key FILE bulletin.json` and paste the signature.",
                "security": STAFF_SESSION,
                "parameters": [staff_language(), slug_parameter()],
                "responses": staff_responses(
                    json_response(
                        {"type": "object", "required": ["format", "campaign", "kind"]},
                        "Canonical JSON (sorted keys, no spaces, UTF-8).",
                    )
                ),
            }
        }
    }


CONTRACT = Contract(
    tag="coordination",
    description="Pledges for dispersed actions: tokens, releases, signals.",
    order=50,
    paths=paths,
    staff_paths=staff_paths,
)
