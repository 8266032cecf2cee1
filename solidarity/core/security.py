"""Privacy-preserving keys for rate limits, and the login throttle.

No IP address is ever stored: a client is known only by `HMAC(address, secret of the day)`,
kept in the cache with an expiry under 24 hours. After midnight the keys can no longer be linked
to the day before, even by whoever holds the server.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.utils import timezone

from solidarity.core import counters

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
    return counters.increment(key, timeout=min(window_seconds, DAY_SECONDS))


def count(key: str) -> int:
    value = cache.get(key, 0)
    return int(value) if isinstance(value, int) else 0


def is_rate_limited(request: HttpRequest, scope: str, *, limit: int, window_seconds: int) -> bool:
    """Count this request in `scope` and tell whether the client has gone over `limit`."""
    return hit(client_key(request, scope), window_seconds=window_seconds) > limit


def is_onion_request(request: HttpRequest) -> bool:
    """Tell whether this request came to one of our onion hosts (an allowed host ending in ".onion").

    Behind deploy/nginx.conf every listener sets the Host it passes, so a clearnet visitor cannot
    claim an onion host; and a host outside ALLOWED_HOSTS is never an onion here.
    """
    try:
        host = request.get_host()
    except DisallowedHost:
        return False
    return host.lower().split(":")[0].endswith(".onion")


def is_address_limited(request: HttpRequest, scope: str, *, limit: int, window_seconds: int) -> bool:
    """An address limit where addresses tell people apart: never on the onion.

    Every onion visitor arrives from the Tor daemon, so there an address limit would be one limit
    for everyone, which anyone could spend (finding 4 of issue 12): the onion relies on proof of
    work, per-subject budgets and the lanes' global budgets instead.
    """
    if is_onion_request(request):
        return False
    return is_rate_limited(request, scope, limit=limit, window_seconds=window_seconds)


def is_over_budget(scope: str, subject: str, *, limit: int, window_seconds: int) -> bool:
    """Count one use of a subject's budget (an invitation, a lane) and tell whether it is spent."""
    return hit(subject_key(scope, subject), window_seconds=window_seconds) > limit


class SignInThrottle:
    """Slow down repeated sign-in failures of one account from one client, never lock anyone out.

    The key is (scope, account, hashed client): a stranger failing on an organizer's name slows
    only themselves, not the organizer on their own device (finding 5 of issue 12). After
    `LOGIN_FAILURES_ALLOWED` failures each further one doubles the wait before the next try, from
    `LOGIN_DELAY_SECONDS` up to `LOGIN_DELAY_MAX_SECONDS`; a success clears it. Tries refused while
    waiting are not counted, so waiting is all it takes. The password and the second factor are
    separate scopes, so no username can stand for a second-factor key (`otp:<id>` was one).
    """

    SCOPES = ("password", "second-factor")

    def __init__(self, request: HttpRequest, *, scope: str, account: str) -> None:
        if scope not in self.SCOPES:
            raise ValueError(scope)
        self.key = subject_key(f"sign-in-{scope}", f"{account.casefold()}\x00{client_key(request, 'sign-in')}")

    def _state(self) -> tuple[int, float]:
        value = cache.get(self.key)
        if isinstance(value, tuple) and len(value) == 2:
            return int(value[0]), float(value[1])
        return 0, 0.0

    def wait_seconds(self) -> int:
        """How long this client must wait before trying this account again (0: try now)."""
        _failures, not_before = self._state()
        return max(0, math.ceil(not_before - time.time()))

    def failed(self) -> int:
        """Count a failure; return the delay it starts (0 while the free tries last)."""
        failures = self._state()[0] + 1
        over = failures - settings.LOGIN_FAILURES_ALLOWED
        delay = 0 if over < 0 else min(settings.LOGIN_DELAY_MAX_SECONDS, settings.LOGIN_DELAY_SECONDS * 2**over)
        cache.set(self.key, (failures, time.time() + delay), timeout=min(DAY_SECONDS, settings.LOGIN_MEMORY_SECONDS))
        return delay

    def succeeded(self) -> None:
        cache.delete(self.key)
