"""Django application configuration for the shared kernel."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "solidarity.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from solidarity.core import checks  # noqa: F401  (registers system checks)
