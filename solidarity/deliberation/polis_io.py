"""Read and write conversations in the Pol.is export format, strictly: pure functions, no Django.

A conversation export is three CSV files: participants-votes.csv (one row per participant, one
column per statement; an `xid` column after `participant` in exports since 2022), comments.csv
(the statements) and summary.csv (key, value rows), with votes.csv (the vote event log) beside
them in full exports. Files are streamed a line at a time; a byte-order mark and CRLF line ends
are accepted. Any deviation is refused with one clear message naming the file and the line;
nothing is returned half-parsed.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from solidarity.core.spreadsheet import safe_row, undo_spreadsheet_safe

PARTICIPANT_COLUMNS = ("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree")
PARTICIPANT_COLUMNS_XID = ("participant", "xid", *PARTICIPANT_COLUMNS[1:])  # Pol.is's layout since 2022
COMMENT_COLUMNS = (
    "timestamp",
    "datetime",
    "comment-id",
    "author-id",
    "agrees",
    "disagrees",
    "moderated",
    "comment-body",
)
VOTE_COLUMNS = ("timestamp", "datetime", "comment-id", "voter-id", "vote")
# No cap on a file's size: files are read a line at a time. The memory budget is the parsed
# conversation (the statements, and each participant's non-empty votes) plus one line of at most
# MAX_LINE characters; votes.csv is streamed and never held (docs/deliberation.md).
MAX_LINE = 1024 * 1024
MAX_STATEMENTS = 10_000
MAX_PARTICIPANTS = 1_000_000
MAX_TEXT = 2_000
_INTEGER = re.compile(r"-?[0-9]{1,15}\Z")
_VOTE = {"": None, "1": 1, "-1": -1, "0": 0}


class PolisFormatError(ValueError):
    """Raised when an export does not have the Pol.is format; the message says where and why."""


@dataclass(frozen=True)
class ImportedStatement:
    """One row of comments.csv."""

    id: int
    author: int
    moderated: int  # −1 rejected, 0 unmoderated, +1 accepted
    text: str
    timestamp: int = 0


@dataclass(frozen=True)
class ImportedParticipant:
    """One row of participants-votes.csv, with the votes as (statement, value) pairs."""

    id: int
    group: int | None
    votes: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ImportedVote:
    """One row of votes.csv, the vote event log: who voted what on which statement, and when (ms)."""

    timestamp: int
    participant: int
    statement: int
    value: int


@dataclass(frozen=True)
class PolisExport:
    """A whole conversation as read from (or to be written to) the three files."""

    topic: str
    description: str
    statements: tuple[ImportedStatement, ...]
    participants: tuple[ImportedParticipant, ...]
    groups: int | None = None

    def vote_tuples(self) -> list[tuple[int, int, int]]:
        """Return every (participant, statement, value) vote."""
        return [(p.id, s, v) for p in self.participants for s, v in p.votes]

    def moderated_out(self) -> list[int]:
        """Return the ids of rejected statements."""
        return [s.id for s in self.statements if s.moderated == -1]


def _integer(cell: str, where: str) -> int:
    text = cell.strip()
    if not _INTEGER.match(text):
        raise PolisFormatError(f"{where}: expected an integer, found {cell[:20]!r}")
    return int(text)


def _lines(source: str | BinaryIO, name: str, max_fields: int) -> Iterator[str]:
    """Yield the physical lines of one file, one at a time (a file is never read whole).

    Text is given as a str (already decoded) or a binary stream (decoded here a line at a time, so a
    byte that is not UTF-8 is refused with its line). A leading byte-order mark is dropped; a line
    longer than MAX_LINE, a NUL byte or a header wider than `max_fields` cells is refused.
    """
    text = io.StringIO(source, newline="") if isinstance(source, str) else None
    binary = None if isinstance(source, str) else source
    number = 0
    while True:
        number += 1
        raw = binary.readline(MAX_LINE + 1) if binary is not None else b""
        line = text.readline(MAX_LINE + 1) if text is not None else ""
        if len(raw) > MAX_LINE or len(line) > MAX_LINE:
            raise PolisFormatError(f"{name} line {number}: longer than {MAX_LINE} characters")
        try:
            line = line or raw.decode("utf-8")
        except UnicodeDecodeError:
            raise PolisFormatError(f"{name} line {number}: not UTF-8 text") from None
        if not line:
            return
        if number == 1:
            line = line.removeprefix("\ufeff")
            fields = line.count(",") + 1
            if fields > max_fields:
                raise PolisFormatError(f"{name}: {fields} columns in the header; at most {max_fields} are allowed")
        if "\x00" in line:
            raise PolisFormatError(f"{name} line {number}: contains a NUL byte")
        yield line


def _rows(source: str | BinaryIO, name: str, max_fields: int) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, cells) for every non-blank CSV row, streaming; CRLF and LF both end a line."""
    reader = csv.reader(_lines(source, name, max_fields), strict=True)
    try:
        for row in reader:
            if row:
                yield reader.line_num, row
    except csv.Error as error:
        raise PolisFormatError(f"{name} line {reader.line_num}: not valid CSV ({error})") from None


def _header(rows: Iterator[tuple[int, list[str]]], name: str) -> list[str]:
    first = next(rows, None)
    if first is None:
        raise PolisFormatError(f"{name}: empty file")
    return first[1]


def parse_participants_votes(
    source: str | BinaryIO, *, max_statements: int = MAX_STATEMENTS
) -> list[ImportedParticipant]:
    """Parse participants-votes.csv; refuse wrong columns, odd cells and duplicate ids.

    Both layouts Pol.is has exported are read: the columns of PARTICIPANT_COLUMNS, and the same with
    an `xid` column (the participant's external id, not kept) after `participant` (since 2022).
    """
    name = "participants-votes.csv"
    rows = _rows(source, name, len(PARTICIPANT_COLUMNS) + 1 + max_statements)
    header = _header(rows, name)
    columns = PARTICIPANT_COLUMNS_XID if header[1:2] == ["xid"] else PARTICIPANT_COLUMNS
    if tuple(header[: len(columns)]) != columns:
        raise PolisFormatError(
            f"{name} line 1: the header must start with {','.join(PARTICIPANT_COLUMNS)}"
            f" (or {','.join(PARTICIPANT_COLUMNS_XID)})"
        )
    fixed = len(columns)
    group_column = columns.index("group-id")
    statement_ids = [_integer(cell, f"{name} line 1 column {i + fixed + 1}") for i, cell in enumerate(header[fixed:])]
    if any(s < 0 for s in statement_ids):
        raise PolisFormatError(f"{name} line 1: statement ids must not be negative")
    if len(set(statement_ids)) != len(statement_ids):
        raise PolisFormatError(f"{name} line 1: duplicate statement id in the header")
    participants: list[ImportedParticipant] = []
    seen: set[int] = set()
    for line, row in rows:
        if len(row) != len(header):
            raise PolisFormatError(f"{name} line {line}: {len(row)} cells, the header has {len(header)}")
        if len(participants) >= MAX_PARTICIPANTS:
            raise PolisFormatError(f"{name} line {line}: more than {MAX_PARTICIPANTS} participants")
        pid = _integer(row[0], f"{name} line {line} participant")
        if pid < 0:
            raise PolisFormatError(f"{name} line {line}: participant id must not be negative")
        if pid in seen:
            raise PolisFormatError(f"{name} line {line}: duplicate participant {pid}")
        seen.add(pid)
        cell = row[group_column]
        group = None if cell.strip() == "" else _integer(cell, f"{name} line {line} group-id")
        for column in range(group_column + 1, fixed):
            _integer(row[column] or "0", f"{name} line {line} {columns[column]}")
        votes = []
        for statement, cell in zip(statement_ids, row[fixed:], strict=True):
            key = cell.strip()
            if key not in _VOTE:
                raise PolisFormatError(f"{name} line {line} statement {statement}: vote must be 1, -1, 0 or empty")
            value = _VOTE[key]
            if value is not None:
                votes.append((statement, value))
        participants.append(ImportedParticipant(pid, group, tuple(votes)))
    return participants


def _data_rows(source: str | BinaryIO, name: str, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """Yield the non-blank data rows of a fixed-column file with their line numbers, after checking
    its header; every row's cell count is checked as it is read."""
    rows = _rows(source, name, len(columns))
    if tuple(_header(rows, name)) != columns:
        raise PolisFormatError(f"{name} line 1: the header must be {','.join(columns)}")
    for line, row in rows:
        if len(row) != len(columns):
            raise PolisFormatError(f"{name} line {line}: {len(row)} cells, expected {len(columns)}")
        yield line, row


def parse_comments(source: str | BinaryIO) -> list[ImportedStatement]:
    """Parse comments.csv; refuse wrong columns, odd cells and duplicate ids."""
    name = "comments.csv"
    statements: list[ImportedStatement] = []
    seen: set[int] = set()
    for line, row in _data_rows(source, name, COMMENT_COLUMNS):
        sid = _integer(row[2], f"{name} line {line} comment-id")
        if sid < 0:
            raise PolisFormatError(f"{name} line {line}: comment-id must not be negative")
        if sid in seen:
            raise PolisFormatError(f"{name} line {line}: duplicate comment-id {sid}")
        if len(statements) >= MAX_STATEMENTS:
            raise PolisFormatError(f"{name} line {line}: more than {MAX_STATEMENTS} statements")
        seen.add(sid)
        timestamp = _integer(row[0] or "0", f"{name} line {line} timestamp")
        author = _integer(row[3], f"{name} line {line} author-id")
        _integer(row[4] or "0", f"{name} line {line} agrees")
        _integer(row[5] or "0", f"{name} line {line} disagrees")
        moderated = _integer(row[6], f"{name} line {line} moderated")
        if moderated not in (-1, 0, 1):
            raise PolisFormatError(f"{name} line {line}: moderated must be -1, 0 or 1")
        body = undo_spreadsheet_safe(row[7])  # our own exports guard formulas (see `_write`)
        if len(body) > MAX_TEXT:
            raise PolisFormatError(f"{name} line {line}: statement longer than {MAX_TEXT} characters")
        statements.append(ImportedStatement(sid, author, moderated, body, timestamp))
    return statements


def iter_votes(source: str | BinaryIO) -> Iterator[ImportedVote]:
    """Yield the rows of votes.csv (the event log, superseded re-votes included) in file order, one
    at a time: memory does not grow with the file. A bad row is refused when it is reached."""
    name = "votes.csv"
    for line, row in _data_rows(source, name, VOTE_COLUMNS):
        timestamp = _integer(row[0], f"{name} line {line} timestamp")
        statement = _integer(row[2], f"{name} line {line} comment-id")
        participant = _integer(row[3], f"{name} line {line} voter-id")
        if statement < 0 or participant < 0:
            raise PolisFormatError(f"{name} line {line}: ids must not be negative")
        value = _VOTE.get(row[4].strip())
        if value is None:
            raise PolisFormatError(f"{name} line {line}: vote must be 1, -1 or 0")
        yield ImportedVote(timestamp, participant, statement, value)


def parse_votes(source: str | BinaryIO) -> list[ImportedVote]:
    """Parse votes.csv whole, in file order."""
    return list(iter_votes(source))


def _open(path: Path) -> BinaryIO:
    """Open one export file for streaming (decoded a line at a time by `_lines`)."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise PolisFormatError(f"missing file: {path.name}") from None


def read_vote_log(directory: Path) -> list[ImportedVote] | None:
    """Read a folder's votes.csv; None when the export has no vote log."""
    path = directory / "votes.csv"
    if not path.is_file():
        return None
    with _open(path) as stream:
        return parse_votes(stream)


def read_vote_times(directory: Path, *, statements: Iterable[int]) -> dict[tuple[int, int], int] | None:
    """Stream a folder's votes.csv into the time (ms) of each (participant, statement) pair's latest
    vote; None when the export has no vote log. Memory grows with the pairs, not with the file
    (re-votes and the file's text are never held). A vote on a statement not in `statements` is refused.
    """
    path = directory / "votes.csv"
    if not path.is_file():
        return None
    known = set(statements)
    times: dict[tuple[int, int], int] = {}
    with _open(path) as stream:
        for vote in iter_votes(stream):
            if vote.statement not in known:
                raise PolisFormatError(f"votes.csv: vote on statement {vote.statement}, not in comments.csv")
            key = (vote.participant, vote.statement)
            if vote.timestamp >= times.get(key, vote.timestamp):
                times[key] = vote.timestamp
    return times


def parse_summary(source: str | BinaryIO) -> dict[str, str]:
    """Parse summary.csv (key, value rows)."""
    name = "summary.csv"
    result: dict[str, str] = {}
    for line, row in _rows(source, name, 64):
        if len(row) != 2:
            raise PolisFormatError(f"{name} line {line}: expected key,value")
        result[row[0].strip()] = undo_spreadsheet_safe(row[1])
    return result


def parse_export(
    *, participants_votes: str | BinaryIO, comments: str | BinaryIO, summary: str | BinaryIO | None = None
) -> PolisExport:
    """Parse the three files together and check that they agree with each other."""
    statements = parse_comments(comments)
    participants = parse_participants_votes(participants_votes)
    known = {s.id for s in statements}
    for participant in participants:
        for statement, _ in participant.votes:
            if statement not in known:
                raise PolisFormatError(
                    f"participants-votes.csv: participant {participant.id} voted on statement {statement},"
                    " not in comments.csv"
                )
    meta = parse_summary(summary) if summary is not None else {}
    groups: int | None = None
    if meta.get("groups", "").strip():
        groups = _integer(meta["groups"], "summary.csv groups")
    return PolisExport(
        topic=meta.get("topic", ""),
        description=meta.get("conversation-description", ""),
        statements=tuple(statements),
        participants=tuple(participants),
        groups=groups,
    )


def read_export(directory: Path) -> PolisExport:
    """Read an export from a folder holding the three files (summary.csv optional), streaming each."""
    summary_path = directory / "summary.csv"
    with (
        _open(directory / "participants-votes.csv") as votes,
        _open(directory / "comments.csv") as comments,
        contextlib.ExitStack() as stack,
    ):
        summary = stack.enter_context(_open(summary_path)) if summary_path.is_file() else None
        return parse_export(participants_votes=votes, comments=comments, summary=summary)


def _write(rows: Iterable[Sequence[object]]) -> str:
    """Write rows as CSV, every text cell formula-safe (the kernel's spreadsheet guard; numbers stay numbers)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(safe_row(row) for row in rows)
    return buffer.getvalue()


def export_files(export: PolisExport) -> dict[str, str]:
    """Render an export as the three files' text, keyed by file name."""
    statement_ids = sorted(s.id for s in export.statements)
    header: list[object] = [*PARTICIPANT_COLUMNS, *statement_ids]
    authored: dict[int, int] = {}
    for s in export.statements:
        authored[s.author] = authored.get(s.author, 0) + 1
    agrees: dict[int, int] = {}
    disagrees: dict[int, int] = {}
    vote_rows: list[list[object]] = [header]
    for p in sorted(export.participants, key=lambda p: p.id):
        cells = dict(p.votes)
        for statement, value in p.votes:
            if value == 1:
                agrees[statement] = agrees.get(statement, 0) + 1
            elif value == -1:
                disagrees[statement] = disagrees.get(statement, 0) + 1
        vote_rows.append(
            [
                p.id,
                "" if p.group is None else p.group,
                authored.get(p.id, 0),
                len(p.votes),
                sum(1 for _, v in p.votes if v == 1),
                sum(1 for _, v in p.votes if v == -1),
                *("" if cells.get(s) is None else cells[s] for s in statement_ids),
            ]
        )
    comment_rows: list[list[object]] = [list(COMMENT_COLUMNS)]
    for s in sorted(export.statements, key=lambda s: s.id):
        comment_rows.append(
            [s.timestamp, "", s.id, s.author, agrees.get(s.id, 0), disagrees.get(s.id, 0), s.moderated, s.text]
        )
    summary_rows: list[list[object]] = [
        ["topic", export.topic],
        ["voters", len(export.participants)],
        ["comments", len(export.statements)],
        ["groups", "" if export.groups is None else export.groups],
        ["conversation-description", export.description],
    ]
    return {
        "participants-votes.csv": _write(vote_rows),
        "comments.csv": _write(comment_rows),
        "summary.csv": _write(summary_rows),
    }
