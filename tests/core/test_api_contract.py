"""SR-22: the JSON API keeps its OpenAPI contract, tested by schemathesis over real HTTP on 127.0.0.1.

The document (served at /api/openapi.json) must be valid OpenAPI 3.1 and name every JSON route.
It is assembled by the kernel (`solidarity/core/openapi.py`) from a registry, because the kernel
imports no app. For app authors, adding a JSON endpoint means:

1. describe it in `solidarity/<app>/contract.py`: a function returning `{path: path item}` built with
   the kernel's helpers (`closed`, `string`, `json_response`, `not_found`, `staff_responses`, ...),
   named schemas if it has any, and the app's enumerations read from the code that owns them;
2. gather them in `CONTRACT = openapi.Contract(tag=..., description=..., order=..., paths=...,
   schemas=..., staff_paths=..., staff_schemas=...)` (staff parts appear on staff hosts only);
3. register it from the app's `AppConfig.ready()`: `openapi.register(contract.CONTRACT)`.

`test_every_json_route_is_in_the_document` fails on a `.json` route no contract names, and
`test_a_registered_contract_is_in_the_document` shows the registry at work.

Then, against pytest-django's live server, filled with the demo's assembly, monitor and elections
plus relay messages in both languages, schemathesis generates requests for every operation (valid
and invalid ones, bounded and seeded) and checks: no 5xx, only documented status codes and content
types, and bodies that match the schemas. Staff endpoints are called with a verified session of the
right role, and must refuse every other caller: no session (to sign-in), a password-only session (to
the second factor), a verified session without the role (403); and on the public host they do not
exist (404).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
import requests
import schemathesis
from django.test import Client, TestCase
from django.urls import get_resolver
from django.utils import translation
from django.utils.crypto import get_random_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from solidarity.core import openapi
from solidarity.core.models import User
from solidarity.core.openapi import document
from tests.conftest import verified_client
from tests.core.test_urls_security import walk

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
STAFF_HOST = "localhost"  # the live server's public host is 127.0.0.1; this name reaches it as the staff host
EXAMPLES = 12  # per operation and generation mode; the whole run stays well under a minute
# Generous per request: the machine is shared. A slow answer fails the run rather than hanging it.
DEADLINE = timedelta(seconds=5)
REQUEST_TIMEOUT = 10

# JSON endpoints whose route does not end in ".json".
JSON_ROUTES_WITHOUT_SUFFIX = {"/elections/{slug}/cast", "/{lang}/elections/{slug}/sign/"}


def bounded(**more: Any) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Hypothesis settings for one operation: fixed count, seeded, no example database, a deadline."""
    return settings(
        max_examples=more.pop("max_examples", EXAMPLES),
        deadline=DEADLINE,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
        **more,
    )


def operations_of(schema: Any) -> dict[str, Any]:
    """Return the schema's operations by operationId; fail on any the loader could not read."""
    operations = {}
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result
        operation = result.ok()
        operations[operation.definition.raw["operationId"]] = operation
    return operations


def openapi_path(route: str) -> str:
    """Turn a Django route into an OpenAPI path: converters become {names}, the language prefix {lang}."""
    path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
    return re.sub(r"^/en/", "/{lang}/", path)


# --- the document ------------------------------------------------------------------------------


@pytest.mark.parametrize("include_staff", [False, True])
def test_the_document_is_valid_openapi(include_staff: bool):
    raw = document(include_staff=include_staff)
    schema = schemathesis.openapi.from_dict(raw)
    schema.validate()  # against the OpenAPI 3.1 meta-schema; raises on any deviation
    operations = operations_of(schema)
    assert len(operations) == (23 if include_staff else 19)
    assert all(operation.definition.raw.get("responses") for operation in operations.values())
    staff_paths = [path for path in raw["paths"] if "/staff/" in path]
    assert bool(staff_paths) == include_staff


def test_every_json_route_is_in_the_document():
    with translation.override("en"):
        routes = [route for route, _pattern in walk(get_resolver().url_patterns)]
    json_routes = {openapi_path(route) for route in routes if route.endswith(".json")}
    json_routes |= JSON_ROUTES_WITHOUT_SUFFIX
    documented = set(document(include_staff=True)["paths"])
    assert json_routes - documented == set(), "JSON routes that no app's contract.py describes"
    assert documented - json_routes == set(), "documented paths that no route serves"


def test_every_app_with_json_endpoints_registers_its_contract():
    """Each app registered its contract from ready(), in the document's order; the kernel names none."""
    assert [contract.tag for contract in openapi.contracts()] == [
        "relay",
        "monitor",
        "assemblies",
        "elections",
        "coordination",
    ]
    tags = [tag["name"] for tag in document(include_staff=True)["tags"]]
    assert tags == ["contract", "relay", "monitor", "assemblies", "elections", "coordination", "staff"]
    for contract in openapi.contracts():
        for item in [*contract.paths().values(), *contract.staff_paths().values()]:
            assert all(contract.tag in operation["tags"] for operation in item.values()), contract.tag


def test_a_registered_contract_is_in_the_document():
    """What an app does in ready(): register a Contract; its paths, schemas and tag appear (staff parts
    on staff hosts only), and describing a path another app already describes is refused."""

    def paths() -> dict[str, openapi.Schema]:
        ok = openapi.json_response({"$ref": "#/components/schemas/Example"}, "An example.")
        return {
            "/example/items.json": {
                "get": {
                    "operationId": "exampleItems",
                    "tags": ["example"],
                    "responses": {"200": ok, "405": openapi.not_allowed()},
                }
            }
        }

    def staff_paths() -> dict[str, openapi.Schema]:
        responses = openapi.staff_responses(openapi.json_response(openapi.closed({"n": openapi.count()}), "A count."))
        return {
            "/{lang}/staff/example/count.json": {
                "get": {
                    "operationId": "exampleCount",
                    "tags": ["staff", "example"],
                    "security": openapi.STAFF_SESSION,
                    "parameters": [openapi.staff_language()],
                    "responses": responses,
                }
            }
        }

    example = openapi.Contract(
        tag="example",
        description="An app of this test.",
        order=99,
        paths=paths,
        schemas=lambda: {"Example": openapi.closed({"name": openapi.string(minLength=1)})},
        staff_paths=staff_paths,
    )
    before = openapi.document_json(include_staff=False)
    openapi.register(example)
    try:
        public, staff = document(include_staff=False), document(include_staff=True)
        assert "/example/items.json" in public["paths"] and "Example" in public["components"]["schemas"]
        assert "/{lang}/staff/example/count.json" not in public["paths"]
        assert "/{lang}/staff/example/count.json" in staff["paths"]
        assert {"name": "example", "description": "An app of this test."} in public["tags"]
        schemathesis.openapi.from_dict(staff).validate()
        openapi.register(openapi.Contract(tag="copy", description="Describes a path twice.", paths=paths))
        with pytest.raises(ValueError, match="described twice"):
            document(include_staff=False)
        openapi.unregister("copy")
    finally:
        openapi.unregister("copy")
        openapi.unregister("example")
    assert openapi.document_json(include_staff=False) == before


@pytest.mark.django_db
def test_each_host_serves_its_document_with_the_usual_headers(settings):
    settings.STAFF_HOSTS = ["staff.example.onion"]
    settings.ALLOWED_HOSTS = ["public.example.org", "staff.example.onion"]
    client = Client()
    public = client.get("/api/openapi.json", HTTP_HOST="public.example.org")
    staff = client.get("/api/openapi.json", HTTP_HOST="staff.example.onion")
    for response in (public, staff):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert "default-src 'none'" in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"http://" not in response.content and b"https://" not in response.content.replace(
            b"https://jsonfeed.org/version/1.1", b""
        )  # relative paths only, so onion readers get no clearnet link (SR-19)
    assert not [path for path in public.json()["paths"] if "/staff/" in path]
    assert [path for path in staff.json()["paths"] if "/staff/" in path]
    assert client.post("/api/openapi.json", HTTP_HOST="public.example.org").status_code == 405


# --- the contract run --------------------------------------------------------------------------


def draft_charter(organizer: User) -> None:
    """A short charter of two statements (the deliberation demo's engine run would cost the test a minute)."""
    from solidarity.deliberation import services as deliberation

    conversation = deliberation.open_conversation(
        organizer=organizer,
        topic_en="Principles",
        question_en="What should the charter say?",
        seed_statements=[
            deliberation.SeedStatement("We act without violence.", "en", "ما بدون خشونت عمل می‌کنیم."),
            deliberation.SeedStatement("Free elections decide who governs.", "en", "انتخابات آزاد تعیین می‌کند."),
        ],
    )
    charter = deliberation.create_charter(organizer=organizer, title_en="Charter", title_fa="منشور")
    for statement in conversation.statements.all():
        deliberation.add_to_charter(charter=charter, statement=statement, organizer=organizer)


def build_data() -> dict[str, Any]:
    """Fill the database through the demo builders and the relay's services; return real path values."""
    from solidarity.assemblies import demo as assemblies_demo
    from solidarity.assemblies.models import Assembly, Invitation
    from solidarity.coalition import demo as coalition_demo
    from solidarity.coalition.models import Delegate
    from solidarity.coordination import demo as coordination_demo
    from solidarity.coordination import pbrsa
    from solidarity.core import demo as core_demo
    from solidarity.demo import DemoContext
    from solidarity.elections import demo as elections_demo
    from solidarity.elections.models import Election
    from solidarity.monitor import demo as monitor_demo
    from solidarity.monitor.models import Event
    from solidarity.relay import services as relay
    from solidarity.relay.models import Message

    context = DemoContext(rng=random.Random(2026), progress=lambda _: None)
    for module in (core_demo, coalition_demo, monitor_demo, assemblies_demo):
        module.build(context)
    draft_charter(context.shared["users"]["organizer"])  # the demo motion puts it to the vote
    elections_demo.build(context)
    # The draft's safe-prime test key: generating safe primes would take the run a minute.
    from tests.coordination.conftest import VECTOR_KEY

    original, pbrsa.generate_key = pbrsa.generate_key, lambda bits=2048: VECTOR_KEY
    try:
        coordination_demo.build(context)
    finally:
        pbrsa.generate_key = original
    users = context.shared["users"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        sent = [
            relay.submit_message(
                submission=relay.Submission(text=text, display_name=name, country=country, consent=True),
                queue_screening=False,
            )
            for text, name, country in [
                ("ما در کنار شما ایستاده‌ایم. برای آزادی و زندگی.", "مریم", "DE"),
                ("Teachers in Lyon stand with the striking teachers of Iran.", "Claire", "FR"),
                ("Solidarity from the nurses of Toronto to every nurse in Iran.", "", "CA"),
            ]
        ]
        relay.screen_messages(message_ids=[message.pk for message in sent])
        relay.decide_messages(
            message_ids=[message.pk for message in sent],
            moderator=users["moderator"],
            decision="approve",
            reason="fine",
        )
        english = Message.objects.get(pk=sent[1].pk)
        relay.translate_message(
            message=english,
            language="fa",
            text="معلمان لیون در کنار معلمان اعتصابی ایران‌اند.",
            translator=users["translator"],
        )
    assembly = Assembly.objects.get(slug="paris-assembly")
    assert Invitation.objects.filter(assembly=assembly, state=Invitation.State.REVOKED).exists()
    assert Message.objects.filter(is_published=True, language="fa").exists()
    assert Message.objects.filter(is_published=True, language="en").exists()
    assert Event.objects.exists()
    published = Election.objects.get(status=Election.Status.PUBLISHED)
    frozen = Election.objects.get(status=Election.Status.FROZEN)
    hub = assembly.venues.filter(checkin_officers__isnull=False).first()
    assert hub is not None
    return {
        "users": users,
        "assembly": assembly.slug,
        "venue": hub.pk,
        "published_election": published.slug,
        "open_election": frozen.slug,
        "voting_code": context.shared["voting_codes"][Delegate.objects.get(user=users["delegate"]).pk],
    }


def real_path_values(operation_id: str, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Path parameters that name real things, so responses carry real content (and not only 404s)."""
    staff = {"lang": "fa"}
    return {
        "relayJsonFeed": [{"language": "fa"}, {"language": "en"}],
        "assemblyRevocations": [{"slug": data["assembly"]}],
        "electionDefinition": [{"slug": data["open_election"]}, {"slug": data["published_election"]}],
        "electionCharter": [{"slug": data["open_election"]}],
        "electionRecord": [{"slug": data["published_election"]}],
        "electionCast": [{"slug": data["open_election"]}],
        "electionChain": [{"slug": data["open_election"]}, {"slug": data["published_election"]}],
        "checkinQueueFile": [{**staff, "slug": data["assembly"], "venue_id": data["venue"]}],
        "electionTrusteeCeremony": [{**staff, "slug": data["published_election"]}],
        "coordinationBulletinToSign": [{**staff, "slug": "lights-off"}],  # the demo's signalled campaign
        "checkinSyncScans": [{**staff, "slug": data["assembly"], "venue_id": data["venue"]}],
        "electionBlindSign": [{"lang": "fa", "slug": data["open_election"]}],
        "coordinationCampaign": [{"slug": "bazaar-closure"}, {"slug": "lights-off"}],
        "coordinationRelease": [{"slug": "bazaar-closure"}],
        "coordinationCodeInfo": [{"slug": "bazaar-closure"}],
        "coordinationBlindSign": [{"slug": "bazaar-closure"}],
        "coordinationPledge": [{"slug": "bazaar-closure"}],
        "coordinationWithdraw": [{"slug": "bazaar-closure"}],
        "coordinationPledgeStatus": [{"slug": "bazaar-closure"}],
    }.get(operation_id, [])


def session_cookies(user: User, *, verified: bool) -> dict[str, str]:
    """Return the session cookie of a real session for `user` (with its second factor when `verified`)."""
    if verified:
        client = verified_client(user)
    else:
        client = Client()
        client.force_login(user)
    return {"sessionid": client.cookies["sessionid"].value}


OPEN_SESSIONS: list[requests.Session] = []


@pytest.fixture(autouse=True)
def _close_sessions() -> Iterator[None]:
    """Close every caller's connections: an open one holds a thread of the live server, which the
    browser tests (sharing the session's live server) wait to see finish."""
    yield
    while OPEN_SESSIONS:
        OPEN_SESSIONS.pop().close()


class Caller:
    """Who calls: host, cookies and headers (a CSRF token that matches its cookie on every call)."""

    def __init__(self, base_url: str, *, host: str, cookies: dict[str, str] | None = None) -> None:
        token = get_random_string(32)
        self.base_url = base_url
        self.cookies = {**(cookies or {}), "csrftoken": token}
        # "Connection: close": a kept-alive connection holds a live-server thread open after the
        # test, and the browser tests that share the session's live server wait for every thread.
        self.headers = {"Host": f"{host}:{base_url.rsplit(':', 1)[1]}", "X-CSRFToken": token, "Connection": "close"}
        self.session = requests.Session()
        OPEN_SESSIONS.append(self.session)

    def strategy(self, operation: Any, data: dict[str, Any], *, negative: bool = False) -> Any:
        mode = schemathesis.GenerationMode.NEGATIVE if negative else schemathesis.GenerationMode.POSITIVE
        fixed = {"headers": self.headers, "cookies": self.cookies}
        strategies = [operation.as_strategy(generation_mode=mode, **fixed)]
        for values in real_path_values(operation.definition.raw["operationId"], data):
            strategies.append(operation.as_strategy(generation_mode=mode, path_parameters=values, **fixed))
        return st.one_of(*strategies)

    def call(self, case: Any) -> schemathesis.Response:
        response: schemathesis.Response = case.call(
            base_url=self.base_url, session=self.session, timeout=REQUEST_TIMEOUT
        )
        return response


def run_contract(operation: Any, caller: Caller, data: dict[str, Any], seen: dict[str, set[int]]) -> None:
    """Generate valid, then invalid, requests for one operation and check every response."""
    label = operation.definition.raw["operationId"]
    has_inputs = bool(operation.definition.raw.get("parameters") or operation.definition.raw.get("requestBody"))
    for negative in (False, True) if has_inputs else (False,):

        @bounded()
        @given(case=caller.strategy(operation, data, negative=negative))
        def check(case: Any) -> None:
            response = caller.call(case)
            seen.setdefault(label, set()).add(response.status_code)
            case.validate_response(response, checks=CHECKS)

        check()


def assert_refused(
    operation: Any, caller: Caller, data: dict[str, Any], *, status: int, location: str | None, why: str
) -> None:
    """Check that every generated request by this caller is refused with `status` (and `location`)."""

    @bounded(max_examples=4)
    @given(case=caller.strategy(operation, data))
    def refused(case: Any) -> None:
        response = caller.call(case)
        assert response.status_code == status, (why, response.status_code)
        if location is not None:
            assert location in response.headers["location"][0], why
        case.validate_response(response, checks=CHECKS)

    refused()


def vote_once(operations: dict[str, Any], voter: Caller, public: Caller, data: dict[str, Any]) -> set[str]:
    """Walk a real voter's path: a blind signature for the delegate's session, then a ballot cast with no session.

    Generated bodies cannot carry a valid blind signature, so this is how `cast` answers 200 in the run;
    both responses go through the same checks. Returns the labels of the operations that answered 200.
    """
    import base64

    from solidarity.elections import blind, client, record, voting_key
    from solidarity.elections.models import Election

    definition = Election.objects.get(slug=data["open_election"]).definition or {}
    signing_key = blind.load_public_key(base64.b64decode(definition["keys"]["blind_signing"]))
    pending = client.start_pass(signing_key)
    slug = {"slug": data["open_election"]}
    sign = operations["electionBlindSign"].Case(
        path_parameters={"lang": "en", **slug},
        headers=voter.headers,
        cookies=voter.cookies,
        body={
            "blinded_message": base64.b64encode(pending.blinded_message).decode(),
            "voter_signature": base64.b64encode(
                voting_key.sign_pass_request(
                    voting_key.private_key(data["voting_code"]),
                    record.definition_hash(definition),
                    pending.blinded_message,
                )
            ).decode(),
        },
        media_type="application/json",
    )
    response = voter.call(sign)
    sign.validate_response(response, checks=CHECKS)
    assert response.status_code == 200, response.text
    digest = record.definition_hash(definition)
    voting_pass = client.declare(
        client.finish_pass(signing_key, pending, base64.b64decode(response.json()["blind_signature"])),
        elector=response.json()["elector"],
        key=voting_key.private_key(data["voting_code"]),
        definition_hash=digest,
    )
    ballot = client.cast(
        voting_pass,
        digest,
        base64.b64decode(definition["keys"]["ballot"]),
        {"choice": "yes"},
        layout=record.parse_definition(definition).layout,
    )
    cast = operations["electionCast"].Case(
        path_parameters=slug,
        headers=public.headers,
        body={
            **{
                field: base64.b64encode(getattr(ballot, field)).decode()
                for field in ("credential", "credential_signature", "ciphertext", "ballot_signature")
            },
            "declaration": base64.b64encode(voting_pass.declaration).decode(),
            "elector": voting_pass.elector,
        },
        media_type="application/json",
    )
    response = public.call(cast)
    cast.validate_response(response, checks=CHECKS)
    assert response.status_code == 200, response.text
    return {"electionBlindSign", "electionCast"}


def pledge_once(operations: dict[str, Any], public: Caller, data: dict[str, Any]) -> set[str]:
    """Walk a real pledger's path: metadata of a code, a blind signature, a pledge, a withdrawal."""
    import base64
    import secrets

    from solidarity.coalition.models import Organization
    from solidarity.coordination import pbrsa, services
    from solidarity.coordination.models import Campaign

    campaign = Campaign.objects.get(slug="bazaar-closure")
    issuer = Organization.objects.filter(status=Organization.Status.MEMBER).order_by("pk").first()
    assert issuer is not None
    cell = campaign.cells.first()
    assert cell is not None
    code = services.issue_codes(actor=data["users"]["coordinator1"], cell=cell, issuer=issuer, count=1)[0]
    slug = {"slug": campaign.slug}

    def b64(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def call(label: str, body: dict[str, str]) -> dict[str, Any]:
        case = operations[label].Case(
            path_parameters=slug, headers=public.headers, body=body, media_type="application/json"
        )
        response = public.call(case)
        case.validate_response(response, checks=CHECKS)
        assert response.status_code == 200, (label, response.text)
        answer: dict[str, Any] = response.json()
        return answer

    info = services.decode_b64(call("coordinationCodeInfo", {"code": code})["info"])
    public_key = services.public_key(campaign)
    prepared = secrets.token_bytes(64)
    blinding = pbrsa.blind(public_key, prepared, info)
    answer = call("coordinationBlindSign", {"code": code, "blinded_message": b64(blinding.blinded_message)})
    signature = pbrsa.finalize(
        public_key, prepared, info, services.decode_b64(answer["blind_signature"]), blinding.inverse
    )
    call("coordinationPledge", {"info": b64(info), "token": b64(prepared), "signature": b64(signature)})
    call("coordinationWithdraw", {"token": b64(prepared)})
    return {"coordinationCodeInfo", "coordinationBlindSign", "coordinationPledge", "coordinationWithdraw"}


STAFF_ROLE_USER = {
    "checkinQueueFile": "checkin",
    "checkinSyncScans": "checkin",
    "coordinationBulletinToSign": "coordinator1",
    "electionTrusteeCeremony": "trustee1",
}


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_json_api_keeps_its_contract_over_http(live_server, settings):
    settings.STAFF_HOSTS = [STAFF_HOST]
    settings.JOBS_BACKEND = "immediate"
    data = build_data()
    users: dict[str, User] = data["users"]
    base_url = f"http://127.0.0.1:{live_server.thread.port}"  # the live server listens on the loopback address
    schema = schemathesis.openapi.from_dict(document(include_staff=True))
    operations = operations_of(schema)
    public = Caller(base_url, host="127.0.0.1")
    staff = {
        username: Caller(base_url, host=STAFF_HOST, cookies=session_cookies(users[username], verified=True))
        for username in set(STAFF_ROLE_USER.values())
    }
    # A delegate votes on the public host (the demo delegate's account, with its second factor).
    voter = Caller(base_url, host="127.0.0.1", cookies=session_cookies(users["delegate"], verified=True))
    seen: dict[str, set[int]] = {label: {200} for label in vote_once(operations, voter, public, data)}
    seen.update({label: {200} for label in pledge_once(operations, public, data)})
    for label, operation in operations.items():
        caller = staff[STAFF_ROLE_USER[label]] if label in STAFF_ROLE_USER else public
        run_contract(operation, caller, data, seen)
    # The run reached real content, not only refusals and 404s.
    for label in operations:
        assert 200 in seen[label], (label, seen[label])

    # Auth enforcement on every staff endpoint (SR-11, SR-12, SR-13).
    refusals = {
        "no session": (Caller(base_url, host=STAFF_HOST), 302, "/staff/sign-in/"),
        "password only": (
            Caller(base_url, host=STAFF_HOST, cookies=session_cookies(users["organizer"], verified=False)),
            302,
            "/staff/second-factor/",
        ),
        "verified, wrong role": (
            Caller(base_url, host=STAFF_HOST, cookies=session_cookies(users["analyst"], verified=True)),
            403,
            None,
        ),
        "public host": (
            Caller(base_url, host="127.0.0.1", cookies=session_cookies(users["organizer"], verified=True)),
            404,
            None,
        ),
    }
    for label in STAFF_ROLE_USER:
        for who, (caller, status, location) in refusals.items():
            assert_refused(operations[label], caller, data, status=status, location=location, why=f"{label}, {who}")
