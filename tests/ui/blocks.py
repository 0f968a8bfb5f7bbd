"""A small, deterministic training block for the dashboard and deload tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tui_tracker.domain.models import LoggedSet
from tui_tracker.domain.templates import build_mesocycle
from tui_tracker.store import Store

from .conftest import TZ

START = date(2026, 11, 2)  # a Monday: block weeks and calendar weeks line up


def at(day: date, hour: int = 18, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def seed_block(db, weeks: int = 4, through: date | None = None, falling: bool = False):
    """The 4-day upper/lower block from START, with sessions on its days up to `through`.

    Bench and squat climb 2.5 kg a week; with `falling`, bench and row lose load on
    each of their last sessions (the fatigue signal).  Returns the mesocycle.
    """
    meso = build_mesocycle("upper-lower-4", weeks, START, name="Test block")
    store = Store(db)
    store.save_mesocycle(meso)
    end = through or START + timedelta(weeks=weeks) - timedelta(days=1)
    day, n = START, 0
    while day <= end:
        plan = next((d for d in meso.days if d.weekday == day.weekday()), None)
        if plan is not None:
            week = (day - START).days // 7
            n += 1
            session = None
            for i, p in enumerate(plan.exercises[:4]):
                load = 60.0 + 10 * i + 2.5 * week
                if falling and p.exercise_id in ("barbell-bench-press", "barbell-row"):
                    load = 100.0 - 5 * week
                rir = meso.rir_targets[min(week, meso.weeks - 1)]
                for k in range(p.sets):
                    s = LoggedSet(
                        p.exercise_id, load, p.rep_low + 2, rir, at=at(day, 18, i * 10 + k)
                    )
                    session = store.log_set(s, day=day, session_id=session.id if session else None)
            store.finish_session(session.id, at(day, 19, 30))
        day += timedelta(days=1)
    store.close()
    return meso
