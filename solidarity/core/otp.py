"""The second factor: TOTP devices (RFC 6238) through django-otp, with the secret encrypted at rest.

Every device is a `core.EncryptedTOTPDevice`, not django-otp's `TOTPDevice`, whose secret is a plain
hex column a database dump would hand over. The model reuses django-otp's fields, mixins and its own
`verify_token` (drift, tolerance, replay refusal, throttling) and only moves the secret into an
`EncryptedTextField`; docs/security.md explains why, and how old devices were migrated.
"""

from __future__ import annotations

import base64

import segno
from django.http import HttpRequest
from django_otp import login as otp_login

from solidarity.core import audit
from solidarity.core.models import EncryptedTOTPDevice, User


def confirmed_device(user: User) -> EncryptedTOTPDevice | None:
    return EncryptedTOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user: User) -> EncryptedTOTPDevice:
    """Return the user's unconfirmed device, creating one with a fresh secret."""
    device = EncryptedTOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or EncryptedTOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def secret_base32(device: EncryptedTOTPDevice) -> str:
    """Return the secret as authenticator apps want it typed (base32)."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def qr_svg(device: EncryptedTOTPDevice) -> str:
    """Return an inline SVG QR code of the device's provisioning URI (no image request needed)."""
    return str(segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#111", light="#fff"))


def verify(request: HttpRequest, device: EncryptedTOTPDevice, code: str) -> bool:
    """Check a code against a device and mark the session as verified when it matches."""
    if not device.verify_token(code):
        return False
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.record("core.second_factor.enrolled", actor=request.user, target=device.user)
    otp_login(request, device)
    # A new session id for the verified session: one seen before the second factor opens nothing.
    request.session.cycle_key()
    return True
