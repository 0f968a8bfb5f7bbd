"""A second process for the store tests (run as a script, never imported by pytest).

    python worker.py log DB DAY N GOFILE        log N sets on DAY (no session id), once GOFILE exists
    python worker.py into DB SESSION_ID N       log N sets into that session
    python worker.py crash DB SEED              varied writes forever, until killed
    python worker.py tear DB SESSION_ID K       log K-1 sets into that session, then SIGKILL
                                                itself halfway through the K-th set's line
                                                in the month's set log (a torn append)

Every line is printed and flushed only AFTER the store call returned, so a line
on stdout means "committed".  In crash mode each operation is announced first:

    B {"op": ..., "expect": {...}}   about to run (expect: the session as it must end up)
    D {"session": {...}}            returned (the session as committed)
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from tui_tracker.domain.models import LoggedSet, Session
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
# Around a year boundary, so kills also land in writes to two yearly files.
CRASH_DAYS = [date(2025, 12, 30), date(2025, 12, 31), date(2026, 1, 1), date(2026, 1, 2)]


def out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def summary(s: Session) -> dict:
    return {
        "id": s.id,
        "date": s.date.isoformat(),
        "ended": s.ended_at is not None,
        "sets": [[x.id, x.weight_kg, x.reps, x.rir] for x in s.sets],
    }


def new_set(rng: random.Random, day: date) -> LoggedSet:
    at = datetime(day.year, day.month, day.day, 18, rng.randrange(60), rng.randrange(60), tzinfo=TZ)
    return LoggedSet(
        rng.choice(EXERCISES),
        rng.randrange(20, 400) / 2,
        rng.randint(1, 20),
        rng.choice([None, 0, 1, 2, 3, 4]),
        at,
    )


def log_mode(db: str, day: str, n: int, gofile: str) -> None:
    store = Store(db)
    d = date.fromisoformat(day)
    rng = random.Random()
    out("ready")
    while not os.path.exists(gofile):
        time.sleep(0.001)
    for _ in range(n):
        s = new_set(rng, d)
        store.log_set(s, day=d)
        out(s.id)


def into_mode(db: str, session_id: str, n: int) -> None:
    store = Store(db)
    rng = random.Random()
    for _ in range(n):
        session = store.session(session_id)
        assert session is not None
        s = new_set(rng, session.date)
        store.log_set(s, day=session.date, session_id=session_id)
        out(s.id)


def tear_mode(db: str, session_id: str, k: int) -> None:
    store = Store(db)
    rng = random.Random()
    real_write = os.write

    def half_then_die(fd: int, data) -> int:
        if bytes(data[:7]) == b'{"seq":' and sent[0] == k - 1:
            real_write(fd, bytes(data[: len(data) // 2]))
            os.kill(os.getpid(), 9)
        return real_write(fd, data)

    sent = [0]
    os.write = half_then_die
    for _ in range(k):
        session = store.session(session_id)
        assert session is not None
        s = new_set(rng, session.date)
        store.log_set(s, day=session.date, session_id=session_id)
        sent[0] += 1
        out(s.id)


def crash_mode(db: str, seed: int) -> None:
    rng = random.Random(seed)
    store = Store(db)
    out("ready")
    current: Session | None = None
    undo: tuple[LoggedSet, int] | None = None

    def run(op: dict, call, expect: Session | None = None) -> Session:
        if expect is not None:
            op["expect"] = summary(expect)
        out("B " + json.dumps(op))
        result = call()
        out(
            "D " + json.dumps({"session": summary(result) if isinstance(result, Session) else None})
        )
        return result

    while True:
        r = rng.random()
        if current is None:
            day = rng.choice(CRASH_DAYS)
            if r < 0.6:
                at = datetime(day.year, day.month, day.day, 17, tzinfo=TZ)
                current = run(
                    {"op": "start", "date": day.isoformat()}, lambda: store.start_session(day, at)
                )
            else:
                s = new_set(rng, day)
                op = {
                    "op": "logday",
                    "date": day.isoformat(),
                    "set": [s.id, s.weight_kg, s.reps, s.rir],
                }
                current = run(op, lambda: store.log_set(s, day=day))
                if current.ended_at is not None:
                    current = None
            continue
        sid = current.id
        if undo is not None and r < 0.5:
            s, i = undo
            sets = list(current.sets)
            sets.insert(min(i, len(sets)), s)
            current = run(
                {"op": "restore"},
                lambda: store.restore_set(sid, s, i),
                replace(current, sets=tuple(sets)),
            )
            undo = None
        elif r < 0.55 or not current.sets:
            if r > 0.97 and not current.sets:  # started by mistake: drop it
                run({"op": "drop", "id": sid}, lambda: store.delete_session(sid))
                current = None
                continue
            s = new_set(rng, current.date)
            current = run(
                {"op": "log"},
                lambda: store.log_set(s, day=current.date, session_id=sid),
                current.with_set(s),
            )
        elif r < 0.7:
            old = rng.choice(current.sets)
            s = replace(old, weight_kg=old.weight_kg + 2.5, reps=old.reps + 1)
            expect = replace(current, sets=tuple(s if x.id == s.id else x for x in current.sets))
            current = run({"op": "update"}, lambda: store.update_set(sid, s), expect)
        elif r < 0.85:
            i = rng.randrange(len(current.sets))
            gone = current.sets[i]
            expect = replace(current, sets=current.sets[:i] + current.sets[i + 1 :])
            current = run({"op": "delete"}, lambda: store.delete_set(sid, gone.id)[0], expect)
            undo = (gone, i)
        else:
            ended = datetime(current.date.year, current.date.month, current.date.day, 20, tzinfo=TZ)
            run(
                {"op": "finish"},
                lambda: store.finish_session(sid, ended),
                replace(current, ended_at=ended),
            )
            current = None
            undo = None


def main() -> None:
    mode, db = sys.argv[1], sys.argv[2]
    if mode == "log":
        log_mode(db, sys.argv[3], int(sys.argv[4]), sys.argv[5])
    elif mode == "into":
        into_mode(db, sys.argv[3], int(sys.argv[4]))
    elif mode == "tear":
        tear_mode(db, sys.argv[3], int(sys.argv[4]))
    elif mode == "crash":
        crash_mode(db, int(sys.argv[3]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
