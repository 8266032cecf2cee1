"""The elections' JSON endpoints in the API contract: definitions, records, the count chain, casting, blind signing."""

from __future__ import annotations

from solidarity.core.openapi import (
    BASE64,
    DELEGATE_POST,
    HEX_64,
    HTML,
    STAFF_SESSION,
    Contract,
    Schema,
    closed,
    count,
    error,
    json_response,
    language,
    not_allowed,
    not_found,
    or_empty,
    slug_parameter,
    staff_language,
    staff_responses,
    string,
)


def rules() -> list[str]:
    """Read the counting rules from the code that defines them."""
    from solidarity.elections.tally import RULES

    return list(RULES)


def definition(rules: list[str]) -> Schema:
    """Return the shape of a frozen election's definition (what its hash covers)."""
    candidate = closed(
        {
            "id": string(minLength=1),
            "name_en": {"type": "string"},
            "name_fa": {"type": "string"},
            "attributes": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        }
    )
    constraint = closed(
        {
            "kind": {"enum": ["min", "max"]},
            "attribute": {"type": "string"},
            "value": {"type": ["string", "null"]},
            "limit": count(),
        }
    )
    return closed(
        {
            "format": {"const": "solidarity-election-definition/7"},
            "election": string("^[-a-zA-Z0-9_]+$"),
            "title_en": {"type": "string"},
            "title_fa": {"type": "string"},
            "motion_en": {"type": "string"},
            "motion_fa": {"type": "string"},
            "rule": {"enum": rules},
            "seats": count(),
            "threshold": {"type": "string"},
            "quorum": string("^(0|[1-9][0-9]{0,8})/([1-9][0-9]{0,8})$"),
            "tie_break": {"const": "scottish-history-then-lot"},
            "candidates": {"type": "array", "items": candidate},
            "constraints": {"type": "array", "items": constraint},
            "electorate": {
                "type": "array",
                "items": closed(
                    {
                        "id": string(minLength=1),
                        "name": {"type": "string"},
                        "key": {"type": ["string", "null"], "pattern": BASE64},
                    }
                ),
            },
            "opens_at": string(format="date-time"),
            "closes_at": string(format="date-time"),
            "trustees": closed(
                {
                    "threshold": count(),
                    "count": count(),
                    "names": {"type": "array", "items": {"type": "string"}},
                    "dealings": {
                        "type": "array",
                        "items": closed(
                            {
                                "trustee": count(),
                                "commitments": {"type": "array", "items": string(BASE64)},
                                "proof": string(BASE64),
                            }
                        ),
                    },
                    "confirmations": {
                        "type": "array",
                        "items": closed({"trustee": count(), "proof": string(BASE64)}),
                    },
                }
            ),
            "keys": closed({"blind_signing": string(BASE64), "ballot": string(BASE64), "record": string(BASE64)}),
            "ballot_format": closed({"encoding": {"const": "solidarity-ballot-bytes/1"}, "points": count()}),
            "charter": closed(
                {
                    "id": count(),
                    "format": {"const": "solidarity-charter/1"},
                    "title_en": {"type": "string"},
                    "title_fa": {"type": "string"},
                    "sha256": string(HEX_64),
                }
            ),
        },
        optional=("charter",),
    )


def charter() -> Schema:
    """Return the shape of a charter's canonical text (what the definition's `charter.sha256` covers)."""
    return closed(
        {
            "format": {"const": "solidarity-charter/1"},
            "charter": count(),
            "title_en": {"type": "string"},
            "title_fa": {"type": "string"},
            "preamble_en": {"type": "string"},
            "preamble_fa": {"type": "string"},
            "statements": {
                "type": "array",
                "items": closed({"number": count(), "text_en": {"type": "string"}, "text_fa": {"type": "string"}}),
            },
        }
    )


def result() -> Schema:
    """Return the shape of a count's result, one branch per kind of rule."""
    quorum = closed({"required": count(), "ballots": count(), "met": {"type": "boolean"}})
    counted = {"valid": count(), "spoilt": count(), "quorum": quorum}
    ids = {"type": "array", "items": {"type": "string"}}
    stage = closed(
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
            closed(
                {
                    "rule": {"const": "scottish-stv"},
                    **counted,
                    "quota": count(),
                    "elected": ids,
                    "lot_used": {"type": "boolean"},
                    "stages": {"type": "array", "items": stage},
                }
            ),
            closed(
                {
                    "rule": {"enum": ["equal-shares", "pav"]},
                    **counted,
                    "elected": ids,
                    "approvals": {"type": "object", "additionalProperties": count()},
                }
            ),
            closed(
                {
                    "rule": {"const": "motion"},
                    **counted,
                    "yes": count(),
                    "no": count(),
                    "abstain": count(),
                    "threshold": {"type": "string"},
                    "passed": {"type": "boolean"},
                }
            ),
        ]
    }


def record() -> Schema:
    """Return the shape of a published election's signed record (docs/elections.md is the specification)."""
    chain_entry = closed({"event": {"enum": ["issue", "cast", "close"]}, "issued": count(), "cast": count()})
    b64_list = {"type": "array", "items": string(BASE64)}
    return closed(
        {
            "format": {"const": "solidarity-election-record/10"},
            "definition": {"$ref": "#/components/schemas/ElectionDefinition"},
            "definition_hash": string(HEX_64),
            "issuance": {
                "type": "array",
                "items": closed(
                    {
                        "elector": string(minLength=1),
                        "blinded_message": string(BASE64),
                        "blind_signature": string(BASE64),
                        "voter_signature": string(BASE64),
                        "cast_declaration": {"oneOf": [string(BASE64), {"type": "null"}]},
                    }
                ),
            },
            "chain": {"type": "array", "items": chain_entry},
            "chain_head": string(HEX_64),
            "ballots": {
                "type": "array",
                "items": closed(
                    {
                        "tracking": string(HEX_64),
                        "credential": string(BASE64),
                        "credential_signature": string(BASE64),
                        "ciphertext": string(BASE64),
                        "ballot_signature": string(BASE64),
                    }
                ),
            },
            "mixes": {
                "type": "array",
                "items": closed(
                    {
                        "mixer": {"type": "integer", "minimum": 0, "maximum": 255},
                        "ciphertexts": {"type": "array", "items": string(BASE64)},
                        "signature": {"oneOf": [string(BASE64), {"type": "null"}]},
                        "proof": closed(
                            {
                                "commitments": b64_list,
                                "chain": b64_list,
                                "t1": string(BASE64),
                                "t2": string(BASE64),
                                "t3": string(BASE64),
                                "t4": {"type": "array", "items": {"type": "array", "items": string(BASE64)}},
                                "t_hat": b64_list,
                                "s1": string(BASE64),
                                "s2": string(BASE64),
                                "s3": string(BASE64),
                                "s4": b64_list,
                                "s_hat": b64_list,
                                "s_prime": b64_list,
                            }
                        ),
                    }
                ),
            },
            "decryptions": {
                "type": "array",
                "items": closed(
                    {
                        "trustee": count(),
                        "rows": {"type": "array", "items": closed({"factors": b64_list})},
                        "proof": string(BASE64),
                        "lot": closed({"value": string(BASE64), "proof": string(BASE64)}),
                    }
                ),
            },
            "lot": closed({"value": string(BASE64)}),
            "lot_seed": string(HEX_64),
            "result": result(),
            "record_signature": string(BASE64),
        }
    )


def paths() -> dict[str, Schema]:
    """Return the elections' public JSON paths."""
    slug = slug_parameter()
    return {
        "/elections/{slug}/definition.json": {
            "get": {
                "operationId": "electionDefinition",
                "tags": ["elections"],
                "summary": "A frozen election's definition, as canonical JSON (what its hash covers).",
                "parameters": [slug],
                "responses": {
                    "200": json_response({"$ref": "#/components/schemas/ElectionDefinition"}, "The definition."),
                    "404": not_found("No frozen or published election with that slug."),
                    "405": not_allowed(),
                },
            }
        },
        "/elections/{slug}/charter.json": {
            "get": {
                "operationId": "electionCharter",
                "tags": ["elections"],
                "summary": "The charter a frozen motion puts to the vote, as its canonical bytes.",
                "description": "Its SHA-256 is the definition's `charter.sha256` (docs/deliberation.md).",
                "parameters": [slug],
                "responses": {
                    "200": json_response({"$ref": "#/components/schemas/CharterText"}, "The charter's text."),
                    "404": not_found("No frozen or published motion with a charter under that slug."),
                    "405": not_allowed(),
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
                    "200": json_response(
                        {"$ref": "#/components/schemas/ElectionRecord"}, "The record (canonical JSON)."
                    ),
                    "404": not_found("No published election with that slug."),
                    "405": not_allowed(),
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
                    "200": json_response(
                        closed(
                            {
                                "election": {"type": "string"},
                                "definition_hash": string(HEX_64),
                                "length": count(),
                                "issued": count(),
                                "cast": count(),
                                "closed": {"type": "boolean"},
                                "head": or_empty(string(HEX_64)),
                            }
                        ),
                        "The chain's state.",
                    ),
                    "404": not_found("No frozen or published election with that slug."),
                    "405": not_allowed(),
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
                "these six fields and no duplicate key. `ballot_signature` is the Ed25519 signature, by the key in "
                "the credential's last 32 bytes, over `solidarity-ballot/2\\0` || definition hash (32 bytes) || "
                "ciphertext, which is the election's width of ElGamal pairs of edwards25519 points, 64 bytes each: "
                "ceil((4 + candidates) / 29) pairs, one pair for a motion (docs/elections.md, Sealed ballots). "
                "`elector` and `declaration` are the elector's id and cast declaration: the voting key's Ed25519 "
                "signature over `solidarity-cast-declaration/1\\0` || definition hash (32 bytes); the first ballot "
                "under a credential needs the declaration of an elector who took a pass and declared no cast yet "
                "(it is published with the elector's issuance entry, never with the ballot). "
                "A later ballot with the same credential replaces the earlier one (its declaration is not read). "
                "Bodies over 128 KiB are refused.",
                "parameters": [slug],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": closed(
                                {
                                    "ballot_signature": string(BASE64),
                                    "ciphertext": string(BASE64),
                                    "credential": string(BASE64),
                                    "credential_signature": string(BASE64),
                                    "declaration": string(BASE64),
                                    "elector": string(minLength=1, maxLength=40),
                                }
                            )
                        }
                    },
                },
                "responses": {
                    "200": json_response(
                        closed({"tracking": string(HEX_64)}), "Accepted; the tracking code to look up later."
                    ),
                    "400": json_response(error(), "Not a JSON object with exactly the six fields, once each."),
                    "403": json_response(
                        error(),
                        "Refused: no open election, a bad credential, signature, ballot signature or cast "
                        "declaration, a wrong size.",
                    ),
                    "404": not_found("The path is not that of an election (not a slug)."),
                    "405": not_allowed(),
                    "413": json_response(error(), "The body is over 128 KiB."),
                },
            }
        },
        "/{lang}/elections/{slug}/sign/": {
            "post": {
                "operationId": "electionBlindSign",
                "tags": ["elections"],
                "summary": "Blind-sign the blinded credential of the delegate the session speaks for (once each).",
                "description": "A delegate session (opened with an invitation's code or link) or a staff account "
                "linked to a delegate with a verified second factor; never a password alone. Send the CSRF token in "
                "`X-CSRFToken`. `voter_signature` is the Ed25519 signature, by the voting key the frozen definition "
                "lists for this elector, over `solidarity-pass-request/1\\0` ‖ definition hash (32 bytes) ‖ blinded "
                "message (docs/elections.md, *Voting keys*).",
                "security": DELEGATE_POST,
                "parameters": [language(), slug],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": closed(
                                {
                                    "blinded_message": string(BASE64, minLength=1),
                                    "voter_signature": string(BASE64, minLength=1),
                                }
                            )
                        }
                    },
                },
                "responses": {
                    "200": json_response(
                        closed({"elector": string(minLength=1), "blind_signature": string(BASE64)}),
                        "The elector id and the blind signature (both public in the issuance list).",
                    ),
                    "400": json_response(
                        error(), "Not a JSON object with a base64 `blinded_message` and `voter_signature`."
                    ),
                    "403": {
                        "description": "No delegate session, not on the voter roll, already signed, no voting key in "
                        "the definition, a pass request not signed by it, or the election is not open (JSON); or the "
                        "CSRF check failed (HTML).",
                        "content": {"application/json": {"schema": error()}, **HTML},
                    },
                    "404": not_found("No frozen or published election with that slug."),
                    "405": not_allowed(),
                },
            }
        },
    }


def trustee_ceremony() -> Schema:
    """Return the shape of the ceremony file the trustees' tool reads (docs/elections.md, the trustee's tool)."""
    entry = closed(
        {
            "trustee": count(),
            "name": {"type": "string"},
            "transport_key": string(BASE64),
            "dealing": {"type": ["object", "null"]},
            "confirmation": {"oneOf": [string(BASE64), {"type": "null"}]},
        }
    )
    opening = closed(
        {
            "definition": {"$ref": "#/components/schemas/ElectionDefinition"},
            "chain": {"type": "array", "items": {"type": "object"}},
            "ballots": {
                "type": "array",
                "items": closed({"tracking": string(HEX_64), "ciphertext": string(BASE64)}),
            },
            "mixes": {"type": "array", "items": {"type": "object"}},
        }
    )
    return closed(
        {
            "format": {"const": "solidarity-trustee-ceremony/1"},
            "election": {"type": "string"},
            "threshold": count(),
            "count": count(),
            "trustees": {"type": "array", "items": entry},
            "opening": {"oneOf": [opening, {"type": "null"}]},
        }
    )


def staff_paths() -> dict[str, Schema]:
    """Return the trustees' staff JSON path: the ceremony file."""
    return {
        "/{lang}/staff/elections/{slug}/trustee/ceremony.json": {
            "get": {
                "operationId": "electionTrusteeCeremony",
                "tags": ["staff", "elections"],
                "summary": "The trustees' ceremony file: who joined, their public dealings and confirmations, "
                "and after the close what to open.",
                "description": "Organizers and trustees only. Served as an attachment; it holds no secret.",
                "security": STAFF_SESSION,
                "parameters": [staff_language(), slug_parameter()],
                "responses": staff_responses(json_response(trustee_ceremony(), "The ceremony file.")),
            }
        }
    }


def schemas() -> dict[str, Schema]:
    """Return the elections' named schemas."""
    return {"ElectionDefinition": definition(rules()), "ElectionRecord": record(), "CharterText": charter()}


CONTRACT = Contract(
    tag="elections",
    description="Verifiable elections: definitions, records and casting.",
    order=40,
    paths=paths,
    schemas=schemas,
    staff_paths=staff_paths,
)
