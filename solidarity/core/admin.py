"""The Django admin, behind the second factor, on staff hosts only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp.admin import OTPAdminSite

from solidarity.core.models import AuditEntry, Job, User


class SolidarityAdminSite(OTPAdminSite):  # type: ignore[misc]  # django-otp ships no type hints
    site_header = "Solidarity"
    site_title = "Solidarity admin"

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        """Send the admin's sign-in to the staff sign-in: one throttled form, one generic error, one second factor."""
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = reverse("admin:index", current_app=self.name)
        return HttpResponseRedirect(f"{reverse('core:login')}?{urlencode({'next': next_url})}")


admin_site = SolidarityAdminSite(name="admin")


@admin.register(User, site=admin_site)
class UserAdmin(admin.ModelAdmin[User]):
    list_display = ["username", "display_name", "is_active", "is_superuser"]
    search_fields = ["username", "display_name"]
    exclude = ["password"]


@admin.register(AuditEntry, site=admin_site)
class AuditEntryAdmin(admin.ModelAdmin[AuditEntry]):
    list_display = ["created_at", "actor_name", "action", "target_type", "target_label"]
    list_filter = ["action"]

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Job, site=admin_site)
class JobAdmin(admin.ModelAdmin[Job]):
    list_display = ["id", "task", "status", "attempts", "created_at", "finished_at"]
    list_filter = ["status"]
