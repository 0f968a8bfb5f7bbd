"""`tui-tracker targets`: each muscle's band, its default and why; `targets set`."""

from __future__ import annotations

import json

import pytest

from tui_tracker.cli import main
from tui_tracker.domain.targets import DEFAULT_TARGETS
from tui_tracker.store import Store


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "training.json")


def run(capsys, db, *args):
    code = main(["--db", db, "--today", "2026-11-18", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_set_a_band_and_see_it_as_yours(capsys, db):
    code, out, err = run(capsys, db, "targets", "set", "chest", "12-18")
    assert (code, err) == (0, "") and out == "Chest: 12-18 hard sets a week (default 10-16).\n"
    code, out, _ = run(capsys, db, "targets")
    assert "Chest        12-18  yours (default 10-16)" in out
    doc = json.loads(run(capsys, db, "targets", "--json")[1])
    assert doc["muscles"]["chest"] == {
        "target": [12, 18],
        "default": [10, 16],
        "is_default": False,
        "why_default": doc["muscles"]["chest"]["why_default"],
    }
    assert "trained lifters" in doc["muscles"]["chest"]["why_default"]
    with Store(db) as store:
        assert store.volume_targets()["chest"] == (12, 18)


def test_a_muscle_is_named_as_a_lifter_writes_it(capsys, db):
    assert run(capsys, db, "targets", "set", "Front Delts", "2-12")[0] == 0
    assert run(capsys, db, "targets", "set", "rear-delts", " 3 - 9 ")[0] == 0
    with Store(db) as store:
        t = store.volume_targets()
    assert (t["front_delts"], t["rear_delts"]) == ((2, 12), (3, 9))


def test_default_puts_a_band_back(capsys, db):
    run(capsys, db, "targets", "set", "calves", "6-10")
    code, out, _ = run(capsys, db, "targets", "set", "calves", "default")
    assert code == 0 and out == "Calves: 10-16 hard sets a week (the default).\n"


@pytest.mark.parametrize(
    "args, says",
    [
        (("set", "lats", "10-16"), "unknown muscle 'lats'; known: chest, back"),
        (("set", "chest", "16-10"), "low <= high <= 60"),
        (("set", "chest", "10-61"), "low <= high <= 60"),
        (("set", "chest", "ten"), "a band is LOW-HIGH sets a week, like 10-16, not 'ten'"),
        (("set", "chest", "5--10"), "a band is LOW-HIGH"),
        (("set", "chest"), "the following arguments are required"),
    ],
)
def test_bad_input_is_one_line_and_nothing_written(capsys, db, tmp_path, args, says):
    code, out, err = run(capsys, db, "targets", *args)
    assert code == 2 and out == "" and err.count("\n") == 1 and says in err
    assert not (tmp_path / "training.json").exists()


def test_reading_the_targets_creates_no_database(capsys, db, tmp_path):
    code, out, _ = run(capsys, db, "targets")
    assert code == 0 and "Chest" in out and not (tmp_path / "training.json").exists()


def test_muscles_trained_through_compounds_default_to_0_16_with_the_reason(capsys, db):
    doc = json.loads(run(capsys, db, "targets", "--json")[1])["muscles"]
    assert {m: tuple(v["target"]) for m, v in doc.items()} == dict(DEFAULT_TARGETS)
    assert all(v["is_default"] for v in doc.values())
    assert "trained in every press" in doc["front_delts"]["why_default"]
    code, out, _ = run(capsys, db, "targets")
    assert "Front delts  0-16   default: 0-16: trained in every press" in out


def test_a_band_set_to_exactly_10_16_on_a_muscle_whose_default_differs_is_kept(capsys, db):
    run(capsys, db, "targets", "set", "front_delts", "10-16")
    doc = json.loads(run(capsys, db, "targets", "--json")[1])["muscles"]
    assert doc["front_delts"]["target"] == [10, 16]
