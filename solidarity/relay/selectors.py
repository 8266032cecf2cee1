"""Relay reads: the wall, the queues, the outgoing view of messages, transmissions."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from solidarity.relay import extras
from solidarity.relay.channels import OutgoingMessage, OutgoingTranslation
from solidarity.relay.models import Delivery, Message, Translation, Transmission

OUTGOING_LIMIT = 20_000
# What a sender wrote, as sent: never read where text leaves the server, which reads the inert
# forms kept at publication. Deferred, so a template or renderer that reached for one would cost
# a query per row and fail the query-count tests rather than publish un-cleaned text.
AS_SENT = ("text", "display_name", "city", "sealed_contact", "signature", "screening_reasons")


def _published() -> QuerySet[Message]:
    return (
        Message.objects.filter(status=Message.Status.APPROVED, is_published=True)
        .defer(*AS_SENT)
        .select_related("cluster")
        .prefetch_related(Prefetch("translations", queryset=Translation.objects.defer("text")))
    )


def approved_for_transmission() -> QuerySet[Message]:
    """Published messages (one per cluster), with what rendering needs, oldest first."""
    return _published().order_by("published_at", "id")


def outgoing_messages(messages: QuerySet[Message], limit: int = OUTGOING_LIMIT) -> list[OutgoingMessage]:
    """Return messages as they leave the server: the inert forms kept at publication, translations labelled.

    A published message always has them (a database constraint); `or ""` only satisfies the types.
    """
    out = []
    for message in messages[:limit]:
        out.append(
            OutgoingMessage(
                id=message.public_id,
                language=message.language or "und",
                text=message.inert_text or "",
                display_name=message.inert_display_name or "",
                country=message.country,
                city=message.inert_city or "",
                published_at=message.published_at or message.created_at,
                senders=message.cluster.size if message.cluster is not None else 1,
                translations=tuple(
                    OutgoingTranslation(t.language, t.inert_text or "", t.is_machine)
                    for t in message.translations.all()
                ),
            )
        )
    return out


FEED_BASE_LANGUAGES = ("fa", "en")  # always served: the languages every message is translated into


def feed_languages() -> list[str]:
    """Languages with a feed: Persian and English, then every language a published message is in."""
    published = (
        Message.objects.filter(status=Message.Status.APPROVED, is_published=True)
        .exclude(language__in=("", *FEED_BASE_LANGUAGES))
        .order_by()  # no default ordering in the SELECT DISTINCT: one row per language
        .values_list("language", flat=True)
        .distinct()
    )
    return [*FEED_BASE_LANGUAGES, *sorted(published)]


def has_feed(language: str) -> bool:
    """Tell whether `language` has a feed (one of feed_languages()), with one cheap query at most."""
    if language in FEED_BASE_LANGUAGES:
        return True
    return Message.objects.filter(status=Message.Status.APPROVED, is_published=True, language=language).exists()


def feed_messages(language: str, limit: int = 200) -> list[OutgoingMessage]:
    """The newest published messages readable in `language` (originals and translations)."""
    messages = approved_for_transmission().filter(Q(language=language) | Q(translations__language=language)).distinct()
    newest = messages.order_by("-published_at", "-id")
    items = outgoing_messages(newest, limit) + extras.extra_messages(language)
    return sorted(items, key=lambda item: (item.published_at, item.id), reverse=True)[:limit]


@dataclass(frozen=True)
class WallFilters:
    language: str = ""
    country: str = ""


def wall(filters: WallFilters) -> QuerySet[Message]:
    """Published messages, newest first, with their inert forms (the wall shows nothing else)."""
    messages = _published().order_by("-published_at", "-id")
    if filters.language:
        messages = messages.filter(language=filters.language)
    if filters.country:
        messages = messages.filter(country=filters.country)
    return messages


def wall_counts() -> dict[str, list[tuple[str, int]]]:
    """Counts of published messages by language and by country (people, counting clusters)."""
    base = Message.objects.filter(status=Message.Status.APPROVED)
    by_language = [
        (row["language"], row["n"])
        for row in base.values("language").annotate(n=Count("id")).order_by("-n", "language")
    ]
    by_country = [
        (row["country"], row["n"])
        for row in base.exclude(country="").values("country").annotate(n=Count("id")).order_by("-n", "country")
    ]
    return {"language": by_language, "country": by_country}


@dataclass(frozen=True)
class QueueFilters:
    status: str = "open"
    reason: str = ""
    language: str = ""
    clusters_only: bool = False


def moderation_queue(filters: QueueFilters) -> QuerySet[Message]:
    messages = Message.objects.select_related("cluster").order_by("created_at", "id")
    if filters.status == "open":
        messages = messages.filter(status__in=[Message.Status.SCREENED, Message.Status.HELD])
    elif filters.status:
        messages = messages.filter(status=filters.status)
    if filters.reason:
        messages = (
            messages.filter(screening_reasons__contains=[filters.reason])
            if _json_contains()
            else messages.filter(screening_reasons__icontains=f'"{filters.reason}"')
        )
    if filters.language:
        messages = messages.filter(language=filters.language)
    if filters.clusters_only:
        messages = messages.filter(cluster__size__gt=1)
    return messages


def _json_contains() -> bool:
    from django.db import connection

    return bool(connection.features.supports_json_field_contains)


def queue_counts() -> dict[str, int]:
    rows = Message.objects.values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def translation_queue(language: str) -> QuerySet[Message]:
    """Published messages with no translation into `language` yet (a machine one counts as none)."""
    human = Translation.objects.filter(language=language, is_machine=False).values("message_id")
    return (
        Message.objects.filter(status=Message.Status.APPROVED, is_published=True)
        .exclude(language=language)
        .exclude(pk__in=human)
        .select_related("cluster")
        .order_by("-cluster__size", "published_at", "id")
    )


def transmissions() -> QuerySet[Transmission]:
    return (
        Transmission.objects.select_related("created_by")
        .prefetch_related("approvals__moderator", "deliveries")
        .order_by("-created_at", "-id")
    )


def released(kind: str | None = None) -> QuerySet[Transmission]:
    found = Transmission.objects.filter(status=Transmission.Status.RELEASED).order_by("-day", "-id")
    return found.filter(kind=kind) if kind else found


def deliveries() -> QuerySet[Delivery]:
    return Delivery.objects.select_related("transmission").order_by("-created_at", "-id")


@dataclass(frozen=True)
class SenderStatus:
    """What a sender may learn with their reference alone: where their message stands."""

    state: str  # "published", "waiting" or "declined"
    published: OutgoingMessage | None = None  # as it went out (its group's text, when grouped)


WAITING = (Message.Status.RECEIVED, Message.Status.SCREENED, Message.Status.HELD)


def sender_status(reference: str) -> SenderStatus | None:
    """Look a message up by the reference shown after sending; None when there is none (or purged).

    An approved message may have gone out as its group of near-identical messages (one is shown
    for all): the sender then reads that published text, with its translations.
    """
    message = Message.objects.filter(public_id=reference).only("status", "cluster_id", "is_published").first()
    if message is None:
        return None
    if message.status in WAITING:
        return SenderStatus("waiting")
    if message.status == Message.Status.REJECTED:
        return SenderStatus("declined")
    shown = approved_for_transmission().filter(pk=message.pk)
    if not message.is_published and message.cluster_id is not None:
        shown = approved_for_transmission().filter(cluster_id=message.cluster_id)
    items = outgoing_messages(shown, limit=1)
    return SenderStatus("published", items[0] if items else None)
