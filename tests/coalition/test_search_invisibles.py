"""The directory search and the kernel's one normalizer: an invisible character hides no name."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from solidarity.coalition import services
from solidarity.coalition.models import Organization
from solidarity.core.models import User
from tests.conftest import make_member

WORD_JOINER = "\u2060"
SOFT_HYPHEN = "\u00ad"


@pytest.mark.django_db
def test_a_word_joiner_in_the_name_or_the_query_does_not_defeat_the_search(client: Client, organizer: User) -> None:
    organization = make_member("Kermanshah Retirees", families=[], ties=[], sectors=[], actor=organizer)
    # Screening stripped the joiner while the directory kept it; both now write the name without it.
    data = services.OrganizationData(
        name_en="Kermanshah Retirees",
        name_fa=f"بازنشستگان کرمان{WORD_JOINER}شاه",
        kind="civil",
        base="inside",
        families=[],
        ties=[],
        sectors=[],
    )
    services.update_organization(organization=organization, data=data, actor=organizer)
    organization.refresh_from_db()
    assert organization.name_fa == "بازنشستگان کرمانشاه"
    for query in ("کرمانشاه", f"کرمان{SOFT_HYPHEN}شاه", f"كرمان{WORD_JOINER}شاه"):
        assert "Kermanshah Retirees" in client.get("/en/coalition/", {"q": query}).content.decode(), repr(query)


BEFORE = [("coalition", "0002_initial")]
AFTER = [("coalition", "0003_refold_search_text")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_refolds_keys_stored_with_invisible_characters() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old_apps = executor.loader.project_state(BEFORE).apps
        stale = f"بازنشستگان کرمان{WORD_JOINER}شاه"  # the key as the old fold wrote it, joiner and all
        old_apps.get_model("coalition", "Organization").objects.create(
            name_en="Retirees", name_fa=stale, kind="civil", base="inside", status="member", search_text=stale
        )
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        assert Organization.objects.get(name_en="Retirees").search_text == "retirees بازنشستگان کرمانشاه"
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        Organization.objects.filter(name_en="Retirees").delete()
