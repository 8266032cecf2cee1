"""Admin registration of coordination: read-mostly views of campaigns (pledge rows are not shown)."""

from django.contrib import admin

from solidarity.coordination.models import Campaign, Cell
from solidarity.core.admin import admin_site


class CellInline(admin.TabularInline):  # type: ignore[type-arg]  # admin generics are stub-only
    model = Cell
    extra = 0
    fields = ("province_iso", "city", "sector", "target")
    readonly_fields = ("province_iso", "city", "sector", "target")


@admin.register(Campaign, site=admin_site)
class CampaignAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # admin generics are stub-only
    list_display = ("slug", "action", "action_date", "status", "organization")
    list_filter = ("status", "action")
    readonly_fields = ("go_commitment", "abort_commitment", "public_n", "status")
    exclude = ("signing_key",)
    inlines = (CellInline,)
