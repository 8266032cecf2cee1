"""Admin views of the monitor (staff hosts only, behind the second factor); reviews go through the audited pages."""

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from solidarity.core.admin import admin_site
from solidarity.monitor import services
from solidarity.monitor.models import Claim, Document, Event, Source


@admin.register(Source, site=admin_site)
class SourceAdmin(admin.ModelAdmin[Source]):
    list_display = ("name", "kind", "language", "affiliation", "grade")
    list_filter = ("kind", "grade")
    search_fields = ("name", "affiliation")

    def save_model(self, request: HttpRequest, obj: Source, form: forms.ModelForm[Source], change: bool) -> None:
        """Save, and recount the voices behind the source's events when its affiliation changed."""
        super().save_model(request, obj, form, change)
        if change and "affiliation" in form.changed_data:
            services.recount_voices(source=obj)


@admin.register(Document, site=admin_site)
class DocumentAdmin(admin.ModelAdmin[Document]):
    list_display = ("title", "source", "published", "language", "origin")
    list_filter = ("language",)
    search_fields = ("title",)
    readonly_fields = ("content_hash", "fingerprint")


@admin.register(Event, site=admin_site)
class EventAdmin(admin.ModelAdmin[Event]):
    list_display = ("event_date", "city", "province_iso", "sub_event_type", "sector", "independent_sources", "status")
    list_filter = ("status", "sub_event_type", "sector", "province_iso")
    # Corrections must be audited and lock the event: they go through the review page, not here.
    readonly_fields = ("status", "is_locked")


@admin.register(Claim, site=admin_site)
class ClaimAdmin(admin.ModelAdmin[Claim]):
    list_display = ("claimant", "count", "unit", "places", "period_start", "period_end", "status")
    list_filter = ("status", "calendar")
