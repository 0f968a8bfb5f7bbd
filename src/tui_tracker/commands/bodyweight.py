"""`tui-tracker bodyweight [WEIGHT]`: log the lifter's bodyweight, or list it."""

from __future__ import annotations

import argparse
import json
from datetime import timedelta

from .base import CliError, clock_of, json_option, open_store, print_json, store_call, subcommand


def register(sub: argparse._SubParsersAction) -> None:
    p = subcommand(
        sub,
        "bodyweight",
        help="log your bodyweight (tui-tracker bodyweight 82.5), or list it (no value)",
    )
    p.add_argument(
        "weight",
        nargs="?",
        help="your bodyweight today (--today for another day), e.g. 82.5 or 82,5 or 182lb",
    )
    p.add_argument("--unit", choices=["kg", "lb"], help="default: your unit setting")
    json_option(p)
    p.set_defaults(func=cmd_bodyweight)


def cmd_bodyweight(args: argparse.Namespace) -> int:
    from ..domain.bodyweight import Bodyweight, latest_on
    from ..domain.inputs import InputError, parse_weight
    from .config import load_settings

    day = clock_of(args).today()
    store = open_store(args)
    unit = args.unit or load_settings(store).unit
    if args.weight is None:
        entries = store_call(store.bodyweights)
        store.close()
        _history(entries, unit, args.json)
        return 0
    try:
        kg, unit = parse_weight(args.weight, unit)
        Bodyweight(day, kg)  # the range, checked before anything is written
    except (InputError, ValueError) as e:
        store.close()
        raise CliError(f"bodyweight {args.weight!r}: {e}") from None
    before = latest_on(store_call(store.bodyweights), day - timedelta(days=1))
    entry = store_call(store.log_bodyweight, day, kg)
    store.close()
    if args.json:
        print(
            json.dumps(
                {
                    "day": entry.day.isoformat(),
                    "kg": entry.kg,
                    "unit": unit,
                    "weight": _in(entry.kg, unit),
                }
            )
        )
        return 0
    change = ""
    if before is not None:
        diff = _in(entry.kg, unit) - _in(before.kg, unit)
        change = (
            f" ({'+' if diff >= 0 else '-'}{_text(abs(diff))} {unit} since "
            f"{before.day.isoformat()})"
        )
    print(
        f"Bodyweight on {entry.day.isoformat()}: {_text(_in(entry.kg, unit))} {unit} saved{change}."
    )
    return 0


def _in(kg: float, unit: str) -> float:
    from ..domain.models import from_kg

    return from_kg(kg, unit)  # type: ignore[arg-type]


def _text(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _history(entries, unit: str, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "unit": unit,
                "bodyweights": [
                    {"day": b.day.isoformat(), "kg": b.kg, "weight": _in(b.kg, unit)}
                    for b in entries
                ],
            }
        )
        return
    if not entries:
        print("No bodyweight logged yet: tui-tracker bodyweight 82.5")
        return
    print(f"{'day':<10}  {'weight':>9}")
    for b in entries:
        print(f"{b.day.isoformat():<10}  {_text(_in(b.kg, unit)):>6} {unit}")
