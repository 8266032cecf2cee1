"""Who is the current delegate: a delegate session opened with an invitation, apart from staff sign-in.

A delegate is not staff. They sign in with what came with their invitation (the link's token, or
its short code); the session then carries the delegate and the invitation, not a Django user, so
no staff page can open for it. `access_delegate(request)` is what the deliberation and elections
views ask. A staff account linked to a delegate counts only once its second factor is verified: a
password alone no longer lets anyone vote or post as a delegate.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from solidarity.assemblies.models import Invitation
from solidarity.core import audit

if TYPE_CHECKING:
    from solidarity.coalition.models import Delegate

View = TypeVar("View", bound=Callable[..., HttpResponse])
SESSION_KEY = "solidarity_delegate"
_CACHE = "_solidarity_delegate"
_UNSET = object()


def sign_in(request: HttpRequest, invitation: Invitation, *, via: str = "invitation") -> Delegate:
    """Open a delegate session for the invitation's delegate (a new session id, no Django user).

    `via` is "invitation" (its short code or link token) or "passphrase" (set from it; see
    `delegate_passphrase`); only a session opened with the invitation may set the passphrase.
    """
    if invitation.delegate is None or invitation.state == Invitation.State.REVOKED:
        raise PermissionError("only a live invitation of a delegate opens a delegate session")
    request.session.cycle_key()  # no fixation: a session id chosen before sign-in is not kept
    request.session[SESSION_KEY] = {"delegate": invitation.delegate.pk, "invitation": invitation.pk, "via": via}
    setattr(request, _CACHE, invitation.delegate)
    audit.record("assemblies.delegate.signed_in", actor=None, target=invitation, data={"via": via})
    return invitation.delegate


def sign_out(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
    setattr(request, _CACHE, None)


def _from_session(request: HttpRequest) -> Delegate | None:
    held = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if not isinstance(held, dict):
        return None
    try:
        invitation_id, delegate_id = int(held["invitation"]), int(held["delegate"])
    except (KeyError, TypeError, ValueError):
        request.session.pop(SESSION_KEY, None)
        return None
    invitation = (
        Invitation.objects.select_related("delegate")
        .filter(pk=invitation_id, delegate_id=delegate_id)
        .exclude(state=Invitation.State.REVOKED)
        .first()
    )
    if invitation is None or invitation.delegate is None or not invitation.delegate.is_accredited:
        # Revoked or no longer accredited since sign-in: the session no longer speaks for them.
        request.session.pop(SESSION_KEY, None)
        return None
    return invitation.delegate


def _from_verified_account(request: HttpRequest) -> Delegate | None:
    from solidarity.core.access import is_verified

    if not is_verified(request):
        return None
    delegate: Delegate | None = getattr(request.user, "delegate", None)
    return delegate if delegate is not None and delegate.is_accredited else None


def access_delegate(request: HttpRequest) -> Delegate | None:
    """Return the delegate this request speaks for, or None (cached on the request).

    A delegate session (opened with an invitation) or a staff account linked to an accredited
    delegate with a verified second factor; never a session signed in with a password alone.
    """
    cached = getattr(request, _CACHE, _UNSET)
    if cached is not _UNSET:
        return cached  # type: ignore[return-value]  # set only to a Delegate or None
    found = _from_session(request) or _from_verified_account(request)
    setattr(request, _CACHE, found)
    return found


def invitation_in_session(request: HttpRequest) -> int | None:
    held = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    return int(held["invitation"]) if isinstance(held, dict) and "invitation" in held else None


def signed_in_via(request: HttpRequest) -> str | None:
    """Return how the delegate session was opened ("invitation" or "passphrase"), or None."""
    held = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    return str(held.get("via", "invitation")) if isinstance(held, dict) and "invitation" in held else None


def delegate_required(view: View) -> View:
    """Let a view open only for a request that speaks for a delegate (see `access_delegate`).

    Others go to the delegate sign-in page; the view reads the delegate with `access_delegate`.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if access_delegate(request) is None:
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('assemblies:delegate-sign-in')}?{query}")
        return view(request, *args, **kwargs)

    wrapped.delegate_only = True  # type: ignore[attr-defined]  # read by tests
    return cast(View, wrapped)
