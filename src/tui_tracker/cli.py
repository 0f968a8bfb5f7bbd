"""The `tui-tracker` command: the TUI, and thin subcommands over the same store and domain.

Bad input anywhere gives one line on stderr and exit code 2, and writes nothing.
Textual is imported only when the TUI starts, so subcommands start fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Sequence

from . import __version__
from .commands.base import (
    EXIT_BAD_INPUT, EXIT_STORE, CliError, Parser as _Parser, clock_of as _clock,
    global_options as _global_options, open_store as _open_store, store_call as _store_call,
)
from .domain.inputs import InputError, parse_set
from .domain.models import LoggedSet


def _top_parser() -> argparse.ArgumentParser:
    """The options of the TUI itself (and the global ones every subcommand takes too)."""
    p = _Parser(prog="tui-tracker", description="A terminal training log for lifters.")
    p.add_argument("--version", action="version", version=f"tui-tracker {__version__}")
    _global_options(p, top=True)
    p.add_argument("--no-mouse", action="store_true",
                   help="turn off mouse reporting (it floods a slow SSH link)")
    p.add_argument("--theme", metavar="NAME",
                   help="colour theme, e.g. textual-dark, textual-light, ansi-dark "
                        "(the terminal's own 16 colours)")
    return p


def build_parser() -> argparse.ArgumentParser:
    p = _top_parser()
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _register_core(sub)
    for group in _groups():
        group.register(sub)
    return p


def _groups():
    """The subcommand modules in tui_tracker.commands (imported lazily: they are small)."""
    from .commands import demo, meso, serve, transfer

    return (meso, serve, transfer, demo)


def _register_core(sub) -> None:

    log = sub.add_parser("log", help="log sets: tui-tracker log squat 100x5@2 100x5@1")
    _global_options(log, top=False)
    log.add_argument("exercise", help='exercise name or alias, e.g. "Squat (Barbell)" or squat')
    log.add_argument("sets", nargs="+", metavar="SET",
                     help="weight x reps @ RIR, e.g. 100x5@2 or 102,5x8 (the @ part is optional)")
    log.add_argument("--warmup", action="store_true", help="these are warm-up sets")
    log.add_argument("--unit", choices=["kg", "lb"], help="unit of the weights (default: your last one)")
    log.add_argument("--note", default="", help="a note on these sets")

    vol = sub.add_parser("volume", help="hard sets per muscle this week")
    _global_options(vol, top=False)
    vol.add_argument("--week", metavar="YYYY-Www", help="ISO week, e.g. 2026-W47 (default: this week)")
    vol.add_argument("--json", action="store_true", help="machine-readable output")

    exs = sub.add_parser("exercises", help="the exercise catalogue with muscles and kind")
    _global_options(exs, top=False)
    exs.add_argument("--json", action="store_true", help="machine-readable output")

    ex = sub.add_parser("exercise", help="add or edit your own exercises")
    ex_sub = ex.add_subparsers(dest="exercise_command", metavar="ACTION", parser_class=_Parser,
                               required=True)
    for name, helptext in (("add", "add your own exercise"),
                           ("edit", "change an exercise's muscles, kind or rest")):
        e = ex_sub.add_parser(name, help=helptext)
        _global_options(e, top=False)
        e.add_argument("name", help="exercise name (for edit: name, alias or id)")
        required = name == "add"
        e.add_argument("--primary", required=required, metavar="MUSCLES",
                       help="comma-separated muscles, e.g. chest,triceps")
        e.add_argument("--secondary", metavar="MUSCLES", help="comma-separated muscles")
        e.add_argument("--kind", choices=["compound", "isolation"], help="default: compound")
        e.add_argument("--high-skill", dest="high_skill", action=argparse.BooleanOptionalAction,
                       default=None, help="form breaks down near failure (squat/deadlift-like)")
        e.add_argument("--rest", type=int, metavar="SECONDS", help="default rest between sets")
        e.add_argument("--alias", action="append", default=None, metavar="NAME",
                       help="another name (repeatable)")
    log.set_defaults(func=cmd_log)
    vol.set_defaults(func=cmd_volume)
    exs.set_defaults(func=cmd_exercises)
    ex.set_defaults(func=cmd_exercise)


def _parse(args_list: list[str]) -> argparse.Namespace:
    """Parse the command line; starting the TUI skips building every subcommand's parser
    (12 ms of its start-up on a 2-core box)."""
    if not any(a in ("-h", "--help") for a in args_list):
        args, rest = _top_parser().parse_known_args(args_list)
        if not rest:
            args.command = None
            return args
    return build_parser().parse_args(args_list)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parse(args_list)
        if args.command is None:
            return _run_tui(args)
        return args.func(args)
    except CliError as e:
        print(f"tui-tracker: error: {e}", file=sys.stderr)
        return e.code
    except InputError as e:
        print(f"tui-tracker: error: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `tui-tracker exercises | head`: the reader left; say nothing more, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as e:  # a store error from any read: one line, exit 3, never a traceback
        from .store import StoreError

        if not isinstance(e, StoreError):
            raise
        print(f"tui-tracker: error: {e}", file=sys.stderr)
        return EXIT_STORE


# --- log -----------------------------------------------------------------------------------


def cmd_log(args: argparse.Namespace) -> int:
    from .domain.advice import failure_advice
    from .domain.models import format_weight
    from .domain.sessions import plural

    store = _open_store(args)
    catalogue = store.catalogue()
    exercise = catalogue.find(args.exercise)
    if exercise is None:
        hints = ", ".join(e.name for e in catalogue.closest(args.exercise, 3))
        hint = f"; did you mean: {hints}?" if hints else ""
        raise CliError(f"unknown exercise {args.exercise!r}{hint} "
                       "(list them with: tui-tracker exercises)")
    unit = args.unit or store.get_setting("unit", "kg")
    parsed = [parse_set(text, unit) for text in args.sets]  # all checked before anything is written
    clock = _clock(args)
    day = clock.today()
    session = None
    print(f"{exercise.name}, session of {day.isoformat()}:")
    for i, item in enumerate(parsed):
        s = LoggedSet(exercise_id=exercise.id, weight_kg=item.weight_kg, unit=item.unit,
                      reps=item.reps, rir=item.rir, at=clock.now(),
                      kind="warmup" if args.warmup else "working", note=args.note)
        session = _store_call(store.log_set, s, day=day,
                              session_id=session.id if session else None)
        number = len(session.sets_for(exercise.id))
        print(f"  set {number} saved: {s.describe()}" + ("  (warm-up)" if s.is_warmup else ""))
        advice = failure_advice(s, exercise, is_final_set=i == len(parsed) - 1)
        if advice and advice.needs_attention:
            print(f"    ! {advice.message}\n      {advice.evidence}")
    if args.unit:
        _store_call(store.set_setting, "unit", args.unit)
    assert session is not None
    print(f"{plural(len(session.sets), 'set')} in this session. "
          f"Heaviest: {format_weight(max(s.weight_kg for s in session.sets), unit)}.")
    store.close()
    return 0


# --- volume --------------------------------------------------------------------------------


def cmd_volume(args: argparse.Namespace) -> int:
    from .domain.muscles import MUSCLE_LABELS
    from .domain.volume import IsoWeek, weekly_sets

    try:
        week = IsoWeek.parse(args.week) if args.week else IsoWeek.of(_clock(args).today())
    except ValueError as e:
        raise CliError(str(e)) from None
    store = _open_store(args)
    sessions = store.sessions_between(week.monday, week.sunday)
    volume = weekly_sets(sessions, week, store.catalogue().get, store.volume_targets())
    store.close()
    if args.json:
        out = {"week": str(week), "muscles": {
            m: {"sets": v.sets, "sessions": v.sessions, "target": list(v.target),
                "status": v.status, "single_session": v.single_session}
            for m, v in volume.items()}}
        print(json.dumps(out, indent=2))
        return 0
    print(f"Hard sets per muscle, week {week} "
          f"({week.monday:%a %d %b} - {week.sunday:%a %d %b %Y})")
    print(f"{'muscle':<12} {'sets':>5} {'sessions':>8}  {'target':<7} status")
    for m, v in volume.items():
        flag = "  (1 session: split it over two)" if v.single_session else ""
        print(f"{MUSCLE_LABELS[m]:<12} {v.sets:>5.1f} {v.sessions:>8}  "
              f"{v.target[0]}-{v.target[1]:<4} {v.status}{flag}")
    return 0


# --- exercises -----------------------------------------------------------------------------


def cmd_exercises(args: argparse.Namespace) -> int:
    store = _open_store(args)
    exercises = sorted(store.catalogue(), key=lambda e: e.name.lower())
    store.close()
    if args.json:
        print(json.dumps([{
            "id": e.id, "name": e.name, "aliases": list(e.aliases), "primary": list(e.primary),
            "secondary": list(e.secondary), "kind": e.kind, "high_skill": e.high_skill,
            "rest_seconds": e.rest_seconds, "custom": e.custom} for e in exercises], indent=2))
        return 0
    width = max(len(e.name) for e in exercises)
    for e in exercises:
        muscles = ", ".join(e.primary) + (f" (+ {', '.join(e.secondary)})" if e.secondary else "")
        tags = e.kind + (", high skill" if e.high_skill else "") + (", yours" if e.custom else "")
        print(f"{e.name:<{width}}  {tags:<22}  {muscles}")
    return 0


def _muscle_list(text: str | None) -> tuple[str, ...] | None:
    from .domain.muscles import check_muscles

    if text is None:
        return None
    items = [m.strip().lower() for m in text.split(",") if m.strip()]
    try:
        return check_muscles(items)
    except ValueError as e:
        raise CliError(str(e)) from None


def cmd_exercise(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from .domain.catalogue import new_exercise

    store = _open_store(args)
    catalogue = store.catalogue()
    primary, secondary = _muscle_list(args.primary), _muscle_list(args.secondary)
    try:
        if args.exercise_command == "add":
            if catalogue.find(args.name):
                raise CliError(f"{args.name!r} is already in the catalogue as "
                               f"{catalogue.find(args.name).name!r}; use: tui-tracker exercise edit")
            if not primary:
                raise CliError("an exercise needs at least one primary muscle (--primary)")
            ex = new_exercise(catalogue, args.name, primary, secondary or (),
                              kind=args.kind or "compound", high_skill=bool(args.high_skill),
                              rest_seconds=args.rest, aliases=tuple(args.alias or ()))
            verb = "Added"
        else:
            old = catalogue.find(args.name)
            if old is None:
                hints = ", ".join(e.name for e in catalogue.closest(args.name, 3))
                raise CliError(f"unknown exercise {args.name!r}" + (f"; did you mean: {hints}?" if hints else ""))
            changes = {k: v for k, v in {
                "primary": primary, "secondary": secondary, "kind": args.kind,
                "high_skill": args.high_skill, "rest_seconds": args.rest,
                "aliases": tuple(old.aliases) + tuple(args.alias) if args.alias else None,
            }.items() if v is not None}
            if not changes:
                raise CliError("nothing to change: give --primary, --secondary, --kind, "
                               "--high-skill, --rest or --alias")
            ex = replace(old, custom=True, **changes)
            if not ex.primary:
                raise CliError("an exercise needs at least one primary muscle")
            verb = "Updated"
    except ValueError as e:
        raise CliError(str(e)) from None
    _store_call(store.save_exercise, ex)
    store.close()
    muscles = ", ".join(ex.primary) + (f" (+ {', '.join(ex.secondary)})" if ex.secondary else "")
    print(f"{verb} {ex.name} [{ex.id}]: {ex.kind}, {muscles}, rest {ex.rest_seconds} s")
    return 0


# --- the TUI -------------------------------------------------------------------------------


def _check_readable(store, today) -> None:
    """Read what the first frame needs before the screen takes over the terminal, so a
    damaged file is one clear line and exit 3, not a crash inside the app."""
    from datetime import timedelta

    store.mesocycles()
    store.custom_exercises()  # what catalogue() reads, without building its search index
    store.open_session(today)
    store.open_session(today - timedelta(days=1))


def _run_tui(args: argparse.Namespace) -> int:
    if not sys.stdin.isatty() and not os.environ.get("TEXTUAL_DRIVER"):
        raise CliError("the app needs a terminal (stdin is not a tty); to log without one, use "
                       "'tui-tracker log EXERCISE 100x5@2', 'tui-tracker volume' or "
                       "'tui-tracker exercises'")
    if args.theme:
        os.environ["TEXTUAL_THEME"] = args.theme
    store = _open_store(args)
    clock = _clock(args)
    _check_readable(store, clock.today())
    from .ui.app import TrackerApp

    app = TrackerApp(store=store, clock=clock, theme_name=args.theme)
    app.run(mouse=not args.no_mouse)
    store.close()
    return app.return_code or 0




if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
