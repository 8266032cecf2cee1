"""The second factor: TOTP devices (RFC 6238) through django-otp."""

from __future__ import annotations

import base64

import segno
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from solidarity.core import audit
from solidarity.core.models import User


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user: User) -> TOTPDevice:
    """Return the user's unconfirmed device, creating one with a fresh secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def secret_base32(device: TOTPDevice) -> str:
    """Return the secret as authenticator apps want it typed (base32)."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def qr_svg(device: TOTPDevice) -> str:
    """Return an inline SVG QR code of the device's provisioning URI (no image request needed)."""
    return str(segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#111", light="#fff"))


def verify(request: HttpRequest, device: TOTPDevice, code: str) -> bool:
    """Check a code against a device and mark the session as verified when it matches."""
    if not device.verify_token(code):
        return False
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.record("core.second_factor.enrolled", actor=request.user, target=device.user)
    otp_login(request, device)
    return True
