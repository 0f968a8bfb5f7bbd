"""A second process for the torture tests (run as a script, never imported by pytest).

    python worker.py log DB DAY SEED [N] [OPTIONS]
                                              log N sets (default: forever) on DAY, as the UI
                                              does (no session id: today's newest session)
        --until FILE                          ... and then on until FILE exists; exit 0
        --die-before-replace K                SIGKILL itself in its K-th file write, after the
                                              temp file is written and before the rename: a
                                              kill mid-write on demand, not by luck
    python worker.py sessions DB SEED N DAYS   N sessions, each started, given 1-4 sets and
                                              finished, on days picked from DAYS (a,b,c)
        --go FILE                             after "ready", wait until FILE exists (the
                                              test starts several workers' writes at once)

Every line about a write is printed and flushed only AFTER the store call
returned, so a line on stdout means "committed":

    B {"set": [...]}                      about to log this set (may or may not land)
    A {"set": [...], "session": "<id>"}   logged: on disk in that session
    S <session id> <day>                  session started (sessions mode)
    F <session id>                        session finished (sessions mode)
    D <temp file name>                    killing itself now (--die-before-replace)
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from datetime import date, datetime, timedelta, timezone

from tui_tracker.domain.models import LoggedSet
from tui_tracker.store import Store

TZ = timezone(timedelta(hours=1))
EXERCISES = [
    "barbell-back-squat",
    "barbell-bench-press",
    "conventional-deadlift",
    "lat-pulldown",
    "barbell-curl",
    "dumbbell-lateral-raise",
]


def out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def new_set(rng: random.Random, day: date) -> LoggedSet:
    at = datetime(day.year, day.month, day.day, 18, rng.randrange(60), rng.randrange(60), tzinfo=TZ)
    return LoggedSet(
        rng.choice(EXERCISES),
        rng.randrange(20, 400) / 2,
        rng.randint(1, 20),
        rng.choice([None, 0, 1, 2, 3, 4]),
        at,
        id=f"{rng.getrandbits(64):016x}",
    )


def summary(s: LoggedSet) -> list:
    return [s.id, s.exercise_id, s.weight_kg, s.reps, s.rir]


def log_mode(db: str, day: str, seed: int, n: int | None, until: str | None = None) -> None:
    rng = random.Random(seed)
    d = date.fromisoformat(day)
    store = Store(db)
    out("ready")
    done = 0
    while (
        (n is None and until is None)
        or (n is not None and done < n)
        or (until is not None and not os.path.exists(until))
    ):
        s = new_set(rng, d)
        out("B " + json.dumps({"set": summary(s)}))
        session = store.log_set(s, day=d)
        out("A " + json.dumps({"set": summary(s), "session": session.id}))
        done += 1


def die_before_replace(k: int) -> None:
    """Kill this process in its k-th os.replace: the temp file is whole, not yet renamed."""
    real = os.replace
    seen = 0

    def replace(src, dst):
        nonlocal seen
        seen += 1
        if seen == k:
            out("D " + os.path.basename(str(src)))  # dying with this temp file left
            os.kill(os.getpid(), signal.SIGKILL)
        return real(src, dst)

    os.replace = replace


def sessions_mode(db: str, seed: int, n: int, days: list[date], go: str | None = None) -> None:
    rng = random.Random(seed)
    store = Store(db)
    out("ready")
    while go is not None and not os.path.exists(go):
        time.sleep(0.001)
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


def _option(args: list[str], name: str) -> str | None:
    if name not in args:
        return None
    i = args.index(name)
    value = args[i + 1]
    del args[i : i + 2]
    return value


def main() -> None:
    args = sys.argv[1:]
    until = _option(args, "--until")
    go = _option(args, "--go")
    die_at = _option(args, "--die-before-replace")
    if die_at is not None:
        die_before_replace(int(die_at))
    mode, db = args[0], args[1]
    if mode == "log":
        log_mode(db, args[2], int(args[3]), int(args[4]) if len(args) > 4 else None, until)
    elif mode == "sessions":
        days = [date.fromisoformat(d) for d in args[4].split(",")]
        sessions_mode(db, int(args[2]), int(args[3]), days, go)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
