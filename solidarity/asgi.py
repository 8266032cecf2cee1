"""The ASGI application: `solidarity run` (everything) and, in production, the live streams.

`/healthz` is answered here, on the event loop, before Django: a monitor's probe never waits
behind the one thread Django runs synchronous views in (issue 12, finding 3).
"""

import os
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solidarity.settings")
django_application = get_asgi_application()

Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[Mapping[str, Any]], Awaitable[None]]
HEALTH_HEADERS = [(b"content-type", b"text/plain"), (b"cache-control", b"no-store"), (b"content-length", b"2")]


async def application(scope: dict[str, Any], receive: Receive, send: Send) -> None:
    if scope["type"] == "http" and scope["path"] == "/healthz":
        await send({"type": "http.response.start", "status": 200, "headers": HEALTH_HEADERS})
        await send({"type": "http.response.body", "body": b"ok"})
        return
    await django_application(scope, receive, send)
