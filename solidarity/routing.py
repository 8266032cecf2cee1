"""Build the URL configuration from each app's public, staff and language-neutral patterns.

Each app's `urls.py` has `app_name`, `urlpatterns` (public pages), and optionally
`staff_urlpatterns` (served under /<language>/staff/<prefix> on staff hosts only) and
`neutral_urlpatterns` (feeds and APIs, served without a language prefix).
"""

from __future__ import annotations

from importlib import import_module

from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path

# (URL prefix, module): add a line here when an app gains pages.
SECTIONS: list[tuple[str, str]] = [
    ("", "solidarity.core.urls"),
    ("coalition/", "solidarity.coalition.urls"),
    ("monitor/", "solidarity.monitor.urls"),
    ("relay/", "solidarity.relay.urls"),
    ("elections/", "solidarity.elections.urls"),
    ("deliberation/", "solidarity.deliberation.urls"),
    ("assemblies/", "solidarity.assemblies.urls"),
    ("coordination/", "solidarity.coordination.urls"),
]

Patterns = list[URLPattern | URLResolver]


def build(*, staff: bool) -> Patterns:
    """Return the URL patterns for a staff host (everything) or a public host (no staff pages)."""
    localized: Patterns = []
    neutral: Patterns = []
    for prefix, module_name in SECTIONS:
        module = import_module(module_name)
        inner: Patterns = [path(prefix, include(module.urlpatterns))]
        if staff and hasattr(module, "staff_urlpatterns"):
            inner.append(path(f"staff/{prefix}", include(module.staff_urlpatterns)))
        localized.append(path("", include((inner, module.app_name))))
        if hasattr(module, "neutral_urlpatterns"):
            neutral.append(path(prefix, include((module.neutral_urlpatterns, f"{module.app_name}-neutral"))))
    patterns: Patterns = [*neutral, *i18n_patterns(*localized, prefix_default_language=True)]
    if staff:
        from solidarity.core.admin import admin_site

        patterns.insert(0, path("admin/", admin_site.urls))
    return patterns
