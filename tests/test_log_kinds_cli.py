"""`tui-tracker log` for every kind of set, through the real entry point (issue 14)."""

from __future__ import annotations

from datetime import date

import pytest

from tui_tracker.cli import main
from tui_tracker.store import Store

DAY = ["--today", "2026-12-01"]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "training.json"


def run(capsys, db, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *DAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


def saved(db):
    with Store(db) as store:
        return [
            s
            for session in store.sessions_between(date(2026, 12, 1), date(2026, 12, 1))
            for s in session.sets
        ]


def test_bodyweight_sets_show_their_load_never_0_kg(capsys, db):
    code, out, err = run(capsys, db, "log", "pull-up", "BW+20x8@2", "BWx12", "BW-30x8")
    assert code == 0, err
    assert out.splitlines() == [
        "Pull-Up, session of 2026-12-01:",
        "  set 1 saved: BW+20 kg x 8 @2",
        "  set 2 saved: BW x 12",
        "  set 3 saved: BW-30 kg x 8",
        "3 working sets of 1 exercise in this session. Heaviest Pull-Up today: BW+20 kg.",
    ]
    assert [s.weight_kg for s in saved(db)] == [20, 0, -30]


def test_timed_distance_and_per_hand_sets(capsys, db):
    code, out, _ = run(capsys, db, "log", "plank", "60s", "1:30")
    assert code == 0 and "set 1 saved: 60 s\n  set 2 saved: 90 s\n" in out
    assert "Heaviest" not in out  # nothing lifted
    code, out, _ = run(capsys, db, "log", "farmer's walk", "32x40m")
    assert code == 0 and "set 1 saved: 2 x 32 kg, 40 m" in out
    sets = saved(db)
    assert [(s.reps, s.duration_s, s.distance_m) for s in sets] == [
        (0, 60, None),
        (0, 90, None),
        (0, None, 40.0),
    ]


def test_kinds_and_a_superset(capsys, db):
    code, out, err = run(
        capsys, db, "log", "squat", "100x8@0/F", "80x6/D", "60x5/W", "--superset", "A"
    )
    assert code == 0, err
    assert "set 1 saved: 100 kg x 8 @0  (to failure)  [superset A]" in out
    assert "set 2 saved: 80 kg x 6  (drop set)  [superset A]" in out
    assert "set 3 saved: 60 kg x 5  (warm-up)  [superset A]" in out
    assert [(s.kind, s.rir, s.superset) for s in saved(db)] == [
        ("failure", 0, "A"),
        ("drop", None, "A"),
        ("warmup", None, "A"),
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (["pull-up", "BW+20x8", "20x8"], "Pull-Up lifts the body: is 20 added or in all?"),
        (["squat", "BWx8"], "Barbell Back Squat does not lift the body"),
        (["squat", "100x8@2/F"], "/F is a set to failure, RIR 0, not @2"),
        (["squat", "100x8/Q"], "'/Q' is not a kind of set"),
        (["squat", "80x6/D", "--warmup"], "a warm-up is not also /D"),
        (["squat", "100x0"], "a set needs at least one rep"),
        (["plank", "0s"], "a time is 1 s to 24 h"),
        (["squat", "100x8/\x1b[2J[b]"], "is not a kind of set"),
    ],
)
def test_ambiguous_or_wrong_sets_are_refused_and_nothing_is_written(capsys, db, args, message):
    code, out, err = run(capsys, db, "log", *args)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1 and "\x1b" not in err
    assert not db.exists()


def test_a_hostile_superset_label_shows_as_text(capsys, db):
    code, out, err = run(capsys, db, "log", "squat", "100x5@2", "--superset", "[b]A\x1b[2J[/]")
    assert code == 0, err
    assert "[superset [b]A[2J[/]]" in out and "\x1b" not in out
    assert saved(db)[0].superset == "[b]A[2J[/]"
