"""`tui-tracker day`: today's plan as changed for the day, and the changes themselves.

The same changes as the Today screen's keys (c, k, shift+up/down, n), through the same
logbook code (day_edits.py): each is committed before the command prints it.

    tui-tracker day                                   # today's planned exercises, in order
    tui-tracker day swap bench "dumbbell bench press" # for today only; the plan stays
    tui-tracker day skip row --reason "rack taken"    # --undo takes the skip back
    tui-tracker day move curl --up                    # or --down
    tui-tracker day next                              # a rest day: do the next planned day today
    tui-tracker day next --undo                       # put it back (before a set is logged)
"""

from __future__ import annotations

import argparse

from .base import CliError, clock_of, json_option, open_store, print_json, store_call, subcommand


def register(sub: argparse._SubParsersAction) -> None:
    p = subcommand(
        sub,
        "day",
        help="today's plan: swap, skip or move an exercise, or do the "
        "next planned day on a rest day",
    )
    json_option(p)
    p.set_defaults(func=cmd_day, day_command=None)
    days = p.add_subparsers(dest="day_command", metavar="ACTION")

    swap = subcommand(days, "swap", help="do another exercise instead of a planned one, today")
    swap.add_argument("planned", help="the planned exercise (a few letters will do)")
    swap.add_argument("instead", help="the exercise to do instead")
    swap.set_defaults(func=cmd_day)

    skip = subcommand(days, "skip", help="skip a planned exercise today")
    skip.add_argument("planned", help="the planned exercise")
    skip.add_argument("--reason", default="", help="why (up to 60 characters), optional")
    skip.add_argument("--undo", action="store_true", help="take the skip back")
    skip.set_defaults(func=cmd_day)

    move = subcommand(days, "move", help="move a planned exercise earlier or later today")
    move.add_argument("planned", help="the planned exercise")
    way = move.add_mutually_exclusive_group(required=True)
    way.add_argument("--up", dest="step", action="store_const", const=-1, help="one earlier")
    way.add_argument("--down", dest="step", action="store_const", const=1, help="one later")
    move.set_defaults(func=cmd_day)

    pull = subcommand(
        days, "next", help="on a rest day: do the next planned day today (that day then rests)"
    )
    pull.add_argument(
        "--undo",
        action="store_true",
        help="put a day brought forward today back (before any set is logged)",
    )
    pull.set_defaults(func=cmd_day)


def cmd_day(args: argparse.Namespace) -> int:
    from ..day_edits import DayEdits
    from ..logbook import Logbook

    store = open_store(args)  # a block to change means the database is there
    try:
        book = store_call(Logbook, store, clock_of(args))
        edits = DayEdits(book)
        message = store_call(_change, args, book, edits) if args.day_command else ""
        if getattr(args, "json", False) and not args.day_command:
            print_json(_as_json(book, edits))
        else:
            if message:
                print(message)
            _print_day(book, edits)
    finally:
        store.close()
    return 0


def _change(args: argparse.Namespace, book, edits) -> str:
    try:
        if args.day_command == "next" and args.undo:
            name = book.workout.day_name if book.workout else ""
            home = edits.put_back()
            return f"{name} is back on {home:%a %d %b}; today is a rest day again."
        if args.day_command == "next":
            found = edits.next_day()
            if found is None:
                raise ValueError("today is not a rest day of a running block with a day ahead")
            edits.pull_forward()
            return (
                f"Today: {found.day.name}, brought forward from {found.on:%a %d %b} "
                "(that day is now a rest day)."
            )
        ex = _planned(book, args.planned)
        if args.day_command == "swap":
            from .base import find_exercise

            instead = find_exercise(book.catalogue, args.instead)
            edits.swap(ex.id, instead.id)
            slot = book.slot(instead.id)
            return (
                f"Today {instead.name} instead of {book.exercise(slot.planned_id).name} "
                f"({slot.target_text}); the plan stays."
            )
        if args.day_command == "skip":
            edits.skip(ex.id, None if args.undo else args.reason)
            if args.undo:
                return f"{ex.name} is back in today's plan."
            reason = book.slot(ex.id).skipped
            return f"Skipped {ex.name} today" + (f": {reason}" if reason else "") + "."
        if not edits.move(ex.id, args.step):
            return f"{ex.name} is already {'first' if args.step < 0 else 'last'}."
        return f"Moved {ex.name} {'up' if args.step < 0 else 'down'}."
    except ValueError as e:
        raise CliError(str(e)) from None


def _planned(book, name: str):
    """The exercise on today's plan that `name` means (a few letters are enough when only
    one of today's matches), else a one-line refusal listing today's exercises."""
    ids = book.planned_ids()
    if not ids:
        raise CliError(f"nothing is planned for {book.day:%a %d %b %Y}: see tui-tracker day")
    best = book.catalogue.best_match(name)
    if best is not None and best.id in ids:
        return best
    hits = [e for e in book.catalogue.search(name, limit=None) if e.id in ids]
    if len(hits) == 1:
        return hits[0]
    names = ", ".join(book.exercise(i).name for i in ids)
    what = "matches several" if hits else "matches none"
    raise CliError(f"{name!r} {what} of today's exercises: {names}")


def _print_day(book, edits) -> None:
    workout = book.workout
    if workout is None:
        print(f"{book.day:%a %d %b %Y}: no training block (plan one with tui-tracker meso new).")
        return
    if not workout.slots:
        found = edits.next_day()
        print(
            f"{book.day:%a %d %b %Y}: "
            + ("rest day" if workout.rest_day else workout.week_label)
            + "."
        )
        if found is not None:
            print(f"Next: {found.describe(book.day)}. `tui-tracker day next` does it today.")
        return
    moved = f", brought forward from {workout.moved_from:%a %d %b}" if workout.moved_from else ""
    print(f"{book.day:%a %d %b %Y}: {workout.day_name} ({workout.week_label}{moved})")
    width = max(len(book.exercise(s.exercise_id).name) for s in workout.slots)
    for slot in workout.slots:
        name = book.exercise(slot.exercise_id).name
        note = ""
        if slot.skipped is not None:
            note = "  skipped" + (f": {slot.skipped}" if slot.skipped else "")
        elif slot.swapped:
            note = f"  instead of {book.exercise(slot.planned_id).name}"
        print(f"  {name:<{width}}  {slot.target_text}{note}")


def _as_json(book, edits) -> dict:
    workout = book.workout
    found = edits.next_day()
    return {
        "date": book.day.isoformat(),
        "day": workout.day_name if workout else None,
        "week_label": workout.week_label if workout else None,
        "rest_day": bool(workout and workout.rest_day),
        "moved_from": workout.moved_from.isoformat() if workout and workout.moved_from else None,
        "exercises": [
            {
                "id": s.exercise_id,
                "name": book.exercise(s.exercise_id).name,
                "planned_id": s.planned_id,
                "target": s.target_text,
                "skipped": s.skipped,
            }
            for s in (workout.slots if workout else ())
        ],
        "next": {"date": found.on.isoformat(), "day": found.day.name} if found else None,
    }
