"""`tui-tracker exercises` and `tui-tracker exercise add|edit`: the catalogue and your own."""

from __future__ import annotations

import argparse
import json

from .base import CliError, Parser, global_options, open_store, store_call


def register(sub: argparse._SubParsersAction) -> None:
    exs = sub.add_parser("exercises", help="the exercise catalogue with muscles and kind")
    global_options(exs, top=False)
    exs.add_argument("--json", action="store_true", help="machine-readable output")
    exs.set_defaults(func=cmd_exercises)

    ex = sub.add_parser("exercise", help="add or edit your own exercises")
    ex_sub = ex.add_subparsers(dest="exercise_command", metavar="ACTION", parser_class=Parser,
                               required=True)
    for name, helptext in (("add", "add your own exercise"),
                           ("edit", "change an exercise's muscles, kind or rest")):
        e = ex_sub.add_parser(name, help=helptext)
        global_options(e, top=False)
        e.add_argument("name", help="exercise name (for edit: name, alias or id)")
        required = name == "add"
        e.add_argument("--primary", required=required, metavar="MUSCLES",
                       help="comma-separated muscles, e.g. chest,triceps")
        e.add_argument("--secondary", metavar="MUSCLES", help="comma-separated muscles")
        e.add_argument("--kind", choices=["compound", "isolation"], help="default: compound")
        e.add_argument("--high-skill", dest="high_skill", action=argparse.BooleanOptionalAction,
                       default=None, help="form breaks down near failure (squat/deadlift-like)")
        e.add_argument("--bodyweight", action=argparse.BooleanOptionalAction, default=None,
                       help="the body is the load (pull-up, dip): a set may have no weight")
        e.add_argument("--rest", type=int, metavar="SECONDS", help="default rest between sets")
        e.add_argument("--alias", action="append", default=None, metavar="NAME",
                       help="another name (repeatable)")
    ex.set_defaults(func=cmd_exercise)


def cmd_exercises(args: argparse.Namespace) -> int:
    store = open_store(args)
    exercises = sorted(store.catalogue(), key=lambda e: e.name.lower())
    store.close()
    if args.json:
        print(json.dumps([{
            "id": e.id, "name": e.name, "aliases": list(e.aliases), "primary": list(e.primary),
            "secondary": list(e.secondary), "kind": e.kind, "high_skill": e.high_skill,
            "rest_seconds": e.rest_seconds, "custom": e.custom, "bodyweight": e.bodyweight}
            for e in exercises], indent=2))
        return 0
    width = max(len(e.name) for e in exercises)
    for e in exercises:
        muscles = ", ".join(e.primary) + (f" (+ {', '.join(e.secondary)})" if e.secondary else "")
        print(f"{e.name:<{width}}  {_tags(e):<34}  {muscles}")
    return 0


def _tags(e) -> str:
    return e.kind + "".join(tag for tag, on in ((", high skill", e.high_skill),
                                               (", bodyweight", e.bodyweight),
                                               (", yours", e.custom)) if on)


def _muscle_list(text: str | None) -> tuple[str, ...] | None:
    from ..domain.muscles import check_muscles

    if text is None:
        return None
    items = [m.strip().lower() for m in text.split(",") if m.strip()]
    try:
        return check_muscles(items)
    except ValueError as e:
        raise CliError(str(e)) from None


def cmd_exercise(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ..domain.catalogue import new_exercise

    store = open_store(args)
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
            if args.bodyweight:
                ex = replace(ex, bodyweight=True)
            verb = "Added"
        else:
            old = catalogue.find(args.name)
            if old is None:
                hints = ", ".join(e.name for e in catalogue.closest(args.name, 3))
                raise CliError(f"unknown exercise {args.name!r}" + (f"; did you mean: {hints}?" if hints else ""))
            changes = {k: v for k, v in {
                "primary": primary, "secondary": secondary, "kind": args.kind,
                "high_skill": args.high_skill, "bodyweight": args.bodyweight,
                "rest_seconds": args.rest,
                "aliases": tuple(old.aliases) + tuple(args.alias) if args.alias else None,
            }.items() if v is not None}
            if not changes:
                raise CliError("nothing to change: give --primary, --secondary, --kind, "
                               "--high-skill, --bodyweight, --rest or --alias")
            moved = [m for m in primary or () if secondary is None and m in old.secondary]
            if moved:
                raise CliError(f"{moved[0]} is both a primary and a secondary muscle of "
                               f"{old.name}: to make it primary, give --secondary without it "
                               f"(now --secondary {','.join(old.secondary)})")
            ex = replace(old, custom=True, **changes)
            if not ex.primary:
                raise CliError("an exercise needs at least one primary muscle")
            verb = "Updated"
    except ValueError as e:
        raise CliError(str(e)) from None
    store_call(store.save_exercise, ex)
    store.close()
    muscles = ", ".join(ex.primary) + (f" (+ {', '.join(ex.secondary)})" if ex.secondary else "")
    print(f"{verb} {ex.name} [{ex.id}]: {_tags(replace(ex, custom=False))}, {muscles}, "
          f"rest {ex.rest_seconds} s")
    return 0
