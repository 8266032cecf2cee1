"""The shared cast of the test suite: people in each role, built through services."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from solidarity.assemblies import services as assemblies
from solidarity.assemblies.models import Assembly, Venue
from solidarity.coalition import services as coalition
from solidarity.coalition.models import Delegate, Organization, Term
from solidarity.core.models import EncryptedTOTPDevice, User
from solidarity.core.roles import Role

PASSWORD = "a long test password 42"


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the throwaway data directory (test database files, keys) when the whole run ends."""
    from django.conf import settings

    if getattr(settings, "TEST_DATA_DIR_IS_OURS", False) and not hasattr(config, "workerinput"):
        shutil.rmtree(settings.DATA_DIR, ignore_errors=True)


def _redis() -> Any:
    """The Redis client of Django's own cache (its pooled connection), when the suite runs on Redis."""
    from django.conf import settings
    from django.core.cache import cache

    return cache._cache.get_client(write=True) if settings.REDIS_URL else None  # type: ignore[attr-defined]


def cache_keys() -> list[str]:
    """Every key in this test process's cache, whichever backend the suite runs on."""
    from django.conf import settings
    from django.core.cache import cache

    client = _redis()
    if client is None:
        return [str(key) for key in getattr(cache, "_cache", {})]
    return [key.decode() for key in client.scan_iter(match=f"{settings.CACHES['default']['KEY_PREFIX']}:*", count=1000)]


def clear_cache() -> None:
    """Empty this test process's cache, on any backend.

    On Redis, `cache.clear()` would flush the whole database, including the keys of the other
    parallel worker in the middle of its test: only keys under this process's prefix are deleted.
    """
    from django.core.cache import cache

    client = _redis()
    if client is None:
        cache.clear()
    elif keys := cache_keys():
        client.delete(*keys)


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Start every test with an empty cache (rate limits, throttles)."""
    clear_cache()


@pytest.fixture(autouse=True)
def _default_language() -> None:
    """Start every test in the default language: a request to /fa/ leaves Persian active in its thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


def make_user(username: str, *roles: Role, with_device: bool = True) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, display_name=username.title())
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role.value)[0])
    if with_device:
        EncryptedTOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


@pytest.fixture
def organizer(db: None) -> User:
    return make_user("organizer", Role.ORGANIZER)


@pytest.fixture
def credentials_officer(db: None) -> User:
    return make_user("officer", Role.CREDENTIALS_OFFICER)


@pytest.fixture
def moderator(db: None) -> User:
    return make_user("moderator", Role.MODERATOR)


@pytest.fixture
def moderator2(db: None) -> User:
    return make_user("moderator2", Role.MODERATOR)


@pytest.fixture
def analyst(db: None) -> User:
    return make_user("analyst", Role.ANALYST)


@pytest.fixture
def translator(db: None) -> User:
    return make_user("translator", Role.TRANSLATOR)


@pytest.fixture
def checkin_officer(db: None) -> User:
    return make_user("checkin", Role.CHECKIN_OFFICER)


@pytest.fixture
def trustee(db: None) -> User:
    return make_user("trustee", Role.TRUSTEE)


@pytest.fixture
def outsider(db: None) -> User:
    """A signed-in person with no role at all."""
    return make_user("outsider", with_device=False)


def verified_client(user: User) -> Client:
    """Return a test client signed in as `user` with a verified second factor."""
    client = Client()
    client.force_login(user)
    device = EncryptedTOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def staff_client() -> Callable[[User], Client]:
    return verified_client


@pytest.fixture
def terms(db: None) -> dict[str, Term]:
    """A small taxonomy: two families, two ties, two sectors."""
    made = {}
    for kind, slug, en, fa in [
        (Term.Kind.FAMILY, "socialist", "Socialist", "سوسیالیست"),
        (Term.Kind.FAMILY, "monarchist", "Parliamentary monarchist", "مشروطه‌خواه"),
        (Term.Kind.TIE, "kurdish", "Kurdish", "کرد"),
        (Term.Kind.TIE, "baluch", "Baluch", "بلوچ"),
        (Term.Kind.SECTOR, "teachers", "Teachers", "معلمان"),
        (Term.Kind.SECTOR, "women", "Women", "زنان"),
    ]:
        made[slug] = Term.objects.create(kind=kind, slug=slug, name_en=en, name_fa=fa)
    return made


def make_member(
    name: str, *, families: list[Term], ties: list[Term], sectors: list[Term], actor: User, base: str = "inside"
) -> Organization:
    organization = coalition.apply_for_membership(
        data=coalition.OrganizationData(
            name_en=name, name_fa="", kind="civil", base=base, families=families, ties=ties, sectors=sectors
        )
    )
    return coalition.change_status(organization=organization, status="member", reason="test", actor=actor)


def make_hub(organizer: User, *, assembly: Assembly | None = None, **venue: Any) -> Venue:
    """A hub in Paris, of `assembly` or of a new one-day "founding" assembly opening today.

    What a test of the door, the delegate pages or the booth needs; `venue` overrides any field.
    """
    if assembly is None:
        today = timezone.now().date()
        assembly = assemblies.create_assembly(
            actor=organizer,
            slug="founding",
            name_en="Founding Assembly",
            name_fa="مجمع مؤسس",
            starts_on=today,
            ends_on=today + dt.timedelta(days=1),
        )
    fields = {
        "name_en": "Hub",
        "name_fa": "مرکز",
        "city_en": "Paris",
        "city_fa": "پاریس",
        "country": "FR",
        "time_zone": "Europe/Paris",
        "capacity": 50,
    }
    return assemblies.add_venue(actor=organizer, assembly=assembly, kind=Venue.Kind.HUB, **(fields | venue))


@pytest.fixture
def delegates(terms: dict[str, Term], organizer: User) -> list[Delegate]:
    """Six accredited delegates in two member organizations with families, ties and sectors."""
    teachers = make_member(
        "Teachers Circle",
        families=[terms["socialist"]],
        ties=[terms["kurdish"]],
        sectors=[terms["teachers"]],
        actor=organizer,
    )
    women = make_member(
        "Women Forum",
        families=[terms["monarchist"]],
        ties=[terms["baluch"]],
        sectors=[terms["women"]],
        actor=organizer,
        base="diaspora",
    )
    made = []
    for index in range(6):
        delegate = coalition.register_delegate(
            actor=organizer,
            display_name=f"Delegate {index}",
            organizations=[teachers if index % 2 else women],
            legal_name=f"Legal Name {index}",
            contact=f"person{index}@example.org",
        )
        made.append(coalition.accredit_delegate(delegate=delegate, actor=organizer))
    return made
