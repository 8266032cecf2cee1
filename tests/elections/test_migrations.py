"""Migration 0009 retires the whole-key ceremonies: a draft keyed with a whole key goes back to draft."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("elections", "0008_voting_keys")]
AFTER = [("elections", "0009_retire_whole_key")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_sends_a_whole_key_draft_back_and_keeps_a_joint_key() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old_apps = executor.loader.project_state(BEFORE).apps
        Election = old_apps.get_model("elections", "Election")
        TrusteeSeat = old_apps.get_model("elections", "TrusteeSeat")
        User = old_apps.get_model("core", "User")
        window = {"opens_at": datetime(2030, 1, 1, tzinfo=UTC), "closes_at": datetime(2030, 1, 2, tzinfo=UTC)}
        Election.objects.create(slug="whole", rule="motion", status="keyed", ballot_public_key="A" * 43 + "=", **window)
        Election.objects.create(
            slug="offline",
            rule="motion",
            status="keyed",
            ballot_public_key="B" * 43 + "=",
            ballot_key_offline=True,  # registered from the offline ceremony
            **window,
        )
        joint = Election.objects.create(
            slug="joint", rule="motion", status="keyed", ballot_public_key="C" * 43 + "=", trustee_count=2, **window
        )
        for index in (1, 2):
            person = User.objects.create(username=f"keeper{index}", password="!")
            TrusteeSeat.objects.create(
                election=joint, trustee=person, index=index, transport_key="k", dealing={}, confirmation="proof"
            )
        Election.objects.create(slug="frozen", rule="motion", status="frozen", **window)
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        new_apps = executor.loader.project_state(AFTER).apps
        after = {
            e.slug: (e.status, e.ballot_public_key) for e in new_apps.get_model("elections", "Election").objects.all()
        }
        assert after["whole"] == ("draft", "") and after["offline"] == ("draft", "")
        assert after["joint"] == ("keyed", "C" * 43 + "=")
        assert after["frozen"][0] == "frozen"  # a frozen definition is not touched (`verify` judges its record)
    finally:
        MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
