"""The OpenAPI 3.1 document of every JSON endpoint: the contract partners read and schemathesis tests (SR-22).

Served read-only at /api/openapi.json. A public host's copy lists only what that host serves; a
staff host's copy adds the staff JSON endpoints, which exist nowhere else (SR-13).

The kernel imports no app, so each app describes its own endpoints in `solidarity/<app>/contract.py`
and registers a `Contract` from its `AppConfig.ready()` (as it registers its menu entries):

    from solidarity.core import openapi
    from solidarity.<app> import contract
    openapi.register(contract.CONTRACT)

This module keeps what every contract shares (the schema builders, the common parameters and
responses, the staff security schemes) and assembles the document from the registry. An app's
enumerations (provinces, sectors, event types, rules, check-in outcomes) are read in its
`contract.py` from the code that defines them, so the contract follows them; every response shape
is written by hand from the view that produces it, with `additionalProperties: false` where the
shape is closed, so a changed payload fails `tests/core/test_api_contract.py`.

Only JSON is described here. The public message form (`/<language>/relay/send/`) is an HTML
form with a CSRF token and a proof of work (`pow.json`), not a JSON API; Atom feeds,
calendars, live streams and zip bundles are documented in their apps' pages.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
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


def closed(properties: dict[str, Schema], *, optional: tuple[str, ...] = ()) -> Schema:
    """Return an object schema whose every property is required (bar `optional`) and no other is allowed."""
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }


def string(pattern: str | None = None, **more: Any) -> Schema:
    """Return a string schema, with `pattern` when given and any other keywords."""
    schema: Schema = {"type": "string", **more}
    if pattern is not None:
        schema["pattern"] = pattern
    return schema


def or_empty(schema: Schema) -> Schema:
    """Allow the empty string where the export writes "" for an unknown value."""
    return {"anyOf": [schema, {"const": ""}]}


def count() -> Schema:
    """Return the schema of a whole number from zero up."""
    return {"type": "integer", "minimum": 0}


def json_response(schema: Schema, description: str) -> Schema:
    """Return a response whose JSON body matches `schema`."""
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def not_found(description: str = "No such resource (the generic HTML error page).") -> Schema:
    """Return the 404 response: the generic HTML error page."""
    return {"description": description, "content": HTML}


def not_allowed() -> Schema:
    """Return the 405 response of a method the endpoint does not serve."""
    return {"description": "Another method than the one documented (an empty HTML body).", "content": HTML}


def error() -> Schema:
    """Return the shape of a JSON refusal: `{"error": "..."}`."""
    return closed({"error": string(minLength=1)})


# --- parameters ------------------------------------------------------------------------------


def path_parameter(name: str, schema: Schema, description: str) -> Schema:
    """Return a required path parameter."""
    return {"name": name, "in": "path", "required": True, "schema": schema, "description": description}


def query_parameter(name: str, schema: Schema, description: str) -> Schema:
    """Return an optional query parameter."""
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


SLUG = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "minLength": 1, "maxLength": 80}


def slug_parameter() -> Schema:
    """Return the `{slug}` path parameter that assemblies and elections share."""
    return path_parameter("slug", SLUG, "The assembly's or election's slug.")


# --- staff endpoints -------------------------------------------------------------------------

STAFF_SESSION: list[dict[str, list[str]]] = [{"staffSession": []}]
STAFF_POST: list[dict[str, list[str]]] = [{"staffSession": [], "csrfToken": []}]


# A delegate (participant, not staff): a session opened with an invitation, or a staff account linked
# to a delegate with a verified second factor; posts echo the CSRF token.
DELEGATE_POST: list[dict[str, list[str]]] = [{"delegateSession": [], "csrfToken": []}]


def language() -> Schema:
    """Return the `{lang}` path parameter of public pages: one of the configured languages."""
    from django.conf import settings

    languages = [code for code, _name in settings.LANGUAGES]
    return path_parameter("lang", {"enum": languages}, "The interface language of the page.")


def staff_language() -> Schema:
    """Return the `{lang}` path parameter of staff pages: one of the configured languages."""
    from django.conf import settings

    languages = [code for code, _name in settings.LANGUAGES]
    return path_parameter("lang", {"enum": languages}, "The interface language of the staff pages.")


def staff_responses(ok: Schema, *more: tuple[str, Schema]) -> dict[str, Schema]:
    """Return a staff endpoint's responses: `ok`, the refusals every staff page gives, and `more`."""
    responses = {
        "200": ok,
        "302": {
            "description": "No signed-in session: to sign-in; signed in without a second factor: to that step.",
            "headers": {
                "Location": {
                    "required": True,
                    "schema": string("^/(?:en|fa)/staff/(?:sign-in|second-factor)/\\?next="),
                }
            },
            "content": HTML,
        },
        "403": {
            "description": "Signed in and verified, but without a role this endpoint names; or the CSRF check "
            "failed (posts).",
            "content": HTML,
        },
        "404": not_found(
            "No such assembly, venue or election; a venue that names its officers and not you; "
            "and on a public host, every staff path (SR-13)."
        ),
        "405": not_allowed(),
    }
    for status, response in more:
        responses[status] = response
    return dict(sorted(responses.items()))


# --- the registry ----------------------------------------------------------------------------


def _nothing() -> dict[str, Schema]:
    return {}


@dataclass(frozen=True)
class Contract:
    """What one app adds to the document: a tag, its paths and its named schemas.

    Each part is a function, called when the document is first built (after every app is ready),
    so a contract may read enumerations from its app's models and data. Staff paths and schemas
    appear on staff hosts only. Schemas are referred to as `#/components/schemas/<name>`.
    """

    tag: str
    description: str
    order: int = 100  # the place of the tag, and of the app's schemas, in the document
    paths: Callable[[], dict[str, Schema]] = _nothing
    schemas: Callable[[], dict[str, Schema]] = _nothing
    staff_paths: Callable[[], dict[str, Schema]] = _nothing
    staff_schemas: Callable[[], dict[str, Schema]] = _nothing


_contracts: dict[str, Contract] = {}


def register(contract: Contract) -> None:
    """Add an app's contract to the document (again under the same tag: replace it)."""
    _contracts[contract.tag] = contract
    _build.cache_clear()
    document_json.cache_clear()


def unregister(tag: str) -> None:
    """Take a contract out of the document (for tests that register one of their own)."""
    _contracts.pop(tag, None)
    _build.cache_clear()
    document_json.cache_clear()


def contracts() -> list[Contract]:
    """Every registered contract, in the order of the document."""
    return sorted(_contracts.values(), key=lambda contract: (contract.order, contract.tag))


# --- the document ----------------------------------------------------------------------------


def _kernel_paths() -> dict[str, Schema]:
    return {
        "/api/openapi.json": {
            "get": {
                "operationId": "openapi",
                "tags": ["contract"],
                "summary": "This document.",
                "responses": {
                    "200": json_response(
                        {
                            "type": "object",
                            "required": ["openapi", "info", "paths", "components"],
                            "properties": {"openapi": {"const": "3.1.0"}},
                        },
                        "The OpenAPI document of the host that serves it.",
                    ),
                    "405": not_allowed(),
                },
            }
        },
    }


def _merge(into: dict[str, Schema], more: dict[str, Schema], *, what: str) -> None:
    """Add `more` to `into`; two apps describing one path or naming one schema is a mistake."""
    if clash := sorted(into.keys() & more.keys()):
        raise ValueError(f"{what} described twice in the API contract: {', '.join(clash)}")
    into.update(more)


@cache
def _build(include_staff: bool) -> Schema:
    registered = contracts()
    paths = _kernel_paths()
    schemas: dict[str, Schema] = {}
    parts = [(contract.paths, contract.schemas) for contract in registered]
    if include_staff:
        parts += [(contract.staff_paths, contract.staff_schemas) for contract in registered]
    for more_paths, more_schemas in parts:
        _merge(paths, more_paths(), what="path")
        _merge(schemas, more_schemas(), what="schema")
    components: Schema = {"schemas": schemas}
    schemes: Schema = {
        "delegateSession": {
            "type": "apiKey",
            "in": "cookie",
            "name": "sessionid",
            "description": "A delegate's session, opened with an invitation's short code or link (not a staff "
            "account), or a staff account linked to a delegate with a verified second factor.",
        },
        "csrfToken": {
            "type": "apiKey",
            "in": "header",
            "name": "X-CSRFToken",
            "description": "The value of the `csrftoken` cookie, echoed in this header on every post.",
        },
    }
    components["securitySchemes"] = schemes
    if include_staff:
        schemes |= {
            "staffSession": {
                "type": "apiKey",
                "in": "cookie",
                "name": "sessionid",
                "description": "A session signed in with a password and a verified second factor (SR-11), "
                "on a staff host (SR-13).",
            },
        }
    tags = [{"name": "contract", "description": "This document."}]
    tags += [{"name": contract.tag, "description": contract.description} for contract in registered]
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
