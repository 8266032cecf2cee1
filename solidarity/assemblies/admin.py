"""Admin views of assemblies: read-mostly; invitations, scans and updates change through services."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from solidarity.assemblies.models import Assembly, BroadcastPartner, Invitation, Scan, Session, Update, Venue
from solidarity.core.admin import admin_site


@admin.register(Assembly, site=admin_site)
class AssemblyAdmin(admin.ModelAdmin[Assembly]):
    list_display = ("slug", "name_en", "starts_on", "ends_on", "status", "visibility")
    list_filter = ("status", "visibility")


@admin.register(Venue, site=admin_site)
class VenueAdmin(admin.ModelAdmin[Venue]):
    list_display = ("name_en", "city_en", "country", "kind", "time_zone", "capacity", "assembly")
    list_filter = ("kind", "assembly")
    search_fields = ("name_en", "city_en")


@admin.register(Session, site=admin_site)
class SessionAdmin(admin.ModelAdmin[Session]):
    list_display = ("title_en", "starts_at", "ends_at", "language", "assembly")
    list_filter = ("assembly", "language")


@admin.register(BroadcastPartner, site=admin_site)
class BroadcastPartnerAdmin(admin.ModelAdmin[BroadcastPartner]):
    list_display = ("name_en", "kind", "languages", "is_accredited", "assembly")
    list_filter = ("kind", "is_accredited")


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # shared by several models
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Invitation, site=admin_site)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ("pk", "assembly", "venue", "role", "state", "issued_at")
    list_filter = ("state", "role", "assembly")


@admin.register(Scan, site=admin_site)
class ScanAdmin(ReadOnlyAdmin):
    list_display = ("scan_id", "venue", "device_id", "outcome", "scanned_at", "duplicate_kind")
    list_filter = ("outcome", "duplicate_kind")


@admin.register(Update, site=admin_site)
class UpdateAdmin(ReadOnlyAdmin):
    list_display = ("posted_at", "kind", "text_en", "assembly")
    list_filter = ("kind", "assembly")
