"""Partially blind RSA signatures (draft-amjad-cfrg-partially-blind-rsa), RSAPBSSA-SHA384-PSS-Randomized.

The public metadata ``info`` (here: campaign, area, sector, issuer) is bound into the signature by
deriving the public exponent from it (``derive_public_key``); the signer never sees the message.
The key's primes must be safe primes (p = 2p' + 1), so that every derived exponent is invertible
modulo phi(n) with overwhelming probability and keys for different metadata do not help forge
each other. Safe primes come from OpenSSL's generator through ``cryptography``'s DH parameters.

Big-integer operations use ``gmpy2`` (constant-time ``powmod_sec`` for the private exponent); the
PSS encoding is the one of ``solidarity.elections.blind`` (RFC 8017), shared, not copied. The
client side (``prepare``, ``blind``, ``finalize``) is what ``static/coordination/pledge.js`` does
in the browser; it is here for the tests, the benchmark and the issuer's batch printing.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import warnings
from dataclasses import dataclass
from functools import lru_cache

import gmpy2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dh
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.utils import CryptographyDeprecationWarning

from solidarity.elections.blind import HASH_LENGTH, SALT_LENGTH, emsa_pss_encode

SUITE = "RSAPBSSA-SHA384-PSS-Randomized"
PREFIX_LENGTH = 32
KEY_BITS = 2048


class PartiallyBlindError(ValueError):
    """Raised when an input is malformed or a signature fails a check."""


@dataclass(frozen=True)
class PublicKey:
    n: int
    e: int

    @property
    def modulus_length(self) -> int:
        return (self.n.bit_length() + 7) // 8


@dataclass(frozen=True)
class PrivateKey:
    """The master key: a modulus of two safe primes. Derived keys are computed per metadata."""

    p: int
    q: int
    e: int = 65537

    @property
    def n(self) -> int:
        return self.p * self.q

    @property
    def public(self) -> PublicKey:
        return PublicKey(n=self.n, e=self.e)


@dataclass(frozen=True)
class BlindingResult:
    blinded_message: bytes
    inverse: bytes


def i2osp(value: int, length: int) -> bytes:
    return value.to_bytes(length, "big")


def os2ip(data: bytes) -> int:
    return int.from_bytes(data, "big")


def _safe_prime(bits: int) -> int:
    # DH parameters with generator 2 are safe primes (OpenSSL's BN_generate_prime_ex, safe=1). The
    # deprecation concerns DH key exchange, which this is not: only the safe-prime generator is used.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        parameters = dh.generate_parameters(generator=2, key_size=bits)
    p = parameters.parameter_numbers().p
    if not (gmpy2.is_prime(p, 40) and gmpy2.is_prime((p - 1) // 2, 40)):
        raise PartiallyBlindError("not a safe prime")  # pragma: no cover - OpenSSL guarantees it
    return int(p)


def generate_key(bits: int = KEY_BITS) -> PrivateKey:
    """Make a master key of two distinct safe primes of bits/2 each (seconds to a minute)."""
    while True:
        p, q = _safe_prime(bits // 2), _safe_prime(bits // 2)
        if p != q and (p * q).bit_length() == bits:
            return PrivateKey(p=p, q=q)


def encode_private_key(key: PrivateKey) -> str:
    """Serialise the master key as text (the caller stores it encrypted)."""
    return f"{key.p:x}:{key.q:x}:{key.e:x}"


def decode_private_key(text: str) -> PrivateKey:
    try:
        p_hex, q_hex, e_hex = text.split(":")
        return PrivateKey(p=int(p_hex, 16), q=int(q_hex, 16), e=int(e_hex, 16))
    except ValueError as error:
        raise PartiallyBlindError("not a private key") from error


@lru_cache(maxsize=4096)  # a campaign has few (cell, issuer) metadata; HKDF per token is wasted work
def derive_public_key(n: int, info: bytes) -> PublicKey:
    """Derive the public key for the metadata ``info`` (draft section 4.6, DerivePublicKey)."""
    modulus_length = (n.bit_length() + 7) // 8
    lambda_length = modulus_length // 2
    expanded = bytearray(
        HKDF(
            algorithm=hashes.SHA384(),
            length=lambda_length + 16,
            salt=i2osp(n, modulus_length),
            info=b"PBRSA",
        ).derive(b"key" + info + b"\x00")
    )
    expanded[0] &= 0x3F  # clear the two top bits
    expanded[lambda_length - 1] |= 0x01  # set the bottom bit: e' is odd
    return PublicKey(n=n, e=os2ip(bytes(expanded[:lambda_length])))


@lru_cache(maxsize=4096)
def derive_private_exponent(key: PrivateKey, info: bytes) -> tuple[PublicKey, int]:
    """Return the derived public key and its private exponent d' = e'^-1 mod phi(n)."""
    derived = derive_public_key(key.n, info)
    phi = (key.p - 1) * (key.q - 1)
    try:
        d = int(gmpy2.invert(derived.e, phi))
    except ZeroDivisionError as error:  # pragma: no cover - negligible for safe primes
        raise PartiallyBlindError("derived exponent not invertible") from error
    return derived, d


def message_prime(message: bytes, info: bytes) -> bytes:
    """Bind the metadata into the signed message: "msg" || len(info) (4 bytes) || info || message."""
    return b"msg" + len(info).to_bytes(4, "big") + info + message


def prepare(message: bytes, *, prefix: bytes | None = None) -> bytes:
    """Prepend 32 random bytes (the randomized variant)."""
    prefix = secrets.token_bytes(PREFIX_LENGTH) if prefix is None else prefix
    if len(prefix) != PREFIX_LENGTH:
        raise PartiallyBlindError("prefix must be 32 bytes")
    return prefix + message


def blind(
    public_key: PublicKey, prepared: bytes, info: bytes, *, salt: bytes | None = None, r: int | None = None
) -> BlindingResult:
    """Blind a prepared message for the derived key of ``info`` (draft section 4.2, Blind)."""
    n = public_key.n
    k_len = public_key.modulus_length
    salt = secrets.token_bytes(SALT_LENGTH) if salt is None else salt
    encoded = emsa_pss_encode(message_prime(prepared, info), n.bit_length() - 1, salt)
    m = os2ip(encoded)
    if math.gcd(m, n) != 1:
        raise PartiallyBlindError("invalid input")
    if r is None:
        while True:
            r = secrets.randbelow(n - 1) + 1
            if math.gcd(r, n) == 1:
                break
    inverse = int(gmpy2.invert(r, n))
    derived = derive_public_key(n, info)
    z = (m * int(gmpy2.powmod(r, derived.e, n))) % n
    return BlindingResult(blinded_message=i2osp(z, k_len), inverse=i2osp(inverse, k_len))


def blind_sign(key: PrivateKey, blinded_message: bytes, info: bytes) -> bytes:
    """Sign a blinded message with the key derived for ``info`` (draft section 4.3, BlindSign)."""
    n = key.n
    k_len = (n.bit_length() + 7) // 8
    if len(blinded_message) != k_len:
        raise PartiallyBlindError("unexpected input size")
    m = os2ip(blinded_message)
    if m >= n:
        raise PartiallyBlindError("invalid message length")
    derived, d = derive_private_exponent(key, info)
    # RSASP1 with the CRT, each half in constant time.
    s_p = gmpy2.powmod_sec(m % key.p, d % (key.p - 1), key.p)
    s_q = gmpy2.powmod_sec(m % key.q, d % (key.q - 1), key.q)
    q_inverse = gmpy2.invert(key.q, key.p)
    s = int(s_q + key.q * (((s_p - s_q) * q_inverse) % key.p))
    if not _verifies_by_crt(key, s, derived.e, m):
        raise PartiallyBlindError("signing failure")
    return i2osp(s, k_len)


def _verifies_by_crt(key: PrivateKey, s: int, e: int, m: int) -> bool:
    """RSAVP1 against faults (a faulty half would leak a factor of n), modulo p and q apart.

    The derived exponent e' is half the modulus long, so s^e' mod n is as dear as a signature;
    checked modulo each prime with e' reduced (Fermat), it costs about half, and a fault in either
    half or in the recombination still shows: s mod p (or q) is exactly what was computed.
    """
    return all(int(gmpy2.powmod(s % prime, e % (prime - 1), prime)) == m % prime for prime in (key.p, key.q))


def verify_with_key(key: PrivateKey, prepared: bytes, info: bytes, signature: bytes) -> bool:
    """`verify`, for the holder of the private key: the exponentiation by the CRT (same answer)."""
    n = key.n
    modulus_length = (n.bit_length() + 7) // 8
    if len(signature) != modulus_length:
        return False
    s = os2ip(signature)
    if s >= n:
        return False
    derived = derive_public_key(n, info)
    m_p = int(gmpy2.powmod(s % key.p, derived.e % (key.p - 1), key.p))
    m_q = int(gmpy2.powmod(s % key.q, derived.e % (key.q - 1), key.q))
    m = int(m_q + key.q * (((m_p - m_q) * gmpy2.invert(key.q, key.p)) % key.p))
    return _pss_check(n, prepared, info, m)


def _mgf1_sha384(seed: bytes, length: int) -> bytes:
    output = b""
    counter = 0
    while len(output) < length:
        output += hashlib.sha384(seed + counter.to_bytes(4, "big")).digest()
        counter += 1
    return output[:length]


def _emsa_pss_verify(message: bytes, encoded: bytes, em_bits: int) -> bool:
    """EMSA-PSS-VERIFY (RFC 8017 section 9.1.2) with SHA-384, MGF1-SHA-384 and a 48-byte salt."""
    em_len = (em_bits + 7) // 8
    if len(encoded) != em_len or em_len < HASH_LENGTH + SALT_LENGTH + 2 or encoded[-1] != 0xBC:
        return False
    masked_db, h = encoded[: em_len - HASH_LENGTH - 1], encoded[em_len - HASH_LENGTH - 1 : -1]
    zero_bits = 8 * em_len - em_bits
    if masked_db[0] & (0xFF << (8 - zero_bits)) & 0xFF:
        return False
    db = bytearray(a ^ b for a, b in zip(masked_db, _mgf1_sha384(h, len(masked_db)), strict=True))
    db[0] &= 0xFF >> zero_bits
    padding_length = em_len - HASH_LENGTH - SALT_LENGTH - 2
    if any(db[:padding_length]) or db[padding_length] != 0x01:
        return False
    salt = bytes(db[-SALT_LENGTH:])
    m_prime = b"\x00" * 8 + hashlib.sha384(message).digest() + salt
    return hmac.compare_digest(hashlib.sha384(m_prime).digest(), h)


def verify(public_key: PublicKey, prepared: bytes, info: bytes, signature: bytes) -> bool:
    """Check a signature over a prepared message and its metadata (draft section 4.5)."""
    n = public_key.n
    if len(signature) != public_key.modulus_length:
        return False
    s = os2ip(signature)
    if s >= n:
        return False
    derived = derive_public_key(n, info)
    return _pss_check(n, prepared, info, int(gmpy2.powmod(s, derived.e, n)))


def _pss_check(n: int, prepared: bytes, info: bytes, m: int) -> bool:
    em_bits = n.bit_length() - 1
    em_len = (em_bits + 7) // 8
    if m.bit_length() > em_bits:
        return False
    return _emsa_pss_verify(message_prime(prepared, info), i2osp(m, em_len), em_bits)


def finalize(public_key: PublicKey, prepared: bytes, info: bytes, blind_signature: bytes, inverse: bytes) -> bytes:
    """Unblind the signer's answer and check it (draft section 4.4, Finalize)."""
    k_len = public_key.modulus_length
    if len(blind_signature) != k_len or len(inverse) != k_len:
        raise PartiallyBlindError("unexpected input size")
    s = (os2ip(blind_signature) * os2ip(inverse)) % public_key.n
    signature = i2osp(s, k_len)
    if not verify(public_key, prepared, info, signature):
        raise PartiallyBlindError("invalid signature")
    return signature
