"""Reads of the coalition registry: the directory, the representation matrix, exports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from solidarity.coalition import representation
from solidarity.coalition.models import Delegate, Organization, Term
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
    return (
        organizations.annotate(delegate_count=Count("delegates", distinct=True))
        .prefetch_related(
            Prefetch("families", Term.objects.order_by("position")),
            Prefetch("ties", Term.objects.order_by("position")),
            Prefetch("sectors", Term.objects.order_by("position")),
        )
        .order_by("name_en")
    )


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


def representation_overview() -> RepresentationView:
    """Compute both matrices and the inclusiveness figure in a handful of aggregate queries."""
    members = Q(organization__status=Organization.Status.MEMBER)
    families = list(active_terms(Term.Kind.FAMILY))
    ties = list(active_terms(Term.Kind.TIE))
    sectors = list(active_terms(Term.Kind.SECTOR))

    family_link = Organization.families.through
    tie_link = Organization.ties.through
    family_sector_rows = (
        family_link.objects.filter(members)
        .values("term__slug", "organization__sectors__slug")
        .annotate(
            organizations=Count("organization", distinct=True),
            delegates=Count("organization__delegates", distinct=True),
        )
    )
    family_by_sector = representation.build_matrix(
        _axis(families),
        _axis(sectors),
        (
            representation.CellCount(
                row["term__slug"], row["organization__sectors__slug"], row["organizations"], row["delegates"]
            )
            for row in family_sector_rows
            if row["organization__sectors__slug"]
        ),
    )
    tie_base_rows = (
        tie_link.objects.filter(members)
        .values("term__slug", "organization__base")
        .annotate(
            organizations=Count("organization", distinct=True),
            delegates=Count("organization__delegates", distinct=True),
        )
    )
    bases = representation.Axis(
        keys=tuple(Organization.Base.values), labels={value: str(label) for value, label in Organization.Base.choices}
    )
    tie_by_base = representation.build_matrix(
        _axis(ties),
        bases,
        (
            representation.CellCount(
                row["term__slug"], row["organization__base"], row["organizations"], row["delegates"]
            )
            for row in tie_base_rows
        ),
    )

    represented: set[str] = set()
    for link, kind in ((family_link, "family"), (tie_link, "tie"), (Organization.sectors.through, "sector")):
        represented |= {
            f"{kind}:{slug}" for slug in link.objects.filter(members).values_list("term__slug", flat=True).distinct()
        }
    all_terms = [*families, *ties, *sectors]
    delegate_families = Delegate.organizations.through.objects.filter(members).values_list(
        "delegate_id", "organization__families__slug"
    )
    seats = representation.family_seats((d, f) for d, f in delegate_families if f)
    figure = representation.inclusiveness(
        terms=[f"{term.kind}:{term.slug}" for term in all_terms],
        represented=represented,
        family_seats=seats,
        families=[term.slug for term in families],
    )
    return RepresentationView(
        families_by_sectors=family_by_sector,
        ties_by_base=tie_by_base,
        inclusiveness=figure,
        terms={f"{term.kind}:{term.slug}": term for term in all_terms},
        member_count=Organization.objects.filter(status=Organization.Status.MEMBER).count(),
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
        writer.writerow(values)
        return buffer.getvalue()

    yield line(list(EXPORT_COLUMNS))
    for organization in member_directory(filters).iterator(chunk_size=500):
        yield line(
            [
                str(organization.pk),
                organization.name_en,
                organization.name_fa,
                organization.kind,
                organization.base,
                ";".join(term.slug for term in organization.families.all()),
                ";".join(term.slug for term in organization.ties.all()),
                ";".join(term.slug for term in organization.sectors.all()),
                organization.countries,
                organization.cities,
                organization.contact,
                organization.member_since.date().isoformat() if organization.member_since else "",
                str(organization.delegate_count),  # type: ignore[attr-defined]  # annotated by member_directory
            ]
        )


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
