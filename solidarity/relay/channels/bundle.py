"""The signed daily bundle: static pages, feeds, PDF and audio in a reproducible zip (no Django).

Building and signing are separate steps. The web server builds an unsigned zip (`build_bundle`);
the holder of the offline Ed25519 key signs it (`sign_bundle`, from a key file path), which adds
`MANIFEST.json.sig` and `MANIFEST.json.sig.pub`, and the same signature in minisign's format
(`MANIFEST.json.minisig`, `minisign.pub`) so that `minisign -Vm MANIFEST.json -p minisign.pub`
checks it, and an OpenPGP detached signature by the same key (`MANIFEST.json.asc`, certificate
`openpgp.asc`) for GnuPG, Sequoia and OpenKeychain. `verify_bundle` checks all three signatures, the
fingerprint of the key and the SHA-256 of every file. Same input, same bytes: entries are sorted
and carry a fixed timestamp and mode, JSON is written with sorted keys, and Ed25519 is
deterministic.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

from nacl.encoding import HexEncoder, RawEncoder
from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from solidarity.relay.channels import OutgoingMessage, bulletin, feeds, minisign, openpgp, pages

DEFAULT_BUDGET_BYTES = 5 * 1024 * 1024
MANIFEST = "MANIFEST.json"
SIGNATURE = "MANIFEST.json.sig"
PUBLIC_KEY = "MANIFEST.json.sig.pub"
MINISIG = "MANIFEST.json.minisig"  # the same key, in minisign's format: `minisign -Vm MANIFEST.json`
MINISIGN_PUB = "minisign.pub"
OPENPGP_SIGNATURE = openpgp.SIGNATURE_NAME  # the same key as OpenPGP: `gpg --verify MANIFEST.json.asc`
OPENPGP_CERTIFICATE = openpgp.CERTIFICATE_NAME
SIGNATURE_FILES = frozenset({SIGNATURE, PUBLIC_KEY, MINISIG, MINISIGN_PUB, OPENPGP_SIGNATURE, OPENPGP_CERTIFICATE})
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
FORMAT = "solidarity-relay-bundle/1"


class BundleError(Exception):
    """A bundle cannot be built, signed or verified; the message says why."""


# --- keys ------------------------------------------------------------------------------------


def fingerprint(public_key: bytes) -> str:
    """Return the fingerprint people compare: SHA-256 of the raw key, hex in groups of four."""
    digest = hashlib.sha256(public_key).hexdigest()[:40]
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def generate_key_file(path: Path) -> str:
    """Write a new Ed25519 private key (hex) to `path` with mode 0600; return its public key hex."""
    key = SigningKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=False)
    path.write_bytes(key.encode(encoder=HexEncoder) + b"\n")
    return key.verify_key.encode(encoder=HexEncoder).decode()


def load_signing_key(path: Path) -> SigningKey:
    try:
        raw = path.read_bytes().strip()
        return SigningKey(raw, encoder=HexEncoder)
    except (OSError, ValueError, TypeError) as error:
        raise BundleError(f"cannot read an Ed25519 private key (64 hex digits) from {path}") from error


# --- selection -------------------------------------------------------------------------------


def _cost(message: OutgoingMessage) -> int:
    """Estimate the bytes a message adds to the zip (page, two feeds and the translations)."""
    size = len(message.text.encode()) + sum(len(t.text.encode()) for t in message.translations)
    return 3 * size // 2 + 400


def select_fairly(
    messages: Sequence[OutgoingMessage], *, budget_bytes: int, already_sent: frozenset[str] = frozenset()
) -> list[OutgoingMessage]:
    """Pick messages round-robin across languages, oldest first, until the budget is spent.

    Each language gets a turn in each round, so a flood in one language cannot crowd the others
    out; messages already sent in an earlier bundle are skipped (the bundle is incremental).
    """
    queues: dict[str, list[OutgoingMessage]] = defaultdict(list)
    for message in sorted(messages, key=lambda m: (m.published_at, m.id)):
        if message.id not in already_sent:
            queues[message.language].append(message)
    for queue in queues.values():
        queue.reverse()
    chosen: list[OutgoingMessage] = []
    spent = 0
    languages = sorted(queues)
    while languages:
        still = []
        for language in languages:
            queue = queues[language]
            message = queue[-1]
            cost = _cost(message)
            if spent + cost > budget_bytes:
                continue  # this language's next message no longer fits; others may
            chosen.append(queue.pop())
            spent += cost
            if queue:
                still.append(language)
        languages = still
    return sorted(chosen, key=lambda m: (m.published_at, m.id))


# --- building --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BundleSpec:
    day: date
    fingerprint: str
    key_words: tuple[str, ...] = ()  # the signing key as Persian words, on every page and feed
    budget_bytes: int = DEFAULT_BUDGET_BYTES
    pdf_languages: tuple[str, ...] = ("fa", "en")
    bulletin_size: int = 50
    with_pdf: bool = True
    with_audio: bool = False
    with_pages: bool = True  # False for a radio bulletin: only the PDF, the audio and the manifest
    already_sent: frozenset[str] = field(default_factory=frozenset)
    extra_files: dict[str, bytes] = field(default_factory=dict)  # from other apps (relay/extras.py)


@dataclass(frozen=True)
class BuiltBundle:
    data: bytes
    message_ids: tuple[str, ...]
    counts: dict[str, int]
    sha256: str


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, files[name])
    return buffer.getvalue()


def manifest_bytes(files: dict[str, bytes], *, day: date, key_fingerprint: str, message_ids: Sequence[str]) -> bytes:
    document = {
        "format": FORMAT,
        "day": day.isoformat(),
        "signer_fingerprint": key_fingerprint,
        "messages": len(message_ids),
        "files": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for name, data in sorted(files.items())
        },
    }
    return (json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode()


def _files_for(
    chosen: Sequence[OutgoingMessage],
    spec: BundleSpec,
    render_pdf: Callable[[Sequence[OutgoingMessage], str, str], bytes] | None,
    render_audio: Callable[[Sequence[OutgoingMessage], str], bytes | None] | None,
) -> tuple[dict[str, bytes], dict[str, int]]:
    day = spec.day.isoformat()
    updated = datetime.combine(spec.day, time(0, 0), tzinfo=UTC)
    languages = sorted(
        {m.language for m in chosen} | {t.language for m in chosen for t in m.translations} | {"fa", "en"}
    )
    counts: dict[str, int] = {}
    files: dict[str, bytes] = {}
    if spec.with_pages:
        files["style.css"] = pages.STYLE.encode()
        files["fonts/Vazirmatn-Regular.woff2"] = bulletin.FONT_PATH.with_suffix(".woff2").read_bytes()
        files["fonts/Vazirmatn-OFL.txt"] = (bulletin.FONT_PATH.parent / "Vazirmatn-OFL.txt").read_bytes()
    for language in languages if spec.with_pages else ():
        readable = [m for m in chosen if m.text_in(language) is not None]
        counts[language] = len(readable)
        files[f"{language}.html"] = pages.language_page(readable, language=language)
        feed_id = f"urn:solidarity:relay:{day}:{language}"
        title = f"{pages.UI.get(language, pages.UI['en'])['title']} ({language})"
        files[f"feeds/{language}.atom"] = feeds.atom(
            readable, language=language, title=title, feed_id=feed_id, updated=updated, key_words=spec.key_words
        )
        files[f"feeds/{language}.json"] = feeds.json_feed(
            readable, language=language, title=title, feed_id=feed_id, key_words=spec.key_words
        )
    for name, data in sorted(spec.extra_files.items()):
        if name in files or name.startswith(MANIFEST):
            raise BundleError(f"an extra file may not replace {name}")
        files[name] = data
    if spec.with_pages:
        # No page here says how to check the bundle or which key signed it: a forged bundle would
        # say so too. People compare the key's words heard on the radio and read on the wall,
        # the feeds and the bulletins (issue 19).
        files["index.html"] = pages.index_page(counts, day=day)
    for language in spec.pdf_languages:
        readable = [m for m in chosen if m.text_in(language) is not None]
        # The bulletin favours messages many people sent, then the newest.
        top = sorted(readable, key=lambda m: (-m.senders, m.published_at, m.id))[: spec.bulletin_size]
        if spec.with_pdf and render_pdf is not None and top:
            files[f"bulletin/{language}.pdf"] = render_pdf(top, language, day)
        if spec.with_audio and render_audio is not None and top:
            audio = render_audio(top, language)
            if audio is not None:
                files[f"bulletin/{language}.ogg"] = audio
    return files, counts


def bundle_files(
    messages: Sequence[OutgoingMessage],
    spec: BundleSpec,
    *,
    render_pdf: Callable[[Sequence[OutgoingMessage], str, str], bytes] | None = None,
    render_audio: Callable[[Sequence[OutgoingMessage], str], bytes | None] | None = None,
) -> tuple[dict[str, bytes], dict[str, int]]:
    """Every file a bundle of all these messages would hold, before its manifest (for the mirror)."""
    chosen = [m for m in messages if m.id not in spec.already_sent]
    return _files_for(chosen, spec, render_pdf, render_audio)


def build_bundle(
    messages: Sequence[OutgoingMessage],
    spec: BundleSpec,
    *,
    render_pdf: Callable[[Sequence[OutgoingMessage], str, str], bytes] | None = None,
    render_audio: Callable[[Sequence[OutgoingMessage], str], bytes | None] | None = None,
) -> BuiltBundle:
    """Build the unsigned bundle with as many messages as fit its size budget.

    The byte cost of a message is only estimated before compression, so the selection budget is
    scaled after each build: up while the zip is under budget and messages were left out, down
    when it is over. A few rounds at most; renders of the same bulletin are reused between rounds.
    """
    available = len({m.id for m in messages} - spec.already_sent)
    pdf_cache: dict[tuple[str, tuple[str, ...]], bytes] = {}
    audio_cache: dict[tuple[str, tuple[str, ...]], bytes | None] = {}

    def cached_pdf(selected: Sequence[OutgoingMessage], language: str, day: str) -> bytes:
        key = (language, tuple(m.id for m in selected))
        if key not in pdf_cache and render_pdf is not None:
            pdf_cache[key] = render_pdf(selected, language, day)
        return pdf_cache[key]

    def cached_audio(selected: Sequence[OutgoingMessage], language: str) -> bytes | None:
        key = (language, tuple(m.id for m in selected))
        if key not in audio_cache and render_audio is not None:
            audio_cache[key] = render_audio(selected, language)
        return audio_cache.get(key)

    selection_budget = spec.budget_bytes
    best: BuiltBundle | None = None
    tried: set[int] = set()
    for _ in range(8):
        chosen = select_fairly(messages, budget_bytes=selection_budget, already_sent=spec.already_sent)
        if len(chosen) in tried:
            break
        tried.add(len(chosen))
        ids = tuple(m.id for m in chosen)
        files, counts = _files_for(
            chosen, spec, cached_pdf if render_pdf else None, cached_audio if render_audio else None
        )
        files[MANIFEST] = manifest_bytes(files, day=spec.day, key_fingerprint=spec.fingerprint, message_ids=ids)
        data = _zip(files)
        if len(data) <= spec.budget_bytes or not chosen:
            if best is None or len(ids) > len(best.message_ids):
                best = BuiltBundle(data, ids, counts, hashlib.sha256(data).hexdigest())
            if len(chosen) >= available or not chosen:
                break
            selection_budget = int(selection_budget * min(4.0, 0.95 * spec.budget_bytes / len(data)))
        else:
            selection_budget = int(selection_budget * 0.9 * spec.budget_bytes / len(data))
    if best is None:
        raise BundleError("the bundle does not fit its size budget")
    return best


def _read(data: bytes) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if len(names) != len(set(names)):
                raise BundleError("the bundle lists a file twice")
            for name in names:
                if name.startswith("/") or ".." in Path(name).parts:
                    raise BundleError("the bundle holds a file outside its folder")
            return {name: archive.read(name) for name in names}
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise BundleError("not a readable zip file") from error


def read_files(data: bytes) -> dict[str, bytes]:
    """Return the files of a bundle zip by name (BundleError when it is not a readable bundle)."""
    return _read(data)


def sign_bundle(data: bytes, key: SigningKey) -> bytes:
    """Return the bundle with the signature of its manifest and the signer's public key added."""
    files = _read(data)
    if MANIFEST not in files:
        raise BundleError("the bundle has no MANIFEST.json")
    manifest = json.loads(files[MANIFEST])
    public = key.verify_key.encode(encoder=RawEncoder)
    if manifest.get("signer_fingerprint") != fingerprint(public):
        raise BundleError("this key is not the one the bundle was built for (fingerprint differs)")
    return sign_bundle_unchecked(data, key)


def sign_bundle_unchecked(data: bytes, key: SigningKey) -> bytes:
    """Sign without checking the manifest names this key (for tests of what verification refuses)."""
    files = _read(data)
    public = key.verify_key.encode(encoder=RawEncoder)
    files[SIGNATURE] = key.sign(files[MANIFEST], encoder=RawEncoder).signature.hex().encode() + b"\n"
    files[PUBLIC_KEY] = public.hex().encode() + b"\n"
    try:
        day = str(json.loads(files[MANIFEST]).get("day", ""))
    except (ValueError, AttributeError):
        day = ""
    comment = f"solidarity-relay-bundle day:{day} key:{fingerprint(public).replace(' ', '')}"
    files[MINISIG] = minisign.sign(files[MANIFEST], key, trusted_comment=comment).encode()
    files[MINISIGN_PUB] = minisign.public_key_file(key.verify_key).encode()
    files[OPENPGP_SIGNATURE] = openpgp.sign(files[MANIFEST], key, day=_day_or_none(day)).encode()
    files[OPENPGP_CERTIFICATE] = openpgp.certificate(key).encode()
    return _zip(files)


def _day_or_none(day: str) -> date | None:
    try:
        return date.fromisoformat(day)
    except ValueError:
        return None


def strip_signature(data: bytes) -> bytes:
    """Return the unsigned bundle a signed one was made from (the same bytes, since zips are reproducible)."""
    files = _read(data)
    for name in SIGNATURE_FILES:
        files.pop(name, None)
    return _zip(files)


@dataclass(frozen=True)
class Verification:
    fingerprint: str
    day: str
    files: int
    messages: int
    signature: str = ""


def verify_bundle(data: bytes, *, expected_fingerprint: str | None = None) -> Verification:
    """Check the signature, the key's fingerprint and every file's hash; raise BundleError if any fails."""
    files = _read(data)
    for required in (MANIFEST, *sorted(SIGNATURE_FILES)):
        if required not in files:
            raise BundleError(f"the bundle has no {required}")
    try:
        public = bytes.fromhex(files[PUBLIC_KEY].decode().strip())
        signature = bytes.fromhex(files[SIGNATURE].decode().strip())
        VerifyKey(public).verify(files[MANIFEST], signature)
    except (ValueError, UnicodeDecodeError, BadSignatureError) as error:
        raise BundleError("the signature of MANIFEST.json does not verify") from error
    try:
        checked = minisign.verify(files[MANIFEST], files[MINISIG].decode(), files[MINISIGN_PUB].decode())
    except (minisign.MinisignError, UnicodeDecodeError) as error:
        raise BundleError("the minisign signature of MANIFEST.json does not verify") from error
    # Nothing in the signature files may vary, not even the untrusted comments: a bundle is exact.
    if (
        checked.key_id != minisign.key_id_text(public)
        or files[MINISIGN_PUB].decode() != minisign.public_key_file(VerifyKey(public))
        or not files[MINISIG].decode().startswith(minisign.untrusted_comment(public) + "\n")
    ):
        raise BundleError("the minisign signature is by another key")
    try:
        openpgp.verify(files[MANIFEST], files[OPENPGP_SIGNATURE].decode(), public)
    except (openpgp.OpenPGPError, UnicodeDecodeError) as error:
        raise BundleError("the OpenPGP signature of MANIFEST.json does not verify") from error
    try:
        openpgp.verify_certificate(files[OPENPGP_CERTIFICATE].decode(), public)
    except (openpgp.OpenPGPError, UnicodeDecodeError) as error:
        raise BundleError("the OpenPGP certificate is not the signing key's") from error
    found = fingerprint(public)
    if expected_fingerprint is not None and "".join(expected_fingerprint.split()).lower() != found.replace(" ", ""):
        raise BundleError(f"signed by key {found}, not by the expected key")
    try:
        manifest = json.loads(files[MANIFEST])
        listed: dict[str, dict[str, object]] = manifest["files"]
    except (ValueError, KeyError, TypeError) as error:
        raise BundleError("MANIFEST.json is malformed") from error
    if manifest.get("signer_fingerprint") != found:
        raise BundleError("MANIFEST.json names another signer")
    present = set(files) - {MANIFEST, *SIGNATURE_FILES}
    if present != set(listed):
        raise BundleError("the files differ from those MANIFEST.json lists")
    for name in sorted(listed):
        if hashlib.sha256(files[name]).hexdigest() != listed[name].get("sha256"):
            raise BundleError(f"{name} does not match its SHA-256 in MANIFEST.json")
    return Verification(
        found, str(manifest.get("day", "")), len(listed), int(manifest.get("messages", 0)), signature.hex()
    )
