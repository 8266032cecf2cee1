"""RFC 9474 RSA blind signatures, variant RSABSSA-SHA384-PSS-Randomized.

The server side is the RFC's BlindSign (section 4.3): RSASP1 computed with a constant-time
modular exponentiation (``gmpy2.powmod_sec``) on a key made by ``cryptography``, followed by the
RSAVP1 check. Every verification is a standard RSASSA-PSS verification by ``cryptography``.

The client side (Prepare, Blind, Finalize; sections 4.1, 4.2, 4.4) is what the browser does with
``@cloudflare/blindrsa-ts``; it is written here to the RFC for the tests and for the ``verify``
tool, and must never run on the server with a voter's token.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass

import gmpy2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

SUITE = "RSABSSA-SHA384-PSS-Randomized"
HASH_LENGTH = 48  # SHA-384
SALT_LENGTH = 48  # sLen = hLen for the PSS variants
PREFIX_LENGTH = 32  # the randomized variants prepend 32 random bytes
KEY_BITS = 2048


class BlindSignatureError(ValueError):
    """Raised when a blinded message or signature is malformed or fails a check."""


@dataclass(frozen=True)
class BlindingResult:
    """What Blind returns to the client: the blinded message and the inverse to unblind."""

    blinded_message: bytes
    inverse: bytes


def _i2osp(value: int, length: int) -> bytes:
    return value.to_bytes(length, "big")


def _os2ip(data: bytes) -> int:
    return int.from_bytes(data, "big")


def _modulus_length(public_numbers: rsa.RSAPublicNumbers) -> int:
    return (public_numbers.n.bit_length() + 7) // 8


def generate_signing_key(bits: int = KEY_BITS) -> rsa.RSAPrivateKey:
    """Make a fresh RSA signing key for one election (e = 65537)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def public_key_der(key: rsa.RSAPublicKey) -> bytes:
    """Encode a public key as DER SubjectPublicKeyInfo (what the record publishes)."""
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def load_public_key(der: bytes) -> rsa.RSAPublicKey:
    """Load a DER SubjectPublicKeyInfo RSA key, refusing any other key type."""
    try:
        key = serialization.load_der_public_key(der)
    except ValueError as error:
        raise BlindSignatureError("not a DER public key") from error
    if not isinstance(key, rsa.RSAPublicKey):
        raise BlindSignatureError("not an RSA public key")
    return key


def private_key_der(key: rsa.RSAPrivateKey) -> bytes:
    """Encode a private key as unencrypted PKCS#8 DER (the caller encrypts it at rest)."""
    return key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def load_private_key(der: bytes) -> rsa.RSAPrivateKey:
    """Load a PKCS#8 DER RSA private key."""
    key = serialization.load_der_private_key(der, password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise BlindSignatureError("not an RSA private key")
    return key


def blind_sign(private_key: rsa.RSAPrivateKey, blinded_message: bytes) -> bytes:
    """Sign a blinded message (RFC 9474 section 4.3, BlindSign).

    RSASP1 uses ``gmpy2.powmod_sec`` so the exponentiations with the private exponents run in
    constant time; the result is checked with RSAVP1 before it leaves, which guards against faults.
    """
    numbers = private_key.private_numbers()
    n = numbers.public_numbers.n
    e = numbers.public_numbers.e
    k_len = _modulus_length(numbers.public_numbers)
    if len(blinded_message) != k_len:
        raise BlindSignatureError("unexpected input size")
    m = _os2ip(blinded_message)
    if m >= n:
        raise BlindSignatureError("invalid message length")
    # RSASP1 with the CRT representation (RFC 8017 section 5.2.1, case b), each half in constant time.
    p, q = numbers.p, numbers.q
    s_p = gmpy2.powmod_sec(m % p, numbers.dmp1, p)
    s_q = gmpy2.powmod_sec(m % q, numbers.dmq1, q)
    h = ((s_p - s_q) * numbers.iqmp) % p
    s = int(s_q + q * h)
    # RSAVP1 check: a fault in either half would otherwise leak a factor of n (Bellcore attack).
    if int(gmpy2.powmod(s, e, n)) != m:
        raise BlindSignatureError("signing failure")
    return _i2osp(s, k_len)


def verify(public_key: rsa.RSAPublicKey, message: bytes, signature: bytes) -> bool:
    """Check an RSASSA-PSS signature (SHA-384, MGF1-SHA-384, 48-byte salt) with ``cryptography``."""
    try:
        public_key.verify(
            signature,
            message,
            padding.PSS(mgf=padding.MGF1(hashes.SHA384()), salt_length=SALT_LENGTH),
            hashes.SHA384(),
        )
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


# --- Client side (browser equivalent), written to RFC 9474 and RFC 8017 --------------------------


def prepare(message: bytes, *, prefix: bytes | None = None) -> bytes:
    """Prepend 32 random bytes to the message (RFC 9474 section 4.1, randomized variant)."""
    if prefix is None:
        prefix = secrets.token_bytes(PREFIX_LENGTH)
    if len(prefix) != PREFIX_LENGTH:
        raise BlindSignatureError("prefix must be 32 bytes")
    return prefix + message


def _mgf1_sha384(seed: bytes, length: int) -> bytes:
    output = b""
    counter = 0
    while len(output) < length:
        output += hashlib.sha384(seed + counter.to_bytes(4, "big")).digest()
        counter += 1
    return output[:length]


def emsa_pss_encode(message: bytes, em_bits: int, salt: bytes) -> bytes:
    """Encode a message with EMSA-PSS (RFC 8017 section 9.1.1) using SHA-384 and MGF1-SHA-384."""
    m_hash = hashlib.sha384(message).digest()
    em_len = (em_bits + 7) // 8
    if em_len < HASH_LENGTH + len(salt) + 2:
        raise BlindSignatureError("encoding error")
    m_prime = b"\x00" * 8 + m_hash + salt
    h = hashlib.sha384(m_prime).digest()
    padding_string = b"\x00" * (em_len - len(salt) - HASH_LENGTH - 2)
    db = padding_string + b"\x01" + salt
    db_mask = _mgf1_sha384(h, em_len - HASH_LENGTH - 1)
    masked_db = bytearray(a ^ b for a, b in zip(db, db_mask, strict=True))
    zero_bits = 8 * em_len - em_bits
    masked_db[0] &= 0xFF >> zero_bits
    return bytes(masked_db) + h + b"\xbc"


def blind(
    public_key: rsa.RSAPublicKey,
    prepared_message: bytes,
    *,
    salt: bytes | None = None,
    r: int | None = None,
) -> BlindingResult:
    """Blind a prepared message for the signer (RFC 9474 section 4.2, Blind).

    ``salt`` and ``r`` are drawn at random unless given (the tests pass the RFC's values).
    """
    numbers = public_key.public_numbers()
    n, e = numbers.n, numbers.e
    k_len = _modulus_length(numbers)
    if salt is None:
        salt = secrets.token_bytes(SALT_LENGTH)
    encoded = emsa_pss_encode(prepared_message, n.bit_length() - 1, salt)
    m = _os2ip(encoded)
    if math.gcd(m, n) != 1:
        raise BlindSignatureError("invalid input")
    if r is None:
        while True:
            r = secrets.randbelow(n - 1) + 1
            if math.gcd(r, n) == 1:
                break
    inverse = pow(r, -1, n)
    x = pow(r, e, n)
    z = (m * x) % n
    return BlindingResult(blinded_message=_i2osp(z, k_len), inverse=_i2osp(inverse, k_len))


def finalize(public_key: rsa.RSAPublicKey, prepared_message: bytes, blind_signature: bytes, inverse: bytes) -> bytes:
    """Unblind the server's blind signature and check it (RFC 9474 section 4.4, Finalize)."""
    numbers = public_key.public_numbers()
    k_len = _modulus_length(numbers)
    if len(blind_signature) != k_len:
        raise BlindSignatureError("unexpected input size")
    z = _os2ip(blind_signature)
    s = (z * _os2ip(inverse)) % numbers.n
    signature = _i2osp(s, k_len)
    if not verify(public_key, prepared_message, signature):
        raise BlindSignatureError("invalid signature")
    return signature
