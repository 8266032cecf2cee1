"""The statistical-disclosure rules: bands, issuer share, complementary suppression."""

from __future__ import annotations

from fractions import Fraction

from solidarity.coordination import disclosure
from solidarity.coordination.disclosure import CellCount, Rules


def spread(total: int, issuers: int = 5) -> dict[str, int]:
    base, extra = divmod(total, issuers)
    return {f"org{i}": base + (1 if i < extra else 0) for i in range(issuers)}


def test_bands():
    rules = Rules()
    assert disclosure.band(9, rules) == "suppressed"
    assert disclosure.band(10, rules) == "10-24"
    assert disclosure.band(49, rules) == "25-49"
    assert disclosure.band(5000, rules) == "1000+"


def test_issuer_rules():
    rules = Rules(max_issuer_share=Fraction(1, 5), min_issuers=3)
    assert disclosure.issuers_ok(spread(100), rules)
    assert not disclosure.issuers_ok({"a": 80, "b": 10, "c": 10}, rules)  # one issuer holds 80 %
    assert not disclosure.issuers_ok({"a": 50, "b": 50}, Rules(max_issuer_share=Fraction(1, 2), min_issuers=3))


def test_a_captured_issuer_keeps_a_cell_from_reaching_its_target():
    captured = {"org0": 80, "org1": 5, "org2": 5, "org3": 5, "org4": 5}
    release = disclosure.compute_release([CellCount("c", "IR-12", "teachers", 50, 100, captured)])
    assert release.cells[0].band == "100-249"
    assert not release.cells[0].reached and not release.cells[0].issuers_ok
    assert release.cells[0].issuer_bands["org0"] == "50-99"


def test_a_small_cell_is_suppressed_and_so_are_the_totals_that_would_reveal_it():
    cells = [
        CellCount("a", "IR-12", "teachers", 10, 30, spread(30)),
        CellCount("b", "IR-12", "bazaar", 10, 4, spread(4)),
        CellCount("c", "IR-06", "teachers", 10, 40, spread(40)),
        CellCount("d", "IR-06", "bazaar", 10, 60, spread(60)),
    ]
    release = disclosure.compute_release(cells)
    by_key = {cell.key: cell for cell in release.cells}
    assert by_key["b"].band == "suppressed" and by_key["b"].primary
    assert [by_key[key].band for key in "acd"] == ["25-49", "25-49", "50-99"]
    # Neither its area's total, nor its sector's, nor the campaign's: no subtraction gives it away.
    assert release.area_totals == {"IR-12": "suppressed", "IR-06": "100-249"}
    assert release.sector_totals == {"teachers": "50-99", "bazaar": "suppressed"}
    assert release.total == "suppressed"


def test_release_json_has_no_exact_counts():
    release = disclosure.compute_release([CellCount("a", "IR-12", "teachers", 10, 37, spread(37))])
    text = str(release.as_json())
    assert "37" not in text
