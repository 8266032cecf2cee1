"""Unit tests of the sub-type rules added from CASE 2021 dev's confusions (issue 16). Each test is one
generic rule, on sentences written for the test (not CASE's)."""

from __future__ import annotations

import datetime

import pytest

from solidarity.monitor.pipeline.detection import read_cues
from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.records import DocumentInput, SubEventType

PUBLISHED = datetime.date(2024, 5, 8)


def sub_types(text: str) -> list[SubEventType]:
    return [e.sub_event_type for e in extract(DocumentInput(text=text, published=PUBLISHED)).events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "non-violent" before a protest noun is not a violent protest
        ("Hundreds of non-violent protesters marched in Shiraz on 6 May.", SubEventType.PEACEFUL_PROTEST),
        ("A non-violent demonstration was held in Tabriz on 6 May.", SubEventType.PEACEFUL_PROTEST),
        ("Violent protesters set fire to a bank in Tabriz on 6 May.", SubEventType.VIOLENT_DEMONSTRATION),
        # police violence or brutality named as the cause of the protest
        ("Students rallied in Shiraz on 6 May, condemning police violence.", SubEventType.PEACEFUL_PROTEST),
        ("Nurses held a vigil in Rasht on 6 May and spoke about police brutality.", SubEventType.PEACEFUL_PROTEST),
        ("Police brutally beat protesters in Rasht on 6 May.", SubEventType.EXCESSIVE_FORCE),
        # deaths told with a number and "die in"
        ("Three die in protest crackdown in Zahedan on 6 May.", SubEventType.EXCESSIVE_FORCE),
        # toppling a statue is vandalism, a violent demonstration
        ("Protesters in Shiraz tore down a statue of the governor on 6 May.", SubEventType.VIOLENT_DEMONSTRATION),
        (
            "Demonstrators in Shiraz marched to the old statue on 6 May and attempted to tear it down.",
            SubEventType.VIOLENT_DEMONSTRATION,
        ),
        # forces trying to drag or remove the crowd intervene
        (
            "Workers staged a sit-in on the road in Ahvaz on 6 May as police struggled to drag them away.",
            SubEventType.PROTEST_WITH_INTERVENTION,
        ),
        # arrests and violence as the object of a complaint are the grievance
        ("Students protested in Shiraz on 6 May to decry the arrests and violence.", SubEventType.PEACEFUL_PROTEST),
        ("Teachers rallied in Rasht on 6 May, condemning the crackdown.", SubEventType.PEACEFUL_PROTEST),
    ],
)
def test_sub_type_rules(text: str, expected: SubEventType) -> None:
    assert sub_types(text) == [expected]


def test_a_verb_ends_the_complaints_object() -> None:
    """ "protested against X and were arrested": the arrest happened at this protest."""
    cues = read_cues("Students protested against the closure and were arrested.", "en")
    assert cues.intervention
    cues = read_cues("Students protested against the arrests.", "en")
    assert not cues.intervention


def test_troops_marching_into_a_neighbourhood_are_no_protest() -> None:
    """An army that "marched deeper into a rebel-held neighborhood" is a military advance."""
    assert sub_types("Government forces marched deeper into a rebel-held neighborhood of Ahvaz on 6 May.") == []
    assert sub_types("Teachers marched in Ahvaz on 6 May over unpaid wages.") == [SubEventType.PEACEFUL_PROTEST]


def test_an_attempt_to_hold_a_protest_is_an_event() -> None:
    """ "detained while trying to hold demonstrations" happened; "plans to hold" has not yet."""
    assert sub_types(
        "Several activists were detained by police in Tabriz on 6 May while trying to hold demonstrations."
    ) == [SubEventType.PROTEST_WITH_INTERVENTION]
    assert sub_types("Activists in Tabriz plan to hold demonstrations next week.") == []
