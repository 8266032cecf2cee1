"""The relay evaluation reads its labelled data and measures screening on it."""

from __future__ import annotations

from evaluation.relay import PARTS, Example, evaluate, load, report


def test_parts_are_disjoint_and_labelled() -> None:
    dev, blind = (load(part) for part in PARTS)
    assert dev and blind
    assert not {e.text for e in dev} & {e.text for e in blind}
    assert {e.label for e in dev + blind} == {"spam", "genuine"}
    assert len(load("all")) == len(dev) + len(blind)


def test_tallies_count_holds_and_passes() -> None:
    examples = [
        Example("spam", "URGENT! You have won a prize, call 09061701461 now", "t"),
        Example("genuine", "We stand with you. Woman, life, freedom.", "t"),
    ]
    tallies = evaluate(examples)
    assert tallies["all"].spam == 1 and tallies["all"].spam_held == 1
    assert tallies["all"].genuine == 1 and tallies["all"].genuine_passed == 1
    assert "phone" in tallies["all"].reasons
    assert "all" in report(tallies)
