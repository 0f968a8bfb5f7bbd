"""`tui-tracker prs [EXERCISE]`: your records, per exercise, over all your history.

Imported history counts here: it is yours.  (Only sets saved in the app or with `log`
are announced as new records when saved.)
"""

from __future__ import annotations

import argparse
import json

from .base import global_options, open_store, store_call

#: Without an exercise named, this many rep records per exercise are listed.
REP_MARKS_SHOWN = 3


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("prs", help="your records: best e1RM, most reps at a weight, best "
                                   "session volume")
    global_options(p, top=False)
    p.add_argument("exercise", nargs="?", help="one exercise, with every weight's rep record")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_prs)


def cmd_prs(args: argparse.Namespace) -> int:
    from ..domain.records import records_of
    from ..store.exchange import all_sessions
    from .base import find_exercise

    store = open_store(args)
    catalogue = store_call(store.catalogue)
    only = find_exercise(catalogue, args.exercise) if args.exercise else None
    records = records_of(store_call(all_sessions, store))
    store.close()

    def name(ex_id: str) -> str:
        ex = catalogue.get(ex_id)
        return ex.name if ex else ex_id

    chosen = [r for ex_id, r in records.items() if only is None or ex_id == only.id]
    chosen.sort(key=lambda r: name(r.exercise_id).lower())
    if args.json:
        print(json.dumps([_as_json(r, name(r.exercise_id)) for r in chosen], indent=2))
        return 0
    if not chosen:
        print(f"No working sets of {only.name} yet." if only else "No working sets yet.")
        return 0
    for i, r in enumerate(chosen):
        if i:
            print()
        _print(r, name(r.exercise_id), every_weight=only is not None)
    return 0


def _w(weight_kg: float, unit: str) -> str:
    from ..domain.models import format_weight

    return "BW" if weight_kg == 0 else format_weight(weight_kg, unit)  # type: ignore[arg-type]


def _e1rm(kg: float, unit: str) -> str:
    from ..domain.models import from_kg
    from ..domain.progression import num

    return f"{num(from_kg(kg, unit), 1)} {unit}"  # type: ignore[arg-type]


def _volume(kg: float, unit: str) -> str:
    from ..domain.models import from_kg

    return f"{from_kg(kg, unit):,.0f} {unit}"  # type: ignore[arg-type]


def _print(r, name: str, every_weight: bool) -> None:
    print(name)
    if r.e1rm is not None:
        print(f"  best e1RM     {_e1rm(r.e1rm.value, r.e1rm.unit)}: {r.e1rm.set.describe()} on "
              f"{r.e1rm.day.isoformat()}")
    else:
        print("  best e1RM     none yet (needs a set with RIR logged, reps + RIR <= 12)")
    if r.volume is not None:
        sets = "1 set" if r.volume.sets == 1 else f"{r.volume.sets} sets"
        print(f"  best volume   {_volume(r.volume.value, r.volume.unit)} on "
              f"{r.volume.day.isoformat()} ({sets}, weight x reps)")
    marks = r.rep_marks()
    if every_weight:
        print("  most reps at each weight:")
        for _, m in marks:
            print(f"    {_w(m.set.weight_kg, m.unit):>10} x {int(m.value):<3} on {m.day.isoformat()}")
        return
    shown = ", ".join(f"{_w(m.set.weight_kg, m.unit)} x {int(m.value)}"
                      for _, m in marks[:REP_MARKS_SHOWN])
    more = len(marks) - REP_MARKS_SHOWN
    tail = f" (+{more} more weights: tui-tracker prs \"{name}\")" if more > 0 else ""
    print(f"  most reps     {shown}{tail}")


def _as_json(r, name: str) -> dict:
    from ..domain.models import from_kg

    def set_of(m) -> dict:
        s = m.set
        return {"weight": from_kg(s.weight_kg, s.unit), "unit": s.unit, "reps": s.reps,
                "rir": s.rir, "date": m.day.isoformat()}

    return {
        "exercise": name, "exercise_id": r.exercise_id,
        "best_e1rm": None if r.e1rm is None else {
            "e1rm": round(from_kg(r.e1rm.value, r.e1rm.unit), 1), **set_of(r.e1rm)},
        "best_volume": None if r.volume is None else {
            "volume": round(from_kg(r.volume.value, r.volume.unit), 1), "unit": r.volume.unit,
            "sets": r.volume.sets, "date": r.volume.day.isoformat()},
        "most_reps": [set_of(m) for _, m in r.rep_marks()],
        "working_sets": r.working_sets,
    }
