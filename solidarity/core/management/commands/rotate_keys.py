"""Re-encrypt every encrypted field with the newest key of SOLIDARITY_FIELD_KEYS."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from rich.progress import Progress

from solidarity.core.fields import EncryptedTextField


class Command(BaseCommand):
    help = "Re-encrypt personal data with the first key of SOLIDARITY_FIELD_KEYS (run after adding a new key)."

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        targets = [
            (model, [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)])
            for model in apps.get_models()
        ]
        targets = [(model, names) for model, names in targets if names]
        with Progress(transient=True, disable=not self.stdout.isatty()) as progress:
            for model, names in targets:
                task = progress.add_task(model._meta.label, total=model._default_manager.count())
                for row in model._default_manager.only("pk", *names).iterator(chunk_size=500):
                    with transaction.atomic():
                        row.save(update_fields=names)  # reading decrypted with any key; saving encrypts with the first
                    total += 1
                    progress.advance(task)
        self.stdout.write(f"re-encrypted {total} rows in {len(targets)} models with the newest key")
