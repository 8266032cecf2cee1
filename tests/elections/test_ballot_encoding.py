"""The compact ballot: known answers (bytes and points, the points checked by plain Python), round trips, spoilt rows.

The plain-Python edwards25519 below (RFC 8032 §5.1.3 decoding, a subgroup check by multiplying by L)
shares no code with libsodium, so the embedding's choice of counter is checked independently.
"""

from __future__ import annotations

import pytest

from solidarity.elections import ballots, record
from solidarity.elections import threshold as th
from tests.elections.helpers import make_election, seal_raw

# --- plain-Python edwards25519 (RFC 8032), for the known answers ------------------------------------

P = 2**255 - 19
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)
L = 2**252 + 27742317777372353535851937790883648493


def _decode(encoded: bytes) -> tuple[int, int, int, int] | None:
    """RFC 8032 §5.1.3: the point, or None if the encoding is not canonical or not on the curve."""
    y = int.from_bytes(encoded, "little") & ((1 << 255) - 1)
    sign = encoded[31] >> 7
    if y >= P:
        return None
    u, v = (y * y - 1) % P, (D * y * y + 1) % P
    x = u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P) % P
    if v * x * x % P == (-u) % P:
        x = x * SQRT_M1 % P
    elif v * x * x % P != u:
        return None
    if x == 0 and sign:
        return None
    if x & 1 != sign:
        x = P - x
    return (x, y, 1, x * y % P)


def _add(p: tuple[int, int, int, int], q: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    x1, y1, z1, t1 = p
    x2, y2, z2, t2 = q
    a, b = (y1 - x1) * (y2 - x2) % P, (y1 + x1) * (y2 + x2) % P
    c, d = 2 * t1 * t2 * D % P, 2 * z1 * z2 % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def _times(n: int, point: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    result = (0, 1, 1, 0)
    while n:
        if n & 1:
            result = _add(result, point)
        point = _add(point, point)
        n >>= 1
    return result


def _is_identity(point: tuple[int, int, int, int]) -> bool:
    x, y, z, _ = point
    return x % P == 0 and (y - z) % P == 0


def plain_is_valid(encoded: bytes) -> bool:
    """libsodium's crypto_core_ed25519_is_valid_point, in plain Python: canonical, on the curve, order L."""
    point = _decode(encoded)
    return point is not None and not _is_identity(_times(8, point)) and _is_identity(_times(L, point))


def plain_embed(data: bytes) -> list[bytes]:
    """docs/elections.md, Sealed ballots: 2-byte length, 29-byte chunks, first counter giving a valid point."""
    payload = len(data).to_bytes(2, "big") + data
    points = []
    for start in range(0, len(payload), 29):
        chunk = payload[start : start + 29].ljust(29, b"\x00")
        counter = next(c for c in range(0x10000) if plain_is_valid(chunk + c.to_bytes(2, "little") + b"\x00"))
        points.append(chunk + counter.to_bytes(2, "little") + b"\x00")
    return points


# --- known answers: the bytes ------------------------------------------------------------------------

IDS_30 = [f"c{i}" for i in range(30)]

VECTORS = [
    # (rule, candidates, ballot, points, plaintext as hex: kind, count, entries, zeros to 29 × points − 2)
    ("scottish-stv", IDS_30, {"ranking": ["c3", "c0", "c29"]}, 2, "0103" + "03001d" + "00" * 51),
    ("scottish-stv", ["a"], {"ranking": ["a"]}, 1, "010100" + "00" * 24),
    ("pav", IDS_30, {"approve": []}, 2, "0200" + "00" * 54),
    ("equal-shares", ["x", "y", "z"], {"approve": ["z", "x"]}, 1, "02020002" + "00" * 23),  # sorted
    ("motion", [], {"choice": "abstain"}, 1, "030102" + "00" * 24),
    ("motion", [], {"choice": ""}, 1, "0300" + "00" * 25),  # a blank motion ballot: written, opens spoilt
]


@pytest.mark.parametrize(("rule", "ids", "ballot", "points", "plaintext"), VECTORS)
def test_known_bytes(
    rule: str, ids: list[str], ballot: dict[str, list[str] | str], points: int, plaintext: str
) -> None:
    layout = ballots.layout(rule, ids)
    assert layout.points == points
    assert layout.length == 29 * points - 2
    assert ballots.encode(layout, ballot).hex() == plaintext


def test_widths() -> None:
    """ceil((2 length bytes + kind + count + one byte per candidate) / 29) points; a motion one."""
    widths = {
        n: ballots.layout("scottish-stv", [f"c{i}" for i in range(n)]).points for n in (1, 25, 26, 30, 54, 55, 255)
    }
    assert widths == {1: 1, 25: 1, 26: 2, 30: 2, 54: 2, 55: 3, 255: 9}
    assert ballots.layout("motion", []).points == 1
    with pytest.raises(ballots.BallotError):
        ballots.layout("pav", [f"c{i}" for i in range(256)])


def test_known_points_match_plain_python() -> None:
    """The points the booth and the server embed are the ones plain Python finds, counter by counter."""
    layout = ballots.layout("scottish-stv", IDS_30)
    plaintext = ballots.encode(layout, {"ranking": ["c3", "c0", "c29"]})
    points = th.embed(plaintext)
    assert points == plain_embed(plaintext)
    assert [p[:29].hex() for p in points] == [
        "0038" + "0103" + "03001d" + "00" * 22,  # the length (56) as 2 bytes, then the first 27 bytes
        "00" * 29,
    ]
    assert th.extract(points) == plaintext


def test_a_known_ciphertext() -> None:
    """Sealing is deterministic given the key and the sealing secret (the booth's audit re-seals this way)."""
    public = th.base_mul(7)
    layout = ballots.layout("motion", [])
    sealed = ballots.seal_with(public, bytes(32), ballots.encode(layout, {"choice": "yes"}))
    (point,) = plain_embed(bytes([3, 1, 0]) + bytes(24))
    r = ballots.seal_randomness(bytes(32), 0)
    assert sealed == th.base_mul(r) + th.add(point, th.mul(r, public))
    assert len(sealed) == layout.ciphertext_length == 64


# --- round trips ----------------------------------------------------------------------------------------

ROUND_TRIPS = [
    ("scottish-stv", 1, {"ranking": ["c0"]}),
    ("scottish-stv", 255, {"ranking": [f"c{i}" for i in range(254, -1, -1)]}),  # all 255, reversed
    ("scottish-stv", 255, {"ranking": ["c254"]}),
    ("pav", 1, {"approve": []}),
    ("pav", 1, {"approve": ["c0"]}),
    ("equal-shares", 255, {"approve": [f"c{i}" for i in range(0, 255, 2)]}),
    ("motion", 0, {"choice": "yes"}),
    ("motion", 0, {"choice": "no"}),
    ("motion", 0, {"choice": "abstain"}),
]


@pytest.mark.parametrize(("rule", "candidates", "ballot"), ROUND_TRIPS)
def test_round_trip(rule: str, candidates: int, ballot: dict[str, list[str] | str]) -> None:
    layout = ballots.layout(rule, [f"c{i}" for i in range(candidates)])
    plaintext = ballots.encode(layout, ballot)
    assert len(plaintext) == layout.length
    assert ballots.decode(layout, plaintext) == ballot
    assert ballots.read_points(layout, th.embed(plaintext)) == ballot
    pair = ballots.generate_key_pair()
    assert ballots.open_sealed(pair.private_key, layout, ballots.seal(pair.public_key, layout, ballot)) == ballot


@pytest.mark.parametrize(
    ("rule", "ballot"),
    [
        ("scottish-stv", {"ranking": ["c9"]}),  # unknown candidate
        ("scottish-stv", {"ranking": ["c1", "c1"]}),  # twice
        ("scottish-stv", {"approve": ["c1"]}),  # another rule's field
        ("pav", {"approve": ["c1"], "note": "x"}),  # an extra field
        ("motion", {"choice": "maybe"}),
        ("motion", {"choice": 1}),
    ],
)
def test_what_cannot_be_written_is_refused(rule: str, ballot: dict[str, object]) -> None:
    with pytest.raises(ballots.BallotError):
        ballots.encode(ballots.layout(rule, ["c0", "c1", "c2"]), ballot)


# --- the spoilt-ballot rule, exactly ----------------------------------------------------------------------

STV_3 = ballots.layout("scottish-stv", ["c0", "c1", "c2"])  # 27 bytes, one point
SPOILT_STV = [
    ("26 bytes, one short of the width", bytes([1, 1, 0]) + bytes(23)),
    ("28 bytes, one over", bytes([1, 1, 0]) + bytes(25)),
    ("the approval kind", bytes([2, 1, 0]) + bytes(24)),
    ("kind 0", bytes([0, 1, 0]) + bytes(24)),
    ("an empty ranking", bytes([1, 0]) + bytes(25)),
    ("count above the candidates", bytes([1, 4, 0, 1, 2, 0]) + bytes(21)),
    ("index 3 of three candidates", bytes([1, 1, 3]) + bytes(24)),
    ("index 255", bytes([1, 1, 255]) + bytes(24)),
    ("an index twice", bytes([1, 2, 1, 1]) + bytes(23)),
    ("a byte after the entries", bytes([1, 1, 0, 0, 0, 7]) + bytes(21)),
    ("the last byte set", bytes([1, 1, 0]) + bytes(23) + b"\x01"),
    ("old padded JSON", b'{"ranking":["c0"]}'.ljust(27, b" ")),
]


@pytest.mark.parametrize(("why", "plaintext"), SPOILT_STV, ids=[why for why, _ in SPOILT_STV])
def test_every_malformed_row_is_spoilt(why: str, plaintext: bytes) -> None:
    with pytest.raises(ballots.BallotError):
        ballots.decode(STV_3, plaintext)


def test_malformed_motion_and_approval_rows_are_spoilt() -> None:
    motion = ballots.layout("motion", [])
    for plaintext in (
        bytes([3, 0]) + bytes(25),  # no choice
        bytes([3, 1, 3]) + bytes(24),  # a fourth choice
        bytes([3, 2, 0, 1]) + bytes(23),  # two choices
        bytes([1, 1, 0]) + bytes(24),  # a ranking's kind
    ):
        with pytest.raises(ballots.BallotError):
            ballots.decode(motion, plaintext)
    approval = ballots.layout("pav", ["c0", "c1"])
    assert ballots.decode(approval, bytes([2, 0]) + bytes(25)) == {"approve": []}  # blank: valid
    for plaintext in (
        bytes([2, 3, 0, 1, 0]) + bytes(22),  # three entries of two candidates
        bytes([2, 2, 1, 0]) + bytes(23),  # not in increasing order
        bytes([2, 1, 2]) + bytes(24),  # index 2 of two candidates
        bytes([1, 1, 0]) + bytes(24),  # a ranking's kind
    ):
        with pytest.raises(ballots.BallotError):
            ballots.decode(approval, plaintext)


def test_a_row_whose_embedded_length_is_wrong_is_spoilt() -> None:
    """The length the points carry must be the width exactly; too long for the points does not extract."""
    layout = ballots.layout("pav", ["c0", "c1"])
    short = th.embed(bytes([2, 0]) + bytes(24))  # 26 bytes embedded in one point
    assert len(short) == 1
    with pytest.raises(ballots.BallotError):
        ballots.read_points(layout, short)
    too_long = [bytes.fromhex("ffff") + bytes(27) + p[29:] for p in th.embed(bytes(27))]
    with pytest.raises(ballots.BallotError):
        ballots.read_points(layout, too_long)


def test_spoilt_rows_count_as_spoilt_in_a_verified_record() -> None:
    """Sealed by a voter, each malformed row opens to a spoilt ballot; the honest record verifies."""
    election = make_election("scottish-stv", candidates=3, voters=len(SPOILT_STV) + 2)
    election.vote("e000", {"ranking": ["c2", "c0"]})
    for number, (_, plaintext) in enumerate(SPOILT_STV, start=1):
        if len(plaintext) + 2 > 29 * election.layout.points:
            continue  # does not fit the row: the one-byte-over case is refused at the cast (wrong size)
        voting_pass = election.issue(f"e{number:03d}")
        sealed = seal_raw(election.ballot_key, plaintext, election.layout.points)
        election.cast_sealed(voting_pass, sealed)
    built = election.build()
    assert (built["result"]["valid"], built["result"]["spoilt"]) == (1, len(election.cast) - 1)
    assert record.verify(built) == []


def test_the_definition_states_the_encoding_and_the_width() -> None:
    """The definition hash covers ``ballot_format``; a width or encoding other than the computed one is refused."""
    election = make_election("scottish-stv", candidates=30, voters=2)
    assert election.definition["ballot_format"] == {"encoding": "solidarity-ballot-bytes/1", "points": 2}
    assert record.parse_definition(election.definition).layout.points == 2
    for wrong in ({"encoding": "solidarity-ballot-bytes/1", "points": 18}, {"encoding": "json", "points": 2}):
        with pytest.raises(record.RecordFormatError):
            record.parse_definition({**election.definition, "ballot_format": wrong})
    without = {k: v for k, v in election.definition.items() if k != "ballot_format"}
    with pytest.raises(record.RecordFormatError):
        record.parse_definition(without)
    first = election.definition["candidates"][0]
    many = {**election.definition, "candidates": [{**first, "id": f"c{i}"} for i in range(256)]}
    many["ballot_format"] = record.ballot_format(many)
    with pytest.raises(record.RecordFormatError, match="255"):
        record.parse_definition(many)


def test_a_row_of_another_width_fails_the_verifier() -> None:
    """An 18-point row (the old width) in a 2-point election is not a row of this election (`ciphertext`)."""
    election = make_election("scottish-stv", candidates=30, voters=3)
    election.vote("e000", {"ranking": ["c5"]})
    election.vote("e001", {"ranking": ["c7", "c5"]})
    built = election.build()
    wide = seal_raw(election.ballot_key, bytes([1, 1, 0]) + bytes(53), 18)
    built["ballots"][0]["ciphertext"] = record.b64(wide)
    assert "ciphertext" in {failure.code for failure in record.verify(built)}
