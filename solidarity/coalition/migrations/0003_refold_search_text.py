"""Fold the stored search keys again with the kernel's one normalizer.

Keys written before it kept word joiners, soft hyphens, the Arabic letter mark and other
invisible characters that queries now drop, so such a name could never be found.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

from solidarity.core.text import fold_for_search


def refold(apps: Any, schema_editor: Any) -> None:
    organization_model = apps.get_model("coalition", "Organization")
    delegate_model = apps.get_model("coalition", "Delegate")
    for organization in organization_model.objects.only("name_en", "name_fa", "cities", "countries", "search_text"):
        parts = [organization.name_en, organization.name_fa, organization.cities, organization.countries]
        key = fold_for_search(" ".join(parts))
        if key != organization.search_text:
            organization_model.objects.filter(pk=organization.pk).update(search_text=key)
    for delegate in delegate_model.objects.only("display_name", "search_text"):
        key = fold_for_search(delegate.display_name)
        if key != delegate.search_text:
            delegate_model.objects.filter(pk=delegate.pk).update(search_text=key)


class Migration(migrations.Migration):
    dependencies = [("coalition", "0002_initial")]

    operations = [migrations.RunPython(refold, migrations.RunPython.noop, elidable=True)]
