"""`tui-tracker log EXERCISE SET...`: log sets from a shell, with the TUI's rules."""

from __future__ import annotations

import argparse
import re

from .base import clock_of, find_exercise, open_store, store_call, subcommand


def register(sub: argparse._SubParsersAction) -> None:
    log = subcommand(sub, "log", help="log sets: tui-tracker log squat 100x5@2 100x5@1")
    log.add_argument("exercise", help='exercise name or alias, e.g. "Squat (Barbell)" or squat')
    log.add_argument(
        "sets",
        nargs="+",
        metavar="SET",
        help="weight x reps @ RIR, e.g. 100x5@2 or 102,5x8 (the @ part is "
        "optional); BWx12, BW+20x8, BW-30x8 on bodyweight exercises; 60s, "
        "1:30, 40m, 32x40m for timed and distance sets; a kind after a "
        "slash: 100x8/F to failure, 80x6/D drop set, 100x12/RP rest-pause, "
        "60x5/W warm-up",
    )
    log.add_argument("--warmup", action="store_true", help="these are warm-up sets")
    log.add_argument(
        "--superset",
        metavar="LABEL",
        help="these sets belong to a superset (exercises done in rounds): give "
        "each exercise's sets the same label, e.g. A",
    )
    log.add_argument(
        "--unit",
        choices=["kg", "lb"],
        help="unit of these sets' weights (default: your unit setting)",
    )
    log.add_argument("--note", default="", help="a note on these sets")
    # "-5x5" is a SET (with a negative weight the parser refuses in words), not an option.
    log._negative_number_matcher = re.compile(r"^-[0-9]")
    log.set_defaults(func=cmd_log)


def cmd_log(args: argparse.Namespace) -> int:
    """Log sets through the logbook, as the TUI does: the same session, plan and advice."""
    from ..domain.models import KIND_LABELS, load_text
    from ..domain.sessions import set_counts
    from ..logbook import Logbook
    from .config import load_settings

    store = open_store(args)
    settings = load_settings(store)
    book = store_call(Logbook, store, clock_of(args), training_status=settings.training_status)
    exercise = find_exercise(book.catalogue, args.exercise)
    unit = args.unit or settings.unit  # --unit is for this command only
    # All checked before anything is written.
    entries = [_entry(text, exercise, unit, args) for text in args.sets]
    print(f"{exercise.name}, session of {book.day.isoformat()}:")
    saved = None
    for entry in entries:
        saved = store_call(book.log, exercise.id, entry)
        if saved.new_session and len(book.sessions) > 1:
            print("  (a new session: today's earlier one was finished)")
        kind = "" if saved.set.kind == "working" else f"  ({KIND_LABELS[saved.set.kind]})"
        superset = f"  [superset {saved.set.superset}]" if saved.set.superset else ""
        print(f"  set {saved.number} saved: {saved.set.describe(exercise)}{kind}{superset}")
        advice = saved.advice
        if advice and advice.needs_attention:
            print(f"    ! {advice.message}\n      {advice.evidence}")
        for record in saved.records:
            print(f"    * New record: {record.message}")
    assert saved is not None
    today = [s for _, s in book.sets_today(exercise.id)]
    lifted = [s for s in today if not s.is_timed]
    line = f"{set_counts(saved.session.sets)} in this session."
    if lifted:
        heaviest = max(lifted, key=lambda s: s.weight_kg)
        line += f" Heaviest {exercise.name} today: {load_text(heaviest, exercise)}."
    print(line)
    store.close()
    return 0


def _entry(text: str, exercise, unit, args: argparse.Namespace):
    """One SET argument as the logbook's Entry; CliError (nothing written) when it is wrong."""
    from ..domain.inputs import InputError
    from ..domain.set_syntax import parse_typed_set
    from ..entries import Entry

    typed = parse_typed_set(text, exercise, unit)
    if args.warmup and typed.kind not in (None, "warmup"):
        raise InputError(
            f"set {text!r}: --warmup makes every set a warm-up; a warm-up is "
            f"not also /{text.rpartition('/')[2].strip()}"
        )
    kind = typed.kind or ("warmup" if args.warmup else "working")
    return Entry(
        typed.values,
        kind == "warmup",
        args.note,
        kind=kind,
        duration_s=typed.duration_s,
        distance_m=typed.distance_m,
        superset=args.superset,
    )
