"""Pages and endpoints: the pledge without JavaScript, the JSON flow, the word check, the command."""

from __future__ import annotations

import base64
import json
import secrets

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from solidarity.coordination import pbrsa, publishing, services
from solidarity.coordination.models import SpentToken
from tests.conftest import verified_client
from tests.coordination.helpers import make_token

pytestmark = pytest.mark.django_db


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def post_json(client: Client, path: str, body: dict[str, str]) -> tuple[int, dict[str, str]]:
    response = client.post(path, data=json.dumps(body), content_type="application/json")
    return response.status_code, response.json()


def test_public_pages_render_in_both_languages(client, campaign):
    for language in ("en", "fa"):
        for name in ("list", "detail", "pledge", "check-word"):
            kwargs = {} if name == "list" else {"slug": campaign.slug}
            with_language = reverse(f"coordination:{name}", kwargs=kwargs).replace("/en/", f"/{language}/", 1)
            response = client.get(with_language)
            assert response.status_code == 200, (name, language)
    assert "Set-Cookie" not in client.get(reverse("coordination:pledge", args=[campaign.slug])).headers


def test_json_flow_pledges_and_withdraws_without_a_session(campaign, coordinators, issuers):
    client = Client(enforce_csrf_checks=True)
    code = services.issue_codes(actor=coordinators[0], cell=campaign.cells.first(), issuer=issuers[0], count=1)[0]
    base = f"/coordination/{campaign.slug}/"
    status, answer = post_json(client, base + "code.json", {"code": code})
    assert status == 200
    info = services.decode_b64(answer["info"])
    public = pbrsa.PublicKey(n=int(answer["n"], 16), e=65537)
    prepared = secrets.token_bytes(64)
    blinding = pbrsa.blind(public, prepared, info)
    status, answer = post_json(
        client, base + "sign.json", {"code": code, "blinded_message": b64(blinding.blinded_message)}
    )
    assert status == 200
    signature = pbrsa.finalize(public, prepared, info, services.decode_b64(answer["blind_signature"]), blinding.inverse)
    body = {"info": b64(info), "token": b64(prepared), "signature": b64(signature)}
    assert post_json(client, base + "pledge.json", body) == (200, {"status": "counted"})
    assert post_json(client, base + "pledge.json", body)[0] == 403
    token_hash = services.nullifier(prepared)
    assert post_json(client, base + "status.json", {"token_hash": token_hash}) == (200, {"status": "counted"})
    assert post_json(client, base + "withdraw.json", {"token": b64(prepared)}) == (200, {"status": "withdrawn"})
    assert not client.cookies


def test_a_printed_token_pledges_without_javascript(client, campaign, coordinators, issuers):
    code = services.issue_codes(actor=coordinators[0], cell=campaign.cells.first(), issuer=issuers[0], count=1)[0]
    token = make_token(campaign, code)
    path = reverse("coordination:pledge-form", args=[campaign.slug])
    response = client.post(path, {"token": token.printed()})
    assert response.status_code == 200 and "Your pledge is counted." in response.text
    assert client.post(path, {"token": token.printed()}).status_code == 403
    response = client.post(path, {"token": token.printed(), "withdraw": "1"})
    assert "Your pledge is withdrawn." in response.text
    assert SpentToken.objects.get().is_withdrawn


def test_refusals_are_rate_limited(client, campaign):
    path = f"/coordination/{campaign.slug}/pledge.json"
    statuses = [post_json(client, path, {"info": "x", "token": "y", "signature": "z"})[0] for _ in range(31)]
    assert statuses[:30] == [403] * 30 and statuses[30] == 429


def test_the_word_check_page_and_the_command(client, campaign, tmp_path, capsys):
    path = reverse("coordination:check-word", args=[campaign.slug])
    assert "matches the commitment" in client.get(path, {"kind": "go", "word": "Pomegranate River"}).text
    assert "does NOT match" in client.get(path, {"kind": "go", "word": "anar daryache"}).text
    document = tmp_path / "campaign.json"
    document.write_bytes(publishing.document_bytes(campaign))
    call_command("coordination", "check-word", "pomegranate river", "--kind", "go", "--file", str(document))
    assert "MATCH" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        call_command("coordination", "check-word", "pomegranate lake", "--kind", "go", "--file", str(document))


def test_staff_propose_approve_and_issue_pages(campaign, coordinators, issuers):
    client = verified_client(coordinators[0])
    response = client.get(reverse("coordination:staff-detail", args=[campaign.slug]))
    assert response.status_code == 200
    cell = campaign.cells.first()
    response = client.post(
        reverse("coordination:staff-issue", args=[campaign.slug]),
        {"cell": cell.key, "issuer": issuers[0].pk, "count": 3},
    )
    assert response.status_code == 200 and response.text.count('class="token-card"') == 3
    assert client.get(reverse("coordination:staff-propose")).status_code == 200
