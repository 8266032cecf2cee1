"""The Pol.is importer and exporter: strict validation, round trips, fuzzing."""

from __future__ import annotations

import contextlib
import csv
import io
import re
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solidarity.core.spreadsheet import FORMULA_STARTS
from solidarity.deliberation import polis_io

from . import fuzz_polis_import

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "deliberation"  # ../shared beside the checkout
COMMENTS = fuzz_polis_import.COMMENTS
VOTES = fuzz_polis_import.VOTES


def test_a_small_export_parses() -> None:
    export = polis_io.parse_export(participants_votes=VOTES, comments=COMMENTS, summary="topic,T\ngroups,2\n")
    assert export.topic == "T"
    assert export.groups == 2
    assert export.vote_tuples() == [(1, 0, 1), (1, 1, -1), (2, 0, 0)]
    assert export.participants[1].group is None


@pytest.mark.parametrize(
    ("votes", "message"),
    [
        ("participant,group,n-comments,n-votes,n-agree,n-disagree,0\n1,0,0,1,1,0,1\n", "header must start"),
        ("participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,0\n", "duplicate statement id"),
        ("participant,group-id,n-comments,n-votes,n-agree,n-disagree,x\n", "expected an integer"),
        (VOTES + "1,0,0,1,1,0,1,\n", "duplicate participant 1"),
        (VOTES.replace("1,-1\n", "1,yes\n"), "vote must be 1, -1, 0 or empty"),
        (VOTES.replace("1,-1\n", "1.0,-1\n"), "vote must be"),
        (VOTES + "3,0,0\n", "3 cells, the header has 8"),
        (VOTES + "x,0,0,1,1,0,1,\n", "participant: expected an integer"),
        ("", "empty file"),
        ("participant,group-id,n-comments,n-votes,n-agree,n-disagree," + "," * 1_000_000 + "\n", "columns"),
        ("participant,group-id,n-comments,n-votes,n-agree,n-disagree,7\n1,0,0,1,1,0,1\n", "not in comments.csv"),
        ('participant,group-id,n-comments,n-votes,n-agree,n-disagree,0\n"1,0\n', "not valid CSV"),
    ],
)
def test_bad_votes_files_are_refused_with_a_clear_message(votes: str, message: str) -> None:
    with pytest.raises(polis_io.PolisFormatError, match=message):
        polis_io.parse_export(participants_votes=votes, comments=COMMENTS)


@pytest.mark.parametrize(
    ("comments", "message"),
    [
        ("id,text\n", "header must be"),
        (COMMENTS + "1,x,1,2,0,1,0,Again\n", "duplicate comment-id 1"),
        (COMMENTS + "1,x,2,2,0,1,5,Odd\n", "moderated must be"),
        (COMMENTS + "1,x,2,2,zero,1,0,Odd\n", "agrees: expected an integer"),
        (COMMENTS + "1,x,2,2,0,1,0\n", "7 cells"),
        (COMMENTS + "1,x,2,2,0,1,0," + "a" * 3000 + "\n", "longer than"),
    ],
)
def test_bad_comments_files_are_refused(comments: str, message: str) -> None:
    with pytest.raises(polis_io.PolisFormatError, match=message):
        polis_io.parse_export(participants_votes=VOTES, comments=comments)


def test_missing_file_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(polis_io.PolisFormatError, match=r"missing file: participants-votes\.csv"):
        polis_io.read_export(tmp_path)


votes_strategy = st.dictionaries(
    st.integers(0, 50),
    st.dictionaries(st.integers(0, 9), st.sampled_from([-1, 0, 1]), max_size=10),
    max_size=20,
)


@settings(max_examples=60, deadline=None)
@given(
    votes=votes_strategy,
    texts=st.lists(
        # the one text the formula guard cannot give back: one that already starts with its apostrophe
        st.text(max_size=40).filter(
            lambda t: "\x00" not in t and "\r" not in t and not (t.startswith("'") and t[1:].startswith(FORMULA_STARTS))
        ),
        min_size=10,
        max_size=10,
    ),
)
def test_export_then_import_round_trips(votes: dict[int, dict[int, int]], texts: list[str]) -> None:
    export = polis_io.PolisExport(
        topic="Topic, with comma",
        description="line one\nline two",
        statements=tuple(polis_io.ImportedStatement(i, i, (i % 3) - 1, texts[i], 1) for i in range(10)),
        participants=tuple(
            polis_io.ImportedParticipant(pid, pid % 2 or None, tuple(sorted(cells.items())))
            for pid, cells in sorted(votes.items())
        ),
        groups=2,
    )
    files = polis_io.export_files(export)
    again = polis_io.parse_export(
        participants_votes=files["participants-votes.csv"],
        comments=files["comments.csv"],
        summary=files["summary.csv"],
    )
    assert again.participants == export.participants
    assert [(s.id, s.moderated, s.text) for s in again.statements] == [
        (s.id, s.moderated, s.text) for s in export.statements
    ]
    assert (again.topic, again.description, again.groups) == (export.topic, export.description, 2)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_only_raises_the_format_error(text: str) -> None:
    for files in (
        {"participants_votes": text, "comments": COMMENTS},
        {"participants_votes": VOTES, "comments": text},
        {"participants_votes": VOTES, "comments": COMMENTS, "summary": text},
    ):
        with contextlib.suppress(polis_io.PolisFormatError):
            polis_io.parse_export(**files)


def test_fuzz_harness_bounded_run() -> None:
    fuzz_polis_import.run_iterations(400)


@pytest.mark.slow
def test_atheris_runs_the_harness_for_a_bounded_time(tmp_path: Path) -> None:
    """SR-22: the coverage-guided fuzzer itself (not only the mutation loop above) finds no crash in a few seconds."""
    pytest.importorskip("atheris")
    harness = Path(fuzz_polis_import.__file__)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    result = subprocess.run(  # noqa: S603  # fixed argument list, no shell
        [sys.executable, str(harness), "-max_total_time=3", "-rss_limit_mb=1024", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=harness.parents[2],
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Done" in result.stderr


@pytest.mark.skipif(not DATA.is_dir(), reason="real Pol.is exports are not present")
def test_real_export_parses() -> None:
    export = polis_io.read_export(DATA / "15-per-hour-seattle")
    assert len(export.participants) == 339
    assert len(export.statements) == 54
    assert export.groups == 2


def test_parse_votes_is_strict() -> None:
    header = "timestamp,datetime,comment-id,voter-id,vote\n"
    votes = polis_io.parse_votes(header + "1000,Mon,3,7,-1\n999,Mon,2,7,1\n")
    assert votes == [polis_io.ImportedVote(1000, 7, 3, -1), polis_io.ImportedVote(999, 7, 2, 1)]
    for bad in ("a,b,c\n", header + "1000,Mon,3,7,2\n", header + "1000,Mon,3,7,\n", header + "x,Mon,3,7,1\n"):
        with pytest.raises(polis_io.PolisFormatError):
            polis_io.parse_votes(bad)


# --- every layout Pol.is has exported, BOM and CRLF, file and line in refusals, streaming (issue 17) ---

SUMMARY = "topic,Trees\ngroups,2\nconversation-description,Which trees?\n"


def _with_xid(votes: str) -> str:
    """The same participants-votes.csv in Pol.is's layout since 2022 (an xid column after participant)."""
    lines = votes.splitlines()
    out = ["participant,xid," + lines[0].split(",", 1)[1]]
    out += [f"{row.split(',', 1)[0]},ext-{i},{row.split(',', 1)[1]}" for i, row in enumerate(lines[1:])]
    return "\n".join(out) + "\n"


def test_the_xid_layout_reads_as_the_older_one() -> None:
    older = polis_io.parse_export(participants_votes=VOTES, comments=COMMENTS, summary=SUMMARY)
    newer = polis_io.parse_export(participants_votes=_with_xid(VOTES), comments=COMMENTS, summary=SUMMARY)
    assert newer == older
    with pytest.raises(polis_io.PolisFormatError, match=r"participants-votes\.csv line 2 group-id"):
        polis_io.parse_participants_votes(_with_xid(VOTES).replace("ext-0,0,", "ext-0,x,"))


def test_a_byte_order_mark_and_crlf_are_read_on_every_file(tmp_path: Path) -> None:
    files = {"participants-votes.csv": _with_xid(VOTES), "comments.csv": COMMENTS, "summary.csv": SUMMARY}
    for name, text in files.items():
        (tmp_path / name).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    export = polis_io.read_export(tmp_path)
    assert export == polis_io.parse_export(participants_votes=VOTES, comments=COMMENTS, summary=SUMMARY)
    assert (export.topic, export.description, export.groups) == ("Trees", "Which trees?", 2)
    # and as decoded text (the web upload)
    again = polis_io.parse_export(
        participants_votes="\ufeff" + VOTES, comments="\ufeff" + COMMENTS, summary="\ufeff" + SUMMARY
    )
    assert again.topic == "Trees"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("participants-votes.csv", VOTES.replace("2,,0,1", "2,,0,x"), r"participants-votes\.csv line 3 n-votes"),
        (
            "participants-votes.csv",
            VOTES.encode() + b"3,,0,0,0,0,\xff,\n",
            r"participants-votes\.csv line 4: not UTF-8",
        ),
        ("participants-votes.csv", VOTES + "3,,0,0,0,0,\x00,\n", r"participants-votes\.csv line 4: contains a NUL"),
        ("comments.csv", COMMENTS + "1,x,2,2,0,1,5,Odd\n", r"comments\.csv line \d+: moderated"),
        ("comments.csv", COMMENTS + '1,x,2,2,0,1,0,"open\n', r"comments\.csv line \d+: not valid CSV"),
        ("summary.csv", SUMMARY + "a,b,c\n", r"summary\.csv line 4: expected key,value"),
        ("votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,1\n2,x,0,1,7\n", r"votes\.csv line 3"),
    ],
)
def test_every_refusal_names_the_file_and_the_line(tmp_path: Path, name: str, data: str | bytes, message: str) -> None:
    files: dict[str, str | bytes] = {"participants-votes.csv": VOTES, "comments.csv": COMMENTS, "summary.csv": SUMMARY}
    files[name] = data
    for file, content in files.items():
        (tmp_path / file).write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(polis_io.PolisFormatError, match=message):
        _read_as_the_import_command_does(tmp_path)


def _read_as_the_import_command_does(folder: Path) -> None:
    export = polis_io.read_export(folder)
    polis_io.read_vote_times(folder, statements=[s.id for s in export.statements])


def test_a_line_longer_than_the_budget_is_refused_without_reading_on() -> None:
    long_line = VOTES + "3," + "0" * (polis_io.MAX_LINE + 10) + "\n"
    with pytest.raises(polis_io.PolisFormatError, match=r"participants-votes\.csv line 4: longer than"):
        polis_io.parse_participants_votes(long_line)


def test_fifteen_digit_ids_are_read() -> None:
    votes = VOTES.replace("\n1,0,", "\n123456789012345,0,")
    export = polis_io.parse_export(participants_votes=votes, comments=COMMENTS)
    assert export.participants[0].id == 123456789012345


def _vote_log(path: Path, rows: int, pairs: int = 1000) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("timestamp,datetime,comment-id,voter-id,vote\r\n")
        for i in range(rows):
            out.write(f"{1_600_000_000_000 + i},Mon Jan 1 2020,{i % 10},{i % pairs},{i % 3 - 1}\r\n")


def _peak(function: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_votes_csv_streams_in_memory_that_does_not_grow_with_the_file(tmp_path: Path) -> None:
    small, large = tmp_path / "small", tmp_path / "large"
    small.mkdir()
    large.mkdir()
    _vote_log(small / "votes.csv", 20_000)
    _vote_log(large / "votes.csv", 200_000)  # 10 times the file, the same (participant, statement) pairs
    assert (large / "votes.csv").stat().st_size > 9 * (small / "votes.csv").stat().st_size

    def count(folder: Path) -> Callable[[], object]:
        def run() -> object:
            with (folder / "votes.csv").open("rb") as stream:
                return sum(1 for _ in polis_io.iter_votes(stream))

        return run

    def times(folder: Path) -> Callable[[], object]:
        return lambda: polis_io.read_vote_times(folder, statements=range(10))

    for measure in (count, times):
        peak_small, peak_large = _peak(measure(small)), _peak(measure(large))
        assert peak_large < peak_small * 1.5 + 64 * 1024, (measure.__name__, peak_small, peak_large)
    latest = polis_io.read_vote_times(large, statements=range(10))
    assert latest is not None and len(latest) == 1000
    assert latest[(999, 9)] == 1_600_000_000_000 + 199_999


def test_exports_guard_every_text_cell_against_formulas_and_read_back_the_text() -> None:
    texts = ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\tcmd", "plain, with comma", "'quoted"]
    export = polis_io.PolisExport(
        topic="=cmd|' /C calc'!A0",
        description="@risk",
        statements=tuple(polis_io.ImportedStatement(i, 1, 1, text, 1) for i, text in enumerate(texts)),
        participants=(polis_io.ImportedParticipant(1, 0, ((0, -1), (1, 1), (2, 0))),),
        groups=2,
    )
    files = polis_io.export_files(export)
    for name, text in files.items():
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                # numbers the code wrote (a disagree vote, -1) stay numbers; text never starts a formula
                assert not cell.startswith(FORMULA_STARTS) or re.fullmatch(r"-?\d+", cell), (name, cell)
    comments = list(csv.reader(io.StringIO(files["comments.csv"])))
    assert [row[-1] for row in comments[1:4]] == ['\'=HYPERLINK("http://x")', "'+1+1", "'-2"]
    assert "-1" in files["participants-votes.csv"]  # the vote is a number, not escaped
    again = polis_io.parse_export(
        participants_votes=files["participants-votes.csv"], comments=files["comments.csv"], summary=files["summary.csv"]
    )
    assert [s.text for s in again.statements] == texts
    assert (again.topic, again.description) == (export.topic, export.description)
