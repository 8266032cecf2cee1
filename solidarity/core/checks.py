"""System checks for settings that `check --deploy` does not know about."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


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
