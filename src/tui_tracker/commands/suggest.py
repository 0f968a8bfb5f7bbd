"""`tui-tracker suggest [EXERCISE]`: what to lift next, with the reason, as the TUI pre-fills it."""

from __future__ import annotations

import argparse

from .base import (
    clock_of,
    find_exercise,
    json_option,
    open_store,
    print_json,
    store_call,
    subcommand,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = subcommand(sub, "suggest", help="today's suggested load, reps and RIR, with the reason")
    p.add_argument(
        "exercise",
        nargs="?",
        help="one exercise (default: today's plan and the exercises logged today)",
    )
    p.add_argument(
        "--unit",
        choices=["kg", "lb"],
        help="unit for an exercise never done before (default: your unit setting)",
    )
    json_option(p)
    p.set_defaults(func=cmd_suggest)


def cmd_suggest(args: argparse.Namespace) -> int:
    from ..domain.plates import round_load_for
    from ..logbook import Logbook
    from .config import load_settings

    store = open_store(args)
    settings = load_settings(store)
    book = store_call(Logbook, store, clock_of(args), round_load=round_load_for(settings))
    unit = args.unit or settings.unit
    if args.exercise:
        found = [store_call(book.suggestion, find_exercise(book.catalogue, args.exercise).id, unit)]
    else:
        found = store_call(book.suggestions, unit)
    store.close()
    if args.json:
        print_json(
            [
                {
                    "exercise": book.exercise(s.exercise_id).name,
                    "exercise_id": s.exercise_id,
                    "weight": s.weight,
                    "unit": s.unit,
                    "reps": s.reps,
                    "rir": s.rir,
                    "reason": s.reason,
                    "rule": s.rule,
                }
                for s in found
            ]
        )
        return 0
    workout = book.workout
    where = ""
    if workout is not None and workout.day_name:
        where = f" ({workout.day_name}, {workout.week_label})"
    elif workout is not None:
        where = f" ({workout.week_label})"
    if not found:
        print(
            f"Nothing planned for {book.day:%a %d %b %Y}{where} and nothing logged yet: name "
            "an exercise, e.g. tui-tracker suggest squat"
        )
        return 0
    print(f"Suggestions for {book.day:%a %d %b %Y}{where}:")
    width = max(len(book.exercise(s.exercise_id).name) for s in found)
    for s in found:
        name = book.exercise(s.exercise_id).name
        what = (
            s.describe()
            if s.weight_kg is not None
            else (f"{s.describe()}, load of your choice" if s.describe() else "no history yet")
        )
        print(f"  {name:<{width}}  {what}")
        print(f"    {s.reason}")
    return 0
