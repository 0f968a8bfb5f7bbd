"""`tui-tracker prs [EXERCISE]`: your records, per exercise, over all your history.

Imported history counts here: it is yours.  (Only sets saved in the app or with `log`
are announced as new records when saved.)
"""

from __future__ import annotations

import argparse

from .base import json_option, open_store, print_json, store_call, subcommand

#: Without an exercise named, this many rep records per exercise are listed.
REP_MARKS_SHOWN = 3


def register(sub: argparse._SubParsersAction) -> None:
    p = subcommand(
        sub, "prs", help="your records: best e1RM, most reps at a weight, best session volume"
    )
    p.add_argument("exercise", nargs="?", help="one exercise, with every weight's rep record")
    json_option(p)
    p.set_defaults(func=cmd_prs)


def cmd_prs(args: argparse.Namespace) -> int:
    from ..domain.records import records_of
    from ..store.exchange import all_sessions
    from .base import find_exercise

    store = open_store(args)
    catalogue = store_call(store.catalogue)
    only = find_exercise(catalogue, args.exercise) if args.exercise else None
    sessions = store_call(all_sessions, store)
    records = records_of(sessions)
    weighed = store_call(store.bodyweights)
    store.close()

    def name(ex_id: str) -> str:
        ex = catalogue.get(ex_id)
        return ex.name if ex else ex_id

    chosen = [r for ex_id, r in records.items() if only is None or ex_id == only.id]
    chosen.sort(key=lambda r: name(r.exercise_id).lower())
    if args.json:
        print_json([_as_json(r, name(r.exercise_id)) for r in chosen])
        return 0
    if not chosen:
        print(f"No working sets of {only.name} yet." if only else "No working sets yet.")
        return 0
    for i, r in enumerate(chosen):
        if i:
            print()
        ex = catalogue.get(r.exercise_id)
        over_body = _over_the_body(sessions, ex, weighed) if ex and ex.bodyweight else None
        _print(
            r, name(r.exercise_id), every_weight=only is not None, exercise=ex, over_body=over_body
        )
    return 0


def _w(weight_kg: float, unit: str) -> str:
    from ..domain.models import format_weight

    return "BW" if weight_kg == 0 else format_weight(weight_kg, unit)  # type: ignore[arg-type]


def _e1rm(kg: float, unit: str) -> str:
    from ..domain.models import from_kg
    from ..domain.suggestion import num

    return f"{num(from_kg(kg, unit), 1)} {unit}"  # type: ignore[arg-type]


def _volume(kg: float, unit: str) -> str:
    from ..domain.models import from_kg

    return f"{from_kg(kg, unit):,.0f} {unit}"  # type: ignore[arg-type]


def _over_the_body(sessions, exercise, weighed) -> str:
    """The best e1RM of a bodyweight exercise, over bodyweight + added load."""
    from ..domain.bodyweight import latest_on, set_e1rm
    from ..domain.progress import best_set

    best = best_set(sessions, exercise.id, exercise, weighed)
    day = next((x.date for x in sessions if best is not None and best in x.sets), None)
    body = latest_on(weighed, day) if day is not None else None
    est = set_e1rm(best, exercise, body.kg) if best is not None and body is not None else None
    if best is None or day is None or body is None or est is None:
        return "none yet (log your bodyweight: tui-tracker bodyweight 82.5)"
    return (
        f"{_e1rm(est.kg, best.unit)}: {best.describe(exercise)} on {day.isoformat()} "
        f"(bodyweight {_w(body.kg, best.unit)})"
    )


def _print(r, name: str, every_weight: bool, exercise=None, over_body: str | None = None) -> None:
    from ..domain.models import load_text

    def load(s) -> str:  # 'BW+20 kg', '2 x 22.5 kg' (models.load_text)
        return load_text(s, exercise) if exercise is not None else _w(s.weight_kg, s.unit)

    print(name)
    if over_body is not None:
        # Its weight is what was added to the body: the e1RM is over bodyweight + load,
        # and a volume of the added load alone would mean nothing.
        print(f"  best e1RM     {over_body}")
    elif r.e1rm is not None:
        print(
            f"  best e1RM     {_e1rm(r.e1rm.value, r.e1rm.unit)}: "
            f"{r.e1rm.set.describe(exercise)} on {r.e1rm.day.isoformat()}"
        )
    else:
        print("  best e1RM     none yet (needs a set with RIR logged, reps + RIR <= 12)")
    if r.volume is not None and not (exercise is not None and exercise.bodyweight):
        sets = "1 set" if r.volume.sets == 1 else f"{r.volume.sets} sets"
        print(
            f"  best volume   {_volume(r.volume.value, r.volume.unit)} on "
            f"{r.volume.day.isoformat()} ({sets}, weight x reps)"
        )
    marks = r.rep_marks()
    if every_weight:
        print("  most reps at each weight:")
        for _, m in marks:
            print(f"    {load(m.set):>10} x {int(m.value):<3} on {m.day.isoformat()}")
        return
    shown = ", ".join(f"{load(m.set)} x {int(m.value)}" for _, m in marks[:REP_MARKS_SHOWN])
    more = len(marks) - REP_MARKS_SHOWN
    tail = f' (+{more} more weights: tui-tracker prs "{name}")' if more > 0 else ""
    print(f"  most reps     {shown}{tail}")


def _as_json(r, name: str) -> dict:
    from ..domain.models import from_kg

    def set_of(m) -> dict:
        s = m.set
        return {
            "weight": from_kg(s.weight_kg, s.unit),
            "unit": s.unit,
            "reps": s.reps,
            "rir": s.rir,
            "date": m.day.isoformat(),
        }

    return {
        "exercise": name,
        "exercise_id": r.exercise_id,
        "best_e1rm": None
        if r.e1rm is None
        else {"e1rm": round(from_kg(r.e1rm.value, r.e1rm.unit), 1), **set_of(r.e1rm)},
        "best_volume": None
        if r.volume is None
        else {
            "volume": round(from_kg(r.volume.value, r.volume.unit), 1),
            "unit": r.volume.unit,
            "sets": r.volume.sets,
            "date": r.volume.day.isoformat(),
        },
        "most_reps": [set_of(m) for _, m in r.rep_marks()],
        "working_sets": r.working_sets,
    }
