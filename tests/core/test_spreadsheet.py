"""The kernel's CSV-injection guard, shared by every export (coalition, assemblies, monitor)."""

from __future__ import annotations

import datetime

import pytest

from solidarity.core.spreadsheet import safe_dict, safe_row, spreadsheet_safe


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_cell_a_spreadsheet_would_run_gets_an_apostrophe(value: str) -> None:
    assert spreadsheet_safe(value) == "'" + value


@pytest.mark.parametrize("value", ["Ahvaz", "", "1+1", "teachers' sit-in", "تجمع = اعتراض", " =1"])
def test_other_text_is_left_as_it_is(value: str) -> None:
    assert spreadsheet_safe(value) == value


def test_rows_touch_text_only() -> None:
    day = datetime.date(2024, 11, 5)
    assert safe_row(["=1", -3, 2.5, None, day, "x"]) == ["'=1", -3, 2.5, None, day, "x"]
    assert safe_dict({"a": "@x", "b": -1, "c": ""}) == {"a": "'@x", "b": -1, "c": ""}


def test_undo_removes_only_the_guard_apostrophe() -> None:
    from solidarity.core.spreadsheet import spreadsheet_safe, undo_spreadsheet_safe

    for text in ("=1+1", "-x", "@a", "+", "\tx", "plain", "'plain", "", "'"):
        assert undo_spreadsheet_safe(spreadsheet_safe(text)) == text
    assert undo_spreadsheet_safe("'=1") == "=1"
    assert undo_spreadsheet_safe("'tis") == "'tis"
