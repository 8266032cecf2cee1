"""Relay reads: the wall, the queues, the outgoing view of messages, transmissions."""

from __future__ import annotations

import re
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


# --- what a release holds, shown before the second approval ----------------------------------

PREVIEW_FILE = re.compile(r"^bulletin/(?P<language>[a-z]{2,3})\.(?P<kind>pdf|ogg)$")


@dataclass(frozen=True)
class MissingAudio:
    """A language whose bulletin has a PDF but no audio, and why."""

    language: str
    reason: str  # "tools": espeak-ng or an Ogg encoder missing; "voice": no voice for it; "failed"


@dataclass(frozen=True)
class ReleasePreview:
    """What a built transmission holds: its files, bulletins, missing audio and messages."""

    files: list[tuple[str, int]]  # (name, bytes), from the built zip
    pdf_languages: list[str]
    audio_languages: list[str]
    missing_audio: list[MissingAudio]
    messages: list[OutgoingMessage]
    other_items: int  # items in the release that are not relayed messages (extras, e.g. coordination)

    @property
    def bulletins(self) -> list[tuple[str, str, bool]]:
        """Return (language, its name, has audio) for each bulletin PDF."""
        from solidarity.relay.channels.pages import LANGUAGE_NAMES

        return [
            (language, LANGUAGE_NAMES.get(language, language), language in self.audio_languages)
            for language in self.pdf_languages
        ]

    @property
    def missing_audio_named(self) -> list[tuple[str, str]]:
        """Return (language name, reason) for each bulletin without audio."""
        from solidarity.relay.channels.pages import LANGUAGE_NAMES

        return [(LANGUAGE_NAMES.get(m.language, m.language), m.reason) for m in self.missing_audio]


def built_file(transmission: Transmission) -> dict[str, bytes] | None:
    """Return the files of a transmission's built (unsigned) zip, or None when it is not there."""
    from solidarity.relay.channels import bundle
    from solidarity.relay.conf import relay_dir

    if not transmission.file_name:
        return None
    path = relay_dir() / "unsigned" / transmission.file_name
    if not path.is_file():
        return None
    try:
        return bundle.read_files(path.read_bytes())
    except bundle.BundleError:
        return None


def release_preview(transmission: Transmission) -> ReleasePreview | None:
    """Return what a built transmission releases, for the moderators who approve it; None before it is built."""
    import json

    from solidarity.relay.channels import bulletin

    files = built_file(transmission)
    if files is None:
        return None
    found: dict[str, set[str]] = {"pdf": set(), "ogg": set()}
    for name in files:
        match = PREVIEW_FILE.match(name)
        if match:
            found[match["kind"]].add(match["language"])
    tools = bulletin.audio_tools()
    missing = [
        MissingAudio(
            language,
            "tools" if tools is None else "voice" if language not in bulletin.VOICES else "failed",
        )
        for language in sorted(found["pdf"] - found["ogg"])
    ]
    included = transmission.messages.select_related("cluster").prefetch_related("translations").order_by("id")
    shown = outgoing_messages(included, limit=1000)
    try:
        listed = int(json.loads(files.get("MANIFEST.json", b"{}")).get("messages", 0))
    except (ValueError, AttributeError):
        listed = 0
    return ReleasePreview(
        files=sorted((name, len(data)) for name, data in files.items()),
        pdf_languages=sorted(found["pdf"]),
        audio_languages=sorted(found["ogg"]),
        missing_audio=missing,
        messages=shown,
        other_items=max(0, listed - len(shown)),
    )


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
