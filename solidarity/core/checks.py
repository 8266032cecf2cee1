"""System checks for settings that `check --deploy` does not know about."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.core.checks.security import base as django_security

TRANSPORT_MIDDLEWARE = "solidarity.core.middleware.TransportSecurityMiddleware"


@register(Tags.security, deploy=True)
def check_transport(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    """Django's HTTPS checks, against our SecurityMiddleware subclass.

    Django skips them unless its own middleware is listed by its exact path (security.W001, which
    the settings silence for that reason), so they are asked here with Django's own messages.
    """
    if TRANSPORT_MIDDLEWARE not in settings.MIDDLEWARE:
        return [django_security.W001]
    problems: list[CheckMessage] = []
    if not settings.SECURE_HSTS_SECONDS:
        problems.append(django_security.W004)
    elif settings.SECURE_HSTS_INCLUDE_SUBDOMAINS is not True:
        problems.append(django_security.W005)
    if not settings.SECURE_CONTENT_TYPE_NOSNIFF:
        problems.append(django_security.W006)
    if settings.SECURE_SSL_REDIRECT is not True:
        problems.append(django_security.W008)
    if not settings.SECURE_REFERRER_POLICY:
        problems.append(django_security.W022)
    return problems


@register(Tags.security, deploy=True)
def check_solidarity_deploy(app_configs: Any, **kwargs: Any) -> list[Error | Warning]:
    problems: list[Error | Warning] = []
    if "*" in settings.STAFF_HOSTS:
        problems.append(
            Warning(
                "Every host serves the staff pages.",
                hint="Set SOLIDARITY_STAFF_HOSTS to the staff host or onion only (SR-13).",
                id="solidarity.W001",
            )
        )
    if settings.JOBS_BACKEND == "immediate":
        problems.append(
            Warning(
                "Background jobs run inside requests.",
                hint="Use SOLIDARITY_JOBS=embedded or celery.",
                id="solidarity.W002",
            )
        )
    if len(settings.FIELD_ENCRYPTION_KEYS) > 1:
        problems.append(
            Warning(
                "More than one field key is configured.",
                hint="Run `solidarity rotate-keys`, then drop the old keys from SOLIDARITY_FIELD_KEYS.",
                id="solidarity.W003",
            )
        )
    return problems
