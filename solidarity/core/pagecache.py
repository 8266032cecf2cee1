"""Public pages that many people read, served from the cache until their data changes.

`@public_page("relay")` keeps an anonymous GET's rendered response in the cache under a
*generation* of its section (an app label); every save or delete of a model of that app bumps the
generation (`core.apps` connects the signals), so the next request renders afresh. Bulk updates
that send no signal are bounded by `STORE_SECONDS`. The response says `Cache-Control: public,
max-age=MAX_AGE`, so nginx's microcache (deploy/nginx-proxy.conf) serves a crowd from memory, and
ConditionalGetMiddleware answers 304 to a matching `If-None-Match`/`If-Modified-Since`.

Never cached: a signed-in person's request, a request carrying a session or flash messages, a
response that sets a cookie (a CSRF token in a form), anything but a 200.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

MAX_AGE = 10  # seconds a browser or nginx may reuse a page
STORE_SECONDS = 60  # the longest a page may outlive a change no signal announced
PERSONAL_COOKIES = ("sessionid", "messages")
View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def _generation_key(section: str) -> str:
    return f"pagecache:generation:{section}"


def generation(section: str) -> int:
    value = cache.get(_generation_key(section))
    if isinstance(value, int):
        return value
    cache.add(_generation_key(section), 1, timeout=None)
    return 1


def bump(section: str) -> None:
    """Make every cached page of `section` stale (called when its data changes)."""
    try:
        cache.incr(_generation_key(section))
    except ValueError:
        cache.add(_generation_key(section), 2, timeout=None)


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in {"GET", "HEAD"}:
        return False
    if any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def public_page(section: str) -> Callable[[View], View]:
    """Serve this public view from the cache until data of `section` changes (see the module)."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not _cacheable_request(request):
                return view(request, *args, **kwargs)
            staff = "staff" if getattr(request, "is_staff_host", False) else "public"
            partial = "partial" if request.headers.get("HX-Request") else "page"  # htmx asks for a fragment
            key = f"pagecache:{section}:{generation(section)}:{staff}:{partial}:{request.get_full_path()}"
            stored = cache.get(key)
            if isinstance(stored, tuple) and len(stored) == 3:
                content, content_type, modified = stored
                response: HttpResponseBase = HttpResponse(content, content_type=content_type)
                response["Last-Modified"] = modified
            else:
                response = view(request, *args, **kwargs)
                if (
                    response.status_code != 200
                    or response.cookies
                    or getattr(response, "streaming", False)
                    or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
                    or response.has_header("Cache-Control")
                    or not isinstance(response, HttpResponse)
                ):
                    return response
                response["Last-Modified"] = http_date()
                cache.set(key, (response.content, response["Content-Type"], response["Last-Modified"]), STORE_SECONDS)
            patch_cache_control(response, public=True, max_age=MAX_AGE)
            patch_vary_headers(response, ["HX-Request"])
            return response

        return wrapped  # type: ignore[return-value]  # the same signature as the view

    return decorate
