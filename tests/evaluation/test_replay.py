"""The replay of a vote log (votes.csv) through warm-started updates, as the live recompute chains them."""

from __future__ import annotations

import io
import itertools
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from evaluation.__main__ import main
from evaluation.deliberation import scoring
from solidarity.deliberation import engine, polis_io
from solidarity.deliberation.polis_io import ImportedVote

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "deliberation"
needs_shared = pytest.mark.skipif(
    not (SHARED / "15-per-hour-seattle" / "votes.csv").is_file(),
    reason=f"../shared is absent: no real Pol.is vote log at {SHARED}/15-per-hour-seattle/votes.csv",
)


def two_camps(seed: int = 3, participants: int = 60, statements: int = 20) -> list[ImportedVote]:
    """Two camps voting on opposite halves, noisy, partly seen, in shuffled file order, with some re-votes."""
    rng = np.random.default_rng(seed)
    votes: list[ImportedVote] = []
    for p in range(participants):
        camp = 1 if p % 2 else -1
        seen = rng.choice(statements, size=int(rng.integers(8, statements + 1)), replace=False)
        start = int(rng.integers(0, 100_000))
        for offset, s in enumerate(seen):
            value = camp if s < statements // 2 else -camp
            if rng.random() < 0.15:
                value = int(rng.choice([-1, 0, 1]))
            votes.append(ImportedVote(start + 1_000 * offset, p, int(s), int(value)))
        if p % 7 == 0:  # a re-vote, later in time
            s = int(seen[0])
            votes.append(ImportedVote(start + 1_000 * len(seen) + 500, p, s, 0))
    order = rng.permutation(len(votes))
    return [votes[i] for i in order]


def last_votes(votes: list[ImportedVote]) -> list[tuple[int, int, int]]:
    latest: dict[tuple[int, int], int] = {}
    for v in sorted(votes, key=lambda v: v.timestamp):
        latest[(v.participant, v.statement)] = v.value
    return [(p, s, value) for (p, s), value in sorted(latest.items())]


def test_schedule_is_one_update_per_vote_then_one_percent_growth_and_ends_at_every_vote() -> None:
    timestamps = list(range(1_000))
    ends = scoring.replay_schedule(timestamps, 0.01)
    assert ends[:100] == list(range(1, 101))
    assert ends[-1] == 1_000
    assert all(b > a for a, b in itertools.pairwise(ends))
    assert all(b >= a * 1.01 for a, b in itertools.pairwise(ends[100:-1]))  # the last one stops at the log's end


def test_schedule_never_splits_votes_cast_at_the_same_instant() -> None:
    timestamps = [1, 2, 2, 2, 3, 4, 4]
    ends = scoring.replay_schedule(timestamps, 0.01)
    assert ends == [1, 4, 5, 7]
    with pytest.raises(ValueError):
        scoring.replay_schedule(timestamps, 0.0)


def test_replay_is_deterministic_for_the_same_seed() -> None:
    votes = two_camps()
    first = scoring.replay(votes, seed=5, growth=0.1)
    second = scoring.replay(list(votes), seed=5, growth=0.1)
    assert first.updates == second.updates
    assert first.result.group_of() == second.result.group_of()
    assert first.result.k_state == second.result.k_state
    np.testing.assert_array_equal(first.result.projection, second.result.projection)
    np.testing.assert_array_equal(first.result.base_centers, second.result.base_centers)


def test_replay_consumes_votes_in_time_order_and_chains_each_warm_start(monkeypatch: pytest.MonkeyPatch) -> None:
    votes = two_camps()
    ordered = sorted(votes, key=lambda v: v.timestamp)
    calls: list[dict[str, Any]] = []
    real_compute = engine.compute

    def spy(table: engine.VoteTable, **kwargs: Any) -> engine.Result:
        result = real_compute(table, **kwargs)
        calls.append({"table": table, "previous": kwargs.get("previous"), "result": result})
        return result

    monkeypatch.setattr(engine, "compute", spy)  # evaluation calls engine.compute through the module
    outcome = scoring.replay(votes, growth=0.05)
    assert len(calls) == len(outcome.updates) > 10
    for call, end in zip(calls, outcome.updates, strict=True):
        prefix = ordered[:end]
        assert call["table"].participants.tolist() == [v.participant for v in prefix]
        assert call["table"].statements.tolist() == [v.statement for v in prefix]
        assert call["table"].values.tolist() == [v.value for v in prefix]
    assert calls[0]["previous"] is None
    for before, after in itertools.pairwise(calls):
        # what the next update starts from is the previous result's warm start, after a JSON round trip
        assert after["previous"].to_json() == before["result"].warm_start().to_json()
    # the last vote in time wins, whatever the file order
    final = {(p, s): value for p, s, value in last_votes(votes)}
    result = outcome.result
    for summary in result.statements:
        column = [value for (p, s), value in final.items() if s == summary.statement]
        assert summary.agree == column.count(1)
        assert summary.passed == column.count(0)


def test_replay_takes_the_way_it_is_asked() -> None:
    votes = two_camps(participants=30, statements=10)
    full = scoring.replay(votes, update="full")
    assert full.full_updates == len(full.updates) > 3
    auto = scoring.replay(votes)
    assert auto.updates == full.updates and 0 < auto.full_updates < len(auto.updates)
    with pytest.raises(engine.EngineInputError, match="update"):
        scoring.replay(votes, update="sometimes")


def test_a_single_update_is_the_cold_start() -> None:
    votes = two_camps()
    replayed = scoring.replay(votes, moderated_out=[3], schedule=[len(votes)])
    cold = engine.compute(engine.VoteTable.from_tuples(last_votes(votes)), moderated_out=[3], bridging=False)
    assert replayed.updates == (len(votes),)
    assert replayed.result.group_of() == cold.group_of()
    np.testing.assert_allclose(replayed.result.projection, cold.projection, atol=1e-9)
    assert replayed.result.k_state == cold.k_state


def test_replay_refuses_a_bad_schedule_and_an_empty_log() -> None:
    votes = two_camps()
    for schedule in ([], [5, 5, len(votes)], [10, len(votes) - 1]):
        with pytest.raises(engine.EngineInputError):
            scoring.replay(votes, schedule=schedule)
    with pytest.raises(engine.EngineInputError):
        scoring.replay([])


def _write_export(folder: Path, votes: list[ImportedVote], *, with_log: bool) -> None:
    by_participant: dict[int, list[tuple[int, int]]] = {}
    for p, s, value in last_votes(votes):
        by_participant.setdefault(p, []).append((s, value))
    export = polis_io.PolisExport(
        topic="camps",
        description="",
        statements=tuple(polis_io.ImportedStatement(s, 0, 0, f"statement {s}") for s in range(20)),
        participants=tuple(
            polis_io.ImportedParticipant(p, p % 2, tuple(cells)) for p, cells in sorted(by_participant.items())
        ),
        groups=2,
    )
    folder.mkdir()
    for name, text in polis_io.export_files(export).items():
        (folder / name).write_text(text, encoding="utf-8")
    if with_log:
        lines = ["timestamp,datetime,comment-id,voter-id,vote"]
        lines += [f"{v.timestamp},,{v.statement},{v.participant},{v.value}" for v in votes]
        (folder / "votes.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_evaluate_reports_the_replay_beside_the_cold_start(tmp_path: Path) -> None:
    votes = two_camps()
    _write_export(tmp_path / "with-log", votes, with_log=True)
    _write_export(tmp_path / "without-log", votes, with_log=False)
    with_log = scoring.evaluate(tmp_path / "with-log", with_reference=False)
    assert with_log.replay is not None and with_log.replay.ari is not None
    assert with_log.replay_updates > 1
    # the live path's way: incremental updates between full recomputes
    assert 0 < with_log.replay_full_updates < with_log.replay_updates
    assert with_log.ours.ari == pytest.approx(1.0)
    assert with_log.replay.ari == pytest.approx(1.0)
    without_log = scoring.evaluate(tmp_path / "without-log", with_reference=False)
    assert without_log.replay is not None and without_log.replay.error == "no votes.csv"
    assert scoring.evaluate(tmp_path / "with-log", with_reference=False, with_replay=False).replay is None
    (tmp_path / "without-log" / "votes.csv").write_text("timestamp,datetime,comment-id,voter-id,vote\n")
    header_only = scoring.evaluate(tmp_path / "without-log", with_reference=False)
    assert header_only.replay is not None and header_only.replay.error == "votes.csv holds no votes"
    (tmp_path / "without-log" / "votes.csv").unlink()
    out = io.StringIO()
    assert main(["deliberation", "--data", str(tmp_path), "--no-reference"], out) == 0
    assert "replayed" in out.getvalue()
    assert "no votes.csv" in out.getvalue()


@needs_shared
def test_replaying_a_real_log_ends_on_the_exported_matrix() -> None:
    folder = SHARED / "15-per-hour-seattle"
    export = polis_io.read_export(folder)
    log = polis_io.read_vote_log(folder)
    assert log is not None
    assert sorted(last_votes(log)) == sorted(export.vote_tuples())
    cold, _ = scoring.run_engine(export)
    single = scoring.replay(log, moderated_out=export.moderated_out(), schedule=[len(log)])
    assert single.result.group_of() == cold.group_of()
    replayed = scoring.replay(log, moderated_out=export.moderated_out())
    assert len(replayed.updates) == len(scoring.replay_schedule(sorted(v.timestamp for v in log)))
    assert 0 < replayed.full_updates < len(replayed.updates)
    # membership is sticky (METHOD.md 1.2): whoever was clustered in an early update stays clustered
    assert set(replayed.result.group_of()) >= set(cold.group_of())
