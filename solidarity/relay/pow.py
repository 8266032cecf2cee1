"""Proof of work for the public form: ALTCHA with JavaScript, a waiting token without it.

- JavaScript lane: an ALTCHA (v1) challenge signed with a server key; the browser finds the number
  (relay-pow.js), the server verifies the HMAC, the expiry, and that the challenge was never used.
- No-JavaScript lane: the form carries a signed token with the time it was issued; a submission is
  accepted only after `nojs_wait_seconds` (people take longer than that to write) and only once.
  Without JavaScript there is no work a browser can do, so the lane has a global budget a minute:
  tokens collected in bulk buy nothing past it but queue-only storage (see `spend_lane`).
- Every limit counts a submission only once its proof (ALTCHA or wait token) has been checked:
  empty or forged posts spend nobody's budget. Address limits apply off the onion only.
- Circuit breaker: when submissions per minute pass a threshold, the ALTCHA difficulty goes up
  tenfold (and the no-JS wait doubles) until the load falls.
Replay stores live in the cache with an expiry, keyed by a hash of the challenge, never of a person.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from altcha.v1 import ChallengeOptions, create_challenge, solve_challenge, verify_solution
from django.conf import settings
from django.core import signing
from django.core.cache import cache

from solidarity.core import counters
from solidarity.relay.conf import relay_settings

CHALLENGE_SECONDS = 600
_WAIT_SALT = "solidarity.relay.nojs-wait"


def _hmac_key() -> str:
    return hmac.new(settings.SECRET_KEY.encode(), b"relay-altcha", hashlib.sha256).hexdigest()


def _minute_key() -> str:
    return f"relay:breaker:{int(time.time() // 60)}"


def count_submission() -> None:
    """Count one submission in the current minute (for the circuit breaker)."""
    counters.increment(_minute_key(), timeout=120)


def spend_lane(lane: str) -> bool:
    """Count one proven submission in its lane's minute; tell whether the lane is past its budget.

    Past it, submissions are still accepted but queue-only: stored at once and screened by the
    periodic batch (`relay.tasks.screen_pending_every_minute`) instead of one job each, so a flood
    costs the server a row per message and refuses nobody.
    """
    config = relay_settings()
    budget = config.nojs_lane_per_minute if lane == "nojs" else config.js_lane_per_minute
    return counters.increment(f"relay:lane:{lane}:{int(time.time() // 60)}", timeout=120) > budget


def is_under_load() -> bool:
    value = cache.get(_minute_key(), 0)
    return isinstance(value, int) and value >= relay_settings().breaker_per_minute


@dataclass(frozen=True)
class ChallengeData:
    algorithm: str
    challenge: str
    maxnumber: int
    salt: str
    signature: str


def issue_challenge() -> dict[str, Any]:
    """Return a fresh ALTCHA challenge as the JSON the widget script expects."""
    config = relay_settings()
    max_number = config.pow_max_number_under_load if is_under_load() else config.pow_max_number
    challenge = create_challenge(
        ChallengeOptions(
            hmac_key=_hmac_key(),
            max_number=max_number,
            expires=datetime.now(UTC) + timedelta(seconds=CHALLENGE_SECONDS),
        )
    )
    return asdict(
        ChallengeData("SHA-256", challenge.challenge, challenge.max_number, challenge.salt, challenge.signature)
    )


def _first_use(kind: str, value: str) -> bool:
    digest = hashlib.sha256(value.encode()).hexdigest()[:40]
    return bool(cache.add(f"relay:replay:{kind}:{digest}", 1, timeout=CHALLENGE_SECONDS * 2))


def verify_altcha(payload: str) -> bool:
    """Accept a solved ALTCHA payload once: right HMAC, not expired, never seen before."""
    if not payload or len(payload) > 2000:
        return False
    try:
        ok, _error = verify_solution(payload, _hmac_key(), check_expires=True)
    except Exception:  # a malformed payload of any shape is just a failed proof
        return False
    return bool(ok) and _first_use("altcha", payload_challenge(payload))


def payload_challenge(payload: str) -> str:
    import base64
    import json

    try:
        return str(json.loads(base64.b64decode(payload))["challenge"])
    except (ValueError, KeyError, TypeError):
        return payload


def solve_for_tests(challenge: dict[str, Any]) -> str:
    """Solve a challenge the way the browser does (tests and the benchmark's client use it)."""
    solution = solve_challenge(challenge["challenge"], challenge["salt"], "SHA-256", challenge["maxnumber"])
    if solution is None:  # pragma: no cover - the range always contains the number
        raise RuntimeError("unsolvable challenge")
    import base64
    import json

    payload = {**{k: challenge[k] for k in ("algorithm", "challenge", "salt", "signature")}, "number": solution.number}
    return base64.b64encode(json.dumps(payload).encode()).decode()


def issue_wait_token() -> str:
    """Return a signed token for the no-JavaScript lane, stamped with the time it was issued."""
    return signing.dumps({"n": secrets.token_hex(8), "t": int(time.time())}, salt=_WAIT_SALT, compress=False)


def wait_seconds() -> int:
    base = relay_settings().nojs_wait_seconds
    return base * 2 if is_under_load() else base


def verify_wait_token(token: str) -> bool:
    """Accept a no-JS token once, after the wait and before it expires."""
    if not token or len(token) > 300:
        return False
    try:
        data = signing.loads(token, salt=_WAIT_SALT, max_age=CHALLENGE_SECONDS * 3)
        issued = int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return False
    if time.time() - issued < wait_seconds():
        return False
    return _first_use("wait", token)
