"""`tui-tracker log EXERCISE SET...`: log sets from a shell, with the TUI's rules."""

from __future__ import annotations

import argparse
import re

from ..domain.inputs import parse_set
from .base import clock_of, find_exercise, global_options, open_store, store_call


def register(sub: argparse._SubParsersAction) -> None:
    log = sub.add_parser("log", help="log sets: tui-tracker log squat 100x5@2 100x5@1")
    global_options(log, top=False)
    log.add_argument("exercise", help='exercise name or alias, e.g. "Squat (Barbell)" or squat')
    log.add_argument("sets", nargs="+", metavar="SET",
                     help="weight x reps @ RIR, e.g. 100x5@2 or 102,5x8 (the @ part is optional)")
    log.add_argument("--warmup", action="store_true", help="these are warm-up sets")
    log.add_argument("--unit", choices=["kg", "lb"],
                     help="unit of these sets' weights (default: your unit setting)")
    log.add_argument("--note", default="", help="a note on these sets")
    # "-5x5" is a SET (with a negative weight the parser refuses in words), not an option.
    log._negative_number_matcher = re.compile(r"^-[0-9]")
    log.set_defaults(func=cmd_log)


def cmd_log(args: argparse.Namespace) -> int:
    """Log sets through the logbook, as the TUI does: the same session, plan and advice."""
    from ..domain.models import format_weight
    from ..domain.sessions import set_counts
    from ..logbook import Entry, Logbook
    from .config import load_settings

    store = open_store(args)
    settings = load_settings(store)
    book = store_call(Logbook, store, clock_of(args), training_status=settings.training_status)
    exercise = find_exercise(book.catalogue, args.exercise)
    unit = args.unit or settings.unit  # --unit is for this command only
    parsed = [parse_set(text, unit) for text in args.sets]  # all checked before anything is written
    print(f"{exercise.name}, session of {book.day.isoformat()}:")
    saved = None
    for item in parsed:
        saved = store_call(book.log, exercise.id, Entry(item, args.warmup, args.note))
        if saved.new_session and len(book.sessions) > 1:
            print("  (a new session: today's earlier one was finished)")
        print(f"  set {saved.number} saved: {saved.set.describe()}"
              + ("  (warm-up)" if saved.set.is_warmup else ""))
        advice = saved.advice
        if advice and advice.needs_attention:
            print(f"    ! {advice.message}\n      {advice.evidence}")
        for record in saved.records:
            print(f"    * New record: {record.message}")
    assert saved is not None
    today = [s for _, s in book.sets_today(exercise.id)]
    heaviest = max(today, key=lambda s: s.weight_kg)
    print(f"{set_counts(saved.session.sets)} in this session. "
          f"Heaviest {exercise.name} today: {format_weight(heaviest.weight_kg, heaviest.unit)}.")
    store.close()
    return 0
