"""The advertising classifier: numpy scoring agrees with scikit-learn, rebuilds are byte-identical,
its holds come after the rules' reasons, moderators' decisions reach training, the command shows it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command

from evaluation.relay import train
from solidarity.core.models import User
from solidarity.relay import classifier, services
from solidarity.relay.screening import Reason, matching_key, screen
from tests.relay.conftest import submit

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built() -> tuple[bytes, object, list[train.Sample]]:
    samples = train.development_samples()
    data, estimator = train.build(samples)
    return data, estimator, samples


def test_numpy_scores_agree_with_scikit_learn(built: tuple[bytes, object, list[train.Sample]]) -> None:
    data, estimator, samples = built
    model = classifier.from_bytes(data)
    texts = [s.text for s in samples[::3]] + ["Meet Iranian Singles tonight", "ما با شما هستیم", ""]
    expected = estimator.predict_proba(train.feature_matrix(texts))[:, 1]  # type: ignore[attr-defined]  # a fitted LogisticRegression
    ours = np.array([model.score(matching_key(text)) for text in texts])
    # The shipped weights are the estimator's rounded to 1e-7 (`train.WEIGHT_DECIMALS`), so they
    # agree to about √(n-grams) × 5e-8 in log-odds.
    assert np.abs(expected - ours).max() < 1e-5
    raw = estimator.decision_function(train.feature_matrix(texts[:5]))  # type: ignore[attr-defined]  # as above
    assert np.abs(raw - [model.decision(matching_key(t)) for t in texts[:5]]).max() < 1e-5


def test_rebuild_is_byte_identical_and_is_the_shipped_file(built: tuple[bytes, object, list[train.Sample]]) -> None:
    data, _estimator, samples = built
    again, _ = train.build(samples)
    assert again == data
    assert classifier.MODEL_PATH.read_bytes() == data, "run `python -m evaluation relay train` and commit the model"


def test_training_reads_no_blind_example() -> None:
    from evaluation.relay import load

    blind = {example.text for example in load("blind")}
    assert blind
    assert not blind & {sample.text for sample in train.development_samples()}


def test_scoring_at_run_time_needs_neither_scikit_learn_nor_scipy() -> None:
    program = (
        "import sys\n"
        "from solidarity.relay import classifier\n"
        "from solidarity.relay.screening import matching_key\n"
        "assert classifier.shipped_model().score(matching_key('Meet Iranian Singles')) > 0\n"
        "assert not {'sklearn', 'scipy'} & {name.split('.')[0] for name in sys.modules}, sys.modules.keys()\n"
    )
    subprocess.run([sys.executable, "-c", program], cwd=ROOT, check=True)  # noqa: S603  # fixed argument list, no shell


def test_features_are_stable_across_processes() -> None:
    """No salted `hash()`: the same text maps to the same buckets in a fresh interpreter."""
    program = "from solidarity.relay import classifier; print(classifier.hashes('سلام hello').tolist())"
    other = subprocess.run(  # noqa: S603  # fixed argument list, no shell
        [sys.executable, "-c", program], cwd=ROOT, check=True, capture_output=True, text=True
    )
    assert json.loads(other.stdout) == classifier.hashes("سلام hello").tolist()


def test_a_classifier_hold_names_advertising_after_the_rules_reasons() -> None:
    only_model = screen("Meet your Persian Love Today!")  # the issue's footer ad: no rule names it
    assert only_model.reasons == (Reason.ADVERTISING,)
    assert only_model.advertising_score >= classifier.THRESHOLD
    both = screen(
        "Had your mobile 11 months or more? U R entitled to Update to the latest colour mobiles, call 08002986030"
    )
    assert both.reasons[0] != Reason.ADVERTISING and both.reasons[-1] == Reason.ADVERTISING
    assert Reason.PHONE in both.reasons
    genuine = screen("We stand with you, people of Iran. Woman, life, freedom!")
    assert genuine.decision == "pass"
    assert genuine.advertising_score < classifier.THRESHOLD


def test_screening_without_a_model_keeps_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(classifier, "shipped_model", lambda: None)
    verdict = screen("Meet your Persian Love Today!")
    assert verdict.decision == "pass"
    assert verdict.advertising_score == 0.0


def test_moderators_decisions_become_samples_without_anything_about_senders() -> None:
    lines = [
        json.dumps({"text": "Zorblax gadgets, the best deals", "decision": "rejected", "reason": "commercial"}),
        json.dumps({"text": "You are so brave", "decision": "approved", "reason": ""}),
        json.dumps({"text": "You are all idiots", "decision": "rejected", "reason": "abuse"}),
        "",
    ]
    samples = train.decision_samples(lines)
    assert samples == [
        train.Sample("Zorblax gadgets, the best deals", True),
        train.Sample("You are so brave", False),
    ]


def test_moderators_rejections_move_the_next_model() -> None:
    text = "Zorblax gadgets for your kitchen, order today"
    base = train.development_samples()
    before = classifier.from_bytes(train.build(base)[0]).score(matching_key(text))
    rejected = [
        json.dumps({"text": f"Zorblax gadgets {n}", "decision": "rejected", "reason": "spam"}) for n in range(8)
    ]
    after = classifier.from_bytes(train.build(base + train.decision_samples(rejected))[0]).score(matching_key(text))
    assert after > before + 0.05


def test_model_file_round_trips_and_rejects_other_formats() -> None:
    import io

    data = classifier.to_bytes(np.array([1, 7]), np.array([0.5, -2.0]), 0.25, {"samples": 2})
    model = classifier.from_bytes(data)
    assert model.weights[1] == 0.5 and model.weights[7] == -2.0 and model.intercept == 0.25
    assert model.meta["samples"] == 2
    other = io.BytesIO()
    meta = np.frombuffer(json.dumps({"format": "something else"}).encode(), dtype=np.uint8)
    np.savez(other, indices=np.array([1]), weights=np.array([0.5]), intercept=np.array([0.0]), meta=meta)
    with pytest.raises(ValueError, match="not an advertising model"):
        classifier.from_bytes(other.getvalue())


def test_screen_command_prints_reason_and_score(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("relay", "screen", "Meet", "your", "Persian", "Love", "Today!")
    out = capsys.readouterr().out
    assert "decision: hold" in out
    assert "reasons:  advertising" in out
    assert "advertising score: 0." in out
    call_command("relay", "screen", "--json", "Meet your Persian Love Today!")
    data = json.loads(capsys.readouterr().out)
    assert data["reasons"] == ["advertising"] and data["advertising_score"] >= classifier.THRESHOLD


@pytest.mark.django_db
def test_export_decisions_writes_text_decision_and_reason_only(
    moderator: User, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    approved = submit("We stand with you, people of Iran", display_name="Sara", city="Lyon", contact="me@example.org")
    rejected = submit("Cheap VPN, best price, buy now")
    submit("Still waiting for a moderator: freedom for Iran")
    services.decide_messages(message_ids=[approved.pk], moderator=moderator, decision="approve", reason="fine")
    services.decide_messages(message_ids=[rejected.pk], moderator=moderator, decision="reject", reason="commercial")
    out = tmp_path / "decisions.jsonl"
    call_command("relay", "export-decisions", str(out))
    assert "wrote 2 decisions" in capsys.readouterr().out
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == [
        {"text": "We stand with you, people of Iran", "decision": "approved", "reason": "fine"},
        {"text": "Cheap VPN, best price, buy now", "decision": "rejected", "reason": "commercial"},
    ]
    assert "Sara" not in out.read_text() and "Lyon" not in out.read_text() and "example.org" not in out.read_text()
    assert [s.is_advertising for s in train.decision_samples(out.read_text().splitlines())] == [False, True]


def test_the_issues_footer_ads_are_held() -> None:
    """Issue 19: both passed before; one is now a dating rule's, the other the classifier's."""
    assert screen("Meet Iranian Singles").reasons[0] == Reason.DATING
    assert screen("Meet your Persian Love Today!").reasons == (Reason.ADVERTISING,)
