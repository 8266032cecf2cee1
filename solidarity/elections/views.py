"""Pages and endpoints of elections: thin wrappers around services and selectors."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from csp.decorators import csp_update
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from solidarity.assemblies.delegate_session import access_delegate, delegate_required
from solidarity.core.access import staff_required
from solidarity.core.models import User
from solidarity.core.pagecache import public_page
from solidarity.core.roles import Role, has_role
from solidarity.elections import canonical, selectors, services
from solidarity.elections.forms import (
    CandidateEditForm,
    CandidateForm,
    ElectionForm,
    TrusteeForm,
    TrusteeMessageForm,
)
from solidarity.elections.models import Candidate, Election

MAX_CAST_BYTES = 128 * 1024


def _user(request: HttpRequest) -> User:
    """Return the signed-in user (staff_required has already checked there is one)."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def _public_or_404(slug: str) -> Election:
    election = selectors.public_election(slug)
    if election is None:
        raise Http404
    return election


def _staff_or_404(slug: str) -> Election:
    election = Election.objects.filter(slug=slug).first()
    if election is None:
        raise Http404
    return election


# --- public pages ---------------------------------------------------------------------------


def election_list(request: HttpRequest) -> HttpResponse:
    return render(request, "elections/list.html", {"elections": selectors.public_elections()})


def election_detail(request: HttpRequest, slug: str) -> HttpResponse:
    election = _public_or_404(slug)
    return render(
        request,
        "elections/detail.html",
        {
            "election": election,
            "names": selectors.candidate_names(election),
            "ballots": selectors.ballot_count(election),
            "trustee_names": (election.definition or {}).get("trustees", {}).get("names", []),
            "chain": selectors.chain_state(election),
        },
    )


def _note(note: str) -> str:
    """Translate the stage notes the count writes in English into the page's language."""
    known = {
        "tie decided by an earlier stage": _("tie decided by an earlier stage"),
        "tie decided by lot": _("tie decided by lot"),
        "order of election decided by an earlier stage": _("order of election decided by an earlier stage"),
        "order of election decided by lot": _("order of election decided by lot"),
        "excluded by a constraint": _("excluded by a constraint"),
        "guarded candidates kept by a constraint": _("guarded candidates kept by a constraint"),
    }
    return "; ".join(known.get(part, part) for part in note.split("; ") if part)


def _result_context(election: Election) -> dict[str, Any]:
    names = selectors.candidate_names(election)
    result = election.result or {}
    stages = [{**stage, "note": _note(stage.get("note", ""))} for stage in result.get("stages", [])]
    definition = election.definition or {}
    ids = [c["id"] for c in definition.get("candidates", [])]
    return {
        "election": election,
        "result": result,
        "names": names,
        "stages": stages,
        "ids": ids,
        "quorum": selectors.quorum_summary(election),
    }


def result(request: HttpRequest, slug: str) -> HttpResponse:
    election = _public_or_404(slug)
    if election.status != Election.Status.PUBLISHED:
        raise Http404
    return render(request, "elections/result.html", _result_context(election))


def result_sheet(request: HttpRequest, slug: str) -> HttpResponse:
    election = _public_or_404(slug)
    if election.status != Election.Status.PUBLISHED:
        raise Http404
    return render(request, "elections/sheet.html", _result_context(election))


@require_http_methods(["GET", "POST"])
def receipt(request: HttpRequest, slug: str) -> HttpResponse:
    """Look up a tracking code. A POST, so that the code never lands in browser history or logs."""
    election = _public_or_404(slug)
    value = ""
    found = None
    if request.method == "POST":
        value = request.POST.get("tracking", "").strip().lower()[:64]
        if value:
            found = selectors.has_tracking_code(election, value)
    return render(request, "elections/receipt.html", {"election": election, "value": value, "found": found})


# --- language-neutral: downloads and the cast endpoint -----------------------------------------


@public_page("elections")
@require_GET
def record_download(request: HttpRequest, slug: str) -> HttpResponse:
    election = _public_or_404(slug)
    if election.status != Election.Status.PUBLISHED:
        raise Http404
    response = HttpResponse(election.record.encode("utf-8"), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="election-{election.slug}-record.json"'
    return response


@require_GET
def definition_download(request: HttpRequest, slug: str) -> HttpResponse:
    election = _public_or_404(slug)
    from solidarity.elections.ballots import canonical_json

    response = HttpResponse(canonical_json(election.definition), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="election-{election.slug}-definition.json"'
    return response


@require_GET
def charter_download(request: HttpRequest, slug: str) -> HttpResponse:
    """Serve the canonical text of the charter a frozen motion votes on (its hash is in the definition)."""
    election = _public_or_404(slug)
    expected = (election.definition or {}).get("charter", {}).get("sha256")
    if election.charter_id is None or not expected:
        raise Http404
    from solidarity.deliberation import selectors as deliberation

    data = deliberation.frozen_charter_bytes(charter_id=election.charter_id, sha256=expected)
    if data is None:
        raise Http404
    response = HttpResponse(data, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="election-{election.slug}-charter.json"'
    return response


def _decode(payload: dict[str, Any], key: str) -> bytes:
    value = payload.get(key)
    if not isinstance(value, str):
        raise ValueError(key)
    return base64.b64decode(value, validate=True)


@require_GET
def chain(request: HttpRequest, slug: str) -> JsonResponse:
    """Publish the count chain's head while voting runs: copy it anywhere, and `verify` checks it later."""
    election = _public_or_404(slug)
    return JsonResponse(selectors.chain_state(election))


CAST_BASE64_FIELDS = frozenset({"credential", "credential_signature", "ciphertext", "ballot_signature", "declaration"})
CAST_FIELDS = CAST_BASE64_FIELDS | {"elector"}  # the elector id, a string


@csrf_exempt  # by design: no cookie, no session; the blind signature is the credential
@require_POST
def cast(request: HttpRequest, slug: str) -> JsonResponse:
    """Take a ballot. Reads no cookie or session and sets none; stores no address or time."""
    if len(request.body) > MAX_CAST_BYTES:
        return JsonResponse({"error": _("too large")}, status=413)
    try:
        payload = canonical.loads_unambiguous(request.body)
        if not isinstance(payload, dict) or set(payload) != CAST_FIELDS:
            raise ValueError("payload")
        fields = {key: _decode(payload, key) for key in sorted(CAST_BASE64_FIELDS)}
        elector = payload["elector"]
        if not isinstance(elector, str) or len(elector) > 40:
            raise ValueError("elector")
    except (ValueError, binascii.Error):  # NotCanonicalError is a ValueError: duplicate keys, floats
        return JsonResponse({"error": _("malformed ballot")}, status=400)
    try:
        tracking = services.cast_ballot(
            slug=slug,
            credential=fields["credential"],
            signature=fields["credential_signature"],
            ciphertext=fields["ciphertext"],
            ballot_signature=fields["ballot_signature"],
            elector=elector,
            declaration=fields["declaration"],
        )
    except services.CastRefusedError as error:
        return JsonResponse({"error": str(error)}, status=403)
    return JsonResponse({"tracking": tracking})


# --- staff: define, appoint, freeze -------------------------------------------------------------


@staff_required(Role.ORGANIZER, Role.TRUSTEE, Role.DELEGATE)
def staff_list(request: HttpRequest) -> HttpResponse:
    return render(request, "elections/staff/list.html", {"elections": selectors.staff_elections()})


@staff_required(Role.ORGANIZER)
@require_http_methods(["GET", "POST"])
def staff_create(request: HttpRequest) -> HttpResponse:
    form = ElectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        constraints: list[dict[str, Any]] = []
        if data.get("min_women"):
            constraints.append({"kind": "min", "attribute": "gender", "value": "woman", "limit": data["min_women"]})
        if data.get("max_per_organization"):
            constraints.append(
                {"kind": "max", "attribute": "organization", "value": None, "limit": data["max_per_organization"]}
            )
        user = _user(request)
        try:
            election = services.create_election(
                actor=user,
                slug=data["slug"],
                title_en=data["title_en"],
                title_fa=data["title_fa"],
                rule=data["rule"],
                opens_at=data["opens_at"],
                closes_at=data["closes_at"],
                seats=data["seats"],
                threshold=data["threshold"],
                quorum=data["quorum"],
                motion_en=data["motion_en"],
                motion_fa=data["motion_fa"],
                constraints=constraints,
                assembly_id=data["assembly_id"],
                charter_id=data.get("charter_id"),
                trustee_threshold=data["trustee_threshold"],
                trustee_count=data["trustee_count"],
            )
        except (services.ElectionStateError, ValueError) as error:
            form.add_error(None, str(error))
        else:
            return HttpResponseRedirect(reverse("elections:staff-detail", args=[election.slug]))
    return render(request, "elections/staff/create.html", {"form": form})


@staff_required(Role.ORGANIZER, Role.TRUSTEE, Role.DELEGATE)
@require_http_methods(["GET", "POST"])
def staff_detail(request: HttpRequest, slug: str) -> HttpResponse:
    election = _staff_or_404(slug)
    form = CandidateForm(request.POST or None)
    if request.method == "POST":
        from solidarity.core.roles import has_role

        if not has_role(request.user, Role.ORGANIZER):
            raise Http404
        if form.is_valid():
            user = _user(request)
            try:
                services.add_candidate(
                    actor=user,
                    election=election,
                    delegate=form.cleaned_data["delegate"],
                    name_fa=form.cleaned_data["name_fa"],
                    gender=form.cleaned_data["gender"],
                )
            except services.ElectionStateError as error:
                messages.error(request, str(error))
            return HttpResponseRedirect(reverse("elections:staff-detail", args=[slug]))
    user = _user(request)
    return render(
        request,
        "elections/staff/detail.html",
        {
            "election": election,
            "form": form,
            "trustee_form": TrusteeForm(),
            "trustees": election.trustees.order_by("username"),
            "candidates": election.candidates.all(),
            "voter": selectors.voter_for(election, user),
            "electorate": election.voters.count(),
            "signatures": election.voters.filter(has_signature=True).count(),
            "ballots": selectors.ballot_count(election),
            "mixers": selectors.trustee_mixers(election),
        },
    )


@staff_required(Role.ORGANIZER)
@require_POST
def staff_appoint_trustee(request: HttpRequest, slug: str) -> HttpResponse:
    election = _staff_or_404(slug)
    form = TrusteeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a trustee."))
        return HttpResponseRedirect(reverse("elections:staff-detail", args=[slug]))
    try:
        services.appoint_trustee(actor=_user(request), election=election, trustee=form.cleaned_data["trustee"])
    except services.ElectionStateError as error:
        messages.error(request, str(error))
    return HttpResponseRedirect(reverse("elections:staff-detail", args=[slug]))


def _candidate_or_404(election: Election, pk: int) -> Candidate:
    candidate = election.candidates.select_related("delegate").filter(pk=pk).first()
    if candidate is None:
        raise Http404
    return candidate


@staff_required(Role.ORGANIZER)
@require_http_methods(["GET", "POST"])
def staff_candidate_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Edit a candidate's names and stated gender until the freeze; refused afterwards, with the reason."""
    election = _staff_or_404(slug)
    candidate = _candidate_or_404(election, pk)
    initial = {"name_en": candidate.name_en, "name_fa": candidate.name_fa, "gender": candidate.gender}
    form = CandidateEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_candidate(actor=_user(request), candidate=candidate, **form.cleaned_data)
        except services.ElectionStateError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The candidate was updated."))
        return HttpResponseRedirect(reverse("elections:staff-detail", args=[slug]))
    return render(
        request, "elections/staff/candidate.html", {"election": election, "candidate": candidate, "form": form}
    )


@staff_required(Role.ORGANIZER)
@require_POST
def staff_candidate_withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Withdraw a candidate until the freeze; refused afterwards, with the reason."""
    election = _staff_or_404(slug)
    candidate = _candidate_or_404(election, pk)
    try:
        services.withdraw_candidate(actor=_user(request), candidate=candidate)
    except services.ElectionStateError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The candidate was withdrawn."))
    return HttpResponseRedirect(reverse("elections:staff-detail", args=[slug]))


@never_cache
@staff_required(Role.ORGANIZER, Role.CREDENTIALS_OFFICER)
@require_http_methods(["GET", "POST"])
def staff_voting_keys(request: HttpRequest) -> HttpResponse:
    """List accredited delegates with their voting keys; clear a lost one (audited)."""
    if request.method == "POST":
        delegate = selectors.accredited_delegate(request.POST.get("delegate", ""))
        if delegate is None:
            raise Http404
        try:
            services.clear_voting_key(actor=_user(request), delegate=delegate)
        except services.VotingKeyError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The voting key is cleared: the delegate can make a new code on their page."))
        return HttpResponseRedirect(reverse("elections:staff-voting-keys"))
    return render(request, "elections/staff/voting_keys.html", {"rows": selectors.voting_keys()})


@staff_required(Role.ORGANIZER)
@require_POST
def staff_freeze(request: HttpRequest, slug: str) -> HttpResponse:
    election = _staff_or_404(slug)
    user = _user(request)
    try:
        services.freeze_election(actor=user, election=election)
    except services.ElectionStateError as error:
        messages.error(request, str(error))
    return HttpResponseRedirect(reverse("elections:staff-detail", args=[slug]))


# --- the booth, on the public host, for delegates (signature issuance) ---------------------------


# libsodium compiles WebAssembly; without 'wasm-unsafe-eval' Chromium refuses it and the library
# has no fallback that survives the refusal. This keyword allows compiling WebAssembly only, not
# eval() of JavaScript, and only on this page (a stated exception, see docs/elections.md).
BOOTH_CSP = {"script-src": ["'wasm-unsafe-eval'"]}


@never_cache  # type: ignore[type-var]  # django-csp types its decorator for views without URL arguments
@delegate_required
@csp_update(BOOTH_CSP)  # type: ignore[arg-type]  # same: the view takes a slug
def booth(request: HttpRequest, slug: str) -> HttpResponse:
    """The voting booth of the delegate the request speaks for (a delegate session, never a staff password)."""
    election = _public_or_404(slug)
    voter = selectors.voter_for_delegate(election, access_delegate(request))
    if voter is None or election.status != Election.Status.FROZEN:
        raise Http404
    return render(
        request,
        "elections/booth.html",
        {
            "election": election,
            "voter": voter,
            "has_key": services.elector_key(election, voter.elector_id) is not None,
            "keys": (election.definition or {}).get("keys", {}),
            "names": selectors.candidate_names(election),
        },
    )


@never_cache
@require_POST
def sign(request: HttpRequest, slug: str) -> JsonResponse:
    """Blind-sign the blinded credential of the delegate the request speaks for (once); CSRF-checked."""
    election = _public_or_404(slug)
    delegate = access_delegate(request)
    if delegate is None:
        return JsonResponse({"error": _("sign in as a delegate first")}, status=403)
    try:
        payload = json.loads(request.body)
        if not isinstance(payload, dict):
            raise ValueError("not an object")
        blinded = _decode(payload, "blinded_message")
        voter_signature = _decode(payload, "voter_signature")
    except (ValueError, binascii.Error, UnicodeDecodeError, RecursionError):  # RecursionError: see cast
        return JsonResponse({"error": _("malformed request")}, status=400)
    try:
        elector, signature = services.issue_blind_signature(
            election=election, delegate=delegate, blinded_message=blinded, voter_signature=voter_signature
        )
    except (services.NotEligibleError, services.ElectionStateError) as error:
        return JsonResponse({"error": str(error)}, status=403)
    return JsonResponse({"elector": elector, "blind_signature": base64.b64encode(signature).decode("ascii")})


@never_cache
@csp_update(BOOTH_CSP)  # libsodium derives the key in the page (WebAssembly)
@delegate_required
@require_http_methods(["GET", "POST"])
def voting_key(request: HttpRequest) -> HttpResponse:
    """Make a voting code in the browser and register its public key (once; an organizer clears a lost one)."""
    delegate = access_delegate(request)
    if delegate is None:
        raise Http404
    error, status = "", 200
    if request.method == "POST":
        try:
            public_key = base64.b64decode(request.POST.get("public_key", ""), validate=True)
            services.register_voting_key(delegate=delegate, public_key=public_key)
        except (ValueError, binascii.Error):
            error, status = _("The page did not send a voting key. Make the code again."), 400
        except services.VotingKeyError as refusal:
            error, status = str(refusal), 400
        else:
            return HttpResponseRedirect(reverse("elections:voting-key"))
    return render(
        request,
        "elections/voting_key.html",
        {"delegate": delegate, "held": selectors.voting_key_for(delegate), "error": error},
        status=status,
    )


# --- staff: the trustees' joint key generation and their opening of the count ---------------------


@never_cache
@staff_required(Role.ORGANIZER, Role.TRUSTEE)
@require_http_methods(["GET", "POST"])
def staff_trustee(request: HttpRequest, slug: str) -> HttpResponse:
    """Where trustees download the ceremony file and upload what their tool wrote (docs/elections.md)."""
    election = _staff_or_404(slug)
    form = TrusteeMessageForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not has_role(request.user, Role.TRUSTEE):
            raise Http404
        if form.is_valid():
            try:
                kind = services.receive_trustee_message(
                    actor=_user(request), election=election, data=form.cleaned_data["message"].read()
                )
            except services.TrusteeMessageError as error:
                messages.error(request, str(error))
            else:
                election.refresh_from_db()
                if election.status == Election.Status.PUBLISHED:
                    messages.success(request, _("The count is open and the record is published."))
                    return HttpResponseRedirect(reverse("elections:result", args=[slug]))
                labels = {
                    "join": _("Joined"),
                    "dealing": _("Dealt"),
                    "confirmation": _("Confirmed"),
                    "decryption": _("Decrypted"),
                }
                messages.success(request, _("Received and checked: %(kind)s.") % {"kind": labels.get(kind, kind)})
        else:
            messages.error(request, _("Choose the file the trustee tool wrote."))
        return HttpResponseRedirect(reverse("elections:trustee", args=[slug]))
    return render(
        request,
        "elections/staff/trustee.html",
        {
            "election": election,
            "form": form,
            "seats": election.trustee_seats.select_related("trustee").order_by("index"),
            "mixers": selectors.trustee_mixers(election),
            "decrypted": election.trustee_seats.exclude(decryption="").count(),
            "can_upload": has_role(request.user, Role.TRUSTEE),  # an organizer's upload answers 404
            "can_restart": has_role(request.user, Role.ORGANIZER),
        },
    )


@never_cache
@staff_required(Role.ORGANIZER, Role.TRUSTEE)
@require_GET
def staff_trustee_ceremony(request: HttpRequest, slug: str) -> HttpResponse:
    """Serve the ceremony file the trustee tool reads (public material only: no secret is on the server)."""
    election = _staff_or_404(slug)
    document = services.ceremony_document(election=election)
    response = HttpResponse(canonical.dumps(document), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="ceremony-{election.slug}.json"'
    return response


@staff_required(Role.ORGANIZER)
@require_POST
def staff_trustee_restart(request: HttpRequest, slug: str) -> HttpResponse:
    """Throw away an unfinished key generation after a trustee's complaint."""
    election = _staff_or_404(slug)
    try:
        services.restart_key_generation(actor=_user(request), election=election)
    except services.ElectionStateError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The key generation starts again: every trustee joins anew."))
    return HttpResponseRedirect(reverse("elections:trustee", args=[slug]))
