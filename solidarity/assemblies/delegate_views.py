"""Pages of delegates (participants, not staff): sign in with an invitation, their own page, sign out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from solidarity.assemblies import delegate_passphrase, delegate_session, invitations, selectors, services
from solidarity.assemblies.forms import DelegateSignInForm, PassphraseSignInForm, SetPassphraseForm
from solidarity.assemblies.models import DelegatePassphrase, Invitation
from solidarity.core import audit
from solidarity.core.security import SignInThrottle, is_rate_limited

if TYPE_CHECKING:
    from solidarity.coalition.models import Delegate

SIGN_IN_ATTEMPTS = 20  # per client key and ten minutes: a short code has 75 bits, guessing is hopeless


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    """Sign in as a delegate with the invitation's link token or its short code (no staff account)."""
    form = DelegateSignInForm(request.POST or None)
    error, status = "", 200
    if request.method == "POST" and form.is_valid():
        if is_rate_limited(request, "assemblies-delegate-sign-in", limit=SIGN_IN_ATTEMPTS, window_seconds=600):
            error, status = _("Too many attempts. Wait ten minutes, then try again."), 429
        else:
            try:
                invitation = services.invitation_for_credential(form.cleaned_data["credential"])
                delegate_session.sign_in(request, invitation)
            except (invitations.InvalidInvite, PermissionError):
                # One answer for every refusal: a wrong code tells nothing about which codes exist.
                error = _("This code does not open a delegate's place. Check it against your invitation.")
            else:
                return HttpResponseRedirect(reverse("assemblies:delegate-home"))
    return render(
        request,
        "assemblies/delegate/sign_in.html",
        {"form": form, "error": error, "passphrase_form": PassphraseSignInForm()},
        status=status,
    )


def _wait_message(seconds: int) -> str:
    return _("Too many wrong tries: wait %(seconds)s seconds, then try again.") % {"seconds": seconds}


@never_cache
@require_http_methods(["GET", "POST"])
def passphrase_sign_in(request: HttpRequest) -> HttpResponse:
    """Sign in as a delegate with the sign-in name and passphrase set from an invitation.

    Throttled as staff sign-ins are (`SignInThrottle`, per sign-in name and hashed client, doubling
    waits, never a lock), beside the per-client budget the code sign-in has.
    """
    form = PassphraseSignInForm(request.POST or None)
    error, status = "", 200
    if request.method == "POST" and form.is_valid():
        name = delegate_passphrase.normalize_sign_in_name(form.cleaned_data["sign_in_name"])
        # "delegate:" cannot begin a staff username (Django allows no colon), so the keys never meet.
        throttle = SignInThrottle(request, scope="password", account=f"delegate:{name}")
        if wait := throttle.wait_seconds():
            error, status = _wait_message(wait), 429
        elif is_rate_limited(request, "assemblies-delegate-sign-in", limit=SIGN_IN_ATTEMPTS, window_seconds=600):
            error, status = _("Too many attempts. Wait ten minutes, then try again."), 429
        else:
            try:
                invitation = delegate_passphrase.invitation_for_passphrase(
                    sign_in_name=name, passphrase=form.cleaned_data["passphrase"]
                )
                delegate_session.sign_in(request, invitation, via="passphrase")
            except (delegate_passphrase.PassphraseRefusedError, PermissionError):
                if delay := throttle.failed():
                    audit.record("assemblies.delegate.sign_in_slowed", actor=None, target=None, data={"delay": delay})
                error = _("This sign-in name and passphrase do not open a delegate's place.")
            else:
                throttle.succeeded()
                return HttpResponseRedirect(reverse("assemblies:delegate-home"))
    return render(
        request,
        "assemblies/delegate/sign_in.html",
        {"form": DelegateSignInForm(), "passphrase_form": form, "passphrase_error": error},
        status=status,
    )


PASSPHRASE_PROBLEMS = {
    "mismatch": gettext_lazy("The two passphrases differ. Type the same one twice."),
    "short": gettext_lazy("Too short: use at least four words of three letters or more, or at least 16 characters."),
    "simple": gettext_lazy("Too simple: use more different letters."),
    "common": gettext_lazy("Too common: choose words nobody would guess."),
    "code": gettext_lazy("Do not put your invitation's short code in your passphrase."),
    "long": gettext_lazy("Too long: at most 200 characters."),
}


@never_cache
@require_http_methods(["GET", "POST"])
def set_passphrase(request: HttpRequest) -> HttpResponse:
    """Set or change the passphrase of the invitation this session was opened with (by its code)."""
    delegate = delegate_session.access_delegate(request)
    invitation_id = delegate_session.invitation_in_session(request)
    if delegate is None or invitation_id is None:
        return HttpResponseRedirect(reverse("assemblies:delegate-sign-in"))
    invitation = Invitation.objects.select_related("delegate").get(pk=invitation_id)
    held = DelegatePassphrase.objects.filter(invitation=invitation).first()
    allowed = delegate_session.signed_in_via(request) == "invitation"
    form = SetPassphraseForm(request.POST or None)
    error, done = "", False
    if request.method == "POST" and allowed and form.is_valid():
        try:
            code = services.code_for(invitation)
        except services.SigningKeyRetiredError:
            code = ""
        try:
            held = delegate_passphrase.set_passphrase(
                invitation=invitation,
                passphrase=form.cleaned_data["passphrase"],
                repeated=form.cleaned_data["repeated"],
                short_code=code,
            )
        except delegate_passphrase.WeakPassphraseError as refusal:
            error = str(PASSPHRASE_PROBLEMS.get(refusal.problem, PASSPHRASE_PROBLEMS["short"]))
        except delegate_passphrase.PassphraseRefusedError:
            error = _("This invitation cannot take a passphrase.")
        else:
            done, form = True, SetPassphraseForm()
    return render(
        request,
        "assemblies/delegate/passphrase.html",
        {"form": form, "error": error, "done": done, "held": held, "allowed": allowed, "delegate": delegate},
        status=400 if error else 200,
    )


def _open_to_delegates(delegate: Delegate) -> dict[str, Any]:
    """Conversations open to delegates and the elections whose voter roll holds this one (asked of their apps)."""
    from solidarity.deliberation.models import Conversation
    from solidarity.elections.selectors import elections_for_delegate, voting_key_for

    return {
        "conversations": list(
            Conversation.objects.filter(imported=False, participation=Conversation.Participation.DELEGATES)[:50]
        ),
        "voter_places": elections_for_delegate(delegate),
        "voting_key": voting_key_for(delegate),
    }


@never_cache
def home(request: HttpRequest) -> HttpResponse:
    """A delegate's own page: their invitations, their venue's programme, what is open to them."""
    delegate = delegate_session.access_delegate(request)
    if delegate is None:
        return HttpResponseRedirect(reverse("assemblies:delegate-sign-in"))
    held = (
        Invitation.objects.filter(delegate=delegate)
        .exclude(state=Invitation.State.REVOKED)
        .select_related("assembly", "venue")
        .defer("venue__street_address")
        .order_by("assembly__starts_on")
    )
    places = [
        (
            invitation,
            selectors.programme_days(
                selectors.programme(invitation.assembly, venue=invitation.venue), invitation.venue.zone
            ),
        )
        for invitation in held
    ]
    return render(
        request,
        "assemblies/delegate/home.html",
        {
            "delegate": delegate,
            "places": places,
            "short_id": selectors.delegate_short_id(delegate),
            "passphrase": _passphrase_in_session(request),
            **_open_to_delegates(delegate),
        },
    )


def _passphrase_in_session(request: HttpRequest) -> DelegatePassphrase | None:
    """The passphrase of the invitation this session speaks for (a verified staff account has none)."""
    invitation_id = delegate_session.invitation_in_session(request)
    return None if invitation_id is None else DelegatePassphrase.objects.filter(invitation_id=invitation_id).first()


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    delegate_session.sign_out(request)
    return HttpResponseRedirect(reverse("assemblies:delegate-sign-in"))
