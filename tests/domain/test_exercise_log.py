"""One exercise's recent past: best set per session, sets, the e1RM trend, its records."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tui_tracker.domain.exercise_log import best_of, exercise_history

from ..conftest import TODAY, make_session, make_set

D1, D2, D3 = (TODAY - timedelta(days=n) for n in (7, 4, 2))


def sessions():
    return [
        # 100 x 8 @2 = 100 x (1 + 10/30) = 133.3 beats 105 x 5 @0 = 105 x (1 + 5/30) = 122.5
        make_session(
            D1,
            make_set("sq", 60, 5, None, D1, kind="warmup"),
            make_set("sq", 105, 5, 0, D1),
            make_set("sq", 100, 8, 2, D1),
            make_set("bp", 80, 8, 2, D1),
        ),
        make_session(
            D2,
            make_set("sq", 60, 5, None, D2, kind="warmup"),
            make_set("sq", 80, 5, None, D2, kind="warmup"),
        ),  # warm-ups only
        # 110 x 5 @1 = 132.0; 102.5 x 8 without RIR is estimated at @2: 136.7, a guess
        make_session(D3, make_set("sq", 110, 5, 1, D3), make_set("sq", 102.5, 8, None, D3)),
        make_session(TODAY, make_set("bp", 82.5, 8, 2)),  # no squat: not shown
    ]


def test_best_set_per_session_newest_first_with_sets_counted_apart():
    h = exercise_history(sessions(), "sq", "Squat")
    assert [line.day for line in h.sessions] == [D3, D2, D1]
    assert [line.best.describe() if line.best else None for line in h.sessions] == [
        "102.5 kg x 8",
        None,
        "100 kg x 8 @2",
    ]
    assert [round(line.e1rm_kg, 1) if line.e1rm_kg else None for line in h.sessions] == [
        136.7,
        None,
        133.3,
    ]
    assert [line.low_confidence for line in h.sessions] == [True, False, False]
    assert [line.sets_text for line in h.sessions] == ["2", "0 +2w", "2 +1w"]
    assert h.total_sessions == 3


def test_the_trend_is_oldest_first_and_skips_warm_up_only_sessions():
    assert [round(v, 1) for v in exercise_history(sessions(), "sq", "Squat").trend] == [
        133.3,
        136.7,
    ]


def test_only_the_recent_sessions_are_shown_but_records_count_them_all():
    h = exercise_history(sessions(), "sq", "Squat", recent=1)
    assert [line.day for line in h.sessions] == [D3] and h.total_sessions == 3
    # Records: a set without RIR is no e1RM record, so the best stays 100 x 8 @2 on D1.
    assert h.records.e1rm.value == pytest.approx(133.333, abs=1e-3) and h.records.e1rm.day == D1
    assert h.records.volume.value == 110 * 5 + 102.5 * 8  # 1,370 on D3 beats 1,325 on D1
    assert [(w, int(m.value)) for w, m in h.records.rep_marks()] == [
        (110, 5),
        (105, 5),
        (102.5, 8),
        (100, 8),
    ]


def test_an_exercise_never_done_has_no_lines_and_no_records():
    h = exercise_history(sessions(), "curl", "Curl")
    assert (h.sessions, h.records, h.trend, h.total_sessions) == ((), None, [], 0)


def test_best_of_keeps_the_earlier_set_on_a_tie_and_ignores_zero_rep_sets():
    a, b = make_set("sq", 100, 8, 2), make_set("sq", 100, 8, 2)
    assert best_of([a, b])[0] is a
    assert best_of([make_set("sq", 100, 0, 0)]) is None
