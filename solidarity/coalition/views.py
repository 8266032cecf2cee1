"""Pages of the coalition registry: thin wrappers around services and selectors."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from solidarity.coalition import selectors, services
from solidarity.coalition.forms import DecisionForm, DelegateForm, ImportForm, OrganizationForm, TermForm
from solidarity.coalition.models import Delegate, Organization, Term
from solidarity.core.access import signed_in_user, staff_required
from solidarity.core.pagecache import public_page
from solidarity.core.roles import Role
from solidarity.core.security import is_rate_limited
from solidarity.core.templatetags.solidarity import localized

PAGE_SIZE = 50


def _filters(request: HttpRequest) -> selectors.DirectoryFilters:
    get = request.GET
    return selectors.DirectoryFilters(
        query=get.get("q", "")[:200],
        kind=get.get("kind", "")[:20],
        base=get.get("base", "")[:20],
        family=get.get("family", "")[:60],
        tie=get.get("tie", "")[:60],
        sector=get.get("sector", "")[:60],
        country=get.get("country", "")[:2],
    )


@public_page("coalition")
def directory(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    page = selectors.directory_page(filters, request.GET.get("page"), per_page=PAGE_SIZE)
    context = {
        "page": page,
        "filters": filters,
        "terms": selectors.terms_by_kind(),
        "kinds": Organization.Kind.choices,
        "bases": Organization.Base.choices,
        # Labels by value, looked up per organization: get_<field>_display rebuilds (and
        # translates) the whole choice list on every call.
        "kind_labels": dict(Organization.Kind.choices),
        "base_labels": dict(Organization.Base.choices),
    }
    template = "coalition/_directory_results.html" if request.htmx else "coalition/directory.html"  # type: ignore[attr-defined]  # set by django-htmx
    return render(request, template, context)


def directory_csv(request: HttpRequest) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        selectors.directory_csv_rows(_filters(request)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="solidarity-members.csv"'
    return response


def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.public_organization(pk)
    if organization is None:
        raise Http404
    return render(
        request,
        "coalition/organization.html",
        {
            "organization": organization,
            "roles": selectors.delegate_roles(organization),
            "role_labels": dict(Delegate.Role.choices),
        },
    )


def matrix(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "coalition/matrix.html",
        {"view": selectors.representation_overview(), "base_labels": dict(Organization.Base.choices)},
    )


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    form = OrganizationForm(request.POST or None)
    if request.method == "POST":
        if is_rate_limited(request, "coalition-apply", limit=10, window_seconds=3600):
            return render(request, "coalition/apply.html", {"form": form, "limited": True}, status=429)
        if form.is_valid():
            services.apply_for_membership(data=form.to_data())
            return HttpResponseRedirect(reverse("coalition:applied"))
    return render(request, "coalition/apply.html", {"form": form})


def applied(request: HttpRequest) -> HttpResponse:
    return render(request, "coalition/applied.html")


# Staff pages ----------------------------------------------------------------------------------


def _organization(pk: int) -> Organization:
    try:
        return Organization.objects.get(pk=pk)
    except Organization.DoesNotExist as error:
        raise Http404 from error


@staff_required(Role.ORGANIZER)
def applications(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "coalition/staff/applications.html",
        {"applications": selectors.pending_applications(), "form": DecisionForm()},
    )


@staff_required(Role.ORGANIZER)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    organization = _organization(pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.change_status(
                organization=organization,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                actor=signed_in_user(request),
            )
        except services.OrganizationStateError:
            messages.error(request, _("That change is not possible from the organization's current status."))
        else:
            messages.success(
                request,
                _("Recorded: %(name)s is now “%(status)s”.")
                % {
                    "name": localized(organization, "name"),
                    "status": Organization.Status(form.cleaned_data["status"]).label,
                },
            )
    else:
        messages.error(request, _("Give a status and a reason."))
    return HttpResponseRedirect(_back(request, reverse("coalition:applications")))


def _back(request: HttpRequest, fallback: str) -> str:
    """Return the page the form came from when it is on this host, else `fallback` (no open redirect)."""
    back = request.POST.get("back", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return back
    return fallback


@staff_required(Role.ORGANIZER)
def staff_organizations(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    query = request.GET.get("q", "")[:200]
    page = Paginator(selectors.staff_organizations(status=status, query=query), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "coalition/staff/organizations.html",
        {"page": page, "status": status, "q": query, "statuses": Organization.Status.choices, "form": DecisionForm()},
    )


@staff_required(Role.ORGANIZER)
@require_http_methods(["GET", "POST"])
def edit_organization(request: HttpRequest, pk: int) -> HttpResponse:
    organization = _organization(pk)
    initial = {
        field: getattr(organization, field)
        for field in (
            "name_en",
            "name_fa",
            "kind",
            "base",
            "countries",
            "cities",
            "description_en",
            "description_fa",
            "contact",
        )
    } | {
        "families": list(organization.families.all()),
        "ties": list(organization.ties.all()),
        "sectors": list(organization.sectors.all()),
    }
    form = OrganizationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_organization(organization=organization, data=form.to_data(), actor=signed_in_user(request))
        messages.success(request, _("Saved."))
        return HttpResponseRedirect(reverse("coalition:staff-organizations"))
    return render(request, "coalition/staff/edit.html", {"form": form, "organization": organization})


@staff_required(Role.ORGANIZER)
@require_http_methods(["GET", "POST"])
def import_csv(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = services.import_organizations(text=form.cleaned_data["file"], actor=signed_in_user(request))
        if result.is_valid:
            messages.success(request, _("Imported %(count)s organizations.") % {"count": len(result.rows)})
            return HttpResponseRedirect(reverse("coalition:staff-organizations"))
    # The values each coded column takes, shown as typed (code) beside their name in the reader's language.
    values = [
        ("kind", Organization.Kind.choices),
        ("base", Organization.Base.choices),
        ("status", [(s.value, s.label) for s in (Organization.Status.MEMBER, Organization.Status.APPLIED)]),
    ]
    return render(
        request,
        "coalition/staff/import.html",
        {"form": form, "result": result, "values": values},
        status=400 if result else 200,
    )


@staff_required(Role.ORGANIZER)
@require_http_methods(["GET", "POST"])
def terms(request: HttpRequest) -> HttpResponse:
    form = TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.save_term(actor=signed_in_user(request), **form.cleaned_data)
        messages.success(request, _("Saved."))
        return HttpResponseRedirect(reverse("coalition:terms"))
    grouped: dict[str, list[Term]] = {kind: [] for kind in Term.Kind.values}
    for term in Term.objects.order_by("kind", "position", "name_en"):
        grouped[term.kind].append(term)
    return render(
        request, "coalition/staff/terms.html", {"form": form, "grouped": grouped, "kinds": dict(Term.Kind.choices)}
    )


@staff_required(Role.ORGANIZER, Role.CREDENTIALS_OFFICER)
@require_http_methods(["GET", "POST"])
def delegates(request: HttpRequest) -> HttpResponse:
    form = DelegateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.register_delegate(actor=signed_in_user(request), **form.cleaned_data)
        messages.success(request, _("Delegate registered."))
        return HttpResponseRedirect(reverse("coalition:delegates"))
    query = request.GET.get("q", "")[:200]
    page = Paginator(selectors.staff_delegates(query=query), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "coalition/staff/delegates.html", {"form": form, "page": page, "q": query})


@staff_required(Role.ORGANIZER, Role.CREDENTIALS_OFFICER)
@require_POST
def accredit(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        delegate = Delegate.objects.get(pk=pk)
    except Delegate.DoesNotExist as error:
        raise Http404 from error
    services.accredit_delegate(delegate=delegate, actor=signed_in_user(request))
    messages.success(request, _("%(name)s is accredited.") % {"name": delegate.display_name})
    return HttpResponseRedirect(reverse("coalition:delegates"))


@staff_required(Role.CREDENTIALS_OFFICER)
@require_POST
def reveal_identity(request: HttpRequest, pk: int) -> HttpResponse:
    """Show one delegate's real identity to a credentials officer; the read is audited."""
    try:
        delegate = Delegate.objects.get(pk=pk)
    except Delegate.DoesNotExist as error:
        raise Http404 from error
    identity = services.reveal_identity(delegate=delegate, officer=signed_in_user(request))
    return render(request, "coalition/staff/identity.html", {"delegate": delegate, "identity": identity})
