"""What each refusal reason means, in words an officer at the door understands (translated)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from solidarity.assemblies.invitations import Reason

MESSAGES: dict[str, Promise] = {
    Reason.MALFORMED: _("This is not an invitation: the code could not be read. Scan again or type the short code."),
    Reason.TAMPERED: _("This invitation was damaged or altered after it was signed. Do not admit."),
    Reason.UNKNOWN_KEY: _("This invitation was signed by a key this device does not know. Do not admit."),
    Reason.FORGED: _("This invitation is forged: its signature does not match. Do not admit."),
    Reason.WRONG_ASSEMBLY: _("This invitation is for another assembly."),
    Reason.WRONG_VENUE: _("This invitation is for another venue."),
    Reason.NOT_YET_VALID: _("This invitation is not valid yet."),
    Reason.EXPIRED: _("This invitation has expired."),
    Reason.REVOKED: _("This invitation was revoked. Do not admit."),
    Reason.ALREADY_SCANNED: _("This invitation was already used to enter. Do not admit; call a coordinator."),
    # Reasons given at sync, when a device's admission is put aside.
    "unknown": _("No invitation of this assembly matches this scan: it was put aside."),
    "outside_window": _("This scan was made outside the assembly's dates: it was put aside."),
}

ADMITTED_MESSAGE = _("Valid invitation: admit.")


def explain(reason: str) -> str:
    """Return the officer-facing sentence for a reason code (in the active language)."""
    message = MESSAGES.get(reason)
    return str(message) if message is not None else str(_("Refused."))
