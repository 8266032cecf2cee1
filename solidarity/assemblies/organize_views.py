"""Organizer pages: create and edit assemblies, venues, sessions and broadcast partners; publish.

Thin views over `services`: one access check, one form, one service call. Removal is refused with
the reason when invitations or check-ins depend on the record (never a silent cascade).
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib import messages
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from solidarity.assemblies import selectors, services, sheets
from solidarity.assemblies.forms import (
    AssemblyForm,
    BulkChoiceForm,
    BulkIssueForm,
    ConfirmForm,
    PartnerForm,
    SessionForm,
    StatusForm,
    VenueForm,
)
from solidarity.assemblies.models import Assembly, BroadcastPartner, Invitation, Session, Venue
from solidarity.core import audit
from solidarity.core.access import signed_in_user, staff_required
from solidarity.core.links import onion_link, public_link
from solidarity.core.roles import Role

ORGANIZER = Role.ORGANIZER
Record = TypeVar("Record", bound=Model)


def _assembly(slug: str) -> Assembly:
    assembly = selectors.staff_assembly(slug)
    if assembly is None:
        raise Http404
    return assembly


def _one(records: QuerySet[Record], pk: int) -> Record:
    """Return the assembly's venue, session or partner with this id, or answer 404."""
    record = records.filter(pk=pk).first()
    if record is None:
        raise Http404
    return record


def _overview(assembly: Assembly) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("assemblies:organize", kwargs={"slug": assembly.slug}))


@staff_required(ORGANIZER)
@require_http_methods(["GET", "POST"])
def create_assembly(request: HttpRequest) -> HttpResponse:
    form = AssemblyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        assembly = services.create_assembly(actor=signed_in_user(request), **data)
        messages.success(request, _("Assembly created as a draft. Add its hub and satellite venues."))
        return _overview(assembly)
    return render(request, "assemblies/organize/assembly_form.html", {"form": form, "assembly": None})


@staff_required(ORGANIZER)
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    assembly = _assembly(slug)
    context: dict[str, Any] = {
        "assembly": assembly,
        "status_form": StatusForm(initial={"status": assembly.status}),
        **selectors.organizer_overview(assembly),
    }
    return render(request, "assemblies/organize/overview.html", context)


@staff_required(ORGANIZER)
@require_http_methods(["GET", "POST"])
def edit_assembly(request: HttpRequest, slug: str) -> HttpResponse:
    assembly = _assembly(slug)
    # The form edits its own copy, so the service sees what changed (the audit entry names it).
    form = AssemblyForm(request.POST or None, instance=Assembly.objects.get(pk=assembly.pk))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        services.update_assembly(actor=signed_in_user(request), assembly=assembly, **fields)
        messages.success(request, _("Assembly saved."))
        return _overview(assembly)
    return render(request, "assemblies/organize/assembly_form.html", {"form": form, "assembly": assembly})


@staff_required(ORGANIZER)
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    """Publish (or take back to draft) from the overview: two buttons, no JavaScript."""
    assembly = _assembly(slug)
    status = Assembly.Status.PUBLISHED if request.POST.get("publish") == "1" else Assembly.Status.DRAFT
    services.set_assembly_status(actor=signed_in_user(request), assembly=assembly, status=status)
    if status == Assembly.Status.PUBLISHED:
        messages.success(request, _("Published: the assembly's public pages are open."))
    else:
        messages.success(request, _("Back to draft: the assembly's public pages are closed."))
    return _overview(assembly)


def _remove(
    request: HttpRequest,
    *,
    record: Assembly | Venue | Session | BroadcastPartner,
    remove: Any,
    back: str,
    done: HttpResponseRedirect,
) -> HttpResponse:
    """Ask for confirmation, then remove; show the refusal's reasons when something depends on it."""
    form = ConfirmForm(request.POST or None)
    reasons: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            remove()
        except services.DependentRecordsError as refusal:
            reasons = refusal.reasons
        else:
            messages.success(request, _("Removed."))
            return done
    status = 409 if reasons else 200
    return render(
        request,
        "assemblies/organize/confirm_delete.html",
        {"record": record, "form": form, "reasons": reasons, "back": back},
        status=status,
    )


def _remove_part(
    request: HttpRequest, assembly: Assembly, record: Venue | Session | BroadcastPartner, remove: Any
) -> HttpResponse:
    """Remove a venue, session or partner of the assembly, back to its overview."""
    return _remove(
        request,
        record=record,
        remove=lambda: remove(signed_in_user(request)),
        back=reverse("assemblies:organize", kwargs={"slug": assembly.slug}),
        done=_overview(assembly),
    )


@staff_required(ORGANIZER)
@require_http_methods(["GET", "POST"])
def delete_assembly(request: HttpRequest, slug: str) -> HttpResponse:
    assembly = _assembly(slug)
    return _remove(
        request,
        record=assembly,
        remove=lambda: services.delete_assembly(actor=signed_in_user(request), assembly=assembly),
        back=reverse("assemblies:organize", kwargs={"slug": slug}),
        done=HttpResponseRedirect(reverse("assemblies:staff-index")),
    )


# --- venues ----------------------------------------------------------------------------------


def _venue(assembly: Assembly, venue_id: int) -> Venue:
    return _one(assembly.venues.all(), venue_id)


@staff_required(ORGANIZER)
@require_http_methods(["GET", "POST"])
def venue_form(request: HttpRequest, slug: str, venue_id: int | None = None) -> HttpResponse:
    assembly = _assembly(slug)
    venue = _venue(assembly, venue_id) if venue_id is not None else None
    initial = {} if venue else {"kind": Venue.Kind.SATELLITE if assembly.venues.exists() else Venue.Kind.HUB}
    copy = Venue.objects.get(pk=venue.pk) if venue else None  # the form edits a copy (see edit_assembly)
    form = VenueForm(request.POST or None, instance=copy, assembly=assembly, initial=initial)
    if request.method == "POST" and form.is_valid():
        user = signed_in_user(request)
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if venue is None:
            services.add_venue(actor=user, assembly=assembly, **fields)
            messages.success(request, _("Venue added."))
        else:
            services.update_venue(actor=user, venue=venue, **fields)
            messages.success(request, _("Venue saved."))
        return _overview(assembly)
    return render(request, "assemblies/organize/venue_form.html", {"form": form, "assembly": assembly, "venue": venue})


@staff_required(ORGANIZER)
@require_http_methods(["GET", "POST"])
def delete_venue(request: HttpRequest, slug: str, venue_id: int) -> HttpResponse:
    assembly = _assembly(slug)
    venue = _venue(assembly, venue_id)
    return _remove_part(request, assembly, venue, lambda actor: services.delete_venue(actor=actor, venue=venue))


# --- sessions --------------------------------------------------------------------------------


def _session(assembly: Assembly, session_id: int) -> Session:
    return _one(assembly.sessions.prefetch_related("venues", "speakers"), session_id)


@staff_required(ORGANIZER)
@require_http_methods(["GET", "POST"])
def session_form(request: HttpRequest, slug: str, session_id: int | None = None) -> HttpResponse:
    assembly = _assembly(slug)
    session = _session(assembly, session_id) if session_id is not None else None
    form = SessionForm(request.POST or None, assembly=assembly)
    if session is not None and request.method != "POST":
        zone = session.held_at.time_zone if session.held_at else str(form.fields["time_zone"].initial)
        form = SessionForm(initial=SessionForm.initial_for(session, zone), assembly=assembly)
    if request.method == "POST" and form.is_valid():
        user = signed_in_user(request)
        fields = form.service_fields()
        if session is None:
            services.add_session(actor=user, assembly=assembly, **fields)  # type: ignore[arg-type]  # form-checked types
            messages.success(request, _("Session added to the programme."))
        else:
            services.update_session(actor=user, session=session, **fields)  # type: ignore[arg-type]  # same
            messages.success(request, _("Session saved."))
        return _overview(assembly)
    return render(
        request, "assemblies/organize/session_form.html", {"form": form, "assembly": assembly, "session": session}
    )


@staff_required(ORGANIZER)
@require_http_methods(["GET", "POST"])
def delete_session(request: HttpRequest, slug: str, session_id: int) -> HttpResponse:
    assembly = _assembly(slug)
    session = _session(assembly, session_id)
    return _remove_part(request, assembly, session, lambda actor: services.delete_session(actor=actor, session=session))


# --- broadcast partners ----------------------------------------------------------------------


def _partner(assembly: Assembly, partner_id: int) -> BroadcastPartner:
    return _one(assembly.partners.all(), partner_id)


@staff_required(ORGANIZER)
@require_http_methods(["GET", "POST"])
def partner_form(request: HttpRequest, slug: str, partner_id: int | None = None) -> HttpResponse:
    assembly = _assembly(slug)
    partner = _partner(assembly, partner_id) if partner_id is not None else None
    copy = BroadcastPartner.objects.get(pk=partner.pk) if partner else None  # see edit_assembly
    form = PartnerForm(request.POST or None, instance=copy, assembly=assembly)
    if request.method == "POST" and form.is_valid():
        user = signed_in_user(request)
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if partner is None:
            services.add_partner(actor=user, assembly=assembly, **fields)
            messages.success(request, _("Broadcast partner added; accredit it on the partners page."))
        else:
            services.update_partner(actor=user, partner=partner, **fields)
            messages.success(request, _("Broadcast partner saved."))
        return _overview(assembly)
    return render(
        request, "assemblies/organize/partner_form.html", {"form": form, "assembly": assembly, "partner": partner}
    )


@staff_required(ORGANIZER)
@require_http_methods(["GET", "POST"])
def delete_partner(request: HttpRequest, slug: str, partner_id: int) -> HttpResponse:
    assembly = _assembly(slug)
    partner = _partner(assembly, partner_id)
    return _remove_part(request, assembly, partner, lambda actor: services.delete_partner(actor=actor, partner=partner))


# --- invitations in bulk, printable sheets, export of links ---------------------------------

OFFICERS = (Role.ORGANIZER, Role.CREDENTIALS_OFFICER)


def _token_or_none(invitation: Invitation) -> str | None:
    try:
        return services.token_for(invitation)
    except services.SigningKeyRetiredError:
        return None


@staff_required(*OFFICERS)
@require_http_methods(["GET", "POST"])
def bulk_invitations(request: HttpRequest, slug: str) -> HttpResponse:
    """Choose delegates by venue, organization, family, tie and sector; tick; issue them all at once."""
    assembly = _assembly(slug)
    if request.method == "POST":
        issue = BulkIssueForm(request.POST, assembly=assembly)
        if issue.is_valid():
            venue = issue.cleaned_data["venue"]
            try:
                result = services.issue_invitations_in_bulk(
                    officer=signed_in_user(request),
                    venue=venue,
                    delegates=issue.cleaned_data["delegates"],
                    role=issue.cleaned_data["role"],
                )
            except services.CapacityError as full:
                messages.error(
                    request,
                    _(
                        "Not issued: %(venue)s holds %(capacity)s people, %(invited)s are invited already, "
                        "so %(free)s seats are left for the %(asked)s you chose."
                    )
                    % {
                        "venue": venue.city_fa if translation.get_language() == "fa" else venue.city_en,
                        "capacity": full.capacity,
                        "invited": full.invited,
                        "free": full.free,
                        "asked": full.asked,
                    },
                )
            else:
                messages.success(
                    request,
                    _("%(issued)s invitations issued; %(skipped)s delegates already held one.")
                    % {"issued": len(result.issued), "skipped": len(result.skipped)},
                )
                return HttpResponseRedirect(
                    reverse("assemblies:staff-invitations", kwargs={"slug": slug}) + f"?venue={venue.pk}"
                )
        else:
            for error in issue.errors.values():
                messages.error(request, " ".join(str(item) for item in error))
        query = request.POST.get("query", "")[:500]
        return HttpResponseRedirect(request.path + (f"?{query}" if query else ""))
    choice = BulkChoiceForm(request.GET or None, assembly=assembly)
    candidates: list[Any] = []
    venue_capacity: tuple[int, int] | None = None
    if request.GET and choice.is_valid():
        data = choice.cleaned_data
        organization = data["organization"]
        candidates = list(
            selectors.bulk_candidates(
                assembly, organization_id=organization.pk if organization else None, term_ids=choice.term_ids()
            )[:2000]
        )
        venue_capacity = (data["venue"].capacity, selectors.active_invitation_count(data["venue"]))
    return render(
        request,
        "assemblies/organize/bulk.html",
        {
            "assembly": assembly,
            "choice": choice,
            "candidates": [(delegate, selectors.delegate_label(delegate)) for delegate in candidates],
            "venue_capacity": venue_capacity,
            "query": request.GET.urlencode(),
        },
    )


@staff_required(*OFFICERS)
def venue_sheet(request: HttpRequest, slug: str, venue_id: int) -> HttpResponse:
    """A printable PDF of a venue's invitees: name, organization, short id, QR code and short code."""
    assembly = _assembly(slug)
    venue = _venue(assembly, venue_id)
    language = "fa" if translation.get_language() == "fa" else "en"
    rows = selectors.sheet_rows(venue, token_for=_token_or_none)
    body = sheets.sheet_pdf(
        title=assembly.name_fa if language == "fa" else assembly.name_en,
        venue_name=venue.name_fa if language == "fa" else venue.name_en,
        capacity=venue.capacity,
        rows=rows,
        language=language,
    )
    audit.record("assemblies.sheet.printed", actor=signed_in_user(request), target=venue, data={"rows": len(rows)})
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="invitations-{assembly.slug}-venue-{venue.pk}.pdf"'
    return response


@staff_required(*OFFICERS)
def export_links(request: HttpRequest, slug: str) -> HttpResponse:
    """A CSV of every live invitation with its full links (the public site's and the onion's), to send one by one."""
    assembly = _assembly(slug)
    rows = []
    for venue in selectors.venues_of(assembly):
        for row in selectors.sheet_rows(venue, token_for=_token_or_none):
            path = reverse("assemblies:invitation", kwargs={"token": row.token})
            rows.append((venue.name_en, row, public_link(request, path), onion_link(path)))
    audit.record("assemblies.links.exported", actor=signed_in_user(request), target=assembly, data={"rows": len(rows)})
    response = HttpResponse(sheets.links_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="invitations-{assembly.slug}.csv"'
    return response
