"""Pages of assemblies: programme, partners, invitations, check-in, attendance and live updates.

Views stay thin: one access check, one service or selector call, one template or response.
"""

from __future__ import annotations

import json
import zoneinfo
from pathlib import Path
from typing import Any

import segno
from django.contrib import messages
from django.core.handlers.asgi import ASGIRequest
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from solidarity.assemblies import checkin, delegate_session, exports, invitations, live, selectors, services
from solidarity.assemblies.forms import (
    CheckInForm,
    IssueInvitationForm,
    RevokeForm,
    StatusForm,
    SyncForm,
    UpdateForm,
)
from solidarity.assemblies.keys import current_signer, published_keyring
from solidarity.assemblies.models import Assembly, BroadcastPartner, Invitation, Venue, known_time_zones
from solidarity.assemblies.refusals import ADMITTED_MESSAGE, explain
from solidarity.core import calendars
from solidarity.core.access import staff_required
from solidarity.core.models import User
from solidarity.core.pagecache import public_page
from solidarity.core.roles import Role, has_role
from solidarity.core.security import is_address_limited, is_over_budget

LIVE_STREAM_SECONDS = 55.0  # then the browser reconnects with Last-Event-ID
DEFAULT_ZONES = ["UTC", "Asia/Tehran", "Europe/Paris"]
OFFICERS = (Role.ORGANIZER, Role.CREDENTIALS_OFFICER)
DOOR = (Role.ORGANIZER, Role.CHECKIN_OFFICER)
INVITATION_VIEWS = 120  # views of one invitation's page per 10 minutes: a person, several devices, answers


def _assembly(slug: str) -> Assembly:
    assembly = selectors.public_assembly(slug)
    if assembly is None:
        raise Http404
    return assembly


def _programme_assembly(slug: str) -> Assembly:
    assembly = _assembly(slug)
    if not assembly.has_public_programme:
        raise Http404
    return assembly


def _venue(assembly: Assembly, venue_id: int) -> Venue:
    venue = selectors.venue_of(assembly, venue_id)
    if venue is None:
        raise Http404
    return venue


def _zone(request: HttpRequest, assembly: Assembly) -> tuple[zoneinfo.ZoneInfo, list[str]]:
    zones = sorted({*DEFAULT_ZONES, *(venue.time_zone for venue in selectors.venues_of(assembly))})
    name = request.GET.get("tz", "")[:64]
    try:
        zone = zoneinfo.ZoneInfo(name) if name in known_time_zones() else zoneinfo.ZoneInfo("UTC")
    except zoneinfo.ZoneInfoNotFoundError:
        zone = zoneinfo.ZoneInfo("UTC")
    if zone.key not in zones:
        zones.append(zone.key)
    return zone, zones


# --- public pages --------------------------------------------------------------------------


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "assemblies/index.html", {"assemblies": selectors.public_assemblies()})


@public_page("assemblies")
def assembly_detail(request: HttpRequest, slug: str) -> HttpResponse:
    assembly = _assembly(slug)
    context: dict[str, Any] = {"assembly": assembly, "venues": selectors.venues_of(assembly)}
    if assembly.has_public_programme:
        zone, zones = _zone(request, assembly)
        grouped = request.GET.get("group") == "venue"
        context.update(
            zone=zone.key,
            zones=zones,
            grouped=grouped,
            by_venue=selectors.programme_by_venue(assembly) if grouped else None,
            days=None if grouped else selectors.programme_days(selectors.programme(assembly), zone),
        )
    return render(request, "assemblies/assembly.html", context)


def venue_detail(request: HttpRequest, slug: str, venue_id: int) -> HttpResponse:
    assembly = _programme_assembly(slug)
    venue = _venue(assembly, venue_id)
    days = selectors.programme_days(selectors.programme(assembly, venue=venue), venue.zone)
    return render(request, "assemblies/venue.html", {"assembly": assembly, "venue": venue, "days": days})


def follow(request: HttpRequest, slug: str) -> HttpResponse:
    assembly = _assembly(slug)
    return render(
        request,
        "assemblies/follow.html",
        {
            "assembly": assembly,
            "partners": selectors.accredited_partners(assembly),
            "venues": selectors.venues_of(assembly),
        },
    )


def live_page(request: HttpRequest, slug: str) -> HttpResponse:
    assembly = _assembly(slug)
    updates = selectors.updates_of(assembly)
    return render(
        request,
        "assemblies/live.html",
        {"assembly": assembly, "updates": updates, "last_id": max((update.pk for update in updates), default=0)},
    )


def _qr_svg(text: str) -> str:
    return str(segno.make(text, error="m").svg_inline(scale=3, omitsize=True, dark="#000", light="#fff", border=4))


@never_cache  # a name, a private address and the admission token: no copy in any cache (finding 6)
@require_http_methods(["GET", "POST"])
def invitation_page(request: HttpRequest, token: str) -> HttpResponse:
    """The invitee's page: who signed, where, when; accept or decline (no JavaScript needed)."""
    # Clearnet: an address limit still tells people apart. The onion: none (every visitor is one address).
    if is_address_limited(request, "assemblies-invitation", limit=60, window_seconds=600):
        return render(request, "assemblies/invitation_invalid.html", status=429)
    try:
        invitation = services.invitation_for_token(token)
    except invitations.InvalidInvite:
        # A junk token costs a signature check and counts against nobody (finding 4 of issue 12).
        return render(request, "assemblies/invitation_invalid.html", status=404)
    # A budget per invitation: only the holder of a real token can spend it, and only their own.
    if is_over_budget("assemblies-invitation-page", invitation.nonce, limit=INVITATION_VIEWS, window_seconds=600):
        return render(request, "assemblies/invitation_invalid.html", status=429)
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer == "enter" and invitation.delegate_id and invitation.state != Invitation.State.REVOKED:
            # The link's token is the delegate's credential: it opens a delegate session, not a staff one.
            delegate_session.sign_in(request, invitation)
            return HttpResponseRedirect(reverse("assemblies:delegate-home"))
        if answer in {"accept", "decline"}:
            try:
                invitation = services.respond_to_invitation(invitation=invitation, accept=answer == "accept")
            except services.InvitationStateError:
                messages.error(request, _("This invitation was revoked."))
            else:
                messages.success(request, _("Thank you: your answer is recorded."))
        return HttpResponseRedirect(request.path)
    signer_fingerprint = next(
        (str(item["fingerprint"]) for item in published_keyring().to_json() if item["key_id"] == invitation.key_id), ""
    )
    return render(
        request,
        "assemblies/invitation.html",
        {
            "invitation": invitation,
            "assembly": invitation.assembly,
            "venue": invitation.venue,
            # A revoked holder is no longer an invitee: the hidden address is theirs no more.
            "address": "" if invitation.state == Invitation.State.REVOKED else invitation.venue.street_address,
            "token": token,
            "qr_svg": _qr_svg(token),
            "code": invitations.short_code(invitations.from_text(token)),
            "fingerprint": signer_fingerprint,
            "sessions": selectors.programme_days(
                selectors.programme(invitation.assembly, venue=invitation.venue), invitation.venue.zone
            ),
        },
    )


# --- language-neutral: calendars, feeds, keys, SSE -----------------------------------------


def _language(request: HttpRequest) -> str:
    return "fa" if request.GET.get("lang") == "fa" else "en"


def calendar(request: HttpRequest, slug: str) -> HttpResponse:
    assembly = _programme_assembly(slug)
    body = exports.programme_calendar(assembly, selectors.programme(assembly), language=_language(request))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{assembly.slug}.ics"'
    return response


def venue_calendar(request: HttpRequest, slug: str, venue_id: int) -> HttpResponse:
    assembly = _programme_assembly(slug)
    venue = _venue(assembly, venue_id)
    body = exports.programme_calendar(
        assembly, selectors.programme(assembly, venue=venue), language=_language(request), venue=venue
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{assembly.slug}-venue-{venue.pk}.ics"'
    return response


def atom_feed(request: HttpRequest, slug: str) -> HttpResponse:
    assembly = _assembly(slug)
    language = _language(request)
    with calendars.override(language):
        page_path = reverse("assemblies:live", kwargs={"slug": slug})
        body = exports.updates_feed(
            assembly,
            selectors.updates_of(assembly),
            language=language,
            page_path=page_path,
            feed_path=request.get_full_path(),
        )
    return HttpResponse(body, content_type="application/atom+xml; charset=utf-8")


def published_keys(request: HttpRequest) -> JsonResponse:
    """The public keys that sign invitations, with fingerprints to compare out of band (SR-10)."""
    return JsonResponse({"format": "solidarity-invitation-keys/1", "keys": published_keyring().to_json()})


DOOR_WORKER = Path(__file__).resolve().parent / "static" / "assemblies" / "door-sw.js"


def door_worker(request: HttpRequest) -> HttpResponse:
    """The door page's service worker (a static script; served here so it may cover the staff pages)."""
    response = HttpResponse(DOOR_WORKER.read_bytes(), content_type="text/javascript; charset=utf-8")
    # A worker's scope may not reach above its own folder unless the server allows it.
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


def revocation_list(request: HttpRequest, slug: str) -> JsonResponse:
    """Nonces of revoked invitations (no names): what verifiers download."""
    assembly = _assembly(slug)
    return JsonResponse({"assembly_id": assembly.pk, "revoked": selectors.revoked_nonces(assembly)})


async def live_stream(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    """Server-sent events: the updates after Last-Event-ID, then each new one as it is posted."""
    assembly = await Assembly.objects.exclude(status=Assembly.Status.DRAFT).filter(slug=slug).afirst()
    if assembly is None:
        raise Http404
    raw = request.headers.get("Last-Event-ID") or request.GET.get("after") or "0"
    last_seen = int(raw) if raw.isdigit() else 0
    if isinstance(request, ASGIRequest):
        events: Any = live.follow(assembly.pk, last_seen=last_seen, seconds=LIVE_STREAM_SECONDS)
    else:  # a WSGI server (the test live server): a thread per follower, polling
        events = live.follow_blocking(assembly.pk, last_seen=last_seen, seconds=LIVE_STREAM_SECONDS)
    response = StreamingHttpResponse(events, content_type="text/event-stream")
    response["Cache-Control"] = "no-store"
    response["X-Accel-Buffering"] = "no"
    return response


# --- staff pages ---------------------------------------------------------------------------


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # staff_required guarantees a signed-in user  # noqa: S101
    return request.user


def _staff_assembly(slug: str) -> Assembly:
    assembly = selectors.staff_assembly(slug)
    if assembly is None:
        raise Http404
    return assembly


def _door_venue(request: HttpRequest, assembly: Assembly, venue_id: int) -> Venue:
    """Return a venue for door work: a venue that names its check-in officers opens to them only
    (and to organizers); one that names none opens to every check-in officer. 404 alike otherwise."""
    venue = _venue(assembly, venue_id)
    user = _user(request)
    officers = venue.checkin_officers.all()
    if officers.exists() and not (
        user.is_superuser or has_role(user, Role.ORGANIZER) or officers.filter(pk=user.pk).exists()
    ):
        raise Http404
    return venue


def _staff_invitation(pk: int) -> Invitation:
    invitation = Invitation.objects.select_related("assembly", "venue", "delegate").filter(pk=pk).first()
    if invitation is None:
        raise Http404
    return invitation


@staff_required(Role.ORGANIZER, Role.CREDENTIALS_OFFICER, Role.CHECKIN_OFFICER)
def staff_index(request: HttpRequest) -> HttpResponse:
    signer = current_signer()
    return render(
        request,
        "assemblies/staff/index.html",
        {
            "assemblies": Assembly.objects.prefetch_related("venues"),
            "fingerprint": signer.fingerprint,
            "key_id": signer.key_id,
            "can_organize": request.user.is_superuser or has_role(request.user, Role.ORGANIZER),
        },
    )


@staff_required(*OFFICERS)
@require_http_methods(["GET", "POST"])
def staff_invitations(request: HttpRequest, slug: str) -> HttpResponse:
    assembly = _staff_assembly(slug)
    form = IssueInvitationForm(request.POST or None, venues=selectors.venues_of(assembly))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invitation, _token = services.issue_invitation(
            officer=_user(request),
            venue=data["venue"],
            role=data["role"],
            delegate=data["delegate"],
            guest_name=data["guest_name"] or "",
        )
        messages.success(request, _("Invitation issued."))
        return HttpResponseRedirect(reverse("assemblies:staff-invitation", kwargs={"pk": invitation.pk}))
    state = request.GET.get("state", "")[:10]
    venue_filter = request.GET.get("venue", "")
    venue_id = int(venue_filter) if venue_filter.isdigit() else None
    return render(
        request,
        "assemblies/staff/invitations.html",
        {
            "assembly": assembly,
            "form": form,
            "invitations": selectors.invitations_of(assembly, state=state, venue_id=venue_id).prefetch_related(
                "delegate__organizations"
            )[:300],
            "counts": selectors.invitation_counts(assembly),
            "states": Invitation.State.choices,
            "state": state,
            "status_form": StatusForm(initial={"status": assembly.status}),
        },
    )


@staff_required(*OFFICERS)
def staff_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = _staff_invitation(pk)
    try:
        token = services.token_for(invitation)
    except services.SigningKeyRetiredError:
        token = ""
    return render(
        request,
        "assemblies/staff/invitation.html",
        {
            "invitation": invitation,
            "assembly": invitation.assembly,
            "token": token,
            "qr_svg": _qr_svg(token) if token else "",
            "code": invitations.short_code(invitations.from_text(token)) if token else "",
            "link": reverse("assemblies:invitation", kwargs={"token": token}) if token else "",
            "revoke_form": RevokeForm(),
        },
    )


@staff_required(*OFFICERS)
@require_POST
def staff_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = _staff_invitation(pk)
    form = RevokeForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    services.revoke_invitation(officer=_user(request), invitation=invitation, reason=reason)
    messages.success(request, _("Invitation revoked: it is on the revocation list."))
    return HttpResponseRedirect(reverse("assemblies:staff-invitation", kwargs={"pk": pk}))


@staff_required(Role.ORGANIZER)
@require_POST
def staff_status(request: HttpRequest, slug: str) -> HttpResponse:
    assembly = _staff_assembly(slug)
    form = StatusForm(request.POST)
    if form.is_valid():
        services.set_assembly_status(actor=_user(request), assembly=assembly, status=form.cleaned_data["status"])
        messages.success(request, _("Status changed."))
    return HttpResponseRedirect(reverse("assemblies:staff-invitations", kwargs={"slug": slug}))


@staff_required(*DOOR)
@require_http_methods(["GET", "POST"])
def staff_checkin(request: HttpRequest, slug: str, venue_id: int) -> HttpResponse:
    """The door page: check a token or code online, download the offline queue file, sync it."""
    assembly = _staff_assembly(slug)
    venue = _door_venue(request, assembly, venue_id)
    form = CheckInForm(request.POST or None)
    verdict: dict[str, Any] | None = None
    if request.method == "POST" and form.is_valid():
        scan, refusal = services.check_in_online(
            officer=_user(request), venue=venue, text=form.cleaned_data["token"], device_id=f"web-{_user(request).pk}"
        )
        verdict = {
            "admitted": refusal is None,
            "reason": scan.outcome,
            "message": str(ADMITTED_MESSAGE) if refusal is None else explain(scan.outcome),
        }
        if refusal is None and scan.token_nonce:
            held = selectors.door_holders(venue).get(scan.token_nonce)
            if held is not None:
                persian = translation.get_language() == "fa"
                verdict |= {
                    "holder": f"{held['name']} ({held['short_id']})",
                    "organization": held["organization_fa" if persian else "organization_en"],
                    "role": Invitation.Role(int(held["role"])).label,
                }
        form = CheckInForm()
    return render(
        request,
        "assemblies/staff/checkin.html",
        {
            "assembly": assembly,
            "venue": venue,
            "form": form,
            "verdict": verdict,
            "sync_form": SyncForm(),
            "reasons": [(reason.value, explain(reason.value)) for reason in invitations.Reason],
            "admitted_message": str(ADMITTED_MESSAGE),
            "role_labels": Invitation.Role.choices,
        },
    )


@staff_required(*DOOR)
def staff_manifest(request: HttpRequest, slug: str, venue_id: int) -> HttpResponse:
    """Download a queue file for an offline door device: keys, revocations, code digests."""
    assembly = _staff_assembly(slug)
    venue = _door_venue(request, assembly, venue_id)
    device = request.GET.get("device", "")[:40] or f"door-{venue.pk}-{timezone.now():%H%M%S}"
    scanner = checkin.Scanner(services.build_manifest(venue=venue), device)
    document = scanner.to_json()
    if request.GET.get("names") == "1":
        # The browser page's copy: who holds each of this venue's invitations, so that ADMIT shows
        # whom to look at. The file for laptops (without ?names=1) holds no names.
        document["holders"] = selectors.door_holders(venue)
    response = HttpResponse(json.dumps(document, indent=1, sort_keys=True).encode(), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="checkin-{assembly.slug}-venue-{venue.pk}.json"'
    return response


@staff_required(*DOOR)
@require_POST
def staff_sync(request: HttpRequest, slug: str, venue_id: int) -> HttpResponse:
    """Upload a door device's queue file; its scans are stored once each and reconciled."""
    assembly = _staff_assembly(slug)
    venue = _door_venue(request, assembly, venue_id)
    form = SyncForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the queue file to sync."))
    else:
        try:
            upload = form.cleaned_data["queue"]
            scanner = checkin.Scanner.from_json(json.loads(upload.read(20_000_000)))
            if scanner.manifest.venue_id != venue.pk or scanner.manifest.assembly_id != assembly.pk:
                raise ValueError("another venue")
            result = services.sync_scans(officer=_user(request), venue=venue, scans=scanner.queue)
        # RecursionError: JSON nested thousands of levels deep is not a queue file either.
        except (ValueError, KeyError, TypeError, RecursionError):
            messages.error(request, _("This file is not a queue file of this venue."))
        else:
            messages.success(
                request,
                _(
                    "Synced: %(stored)s new scans, %(known)s already known, "
                    "%(duplicates)s duplicate admissions in the assembly."
                )
                % {
                    "stored": result.stored,
                    "known": result.already_known,
                    "duplicates": len(result.reconciliation.duplicates),
                },
            )
            for reason, count in sorted(result.set_aside.items()):
                messages.warning(
                    request, _("%(count)s admissions put aside: %(why)s") % {"count": count, "why": explain(reason)}
                )
    return HttpResponseRedirect(reverse("assemblies:staff-checkin", kwargs={"slug": slug, "venue_id": venue_id}))


@staff_required(*DOOR)
@require_POST
def staff_sync_json(request: HttpRequest, slug: str, venue_id: int) -> HttpResponse:
    """Take the scans queued by the offline check-in page (JSON); store each once and reconcile."""
    assembly = _staff_assembly(slug)
    venue = _door_venue(request, assembly, venue_id)
    try:
        data = json.loads(request.body[:20_000_000])
        scans = [checkin.Scan.from_json(item) for item in data["scans"]]
        result = services.sync_scans(officer=_user(request), venue=venue, scans=scans)
    except (ValueError, KeyError, TypeError, RecursionError):  # RecursionError: see staff_sync
        return JsonResponse({"error": "not a list of scans of this venue"}, status=400)
    return JsonResponse(
        {
            "stored": result.stored,
            "already_known": result.already_known,
            "duplicates": len(result.reconciliation.duplicates),
            "set_aside": [
                {"reason": reason, "count": count, "message": explain(reason)}
                for reason, count in sorted(result.set_aside.items())
            ],
        }
    )


@staff_required(Role.ORGANIZER, Role.CREDENTIALS_OFFICER, Role.CHECKIN_OFFICER)
def staff_attendance(request: HttpRequest, slug: str) -> HttpResponse:
    assembly = _staff_assembly(slug)
    return render(
        request,
        "assemblies/staff/attendance.html",
        {
            "assembly": assembly,
            "attendance": selectors.attendance(assembly),
            "duplicates": selectors.duplicate_scans(assembly),
            "kind_labels": {
                "family": _("Political families"),
                "tie": _("Ethnic and regional ties"),
                "sector": _("Social sectors"),
            },
        },
    )


@staff_required(Role.ORGANIZER)
@require_http_methods(["GET", "POST"])
def staff_live(request: HttpRequest, slug: str) -> HttpResponse:
    assembly = _staff_assembly(slug)
    form = UpdateForm(request.POST or None, venues=selectors.venues_of(assembly))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.post_update(
            author=_user(request),
            assembly=assembly,
            kind=data["kind"],
            text_en=data["text_en"],
            text_fa=data["text_fa"],
            venue=data["venue"],
        )
        messages.success(request, _("Update posted."))
        return HttpResponseRedirect(request.path)
    return render(
        request,
        "assemblies/staff/live.html",
        {"assembly": assembly, "form": form, "updates": selectors.updates_of(assembly)},
    )


@staff_required(Role.ORGANIZER)
@require_http_methods(["GET", "POST"])
def staff_partners(request: HttpRequest, slug: str) -> HttpResponse:
    assembly = _staff_assembly(slug)
    if request.method == "POST":
        partner = BroadcastPartner.objects.filter(assembly=assembly, pk=request.POST.get("partner", "0")).first()
        if partner is None:
            raise Http404
        services.accredit_partner(actor=_user(request), partner=partner, accredited=request.POST.get("accredit") == "1")
        messages.success(request, _("Accreditation recorded."))
        return HttpResponseRedirect(request.path)
    return render(
        request, "assemblies/staff/partners.html", {"assembly": assembly, "partners": selectors.all_partners(assembly)}
    )
