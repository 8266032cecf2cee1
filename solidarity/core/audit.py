"""Record every state change a person makes in the append-only audit log.

An entry says who did what to which record, and when. It never holds personal data or message
text: `data` is for identifiers, counts, states and reason codes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

from solidarity.core.models import AuditEntry

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from solidarity.core.models import User


def record(
    action: str,
    *,
    actor: User | AnonymousUser | None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an entry for `action` (a dotted name like "coalition.organization.approved")."""
    person = actor if actor is not None and actor.is_authenticated else None
    return AuditEntry.objects.create(
        actor=person,
        actor_name=str(person.get_username()) if person is not None else "",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:200] if target is not None else "",
        data=data or {},
    )
