"""Reading and writing a big import with bounded memory: the file read line by line,
its rows parked on disk by month, then saved month by month.

A session's rows may be anywhere in an export, so sessions cannot be built while
the file is read.  Holding every row until the end cost 1 GB for a million rows;
here each checked row goes to a temp file of its month as it is read (a few
thousand at a time are buffered), and afterwards each month's rows are read back,
made into sessions and written in one write of that month's file.  Memory is then
about one month of training, whatever the file's length; time and temp disk grow
linearly with it (the temp files take about twice the CSV's size).  They live in the
system's temp folder ($TMPDIR), readable by the lifter only, and are removed when the
import ends, however it ends.
"""

from __future__ import annotations

import codecs
import io
import os
import pickle
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from collections.abc import Callable, Iterable, Iterator

from ..domain.imports import SetRow
from ..domain.models import Exercise, Session
from .exchange import ExchangeError
from .paths import month_of

if TYPE_CHECKING:
    from .store import Store

#: Rows held in memory before they are appended to their months' temp files.
BUFFERED_ROWS = 20_000


# --- reading --------------------------------------------------------------------------------


class ExportLines:
    """A CSV export read line by line (endings kept, as the csv module wants), for files
    of any size: UTF-8 with or without a BOM, or UTF-16 with a BOM.

    Iterating raises ExchangeError, in one line, for bytes that are not text.
    `position()` is how far into the file reading has got, of `size` bytes.
    """

    def __init__(self, path: Path, raw: io.BufferedReader) -> None:
        self.path = path
        self._raw = raw
        self.size = os.fstat(raw.fileno()).st_size
        utf16 = raw.peek(2)[:2] in (b"\xff\xfe", b"\xfe\xff")
        self._encoding = "utf-16" if utf16 else "utf-8-sig"
        self._text = io.TextIOWrapper(raw, encoding=self._encoding, newline="")

    def __iter__(self) -> Iterator[str]:
        try:
            for line in self._text:
                if "\x00" in line:
                    raise ExchangeError(f"{self.path} is a binary file, not a CSV or JSON export")
                yield line
        except UnicodeDecodeError:
            raise ExchangeError(self._not_text()) from None
        except OSError as e:
            raise ExchangeError(f"{self.path} cannot be read: {e.strerror or e}") from None

    def _not_text(self) -> str:
        """Why the file is not text, naming the first bad byte when the file can be read again."""
        what = "UTF-16" if self._encoding == "utf-16" else "UTF-8"
        hint = "export it again from the app, or save it as UTF-8 CSV"
        decoder = codecs.getincrementaldecoder(self._encoding)()
        done = 0
        try:
            with open(self.path, "rb") as f:
                while chunk := f.read(1 << 20):
                    pending = len(decoder.getstate()[0])
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError as e:
                        at = done - pending + e.start
                        return (
                            f"{self.path} is not {what} text (byte 0x{e.object[e.start]:02x} "
                            f"at offset {at}): {hint}"
                        )
                    done += len(chunk)
        except OSError:
            pass
        return f"{self.path} is not {what} text: {hint}"

    def position(self) -> int:
        return self._raw.tell()

    def close(self) -> None:
        self._text.close()

    def __enter__(self) -> ExportLines:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_lines(path: Path | str) -> ExportLines:
    """A CSV export to read line by line; ExchangeError says, in one line, why it cannot be."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ExchangeError(f"{path} is a folder, not a file")
        raw = open(path, "rb")
    except FileNotFoundError:
        raise ExchangeError(f"there is no file {path}") from None
    except PermissionError:
        raise ExchangeError(f"{path} cannot be read: permission denied") from None
    except OSError as e:
        raise ExchangeError(f"{path} cannot be read: {e.strerror or e}") from None
    return ExportLines(path, raw)


# --- staging --------------------------------------------------------------------------------


class StagedRows:
    """Checked set rows, kept by the month their session started in, in file order.

    Use as a context manager: the temp folder goes when it ends.
    """

    def __init__(self, buffered_rows: int = BUFFERED_ROWS) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="tui-tracker-import-")
        self._limit = max(1, buffered_rows)
        self._buffers: dict[int, list[SetRow]] = {}
        self._buffered = 0
        self._counts: dict[int, int] = {}
        #: how many times rows were appended to a temp file (for tests)
        self.spills = 0

    def add(self, row: SetRow) -> None:
        month = month_of(row.start.date())
        self._buffers.setdefault(month, []).append(row)
        self._counts[month] = self._counts.get(month, 0) + 1
        self._buffered += 1
        if self._buffered >= self._limit:
            self._spill()

    def _path(self, month: int) -> Path:
        return Path(self._dir.name) / f"{month}.rows"

    def _spill(self) -> None:
        for month, rows in self._buffers.items():
            with open(self._path(month), "ab") as f:
                pickle.dump(rows, f, protocol=pickle.HIGHEST_PROTOCOL)
            self.spills += 1
        self._buffers.clear()
        self._buffered = 0

    def months(self) -> list[int]:
        """Months that have rows, oldest first (202611 for November 2026)."""
        return sorted(self._counts)

    def rows(self, month: int) -> Iterator[SetRow]:
        """The month's rows in the order they were added."""
        path = self._path(month)
        if path.exists():
            with open(path, "rb") as f:  # our own file, in our own 0700 temp folder
                while True:
                    try:
                        yield from pickle.load(f)
                    except EOFError:
                        break
        yield from self._buffers.get(month, ())

    def __len__(self) -> int:
        return sum(self._counts.values())

    def close(self) -> None:
        self._buffers.clear()
        self._dir.cleanup()

    def __enter__(self) -> StagedRows:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class Written:
    """What `write_staged` found in the file and added to the store."""

    sessions: int = 0  # sessions in the file
    new_sessions: int = 0  # of which added
    new_sets: int = 0
    already: int = 0  # of which already in the store
    first: date | None = None  # the first and last new session's date
    last: date | None = None


def write_staged(
    store: Store,
    staged: StagedRows,
    exercises: Iterable[Exercise],
    assemble: Callable[[Iterable[SetRow]], list[Session]],
    progress: Callable[[int, int], None] | None = None,
    batch: str | None = None,
) -> Written:
    """Save the new exercises (one write), then each month's sessions (one write each).

    Exercises go first, so a session never refers to an exercise the store lacks,
    even if the import is cut short; importing the file again finishes the job.
    `progress(months done, months)` is called after each month.  Each session added
    records `batch`, the import it came with (store/batches.py).
    """
    store.save_exercises(exercises)
    months = staged.months()
    out = Written()
    for i, month in enumerate(months, 1):
        sessions = assemble(staged.rows(month))
        added = store.add_new_sessions(sessions, batch=batch)
        out.sessions += len(sessions)
        out.new_sessions += len(added)
        out.already += len(sessions) - len(added)
        out.new_sets += sum(len(s.sets) for s in added)
        if added:
            out.first = out.first or min(s.date for s in added)
            out.last = max(s.date for s in added)
        if progress is not None:
            progress(i, len(months))
    return out
