"""`tui-tracker targets`: each muscle's weekly hard-set band, its default and why.

    tui-tracker targets                       # every muscle's band
    tui-tracker targets --json
    tui-tracker targets set chest 12-18       # your own band for a muscle
    tui-tracker targets set traps default     # back to the default

The defaults and the reasons are the domain's (domain/targets.py); the lifter's own
bands live in the database (they travel with an export).
"""

from __future__ import annotations

import argparse

from .base import CliError, Parser, json_option, open_store, print_json, store_call, subcommand


def register(sub: argparse._SubParsersAction) -> None:
    targets = subcommand(sub, "targets", help="weekly hard-set band per muscle (show or set)")
    json_option(targets)
    targets.set_defaults(func=cmd_targets)
    actions = targets.add_subparsers(dest="targets_command", metavar="ACTION", parser_class=Parser)
    set_ = subcommand(actions, "set", help="set a muscle's band: LOW-HIGH sets a week, or default")
    set_.add_argument("muscle", help="e.g. chest, front_delts (or 'front delts')")
    set_.add_argument("band", metavar="LOW-HIGH", help="e.g. 12-18, or default")
    set_.set_defaults(func=cmd_set)


def _row(muscle: str, band: tuple[int, int]) -> dict:
    from ..domain.targets import DEFAULT_TARGETS, default_reason

    default = DEFAULT_TARGETS[muscle]
    return {
        "target": list(band),
        "default": list(default),
        "is_default": tuple(band) == default,
        "why_default": default_reason(muscle),
    }


def cmd_targets(args: argparse.Namespace) -> int:
    from ..domain.muscles import MUSCLE_LABELS

    store = open_store(args)
    targets = store_call(store.volume_targets)
    store.close()
    if args.json:
        print_json({"muscles": {m: _row(m, band) for m, band in targets.items()}})
        return 0
    print(
        "Weekly hard-set band per muscle (a set counts 1 for a primary muscle, 0.5 for a "
        "secondary one)"
    )
    for m, band in targets.items():
        row = _row(m, band)
        shown = f"{band[0]}-{band[1]}"
        if row["is_default"]:
            print(f"{MUSCLE_LABELS[m]:<12} {shown:<6} default: {row['why_default']}")
        else:
            low, high = row["default"]
            print(f"{MUSCLE_LABELS[m]:<12} {shown:<6} yours (default {low}-{high})")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    from ..domain.muscles import MUSCLE_LABELS
    from ..domain.targets import DEFAULT_TARGETS, parse_band, parse_muscle

    try:
        muscle = parse_muscle(args.muscle)
        band = (
            DEFAULT_TARGETS[muscle]
            if args.band.strip().casefold() == "default"
            else parse_band(muscle, args.band)
        )
    except ValueError as e:
        raise CliError(str(e)) from None
    store = open_store(args)
    store_call(store.set_volume_target, muscle, *band)
    store.close()
    low, high = DEFAULT_TARGETS[muscle]
    note = "the default" if band == DEFAULT_TARGETS[muscle] else f"default {low}-{high}"
    print(f"{MUSCLE_LABELS[muscle]}: {band[0]}-{band[1]} hard sets a week ({note}).")
    return 0
