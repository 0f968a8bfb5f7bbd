"""Hostile text, and a training log full of it, for the tests that push it through every output.

Two kinds of attack hide in a name or a note: markup that Rich and Textual would parse
(`[/]` raises, `[link=...]` makes a link) and terminal control sequences (OSC 0 sets the
window title, OSC 52 writes the clipboard, CSI 2J clears the screen; 0x9b is the one-byte
CSI).  A long name tests every column that cuts text.  The app must show each as the text it
is, with the control characters gone, and never send them to a terminal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from tui_tracker.domain.catalogue import custom_id
from tui_tracker.domain.mesocycle import Mesocycle, PlannedExercise, TrainingDay
from tui_tracker.domain.models import Exercise, LoggedSet, Session

MARKUP = ("[/]", "[b]bold", "[link=https://x]x[/link]")
CONTROLS = ("\x1b]0;pwned\x07", "\x1b]52;c;ZXZpbA==\x07", "\x1b[2J", "\x9b31m")
LONG = "Long " + "very " * 30 + "name"

#: One exercise name per hostile piece (each needs a letter to be a name); the last ends in
#: a backslash, which escapes a closing tag when text is pasted into markup.
EXERCISE_NAMES = (
    "[/] Press",
    "[b]bold Row",
    "[link=https://x]x[/link] Dip",
    "\x1b]0;pwned\x07 Title Raise",
    "\x1b]52;c;ZXZpbA==\x07 Clip Curl",
    "\x1b[2J Wipe Squat",
    "\x9b31m Red Fly",
    LONG,
    "Slash Pull \\",
)
#: Test ids for EXERCISE_NAMES, saying what each attacks with.
NAME_IDS = (
    "close-tag",
    "bold-tag",
    "link-tag",
    "osc0-title",
    "osc52-clipboard",
    "csi-2j",
    "c1-csi",
    "long",
    "backslash",
)
NOTE = (
    "[/] n [b]bold \x1b]0;pwned\x07 \x1b]52;c;ZXZpbA==\x07 \x1b[2J \x9b31m [link=https://x]x[/link]"
)
BLOCK_NAME = "[/]Block [b]bold \x1b]0;pwned\x07"
DAY_NAME = "[b]Day[/] \x1b[2J"
OTHER_DAY_NAME = "Other [/] \x9b31m"

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
#: What must never reach a terminal from user text: OSC and the one-byte CSI, BEL, and the
#: pieces of the hostile sequences themselves.
FORBIDDEN = ("\x1b]", "\x9b", "\x07", "\x1b[2J", "\x1b]0;pwned", "\x1b]52;")


def shown(text: str) -> str:
    """`text` as the app must show it: every control character gone, nothing else changed."""
    return CONTROL.sub("", text)


def assert_no_controls(text: str, allowed: str = "\n") -> None:
    """No control character in `text` but those `allowed` (a line feed by default)."""
    found = {c for c in CONTROL.findall(text) if c not in allowed}
    assert not found, f"control characters {sorted(found)!r} in {text!r}"


def assert_terminal_safe(raw: str) -> None:
    """Nothing of the hostile sequences in what would be written to a terminal."""
    for seq in FORBIDDEN:
        assert seq not in raw, f"{seq!r} would reach the terminal"


TZ = timezone(timedelta(hours=1))


def at(day: date, hour: int = 18, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


@dataclass(frozen=True)
class Seeded:
    exercise_ids: tuple[str, ...]
    meso_id: str | None
    today_session_id: str | None


def hostile_exercises() -> list[Exercise]:
    """The lifter's own exercises, one per hostile name (compound, chest: they count)."""
    return [
        Exercise(id=custom_id(name), name=name, primary=("chest",), custom=True)
        for name in EXERCISE_NAMES
    ]


def seed(
    store,
    today: date,
    *,
    block: bool = True,
    today_sets: bool = True,
    falling: bool = True,
    week: int = 4,
) -> Seeded:
    """A log whose every name and note is hostile, as typed through the domain.

    With `block`, a 5-week block in its week `week` on `today`, with a day on today's
    weekday and one on the next; three past sessions of every hostile exercise, their
    loads falling with `falling` (the dashboard's fatigue signal names each exercise:
    a prompt from week 4, warnings before); with `today_sets`, an open session today
    holding a lighter set of each (9 reps @3: a confident estimate, as the fatigue rule
    needs).
    """
    exercises = hostile_exercises()
    for ex in exercises:
        store.save_exercise(ex)
    ids = tuple(ex.id for ex in exercises)
    meso_id = None
    start = today - timedelta(weeks=week - 1)
    if block:
        planned = tuple(PlannedExercise(i, 3, 6, 10) for i in ids)
        meso = Mesocycle(
            name=BLOCK_NAME,
            start=start,
            weeks=5,
            days=(
                TrainingDay(DAY_NAME, today.weekday(), planned),
                TrainingDay(OTHER_DAY_NAME, (today.weekday() + 1) % 7, planned[:2]),
            ),
        )
        store.save_mesocycle(meso)
        meso_id = meso.id
    for n, back in enumerate((15, 8, 1)):
        day = today - timedelta(days=back)
        load = 100.0 - 5 * n if falling else 100.0 + 5 * n
        sets = tuple(
            LoggedSet(i, load, 8, 2, at=at(day, 18, k), note=NOTE) for k, i in enumerate(ids)
        )
        store.import_sessions(
            [Session(date=day, started_at=at(day, 17), sets=sets, ended_at=at(day, 19), note=NOTE)]
        )
    session_id = None
    if today_sets:
        session = None
        for k, i in enumerate(ids):
            session = store.log_set(
                LoggedSet(i, 60.0, 9, 3, at=at(today, 17, k), note=NOTE),
                day=today,
                session_id=session.id if session else None,
            )
        session_id = session.id if session else None
    return Seeded(ids, meso_id, session_id)


def write_raw(db, texts) -> None:
    """Put each of `texts` back into the database files as it was typed, control characters
    and all: a log written before names were cleaned (or edited by hand)."""
    import json

    for path in db.parent.glob(f"{db.stem}*.json"):
        text = path.read_text(encoding="utf-8")
        for raw in texts:
            text = text.replace(json.dumps(shown(raw))[1:-1], json.dumps(raw)[1:-1])
        path.write_text(text, encoding="utf-8")
    assert "\\u001b" in db.read_text(encoding="utf-8")  # the raw sequences are back on disk
