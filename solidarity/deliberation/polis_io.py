"""Read and write conversations in the Pol.is export format, strictly: pure functions, no Django.

A conversation export is three CSV files: participants-votes.csv (one row per participant, one
column per statement), comments.csv (the statements) and summary.csv (key, value rows). Any
deviation is refused with one clear message; nothing is returned half-parsed.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

PARTICIPANT_COLUMNS = ("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree")
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
MAX_BYTES = 64 * 1024 * 1024
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


def _check_size(text: str, name: str) -> None:
    if len(text) > MAX_BYTES:
        raise PolisFormatError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
    if "\x00" in text:
        raise PolisFormatError(f"{name}: contains a NUL byte")


def _first_line_fields(text: str, name: str, limit: int) -> int:
    """Count header fields cheaply, before the CSV reader allocates them all."""
    newline = text.find("\n")
    header = text if newline < 0 else text[:newline]
    fields = header.count(",") + 1
    if fields > limit:
        raise PolisFormatError(f"{name}: {fields} columns in the header; at most {limit} are allowed")
    return fields


def _rows(text: str, name: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        raise PolisFormatError(f"{name}: not valid CSV ({error})") from None


def parse_participants_votes(text: str, *, max_statements: int = MAX_STATEMENTS) -> list[ImportedParticipant]:
    """Parse participants-votes.csv; refuse wrong columns, odd cells and duplicate ids."""
    name = "participants-votes.csv"
    _check_size(text, name)
    _first_line_fields(text, name, len(PARTICIPANT_COLUMNS) + max_statements)
    rows = _rows(text, name)
    if not rows:
        raise PolisFormatError(f"{name}: empty file")
    header = rows[0]
    if tuple(header[: len(PARTICIPANT_COLUMNS)]) != PARTICIPANT_COLUMNS:
        raise PolisFormatError(f"{name}: the header must start with {','.join(PARTICIPANT_COLUMNS)}")
    statement_ids = [
        _integer(cell, f"{name} header column {i + len(PARTICIPANT_COLUMNS) + 1}")
        for i, cell in enumerate(header[len(PARTICIPANT_COLUMNS) :])
    ]
    if any(s < 0 for s in statement_ids):
        raise PolisFormatError(f"{name}: statement ids must not be negative")
    if len(set(statement_ids)) != len(statement_ids):
        raise PolisFormatError(f"{name}: duplicate statement id in the header")
    body = rows[1:]
    if len(body) > MAX_PARTICIPANTS:
        raise PolisFormatError(f"{name}: more than {MAX_PARTICIPANTS} participants")
    participants: list[ImportedParticipant] = []
    seen: set[int] = set()
    for line, row in enumerate(body, start=2):
        if not row:
            continue
        if len(row) != len(header):
            raise PolisFormatError(f"{name} line {line}: {len(row)} cells, the header has {len(header)}")
        pid = _integer(row[0], f"{name} line {line} participant")
        if pid < 0:
            raise PolisFormatError(f"{name} line {line}: participant id must not be negative")
        if pid in seen:
            raise PolisFormatError(f"{name} line {line}: duplicate participant {pid}")
        seen.add(pid)
        group = None if row[1].strip() == "" else _integer(row[1], f"{name} line {line} group-id")
        for column in range(2, 6):
            _integer(row[column] or "0", f"{name} line {line} {PARTICIPANT_COLUMNS[column]}")
        votes = []
        for statement, cell in zip(statement_ids, row[len(PARTICIPANT_COLUMNS) :], strict=True):
            key = cell.strip()
            if key not in _VOTE:
                raise PolisFormatError(f"{name} line {line} statement {statement}: vote must be 1, -1, 0 or empty")
            value = _VOTE[key]
            if value is not None:
                votes.append((statement, value))
        participants.append(ImportedParticipant(pid, group, tuple(votes)))
    return participants


def _data_rows(text: str, name: str, columns: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """The non-blank data rows of a fixed-column file with their line numbers, after checking its
    size, its header and every row's cell count (all refused before anything is imported)."""
    _check_size(text, name)
    _first_line_fields(text, name, len(columns))
    rows = _rows(text, name)
    if not rows:
        raise PolisFormatError(f"{name}: empty file")
    if tuple(rows[0]) != columns:
        raise PolisFormatError(f"{name}: the header must be {','.join(columns)}")
    checked = []
    for line, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(columns):
            raise PolisFormatError(f"{name} line {line}: {len(row)} cells, expected {len(columns)}")
        checked.append((line, row))
    return checked


def parse_comments(text: str) -> list[ImportedStatement]:
    """Parse comments.csv; refuse wrong columns, odd cells and duplicate ids."""
    name = "comments.csv"
    statements: list[ImportedStatement] = []
    seen: set[int] = set()
    for line, row in _data_rows(text, name, COMMENT_COLUMNS):
        sid = _integer(row[2], f"{name} line {line} comment-id")
        if sid < 0:
            raise PolisFormatError(f"{name} line {line}: comment-id must not be negative")
        if sid in seen:
            raise PolisFormatError(f"{name} line {line}: duplicate comment-id {sid}")
        seen.add(sid)
        timestamp = _integer(row[0] or "0", f"{name} line {line} timestamp")
        author = _integer(row[3], f"{name} line {line} author-id")
        _integer(row[4] or "0", f"{name} line {line} agrees")
        _integer(row[5] or "0", f"{name} line {line} disagrees")
        moderated = _integer(row[6], f"{name} line {line} moderated")
        if moderated not in (-1, 0, 1):
            raise PolisFormatError(f"{name} line {line}: moderated must be -1, 0 or 1")
        body = row[7]
        if len(body) > MAX_TEXT:
            raise PolisFormatError(f"{name} line {line}: statement longer than {MAX_TEXT} characters")
        statements.append(ImportedStatement(sid, author, moderated, body, timestamp))
    return statements


def parse_votes(text: str) -> list[ImportedVote]:
    """Parse votes.csv (the event log, superseded re-votes included), in file order."""
    name = "votes.csv"
    votes: list[ImportedVote] = []
    for line, row in _data_rows(text, name, VOTE_COLUMNS):
        timestamp = _integer(row[0], f"{name} line {line} timestamp")
        statement = _integer(row[2], f"{name} line {line} comment-id")
        participant = _integer(row[3], f"{name} line {line} voter-id")
        if statement < 0 or participant < 0:
            raise PolisFormatError(f"{name} line {line}: ids must not be negative")
        value = _VOTE.get(row[4].strip())
        if value is None:
            raise PolisFormatError(f"{name} line {line}: vote must be 1, -1 or 0")
        votes.append(ImportedVote(timestamp, participant, statement, value))
    return votes


def read_vote_log(directory: Path) -> list[ImportedVote] | None:
    """Read a folder's votes.csv; None when the export has no vote log."""
    path = directory / "votes.csv"
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise PolisFormatError("votes.csv: files must be UTF-8") from None
    return parse_votes(text)


def parse_summary(text: str) -> dict[str, str]:
    """Parse summary.csv (key, value rows)."""
    name = "summary.csv"
    _check_size(text, name)
    _first_line_fields(text, name, 64)
    result: dict[str, str] = {}
    for line, row in enumerate(_rows(text, name), start=1):
        if not row:
            continue
        if len(row) != 2:
            raise PolisFormatError(f"{name} line {line}: expected key,value")
        result[row[0]] = row[1]
    return result


def parse_export(*, participants_votes: str, comments: str, summary: str | None = None) -> PolisExport:
    """Parse the three files together and check that they agree with each other."""
    statements = parse_comments(comments)
    participants = parse_participants_votes(participants_votes)
    known = {s.id for s in statements}
    for participant in participants:
        for statement, _ in participant.votes:
            if statement not in known:
                raise PolisFormatError(f"participants-votes.csv: vote on statement {statement}, not in comments.csv")
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
    """Read an export from a folder holding the three files (summary.csv optional)."""
    try:
        votes = (directory / "participants-votes.csv").read_text(encoding="utf-8")
        comments = (directory / "comments.csv").read_text(encoding="utf-8")
        summary_path = directory / "summary.csv"
        summary = summary_path.read_text(encoding="utf-8") if summary_path.exists() else None
    except FileNotFoundError as error:
        raise PolisFormatError(f"missing file: {Path(error.filename).name}") from None
    except UnicodeDecodeError:
        raise PolisFormatError("files must be UTF-8") from None
    return parse_export(participants_votes=votes, comments=comments, summary=summary)


def _write(rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
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
