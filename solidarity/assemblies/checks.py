"""Checks run at start (`solidarity serve` migrates, which runs them): a missing key is said there.

Without them a production server started and served pages, and the first invitation an officer
issued failed with an error page (found on the production path, issue 13).
"""

from __future__ import annotations

import binascii
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from solidarity.assemblies.invitations import Signer
from solidarity.assemblies.keys import SIGNING_KEY_VARIABLE
from solidarity.settings import env


@register()
def check_signing_key(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    value = env.text(SIGNING_KEY_VARIABLE)
    hint = (
        f"Make one offline with `python -c 'from solidarity.assemblies.invitations import Signer; "
        f"print(Signer.generate().seed_base64())'` and set {SIGNING_KEY_VARIABLE} (docs/assemblies.md)."
    )
    if not value:
        if getattr(settings, "IS_PRODUCTION", False):
            return [
                Error(
                    f"{SIGNING_KEY_VARIABLE} is not set: no invitation could be issued.",
                    hint=hint,
                    id="assemblies.E001",
                )
            ]
        return []
    try:
        Signer.from_base64(value)
    except (ValueError, binascii.Error) as error:
        return [
            Error(f"{SIGNING_KEY_VARIABLE} is not a base64 Ed25519 seed ({error}).", hint=hint, id="assemblies.E002")
        ]
    return []
