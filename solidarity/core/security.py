"""Privacy-preserving keys for rate limits, and the login throttle.

No IP address is ever stored: a client is known only by `HMAC(address, secret of the day)`,
kept in the cache with an expiry under 24 hours. After midnight the keys can no longer be linked
to the day before, even by whoever holds the server.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

DAY_SECONDS = 24 * 60 * 60


def _daily_secret() -> bytes:
    today = timezone.now().date().isoformat()
    return hmac.new(settings.SECRET_KEY.encode(), f"ratelimit:{today}".encode(), hashlib.sha256).digest()


def client_address(request: HttpRequest) -> str:
    """The client's address, to be hashed at once: never store, log or return it anywhere.

    Behind the reverse proxy (`SOLIDARITY_BEHIND_PROXY`), the proxy's own X-Real-IP, which it
    overwrites on every request (deploy/nginx-proxy.conf); elsewhere the socket's peer address,
    and a client-sent X-Real-IP is ignored.
    """
    if settings.BEHIND_PROXY:
        forwarded = str(request.META.get("HTTP_X_REAL_IP", "")).strip()
        if forwarded:
            return forwarded
    return str(request.META.get("REMOTE_ADDR", ""))


def client_key(request: HttpRequest, scope: str) -> str:
    """Return an opaque, day-scoped key for the client of this request in a given scope."""
    address = client_address(request)
    digest = hmac.new(_daily_secret(), f"{scope}:{address}".encode(), hashlib.sha256).hexdigest()
    return f"rl:{scope}:{digest[:32]}"


def subject_key(scope: str, subject: str) -> str:
    """Return an opaque, day-scoped key for a named subject (a username, a token hash)."""
    digest = hmac.new(_daily_secret(), f"{scope}:{subject}".encode(), hashlib.sha256).hexdigest()
    return f"rl:{scope}:{digest[:32]}"


def hit(key: str, *, window_seconds: int) -> int:
    """Count one event under `key` within a window (at most a day); return the count so far."""
    timeout = min(window_seconds, DAY_SECONDS)
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=timeout)
        return 1


def count(key: str) -> int:
    value = cache.get(key, 0)
    return int(value) if isinstance(value, int) else 0


def is_rate_limited(request: HttpRequest, scope: str, *, limit: int, window_seconds: int) -> bool:
    """Count this request in `scope` and tell whether the client has gone over `limit`."""
    return hit(client_key(request, scope), window_seconds=window_seconds) > limit


class LoginThrottle:
    """Refuse sign-in for a while after repeated failures, per account and per client."""

    def __init__(self, request: HttpRequest, username: str) -> None:
        self.keys = [
            subject_key("login-user", username.casefold()),
            client_key(request, "login-client"),
        ]

    def is_locked(self) -> bool:
        return any(count(key) >= settings.LOGIN_FAILURES_ALLOWED for key in self.keys)

    def failed(self) -> None:
        for key in self.keys:
            hit(key, window_seconds=settings.LOGIN_LOCKOUT_SECONDS)

    def succeeded(self) -> None:
        cache.delete(self.keys[0])
