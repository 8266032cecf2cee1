"""Pages and endpoints of coordination: thin wrappers around services and selectors.

The anonymous endpoints (code, sign, pledge, withdraw, status) answer every refusal alike, log
nothing, set no cookie and are rate-limited only on refusals (a valid token is scarce by itself).
"""

from __future__ import annotations

import base64
import json
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from solidarity.coordination import publishing, selectors, services, signal
from solidarity.coordination.forms import CampaignForm, IssueForm, OfflineKeyForm, TokenForm, WordForm
from solidarity.coordination.models import Bulletin, Campaign, CoordinatorKey
from solidarity.core import security
from solidarity.core.access import signed_in_user, staff_required
from solidarity.core.middleware import unlogged
from solidarity.core.roles import STAFF_ROLES, Role, has_role

MAX_BODY_BYTES = 8 * 1024
REFUSALS_PER_WINDOW = 30
REFUSAL_WINDOW_SECONDS = 600
ANY_STAFF = tuple(sorted(STAFF_ROLES))


def _public_or_404(slug: str) -> Campaign:
    campaign = selectors.public_campaign(slug)
    if campaign is None:
        raise Http404
    return campaign


def _staff_or_404(slug: str) -> Campaign:
    campaign = selectors.staff_campaigns().filter(slug=slug).first()
    if campaign is None:
        raise Http404
    return campaign


def _language() -> str:
    return "fa" if (get_language() or "en").startswith("fa") else "en"


def _labelled_release(campaign: Campaign) -> dict[str, Any] | None:
    release = selectors.latest_release(campaign)
    if release is None:
        return None
    language = _language()
    names = selectors.issuer_names(language)
    cells = [
        {
            **cell,
            "area_label": selectors.area_label(cell["area"], language),
            "sector_label": selectors.sector_label(cell["sector"], language),
            "issuer_bands": {names.get(issuer, issuer): band for issuer, band in cell["issuer_bands"].items()},
        }
        for cell in release.body["cells"]
    ]
    return {
        "day": release.day,
        "cells": cells,
        "total": release.body["total"],
        "reached_cells": release.body["reached_cells"],
        "cells_count": release.body["cells_count"],
        "area_totals": [(selectors.area_label(a, language), b) for a, b in release.body["area_totals"].items()],
        "sector_totals": [(selectors.sector_label(s, language), b) for s, b in release.body["sector_totals"].items()],
        "issued": release.body.get("issued", {}),
    }


# --- public pages ----------------------------------------------------------------------------


def campaign_list(request: HttpRequest) -> HttpResponse:
    return render(request, "coordination/list.html", {"campaigns": selectors.public_campaigns()})


def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _public_or_404(slug)
    is_after = timezone.localdate() >= campaign.action_date
    follow = selectors.follow_through(campaign) if is_after else ([], [])
    return render(
        request,
        "coordination/detail.html",
        {
            "campaign": campaign,
            "title": campaign.title(_language()),
            "description": campaign.description(_language()),
            "release": _labelled_release(campaign),
            "bulletin": selectors.published_bulletin(campaign),
            "follow": follow[0],
            "claims": follow[1],
            "is_after": is_after,
            "is_open": campaign.is_open(),
        },
    )


@never_cache
def pledge_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The pledge page: with JavaScript, blinding on this device; without, a printed token."""
    campaign = _public_or_404(slug)
    form = TokenForm()
    return render(
        request,
        "coordination/pledge.html",
        {"campaign": campaign, "title": campaign.title(_language()), "form": form, "is_open": campaign.is_open()},
    )


def _parse_token(text: str) -> tuple[bytes, bytes, bytes]:
    """A printed token is three base64url parts joined by dots: metadata, message, signature."""
    parts = "".join(text.split()).split(".")
    if len(parts) != 3:
        raise services.PledgeRefusedError
    return (
        services.decode_b64(parts[0], limit=400),
        services.decode_b64(parts[1], limit=200),
        services.decode_b64(parts[2], limit=1400),
    )


def _refused_too_often(request: HttpRequest, slug: str) -> bool:
    key = security.client_key(request, f"coordination-refusal:{slug}")
    return security.count(key) >= REFUSALS_PER_WINDOW


def _note_refusal(request: HttpRequest, slug: str) -> None:
    security.hit(security.client_key(request, f"coordination-refusal:{slug}"), window_seconds=REFUSAL_WINDOW_SECONDS)


@never_cache
@csrf_exempt  # no session or cookie to ride on: the token is the credential (Chromium posts "Origin: null")
@require_POST
@unlogged
def pledge_form(request: HttpRequest, slug: str) -> HttpResponse:
    """Pledge or withdraw with a printed token, without JavaScript."""
    campaign = _public_or_404(slug)
    form = TokenForm(request.POST)
    outcome = ""
    if _refused_too_often(request, slug):
        outcome = "limited"
    elif form.is_valid():
        try:
            info, prepared, signature = _parse_token(form.cleaned_data["token"])
            if request.POST.get("withdraw"):
                services.withdraw_pledge(campaign=campaign, prepared=prepared)
                outcome = "withdrawn"
            else:
                services.pledge(campaign=campaign, info=info, prepared=prepared, signature=signature)
                outcome = "counted"
        except services.PledgeRefusedError:
            _note_refusal(request, slug)
            outcome = "refused"
    status = {"refused": 403, "limited": 429}.get(outcome, 200)
    return render(
        request,
        "coordination/pledge.html",
        {
            "campaign": campaign,
            "title": campaign.title(_language()),
            "form": TokenForm(),
            "outcome": outcome,
            "is_open": campaign.is_open(),
        },
        status=status,
    )


def check_word_page(request: HttpRequest, slug: str) -> HttpResponse:
    """Check a code word heard on the air against the campaign's commitment (works offline with JS)."""
    campaign = _public_or_404(slug)
    form = WordForm(request.GET or None)
    verdict: bool | None = None
    if request.GET and form.is_valid():
        kind = form.cleaned_data["kind"]
        commitment = campaign.go_commitment if kind == "go" else campaign.abort_commitment
        verdict = signal.check_word(form.cleaned_data["word"], campaign=campaign.slug, kind=kind, commitment=commitment)
    return render(
        request,
        "coordination/check_word.html",
        {
            "campaign": campaign,
            "title": campaign.title(_language()),
            "form": form,
            "verdict": verdict,
            "iterations": signal.ITERATIONS,
        },
    )


# --- neutral endpoints (no language prefix) --------------------------------------------------


def _json_body(request: HttpRequest) -> dict[str, Any]:
    if len(request.body) > MAX_BODY_BYTES:
        raise services.PledgeRefusedError
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise services.PledgeRefusedError from error
    if not isinstance(payload, dict):
        raise services.PledgeRefusedError
    return payload


def _text(payload: dict[str, Any], key: str) -> str:
    value = payload.get(key)
    if not isinstance(value, str):
        raise services.PledgeRefusedError
    return value


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _refusal() -> JsonResponse:
    return JsonResponse({"error": "refused"}, status=403)


def _limited() -> JsonResponse:
    return JsonResponse({"error": "too many refusals, wait ten minutes"}, status=429)


@require_GET
def campaign_json(request: HttpRequest, slug: str) -> JsonResponse:
    """The public key, commitments and (once published) the co-signed bulletin of a campaign."""
    campaign = _public_or_404(slug)
    return JsonResponse(publishing.campaign_document(campaign), json_dumps_params={"ensure_ascii": False})


@require_GET
def release_json(request: HttpRequest, slug: str) -> JsonResponse:
    """The latest daily release: bands only."""
    campaign = _public_or_404(slug)
    release = selectors.latest_release(campaign)
    if release is None:
        return JsonResponse({"campaign": campaign.slug, "day": None, "release": None})
    return JsonResponse({"campaign": campaign.slug, "day": release.day.isoformat(), "release": release.body})


@never_cache
@csrf_exempt  # anonymous JSON without cookies: nothing for a forged request to ride on
@require_POST
@unlogged
def code_json(request: HttpRequest, slug: str) -> JsonResponse:
    campaign = _public_or_404(slug)
    if _refused_too_often(request, slug):
        return _limited()
    try:
        info = services.code_info(campaign=campaign, code=_text(_json_body(request), "code"))
    except services.PledgeRefusedError:
        _note_refusal(request, slug)
        return _refusal()
    return JsonResponse({"info": _b64(info), "n": campaign.public_n})


@never_cache
@csrf_exempt  # anonymous JSON without cookies
@require_POST
@unlogged
def sign_json(request: HttpRequest, slug: str) -> JsonResponse:
    campaign = _public_or_404(slug)
    if _refused_too_often(request, slug):
        return _limited()
    try:
        payload = _json_body(request)
        blinded = services.decode_b64(_text(payload, "blinded_message"))
        signature = services.redeem_code(campaign=campaign, code=_text(payload, "code"), blinded_message=blinded)
    except services.PledgeRefusedError:
        _note_refusal(request, slug)
        return _refusal()
    return JsonResponse({"blind_signature": _b64(signature)})


@never_cache
@csrf_exempt  # anonymous JSON without cookies
@require_POST
@unlogged
def pledge_json(request: HttpRequest, slug: str) -> JsonResponse:
    campaign = _public_or_404(slug)
    if _refused_too_often(request, slug):
        return _limited()
    try:
        payload = _json_body(request)
        services.pledge(
            campaign=campaign,
            info=services.decode_b64(_text(payload, "info"), limit=400),
            prepared=services.decode_b64(_text(payload, "token"), limit=200),
            signature=services.decode_b64(_text(payload, "signature")),
        )
    except services.PledgeRefusedError:
        _note_refusal(request, slug)
        return _refusal()
    return JsonResponse({"status": "counted"})


@never_cache
@csrf_exempt  # anonymous JSON without cookies
@require_POST
@unlogged
def withdraw_json(request: HttpRequest, slug: str) -> JsonResponse:
    campaign = _public_or_404(slug)
    if _refused_too_often(request, slug):
        return _limited()
    try:
        prepared = services.decode_b64(_text(_json_body(request), "token"), limit=200)
        services.withdraw_pledge(campaign=campaign, prepared=prepared)
    except services.PledgeRefusedError:
        _note_refusal(request, slug)
        return _refusal()
    return JsonResponse({"status": "withdrawn"})


@never_cache
@csrf_exempt  # anonymous JSON without cookies
@require_POST
@unlogged
def status_json(request: HttpRequest, slug: str) -> JsonResponse:
    """Tell whether a token (its hash, re-derived from a phrase on the device) is counted."""
    campaign = _public_or_404(slug)
    try:
        token_hash = _text(_json_body(request), "token_hash")
    except services.PledgeRefusedError:
        return _refusal()
    if len(token_hash) != 64 or any(char not in "0123456789abcdef" for char in token_hash.lower()):
        return _refusal()
    return JsonResponse({"status": services.pledge_status(campaign=campaign, token_hash=token_hash)})


# --- staff -------------------------------------------------------------------------------------


@staff_required(*ANY_STAFF)
def staff_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    return render(
        request,
        "coordination/staff/list.html",
        {
            "campaigns": selectors.staff_campaigns(),
            "can_propose": bool(services.organizations_for(user)),
            "is_coordinator": has_role(user, Role.COORDINATOR),
        },
    )


@staff_required(*ANY_STAFF)
@require_http_methods(["GET", "POST"])
def staff_propose(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    previous = selectors.finished_campaigns().filter(slug=request.GET.get("after", "")).first()
    initial = CampaignForm.initial_after(previous, selectors.follow_through(previous)[0]) if previous else None
    form = CampaignForm(request.POST or None, organizations=services.organizations_for(user), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = services.propose_campaign(
                actor=user,
                organization=data["organization"],
                slug=data["slug"],
                title_en=data["title_en"],
                title_fa=data["title_fa"],
                description_en=data["description_en"],
                description_fa=data["description_fa"],
                action=data["action"],
                action_date=data["action_date"],
                action_hour=data["action_hour"],
                closes_at=data["closes_at"],
                rung=data["rung"],
                previous=data["previous"],
                conversation_id=data["conversation"].pk if data["conversation"] else None,
                charter_reference=data["charter_reference"],
                cells=form.cells(),
                go_word=data["go_word"],
                abort_word=data["abort_word"],
                max_issuer_share=data["max_issuer_share"],
                min_issuers=data["min_issuers"],
                minimum_published=data["minimum_published"],
                signers_needed=data["signers_needed"],
            )
        except services.CampaignError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Proposed. Two coordinators must now approve it."))
            return HttpResponseRedirect(reverse("coordination:staff-detail", args=[campaign.slug]))
    return render(request, "coordination/staff/propose.html", {"form": form})


def _cell_choices(campaign: Campaign) -> list[tuple[str, str]]:
    language = _language()
    return [
        (
            cell.key,
            f"{selectors.area_label(cell.area, language)} · {selectors.sector_label(cell.sector, language)}",
        )
        for cell in campaign.cells.all()
    ]


@staff_required(*ANY_STAFF)
@require_GET
def staff_detail(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _staff_or_404(slug)
    user = signed_in_user(request)
    bulletin = Bulletin.objects.filter(campaign=campaign).first()
    verdict = None
    if bulletin is not None:
        verdict = signal.verify(
            bulletin.body,
            bulletin.signatures,
            keys=[bytes.fromhex(key) for key in bulletin.keys],
            threshold=campaign.signers_needed,
        )
    return render(
        request,
        "coordination/staff/detail.html",
        {
            "campaign": campaign,
            "approvals": campaign.approvals.select_related("coordinator"),
            "is_coordinator": has_role(user, Role.COORDINATOR),
            "issue_form": IssueForm(cells=_cell_choices(campaign), organizations=services.organizations_for(user)),
            "tallies": selectors.issuer_tallies(campaign),
            "release": _labelled_release(campaign),
            "bulletin": bulletin,
            "verdict": verdict,
            "is_past": campaign.action_date < timezone.localdate(),
            "own_key": CoordinatorKey.objects.filter(coordinator=user).first(),
        },
    )


@staff_required(Role.COORDINATOR)
@require_POST
def staff_approve(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _staff_or_404(slug)
    try:
        services.approve_campaign(actor=signed_in_user(request), campaign=campaign)
    except services.CampaignError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Approval recorded."))
    return HttpResponseRedirect(reverse("coordination:staff-detail", args=[slug]))


@never_cache
@staff_required(*ANY_STAFF)
@require_POST
def staff_issue(request: HttpRequest, slug: str) -> HttpResponse:
    """Issue one-time codes for printed cards; the codes are shown once and never stored."""
    campaign = _staff_or_404(slug)
    user = signed_in_user(request)
    form = IssueForm(request.POST, cells=_cell_choices(campaign), organizations=services.organizations_for(user))
    if not form.is_valid():
        messages.error(request, _("Choose a cell, an organization and a number of cards."))
        return HttpResponseRedirect(reverse("coordination:staff-detail", args=[slug]))
    cell = campaign.cells.get(key=form.cleaned_data["cell"])
    try:
        codes = services.issue_codes(
            actor=user, cell=cell, issuer=form.cleaned_data["issuer"], count=form.cleaned_data["count"]
        )
    except services.CampaignError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(reverse("coordination:staff-detail", args=[slug]))
    language = _language()
    return render(
        request,
        "coordination/staff/cards.html",
        {
            "campaign": campaign,
            "title": campaign.title(language),
            "cell_label": dict(_cell_choices(campaign))[cell.key],
            "issuer": form.cleaned_data["issuer"],
            "codes": codes,
            "pledge_path": reverse("coordination:pledge", args=[campaign.slug]),
        },
    )


@staff_required(*ANY_STAFF)
@require_GET
def staff_batch(request: HttpRequest, slug: str) -> HttpResponse:
    """Batch mode: this device blinds, has the codes signed and prints whole tokens."""
    campaign = _staff_or_404(slug)
    if not campaign.is_open():
        raise Http404
    return render(
        request, "coordination/staff/batch.html", {"campaign": campaign, "title": campaign.title(_language())}
    )


@staff_required(Role.COORDINATOR)
@require_POST
def staff_draft(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _staff_or_404(slug)
    kind = request.POST.get("kind", "")
    if kind not in Bulletin.Kind.values:
        raise Http404
    try:
        services.draft_bulletin(actor=signed_in_user(request), campaign=campaign, kind=kind)
    except services.CampaignError as error:
        messages.error(request, str(error))
    return HttpResponseRedirect(reverse("coordination:staff-detail", args=[slug]))


@staff_required(Role.COORDINATOR)
@require_POST
def staff_cosign(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _staff_or_404(slug)
    bulletin = Bulletin.objects.filter(campaign=campaign).first()
    if bulletin is None:
        raise Http404
    try:
        signed = services.cosign_bulletin(
            actor=signed_in_user(request), bulletin=bulletin, signature_hex=request.POST.get("signature", "")[:200]
        )
    except services.CampaignError as error:
        messages.error(request, str(error))
    else:
        if signed.is_published:
            messages.success(request, _("Signed. The signal is published in the feeds and the next bundle."))
        else:
            messages.success(request, _("Signed. More coordinators must sign before it is published."))
    return HttpResponseRedirect(reverse("coordination:staff-detail", args=[slug]))


@staff_required(Role.COORDINATOR)
@require_GET
def staff_bulletin(request: HttpRequest, slug: str) -> HttpResponse:
    """The bulletin's canonical bytes, exactly what is signed, for signing on an offline device."""
    bulletin = Bulletin.objects.filter(campaign=_staff_or_404(slug)).first()
    if bulletin is None:
        raise Http404
    response = HttpResponse(signal.canonical(bulletin.body), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bulletin-{slug}-{bulletin.kind}.json"'
    return response


@staff_required(Role.COORDINATOR)
@require_http_methods(["GET", "POST"])
def staff_key(request: HttpRequest) -> HttpResponse:
    """A coordinator's signing key: held by the server, or made offline and registered here."""
    user = signed_in_user(request)
    form = OfflineKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.register_offline_key(
                coordinator=user, public_key_hex=form.cleaned_data["public_key"], proof_hex=form.cleaned_data["proof"]
            )
        except services.CampaignError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Offline key registered; the key the server held for you is erased."))
            return HttpResponseRedirect(reverse("coordination:staff-key"))
    key = CoordinatorKey.objects.filter(coordinator=user).first()
    return render(
        request,
        "coordination/staff/key.html",
        {"key": key, "key_id": signal.key_id(bytes.fromhex(key.public_key)) if key else "", "form": form},
    )
