"""Views of the shared kernel: home, sign-in with a second factor, the audit log, error pages."""

from __future__ import annotations

from django.contrib.auth import authenticate, login, logout
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from solidarity.core import accounts, audit, menu, openapi, otp
from solidarity.core.access import is_verified, signed_in_user, staff_required
from solidarity.core.forms import CodeForm, SignInForm
from solidarity.core.models import AuditEntry, User
from solidarity.core.roles import Role, is_staff_member, roles_of
from solidarity.core.security import SignInThrottle


def healthz(request: HttpRequest) -> HttpResponse:
    """Answer "ok" without touching the database: for monitors, and the benchmarks' ceiling."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def openapi_document(request: HttpRequest) -> HttpResponse:
    """Serve the OpenAPI document of this host's JSON endpoints (a public host's omits the staff ones)."""
    staff = request.is_staff_host  # type: ignore[attr-defined]  # set by HostRoutingMiddleware
    return HttpResponse(openapi.document_json(include_staff=staff), content_type="application/json")


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


def _next_url(request: HttpRequest, fallback: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


def _wait_message(seconds: int) -> str:
    return ngettext(
        "Too many failed attempts. Wait %(seconds)d second, then try again.",
        "Too many failed attempts. Wait %(seconds)d seconds, then try again.",
        seconds,
    ) % {"seconds": seconds}


def _slowed(request: HttpRequest, throttle: SignInThrottle, *, scope: str, account: User | None) -> None:
    """Count a failure; audit the moment it starts slowing this client down (a count, no address)."""
    if delay := throttle.failed():
        audit.record("core.sign_in.slowed", actor=None, target=account, data={"scope": scope, "delay": delay})


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    """The one staff sign-in, for the staff pages and the admin alike (the admin's login sends here)."""
    form = SignInForm(request.POST or None)
    error, status = "", 200
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        throttle = SignInThrottle(request, scope="password", account=username)
        user = None
        if wait := throttle.wait_seconds():
            error, status = _wait_message(wait), 429
        else:
            user = authenticate(request, username=username, password=form.cleaned_data["password"])
            if user is None:
                _slowed(request, throttle, scope="password", account=User.objects.filter(username=username).first())
                error, status = _("The username or the password is wrong."), 200
        if user is not None:
            throttle.succeeded()
            login(request, user)
            next_url = _next_url(request, reverse("core:staff-home"))
            if isinstance(user, User) and (is_staff_member(user) or user.is_staff or otp.confirmed_device(user)):
                return HttpResponseRedirect(f"{reverse('core:second-factor')}?{urlencode({'next': next_url})}")
            return HttpResponseRedirect(_next_url(request, reverse("core:home")))
    return render(
        request, "core/sign_in.html", {"form": form, "error": error, "next": _next_url(request, "")}, status=status
    )


@require_http_methods(["GET", "POST"])
def second_factor(request: HttpRequest) -> HttpResponse:
    """Ask for the authenticator code; enrol a new authenticator when the person has none."""
    if not request.user.is_authenticated:
        return HttpResponseRedirect(reverse("core:login"))
    user = signed_in_user(request)
    next_url = _next_url(request, reverse("core:staff-home"))
    if is_verified(request):
        return HttpResponseRedirect(next_url)
    device = otp.confirmed_device(user)
    enrolling = device is None
    if device is None:
        if not accounts.may_enrol(request):
            # A password alone never enrols an authenticator: that takes the one-time enrolment
            # link and code an organizer gave out (core.accounts).
            return render(request, "core/second_factor.html", {"needs_enrolment": True}, status=403)
        device = otp.pending_device(user)
    form = CodeForm(request.POST or None)
    error, status = "", 200
    if request.method == "POST" and form.is_valid():
        # Its own scope, keyed by the account's id: no username can reach this key.
        throttle = SignInThrottle(request, scope="second-factor", account=str(user.pk))
        if wait := throttle.wait_seconds():
            error, status = _wait_message(wait), 429
        elif otp.verify(request, device, form.cleaned_data["code"]):
            throttle.succeeded()
            audit.record("core.sign_in.verified", actor=user, target=user)
            return HttpResponseRedirect(next_url)
        else:
            _slowed(request, throttle, scope="second-factor", account=user)
            error = _("That code is wrong or has expired. Enter the code your app shows now.")
    context = {"form": form, "error": error, "next": next_url, "enrolling": enrolling}
    if enrolling:
        context |= {"qr_svg": otp.qr_svg(device), "secret": otp.secret_base32(device)}
    return render(request, "core/second_factor.html", context, status=status)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return HttpResponseRedirect(reverse("core:home"))


@staff_required()
def staff_home(request: HttpRequest) -> HttpResponse:
    items = menu.resolve(menu.staff_items_for(roles_of(request.user), is_superuser=request.user.is_superuser))
    return render(request, "core/staff_home.html", {"items": items})


@staff_required(Role.ORGANIZER, Role.CREDENTIALS_OFFICER, Role.MODERATOR, Role.ANALYST)
def audit_log(request: HttpRequest) -> HttpResponse:
    entries = AuditEntry.objects.select_related("actor")
    action = request.GET.get("action", "").strip()
    if action:
        entries = entries.filter(action__startswith=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page": page, "action": action})


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # No context processors or database here: the error may be the database itself.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Refuse a form whose security token is missing or stale, in the visitor's language, under the CSP."""
    # `reason` names Django's check; it stays out of the page and the logs (SR-20).
    return render(request, "core/csrf_failure.html", status=403)
