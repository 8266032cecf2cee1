"""Pages of delegates (participants, not staff): sign in with an invitation, their own page, sign out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from solidarity.assemblies import delegate_session, invitations, selectors, services
from solidarity.assemblies.forms import DelegateSignInForm
from solidarity.assemblies.models import Invitation
from solidarity.core.security import is_rate_limited

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
    return render(request, "assemblies/delegate/sign_in.html", {"form": form, "error": error}, status=status)


def _open_to_delegates(delegate: Delegate) -> dict[str, Any]:
    """Conversations open to delegates and the elections whose voter roll holds this one (asked of their apps)."""
    from solidarity.deliberation.models import Conversation
    from solidarity.elections.selectors import elections_for_delegate

    return {
        "conversations": list(
            Conversation.objects.filter(imported=False, participation=Conversation.Participation.DELEGATES)[:50]
        ),
        "voter_places": elections_for_delegate(delegate),
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
            **_open_to_delegates(delegate),
        },
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    delegate_session.sign_out(request)
    return HttpResponseRedirect(reverse("assemblies:delegate-sign-in"))
