"""`tui-tracker exercises` and `tui-tracker exercise add|edit`: the catalogue and your own."""

from __future__ import annotations

import argparse
import sys

from .base import CliError, Parser, json_option, open_store, print_json, store_call, subcommand

#: What the kind decides, said when it is asked for (it is never guessed).
KIND_WHY = (
    "the kind sets the default rest (compound 150 s, isolation 90 s) and whether "
    "training to failure is advised"
)


def register(sub: argparse._SubParsersAction) -> None:
    from ..domain.models import EQUIPMENT

    exs = subcommand(sub, "exercises", help="the exercise catalogue with muscles and kind")
    json_option(exs)
    exs.set_defaults(func=cmd_exercises)

    ex = sub.add_parser("exercise", help="add, edit, rename, merge or delete your own exercises")
    ex_sub = ex.add_subparsers(
        dest="exercise_command", metavar="ACTION", parser_class=Parser, required=True
    )
    for name, helptext in (
        ("add", "add your own exercise"),
        ("edit", "change an exercise's muscles, kind or rest"),
    ):
        e = subcommand(ex_sub, name, help=helptext)
        e.add_argument("name", help="exercise name (for edit: name, alias or id)")
        required = name == "add"
        e.add_argument(
            "--primary",
            required=required,
            metavar="MUSCLES",
            help="comma-separated muscles, e.g. chest,triceps",
        )
        e.add_argument("--secondary", metavar="MUSCLES", help="comma-separated muscles")
        e.add_argument(
            "--kind",
            choices=["compound", "isolation"],
            help="compound (several joints) or isolation (one); add asks for it "
            "in a terminal and needs it in a script",
        )
        _switch(e, "--high-skill", "form breaks down near failure (squat/deadlift-like)")
        _switch(e, "--bodyweight", "the body is the load (pull-up, dip): a set may have no weight")
        e.add_argument(
            "--equipment",
            choices=EQUIPMENT,
            help="how the load is made (default for add: what the name says, "
            "e.g. '(Dumbbell)', else other)",
        )
        _switch(e, "--per-hand", "the weight is one of two held at once (dumbbells)")
        _switch(e, "--unilateral", "one side at a time (one-arm row, split squat)")
        e.add_argument(
            "--bar",
            metavar="WEIGHT",
            help="this exercise's bar, in your unit (default: the equipment's)",
        )
        e.add_argument("--rest", type=int, metavar="SECONDS", help="default rest between sets")
        e.add_argument(
            "--alias",
            action="append",
            default=None,
            metavar="NAME",
            help="another name (repeatable)",
        )
        e.set_defaults(func=cmd_exercise)
    from . import exercise_manage

    exercise_manage.register(ex_sub)


def _switch(parser: argparse.ArgumentParser, flag: str, help: str) -> None:
    """A yes/no property of an exercise: `--flag` or `--no-flag`, None when not given
    (edit keeps what the exercise has)."""
    parser.add_argument(flag, action=argparse.BooleanOptionalAction, default=None, help=help)


def cmd_exercises(args: argparse.Namespace) -> int:
    store = open_store(args)
    exercises = sorted(store_call(store.catalogue), key=lambda e: e.name.lower())
    store.close()
    if args.json:
        print_json([_as_json(e) for e in exercises])
        return 0
    width = max(len(e.name) for e in exercises)
    for e in exercises:
        print(f"{e.name:<{width}}  {_tags(e):<34}  {_muscles(e)}")
    return 0


def _as_json(e) -> dict:
    """An exercise as `exercises --json` prints it: the export's fields (store/codec.py),
    with the id, name and aliases first, as this list has always had them."""
    from ..store.codec import exercise_to_dict

    fields = exercise_to_dict(e)
    return {"id": e.id, "name": e.name, "aliases": fields["aliases"], **fields}


def _tags(e) -> str:
    return f"{e.kind}, {e.equipment}" + "".join(
        tag
        for tag, on in (
            (", high skill", e.high_skill),
            (", bodyweight", e.bodyweight and e.equipment != "bodyweight"),
            (", per hand", e.per_hand),
            (", one side", e.unilateral),
            (", yours", e.custom),
        )
        if on
    )


def _muscles(e) -> str:
    if not e.primary:
        return "(counts toward no muscle)"
    return ", ".join(e.primary) + (f" (+ {', '.join(e.secondary)})" if e.secondary else "")


def _muscle_list(text: str | None) -> tuple[str, ...] | None:
    from ..domain.muscles import check_muscles

    if text is None:
        return None
    items = [m.strip().lower() for m in text.split(",") if m.strip()]
    try:
        return check_muscles(items)
    except ValueError as e:
        raise CliError(str(e)) from None


def _bar_kg(text: str | None, store) -> float | None:
    """--bar in the lifter's unit, as kg (None: not given)."""
    from ..domain.inputs import InputError, parse_weight
    from .config import load_settings

    if text is None:
        return None
    try:
        return parse_weight(text, load_settings(store).unit)[0]
    except InputError as e:
        raise CliError(f"--bar: {e}") from None


def _asked_kind(name: str) -> str:
    """The kind of a new exercise: asked in a terminal, refused in a script (never guessed)."""
    if not sys.stdin.isatty():
        raise CliError(f"give --kind compound or --kind isolation for {name!r}: {KIND_WHY}")
    print(
        f"Is {name} a compound exercise (several joints move: a squat, a row) or an "
        f"isolation exercise (one joint: a curl, a raise)? [c/i] ",
        end="",
        file=sys.stderr,
        flush=True,
    )
    answer = sys.stdin.readline().strip().casefold()
    if answer in ("c", "compound"):
        return "compound"
    if answer in ("i", "isolation"):
        return "isolation"
    raise CliError(f"no kind given for {name!r} (answer c or i, or give --kind): {KIND_WHY}")


def cmd_exercise(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ..domain.catalogue import new_exercise

    store = open_store(args)
    catalogue = store_call(store.catalogue)
    primary, secondary = _muscle_list(args.primary), _muscle_list(args.secondary)
    bar_kg = _bar_kg(args.bar, store)
    try:
        if args.exercise_command == "add":
            if catalogue.find(args.name):
                raise CliError(
                    f"{args.name!r} is already in the catalogue as "
                    f"{catalogue.find(args.name).name!r}; use: tui-tracker exercise edit"
                )
            if not primary:
                raise CliError("an exercise needs at least one primary muscle (--primary)")
            new_exercise(catalogue, args.name, primary, secondary or ())  # checked before asking
            ex = new_exercise(
                catalogue,
                args.name,
                primary,
                secondary or (),
                kind=args.kind or _asked_kind(args.name),
                high_skill=bool(args.high_skill),
                rest_seconds=args.rest,
                aliases=tuple(args.alias or ()),
                equipment=args.equipment,
                bodyweight=bool(args.bodyweight),
                per_hand=bool(args.per_hand),
                unilateral=bool(args.unilateral),
                bar_kg=bar_kg,
            )
            verb = "Added"
        else:
            ex = _edited(catalogue, args, primary, secondary, bar_kg)
            verb = "Updated"
    except ValueError as e:
        raise CliError(str(e)) from None
    store_call(store.save_exercise, ex)
    store.close()
    print(
        f"{verb} {ex.name} [{ex.id}]: {_tags(replace(ex, custom=False))}, {_muscles(ex)}, "
        f"rest {ex.rest_seconds} s"
    )
    return 0


def _edited(catalogue, args: argparse.Namespace, primary, secondary, bar_kg):
    """The exercise named by `args.name` with the changes asked for (raises CliError)."""
    from dataclasses import replace

    old = catalogue.find(args.name)
    if old is None:
        hints = ", ".join(e.name for e in catalogue.closest(args.name, 3))
        raise CliError(
            f"unknown exercise {args.name!r}" + (f"; did you mean: {hints}?" if hints else "")
        )
    changes = {
        k: v
        for k, v in {
            "primary": primary,
            "secondary": secondary,
            "kind": args.kind,
            "high_skill": args.high_skill,
            "bodyweight": args.bodyweight,
            "equipment": args.equipment,
            "per_hand": args.per_hand,
            "unilateral": args.unilateral,
            "bar_kg": bar_kg,
            "rest_seconds": args.rest,
            "aliases": tuple(old.aliases) + tuple(args.alias) if args.alias else None,
        }.items()
        if v is not None
    }
    if not changes:
        raise CliError(
            "nothing to change: give --primary, --secondary, --kind, --high-skill, "
            "--bodyweight, --equipment, --per-hand, --unilateral, --bar, --rest "
            "or --alias"
        )
    moved = [m for m in primary or () if secondary is None and m in old.secondary]
    if moved:
        raise CliError(
            f"{moved[0]} is both a primary and a secondary muscle of "
            f"{old.name}: to make it primary, give --secondary without it "
            f"(now --secondary {','.join(old.secondary)})"
        )
    # The body as the load and bodyweight equipment go together: one follows the other.
    if changes.get("equipment") == "bodyweight" and args.bodyweight is None:
        changes["bodyweight"] = True
    if args.bodyweight is False and args.equipment is None and old.equipment == "bodyweight":
        changes["equipment"] = "other"
    ex = replace(old, custom=True, **changes)
    if not ex.primary and old.primary:  # (one that counts toward none may stay so: hip adduction)
        raise CliError("an exercise needs at least one primary muscle")
    return ex
