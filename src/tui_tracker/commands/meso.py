"""`tui-tracker meso ...`: plan a block and steer it (status.py: where you are in it).

Thin: the rules (block length, RIR targets, when to deload, what a new block
closes) are the domain's; this module parses arguments, calls the store, asks
the lifter when a new block would cut another short, and prints.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from .base import (
    CliError,
    Parser,
    clock_of,
    date_arg,
    json_option,
    open_store,
    print_json,
    store_call,
    subcommand,
)


def register(sub: argparse._SubParsersAction) -> None:
    from ..domain.templates import TEMPLATES

    meso = sub.add_parser("meso", help="plan and steer mesocycles (training blocks)")
    actions = meso.add_subparsers(
        dest="meso_command", metavar="ACTION", parser_class=Parser, required=True
    )

    new = subcommand(actions, "new", help="start a mesocycle from a template")
    new.add_argument(
        "--template",
        default="upper-lower-4",
        choices=sorted(TEMPLATES),
        help="the weekly plan (default: upper-lower-4)",
    )
    new.add_argument(
        "--weeks",
        type=int,
        required=True,
        metavar="N",
        help="accumulation weeks, 3 to 6 (a deload week follows)",
    )
    new.add_argument(
        "--start", type=date_arg, metavar="YYYY-MM-DD", help="first day (default: today)"
    )
    new.add_argument("--name", help="name of the block (default: template and month)")
    new.add_argument(
        "--rir",
        metavar="R,R,...",
        help="target RIR per week, falling or holding, e.g. 3,2,2,1 (default: 3 "
        "stepping down to 1); 0 only in the last week, 4 with a warning",
    )
    _replace_option(new)
    new.set_defaults(func=cmd_new)

    for name, helptext, func in (
        ("list", "every mesocycle, the active one marked", cmd_list),
        ("templates", "the ready-made plans", cmd_templates),
        ("deload", "start the deload week today", cmd_deload),
        ("next", "start the next mesocycle from the current one", cmd_next),
        ("end", "close the active mesocycle", cmd_end),
    ):
        p = subcommand(actions, name, help=helptext)
        if name == "next":
            p.add_argument(
                "--start", type=date_arg, metavar="YYYY-MM-DD", help="first day (default: today)"
            )
            _replace_option(p)
        p.set_defaults(func=func)

    show = subcommand(
        actions, "show", help="the active block's plan: every set with its target RIR"
    )
    show.add_argument(
        "--week", type=int, metavar="N", help="only week N (weeks + 1 is the deload week)"
    )
    json_option(show)
    show.set_defaults(func=cmd_show)

    post = subcommand(actions, "postpone", help="postpone the deload prompt")
    post.add_argument(
        "--until",
        type=date_arg,
        required=True,
        metavar="YYYY-MM-DD",
        help="no prompt through this day (today to the end of week 6)",
    )
    post.set_defaults(func=cmd_postpone)


def _replace_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--replace",
        action="store_true",
        help="close (or cancel) the block it would cut short without asking; "
        "needed when not run in a terminal",
    )


def _rir_list(text: str | None, weeks: int) -> tuple[int, ...] | None:
    if text is None:
        return None
    try:
        values = tuple(int(t) for t in text.split(","))
    except ValueError as e:
        raise CliError(
            f"--rir takes whole numbers separated by commas, e.g. 3,2,1 (got {text!r})"
        ) from e
    if len(values) != weeks:
        raise CliError(f"--rir needs one target per week: {weeks} values, got {len(values)}")
    return values


def _active(store, today: date):
    from ..domain.mesocycle import active_mesocycle

    meso = active_mesocycle(store_call(store.mesocycles), today)
    if meso is None:
        raise CliError("no active mesocycle; start one with: tui-tracker meso new --weeks 5")
    return meso


def _closing(store, new) -> tuple[list, list]:
    """The blocks `new` closes (as saved with it), and those it cuts short (as they are)."""
    from ..domain.blocks import cuts_short, overlapping, supersede

    mesos = store_call(store.mesocycles)
    return supersede(mesos, new), [m for m in overlapping(mesos, new) if cuts_short(m, new)]


def _confirmed(new, cut: list, replace: bool) -> bool:
    """Whether to go on when `new` cuts blocks short: --replace, else ask in a terminal;
    in a script, a one-line refusal naming --replace."""
    from ..domain.blocks import closing_note

    if not cut or replace:
        return True
    notes = " and ".join(closing_note(m, new) for m in cut)
    if not sys.stdin.isatty():
        raise CliError(f"starting {new.name} would {notes}; give --replace to do so")
    names = ", ".join(m.name for m in cut)
    print(f"Starting {new.name} will {notes}.", file=sys.stderr)
    print(f"Close {names} and start {new.name}? [y/N] ", end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().strip().casefold() in ("y", "yes")


def _save_new(store, new, today: date, replace: bool) -> int:
    """Save a new block, closing the blocks it overlaps in the same write, and show its plan
    and the plan check (advice, never a refusal).

    A block it would cut short (training left, or not begun) is closed only after
    the lifter says so; the blocks are read again after the answer, so a block
    started meanwhile by another process is not closed unasked.
    """
    from ..domain.blocks import check_start

    try:
        check_start(new, today)
    except ValueError as e:
        raise CliError(str(e)) from None
    closed, cut = _closing(store, new)
    if not _confirmed(new, cut, replace):
        store.close()
        print(f"Nothing changed: {new.name} not started.")
        return 1
    closed_now, cut_now = _closing(store, new)
    if {m.id for m in cut_now} != {m.id for m in cut}:
        raise CliError(
            "the blocks changed while you answered (another tui-tracker?); "
            "nothing was saved: run the command again"
        )
    store_call(store.save_mesocycles, [*closed_now, new])
    for m in closed_now:
        if m.ended <= m.start:
            print(f"Cancelled {m.name} (planned from {m.start.isoformat()}).")
        else:
            print(f"Closed {m.name} as of {m.ended.isoformat()}.")
    print("Saved. ", end="")
    _print_plan(new, store)
    store.close()
    return 0


def _print_plan(meso, store) -> None:
    from ..domain.plan_check import check_plan
    from .config import load_settings
    from .plan_text import print_check, print_summary

    catalogue = store.catalogue()
    targets = store_call(store.volume_targets)
    print_summary(meso, catalogue, targets)
    status = load_settings(store).training_status
    print_check(check_plan(meso, catalogue.get, targets, status))


def cmd_new(args: argparse.Namespace) -> int:
    from ..domain.effort import check_rir_targets
    from ..domain.rir_targets import with_rir_targets
    from ..domain.templates import build_mesocycle

    store = open_store(args)
    today = clock_of(args).today()
    try:
        meso = build_mesocycle(args.template, args.weeks, args.start or today, args.name)
        targets = _rir_list(args.rir, args.weeks)
        if targets is not None:
            meso = with_rir_targets(meso, targets)
    except ValueError as e:
        raise CliError(str(e)) from None
    for warning in check_rir_targets(meso.rir_targets, meso.weeks):
        print(f"tui-tracker: warning: --rir {warning}", file=sys.stderr)
    return _save_new(store, meso, today, args.replace)


def cmd_show(args: argparse.Namespace) -> int:
    from .plan_text import print_week, week_json

    store = open_store(args)
    today = clock_of(args).today()
    meso = _active(store, today)
    catalogue = store.catalogue()
    store.close()
    last = meso.weeks + 1
    if args.week is not None and not 1 <= args.week <= last:
        raise CliError(
            f"--week {args.week}: {meso.name} has weeks 1 to {meso.weeks}, and "
            f"{last} is its deload week"
        )
    weeks = [args.week] if args.week is not None else list(range(1, last + 1))
    if args.json:
        print_json(
            {
                "mesocycle": {
                    "id": meso.id,
                    "name": meso.name,
                    "start": meso.start.isoformat(),
                    "weeks": meso.weeks,
                    "rir_targets": list(meso.rir_targets),
                    "deload_start": (meso.deload_start.isoformat() if meso.deload_start else None),
                },
                "weeks": [week_json(meso, w, catalogue) for w in weeks],
            }
        )
        return 0
    print(
        f"{meso.name}: {meso.weeks} weeks from {meso.start:%a %d %b %Y}, then a deload week. "
        "Each exercise: sets x reps @ target RIR (reps in reserve)."
    )
    for w in weeks:
        print_week(meso, w, catalogue)
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    from ..domain.templates import TEMPLATES

    for t in TEMPLATES.values():
        print(f"{t.name:<15} {t.title}: {t.description}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from ..domain.mesocycle import active_mesocycle, week_label

    store = open_store(args)
    mesos = store_call(store.mesocycles)
    store.close()
    if not mesos:
        print("No mesocycles yet; start one with: tui-tracker meso new --weeks 5")
        return 0
    today = clock_of(args).today()
    active = active_mesocycle(mesos, today)
    for m in mesos:
        mark = "*" if active is not None and m.id == active.id else " "
        print(f"{mark} {m.start.isoformat()}  {m.weeks} wk  {m.name}  ({week_label(m, today)})")
    return 0


def _change(args: argparse.Namespace, change, done: str) -> int:
    store = open_store(args)
    today = clock_of(args).today()
    meso = _active(store, today)
    try:
        updated = change(meso, today)
    except ValueError as e:
        raise CliError(str(e)) from None
    store_call(store.save_mesocycle, updated)
    store.close()
    print(done.format(name=updated.name, today=today.isoformat()))
    return 0


def cmd_deload(args: argparse.Namespace) -> int:
    from ..domain.deload import start_deload

    return _change(
        args,
        start_deload,
        "Deload week of {name} starts {today}: about half the sets, RIR 4 or more, "
        "loads kept or about 10% lighter.",
    )


def cmd_postpone(args: argparse.Namespace) -> int:
    from ..domain.deload import postpone_deload

    until = args.until
    return _change(
        args,
        lambda m, today: postpone_deload(m, until, today),
        "Deload of {name} postponed through " + until.isoformat() + ": no prompt until then.",
    )


def cmd_end(args: argparse.Namespace) -> int:
    from ..domain.mesocycle import end_mesocycle

    store = open_store(args)
    today = clock_of(args).today()
    meso = _active(store, today)
    store_call(store.save_mesocycle, end_mesocycle(meso, today))
    store.close()
    if today < meso.start:
        print(f"Cancelled {meso.name} (planned from {meso.start.isoformat()}).")
    else:
        print(f"Closed {meso.name} as of {today.isoformat()}.")
    return 0


def cmd_next(args: argparse.Namespace) -> int:
    from ..domain.deload import next_mesocycle

    store = open_store(args)
    today = clock_of(args).today()
    try:
        new = next_mesocycle(_active(store, today), args.start or today)
    except ValueError as e:
        raise CliError(str(e)) from None
    return _save_new(store, new, today, args.replace)
