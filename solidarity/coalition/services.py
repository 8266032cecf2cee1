"""Writes to the coalition registry: applications, decisions, taxonomy terms, delegates, imports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from solidarity.coalition import freshness
from solidarity.coalition.importing import ParseResult, Vocabulary, parse_organizations
from solidarity.coalition.models import Delegate, Organization, Term
from solidarity.core import audit
from solidarity.core.models import User
from solidarity.core.text import fold_for_search, normalize_for_display


class OrganizationStateError(Exception):
    """The organization is not in a state that allows this change."""


class TermKindError(ValueError):
    """A term of the wrong kind was given (a sector where a family belongs, say)."""


@dataclass(frozen=True)
class OrganizationData:
    """What an application or an organizer's edit says about an organization."""

    name_en: str
    name_fa: str
    kind: str
    base: str
    families: Sequence[Term]
    ties: Sequence[Term]
    sectors: Sequence[Term]
    countries: str = ""
    cities: str = ""
    description_en: str = ""
    description_fa: str = ""
    contact: str = ""


def organization_search_text(organization: Organization) -> str:
    parts = [organization.name_en, organization.name_fa, organization.cities, organization.countries]
    return fold_for_search(" ".join(parts))


def _check_kinds(terms: Iterable[Term], kind: str) -> list[Term]:
    terms = list(terms)
    wrong = [term.slug for term in terms if term.kind != kind]
    if wrong:
        raise TermKindError(f"not {kind} terms: {', '.join(wrong)}")
    return terms


def _fill(organization: Organization, data: OrganizationData) -> None:
    organization.name_en = normalize_for_display(data.name_en)
    organization.name_fa = normalize_for_display(data.name_fa)
    organization.kind = data.kind
    organization.base = data.base
    organization.countries = ",".join(c.strip().upper() for c in data.countries.split(",") if c.strip())
    organization.cities = normalize_for_display(data.cities)
    organization.description_en = normalize_for_display(data.description_en)
    organization.description_fa = normalize_for_display(data.description_fa)
    organization.contact = data.contact.strip()
    organization.search_text = organization_search_text(organization)


def _set_terms(organization: Organization, data: OrganizationData) -> None:
    organization.families.set(_check_kinds(data.families, Term.Kind.FAMILY))
    organization.ties.set(_check_kinds(data.ties, Term.Kind.TIE))
    organization.sectors.set(_check_kinds(data.sectors, Term.Kind.SECTOR))


@transaction.atomic
def apply_for_membership(*, data: OrganizationData) -> Organization:
    """Record an organization's application from the public form (no account needed)."""
    organization = Organization(status=Organization.Status.APPLIED, applied_at=timezone.now())
    _fill(organization, data)
    organization.save()
    _set_terms(organization, data)
    audit.record("coalition.organization.applied", actor=None, target=organization)
    return organization


@transaction.atomic
def update_organization(*, organization: Organization, data: OrganizationData, actor: User) -> Organization:
    """Change an organization's public details."""
    _fill(organization, data)
    organization.save()
    _set_terms(organization, data)
    audit.record("coalition.organization.updated", actor=actor, target=organization)
    freshness.changed()
    return organization


# Which status may follow which: an application is decided once; members may be suspended or
# leave; suspended organizations may be reinstated; those who left may apply again.
TRANSITIONS: dict[str, frozenset[str]] = {
    Organization.Status.APPLIED: frozenset({Organization.Status.MEMBER, Organization.Status.REJECTED}),
    Organization.Status.MEMBER: frozenset({Organization.Status.SUSPENDED, Organization.Status.LEFT}),
    Organization.Status.SUSPENDED: frozenset({Organization.Status.MEMBER, Organization.Status.LEFT}),
    Organization.Status.LEFT: frozenset({Organization.Status.APPLIED}),
    Organization.Status.REJECTED: frozenset({Organization.Status.APPLIED}),
}


@transaction.atomic
def change_status(*, organization: Organization, status: str, reason: str, actor: User) -> Organization:
    """Move an organization to a new status with a recorded reason (approve, reject, suspend...)."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if status not in TRANSITIONS.get(organization.status, frozenset()):
        raise OrganizationStateError(f"cannot go from {organization.status} to {status}")
    if not reason.strip():
        raise OrganizationStateError("a reason is required")
    previous = organization.status
    now = timezone.now()
    organization.status = status
    organization.status_reason = reason.strip()
    organization.status_changed_at = now
    if status == Organization.Status.MEMBER and organization.member_since is None:
        organization.member_since = now
    if status == Organization.Status.LEFT:
        organization.left_at = now
    organization.save(update_fields=["status", "status_reason", "status_changed_at", "member_since", "left_at"])
    freshness.changed()
    audit.record(
        "coalition.organization.status_changed",
        actor=actor,
        target=organization,
        data={"from": previous, "to": status},
    )
    return organization


@transaction.atomic
def save_term(
    *, actor: User, kind: str, slug: str, name_en: str, name_fa: str, position: int = 0, is_active: bool = True
) -> Term:
    """Create or change a taxonomy term (organizers edit taxonomies as data)."""
    term, created = Term.objects.update_or_create(
        kind=kind,
        slug=slug,
        defaults={
            "name_en": normalize_for_display(name_en),
            "name_fa": normalize_for_display(name_fa),
            "position": position,
            "is_active": is_active,
        },
    )
    audit.record("coalition.term.created" if created else "coalition.term.updated", actor=actor, target=term)
    freshness.changed()
    return term


@transaction.atomic
def register_delegate(
    *,
    actor: User,
    display_name: str,
    organizations: Sequence[Organization],
    role: str = Delegate.Role.DELEGATE,
    lives_inside: bool = False,
    legal_name: str = "",
    contact: str = "",
) -> Delegate:
    """Register a delegate; the legal name and contact are stored encrypted."""
    if not organizations:
        raise ValueError("a delegate represents at least one organization")
    delegate = Delegate.objects.create(
        display_name=normalize_for_display(display_name),
        role=role,
        lives_inside=lives_inside,
        legal_name=legal_name.strip(),
        contact=contact.strip(),
        search_text=fold_for_search(display_name),
    )
    delegate.organizations.set(organizations)
    audit.record("coalition.delegate.registered", actor=actor, target=delegate)
    freshness.changed()
    return delegate


@transaction.atomic
def accredit_delegate(*, delegate: Delegate, actor: User) -> Delegate:
    """Accredit a delegate: they may now be invited and vote."""
    if delegate.is_accredited:
        return delegate
    delegate.is_accredited = True
    delegate.accredited_at = timezone.now()
    delegate.save(update_fields=["is_accredited", "accredited_at"])
    audit.record("coalition.delegate.accredited", actor=actor, target=delegate)
    return delegate


@dataclass(frozen=True)
class Identity:
    legal_name: str
    contact: str


def reveal_identity(*, delegate: Delegate, officer: User) -> Identity:
    """Decrypt a delegate's real identity for a credentials officer, and record the read."""
    audit.record("coalition.delegate.identity_read", actor=officer, target=delegate)
    return Identity(legal_name=delegate.legal_name, contact=delegate.contact)


def vocabulary() -> Vocabulary:
    slugs: dict[str, set[str]] = {kind: set() for kind in Term.Kind.values}
    for kind, slug in Term.objects.filter(is_active=True).values_list("kind", "slug"):
        slugs[kind].add(slug)
    return Vocabulary(
        kinds=frozenset(Organization.Kind.values),
        bases=frozenset(Organization.Base.values),
        statuses=frozenset({Organization.Status.APPLIED, Organization.Status.MEMBER}),
        families=frozenset(slugs[Term.Kind.FAMILY]),
        ties=frozenset(slugs[Term.Kind.TIE]),
        sectors=frozenset(slugs[Term.Kind.SECTOR]),
        existing_names=frozenset(name.casefold() for name in Organization.objects.values_list("name_en", flat=True)),
    )


@transaction.atomic
def import_organizations(*, text: str, actor: User) -> ParseResult:
    """Import organizations from CSV: all rows, or none when any row is bad."""
    result = parse_organizations(text, vocabulary())
    if not result.is_valid:
        return result
    terms = {(term.kind, term.slug): term for term in Term.objects.all()}
    now = timezone.now()
    for row in result.rows:
        organization = Organization(
            status=row.status,
            applied_at=now,
            status_changed_at=now,
            member_since=now if row.status == Organization.Status.MEMBER else None,
        )
        data = OrganizationData(
            name_en=row.name_en,
            name_fa=row.name_fa,
            kind=row.kind,
            base=row.base,
            families=[terms[(Term.Kind.FAMILY, slug)] for slug in row.families],
            ties=[terms[(Term.Kind.TIE, slug)] for slug in row.ties],
            sectors=[terms[(Term.Kind.SECTOR, slug)] for slug in row.sectors],
            countries=row.countries,
            cities=row.cities,
            description_en=row.description_en,
            description_fa=row.description_fa,
            contact=row.contact,
        )
        _fill(organization, data)
        organization.save()
        _set_terms(organization, data)
    audit.record("coalition.organization.imported", actor=actor, data={"rows": len(result.rows)})
    freshness.changed()
    return result
