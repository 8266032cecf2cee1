"""Relay configuration, read from environment variables through `settings/env.py` (documented in docs/relay.md).

Keys: only *public* keys live on the server. In the embedded (demo) setup with no key configured,
a key pair is generated once and its private half written to `<data dir>/offline-keys/`, outside the
database, with a loud warning: that folder belongs on another machine in any real deployment.
"""

from __future__ import annotations

import base64
import fcntl
import logging
import os
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from nacl.encoding import HexEncoder
from nacl.public import PrivateKey, PublicKey

from solidarity.relay.channels import bundle, openpgp
from solidarity.settings import env

log = logging.getLogger(__name__)

LOUD_NOTE = (
    "THIS IS A PRIVATE KEY. It was generated for the embedded demo only. In a real deployment it must\n"
    "never be on the web server: move it to an offline machine and configure only the public key.\n"
)


@dataclass(frozen=True)
class RelaySettings:
    retention_days: int
    languages: frozenset[str]
    pow_max_number: int
    pow_max_number_under_load: int
    nojs_wait_seconds: int
    submissions_per_hour: int
    nojs_submissions_per_hour: int
    breaker_per_minute: int
    js_lane_per_minute: int
    nojs_lane_per_minute: int
    bundle_budget_bytes: int
    outbox_dirs: dict[str, Path]
    mt_backend: str


def relay_settings() -> RelaySettings:
    from solidarity.relay.screening import DEFAULT_LANGUAGES

    outboxes = {}
    for item in env.text("SOLIDARITY_RELAY_OUTBOXES").split(","):
        if "=" in item:
            channel, folder = item.split("=", 1)
            outboxes[channel.strip()] = Path(folder.strip())
    languages = env.text("SOLIDARITY_RELAY_LANGUAGES")
    return RelaySettings(
        retention_days=int(env.text("SOLIDARITY_RELAY_RETENTION_DAYS", "30")),
        languages=frozenset(languages.split(",")) if languages else DEFAULT_LANGUAGES,
        pow_max_number=int(env.text("SOLIDARITY_RELAY_POW_MAX", "50000")),
        pow_max_number_under_load=int(env.text("SOLIDARITY_RELAY_POW_MAX_UNDER_LOAD", "500000")),
        nojs_wait_seconds=int(env.text("SOLIDARITY_RELAY_NOJS_WAIT_SECONDS", "15")),
        submissions_per_hour=int(env.text("SOLIDARITY_RELAY_PER_HOUR", "20")),
        nojs_submissions_per_hour=int(env.text("SOLIDARITY_RELAY_NOJS_PER_HOUR", "5")),
        breaker_per_minute=int(env.text("SOLIDARITY_RELAY_BREAKER_PER_MINUTE", "600")),
        js_lane_per_minute=int(env.text("SOLIDARITY_RELAY_JS_PER_MINUTE", "1200")),
        nojs_lane_per_minute=int(env.text("SOLIDARITY_RELAY_NOJS_PER_MINUTE", "30")),
        bundle_budget_bytes=int(env.text("SOLIDARITY_RELAY_BUNDLE_BYTES", str(bundle.DEFAULT_BUDGET_BYTES))),
        outbox_dirs=outboxes,
        mt_backend=env.text("SOLIDARITY_RELAY_MT_BACKEND"),
    )


def relay_dir() -> Path:
    folder = Path(settings.DATA_DIR) / "relay"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def offline_keys_dir() -> Path:
    return Path(settings.DATA_DIR) / "offline-keys"


_KEYS_LOCK = threading.Lock()


def _demo_keypair(name: str, make: type[PrivateKey] | None) -> str:
    """Return the public half of a demo key, creating the pair (private half outside the DB) once.

    On a fresh data folder the first requests arrive together (threads of one server, or several
    processes): a lock makes one of them create the pair while the others wait and read it.
    """
    public_path = relay_dir() / f"{name}.pub"
    if public_path.exists():
        return public_path.read_text().strip()
    keys_dir = offline_keys_dir()
    keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    with _KEYS_LOCK, (keys_dir / f"{name}.lock").open("a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)  # released when the file closes
        if public_path.exists():
            return public_path.read_text().strip()
        private_path = keys_dir / f"{name}.key"
        raw = private_path.read_bytes().strip() if private_path.exists() else b""
        if raw:  # an earlier run stopped between the two writes: derive the public half
            if make is PrivateKey:
                public = base64.b64encode(bytes(PrivateKey(base64.b64decode(raw)).public_key)).decode()
            else:
                public = bundle.load_signing_key(private_path).verify_key.encode(encoder=HexEncoder).decode()
        else:
            # An empty file holds no secret: a run stopped between creating it and writing the key.
            private_path.unlink(missing_ok=True)
            (keys_dir / "README-DANGER.txt").write_text(LOUD_NOTE)
            if make is PrivateKey:
                key = PrivateKey.generate()
                descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(base64.b64encode(bytes(key)) + b"\n")
                public = base64.b64encode(bytes(key.public_key)).decode()
            else:
                public = bundle.generate_key_file(private_path)
            log.warning(
                "relay: generated a DEMO %s key pair; the private key is in %s (move it offline)", name, private_path
            )
        partial = public_path.with_name(public_path.name + ".part")
        partial.write_text(public + "\n")
        partial.replace(public_path)  # readers outside the lock never see half a key
    return public


@cache
def contact_public_key() -> PublicKey | None:
    """Return the public key that sender contacts are sealed to, or None (no contact is collected)."""
    configured = env.text("SOLIDARITY_RELAY_CONTACT_PUBLIC_KEY")
    if not configured:
        if settings.IS_PRODUCTION:
            return None
        configured = _demo_keypair("relay-contact", PrivateKey)
    return PublicKey(base64.b64decode(configured))


@cache
def signing_public_key() -> bytes | None:
    """Return the raw Ed25519 public key that signs bundles, or None when none is configured."""
    configured = env.text("SOLIDARITY_RELAY_SIGNING_PUBLIC_KEY")
    if not configured:
        if settings.IS_PRODUCTION:
            return None
        configured = _demo_keypair("relay-signing", None)
    return bytes(HexEncoder.decode(configured.encode()))


def signing_fingerprint() -> str:
    key = signing_public_key()
    return bundle.fingerprint(key) if key is not None else ""


def signing_openpgp_fingerprint() -> str:
    """Return the OpenPGP fingerprint of the signing key's certificate (what gpg and OpenKeychain show)."""
    key = signing_public_key()
    return openpgp.certificate_fingerprint(key) if key is not None else ""
