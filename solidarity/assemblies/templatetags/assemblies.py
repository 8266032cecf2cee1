"""Template filters for programme times already converted to the wanted time zone."""

from __future__ import annotations

import datetime as dt

from django import template

from solidarity.assemblies.selectors import delegate_short_id
from solidarity.coalition.models import Delegate
from solidarity.core import calendars, names
from solidarity.core.text import to_persian_digits

register = template.Library()


@register.filter
def clock(value: dt.datetime | None) -> str:
    """Render the wall-clock time of a datetime as given (no zone conversion)."""
    if value is None:
        return ""
    text = value.strftime("%H:%M")
    return to_persian_digits(text) if calendars.is_persian() else text


@register.filter
def day(value: dt.date | None) -> str:
    """Render a calendar day in the reader's calendar (the date as given, no zone conversion)."""
    if value is None:
        return ""
    plain = value.date() if isinstance(value, dt.datetime) else value
    return calendars.format_date(plain)


@register.filter
def utc_offset(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    """The time zone of a session's time: its city in Persian ("پاریس"), its offset in English."""
    key = getattr(value.tzinfo, "key", "")
    if calendars.is_persian() and key:
        return names.zone_name(key, at=value)
    return names.utc_offset(value)


@register.filter
def short_id(delegate: Delegate | None) -> str:
    """A delegate's short id (D-0042), which tells apart people with the same display name."""
    return delegate_short_id(delegate) if delegate is not None else ""


@register.filter
def organizes(user: object) -> bool:
    """Tell whether the signed-in person may open the organizer pages (to show their links only to them)."""
    from solidarity.core.roles import Role, has_role

    return bool(getattr(user, "is_superuser", False) or has_role(user, Role.ORGANIZER))  # type: ignore[arg-type]  # a User or AnonymousUser
