"""Access checks for views: a signed-in person with a verified second factor and the right role."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from solidarity.core.models import User
from solidarity.core.roles import Role, has_role, is_staff_member

View = TypeVar("View", bound=Callable[..., HttpResponse])


def is_verified(request: HttpRequest) -> bool:
    """Tell whether the request's user signed in with a password and a second factor."""
    user = request.user
    return bool(user.is_authenticated and getattr(user, "is_verified", lambda: False)())


def signed_in_user(request: HttpRequest) -> User:
    """Return the request's user as a `User`; for views already behind `staff_required`."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def staff_required(*roles: Role) -> Callable[[View], View]:
    """Let a view open only for staff with a verified second factor holding one of `roles`.

    Anonymous visitors go to sign-in, unverified ones to the second-factor step; staff without
    the role get 403. With no role named, any staff role will do.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse('core:login')}?{query}")
            if not is_verified(request):
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse('core:second-factor')}?{query}")
            allowed = has_role(request.user, *roles) if roles else is_staff_member(request.user)
            if not (allowed or request.user.is_superuser):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.staff_roles = roles  # type: ignore[attr-defined]  # read by the access-matrix tests
        return cast(View, wrapped)

    return decorator
