"""Cells of a CSV that a spreadsheet will not run as formulas (CSV injection).

Exports are opened by organizers and analysts in Excel or LibreOffice, and much of what they hold
came from outside: names from the public application form, titles and sources of ingested news.
A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some spreadsheets
skip before reading the formula) gets a leading apostrophe, which the spreadsheet shows as text.
Only text is touched: numbers written by the code (a negative figure, a longitude) stay numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """Return `value` with a leading apostrophe when a spreadsheet would run it as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def undo_spreadsheet_safe(value: str) -> str:
    """Return text read back from a CSV this project wrote, without the apostrophe `spreadsheet_safe` added.

    Only an apostrophe followed by a formula start is removed, so a file re-imported gives the
    text that was exported (a text that itself began with such an apostrophe loses it: the one
    ambiguity, accepted for round trips between installations).
    """
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def safe_cell(value: Any) -> Any:
    """Return a text value made safe; any other value (a number, None, a date) unchanged."""
    return spreadsheet_safe(value) if isinstance(value, str) else value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """Return a row of cells (for `csv.writer`) with every text cell made safe."""
    return [safe_cell(value) for value in values]


def safe_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """Return a row keyed by column (for `csv.DictWriter`) with every text cell made safe."""
    return {key: safe_cell(value) for key, value in row.items()}
