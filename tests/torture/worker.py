"""A second process for the torture tests (run as a script, never imported by pytest).

    python worker.py log DB DAY SEED [N]       log N sets (default: forever) on DAY, as the UI
                                              does (no session id: today's newest session)
    python worker.py sessions DB SEED N DAYS   N sessions, each started, given 1-4 sets and
                                              finished, on days picked from DAYS (a,b,c)

Every line about a write is printed and flushed only AFTER the store call
returned, so a line on stdout means "committed":

    B {"set": [...]}                      about to log this set (may or may not land)
    A {"set": [...], "session": "<id>"}   logged: on disk in that session
    S <session id> <day>                  session started (sessions mode)
    F <session id>                        session finished (sessions mode)
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, datetime, timedelta, timezone

from tui_tracker.domain.models import LoggedSet
from tui_tracker.store import Store

TZ = timezone(timedelta(hours=1))
EXERCISES = ["barbell-back-squat", "barbell-bench-press", "conventional-deadlift", "lat-pulldown",
             "barbell-curl", "dumbbell-lateral-raise"]


def out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def new_set(rng: random.Random, day: date) -> LoggedSet:
    at = datetime(day.year, day.month, day.day, 18, rng.randrange(60), rng.randrange(60), tzinfo=TZ)
    return LoggedSet(rng.choice(EXERCISES), rng.randrange(20, 400) / 2, rng.randint(1, 20),
                     rng.choice([None, 0, 1, 2, 3, 4]), at,
                     id=f"{rng.getrandbits(64):016x}")


def summary(s: LoggedSet) -> list:
    return [s.id, s.exercise_id, s.weight_kg, s.reps, s.rir]


def log_mode(db: str, day: str, seed: int, n: int | None) -> None:
    rng = random.Random(seed)
    d = date.fromisoformat(day)
    store = Store(db)
    out("ready")
    done = 0
    while n is None or done < n:
        s = new_set(rng, d)
        out("B " + json.dumps({"set": summary(s)}))
        session = store.log_set(s, day=d)
        out("A " + json.dumps({"set": summary(s), "session": session.id}))
        done += 1


def sessions_mode(db: str, seed: int, n: int, days: list[date]) -> None:
    rng = random.Random(seed)
    store = Store(db)
    out("ready")
    for _ in range(n):
        day = rng.choice(days)
        started = datetime(day.year, day.month, day.day, 17, rng.randrange(60), tzinfo=TZ)
        session = store.start_session(day, started)
        out(f"S {session.id} {day.isoformat()}")
        for _ in range(rng.randint(1, 4)):
            s = new_set(rng, day)
            store.log_set(s, day=day, session_id=session.id)
            out("A " + json.dumps({"set": summary(s), "session": session.id}))
        store.finish_session(session.id, started + timedelta(hours=1))
        out(f"F {session.id}")
    out("done")


def main() -> None:
    mode, db = sys.argv[1], sys.argv[2]
    if mode == "log":
        log_mode(db, sys.argv[3], int(sys.argv[4]), int(sys.argv[5]) if len(sys.argv) > 5 else None)
    elif mode == "sessions":
        days = [date.fromisoformat(d) for d in sys.argv[5].split(",")]
        sessions_mode(db, int(sys.argv[3]), int(sys.argv[4]), days)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
