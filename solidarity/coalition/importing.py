"""Validate a CSV of organizations row by row, before anything is written.

Pure Python: the service imports only when `parse_organizations` reports no error at all. The
reasons are in the reader's language (the staff page in Persian, the command in English); column
names and values stay as typed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

REQUIRED_COLUMNS = ("name_en", "kind", "base")
OPTIONAL_COLUMNS = (
    "name_fa",
    "families",
    "ties",
    "sectors",
    "countries",
    "cities",
    "description_en",
    "description_fa",
    "contact",
    "status",
)
MAX_ROWS = 50_000
MAX_FIELD = 5_000


@dataclass(frozen=True)
class OrganizationRow:
    line: int
    name_en: str
    name_fa: str
    kind: str
    base: str
    families: tuple[str, ...]
    ties: tuple[str, ...]
    sectors: tuple[str, ...]
    countries: str
    cities: str
    description_en: str
    description_fa: str
    contact: str
    status: str


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str


@dataclass
class ParseResult:
    rows: list[OrganizationRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors and bool(self.rows)


@dataclass(frozen=True)
class Vocabulary:
    """What values the registry accepts, passed in by the caller."""

    kinds: frozenset[str]
    bases: frozenset[str]
    statuses: frozenset[str]
    families: frozenset[str]
    ties: frozenset[str]
    sectors: frozenset[str]
    existing_names: frozenset[str] = frozenset()


def _split(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in value.replace(",", ";").split(";") if part.strip()))


def parse_organizations(text: str, vocabulary: Vocabulary) -> ParseResult:
    """Check every row of an organizations CSV and report each bad row with its line and reason."""
    result = ParseResult()
    text = text.removeprefix("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        result.errors.append(RowError(1, _("missing column(s): %(columns)s") % {"columns": ", ".join(missing)}))
        return result
    unknown = [column for column in header if column not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if unknown:
        result.errors.append(RowError(1, _("unknown column(s): %(columns)s") % {"columns": ", ".join(unknown)}))
        return result
    reader.fieldnames = header
    seen: dict[str, int] = {}
    try:
        for record in reader:
            line = reader.line_num
            if len(result.rows) + len(result.errors) >= MAX_ROWS:
                result.errors.append(
                    RowError(line, _("more than %(count)s rows; split the file") % {"count": MAX_ROWS})
                )
                break
            if None in record:
                result.errors.append(RowError(line, _("more cells than columns")))
                continue
            values = {key: (value or "").strip() for key, value in record.items()}
            reasons = _check_row(values, vocabulary, seen, line)
            if reasons:
                result.errors.append(RowError(line, pgettext("between reasons", "; ").join(reasons)))
                continue
            seen[values["name_en"].casefold()] = line
            result.rows.append(
                OrganizationRow(
                    line=line,
                    name_en=values["name_en"],
                    name_fa=values.get("name_fa", ""),
                    kind=values["kind"],
                    base=values["base"],
                    families=_split(values.get("families", "")),
                    ties=_split(values.get("ties", "")),
                    sectors=_split(values.get("sectors", "")),
                    countries=",".join(code.upper() for code in _split(values.get("countries", ""))),
                    cities=values.get("cities", ""),
                    description_en=values.get("description_en", ""),
                    description_fa=values.get("description_fa", ""),
                    contact=values.get("contact", ""),
                    status=values.get("status", "") or "member",
                )
            )
    except csv.Error as error:
        result.errors.append(RowError(reader.line_num, _("not valid CSV: %(error)s") % {"error": error}))
    if not result.rows and not result.errors:
        result.errors.append(RowError(1, _("the file has no rows")))
    return result


def _check_row(values: dict[str, str], vocabulary: Vocabulary, seen: dict[str, int], line: int) -> list[str]:
    reasons: list[str] = []
    name = values.get("name_en", "")
    if not name:
        reasons.append(_("name_en is empty"))
    elif name.casefold() in seen:
        reasons.append(_("name_en repeats line %(line)s") % {"line": seen[name.casefold()]})
    elif name.casefold() in vocabulary.existing_names:
        reasons.append(_("an organization named %(name)r is already registered") % {"name": name})
    if any(len(value) > MAX_FIELD for value in values.values()):
        reasons.append(_("a cell is longer than %(count)s characters") % {"count": MAX_FIELD})
    if len(name) > 200 or len(values.get("name_fa", "")) > 200:
        reasons.append(_("a name is longer than %(count)s characters") % {"count": 200})
    for column, allowed in (("kind", vocabulary.kinds), ("base", vocabulary.bases)):
        if values.get(column, "") not in allowed:
            reasons.append(
                _("%(column)s %(value)r is not one of %(allowed)s")
                % {"column": column, "value": values.get(column, ""), "allowed": ", ".join(sorted(allowed))}
            )
    status = values.get("status", "") or "member"
    if status not in vocabulary.statuses:
        reasons.append(
            _("status %(value)r is not one of %(allowed)s")
            % {"value": status, "allowed": ", ".join(sorted(vocabulary.statuses))}
        )
    for column, allowed in (
        ("families", vocabulary.families),
        ("ties", vocabulary.ties),
        ("sectors", vocabulary.sectors),
    ):
        unknown = [slug for slug in _split(values.get(column, "")) if slug not in allowed]
        if unknown:
            reasons.append(_("unknown %(column)s: %(values)s") % {"column": column, "values": ", ".join(unknown)})
    for code in _split(values.get("countries", "")):
        if not (len(code) == 2 and code.isascii() and code.isalpha()):
            reasons.append(_("country %(code)r is not a two-letter ISO code") % {"code": code})
    return reasons
