"""Pages for staff accounts: organizers invite, change roles and disable; invitees enrol."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from solidarity.core import accounts
from solidarity.core.access import signed_in_user, staff_required
from solidarity.core.forms import EnrolForm, InviteStaffForm, RolesForm
from solidarity.core.models import User
from solidarity.core.roles import Role, roles_of
from solidarity.core.security import is_rate_limited


@never_cache
@staff_required(Role.ORGANIZER)
@require_http_methods(["GET", "POST"])
def account_list(request: HttpRequest) -> HttpResponse:
    form = InviteStaffForm(request.POST or None)
    invite = None
    if request.method == "POST" and form.is_valid():
        invite = accounts.invite_staff(
            actor=signed_in_user(request),
            username=form.cleaned_data["username"],
            display_name=form.cleaned_data["display_name"],
            role=Role(form.cleaned_data["role"]),
        )
        form = InviteStaffForm()
    link = ""
    if invite is not None:
        link = request.build_absolute_uri(reverse("core:enrol", kwargs={"token": invite.token}))
    return render(
        request,
        "core/accounts.html",
        {
            "form": form,
            "invite": invite,
            "link": link,
            "people": [
                (person, sorted(role.label for role in roles_of(person))) for person in accounts.staff_accounts()
            ],
        },
    )


def _person(pk: int) -> User:
    person = User.objects.filter(pk=pk).first()
    if person is None:
        raise Http404
    return person


@never_cache
@staff_required(Role.ORGANIZER)
@require_http_methods(["GET", "POST"])
def account_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(pk)
    # Bound on every POST: a form with no role ticked posts nothing, and still means "no roles".
    form = RolesForm(
        request.POST if request.method == "POST" else None, initial={"roles": [role.value for role in roles_of(person)]}
    )
    if request.method == "POST":
        actor = signed_in_user(request)
        try:
            if "active" in request.POST:
                accounts.set_active(actor=actor, user=person, active=request.POST["active"] == "1")
                messages.success(request, _("Account enabled.") if person.is_active else _("Account disabled."))
            elif form.is_valid():
                accounts.change_roles(
                    actor=actor, user=person, roles=[Role(value) for value in form.cleaned_data["roles"]]
                )
                messages.success(request, _("Roles changed."))
        except accounts.LastOrganizerError:
            messages.error(request, _("Refused: another organizer must remain, and nobody disables their own account."))
        return HttpResponseRedirect(request.path)
    return render(
        request,
        "core/account.html",
        {"person": person, "form": form, "roles": sorted(role.label for role in roles_of(person))},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest, token: str) -> HttpResponse:
    """Set a password with the link and the one-time code; then enrol an authenticator."""
    if is_rate_limited(request, "core-enrol", limit=30, window_seconds=600):
        return render(request, "core/enrol.html", {"invalid": True}, status=429)
    try:
        enrolment = accounts.open_enrolment(token)
    except accounts.EnrolmentError:
        return render(request, "core/enrol.html", {"invalid": True}, status=404)
    form = EnrolForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            user = accounts.complete_enrolment(
                token=token, code=form.cleaned_data["code"], password=form.cleaned_data["password"]
            )
        except accounts.EnrolmentError:
            error = _("That code does not match this link. After five wrong codes the link stops working.")
        except ValidationError as weak:
            form.add_error("password", weak)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            accounts.allow_enrolment(request)
            return HttpResponseRedirect(reverse("core:second-factor"))
    return render(request, "core/enrol.html", {"form": form, "error": error, "person": enrolment.user})
