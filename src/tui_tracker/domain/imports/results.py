"""What an import gives back: the types shared by the readers, the CSV layer and the caller."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Exercise, Session


class ImportFormatError(ValueError):
    """The whole file is unusable; str() says what to do about it."""


@dataclass(frozen=True)
class RowError:
    """A row that was not imported: its first physical line (1-based) and why."""

    line: int
    message: str


@dataclass(frozen=True)
class ImportResult:
    """What a file holds, ready for the store (for files small enough to hold at once).

    `rows_read` counts data rows (not the header or blank lines); each one ends
    up as exactly one of: a set (`sets_read`), an error, or skipped
    (`rows_skipped`: Strong's Note and Rest Timer rows, cardio and timed rows).
    """

    sessions: tuple[Session, ...]
    new_exercises: tuple[Exercise, ...]
    errors: tuple[RowError, ...]
    rows_read: int
    sets_read: int
    rows_skipped: int = 0
