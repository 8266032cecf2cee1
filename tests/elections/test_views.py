"""Election pages and endpoints: public pages in both languages, the booth's signing, the cookie-free cast."""

from __future__ import annotations

import base64
import io
import json
import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from solidarity.coalition.models import Delegate
from solidarity.core.models import User
from solidarity.elections import blind, canonical, client, record, services
from solidarity.elections import trustee as trustee_tool
from solidarity.elections.models import Election
from tests.elections import helpers

pytestmark = pytest.mark.django_db


def _sign_and_cast(
    web: Client, anonymous: Client, election: Election, content: dict[str, object], *, user: User
) -> tuple[str, dict[str, str]]:
    definition = record.parse_definition(election.definition)
    public = blind.load_public_key(definition.blind_key)
    pending = client.start_pass(public)
    response = web.post(
        reverse("elections:sign", args=[election.slug]),
        data=json.dumps(
            {
                "blinded_message": base64.b64encode(pending.blinded_message).decode(),
                "voter_signature": base64.b64encode(
                    helpers.pass_request(election, user, pending.blinded_message)
                ).decode(),
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    voting_pass = helpers.declared(
        election,
        user,
        client.finish_pass(public, pending, base64.b64decode(response.json()["blind_signature"])),
        response.json()["elector"],
    )
    ballot = client.cast(
        voting_pass, election.definition_hash, definition.ballot_key, content, layout=definition.layout
    )
    payload = {
        "credential": record.b64(ballot.credential),
        "credential_signature": record.b64(ballot.credential_signature),
        "ciphertext": record.b64(ballot.ciphertext),
        "ballot_signature": record.b64(ballot.ballot_signature),
        "declaration": record.b64(voting_pass.declaration),
        "elector": voting_pass.elector,
    }
    cast = anonymous.post(
        f"/elections/{election.slug}/cast", data=canonical.dumps(payload), content_type="application/json"
    )
    assert cast.status_code == 200, cast.content
    assert cast.json()["tracking"] == ballot.tracking
    return ballot.tracking, payload


def test_cast_endpoint_sets_no_cookie_and_needs_no_csrf(
    open_election: tuple[Election, helpers.Trustees],
    voting_delegates: list[tuple[Delegate, User]],
    staff_client: Callable[[User], Client],
) -> None:
    election, _ = open_election
    anonymous = Client(enforce_csrf_checks=True)
    tracking, payload = _sign_and_cast(
        staff_client(voting_delegates[0][1]),
        anonymous,
        election,
        {"ranking": ["c" + str(voting_delegates[0][0].pk)]},
        user=voting_delegates[0][1],
    )
    response = anonymous.post(
        f"/elections/{election.slug}/cast",
        data=canonical.dumps(payload),
        content_type="application/json",
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="UniqueAgent/9.9",
    )
    assert response.status_code == 200
    assert response.json() == {"tracking": tracking}
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert election.ballots.count() == 1
    ballot = election.ballots.get()
    stored = {f.name: getattr(ballot, f.attname) for f in ballot._meta.concrete_fields}
    assert "203.0.113.77" not in repr(stored)
    assert "UniqueAgent" not in repr(stored)
    # The lookup is a POST (the code never lands in browser history), with the page's CSRF token.
    lookup = Client(enforce_csrf_checks=True)
    url = reverse("elections:receipt", args=[election.slug])
    form = lookup.get(url)
    token = form.cookies["csrftoken"].value
    page = lookup.post(url, data={"tracking": tracking, "csrfmiddlewaretoken": token})
    assert "is in the ballot box" in page.content.decode()
    assert "is in the ballot box" not in lookup.get(url + f"?tracking={tracking}").content.decode()
    # The fields with a duplicate key or an extra field are refused.
    for body in (
        canonical.dumps(payload).replace(b"{", b'{"ballot_signature":"",', 1),
        canonical.dumps({**payload, "x": "1"}),
    ):
        assert (
            anonymous.post(f"/elections/{election.slug}/cast", data=body, content_type="application/json").status_code
            == 400
        )


def test_cast_endpoint_refuses_garbage_forgeries_and_closed_elections(
    open_election: tuple[Election, helpers.Trustees],
) -> None:
    election, _ = open_election
    anonymous = Client()
    url = f"/elections/{election.slug}/cast"
    assert anonymous.post(url, data="not json", content_type="application/json").status_code == 400
    assert anonymous.post(url, data="[]", content_type="application/json").status_code == 400
    assert anonymous.get(url).status_code == 405
    forged = canonical.dumps(
        {
            "ballot_signature": record.b64(b"b" * 64),
            "ciphertext": record.b64(b"c" * 600),
            "credential": record.b64(b"t" * 64),
            "credential_signature": record.b64(b"s" * 256),
            "declaration": record.b64(b"d" * 64),
            "elector": "e1",
        }
    )
    assert anonymous.post(url, data=forged, content_type="application/json").status_code == 403
    Election.objects.filter(pk=election.pk).update(closes_at=election.opens_at + timedelta(seconds=1))
    assert anonymous.post(url, data=forged, content_type="application/json").json() == {"error": "voting is not open"}
    assert anonymous.post("/elections/nope/cast", data=forged, content_type="application/json").status_code == 403


def test_cast_and_sign_answer_400_to_json_nested_past_the_recursion_limit(
    open_election: tuple[Election, helpers.Trustees],
    voting_delegates: list[tuple[Delegate, User]],
    staff_client: Callable[[User], Client],
) -> None:
    """Found while writing the API contract (SR-22): such a body made both endpoints answer 500."""
    election, _ = open_election
    nested = "[" * 100_000  # under the cast endpoint's 128 KiB
    cast = Client().post(f"/elections/{election.slug}/cast", data=nested, content_type="application/json")
    assert cast.status_code == 400 and cast.json() == {"error": "malformed ballot"}
    web = staff_client(voting_delegates[0][1])
    sign = web.post(reverse("elections:sign", args=[election.slug]), data=nested, content_type="application/json")
    assert sign.status_code == 400 and sign.json() == {"error": "malformed request"}


def test_sign_endpoint_needs_a_delegate_and_gives_one_signature(
    open_election: tuple[Election, helpers.Trustees],
    voting_delegates: list[tuple[Delegate, User]],
    staff_client: Callable[[User], Client],
    organizer: User,
) -> None:
    election, _ = open_election
    url = reverse("elections:sign", args=[election.slug])
    blinded = b"\x01" * 256
    body = json.dumps(
        {
            "blinded_message": base64.b64encode(blinded).decode(),
            "voter_signature": base64.b64encode(
                helpers.pass_request(election, voting_delegates[1][1], blinded)
            ).decode(),
        }
    )
    anonymous = Client().post(url, data=body, content_type="application/json")
    assert anonymous.status_code == 403 and anonymous.json() == {"error": "sign in as a delegate first"}
    # A verified staff account that is no delegate speaks for nobody.
    assert staff_client(organizer).post(url, data=body, content_type="application/json").status_code == 403
    web = staff_client(voting_delegates[1][1])
    assert web.post(url, data=body, content_type="application/json").status_code == 200
    second = web.post(url, data=body, content_type="application/json")
    assert second.status_code == 403
    assert "already issued" in second.json()["error"]
    persian = web.post(url.replace("/en/", "/fa/", 1), data=body, content_type="application/json")
    assert persian.status_code == 403
    assert "امضای شما پیش‌تر صادر شده است" in persian.json()["error"]


def test_public_pages_render_in_both_languages_and_the_record_downloads(
    open_election: tuple[Election, helpers.Trustees],
    voting_delegates: list[tuple[Delegate, User]],
    staff_client: Callable[[User], Client],
) -> None:
    election, trustees = open_election
    for delegate, user in voting_delegates[:3]:
        _sign_and_cast(staff_client(user), Client(), election, {"ranking": [f"c{delegate.pk}"]}, user=user)
    for language in ("en", "fa"):
        page = Client().get(f"/{language}/elections/{election.slug}/")
        assert page.status_code == 200
        assert ("Tor" if language == "en" else "تور") in page.content.decode()
        assert Client().get(f"/{language}/elections/").status_code == 200
    assert "6 of 6 electors registered a voting key" in Client().get(f"/en/elections/{election.slug}/").content.decode()
    assert Client().get(f"/en/elections/{election.slug}/result/").status_code == 404
    trustees.open(election, now=election.closes_at)
    chain_en = Client().get(f"/en/elections/{election.slug}/").content.decode()
    assert "ballots cast, box closed; <a" in chain_en
    chain_fa = Client().get(f"/fa/elections/{election.slug}/").content.decode()
    assert "برگه ریخته شده، صندوق بسته شد؛ <a" in chain_fa  # Persian punctuation, not a Latin comma and semicolon
    for language in ("en", "fa"):
        result = Client().get(f"/{language}/elections/{election.slug}/result/")
        assert result.status_code == 200
        text = result.content.decode()
        assert "First preferences" in text or "نخستین" in text
        assert Client().get(f"/{language}/elections/{election.slug}/sheet/").status_code == 200
    download = Client().get(f"/elections/{election.slug}/record.json")
    assert download.status_code == 200
    assert record.verify(download.content) == []
    assert Client().get(f"/elections/{election.slug}/definition.json").json()["rule"] == "scottish-stv"


def test_staff_defines_lets_the_trustees_make_the_key_and_freezes(
    organizer: User, delegates: list[Delegate], staff_client: Callable[[User], Client], fast_signing_key: None
) -> None:
    web = staff_client(organizer)
    response = web.post(
        reverse("elections:staff-create"),
        data={
            "slug": "board",
            "title_en": "Board",
            "title_fa": "هیئت",
            "rule": "scottish-stv",
            "seats": 2,
            "threshold": "1/2",
            "opens_at": "2030-01-01T10:00",
            "closes_at": "2030-01-02T10:00",
            "trustee_threshold": 2,
            "trustee_count": 3,
            "max_per_organization": 1,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    election = Election.objects.get(slug="board")
    assert election.constraints == [{"kind": "max", "attribute": "organization", "value": None, "limit": 1}]
    for delegate in delegates[:3]:
        web.post(
            reverse("elections:staff-detail", args=["board"]),
            data={"delegate": delegate.pk, "name_fa": "", "gender": ""},
        )
    assert election.candidates.count() == 3
    # The only way to a key: the trustees make it together, through their page.
    detail = web.get(reverse("elections:staff-detail", args=["board"])).content.decode()
    assert reverse("elections:trustee", args=["board"]) in detail
    assert "ceremony" not in detail.split("<main", 1)[-1].lower() and "/ballot-key/" not in detail
    detail_url = reverse("elections:staff-detail", args=["board"])
    for retired in ("ceremony/", "ballot-key/", "open/"):  # the whole-key ceremonies and opening are gone
        assert web.post(f"{detail_url}{retired}").status_code == 404
    refused = web.post(reverse("elections:freeze", args=["board"]), follow=True).content.decode()
    assert "there is no election key yet" in refused
    helpers.joint_key(election)
    web.post(reverse("elections:freeze", args=["board"]))
    election.refresh_from_db()
    assert election.status == Election.Status.FROZEN
    assert Client().get("/en/elections/board/").status_code == 200


def test_trustees_open_the_count_through_the_page(
    open_election: tuple[Election, helpers.Trustees],
    voting_delegates: list[tuple[Delegate, User]],
    staff_client: Callable[[User], Client],
) -> None:
    """After the close each of k trustees downloads the ceremony file, runs the tool, uploads: mix, then decrypt."""
    import time_machine

    election, trustees = open_election
    for delegate, user in voting_delegates[:2]:
        _sign_and_cast(staff_client(user), Client(), election, {"ranking": [f"c{delegate.pk}"]}, user=user)
    page = reverse("elections:trustee", args=[election.slug])
    with time_machine.travel(election.closes_at + timedelta(minutes=5)):
        for _round in ("mix", "decrypt"):
            for user in trustees.users[:2]:
                web = staff_client(user)
                document = json.loads(web.get(reverse("elections:trustee-ceremony", args=[election.slug])).content)
                state, outgoing, _ = trustee_tool.step(trustees.states[user.pk], document)
                trustees.states[user.pk] = state
                upload = SimpleUploadedFile("message.json", json.dumps(outgoing).encode(), "application/json")
                response = web.post(page, {"message": upload})
            if _round == "mix":  # both pages name the trustees who mixed, in the cascade's order
                second, first = trustees.users[1], trustees.users[0]
                for url in (page, reverse("elections:staff-detail", args=[election.slug])):
                    shown = re.sub(r"</?bdi[^>]*>", "", staff_client(second).get(url).content.decode())
                    mixed = shown.split('id="mixers"', 1)[1].split("</ol>", 1)[0]
                    assert re.findall(r"trustee (\d): ([^<]+)</li>", mixed) == [("1", str(first)), ("2", str(second))]
                persian = staff_client(second).get(page.replace("/en/", "/fa/", 1)).content.decode()
                assert "امین ۱" in persian.split('id="mixers"', 1)[1]
    assert response.status_code == 302 and response["Location"].endswith(f"/elections/{election.slug}/result/")
    election.refresh_from_db()
    assert election.status == Election.Status.PUBLISHED
    assert record.verify(election.record) == []


def test_cast_endpoint_fuzz_never_errors(open_election: tuple[Election, helpers.Trustees]) -> None:
    """SR-22: arbitrary bodies get a 4xx answer, never a server error or a stored ballot."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    election, _ = open_election
    anonymous = Client()
    url = f"/elections/{election.slug}/cast"
    fields = st.one_of(
        st.text(max_size=40),
        st.binary(max_size=80).map(lambda b: base64.b64encode(b).decode()),
        st.integers(),
        st.none(),
    )
    bodies = st.one_of(
        st.binary(max_size=200),
        st.dictionaries(
            st.sampled_from(
                ["credential", "credential_signature", "ciphertext", "ballot_signature", "declaration", "elector", "x"]
            ),
            fields,
            max_size=7,
        ).map(canonical.dumps),
    )

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(bodies)
    def check(body: bytes) -> None:
        response = anonymous.post(url, data=body, content_type="application/json")
        assert response.status_code in (400, 403, 413)

    check()
    assert election.ballots.count() == 0


def test_booth_page_allows_webassembly_but_not_eval(
    open_election: tuple[Election, helpers.Trustees],
    voting_delegates: list[tuple[Delegate, User]],
    staff_client: Callable[[User], Client],
) -> None:
    election, _ = open_election
    response = staff_client(voting_delegates[0][1]).get(reverse("elections:booth", args=[election.slug]))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src")).split()
    assert script_src == ["script-src", "'self'", "'wasm-unsafe-eval'"]
    assert "'unsafe-inline'" not in policy
    assert "<script>" not in response.content.decode()
    public = Client().get(f"/en/elections/{election.slug}/")
    assert "wasm-unsafe-eval" not in public["Content-Security-Policy"]


def test_cast_path_keeps_no_address_or_agent_anywhere(
    open_election: tuple[Election, helpers.Trustees],
    voting_delegates: list[tuple[Delegate, User]],
    staff_client: Callable[[User], Client],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """SR-05: after a cast from a marked address and agent, neither appears in the database or logs."""
    import logging

    from django.core.management import call_command

    election, _ = open_election
    caplog.set_level(logging.DEBUG)
    marked = Client(REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT="UniqueAgent/9.9")
    _sign_and_cast(
        staff_client(voting_delegates[0][1]),
        marked,
        election,
        {"ranking": [f"c{voting_delegates[0][0].pk}"]},
        user=voting_delegates[0][1],
    )
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    for text in (dump.getvalue(), caplog.text):
        assert "203.0.113.77" not in text
        assert "UniqueAgent" not in text


def test_the_public_page_names_the_trustees_and_says_no_machine_held_the_key(
    organizer: User, delegates: list[Delegate], staff_client: Callable[[User], Client], fast_signing_key: None
) -> None:
    from django.utils import timezone

    from solidarity.core.roles import Role
    from tests.conftest import make_user

    web = staff_client(organizer)
    election = services.create_election(
        actor=organizer,
        slug="board",
        title_en="Board",
        title_fa="هیئت",
        rule="motion",
        opens_at=timezone.now(),
        closes_at=timezone.now() + timedelta(days=1),
    )
    for name in ("trustee-a", "trustee-b", "trustee-c"):  # the organizer appoints them; the public sees who
        response = web.post(
            reverse("elections:appoint-trustee", args=[election.slug]),
            data={"trustee": make_user(name, Role.TRUSTEE).pk},
        )
        assert response.status_code == 302
    helpers.joint_key(election)
    web.post(reverse("elections:freeze", args=[election.slug]))
    election.refresh_from_db()
    assert election.status == Election.Status.FROZEN
    page = Client().get(f"/en/elections/{election.slug}/").content.decode()
    assert "Trustee-A, Trustee-B, Trustee-C" in re.sub(r"</?bdi[^>]*>", "", page)  # names are isolated
    assert "so no machine ever held it whole" in page
    assert "offline ceremony" not in page and "made on the server" not in page
    persian = Client().get(f"/fa/elections/{election.slug}/").content.decode()
    assert "هیچ دستگاهی هرگز آن را به‌تمامی در دست نداشته است" in persian


def test_the_create_form_names_assemblies_and_gender_is_a_fixed_choice(organizer: User) -> None:
    """Issue 13: the electorate's assembly is chosen by name; gender is one of the values rules count."""
    import datetime as dt

    from solidarity.assemblies import services as assemblies
    from solidarity.elections.forms import CandidateForm, ElectionForm

    assembly = assemblies.create_assembly(
        actor=organizer,
        slug="founding",
        name_en="Founding Assembly",
        name_fa="مجمع مؤسس",
        starts_on=dt.date(2026, 12, 5),
        ends_on=dt.date(2026, 12, 6),
    )
    page = ElectionForm().as_p()
    assert "Founding Assembly (2026-12-05)" in page
    assert f'value="{assembly.pk}"' in page
    assert ElectionForm(data={"assembly_id": "999999"}).errors["assembly_id"]
    assert not CandidateForm(data={"delegate": "", "gender": "Woman"}).is_valid()
    assert "gender" in CandidateForm(data={"delegate": "", "gender": "Woman"}).errors
    assert "gender" not in CandidateForm(data={"delegate": "", "gender": "woman"}).errors


def test_chain_endpoint_publishes_the_counts_and_head_while_voting_runs(
    open_election: tuple[Election, helpers.Trustees],
    voting_delegates: list[tuple[Delegate, User]],
    staff_client: Callable[[User], Client],
) -> None:
    election, _ = open_election
    url = f"/elections/{election.slug}/chain.json"
    empty = Client().get(url).json()
    assert (empty["issued"], empty["cast"], empty["closed"]) == (0, 0, False)
    first = election.candidates.order_by("pk").first()
    assert first is not None
    ballot: dict[str, object] = {"ranking": [first.public_id]}  # c<delegate id>: not a fixed number
    _sign_and_cast(staff_client(voting_delegates[0][1]), Client(), election, ballot, user=voting_delegates[0][1])
    state = Client().get(url).json()
    assert (state["length"], state["issued"], state["cast"]) == (2, 1, 1)
    assert state["definition_hash"] == election.definition_hash and len(state["head"]) == 64
    assert state["head"] in Client().get(f"/en/elections/{election.slug}/").content.decode()
