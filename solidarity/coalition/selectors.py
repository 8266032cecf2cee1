"""Reads of the coalition registry: the directory, the representation matrix, exports."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, QuerySet, prefetch_related_objects

from solidarity.coalition import freshness, representation
from solidarity.coalition.models import Delegate, Organization, Term
from solidarity.core.spreadsheet import safe_row
from solidarity.core.text import fold_for_search


@dataclass(frozen=True)
class DirectoryFilters:
    query: str = ""
    kind: str = ""
    base: str = ""
    family: str = ""
    tie: str = ""
    sector: str = ""
    country: str = ""


def active_terms(kind: str) -> QuerySet[Term]:
    return Term.objects.filter(kind=kind, is_active=True).order_by("position", "name_en")


def terms_by_kind() -> dict[str, list[Term]]:
    grouped: dict[str, list[Term]] = {kind: [] for kind in Term.Kind.values}
    for term in Term.objects.filter(is_active=True).order_by("position", "name_en"):
        grouped[term.kind].append(term)
    return grouped


def member_directory(filters: DirectoryFilters) -> QuerySet[Organization]:
    """Return member organizations matching the filters, with their terms and delegate counts."""
    organizations = Organization.objects.filter(status=Organization.Status.MEMBER)
    if filters.query:
        for word in fold_for_search(filters.query).split():
            organizations = organizations.filter(search_text__contains=word)
    if filters.kind:
        organizations = organizations.filter(kind=filters.kind)
    if filters.base:
        organizations = organizations.filter(base=filters.base)
    if filters.family:
        organizations = organizations.filter(families__slug=filters.family)
    if filters.tie:
        organizations = organizations.filter(ties__slug=filters.tie)
    if filters.sector:
        organizations = organizations.filter(sectors__slug=filters.sector)
    if filters.country:
        organizations = organizations.filter(countries__icontains=filters.country.upper()[:2])
    return organizations.order_by("name_en")


def with_listing_details(organizations: list[Organization]) -> list[Organization]:
    """Attach terms and delegate counts to a page of organizations (four queries for any page).

    The terms land in plain lists (`listed_families`, `listed_ties`, `listed_sectors`): prefetching
    into the related managers built a manager and a queryset per organization and relation, about
    300 a directory page (issue 12).
    """
    ids = [organization.pk for organization in organizations]
    counts = {
        row["organization_id"]: row["n"]
        for row in Delegate.organizations.through.objects.filter(organization_id__in=ids)
        .values("organization_id")
        .annotate(n=Count("delegate_id"))
    }
    prefetch_related_objects(
        organizations,
        Prefetch("families", Term.objects.order_by("position"), to_attr="listed_families"),
        Prefetch("ties", Term.objects.order_by("position"), to_attr="listed_ties"),
        Prefetch("sectors", Term.objects.order_by("position"), to_attr="listed_sectors"),
    )
    for organization in organizations:
        organization.delegate_count = counts.get(organization.pk, 0)  # type: ignore[attr-defined]  # listing annotation
    return organizations


def directory_page(filters: DirectoryFilters, page_number: str | None, *, per_page: int = 50) -> Page[Organization]:
    """Return one page of the member directory; the count runs on the plain filtered query."""
    page = Paginator(member_directory(filters), per_page).get_page(page_number)
    page.object_list = with_listing_details(list(page.object_list))
    return page


def public_organization(pk: int) -> Organization | None:
    """Return a member organization for its public page (None for any other status)."""
    return (
        Organization.objects.filter(pk=pk, status=Organization.Status.MEMBER)
        .annotate(delegate_count=Count("delegates", distinct=True))
        .prefetch_related("families", "ties", "sectors")
        .first()
    )


def delegate_roles(organization: Organization) -> dict[str, int]:
    rows = organization.delegates.values("role").annotate(n=Count("id"))
    return {row["role"]: row["n"] for row in rows}


def _axis(terms: list[Term]) -> representation.Axis:
    return representation.Axis(
        keys=tuple(term.slug for term in terms), labels={term.slug: term.name_en for term in terms}
    )


@dataclass(frozen=True)
class RepresentationView:
    families_by_sectors: representation.Matrix
    ties_by_base: representation.Matrix
    inclusiveness: representation.Inclusiveness
    terms: dict[str, Term]  # "kind:slug" → term, for labels in both languages
    member_count: int
    delegate_count: int


def memberships() -> tuple[list[representation.Membership], list[tuple[int, ...]]]:
    """Return every member organization's terms, base and delegate count, and shared delegates.

    Six flat queries whatever the size: the aggregation happens in `representation`.
    """
    member_ids = dict(Organization.objects.filter(status=Organization.Status.MEMBER).values_list("id", "base"))
    slugs = dict(Term.objects.values_list("id", "slug"))
    linked: dict[str, dict[int, list[str]]] = {}
    for field in ("families", "ties", "sectors"):
        by_organization: dict[int, list[str]] = defaultdict(list)
        through = getattr(Organization, field).through
        for organization_id, term_id in through.objects.filter(
            organization__status=Organization.Status.MEMBER, term__is_active=True
        ).values_list("organization_id", "term_id"):
            by_organization[organization_id].append(slugs[term_id])
        linked[field] = by_organization
    link = Delegate.organizations.through
    delegate_counts = {
        row["organization_id"]: row["n"]
        for row in link.objects.filter(organization__status=Organization.Status.MEMBER)
        .values("organization_id")
        .annotate(n=Count("delegate_id"))
    }
    shared_ids = (
        link.objects.values("delegate_id")
        .annotate(n=Count("organization_id"))
        .filter(n__gt=1)  # type: ignore[misc]  # django-stubs cannot see annotations on auto-created through models
        .values("delegate_id")
    )
    shared: dict[int, list[int]] = defaultdict(list)
    for delegate_id, organization_id in link.objects.filter(delegate_id__in=shared_ids).values_list(
        "delegate_id", "organization_id"
    ):
        shared[delegate_id].append(organization_id)
    members = [
        representation.Membership(
            organization=organization_id,
            families=tuple(linked["families"].get(organization_id, ())),
            ties=tuple(linked["ties"].get(organization_id, ())),
            sectors=tuple(linked["sectors"].get(organization_id, ())),
            base=base,
            delegates=delegate_counts.get(organization_id, 0),
        )
        for organization_id, base in member_ids.items()
    ]
    return members, [tuple(organizations) for organizations in shared.values()]


def representation_overview() -> RepresentationView:
    """Return both matrices and the inclusiveness figure, cached until the registry changes."""
    key = f"coalition:overview:{freshness.version()}"
    cached = cache.get(key)
    if isinstance(cached, RepresentationView):
        return cached
    view = compute_representation_overview()
    cache.set(key, view, timeout=freshness.BACKSTOP_SECONDS)
    return view


def compute_representation_overview() -> RepresentationView:
    """Compute both matrices and the inclusiveness figure (a handful of flat queries)."""
    families = list(active_terms(Term.Kind.FAMILY))
    ties = list(active_terms(Term.Kind.TIE))
    sectors = list(active_terms(Term.Kind.SECTOR))
    members, shared = memberships()
    family_by_sector = representation.build_matrix(
        _axis(families),
        _axis(sectors),
        representation.count_cells(members, rows="families", columns="sectors", shared_delegates=shared),
    )
    bases = representation.Axis(
        keys=tuple(Organization.Base.values), labels={value: str(label) for value, label in Organization.Base.choices}
    )
    tie_by_base = representation.build_matrix(
        _axis(ties), bases, representation.count_cells(members, rows="ties", columns="base", shared_delegates=shared)
    )
    represented = {
        f"{kind}:{slug}"
        for member in members
        for kind, slugs in (("family", member.families), ("tie", member.ties), ("sector", member.sectors))
        for slug in slugs
    }
    all_terms = [*families, *ties, *sectors]
    figure = representation.inclusiveness(
        terms=[f"{term.kind}:{term.slug}" for term in all_terms],
        represented=represented,
        family_seats=representation.seats_by_family(members, shared),
        families=[term.slug for term in families],
    )
    return RepresentationView(
        families_by_sectors=family_by_sector,
        ties_by_base=tie_by_base,
        inclusiveness=figure,
        terms={f"{term.kind}:{term.slug}": term for term in all_terms},
        member_count=len(members),
        delegate_count=Delegate.objects.filter(organizations__status=Organization.Status.MEMBER).distinct().count(),
    )


EXPORT_COLUMNS = (
    "id",
    "name_en",
    "name_fa",
    "kind",
    "base",
    "families",
    "ties",
    "sectors",
    "countries",
    "cities",
    "contact",
    "member_since",
    "delegates",
)


def directory_csv_rows(filters: DirectoryFilters) -> Iterator[str]:
    """Yield the filtered directory as CSV lines, header first (streamed, never all in memory)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values: list[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(safe_row(values))  # names and contacts come from the public form
        return buffer.getvalue()

    yield line(list(EXPORT_COLUMNS))
    for organization in _in_chunks(member_directory(filters), 500):
        yield line(
            [
                str(organization.pk),
                organization.name_en,
                organization.name_fa,
                organization.kind,
                organization.base,
                ";".join(term.slug for term in organization.listed_families),  # type: ignore[attr-defined]  # with_listing_details
                ";".join(term.slug for term in organization.listed_ties),  # type: ignore[attr-defined]  # with_listing_details
                ";".join(term.slug for term in organization.listed_sectors),  # type: ignore[attr-defined]  # with_listing_details
                organization.countries,
                organization.cities,
                organization.contact,
                organization.member_since.date().isoformat() if organization.member_since else "",
                str(organization.delegate_count),  # type: ignore[attr-defined]  # annotated by member_directory
            ]
        )


def _in_chunks(organizations: QuerySet[Organization], size: int) -> Iterator[Organization]:
    """Yield organizations with their listing details, a chunk at a time (bounded memory)."""
    ids = list(organizations.values_list("pk", flat=True))
    for start in range(0, len(ids), size):
        chunk = list(Organization.objects.filter(pk__in=ids[start : start + size]).order_by("name_en"))
        yield from with_listing_details(chunk)


def pending_applications() -> QuerySet[Organization]:
    return (
        Organization.objects.filter(status=Organization.Status.APPLIED)
        .prefetch_related("families", "ties", "sectors")
        .order_by("applied_at")
    )


def staff_organizations(*, status: str = "", query: str = "") -> QuerySet[Organization]:
    organizations = Organization.objects.annotate(delegate_count=Count("delegates", distinct=True))
    if status:
        organizations = organizations.filter(status=status)
    for word in fold_for_search(query).split():
        organizations = organizations.filter(search_text__contains=word)
    return organizations.order_by("name_en")


def staff_delegates(*, query: str = "", organization: int | None = None) -> QuerySet[Delegate]:
    delegates = Delegate.objects.prefetch_related("organizations")
    for word in fold_for_search(query).split():
        delegates = delegates.filter(search_text__contains=word)
    if organization:
        delegates = delegates.filter(organizations__pk=organization)
    return delegates.order_by("display_name")
