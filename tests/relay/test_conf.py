"""Demo keys: made once, even when the first requests race on a fresh data folder."""

from __future__ import annotations

import base64
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from nacl.public import PrivateKey
from pytest_django.fixtures import Settings as SettingsWrapper

from solidarity.relay import conf
from solidarity.relay.channels import bundle


def _race(name: str, make: type[PrivateKey] | None) -> list[str]:
    start = threading.Barrier(8)

    def one(_: int) -> str:
        start.wait()
        return conf._demo_keypair(name, make)

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(8)))


def test_racing_first_requests_get_one_key_pair(settings: SettingsWrapper, tmp_path: Path) -> None:
    settings.DATA_DIR = str(tmp_path)
    contact = _race("relay-contact", PrivateKey)
    signing = _race("relay-signing", None)
    assert len(set(contact)) == len(set(signing)) == 1
    private = PrivateKey(base64.b64decode((tmp_path / "offline-keys" / "relay-contact.key").read_bytes().strip()))
    assert base64.b64encode(bytes(private.public_key)).decode() == contact[0]
    signer = bundle.load_signing_key(tmp_path / "offline-keys" / "relay-signing.key")
    assert bytes(signer.verify_key).hex() == signing[0]
    # A run that stopped between writing the private and the public half: the public half is derived.
    for name in ("relay-contact", "relay-signing"):
        (tmp_path / "relay" / f"{name}.pub").unlink()
    assert conf._demo_keypair("relay-contact", PrivateKey) == contact[0]
    assert conf._demo_keypair("relay-signing", None) == signing[0]


def test_an_empty_private_key_file_left_by_a_crash_is_replaced(settings: SettingsWrapper, tmp_path: Path) -> None:
    settings.DATA_DIR = str(tmp_path)
    (tmp_path / "offline-keys").mkdir()
    for name in ("relay-contact", "relay-signing"):
        (tmp_path / "offline-keys" / f"{name}.key").touch()  # created, then the run stopped before the write
    contact = conf._demo_keypair("relay-contact", PrivateKey)
    private = PrivateKey(base64.b64decode((tmp_path / "offline-keys" / "relay-contact.key").read_bytes().strip()))
    assert base64.b64encode(bytes(private.public_key)).decode() == contact
    signing = conf._demo_keypair("relay-signing", None)
    assert bytes(bundle.load_signing_key(tmp_path / "offline-keys" / "relay-signing.key").verify_key).hex() == signing
