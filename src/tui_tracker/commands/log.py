"""`tui-tracker log EXERCISE SET...`: log sets from a shell, with the TUI's rules."""

from __future__ import annotations

import argparse

from ..domain.inputs import parse_set
from ..domain.models import LoggedSet
from .base import CliError, clock_of, global_options, open_store, store_call


def register(sub: argparse._SubParsersAction) -> None:
    log = sub.add_parser("log", help="log sets: tui-tracker log squat 100x5@2 100x5@1")
    global_options(log, top=False)
    log.add_argument("exercise", help='exercise name or alias, e.g. "Squat (Barbell)" or squat')
    log.add_argument("sets", nargs="+", metavar="SET",
                     help="weight x reps @ RIR, e.g. 100x5@2 or 102,5x8 (the @ part is optional)")
    log.add_argument("--warmup", action="store_true", help="these are warm-up sets")
    log.add_argument("--unit", choices=["kg", "lb"], help="unit of the weights (default: your last one)")
    log.add_argument("--note", default="", help="a note on these sets")
    log.set_defaults(func=cmd_log)


def cmd_log(args: argparse.Namespace) -> int:
    from ..domain.advice import failure_advice
    from ..domain.models import format_weight
    from ..domain.sessions import plural

    store = open_store(args)
    catalogue = store.catalogue()
    exercise = catalogue.find(args.exercise)
    if exercise is None:
        hints = ", ".join(e.name for e in catalogue.closest(args.exercise, 3))
        hint = f"; did you mean: {hints}?" if hints else ""
        raise CliError(f"unknown exercise {args.exercise!r}{hint} "
                       "(list them with: tui-tracker exercises)")
    unit = args.unit or store.get_setting("unit", "kg")
    parsed = [parse_set(text, unit) for text in args.sets]  # all checked before anything is written
    clock = clock_of(args)
    day = clock.today()
    session = None
    print(f"{exercise.name}, session of {day.isoformat()}:")
    for i, item in enumerate(parsed):
        s = LoggedSet(exercise_id=exercise.id, weight_kg=item.weight_kg, unit=item.unit,
                      reps=item.reps, rir=item.rir, at=clock.now(),
                      kind="warmup" if args.warmup else "working", note=args.note)
        session = store_call(store.log_set, s, day=day,
                              session_id=session.id if session else None)
        number = len(session.sets_for(exercise.id))
        print(f"  set {number} saved: {s.describe()}" + ("  (warm-up)" if s.is_warmup else ""))
        advice = failure_advice(s, exercise, is_final_set=i == len(parsed) - 1)
        if advice and advice.needs_attention:
            print(f"    ! {advice.message}\n      {advice.evidence}")
    if args.unit:
        store_call(store.set_setting, "unit", args.unit)
    assert session is not None
    print(f"{plural(len(session.sets), 'set')} in this session. "
          f"Heaviest: {format_weight(max(s.weight_kg for s in session.sets), unit)}.")
    store.close()
    return 0
