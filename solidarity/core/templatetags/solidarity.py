"""Template filters and tags every page uses: dates, numbers, localized names, language links."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import template
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from solidarity.core import calendars
from solidarity.core.text import to_persian_digits

register = template.Library()


@register.filter
def jdate(value: date | datetime | None) -> str:
    """Render a date in the reader's calendar (Solar Hijri in Persian)."""
    return calendars.format_date(value)


@register.filter
def jdatetime(value: datetime | None) -> str:
    """Render a date and time in the reader's calendar."""
    return calendars.format_date(value, with_time=True)


@register.filter
def num(value: int | float | None, decimals: int = 0) -> str:
    """Render a number with grouping, in Persian digits for a Persian reader."""
    return calendars.format_number(value, decimals=decimals)


@register.filter
def percent(value: float | None) -> str:
    """Render a share from 0 to 1 as a percentage."""
    if value is None:
        return ""
    return calendars.format_number(value * 100, decimals=0) + ("٪" if calendars.is_persian() else "%")


@register.filter
def localized(obj: Any, field: str) -> str:
    """Return `obj.<field>_fa` for a Persian reader when set, else `obj.<field>_en`."""
    language = "fa" if calendars.is_persian() else "en"
    other = "en" if language == "fa" else "fa"
    return str(getattr(obj, f"{field}_{language}", "") or getattr(obj, f"{field}_{other}", "") or "")


@register.simple_tag(takes_context=True)
def language_url(context: dict[str, Any], language: str) -> str:
    """Return the current page's address in another language (same path and query)."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return f"/{language}/"
    url = translate_url(request.get_full_path(), language)
    return url


@register.simple_tag
def text_direction() -> str:
    return "rtl" if (get_language() or "en").startswith("fa") else "ltr"


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """Return the current query string with some parameters replaced (for pagination and filters)."""
    request: HttpRequest = context["request"]
    query = request.GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def item(mapping: dict[Any, Any] | None, key: Any) -> Any:
    """Look a key up in a dict: `{{ terms|item:key }}`."""
    return (mapping or {}).get(key)


@register.filter
def decimal(value: object) -> str:
    """Render an exact decimal (a string like "2.50000" from a count) without trailing zeros."""
    from decimal import Decimal, InvalidOperation

    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    text = f"{number:,.5f}".rstrip("0").rstrip(".")
    return to_persian_digits(text) if calendars.is_persian() else text


@register.filter
def digits(value: object) -> str:
    """Write the digits of a short text, such as a fraction "1/2", in the reader's digits."""
    text = str(value)
    return to_persian_digits(text) if calendars.is_persian() else text
