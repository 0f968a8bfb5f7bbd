"""`tui-tracker meso ...` and `status`: plan a block, see where it stands, act on the deload."""

from __future__ import annotations

import json

import pytest

from tui_tracker.cli import main
from tui_tracker.store import Store


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "training.json")


def run(capsys, db, today, *args):
    code = main(["--db", db, "--today", today, *args])
    out, err = capsys.readouterr()
    return code, out, err


def status(capsys, db, today) -> dict:
    code, out, _ = run(capsys, db, today, "status", "--json")
    assert code == 0
    return json.loads(out)


def test_new_block_from_the_default_template_prints_the_plan_and_its_volume(capsys, db):
    code, out, err = run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "5")
    assert code == 0 and err == ""
    assert "Upper/Lower 4-day, Nov 2026: 5 weeks from Mon 02 Nov 2026" in out
    assert "W1 3, W2 3, W3 2, W4 2, W5 1" in out
    assert "Mon Upper A: Barbell Bench Press 4 x 5-8" in out
    assert "Chest         11.0  10-16 within" in out
    with Store(db) as store:
        (meso,) = store.mesocycles()
    assert meso.weeks == 5 and meso.start.isoformat() == "2026-11-02"


@pytest.mark.parametrize("weeks", ["2", "7", "0"])
def test_block_length_outside_3_to_6_is_refused_with_the_reason(capsys, db, weeks):
    code, out, err = run(capsys, db, "2026-11-02", "meso", "new", "--weeks", weeks)
    assert code == 2 and out == ""
    assert "3 to 6" in err and "deload" in err and err.count("\n") == 1
    with Store(db) as store:
        assert store.mesocycles() == []


def test_bad_template_and_rir_list_are_one_line_errors(capsys, db):
    assert run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4", "--template", "x")[0] == 2
    code, _, err = run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4", "--rir", "3,2")
    assert code == 2 and "4 values" in err
    code, _, err = run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "3", "--rir", "3,2,9")
    assert code == 2 and "plan 0 to 4" in err


@pytest.mark.parametrize(
    "rir, says",
    [
        ("0,1,1", "week 1 at RIR 0: 0 (failure) only in the last week"),
        ("2,3,1", "week 2's target (3) is above week 1's (2): targets fall or hold"),
        ("5,3,1", "week 1 at RIR 5: a set 5 or more reps short of failure is not a hard set"),
    ],
)
def test_rir_targets_against_the_evidence_are_refused_with_the_reason(capsys, db, rir, says):
    code, out, err = run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "3", "--rir", rir)
    assert code == 2 and out == "" and err.count("\n") == 1 and says in err
    assert blocks(db) == []


def test_rir_4_and_a_last_week_at_0_are_saved_with_warnings_and_the_plan_check(capsys, db):
    code, out, err = run(
        capsys, db, "2026-11-02", "meso", "new", "--weeks", "4", "--rir", "4,3,2,0"
    )
    assert code == 0
    warnings = err.splitlines()
    assert len(warnings) == 2 and all(
        w.startswith("tui-tracker: warning: --rir ") for w in warnings
    )
    assert "week 1 at RIR 4: further from failure than the 1-3" in warnings[0]
    assert "week 4 at RIR 0: only the final set" in warnings[1]
    assert "Target RIR by week: W1 4, W2 3, W3 2, W4 0 (week 4 at 0: failure only" in out
    assert "Plan check (advice; the block is saved as planned):" in out
    assert "  - Week 1: 0 of 87 planned sets at 1-3 RIR (87 at 4 or more)." in out
    assert "stay at 1." in out and "Barbell Back Squat" in out
    assert blocks(db)[0].rir_targets == (4, 3, 2, 0)


def test_a_sound_block_has_nothing_to_flag(capsys, db):
    code, out, err = run(
        capsys, db, "2026-11-02", "meso", "new", "--weeks", "5", "--template", "full-body-3"
    )
    assert code == 0 and err == ""
    assert "Plan check: nothing to flag." in out
    assert "(no failure planned; most sets at 1-3 RIR every week)" in out


def test_meso_show_prints_every_week_day_exercise_and_set(capsys, db):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "3", "--rir", "3,2,0")
    code, out, err = run(capsys, db, "2026-11-05", "meso", "show")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[1] == "Week 1 (Mon 02 Nov - Sun 08 Nov): target RIR 3"
    assert lines[2] == "  Mon Upper A"
    assert lines[3] == "    Barbell Bench Press (barbell-bench-press, compound): 4 x 5-8 @3"
    assert "    Barbell Back Squat (barbell-back-squat, compound, high skill): 4 x 5-8 @3" in lines
    week3 = lines[lines.index("Week 3 (Mon 16 Nov - Sun 22 Nov): target RIR 0") :]
    assert "    Barbell Bench Press (barbell-bench-press, compound): 4 x 5-8 @1, last @0" in week3
    assert "    Barbell Back Squat (barbell-back-squat, compound, high skill): 4 x 5-8 @1" in week3
    assert "    Face Pull (face-pull, isolation): 2 x 12-20 @1" in week3
    deload = lines[
        lines.index(
            "Deload week (after week 3, from the day you start it): about "
            "half the sets, RIR 4 or more"
        ) :
    ]
    assert "    Barbell Bench Press (barbell-bench-press, compound): 2 x 5-8 @4" in deload


def test_meso_show_json_for_one_week(capsys, db):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "3", "--rir", "3,2,0")
    code, out, _ = run(capsys, db, "2026-11-05", "meso", "show", "--week", "3", "--json")
    doc = json.loads(out)
    assert doc["mesocycle"]["weeks"] == 3 and doc["mesocycle"]["rir_targets"] == [3, 2, 0]
    (week,) = doc["weeks"]
    assert (week["week"], week["deload"], week["target_rir"]) == (3, False, 0)
    day = week["days"][0]
    assert (day["name"], day["weekday"], day["date"]) == ("Upper A", "Mon", "2026-11-16")
    bench = day["exercises"][0]
    assert bench == {
        "id": "barbell-bench-press",
        "name": "Barbell Bench Press",
        "kind": "compound",
        "high_skill": False,
        "sets": [{"set": n, "reps": [5, 8], "rir": r} for n, r in ((1, 1), (2, 1), (3, 1), (4, 0))],
    }
    squat = next(e for d in week["days"] for e in d["exercises"] if e["id"] == "barbell-back-squat")
    assert squat["high_skill"] is True and {s["rir"] for s in squat["sets"]} == {1}
    deload = json.loads(run(capsys, db, "2026-11-05", "meso", "show", "--week", "4", "--json")[1])[
        "weeks"
    ][0]
    assert deload["deload"] is True and deload["target_rir"] == 4
    assert deload["days"][0]["date"] is None  # it starts when the lifter starts it


@pytest.mark.parametrize("week", ["0", "5", "-1"])
def test_meso_show_refuses_a_week_the_block_does_not_have(capsys, db, week):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "3")
    code, out, err = run(capsys, db, "2026-11-05", "meso", "show", "--week", week)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "has weeks 1 to 3, and 4 is its deload week" in err


def test_meso_show_without_a_block_says_how_to_start_one(capsys, db):
    code, out, err = run(capsys, db, "2026-11-05", "meso", "show")
    assert code == 2 and "meso new" in err


def test_status_without_a_block(capsys, db):
    info = status(capsys, db, "2026-11-02")
    assert (
        info["mesocycle"] is None and info["deload_due"] is False and info["deload_reason"] is None
    )


@pytest.mark.parametrize(
    "today, week, due, reason, target",
    [
        ("2026-11-01", None, False, None, None),  # the day before it starts
        ("2026-11-02", 1, False, None, 3),
        ("2026-11-22", 3, False, None, 2),  # last day of week 3 (of 4)
        ("2026-11-29", 4, False, None, 1),  # last day of the last week
        ("2026-11-30", 5, True, "planned", 1),  # the day after: deload due, week 4's RIR
    ],
)
def test_status_json_across_the_block(capsys, db, today, week, due, reason, target):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4")
    info = status(capsys, db, today)
    assert info["week"] == week and info["weeks"] == 4
    assert info["deload_due"] is due and info["deload_reason"] == reason
    assert info["target_rir"] == target


def test_deload_postpone_and_next_block(capsys, db):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "3")
    code, out, _ = run(capsys, db, "2026-11-23", "meso", "postpone", "--until", "2026-11-29")
    assert code == 0 and "postponed through 2026-11-29" in out
    assert status(capsys, db, "2026-11-29")["deload_due"] is False
    assert status(capsys, db, "2026-11-30")["deload_due"] is True
    # past week 6 no postponement is honoured, so none is taken
    code, _, err = run(capsys, db, "2026-11-30", "meso", "postpone", "--until", "2027-01-31")
    assert code == 2 and "2026-12-13 (end of week 6) at the latest" in err
    run(capsys, db, "2026-11-30", "meso", "postpone", "--until", "2026-12-13")
    assert status(capsys, db, "2026-12-13")["deload_due"] is False  # last day of week 6
    assert status(capsys, db, "2026-12-14")["deload_due"] is True
    code, out, _ = run(capsys, db, "2026-12-14", "meso", "deload")
    assert code == 0 and "Deload week" in out
    info = status(capsys, db, "2026-12-15")
    assert (
        info["label"] == "Deload week" and info["deload_due"] is False and info["target_rir"] == 4
    )
    code, _, err = run(capsys, db, "2026-12-15", "meso", "deload")
    assert code == 2 and "already started" in err
    code, out, _ = run(capsys, db, "2026-12-21", "meso", "next")
    assert code == 0 and "Closed" in out
    info = status(capsys, db, "2026-12-21")
    assert info["week"] == 1 and info["mesocycle"]["start"] == "2026-12-21"
    code, out, _ = run(capsys, db, "2026-12-21", "meso", "list")
    lines = out.splitlines()
    assert lines[0].startswith("  2026-11-02") and "(Ended)" in lines[0]
    assert lines[1].startswith("* 2026-12-21") and "Week 1 of 3" in lines[1]


def test_actions_without_a_block_say_how_to_start_one(capsys, db):
    code, _, err = run(capsys, db, "2026-11-02", "meso", "deload")
    assert code == 2 and "meso new" in err
    code, out, _ = run(capsys, db, "2026-11-02", "meso", "list")
    assert code == 0 and "meso new" in out


def test_text_status_names_the_day_and_the_reason(capsys, db):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4")
    code, out, _ = run(capsys, db, "2026-11-30", "status")
    assert code == 0
    assert "Upper/Lower 4-day, Nov 2026: Week 5, deload due" in out
    assert "Target RIR this week: 1" in out
    assert "Today: Upper A" in out
    assert "DELOAD DUE: Deload due: the 4 planned accumulation weeks ended 2026-11-29." in out


# --- one block at a time ----------------------------------------------------------------------


def blocks(db):
    with Store(db) as store:
        return store.mesocycles()


def test_starting_a_block_over_a_running_one_in_a_script_needs_replace(capsys, db):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4")
    code, out, err = run(capsys, db, "2026-11-10", "meso", "new", "--weeks", "5")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert (
        "would close Upper/Lower 4-day, Nov 2026 (Week 2 of 4) on 2026-11-10; give --replace" in err
    )
    assert [m.ended for m in blocks(db)] == [None]
    code, out, err = run(capsys, db, "2026-11-10", "meso", "new", "--weeks", "5", "--replace")
    assert code == 0 and "Closed Upper/Lower 4-day, Nov 2026 as of 2026-11-10." in out
    old, new = blocks(db)
    assert old.ended.isoformat() == "2026-11-10" and new.ended is None and new.weeks == 5


class Terminal:
    """A stdin that is a terminal, answering the one question asked."""

    def __init__(self, answer: str) -> None:
        self.answer = answer

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return self.answer


@pytest.mark.parametrize(
    "answer, started", [("y\n", True), ("yes\n", True), ("\n", False), ("n\n", False), ("", False)]
)
def test_in_a_terminal_starting_over_a_running_block_asks_first(
    capsys, db, monkeypatch, answer, started
):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4")
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    code, out, err = run(
        capsys, db, "2026-11-10", "meso", "new", "--weeks", "5", "--template", "full-body-3"
    )
    assert "will close Upper/Lower 4-day, Nov 2026 (Week 2 of 4) on 2026-11-10." in err
    assert "Close Upper/Lower 4-day, Nov 2026 and start Full Body 3-day, Nov 2026? [y/N]" in err
    assert (code == 0) is started and len(blocks(db)) == (2 if started else 1)
    if not started:
        assert code == 1 and "Nothing changed" in out


def test_a_new_block_before_an_upcoming_one_cancels_it_in_the_same_write(capsys, db):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4", "--start", "2026-11-16")
    code, _, err = run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "3")
    assert code == 2 and "planned from 2026-11-16" in err and "--replace" in err
    code, out, _ = run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "3", "--replace")
    assert code == 0 and "Cancelled Upper/Lower 4-day, Nov 2026" in out
    for today in ("2026-11-02", "2026-11-16", "2026-11-30"):
        assert status(capsys, db, today)["mesocycle"]["weeks"] == 3
    code, out, _ = run(capsys, db, "2026-11-16", "meso", "list")
    assert "(Cancelled)" in out


def test_the_next_block_after_the_deload_needs_no_replace(capsys, db):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "3")
    run(capsys, db, "2026-11-23", "meso", "deload")
    code, out, err = run(capsys, db, "2026-11-30", "meso", "next")
    assert code == 0 and "Closed" in out and err == ""


def test_the_next_block_mid_block_asks_like_any_other(capsys, db):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "3")
    code, _, err = run(capsys, db, "2026-11-10", "meso", "next")
    assert code == 2 and "--replace" in err
    assert run(capsys, db, "2026-11-10", "meso", "next", "--replace")[0] == 0


# --- the deload starts when the lifter starts it ----------------------------------------------


@pytest.mark.parametrize(
    "today, phase, week, label, target, planned, due",
    [
        ("2026-11-29", "accumulation", 4, "Week 4 of 4", 1, None, False),  # Sunday, last week
        ("2026-11-30", "deload_due", 5, "Week 5, deload due", 1, "Upper A", True),
        ("2026-12-13", "deload_due", 6, "Week 6, deload due", 1, None, True),
        ("2026-12-14", "lapsed", 7, "Over, no deload", None, None, False),
    ],
)
def test_status_json_is_honest_until_the_deload_is_started(
    capsys, db, today, phase, week, label, target, planned, due
):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4")
    info = status(capsys, db, today)
    assert (info["phase"], info["week"], info["label"]) == (phase, week, label)
    assert info["target_rir"] == target and info["planned_today"] == planned
    assert info["deload_due"] is due
    assert info["next_block_due"] is (phase == "lapsed")


def test_the_deload_week_runs_from_the_day_it_is_started(capsys, db):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4")
    assert run(capsys, db, "2026-12-02", "meso", "deload")[0] == 0
    for today, phase, target in (
        ("2026-12-01", "deload_due", 1),
        ("2026-12-02", "deload", 4),
        ("2026-12-08", "deload", 4),
        ("2026-12-09", "after", None),
    ):
        info = status(capsys, db, today)
        assert (info["phase"], info["target_rir"]) == (phase, target), today
    assert status(capsys, db, "2026-12-09")["next_block_due"] is True


def test_a_block_never_deloaded_can_be_followed_or_ended(capsys, db):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4")
    code, out, err = run(capsys, db, "2026-12-14", "meso", "next")
    assert code == 0 and err == "" and "Closed" in out
    assert status(capsys, db, "2026-12-14")["phase"] == "accumulation"
    code, out, _ = run(capsys, db, "2026-12-15", "meso", "end")
    assert code == 0 and "Closed" in out


# --- a lifter's checks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "today, args, reason",
    [
        ("2026-11-30", ("meso", "postpone", "--until", "2026-11-27"), "before today"),
        ("2026-11-30", ("meso", "postpone", "--until", "2026-12-20"), "at the latest"),
        ("2026-12-14", ("meso", "postpone", "--until", "2026-12-15"), "is over"),
        ("2026-11-01", ("meso", "deload"), "starts 2026-11-02"),
        ("2026-11-10", ("meso", "next", "--start", "2026-10-01"), "after"),
        (
            "2026-11-10",
            ("meso", "new", "--weeks", "3", "--start", "2026-09-01", "--replace"),
            "would be over by",
        ),
    ],
)
def test_block_commands_refuse_what_a_lifter_would_not_mean(capsys, db, today, args, reason):
    run(capsys, db, "2026-11-01", "meso", "new", "--weeks", "4", "--start", "2026-11-02")
    before = blocks(db)
    code, out, err = run(capsys, db, today, *args)
    assert code == 2 and out == "" and err.count("\n") == 1 and reason in err, err
    assert blocks(db) == before


def test_postponing_within_week_6_is_saved(capsys, db):
    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4")
    code, out, _ = run(capsys, db, "2026-11-30", "meso", "postpone", "--until", "2026-12-13")
    assert code == 0 and "postponed through 2026-12-13" in out
    assert status(capsys, db, "2026-12-13")["phase"] == "postponed"
    assert status(capsys, db, "2026-12-14")["phase"] == "deload_due"


def test_a_far_postponement_stored_earlier_does_not_break_status(capsys, db):
    from dataclasses import replace
    from datetime import date

    run(capsys, db, "2026-11-02", "meso", "new", "--weeks", "4")
    with Store(db) as store:
        (m,) = store.mesocycles()
        store.save_mesocycle(replace(m, postponed_until=date.max))
    info = status(capsys, db, "2026-12-14")
    assert info["phase"] == "deload_due" and info["deload_due"] is True
    assert run(capsys, db, "2026-12-14", "meso", "list")[0] == 0


def test_the_readme_documents_every_phase_status_can_report():
    from pathlib import Path

    from tui_tracker.domain.mesocycle import PHASES

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    fields = readme[readme.index("`status --json` fields:") :]
    for p in PHASES:
        assert f'`"{p}"`' in fields, p
    for key in ("plan_week", "next_block_due", "deload_start", "postponed_until"):
        assert f"`{key}`" in fields, key
