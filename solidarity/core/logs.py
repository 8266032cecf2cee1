"""Log filters: what Django itself logs about a request names its route pattern, never its path (SR-20).

Django's own loggers write the request path: `django.request` ("Not Found: /en/invite/…") for
every 4xx and 5xx, and `django.server` (the development server's request line). A path can carry
an invitation token, a search word or an election slug, so these filters put the route pattern in
its place ("<path withheld>" when nothing resolved), the same rule as the project's own request log
(`core.middleware.RequestLogMiddleware`). Written here because no logging library knows Django's
record layout; it is a few lines.
"""

from __future__ import annotations

import logging
import re

WITHHELD = "<path withheld>"
_REQUEST_LINE = re.compile(r"^(?P<method>[A-Z]{3,10}) \S+(?P<protocol> HTTP/[\d.]+)?$")


class WithholdRequestPath(logging.Filter):
    """On `django.request` records, replace the path argument with the route pattern."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if not isinstance(path, str) or not isinstance(record.args, tuple):
            return True
        escaped = path.encode("unicode_escape").decode("ascii")  # as django.utils.log.log_response writes it
        match = getattr(request, "resolver_match", None)
        route = f"/{match.route}" if match is not None else WITHHELD
        record.args = tuple(route if arg in (path, escaped) else arg for arg in record.args)
        return True


class WithholdRequestLine(logging.Filter):
    """On `django.server` records, keep the request line's method and protocol, not its path."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args and isinstance(record.args[0], str):
            line = _REQUEST_LINE.match(record.args[0])
            shown = f"{line['method']} {WITHHELD}{line['protocol'] or ''}" if line else WITHHELD
            record.args = (shown, *record.args[1:])
        return True
