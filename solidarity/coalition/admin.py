"""Admin views of the registry (staff hosts only, behind the second factor)."""

from django.contrib import admin

from solidarity.coalition.models import Delegate, Organization, Term
from solidarity.core.admin import admin_site


@admin.register(Term, site=admin_site)
class TermAdmin(admin.ModelAdmin[Term]):
    list_display = ["name_en", "name_fa", "kind", "position", "is_active"]
    list_filter = ["kind", "is_active"]


@admin.register(Organization, site=admin_site)
class OrganizationAdmin(admin.ModelAdmin[Organization]):
    list_display = ["name_en", "name_fa", "kind", "base", "status"]
    list_filter = ["status", "kind", "base"]
    search_fields = ["name_en", "name_fa"]


@admin.register(Delegate, site=admin_site)
class DelegateAdmin(admin.ModelAdmin[Delegate]):
    list_display = ["display_name", "role", "lives_inside", "is_accredited"]
    # The encrypted identity is read only through the audited credentials-officer page.
    exclude = ["legal_name", "contact"]
