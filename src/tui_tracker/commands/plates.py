"""`tui-tracker plates WEIGHT`: the plates to put on each side of the bar."""

from __future__ import annotations

import argparse
import json

from .base import CliError, json_option, open_store, store_call, subcommand


def register(sub: argparse._SubParsersAction) -> None:
    p = subcommand(sub, "plates", help="the plates per side for a weight: tui-tracker plates 100")
    p.add_argument("weight", help="the weight on the bar, bar included, e.g. 100 or 102,5 or 225lb")
    p.add_argument(
        "--bar",
        metavar="B",
        help="the bar's weight in the unit (default: your "
        "bar_kg / bar_lb setting, or the exercise's bar)",
    )
    p.add_argument("--unit", choices=["kg", "lb"], help="default: your unit setting")
    p.add_argument(
        "--exercise",
        metavar="NAME",
        help="load it as this exercise is loaded (an EZ bar, a trap bar, a leg press with no bar)",
    )
    json_option(p)
    p.set_defaults(func=cmd_plates)


def cmd_plates(args: argparse.Namespace) -> int:
    from ..domain.inputs import InputError, parse_weight
    from ..domain.models import from_kg
    from ..domain.plates import plates_for
    from ..domain.setting_values import MAX_BAR, num
    from .config import load_settings

    settings = load_settings()
    unit = args.unit or settings.unit
    try:
        weight_kg, unit = parse_weight(args.weight, unit)
    except InputError as e:
        raise CliError(str(e)) from None
    weight = from_kg(weight_kg, unit)
    bar = settings.bar(unit)
    if args.exercise is not None:
        bar = _exercise_bar(args, unit, settings)
    if args.bar is not None:
        try:
            bar = float(args.bar.replace(",", ".", 1))
        except ValueError:
            raise CliError(f"--bar {args.bar!r} is not a number") from None
        if not 0 <= bar <= MAX_BAR[unit]:
            raise CliError(
                f"--bar {num(bar)} {unit} is out of range (0 to {num(MAX_BAR[unit])} {unit})"
            )
    answer = plates_for(weight, bar, settings.plates(unit))
    nearest = answer.nearest
    if args.json:
        print(
            json.dumps(
                {
                    "weight": weight,
                    "unit": unit,
                    "bar": bar,
                    "per_side": list(nearest.per_side),
                    "exact": answer.exact,
                    "loaded": nearest.weight,
                    "nearest": []
                    if answer.exact
                    else [
                        {"weight": load.weight, "per_side": list(load.per_side)}
                        for load in (answer.below, answer.above)
                        if load is not None
                    ],
                }
            )
        )
        return 0
    print(_describe(answer, unit, settings.plates(unit)))
    return 0


def _exercise_bar(args: argparse.Namespace, unit: str, settings) -> float:
    from ..domain.plates import bar_for

    store = open_store(args)
    catalogue = store_call(store.catalogue)
    store.close()
    exercise = catalogue.best_match(args.exercise)
    if exercise is None:
        hints = ", ".join(e.name for e in catalogue.closest(args.exercise, 3))
        raise CliError(
            f"unknown exercise {args.exercise!r}" + (f"; did you mean: {hints}?" if hints else "")
        )
    bar = bar_for(exercise, unit, settings)  # type: ignore[arg-type]
    if bar is None:
        raise CliError(f"{exercise.name} is not loaded with plates on a bar ({exercise.equipment})")
    return bar


def _describe(answer, unit: str, plates: tuple[float, ...]) -> str:
    from ..domain.setting_values import num

    def kg(value: float) -> str:
        return f"{num(value)} {unit}"

    def loading(load) -> str:
        if not load.per_side:
            return f"the {kg(answer.bar)} bar alone" if answer.bar else "nothing loaded"
        sides = " ".join(num(p) for p in load.per_side) + " each side"
        return f"{kg(answer.bar)} bar + {sides}" if answer.bar else f"{sides} (no bar)"

    if answer.exact:
        return f"{kg(answer.weight)}: {loading(answer.below)}"
    if answer.below is None:
        return (
            f"{kg(answer.weight)} is lighter than the {kg(answer.bar)} bar: the lightest "
            f"load is the bar alone"
        )
    return (
        f"{kg(answer.weight)} cannot be built from your plates "
        f"({' '.join(num(p) for p in plates)} {unit}) on a {kg(answer.bar)} bar. Nearest: "
        f"{kg(answer.below.weight)} ({loading(answer.below)}) or "
        f"{kg(answer.above.weight)} ({loading(answer.above)})"
    )
