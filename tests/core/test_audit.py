"""SR-12: the audit log records state changes and cannot be edited or erased."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from solidarity.core import audit
from solidarity.core.models import AuditEntry, AuditLogIsAppendOnlyError


@pytest.mark.django_db
def test_an_entry_names_who_did_what_to_which_record(organizer):
    entry = audit.record("test.thing.done", actor=organizer, target=organizer, data={"count": 3})
    assert (entry.actor_name, entry.action, entry.target_type, entry.target_id) == (
        "organizer",
        "test.thing.done",
        "core.user",
        str(organizer.pk),
    )


@pytest.mark.django_db
def test_the_application_cannot_change_or_delete_entries(organizer):
    entry = audit.record("test.thing.done", actor=organizer)
    entry.action = "test.thing.undone"
    with pytest.raises(AuditLogIsAppendOnlyError):
        entry.save()
    with pytest.raises(AuditLogIsAppendOnlyError):
        entry.delete()
    with pytest.raises(AuditLogIsAppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
    with pytest.raises(AuditLogIsAppendOnlyError):
        AuditEntry.objects.all().delete()


@pytest.mark.django_db
def test_the_database_itself_refuses_updates(organizer):
    entry = audit.record("test.thing.done", actor=organizer)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditentry SET action = 'forged' WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).action == "test.thing.done"


@pytest.mark.django_db
def test_postgresql_also_refuses_deletes(organizer):
    if connection.vendor != "postgresql":
        pytest.skip("row deletes are refused by a trigger on PostgreSQL; SQLite relies on the model guard")
    entry = audit.record("test.thing.done", actor=organizer)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE id = %s", [entry.pk])


@pytest.mark.django_db
def test_staff_can_browse_and_filter_the_log(organizer, staff_client):
    audit.record("coalition.organization.applied", actor=None)
    audit.record("core.other", actor=organizer)
    response = staff_client(organizer).get("/en/staff/audit/?action=coalition.")
    assert response.status_code == 200
    body = response.content.decode()
    assert "coalition.organization.applied" in body and "core.other" not in body


@pytest.mark.django_db
def test_people_without_an_oversight_role_cannot_read_the_log(staff_client, translator):
    assert staff_client(translator).get("/en/staff/audit/").status_code == 403
