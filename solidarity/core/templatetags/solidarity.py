"""Template filters and tags every page uses: dates, numbers, localized names, language links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django import template
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.html import escape, format_html
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import get_language, gettext

from solidarity.core import calendars
from solidarity.core.text import script_language, script_runs, to_persian_digits

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
def short_date(value: date | datetime | None) -> str:
    """Render a date as numbers in the reader's calendar (ISO in English), for tables."""
    return calendars.format_short_date(value)


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


# Stands for the open last argument of a link pattern: no row has this id, and it is long enough
# not to occur by chance in the rest of an address (which is checked anyway).
_OPEN_ID = 987_654_321_987


@dataclass(frozen=True, slots=True)
class LinkPattern:
    """An address reversed once with its last argument, an id, left open (see `id_links`)."""

    head: str
    tail: str

    def with_id(self, value: int) -> str:
        return f"{self.head}{int(value)}{self.tail}"


@register.simple_tag
def id_links(name: str, *args: Any) -> LinkPattern:
    """Reverse a URL whose last argument is an integer id once, for many links that differ by it.

    `{% url %}` calls `reverse()` each time, with its share of language and URLconf look-ups: a
    programme with a link per venue tag of every session spent most of its rendering there (issue
    12). `{% id_links 'assemblies:venue' assembly.slug as venue_link %}` reverses once;
    `{{ venue_link|with_id:place.pk }}` is then the address `{% url 'assemblies:venue'
    assembly.slug place.pk %}` gives, by string concatenation.
    """
    address = reverse(name, args=[*args, _OPEN_ID])
    head, found, tail = address.rpartition(str(_OPEN_ID))
    if not found or str(_OPEN_ID) in head:
        raise NoReverseMatch(f"{name} has no last integer argument to leave open")
    return LinkPattern(head, tail)


@register.filter
def with_id(pattern: LinkPattern, value: int) -> str:
    """Fill the open id of a pattern made by `id_links` (an integer; anything else is refused)."""
    return pattern.with_id(value)


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


def _mark_runs(text: str, language: str = "", *, digits: bool = True) -> str:
    """Escape text and mark each of its runs in Latin letters with `lang` (see `marked`)."""
    persian = digits and calendars.is_persian()
    parts = []
    for kind, run in script_runs(text):
        if kind == "latin":
            parts.append(format_html('<bdi lang="{}">{}</bdi>', language or "und-Latn", run))
        elif kind == "digits" and persian:
            parts.append(escape(to_persian_digits(run, separators=False)))
        else:
            parts.append(escape(run))
    return "".join(parts)


@register.filter(is_safe=True)
def marked(value: object, language: str = "") -> SafeString:
    """Show text a person typed with each run in Latin letters marked as such (`lang`, `<bdi>`).

    "فعال در Paris" names a city in Latin letters: a screen reader reads it with a Latin voice and
    the run keeps its own direction only when it says so. Digits alone are written in the reader's
    digits. `language` names the language of the Latin runs when it is known (`|marked:"en"` for
    an English field); without it they are tagged by their script, "und-Latn". Newlines stay, so
    `|marked|linebreaks` makes paragraphs.
    """
    return mark_safe(_mark_runs("" if value is None else str(value), language))  # noqa: S308  # nosec B308 B703  (every run is escaped)


@register.filter(is_safe=True)
def marked_verbatim(value: object, language: str = "") -> SafeString:
    """Mark the Latin runs of a text as `marked` does, every character kept as written.

    For text that must read exactly as it was voted or signed (a frozen charter): its digits are
    not rewritten in the reader's digits.
    """
    text = "" if value is None else str(value)
    return mark_safe(_mark_runs(text, language, digits=False))  # noqa: S308  # nosec B308 B703  (every run is escaped)


@register.filter(is_safe=True)
def isolate(value: object, language: str = "") -> SafeString:
    """Isolate a value of either direction (a name, an address, a number beside words) in `<bdi>`.

    The value is escaped; one written in Latin letters only is tagged `lang="und-Latn"` (or the
    `language` given), and the Latin runs of a mixed one are marked as `marked` does.
    """
    text = "" if value is None else str(value)
    if script_language(text):
        return format_html('<bdi lang="{}">{}</bdi>', language or script_language(text), text)
    if isinstance(value, SafeData):
        return format_html("<bdi>{}</bdi>", value)  # already HTML (`|linebreaksbr`): its runs stay as they are
    return format_html("<bdi>{}</bdi>", mark_safe(_mark_runs(text, language)))  # noqa: S308  # nosec B308 B703  (escaped run by run)


@register.filter
def language_label(code: str | None) -> str:
    """Name a language code in the reader's language ("ku" → "کردی")."""
    from solidarity.core.names import language_name as name

    return name(code or "")


@register.filter(is_safe=True)
def as_code(value: object) -> SafeString:
    """Show something a person types as it is (a code, a key, an example) as code in any language."""
    return format_html('<code lang="en" dir="ltr">{}</code>', "" if value is None else str(value))


@register.filter
def list_letter(index: int) -> str:
    """Name the item at `index` (from 0) by a letter of the reader's alphabet ("A", or "الف")."""
    from solidarity.core.names import list_letter as letter

    return letter(int(index))


@register.filter
def country_label(code: str | None) -> str:
    """Name a country code in the reader's language ("TR" → "ترکیه")."""
    from solidarity.core.names import country_name as name

    return name(code or "")


@register.filter
def zone_name(key: str | None) -> str:
    """Name a time zone by its city in the reader's language ("Europe/Paris" → "پاریس")."""
    from solidarity.core.names import zone_name as name

    return name(key or "")


@register.simple_tag
def comma() -> str:
    """The list separator of the reader's language: "، " in Persian, ", " in English."""
    return "، " if calendars.is_persian() else ", "


@register.filter
def languages_label(codes: str | None) -> str:
    """Name comma-separated language codes ("fa,ku") in the reader's language ("فارسی، کردی")."""
    from solidarity.core.names import language_names

    return language_names(codes or "")


@register.filter
def digits(value: object) -> str:
    """Write the digits of a short code-like value ("10-24", "2/3") in the reader's digits."""
    text = "" if value is None else str(value)
    return to_persian_digits(text) if calendars.is_persian() else text


@register.filter
def countries_label(codes: str | None) -> str:
    """Name comma-separated country codes ("US,DE") in the reader's language."""
    from solidarity.core.names import country_name

    names = [country_name(code) for code in (codes or "").split(",") if code.strip()]
    return ("، " if calendars.is_persian() else ", ").join(names)


@register.filter
def size(value: int | None) -> str:
    """Render a size in bytes ("1.6 MB"), in Persian digits and units for a Persian reader."""
    from django.template.defaultfilters import filesizeformat

    if not calendars.is_persian():
        return str(filesizeformat(value or 0))
    amount = float(value or 0)
    units = [gettext("bytes"), gettext("KB"), gettext("MB"), gettext("GB")]
    for index, unit in enumerate(units):
        if amount < 1024 or index == len(units) - 1:
            decimals = 0 if index == 0 or amount >= 100 else 1
            return f"{calendars.format_number(amount, decimals=decimals)} {unit}"
        amount /= 1024
    return ""  # not reached: the last unit returns
