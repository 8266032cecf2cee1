"""Code-word commitments and k-of-n bulletins."""

from __future__ import annotations

import secrets

from nacl.signing import SigningKey

from solidarity.coordination import signal


def test_a_word_checks_against_its_commitment_with_persian_variants():
    commitment = signal.commit_word("انار كوچك", campaign="c", kind="go", iterations=1000)
    assert signal.check_word("انار کوچک", campaign="c", kind="go", commitment=commitment, iterations=1000)
    assert signal.check_word("  انار   کوچک ", campaign="c", kind="go", commitment=commitment, iterations=1000)
    assert not signal.check_word("انار بزرگ", campaign="c", kind="go", commitment=commitment, iterations=1000)
    assert not signal.check_word("انار کوچک", campaign="c", kind="abort", commitment=commitment, iterations=1000)
    assert not signal.check_word("انار کوچک", campaign="d", kind="go", commitment=commitment, iterations=1000)


def test_k_of_n_signatures():
    seeds = [secrets.token_bytes(32) for _ in range(3)]
    keys = [bytes(SigningKey(seed).verify_key) for seed in seeds]
    body = signal.bulletin_body(
        campaign="c", kind="go", action_date="2027-01-01", title_en="t", title_fa="ت", cells_reached=2, cells=4
    )
    one = dict([signal.sign(body, seeds[0])])
    assert not signal.verify(body, one, keys=keys, threshold=2).valid
    twice = {**one, "forged": one[next(iter(one))]}
    assert not signal.verify(body, twice, keys=keys, threshold=2).valid
    two = dict([signal.sign(body, seeds[0]), signal.sign(body, seeds[1])])
    assert signal.verify(body, two, keys=keys, threshold=2).valid
    tampered = {**body, "kind": "abort"}
    assert not signal.verify(tampered, two, keys=keys, threshold=2).valid
    outsider = secrets.token_bytes(32)
    mixed = dict([signal.sign(body, seeds[0]), signal.sign(body, outsider)])
    assert not signal.verify(body, mixed, keys=keys, threshold=2).valid
