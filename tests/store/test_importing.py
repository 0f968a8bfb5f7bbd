"""store/importing.py: an export read line by line, its rows parked on disk by month and
saved a month at a time, so memory holds a month whatever the file's length."""

from __future__ import annotations

import os
import random
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tui_tracker.domain.imports import SetRow
from tui_tracker.store.exchange import ExchangeError
from tui_tracker.store.importing import StagedRows, open_lines


def set_row(line: int, start: datetime) -> SetRow:
    return SetRow(
        line,
        start,
        "W",
        "Squat",
        "barbell-back-squat",
        "working",
        100.0,
        "kg",
        5,
        None,
        "",
        "",
        None,
        "",
        ("cell", str(line)),
    )


def test_rows_come_back_by_month_in_file_order_through_the_disk():
    start = datetime(2024, 1, 1, 18)
    rows = [set_row(i + 2, start + timedelta(days=i * 3)) for i in range(400)]
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)  # an export in no particular order
    with StagedRows(buffered_rows=16) as staged:
        for r in shuffled:
            staged.add(r)
        folder = Path(staged._dir.name)
        assert staged.spills > 10 and any(folder.iterdir())  # held on disk, not in memory
        assert len(staged) == 400
        months = staged.months()
        assert months == sorted({r.start.year * 100 + r.start.month for r in rows})
        for month in months:
            back = list(staged.rows(month))
            assert back == [r for r in shuffled if r.start.year * 100 + r.start.month == month]
    assert not folder.exists()  # the temp files go with it


def test_the_temp_folder_is_the_lifters_only():
    with StagedRows() as staged:
        assert os.stat(staged._dir.name).st_mode & 0o077 == 0


def test_lines_keep_their_endings_and_report_progress(tmp_path):
    f = tmp_path / "a.csv"
    f.write_bytes(b"\xef\xbb\xbfa,b\r\n1,2\r\n" + b"3,4\n" * 100_000)
    with open_lines(f) as lines:
        assert lines.size == f.stat().st_size
        it = iter(lines)
        assert next(it) == "a,b\r\n" and next(it) == "1,2\r\n"
        assert 0 < lines.position() < lines.size  # read in chunks, not the whole file
        assert sum(1 for _ in it) == 100_000
        assert lines.position() == lines.size


@pytest.mark.parametrize(
    "data,message",
    [
        (
            b"a,b\n" + b"1,2\n" * 50_000 + b"3,\xff\n",
            "is not UTF-8 text (byte 0xff at offset 200006)",
        ),
        (b"a,b\n" + b"1,2\n" * 50_000 + b"3,\x00\n", "is a binary file"),
        ("a,b\n1,2\n".encode("utf-16") + b"\x00\xdc\x41\x00", "is not UTF-16 text"),
    ],
    ids=["bad-utf8-far-in", "nul-far-in", "lone-surrogate-utf16"],
)
def test_bytes_that_are_not_text_are_one_line_where_they_are_met(tmp_path, data, message):
    f = tmp_path / "a.csv"
    f.write_bytes(data)
    with (
        open_lines(f) as lines,
        pytest.raises(ExchangeError, match=message.replace("(", r"\(").replace(")", r"\)")),
    ):
        for _ in lines:
            pass


def test_files_that_cannot_be_opened(tmp_path):
    with pytest.raises(ExchangeError, match="there is no file"):
        open_lines(tmp_path / "nope.csv")
    with pytest.raises(ExchangeError, match="is a folder"):
        open_lines(tmp_path)
