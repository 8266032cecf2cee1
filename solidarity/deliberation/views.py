"""Pages of the common-ground app: thin wrappers around services and selectors."""

from __future__ import annotations

import secrets
import time

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from solidarity.assemblies.delegate_session import access_delegate
from solidarity.core.access import staff_required
from solidarity.core.models import User
from solidarity.core.roles import Role
from solidarity.core.security import is_rate_limited
from solidarity.deliberation import polis_io, selectors, services
from solidarity.deliberation.forms import (
    CharterForm,
    CharterItemForm,
    ConversationForm,
    ImportForm,
    ModerationForm,
    StatementForm,
    TranslationForm,
    VoteForm,
)
from solidarity.deliberation.models import Charter, CharterItem, Conversation, Participant, Statement
from solidarity.deliberation.report import opinion_map_svg
from solidarity.relay import pow as relay_pow

COOKIE = "solidarity_participant"
COOKIE_SALT = "solidarity.deliberation.participant"
COOKIE_AGE = 7 * 24 * 60 * 60  # a week: a stolen or shared cookie speaks for nobody for long
VOTES_PER_HOUR = 600
STATEMENTS_PER_HOUR = 10
ORGANIZERS = (Role.ORGANIZER,)
MODERATORS = (Role.ORGANIZER, Role.MODERATOR)
READERS = (Role.ORGANIZER, Role.MODERATOR, Role.ANALYST)


def _language() -> str:
    return "fa" if (get_language() or "en").startswith("fa") else "en"


def _access_conversation(pk: int) -> Conversation:
    conversation = Conversation.objects.filter(pk=pk, imported=False).first()
    if conversation is None:
        raise Http404
    return conversation


class ProofNeededError(Exception):
    """A public visitor without a participant cookie sent no valid proof of work."""


class NewcomersFullError(Exception):
    """This conversation admitted its hour's budget of new anonymous participants."""


def _participant(
    request: HttpRequest, conversation: Conversation, *, create: bool, proven: bool = False
) -> tuple[Participant | None, str]:
    """Return the participant of this request (or None) and a new anonymous token to set, if any.

    A new anonymous token is minted only when `proven` (the relay's wait token was checked for this
    request) and while the conversation's hourly budget of newcomers lasts; otherwise
    ProofNeededError or NewcomersFullError.
    """
    kind = conversation.participation
    user = request.user if isinstance(request.user, User) and request.user.is_authenticated else None
    if kind == Conversation.Participation.DELEGATES:
        # A delegate session, or an account linked to a delegate with a verified second factor;
        # a password-only session no longer speaks for a delegate.
        delegate = access_delegate(request)
        if delegate is None:
            return None, ""
        return (
            services.join(conversation=conversation, delegate=delegate)
            if create
            else Participant.objects.filter(conversation=conversation, delegate=delegate).first()
        ), ""
    if kind == Conversation.Participation.ACCOUNTS:
        if user is None:
            return None, ""
        return (
            services.join(conversation=conversation, user=user) if create else _existing(conversation, user=user)
        ), ""
    if user is not None:
        return (
            services.join(conversation=conversation, user=user) if create else _existing(conversation, user=user)
        ), ""
    token = request.get_signed_cookie(COOKIE, default="", salt=COOKIE_SALT, max_age=COOKIE_AGE)
    existing = _existing(conversation, token=token) if token else None
    if existing is not None or not create:
        return existing, ""
    # A newcomer (no cookie, or one this conversation does not know): mint only with the proof.
    if not proven:
        raise ProofNeededError
    if not _admit_newcomer(conversation):
        raise NewcomersFullError
    relay_pow.count_submission()  # newcomers feed the relay's circuit breaker: under a flood the wait doubles
    token = new_token = secrets.token_urlsafe(24)
    return services.join(conversation=conversation, anonymous_token=token), new_token


def _admit_newcomer(conversation: Conversation) -> bool:
    """Count one new anonymous participant in this conversation's hour; False past the budget.

    One budget for everybody, not per address: on Tor every visitor shares an address. Past it,
    people already taking part go on voting; only new ones are asked to come back later.
    """
    budget = settings.DELIBERATION_NEW_PARTICIPANTS_PER_HOUR
    key = f"deliberation:newcomers:{conversation.pk}:{int(time.time() // 3600)}"
    if cache.add(key, 1, timeout=2 * 3600):
        return budget >= 1
    try:
        return int(cache.incr(key)) <= budget
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=2 * 3600)
        return budget >= 1


def _newcomer_refusal(request: HttpRequest, conversation: Conversation, error: Exception) -> HttpResponse:
    target = reverse("deliberation:conversation", args=[conversation.pk])
    if isinstance(error, NewcomersFullError):
        return render(request, "deliberation/newcomers_full.html", {"conversation": conversation}, status=429)
    messages.error(request, _("Please read for a moment before your first vote, then vote again."))
    return HttpResponseRedirect(target)


def _existing(conversation: Conversation, *, user: User | None = None, token: str = "") -> Participant | None:
    if user is not None:
        return Participant.objects.filter(conversation=conversation, user=user).first()
    return Participant.objects.filter(
        conversation=conversation, anonymous_key=services.hash_anonymous_token(token)
    ).first()


def _with_cookie(response: HttpResponse, token: str) -> HttpResponse:
    """Set the participant cookie: signed, HTTP-only, same-site only, a week; `Secure` as the session cookie.

    `Secure` follows SESSION_COOKIE_SECURE (on where the site is served over https);
    TransportSecurityMiddleware drops it on the onion, which is plain http.
    """
    if token:
        response.set_signed_cookie(
            COOKIE,
            token,
            salt=COOKIE_SALT,
            max_age=COOKIE_AGE,
            httponly=True,
            samesite="Strict",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


def conversation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "deliberation/list.html",
        {"conversations": selectors.open_conversations(), "charters": selectors.public_charters()},
    )


def charter_list(request: HttpRequest) -> HttpResponse:
    return render(request, "deliberation/charters.html", {"charters": selectors.public_charters()})


def charter_public(request: HttpRequest, pk: int) -> HttpResponse:
    """A charter put to the vote, in the page's language with the other wording beside, and its support."""
    found = selectors.public_charter(pk)
    if found is None or not found.is_frozen:
        raise Http404
    return render(
        request,
        "deliberation/charter.html",
        {"charter": found, "items": selectors.charter_items_for_reading(found, _language())},
    )


def conversation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = _access_conversation(pk)
    participant, _token = _participant(request, conversation, create=False)
    can_take_part = conversation.participation == Conversation.Participation.PUBLIC or participant is not None
    if not can_take_part:
        can_take_part = _participant_allowed(request, conversation)
    statement = None
    voted, total = 0, selectors.visible_statements(conversation).count()
    if participant is not None:
        statement = selectors.next_statement(participant)
        voted, total = selectors.progress(participant)
    elif can_take_part:
        statement = selectors.first_statement(conversation)
    language = _language()
    shown = statement.text_in(language) if statement is not None else ("", False)
    context = {
        "conversation": conversation,
        "statement": statement,
        "statement_text": shown[0],
        "is_translation": shown[1],
        "can_take_part": can_take_part,
        "voted": voted,
        "total": total,
        "statement_form": StatementForm(initial={"language": language}),
        "wait_token": relay_pow.issue_wait_token() if _needs_proof_of_work(request, conversation) else "",
        "is_newcomer": participant is None and _needs_proof_of_work(request, conversation),
    }
    return render(request, "deliberation/conversation.html", context)


def _needs_proof_of_work(request: HttpRequest, conversation: Conversation) -> bool:
    """Anonymous statements go through the relay's no-JavaScript proof of work (a signed wait token)."""
    return conversation.participation == Conversation.Participation.PUBLIC and not request.user.is_authenticated


def _participant_allowed(request: HttpRequest, conversation: Conversation) -> bool:
    user = request.user if request.user.is_authenticated else None
    if conversation.participation == Conversation.Participation.ACCOUNTS:
        return user is not None
    return access_delegate(request) is not None


@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = _access_conversation(pk)
    target = reverse("deliberation:conversation", args=[pk])
    if is_rate_limited(request, "deliberation-vote", limit=VOTES_PER_HOUR, window_seconds=3600):
        return render(request, "deliberation/slow_down.html", {"conversation": conversation}, status=429)
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That vote could not be read."))
        return HttpResponseRedirect(target)
    proven = False
    if _needs_proof_of_work(request, conversation) and _participant(request, conversation, create=False)[0] is None:
        proven = relay_pow.verify_wait_token(request.POST.get("wait_token", ""))
    try:
        participant, token = _participant(request, conversation, create=True, proven=proven)
    except (ProofNeededError, NewcomersFullError) as error:
        return _newcomer_refusal(request, conversation, error)
    if participant is None:
        raise Http404
    statement = Statement.objects.filter(conversation=conversation, number=form.cleaned_data["statement"]).first()
    if statement is None:
        raise Http404
    try:
        services.cast_vote(participant=participant, statement=statement, value=form.cleaned_data["value"])
    except services.DeliberationError:
        messages.error(request, _("This statement no longer takes votes."))
    return _with_cookie(HttpResponseRedirect(target), token)


@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = _access_conversation(pk)
    target = reverse("deliberation:conversation", args=[pk])
    if is_rate_limited(request, "deliberation-statement", limit=STATEMENTS_PER_HOUR, window_seconds=3600):
        return render(request, "deliberation/slow_down.html", {"conversation": conversation}, status=429)
    form = StatementForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please write a statement of at most 400 characters."))
        return HttpResponseRedirect(target)
    if _needs_proof_of_work(request, conversation) and not relay_pow.verify_wait_token(
        request.POST.get("wait_token", "")
    ):
        messages.error(request, _("Please take a moment to write your statement, then send it again."))
        return HttpResponseRedirect(target)
    try:  # the wait token was checked above: it proves this newcomer too
        participant, token = _participant(request, conversation, create=True, proven=True)
    except (ProofNeededError, NewcomersFullError) as error:
        return _newcomer_refusal(request, conversation, error)
    if participant is None:
        raise Http404
    try:
        statement = services.submit_statement(
            participant=participant, text=form.cleaned_data["text"], language=form.cleaned_data["language"]
        )
    except services.DeliberationError:
        messages.error(request, _("Your statement could not be added."))
    else:
        if _needs_proof_of_work(request, conversation):
            relay_pow.count_submission()  # anonymous statements feed the relay's circuit breaker (SR-14)
        if statement.status == Statement.Status.PENDING and conversation.moderation == Conversation.Moderation.STRICT:
            messages.success(request, _("Thank you. Your statement will show once a moderator accepts it."))
        else:
            messages.success(request, _("Thank you. Your statement was added."))
    return _with_cookie(HttpResponseRedirect(target), token)


def report(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = _access_conversation(pk)
    return _render_report(request, conversation, "deliberation/report.html")


def _render_report(request: HttpRequest, conversation: Conversation, template: str) -> HttpResponse:
    view = selectors.report(conversation, _language())
    svg = ""
    if view is not None:
        # The SVG holds numbers and a translated label only, escaped in opinion_map_svg.
        svg = mark_safe(opinion_map_svg(view.points, label=_("Opinion map: each dot is a participant")))  # noqa: S308  # nosec B308 B703
    return render(request, template, {"conversation": conversation, "report": view, "svg": svg})


# ---------------------------------------------------------------------------------------------
# Staff


@staff_required(*READERS)
@require_http_methods(["GET", "POST"])
def staff_list(request: HttpRequest) -> HttpResponse:
    form = ConversationForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("deliberation.add_conversation") and not _is_organizer(request):
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            seeds = [
                services.SeedStatement(line.strip(), "en") for line in data["seeds_en"].splitlines() if line.strip()
            ]
            seeds += [
                services.SeedStatement(line.strip(), "fa") for line in data["seeds_fa"].splitlines() if line.strip()
            ]
            conversation = services.open_conversation(
                organizer=_staff_user(request),
                topic_en=data["topic_en"],
                topic_fa=data["topic_fa"],
                question_en=data["question_en"],
                question_fa=data["question_fa"],
                participation=data["participation"],
                moderation=data["moderation"],
                seed_statements=seeds,
            )
            messages.success(request, _("Conversation opened."))
            return HttpResponseRedirect(reverse("deliberation:moderate", args=[conversation.pk]))
    context = {
        "conversations": selectors.all_conversations(),
        "form": form,
        "import_form": ImportForm(),
        "charters": Charter.objects.all(),
        "is_organizer": _is_organizer(request),
    }
    return render(request, "deliberation/staff/list.html", context)


def _staff_user(request: HttpRequest) -> User:
    """Return the signed-in staff member (views behind staff_required only)."""
    if not isinstance(request.user, User):
        raise Http404
    return request.user


def _is_organizer(request: HttpRequest) -> bool:
    from solidarity.core.roles import has_role

    return bool(request.user.is_superuser or has_role(request.user, Role.ORGANIZER))


@staff_required(*MODERATORS)
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    context = {
        "conversation": conversation,
        "pending": selectors.pending_statements(conversation),
        "statements": conversation.statements.exclude(status=Statement.Status.PENDING).order_by("number"),
        "translation_form": TranslationForm(),
    }
    return render(request, "deliberation/staff/moderate.html", context)


@staff_required(*MODERATORS)
@require_POST
def decide(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    statement = get_object_or_404(Statement, conversation_id=pk, number=number)
    form = ModerationForm(request.POST)
    if form.is_valid():
        try:
            services.moderate_statement(
                statement=statement, moderator=_staff_user(request), decision=form.cleaned_data["decision"]
            )
        except services.DeliberationError:
            messages.error(request, _("That decision does not apply to this statement."))
    return HttpResponseRedirect(reverse("deliberation:moderate", args=[pk]))


@staff_required(*ORGANIZERS)
@require_POST
def open_or_close(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    services.set_conversation_open(
        conversation=conversation, organizer=_staff_user(request), is_open=request.POST.get("open") == "1"
    )
    return HttpResponseRedirect(reverse("deliberation:moderate", args=[pk]))


@staff_required(*MODERATORS)
@require_POST
def translate(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    statement = get_object_or_404(Statement, conversation_id=pk, number=number)
    form = TranslationForm(request.POST)
    if form.is_valid():
        services.set_translation(
            statement=statement,
            translator=_staff_user(request),
            translation=form.cleaned_data["translation"],
            language=form.cleaned_data["language"],
        )
    return HttpResponseRedirect(reverse("deliberation:moderate", args=[pk]))


@staff_required(*READERS)
def staff_report(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    return _render_report(request, conversation, "deliberation/staff/report.html")


@staff_required(*MODERATORS)
@require_POST
def recompute(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    services.request_recompute(conversation=conversation)
    messages.success(request, _("The results will be recomputed shortly."))
    return HttpResponseRedirect(reverse("deliberation:staff-report", args=[pk]))


@staff_required(*ORGANIZERS)
@require_POST
def import_export(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose participants-votes.csv and comments.csv (each under 64 MiB)."))
        return HttpResponseRedirect(reverse("deliberation:staff-list"))
    try:
        texts = {
            name: form.cleaned_data[name].read().decode("utf-8") if form.cleaned_data.get(name) else None
            for name in ("participants_votes", "comments", "summary")
        }
        export = polis_io.parse_export(
            participants_votes=texts["participants_votes"] or "",
            comments=texts["comments"] or "",
            summary=texts["summary"],
        )
    except UnicodeDecodeError:
        messages.error(request, _("Import refused: the files must be UTF-8 text."))
        return HttpResponseRedirect(reverse("deliberation:staff-list"))
    except polis_io.PolisFormatError as error:
        messages.error(request, _("Import refused, nothing was imported: %(reason)s") % {"reason": str(error)})
        return HttpResponseRedirect(reverse("deliberation:staff-list"))
    conversation = services.import_polis(
        export=export, organizer=_staff_user(request), topic_en=form.cleaned_data["topic"]
    )
    messages.success(request, _("Imported."))
    return HttpResponseRedirect(reverse("deliberation:staff-report", args=[conversation.pk]))


@staff_required(*READERS)
def export_file(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    files = polis_io.export_files(selectors.polis_export(conversation))
    filename = f"{name}.csv"
    if filename not in files:
        raise Http404
    response = HttpResponse(files[filename], content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="conversation-{conversation.pk}-{filename}"'
    return response


@staff_required(*ORGANIZERS)
@require_http_methods(["GET", "POST"])
def charter_new(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_object_or_404(Conversation, pk=pk)
    form = CharterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        charter = services.create_charter(
            organizer=_staff_user(request),
            title_en=form.cleaned_data["title_en"],
            title_fa=form.cleaned_data["title_fa"],
            conversation=conversation,
        )
        return HttpResponseRedirect(reverse("deliberation:charter", args=[charter.pk]))
    return render(request, "deliberation/staff/charter_new.html", {"conversation": conversation, "form": form})


@staff_required(*ORGANIZERS)
def charter(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Charter.objects.select_related("conversation"), pk=pk)
    view = selectors.report(item.conversation, _language()) if item.conversation else None
    in_charter = set(item.items.exclude(statement=None).values_list("statement_id", flat=True))
    return render(
        request,
        "deliberation/staff/charter.html",
        {"charter": item, "items": item.items.all(), "report": view, "in_charter": in_charter},
    )


@staff_required(*ORGANIZERS)
@require_POST
def charter_add(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    item = get_object_or_404(Charter, pk=pk)
    statement = get_object_or_404(Statement, conversation_id=item.conversation_id, number=number)
    try:
        services.add_to_charter(charter=item, statement=statement, organizer=_staff_user(request))
    except services.CharterFrozenError as error:
        messages.error(request, _frozen_reason(error.charter))
    except services.DeliberationError:
        messages.error(request, _("This statement cannot enter the charter."))
    return HttpResponseRedirect(reverse("deliberation:charter", args=[pk]))


@staff_required(*ORGANIZERS)
@require_POST
def charter_item(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = get_object_or_404(CharterItem, charter_id=pk, pk=item_pk)
    try:
        if request.POST.get("action") == "remove":
            services.remove_from_charter(item=item, organizer=_staff_user(request))
        else:
            form = CharterItemForm(request.POST)
            if form.is_valid():
                services.edit_charter_item(
                    item=item,
                    organizer=_staff_user(request),
                    text_en=form.cleaned_data["text_en"],
                    text_fa=form.cleaned_data["text_fa"],
                )
    except services.CharterFrozenError as error:
        messages.error(request, _frozen_reason(error.charter))
    except services.DeliberationError:
        messages.error(request, _("This wording cannot be saved: a statement needs some text, at most 400 characters."))
    return HttpResponseRedirect(reverse("deliberation:charter", args=[pk]))


def _frozen_reason(charter: Charter) -> str:
    """Say, in the reader's language, why a frozen charter refuses an edit."""
    return _(
        "This charter is frozen: the motion “%(motion)s” put its text to the vote, so it can no longer "
        "change. Start a new charter for a new wording."
    ) % {"motion": charter.motion_slug}
