"""The benchmark's bulk history writes exactly what the store writes one commit at a time."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import orjson

from tui_tracker.store import Store
from tui_tracker.store.paths import month_files

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from generate import build_history, generate_history  # noqa: E402


def test_bulk_files_equal_one_commit_at_a_time(tmp_path):
    end = date(2026, 1, 8)  # about three weeks, across a year boundary
    history = build_history(years=0.06, seed=3, end=end)
    assert len({s.date.year for s in history}) == 2

    bulk = tmp_path / "bulk" / "training.json"
    counts = generate_history(bulk, years=0.06, seed=3, end=end)
    assert counts["sessions"] == len(history)

    # The same sessions through the UI's path: start, log each set, finish.
    one = tmp_path / "one" / "training.json"
    ids: dict[str, str] = {}
    with Store(one) as store:
        for s in history:
            live = store.start_session(s.date, s.started_at)
            ids[live.id] = s.id
            for x in s.sets:
                store.log_set(x, day=s.date, session_id=live.id)
            store.finish_session(live.id, s.ended_at, note=s.note)

    assert list(month_files(one)) == list(month_files(bulk))
    assert {month // 100 for month in month_files(one)} == {2025, 2026}
    # Finishing a session folded its month's set log: no log is left, and the month
    # file names the last record it took in (meta log_folded), which a bulk write has
    # no log for: that field aside, the bytes are the same.
    assert not [p for p in one.parent.iterdir() if p.name.endswith(".log")]
    for month, path in month_files(one).items():
        data = orjson.loads(path.read_bytes())
        assert data["meta"]["1"].pop("log_folded") > 0
        got = orjson.dumps(data)
        for live_id, original in ids.items():  # session ids are new uuids on this path
            got = got.replace(live_id.encode(), original.encode())
        assert got == month_files(bulk)[month].read_bytes()
    assert one.read_bytes() == bulk.read_bytes()


def test_five_years_is_heavy_enough():
    history = build_history(years=5, seed=1, end=date(2026, 11, 18))
    n_sets = sum(len(s.sets) for s in history)
    assert 1250 <= len(history) <= 1350
    assert 31_000 <= n_sets <= 34_000
    assert any(x.unit == "lb" for s in history for x in s.sets)
    assert any(x.is_warmup for s in history for x in s.sets)
    assert {x.rir for s in history for x in s.sets if not x.is_warmup} >= {0, 1, 2, 3, 4}
