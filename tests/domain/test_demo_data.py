"""The demo lifter (domain/demo.py): two blocks, believable numbers, pure and deterministic."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.deload import deload_decision
from tui_tracker.domain.demo import WEEKS, demo_blocks, demo_lifter
from tui_tracker.domain.mesocycle import DELOAD_RIR, phase, planned_day, week_label, week_number
from tui_tracker.domain.rir_targets import target_rir_on
from tui_tracker.domain.progress import e1rm_trend, main_lifts, rir_compliance, trend_direction

CAT = Catalogue()
TZ = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 18)  # a Wednesday


@pytest.fixture(scope="module")
def lifter():
    return demo_lifter(TODAY, tz=TZ)


def working(session, exercise_id):
    return [s for s in session.sets_for(exercise_id) if not s.is_warmup]


@pytest.mark.parametrize("offset", range(7))
def test_today_is_in_week_4_of_the_current_block_on_any_weekday(offset):
    today = date(2026, 11, 16) + timedelta(days=offset)
    first, current = demo_blocks(today)
    assert week_number(current, today) == 4 and week_label(current, today) == "Week 4 of 5"
    assert current.start.weekday() == 0 and current.weeks == WEEKS
    # The first block ran its 5 weeks, deloaded in week 6, and ended as the current one began.
    assert first.start == current.start - timedelta(weeks=WEEKS + 1)
    assert first.deload_start == first.start + timedelta(weeks=WEEKS)
    assert first.ended == current.start
    assert phase(first, today) == "ended"


def test_sessions_fall_on_planned_days_only_up_to_yesterday(lifter):
    first, current = lifter.mesocycles
    dates = [s.date for s in lifter.sessions]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    assert dates[0] == first.start and dates[-1] == TODAY - timedelta(days=1)
    for s in lifter.sessions:
        meso = first if s.date < current.start else current
        plan = planned_day(meso, s.date)
        assert plan is not None
        assert s.exercise_ids() == [p.exercise_id for p in plan.exercises]
        for p in plan.exercises:
            assert len(working(s, p.exercise_id)) == p.sets  # deload days: half, rounded up
    planned = [first.start + timedelta(days=n) for n in range((TODAY - first.start).days)]
    planned = [
        d for d in planned if planned_day(first if d < current.start else current, d) is not None
    ]
    assert len(planned) - len(dates) == 1  # one missed session, in the first block
    (missed,) = set(planned) - set(dates)
    assert missed < current.start


def test_through_today_adds_todays_session_on_a_training_day():
    monday = date(2026, 11, 16)
    assert demo_lifter(monday, tz=TZ).sessions[-1].date < monday
    assert demo_lifter(monday, tz=TZ, through_today=True).sessions[-1].date == monday


def test_times_are_local_and_in_order(lifter):
    for s in lifter.sessions:
        assert s.started_at.tzinfo is TZ and s.started_at.date() == s.date
        assert s.started_at.utcoffset() == TZ.utcoffset(s.started_at.replace(tzinfo=None))
        times = [x.at for x in s.sets]
        assert times == sorted(times) and s.started_at < times[0] and s.ended_at > times[-1]
        assert s.ended_at - s.started_at < timedelta(hours=2, minutes=30)
    # The first block starts in September (CEST, +2), the current one is in November (CET, +1).
    assert lifter.sessions[0].started_at.isoformat().endswith("+02:00")
    assert lifter.sessions[-1].started_at.isoformat().endswith("+01:00")


def test_deterministic_and_seeded():
    a = demo_lifter(TODAY, tz=TZ, seed=3)
    assert a == demo_lifter(TODAY, tz=TZ, seed=3)
    b = demo_lifter(TODAY, tz=TZ, seed=4)
    assert a.sessions != b.sessions
    assert {m.id for m in a.mesocycles}.isdisjoint(m.id for m in b.mesocycles)
    ids = [s.id for s in a.sessions] + [x.id for s in a.sessions for x in s.sets]
    assert len(ids) == len(set(ids))


def test_rir_follows_the_weeks_targets(lifter):
    first, current = lifter.mesocycles
    for meso in (first, current):
        sessions = [s for s in lifter.sessions if meso.start <= s.date < (meso.ended or TODAY)]
        compliance = rir_compliance(meso, sessions, CAT.get, TODAY)
        on = sum(c.on_target for c in compliance.values())
        total = sum(c.with_rir for c in compliance.values())
        assert total > 200 and on / total >= 0.85  # within 1 rep of the target
        assert all(c.without_rir == 0 for c in compliance.values())
    for s in lifter.sessions:
        meso = first if s.date < current.start else current
        for ex_id in s.exercise_ids():
            ex = CAT.get(ex_id)
            sets = working(s, ex_id)
            for i, x in enumerate(sets):
                target = target_rir_on(meso, s.date, ex, i == len(sets) - 1)
                assert x.rir is not None and abs(x.rir - target) <= 3
                if ex.high_skill:
                    assert x.rir >= 1  # squats and deadlifts keep a rep in reserve
                if phase(meso, s.date) == "deload":
                    assert x.rir >= DELOAD_RIR


def test_loads_rise_week_to_week_and_e1rm_mostly_rises(lifter):
    first, current = lifter.mesocycles
    for meso in (first, current):
        loads: dict[str, list[float]] = defaultdict(list)
        for s in lifter.sessions:
            if meso.start <= s.date and phase(meso, s.date) == "accumulation":
                for ex_id in s.exercise_ids():
                    loads[ex_id].append(max(x.weight_kg for x in working(s, ex_id)))
        for ex_id, series in loads.items():
            assert series == sorted(series), ex_id  # never lighter within a block
        heavy = [loads[i] for i in main_lifts(meso, CAT.get)]
        assert all(series[-1] > series[0] for series in heavy)
    trends = []
    for seed in (1, 2, 3):
        for today in (TODAY, TODAY + timedelta(days=40), TODAY + timedelta(days=200)):
            lifter_ = demo_lifter(today, tz=TZ, seed=seed)
            first, current = lifter_.mesocycles
            block = [s for s in lifter_.sessions if s.date >= first.start]
            trends += [trend_direction(e1rm_trend(block, i)) for i in main_lifts(current, CAT.get)]
    assert trends.count("rising") / len(trends) >= 0.75 and "falling" not in trends


def test_deload_week_is_lighter_with_half_the_sets(lifter):
    first, _ = lifter.mesocycles
    deload = [s for s in lifter.sessions if phase(first, s.date) == "deload"]
    assert len(deload) == 4 and all(s.note == "Deload week" for s in deload)
    week5 = {
        s.date.weekday(): s
        for s in lifter.sessions
        if week_number(first, s.date) == WEEKS and s.date < first.deload_start
    }
    for s in deload:
        before = week5.get(s.date.weekday())
        if before is None:
            continue
        for ex_id in s.exercise_ids():
            light, heavy = working(s, ex_id), working(before, ex_id)
            assert len(light) <= (len(heavy) + 1) // 2
            assert max(x.weight_kg for x in light) <= max(x.weight_kg for x in heavy)


def test_warmups_come_first_lighter_and_without_rir(lifter):
    assert 0 < lifter.warmups < lifter.sets // 5
    for s in lifter.sessions:
        for ex_id in s.exercise_ids():
            sets = s.sets_for(ex_id)
            kinds = [x.kind for x in sets]
            assert kinds == sorted(kinds, key=lambda k: k != "warmup")
            warm = [x for x in sets if x.is_warmup]
            assert all(x.rir is None and x.weight_kg < sets[-1].weight_kg for x in warm)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_no_deload_is_asked_for_in_week_4(seed):
    for today in (TODAY + timedelta(days=n) for n in range(0, 140, 9)):
        lifter = demo_lifter(today, tz=TZ, seed=seed)
        decision = deload_decision(lifter.mesocycles[1], list(lifter.sessions), CAT.get, today)
        assert not decision.due and decision.warnings == (), (today, decision.message)
