"""The pledger's side in Python (what coordination.js does), for tests and the benchmark."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from solidarity.coordination import pbrsa, services
from solidarity.coordination.models import Campaign


@dataclass(frozen=True)
class Token:
    info: bytes
    prepared: bytes
    signature: bytes

    def printed(self) -> str:
        from base64 import urlsafe_b64encode

        def part(data: bytes) -> str:
            return urlsafe_b64encode(data).decode().rstrip("=")

        return f"{part(self.info)}.{part(self.prepared)}.{part(self.signature)}"


def make_token(campaign: Campaign, code: str, prepared: bytes | None = None) -> Token:
    """Ask the code's metadata, blind on the 'device', have it signed, unblind and check."""
    info = services.code_info(campaign=campaign, code=code)
    prepared = prepared if prepared is not None else secrets.token_bytes(64)
    public = services.public_key(campaign)
    blinding = pbrsa.blind(public, prepared, info)
    blind_signature = services.redeem_code(campaign=campaign, code=code, blinded_message=blinding.blinded_message)
    return Token(info, prepared, pbrsa.finalize(public, prepared, info, blind_signature, blinding.inverse))
