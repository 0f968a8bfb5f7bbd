"""`tui-tracker sessions` and `tui-tracker session ...` through the real entry point."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from pathlib import Path

import pytest

from tui_tracker.cli import main
from tui_tracker.domain.models import LoggedSet
from tui_tracker.logbook import RESUMED_SETTING
from tui_tracker.store import Store


TZ = timezone(timedelta(hours=1))


@pytest.fixture
def db(tmp_path):
    return tmp_path / "training.json"


def run(capsys, db, *args: str, today: str = "2026-11-18") -> tuple[int, str, str]:
    code = main(["--db", str(db), "--today", today, *args])
    out, err = capsys.readouterr()
    return code, out, err


def logged(capsys, db, day: str, *sets: str) -> str:
    """An unfinished squat session on `day`, a set (`100x5@2` or `60x5`) every 4 minutes
    from 18:00; returns its id."""
    d = date.fromisoformat(day)
    session = None
    with Store(db) as store:
        for i, text in enumerate(sets):
            weight, rest = text.split("x")
            reps, _, rir = rest.partition("@")
            s = LoggedSet(
                "barbell-back-squat",
                float(weight),
                int(reps),
                int(rir) if rir else None,
                at=datetime(d.year, d.month, d.day, 18, 4 * i, tzinfo=TZ),
            )
            session = store.log_set(s, day=d, session_id=session.id if session else None)
    return session.id


def test_sessions_lists_newest_first_with_short_ids(capsys, db):
    monday = logged(capsys, db, "2026-11-16", "100x5@2", "100x5@2")
    tuesday = logged(capsys, db, "2026-11-17", "60x5")
    code, out, _ = run(capsys, db, "sessions")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{tuesday[:8]}  2026-11-17  ")
    assert lines[1].startswith(f"{monday[:8]}  2026-11-16  ")
    assert lines[1] == f"{monday[:8]}  2026-11-16  18:00-unfinished        2  Barbell Back Squat"
    data = json.loads(run(capsys, db, "sessions", "--json", "--limit", "1")[1])
    assert [s["id"] for s in data] == [tuesday] and data[0]["working_sets"] == 1


def test_moving_a_session_to_another_month_and_volume_follows(capsys, db):
    monday = logged(capsys, db, "2026-11-16", *["100x5@2"] * 6)
    code, out, err = run(capsys, db, "session", "date", monday[:6], "2026-10-28")
    assert (code, out, err) == (0, "Moved the session to Wed 28 Oct 2026.\n", "")
    week = json.loads(run(capsys, db, "volume", "--week", "2026-W44", "--json")[1])
    assert week["muscles"]["quads"]["sets"] == 6.0
    code, _, err = run(capsys, db, "session", "date", monday[:6], "2026-11-19")
    assert code == 2 and "after today (2026-11-18)" in err


def test_times_finish_resume_and_delete(capsys, db, monkeypatch):
    monday = logged(capsys, db, "2026-11-16", "100x5@2")
    tuesday = logged(capsys, db, "2026-11-17", "100x5@2")
    code, out, _ = run(capsys, db, "session", "finish", monday[:8])
    assert (code, out) == (0, "Finished the session at 18:05.\n")  # 5 min after the last set
    code, out, _ = run(capsys, db, "session", "times", monday[:8], "17:00", "19:30")
    assert (code, out) == (0, "The session's times are now 17:00-19:30.\n")
    code, _, err = run(capsys, db, "session", "times", monday[:8], "18:30", "19:30")
    assert code == 2 and "the start can be 18:00 at the latest" in err
    code, out, _ = run(capsys, db, "session", "resume", tuesday[:8])
    assert code == 0 and out.startswith("Resumed the session of Tue 17 Nov")
    with Store(db) as store:
        assert store.get_setting(RESUMED_SETTING) == tuesday
    run(capsys, db, "log", "bench", "80x8@2")  # joins Tuesday's session
    with Store(db) as store:
        assert len(store.session(tuesday).sets) == 2
        assert store.sessions_between(date(2026, 11, 18), date(2026, 11, 18)) == []
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, db, "session", "delete", tuesday[:8])
    assert code == 2 and "add --yes" in err
    code, out, _ = run(capsys, db, "session", "delete", tuesday[:8], "--yes")
    assert (code, out) == (0, "Deleted the session of Tue 17 Nov 2026.\n")
    with Store(db) as store:
        assert store.session(tuesday) is None


@pytest.mark.parametrize(
    "args,message",
    [
        (("session", "date", "abc", "2026-11-01"), "too short"),
        (("session", "date", "ffffffff", "2026-11-01"), "there is no session 'ffffffff'"),
        (("session", "times", "ID", "25:00"), "start 25:00 is not a time of day"),
        (("sessions", "--limit", "0"), "--limit needs"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, db, args, message):
    monday = logged(capsys, db, "2026-11-16", "100x5@2")
    args = tuple(monday if a == "ID" else a for a in args)
    code, out, err = run(capsys, db, *args)
    assert code == 2 and message in err and len(err.splitlines()) == 1


def test_the_readme_examples_run(capsys, db):
    """Each `tui-tracker session(s) ...` line of the README, on a session whose id starts
    like the README's example."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    lines = [
        line.split("#")[0].split()[1:]
        for line in readme.splitlines()
        if line.startswith(("tui-tracker sessions", "tui-tracker session "))
    ]
    assert len(lines) == 7
    logged(capsys, db, "2026-11-15", "100x5@2")
    with Store(db) as store:  # give it the README's id
        s = store.recent_sessions(limit=1)[0]
        store.remove_session(s.id)
        store.put_session(replace(s, id="1a2b3c4d" + s.id[8:]))
    for args in lines:
        code, _, err = run(capsys, db, *args, today="2026-11-17")
        assert code == 0, (args, err)
