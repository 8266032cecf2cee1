"""Red team: after a full flow, nothing in the database, the logs or the cache links a pledge to its
issuance, gives a pledge a time finer than the daily release, or keeps an address or an agent.

The adversary holds a full dump (dumpdata and every raw row), every log line and every cache key,
and also everything the issuer saw: the codes it handed out and the blinded messages it signed.
"""

from __future__ import annotations

import base64
import io
import json
import logging
import re
import secrets

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from solidarity.coordination import pbrsa, services
from solidarity.coordination.models import IssuanceCode, IssuerTally, SpentToken
from tests.conftest import cache_keys

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
AGENT = "UniqueAgent/7.3 (solidarity-coordination-fingerprint-Qx4)"
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def raw_rows(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 -- table names from the models
        return repr(cursor.fetchall())


def test_nothing_links_a_pledge_to_its_issuance_or_to_a_time_or_address(campaign, coordinators, issuers, caplog):
    caplog.set_level(logging.DEBUG)
    client = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    cell = campaign.cells.first()
    codes = services.issue_codes(actor=coordinators[0], cell=cell, issuer=issuers[0], count=3)
    seen_by_issuer: list[bytes] = []  # what a captured issuer and server saw at issuance
    secrets_of_pledgers: list[bytes] = []
    base = f"/coordination/{campaign.slug}/"
    for code in codes:
        info = services.decode_b64(
            json.loads(client.post(base + "code.json", {"code": code}, content_type="application/json").content)["info"]
        )
        prepared = secrets.token_bytes(64)
        blinding = pbrsa.blind(services.public_key(campaign), prepared, info)
        answer = client.post(
            base + "sign.json",
            {"code": code, "blinded_message": b64(blinding.blinded_message)},
            content_type="application/json",
        ).json()
        blind_signature = services.decode_b64(answer["blind_signature"])
        seen_by_issuer += [blinding.blinded_message, blind_signature]
        signature = pbrsa.finalize(services.public_key(campaign), prepared, info, blind_signature, blinding.inverse)
        secrets_of_pledgers += [prepared, signature]
        response = client.post(
            base + "pledge.json",
            {"info": b64(info), "token": b64(prepared), "signature": b64(signature)},
            content_type="application/json",
        )
        assert response.status_code == 200
    client.post(base + "pledge.json", {"info": "x", "token": "y", "signature": "z"}, content_type="application/json")
    client.post(base + "withdraw.json", {"token": b64(secrets_of_pledgers[0])}, content_type="application/json")

    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    tables = [model._meta.db_table for model in (IssuanceCode, IssuerTally, SpentToken)]
    stored = dump.getvalue() + "".join(raw_rows(table) for table in tables)
    everything = stored + caplog.text + " ".join(cache_keys())

    # No address, no agent.
    assert ADDRESS not in everything
    assert AGENT not in everything and "coordination-fingerprint" not in everything
    # Neither what the issuer saw nor the token itself is stored anywhere, in any encoding.
    for value in seen_by_issuer + secrets_of_pledgers:
        for encoded in (value.hex(), b64(value), base64.b64encode(value).decode()):
            assert encoded[:40] not in everything
    # Pledge and issuance rows share no value but the cell and issuer the token's metadata names.
    spent = list(SpentToken.objects.values())
    used = list(IssuanceCode.objects.values())
    assert {"nullifier", "campaign_id", "cell_id", "issuer_id", "is_withdrawn"} == set(spent[0])
    assert {"code_hash", "cell_id", "issuer_id", "is_used"} == set(used[0])
    assert not {row["nullifier"] for row in spent} & {row["code_hash"] for row in used}
    # No pledge or issuance row carries a time; the dump's times belong to staff actions only.
    assert not TIMESTAMP.search(raw_rows(SpentToken._meta.db_table))
    assert not TIMESTAMP.search(raw_rows(IssuanceCode._meta.db_table))
    # No log line for the anonymous endpoints (their time alone would be a link).
    for route in ("code.json", "sign.json", "pledge.json", "withdraw.json", campaign.slug):
        assert route not in caplog.text
    # The cache holds only hashed rate-limit keys of refusals.
    assert all(ADDRESS not in key for key in cache_keys())
