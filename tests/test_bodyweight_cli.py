"""`tui-tracker bodyweight`: log the lifter's bodyweight, list it (issue 14)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tui_tracker.cli import main
from tui_tracker.store import Store


@pytest.fixture
def db(tmp_path):
    return tmp_path / "training.json"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_log_then_list(capsys, db):
    code, out, err = run(capsys, "--db", str(db), "--today", "2026-11-28", "bodyweight", "82.5")
    assert (code, err) == (0, "")
    assert out == "Bodyweight on 2026-11-28: 82.5 kg saved.\n"
    code, out, _ = run(capsys, "--db", str(db), "--today", "2026-12-01", "bodyweight", "83,1")
    assert out == "Bodyweight on 2026-12-01: 83.1 kg saved (+0.6 kg since 2026-11-28).\n"
    code, out, _ = run(capsys, "--db", str(db), "bodyweight")
    assert code == 0
    assert out == "day            weight\n2026-11-28    82.5 kg\n2026-12-01    83.1 kg\n"
    with Store(db) as store:
        assert store.bodyweight_on(date(2026, 11, 30)) == 82.5


def test_pounds_and_json(capsys, db):
    code, out, _ = run(
        capsys,
        "--db",
        str(db),
        "--today",
        "2026-11-28",
        "bodyweight",
        "180",
        "--unit",
        "lb",
        "--json",
    )
    assert code == 0
    got = json.loads(out)
    assert got["day"] == "2026-11-28" and got["unit"] == "lb" and got["weight"] == 180
    assert got["kg"] == pytest.approx(81.65, abs=0.01)
    code, out, _ = run(capsys, "--db", str(db), "bodyweight", "--json")
    listed = json.loads(out)
    assert listed["unit"] == "kg"
    assert [(b["day"], round(b["weight"], 2)) for b in listed["bodyweights"]] == [
        ("2026-11-28", 81.65)
    ]


def test_an_empty_history_says_how_to_start_and_creates_nothing(capsys, db):
    code, out, _ = run(capsys, "--db", str(db), "bodyweight")
    assert code == 0 and out == "No bodyweight logged yet: tui-tracker bodyweight 82.5\n"
    assert not db.exists()


@pytest.mark.parametrize(
    "value, message",
    [
        ("825", "bodyweight '825': a bodyweight is 20 to 400 kg"),
        ("-80", "weight cannot be negative"),
        ("eighty", "is not a number"),
        ("[b]8\x1b[2J", "is not a number"),
    ],
)
def test_bad_values_are_one_line_exit_2_and_write_nothing(capsys, db, value, message):
    code, out, err = run(capsys, "--db", str(db), "bodyweight", value)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1 and "\x1b" not in err
    assert not db.exists()


def test_prs_of_a_bodyweight_lift_are_over_the_body(capsys, db):
    """BW+20 x 8 @2 at 82.5 kg: e1RM 136.7 kg; the loads as BW+20 kg, never 20 kg."""
    run(capsys, "--db", str(db), "--today", "2026-12-01", "log", "pull-up", "BW+20x8@2", "BWx12")
    code, out, _ = run(capsys, "--db", str(db), "prs", "pull-up")
    assert "best e1RM     none yet (log your bodyweight" in out
    run(capsys, "--db", str(db), "--today", "2026-11-30", "bodyweight", "82.5")
    code, out, _ = run(capsys, "--db", str(db), "prs", "pull-up")
    assert code == 0
    assert "best e1RM     136.7 kg: BW+20 kg x 8 @2 on 2026-12-01 (bodyweight 82.5 kg)" in out
    assert "BW+20 kg x 8" in out and "BW x 12" in out and "best volume" not in out
