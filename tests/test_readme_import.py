"""README's import section: every `tui-tracker import` example parses, and the ones about
date order and FitNotes do what their comments and sentences say."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tui_tracker.cli import build_parser

from tests.test_import_formats_cli import ANDROID, FITNOTES_ROWS, hevy_row
from tests.test_transfer import HEVY, berlin, db, run, sessions, write  # noqa: F401

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## Bringing your history") : README.index("## The command line")]
EXAMPLES = [
    line.split("#")[0].strip()
    for block in re.findall(r"```sh\n(.+?)\n```", SECTION, re.S)
    for line in block.splitlines()
    if line.startswith("tui-tracker import ")
]


def test_the_section_shows_each_csv_source_and_the_date_order():
    kinds = {shlex.split(line)[2] for line in EXAMPLES}
    assert {"strong", "hevy", "fitnotes", "json"} <= kinds
    assert any("--date-order dmy" in line for line in EXAMPLES)
    assert any("--date-order mdy" in line for line in EXAMPLES)


@pytest.mark.parametrize("line", EXAMPLES)
def test_every_import_example_parses(line):
    args = build_parser().parse_args(shlex.split(line)[1:])
    assert args.command == "import" and args.file


@pytest.mark.parametrize(
    "order,said,day",
    [("dmy", "05/06/2026 is 5 June", "2026-06-05"), ("mdy", "05/06/2026 is May 6", "2026-05-06")],
)
def test_the_date_order_examples_do_what_their_comments_say(
    capsys, db, tmp_path, monkeypatch, order, said, day
):
    (line,) = {x for x in EXAMPLES if f"--date-order {order}" in x}
    assert any(full.startswith(line) and said in full for full in SECTION.splitlines())
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        "workouts.csv",
        HEVY,
        hevy_row("05/06/2026, 07:30", "A"),
        hevy_row("07/06/2026, 07:30", "B"),
    )
    code, _, err = run(capsys, "--db", db, *shlex.split(line)[1:])
    assert code == 0, err
    assert sessions(db)[0].date.isoformat() == day


def test_the_quoted_messages_are_the_ones_printed(capsys, db, tmp_path):
    f = write(tmp_path, "FitNotes_Export.csv", ANDROID, *FITNOTES_ROWS)
    _, out, _ = run(capsys, "--db", db, "import", "fitnotes", f)
    (cardio,) = [x for x in out.splitlines() if "cardio row" in x]
    assert f"`{cardio}`" in " ".join(SECTION.split())
    f = write(
        tmp_path,
        "workouts.csv",
        HEVY,
        *[hevy_row(f"{d:02d}/06/2026, 07:30", str(d)) for d in range(1, 15)],
    )
    _, out, _ = run(capsys, "--db", tmp_path / "other.json", "import", "hevy", f)
    (said,) = [x for x in out.splitlines() if x.startswith("Dates read as")]
    assert said == (
        "Dates read as day/month/year: line 14 has 13/06/2026, 07:30, which cannot be month/day."
    )
    assert (
        "`Dates read as day/month/year: line 14 has 25/06/2026, which cannot be month/day.`"
        in " ".join(SECTION.split())
    )
