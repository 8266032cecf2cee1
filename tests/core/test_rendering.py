"""Issue 12: rendering that does not repeat itself, and gives the same page.

Links that differ only by an id are reversed once per render (`id_links`); the reader's language is
read from Django once per request and pinned (`calendars.reading_in`), not once per filter.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.http import HttpRequest, HttpResponse
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from solidarity.core import calendars as calendars_module
from solidarity.core.templatetags.solidarity import id_links, with_id


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["en", "fa"]))
def test_a_link_pattern_gives_what_reverse_gives(identifier: int, language: str) -> None:
    with translation.override(language):
        venue = id_links("assemblies:venue", "paris-2026")
        assert with_id(venue, identifier) == reverse("assemblies:venue", args=["paris-2026", identifier])
        organization = id_links("coalition:organization")
        assert with_id(organization, identifier) == reverse("coalition:organization", args=[identifier])


def test_a_link_pattern_in_a_template_fills_only_integers() -> None:
    template = Template(
        "{% id_links 'coalition:organization' as link %}{% for pk in ids %}{{ link|with_id:pk }} {% endfor %}"
    )
    with translation.override("fa"):
        rendered = template.render(Context({"ids": [1, 22, 333]}))
        assert rendered.split() == [reverse("coalition:organization", args=[pk]) for pk in (1, 22, 333)]
    with pytest.raises(ValueError):
        with_id(id_links("coalition:organization"), "1/../../admin")  # type: ignore[arg-type]  # what a template could pass
    with pytest.raises(NoReverseMatch):
        id_links("coalition:directory")  # no argument to leave open


# --- the reader's language, read once a request ------------------------------------------------


@pytest.mark.django_db
def test_a_page_asks_django_for_the_language_once_not_per_filter(
    monkeypatch: pytest.MonkeyPatch, terms: dict[str, object], organizer: object
) -> None:
    from solidarity.coalition.models import Organization
    from solidarity.core import calendars, pagecache

    for index in range(12):
        Organization.objects.create(
            name_en=f"Circle {index}", name_fa=f"حلقه {index}", kind="civil", base="inside", status="member"
        )
    asked: list[int] = []
    original = translation.get_language  # the function calendars imported

    def counted() -> str | None:
        asked.append(1)
        return original()

    monkeypatch.setattr(calendars, "get_language", counted)
    pagecache.bump("coalition")
    page = Client().get("/fa/coalition/").content.decode()
    # Persian names (their digits written in Persian, as `|isolate` does on a Persian page) and the
    # count in Persian digits: the filters saw Persian.
    assert "حلقه ۱۱" in page and "۱۲" in page
    assert asked == []  # every filter read the pinned language, none asked Django's Local
    # Outside a request nothing is pinned: the filters ask Django, as before.
    with translation.override("fa"):
        assert calendars.is_persian() and asked


def test_an_override_inside_a_request_moves_the_pinned_language_with_it(rf: RequestFactory) -> None:
    from solidarity.core import calendars
    from solidarity.core.middleware import ReaderLanguageMiddleware
    from solidarity.core.templatetags.solidarity import localized

    seen: list[tuple[bool, str]] = []
    venue = SimpleNamespace(city_en="Paris", city_fa="پاریس")

    def view(request: HttpRequest) -> HttpResponse:
        seen.append((calendars.is_persian(), localized(venue, "city")))
        with calendars.override("fa"):
            seen.append((calendars.is_persian(), localized(venue, "city")))
            assert translation.get_language() == "fa"
        seen.append((calendars.is_persian(), localized(venue, "city")))
        return HttpResponse()

    with translation.override("en"):
        ReaderLanguageMiddleware(view)(rf.get("/en/"))
    assert seen == [(False, "Paris"), (True, "پاریس"), (False, "Paris")]


def test_no_module_switches_the_language_behind_the_pin() -> None:
    # `translation.override`/`activate` inside a request would leave the pinned language behind:
    # the application switches languages only through `calendars.override`, which moves both.
    root = Path(calendars_module.__file__).parents[1]
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "calendars.py" and path.parent.name == "core":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(
            r"translation\.(override|activate)\(|^from django\.utils\.translation import .*\b(override|activate)\b",
            text,
            re.M,
        ):
            offenders.append(str(path.relative_to(root)))
    for path in root.rglob("*.html"):
        if "{% language " in path.read_text(encoding="utf-8"):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []
