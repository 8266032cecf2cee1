"""What other apps add to the relay's channels: extra items in the feeds, extra files in bundles.

An app registers a provider from its AppConfig.ready(); the relay calls every provider when it
renders a feed or builds a bundle, so the relay never imports the app. Providers must return
inert text (no links, handles or markup) and deterministic bytes for a given day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from solidarity.relay.channels import OutgoingMessage

MessageProvider = Callable[[], list[OutgoingMessage]]
FileProvider = Callable[[date], dict[str, bytes]]

_message_providers: list[MessageProvider] = []
_file_providers: list[FileProvider] = []


def register_messages(provider: MessageProvider) -> None:
    """Add items (such as signed bulletins) to every feed and bundle."""
    if provider not in _message_providers:
        _message_providers.append(provider)


def register_files(provider: FileProvider) -> None:
    """Add files to every bundle; names must not collide with the relay's own."""
    if provider not in _file_providers:
        _file_providers.append(provider)


def extra_messages(language: str | None = None) -> list[OutgoingMessage]:
    """Every provider's items, or only those readable in `language`."""
    items = [item for provider in _message_providers for item in provider()]
    if language is None:
        return items
    return [item for item in items if item.text_in(language) is not None]


def extra_files(day: date) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for provider in _file_providers:
        files.update(provider(day))
    return files
