"""Reading an export's CSV as it streams: the header at once, then each data row with
the physical line it starts on, so a file of any size is read one row at a time."""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass
from collections.abc import Iterable, Iterator

from .results import ImportFormatError, RowError

Row = tuple[int, list[str]]


def header_key(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").strip().strip('"').split()).casefold()


def _lines(text: str | Iterable[str]) -> Iterator[str]:
    if isinstance(text, str):
        # newline="": lines split on \n, \r\n and \r only, endings kept, as csv wants.
        return iter(io.StringIO(text, newline=""))
    return iter(text)


class CsvRows:
    """A CSV file's header, read when this is made, and its data rows, read as iterated.

    Iterating gives `(line, cells)` for each record with a non-blank cell, and a
    RowError for a record the csv module cannot read; blank records are left out.
    Lines are physical (1-based, counting blank lines and the lines inside quoted
    cells).  Raises ImportFormatError when there is no header.  Iterate once.
    """

    def __init__(self, text: str | Iterable[str]) -> None:
        lines = _lines(text)
        self._offset = 0  # blank lines before the header
        for line in lines:
            if self._offset == 0 and line.startswith("\ufeff"):
                line = line[1:]
            if line.strip():
                first = line
                break
            self._offset += 1
        else:
            raise ImportFormatError(
                "the file is empty: export your workouts again and import that file"
            )
        delimiter = ";" if first.count(";") > first.count(",") else ","
        self._reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
        try:
            header = next(self._reader)
        except csv.Error as e:
            raise ImportFormatError(f"the header row cannot be read as CSV ({e})") from None
        self._before = self._reader.line_num  # reader.line_num after the previous record
        self.header_line = first.strip()
        self.columns: dict[str, int] = {}  # normalized header name -> index
        for i, cell in enumerate(header):
            self.columns.setdefault(header_key(cell), i)
        self.width = len(header)

    def __iter__(self) -> Iterator[Row | RowError]:
        reader = self._reader
        while True:
            start = self._offset + self._before + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                self._before = reader.line_num
                yield RowError(start, f"the row cannot be read as CSV ({e})")
                continue
            self._before = reader.line_num
            for cell in row:
                if cell.strip():
                    yield start, row
                    break


@dataclass
class Table:
    """The header and every data row at once: for small files and tests."""

    header_line: str
    columns: dict[str, int]
    width: int
    rows: list[Row]
    errors: list[RowError]  # rows the csv module could not read


def read_table(text: str | Iterable[str]) -> Table:
    source = CsvRows(text)
    rows: list[Row] = []
    errors: list[RowError] = []
    for item in source:
        if isinstance(item, RowError):
            errors.append(item)
        else:
            rows.append(item)
    return Table(source.header_line, source.columns, source.width, rows, errors)


def column(columns: dict[str, int], *names: str) -> int:
    """The index of the first of `names` the header has, or -1 (an optional column)."""
    for name in names:
        if name in columns:
            return columns[name]
    return -1


def check_width(row: list[str], width: int) -> str | None:
    """Why the row does not line up with the header, or None when it does."""
    if len(row) == width:
        return None
    if len(row) < width or any(cell.strip() for cell in row[width:]):
        return (
            f"the row has {len(row)} fields where the header has {width}"
            " (a delimiter or quote out of place?)"
        )
    return None
