"""Pages of the relay: thin wrappers around services and selectors."""

from __future__ import annotations

import logging
import secrets
from typing import cast

from django.conf import settings
from django.contrib import messages as flash
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from solidarity.core import pagecache
from solidarity.core.access import staff_required
from solidarity.core.models import User
from solidarity.core.roles import Role
from solidarity.core.security import is_address_limited
from solidarity.relay import classifier, pow, selectors, services
from solidarity.relay.channels import bundle, feeds
from solidarity.relay.channels.pages import LANGUAGE_NAMES
from solidarity.relay.conf import (
    contact_public_key,
    relay_settings,
    signing_fingerprint,
    signing_openpgp_fingerprint,
)
from solidarity.relay.forms import (
    DECISION_LABELS,
    REASON_LABELS,
    SCREENING_LABELS,
    DecisionForm,
    MessageForm,
    ReferenceForm,
    SignedFileForm,
    TranslationForm,
    TransmissionForm,
)
from solidarity.relay.models import Message, Transmission
from solidarity.relay.screening import Reason
from solidarity.relay.translation import NoMachineTranslationError

log = logging.getLogger(__name__)
PAGE_SIZE = 30


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # staff_required lets only signed-in people through
        raise Http404
    return user


# --- public ----------------------------------------------------------------------------------


@pagecache.public_page("relay")
def wall(request: HttpRequest) -> HttpResponse:
    filters = selectors.WallFilters(
        language=request.GET.get("language", "")[:12], country=request.GET.get("country", "")[:2].upper()
    )
    page = Paginator(selectors.wall(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "relay/wall.html",
        {
            "page": page,
            "filters": filters,
            "counts": selectors.wall_counts(),
            "language_names": LANGUAGE_NAMES,
            "feed_languages": selectors.feed_languages(),
            "key_words": services.signing_key_words(),
        },
    )


def _limited(request: HttpRequest) -> HttpResponse:
    # A short page, not the whole form again: in a flood almost every answer is this one, so it
    # must cost little. The person's text comes back to copy.
    return render(
        request,
        "relay/limited.html",
        {
            "error": _("Too many messages from here in the last hour. Nothing was saved; please try again later."),
            "text": request.POST.get("text", "")[:1000],
        },
        status=429,
    )


_blank_fields: dict[tuple[str, bool], str] = {}


def blank_fields(*, contact_enabled: bool) -> str:
    """Return the rendered fields of a blank message form, rendered once per language and process.

    Everyone who opens the form gets the same fields (the CSRF and wait tokens are outside them),
    and rendering them, a country list included, was most of the cost of the form's page: an
    intake of many messages a second is a GET of the form for each (issue 12).
    """
    key = (translation.get_language() or settings.LANGUAGE_CODE, contact_enabled)
    rendered = _blank_fields.get(key)
    if rendered is None:
        # A template's output is already a SafeString (escaped as it rendered): kept as it is.
        rendered = render_to_string("relay/_send_fields.html", {"form": MessageForm(contact_enabled=contact_enabled)})
        if not settings.DEBUG:  # a developer editing the template sees each change
            _blank_fields[key] = rendered
    return rendered


# A blank form's page differs from one visitor to the next only by its two tokens: it is rendered
# once per language, way in and wait (with a random slot for each token) and filled in per visitor.
_CSRF_SLOT = f"csrf-slot-{secrets.token_hex(16)}"
_WAIT_SLOT = f"wait-slot-{secrets.token_hex(16)}"
_form_pages: dict[tuple[str, str, bool, bool, int], str] = {}


def _is_first_visit(request: HttpRequest) -> bool:
    """Tell whether this GET is a visitor's with nothing of their own on the page (no query, session,
    flash message or sign-in), so that the shared page fits them."""
    if request.GET or any(name in request.COOKIES for name in pagecache.PERSONAL_COOKIES):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _blank_form_page(request: HttpRequest, *, contact_enabled: bool) -> HttpResponse:
    """Answer a visitor's GET of the form from the page kept for their language (issue 12).

    The intake of many messages a second is a GET of this page for each, and its rendering (the
    page around the fields: menus, links in the other language) was most of that GET's cost.
    """
    wait = pow.wait_seconds()
    key = (
        translation.get_language() or settings.LANGUAGE_CODE,
        request.path,  # this view's own address in one of the languages: a few values
        bool(getattr(request, "is_staff_host", False)),
        contact_enabled,
        wait,
    )
    shell = _form_pages.get(key)
    if shell is None:
        shell = render_to_string(
            "relay/send.html",
            {
                "blank_fields": blank_fields(contact_enabled=contact_enabled),
                "csrf_token": _CSRF_SLOT,
                "wait_token": _WAIT_SLOT,
                "wait_seconds": wait,
                "contact_enabled": contact_enabled,
            },
            request=request,
        )
        if not settings.DEBUG:  # a developer editing the template sees each change
            _form_pages[key] = shell
    # get_token() also has CsrfViewMiddleware set this visitor's cookie, as {% csrf_token %} would.
    page = shell.replace(_CSRF_SLOT, escape(get_token(request))).replace(_WAIT_SLOT, escape(pow.issue_wait_token()))
    return HttpResponse(page)


@never_cache
@require_http_methods(["GET", "POST"])
def send(request: HttpRequest) -> HttpResponse:
    contact_enabled = contact_public_key() is not None
    if request.method != "POST":
        if _is_first_visit(request):
            return _blank_form_page(request, contact_enabled=contact_enabled)
        return render(
            request,
            "relay/send.html",
            {
                "blank_fields": blank_fields(contact_enabled=contact_enabled),
                "wait_token": pow.issue_wait_token(),
                "wait_seconds": pow.wait_seconds(),
                "contact_enabled": contact_enabled,
            },
        )
    # The order is the defence (finding 4 of issue 12): a valid form, then the proof, and only
    # then any count or limit, so an empty or forged post spends nobody's budget.
    form = MessageForm(request.POST, contact_enabled=contact_enabled)
    error = ""
    used_js = bool(request.POST.get("altcha"))
    if form.is_valid() and not form.cleaned_data.get("website"):
        proven = (
            pow.verify_altcha(form.cleaned_data["altcha"])
            if used_js
            else pow.verify_wait_token(form.cleaned_data["wait_token"])
        )
        if proven:
            # The circuit breaker counts every proven attempt, refused by an address limit or not:
            # it measures load, not success. Off the onion, addresses still help.
            pow.count_submission()
            config = relay_settings()
            limit = config.submissions_per_hour if used_js else config.nojs_submissions_per_hour
            if is_address_limited(request, "relay-send", limit=limit, window_seconds=3600):
                return _limited(request)
            queue_only = pow.spend_lane("js" if used_js else "nojs")
            message = services.submit_message(submission=form.submission(), queue_screening=not queue_only)
            # Only now, with the row committed, do we acknowledge.
            return HttpResponseRedirect(reverse("relay:thanks") + f"?ref={message.public_id}")
        error = _(
            "Please wait a few seconds more and send again: this is how we keep floods out without tracking anyone."
        )
    elif form.is_valid():
        error = _("Your message could not be accepted.")
    return render(
        request,
        "relay/send.html",
        {
            "form": form,
            "error": error,
            "wait_token": pow.issue_wait_token(),
            "wait_seconds": pow.wait_seconds(),
            "contact_enabled": contact_enabled,
        },
        status=400,
    )


def thanks(request: HttpRequest) -> HttpResponse:
    reference = request.GET.get("ref", "")[:12]
    return render(request, "relay/thanks.html", {"reference": reference if reference.isalnum() else ""})


def verify_help(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "relay/verify.html",
        {
            "fingerprint": signing_fingerprint(),
            "openpgp_fingerprint": signing_openpgp_fingerprint(),
            "key_words": services.signing_key_words(),
            "released": selectors.released()[:20],
        },
    )


# --- neutral (no language prefix) ------------------------------------------------------------


@never_cache
@require_GET
def pow_challenge(request: HttpRequest) -> JsonResponse:
    return JsonResponse(pow.issue_challenge())


@pagecache.public_page("relay")
@require_GET
def feed(request: HttpRequest, language: str, fmt: str) -> HttpResponse:
    if not language or not selectors.has_feed(language):
        raise Http404
    items = selectors.feed_messages(language)
    feed_id = f"urn:solidarity:relay:live:{language}"
    title = "پیام‌های همبستگی" if language == "fa" else "Messages of solidarity"
    key_words = services.signing_key_words()
    if fmt == "atom":
        updated = items[0].published_at if items else timezone.now()
        body = feeds.atom(items, language=language, title=title, feed_id=feed_id, updated=updated, key_words=key_words)
        return HttpResponse(body, content_type="application/atom+xml; charset=utf-8")
    return HttpResponse(
        feeds.json_feed(items, language=language, title=title, feed_id=feed_id, key_words=key_words),
        content_type="application/feed+json; charset=utf-8",
    )


@require_GET
def download(request: HttpRequest, pk: int) -> FileResponse:
    transmission = selectors.released().filter(pk=pk).first()
    if transmission is None:
        raise Http404
    path = services.signed_path(transmission)
    if not path.is_file():
        raise Http404
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=transmission.signed_file_name, content_type="application/zip"
    )


# --- staff: moderation -----------------------------------------------------------------------


@staff_required(Role.MODERATOR)
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    get = request.GET
    filters = selectors.QueueFilters(
        status=get.get("status", "open")[:12],
        reason=get.get("reason", "")[:20],
        language=get.get("language", "")[:12],
        clusters_only=get.get("clusters") == "1",
    )
    page = Paginator(selectors.moderation_queue(filters), 50).get_page(get.get("page"))
    return render(
        request,
        "relay/staff/queue.html",
        {
            "page": page,
            "filters": filters,
            "counts": selectors.queue_counts(),
            "statuses": Message.Status.choices,
            "screening_reasons": [reason.value for reason in Reason],
            "reason_labels": REASON_LABELS,
            "screening_labels": SCREENING_LABELS,
            "decision_labels": DECISION_LABELS,
            "reasons_by_decision": services.REASONS,
            "advertising_threshold": classifier.THRESHOLD,
        },
    )


@staff_required(Role.MODERATOR)
@require_POST
def decide(request: HttpRequest) -> HttpResponse:
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        changed = services.decide_messages(
            message_ids=data["ids"],
            moderator=_user(request),
            decision=data["decision"],
            reason=data["reason"],
            whole_clusters=data["whole_clusters"],
        )
        flash.success(request, _("%(count)d messages updated.") % {"count": changed})
    else:
        flash.error(request, _("Choose messages, a decision and a reason that fits it."))
    back = request.POST.get("back", "")
    return HttpResponseRedirect(reverse("relay:queue") + (back if back.startswith("?") else ""))


# --- staff: translation ----------------------------------------------------------------------


@staff_required(Role.TRANSLATOR, Role.MODERATOR)
@require_GET
def translations(request: HttpRequest) -> HttpResponse:
    target = "en" if request.GET.get("to") == "en" else "fa"
    page = Paginator(selectors.translation_queue(target), 30).get_page(request.GET.get("page"))
    return render(request, "relay/staff/translations.html", {"page": page, "target": target})


@staff_required(Role.TRANSLATOR, Role.MODERATOR)
@require_http_methods(["GET", "POST"])
def translate(request: HttpRequest, public_id: str) -> HttpResponse:
    message = get_object_or_404(Message, public_id=public_id, status=Message.Status.APPROVED)
    target = "en" if request.GET.get("to") == "en" else "fa"
    existing = message.translations.filter(language=target).first()
    form = TranslationForm(
        request.POST or None, initial={"text": existing.text if existing and not existing.is_machine else ""}
    )
    if request.method == "POST":
        if request.POST.get("machine"):
            try:
                services.machine_translate(message=message, language=target, actor=_user(request))
                flash.success(request, _("Machine translation saved, labelled as such. Please check it."))
            except NoMachineTranslationError:
                flash.error(request, _("No machine translation is available here. Please translate by hand."))
            return HttpResponseRedirect(request.get_full_path())
        if form.is_valid():
            try:
                services.translate_message(
                    message=message, language=target, text=form.cleaned_data["text"], translator=_user(request)
                )
            except services.RelayError as error:
                flash.error(request, str(error))
            else:
                flash.success(request, _("Translation saved."))
                return HttpResponseRedirect(reverse("relay:translations") + f"?to={target}")
    return render(
        request,
        "relay/staff/translate.html",
        {
            "message": message,
            "form": form,
            "target": target,
            "existing": existing,
            "machine_available": bool(relay_settings().mt_backend),
        },
    )


# --- staff: transmissions --------------------------------------------------------------------


@staff_required(Role.MODERATOR)
@require_http_methods(["GET", "POST"])
def transmissions(request: HttpRequest) -> HttpResponse:
    form = TransmissionForm(
        request.POST or None, initial={"day": timezone.localdate(), "kind": Transmission.Kind.BUNDLE}
    )
    if request.method == "POST" and form.is_valid():
        transmission = services.create_transmission(
            kind=form.cleaned_data["kind"], day=form.cleaned_data["day"], moderator=_user(request)
        )
        return HttpResponseRedirect(reverse("relay:transmission", args=[transmission.pk]))
    return render(
        request,
        "relay/staff/transmissions.html",
        {"form": form, "transmissions": selectors.transmissions()[:50], "fingerprint": signing_fingerprint()},
    )


@staff_required(Role.MODERATOR)
@require_GET
def transmission(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(selectors.transmissions(), pk=pk)
    approvers = [approval.moderator for approval in found.approvals.all()]
    return render(
        request,
        "relay/staff/transmission.html",
        {
            "transmission": found,
            "approvers": approvers,
            "can_approve": found.status == Transmission.Status.BUILT and _user(request) not in approvers,
            "upload_form": SignedFileForm(),
            "fingerprint": signing_fingerprint(),
            "message_count": found.messages.count(),
            "preview": selectors.release_preview(found),
        },
    )


PREVIEW_TYPES = {"pdf": "application/pdf", "ogg": "audio/ogg"}


@staff_required(Role.MODERATOR)
@require_GET
def transmission_bulletin(request: HttpRequest, pk: int, language: str, kind: str) -> HttpResponse:
    """Serve one bulletin (PDF or audio) out of a built transmission, for the moderators who approve it."""
    found = get_object_or_404(Transmission, pk=pk)
    files = selectors.built_file(found)
    data = (files or {}).get(f"bulletin/{language}.{kind}")
    if kind not in PREVIEW_TYPES or data is None:
        raise Http404
    response = HttpResponse(data, content_type=PREVIEW_TYPES[kind])
    disposition = "attachment" if kind == "pdf" else "inline"  # the PDF opens in the reader's own viewer
    response["Content-Disposition"] = f'{disposition}; filename="{found.kind}-{found.pk}-{language}.{kind}"'
    return response


@staff_required(Role.MODERATOR)
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Transmission, pk=pk)
    try:
        services.approve_transmission(transmission=found, moderator=_user(request))
        flash.success(request, _("Your approval is recorded."))
    except services.RelayError as error:
        flash.error(request, str(error))
    return HttpResponseRedirect(reverse("relay:transmission", args=[pk]))


@staff_required(Role.MODERATOR)
@require_GET
def unsigned(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(
        Transmission, pk=pk, status__in=[Transmission.Status.APPROVED, Transmission.Status.RELEASED]
    )
    path = services.unsigned_path(found)
    if not found.file_name or not path.is_file():
        raise Http404
    response = FileResponse(
        path.open("rb"), as_attachment=True, filename=found.file_name, content_type="application/zip"
    )
    return cast(HttpResponse, response)  # a streaming response; staff_required's type wants HttpResponse


@staff_required(Role.MODERATOR)
@require_POST
def upload_signed(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Transmission, pk=pk)
    form = SignedFileForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["signed"]
        if upload.size > 200 * 1024 * 1024:
            flash.error(request, _("That file is too large."))
        else:
            try:
                services.attach_signature(transmission=found, signed_data=upload.read(), actor=_user(request))
                flash.success(request, _("Signature verified. Released and queued for delivery."))
            except (services.RelayError, bundle.BundleError) as error:
                flash.error(request, str(error))
    return HttpResponseRedirect(reverse("relay:transmission", args=[pk]))


@never_cache
@require_http_methods(["GET", "POST"])
def sender_status(request: HttpRequest) -> HttpResponse:
    """A sender checks their message with the reference alone, by POST (it stays out of history and logs)."""
    form = ReferenceForm(request.POST or None)
    found: selectors.SenderStatus | None = None
    looked = False
    if request.method == "POST" and form.is_valid():
        looked = True
        reference = "".join(form.cleaned_data["reference"].split()).lower()
        found = selectors.sender_status(reference) if reference.isalnum() else None
    return render(request, "relay/status.html", {"form": form, "found": found, "looked": looked})
