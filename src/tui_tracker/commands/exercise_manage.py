"""`tui-tracker exercise rename|merge|delete`: the lifter's own exercises tidied up.

The rules are the domain's (domain/exercise_edits.py), the files the store's
(store/exercise_ops.py); this module finds the exercises named and says what happened.
"""

from __future__ import annotations

import argparse

from .base import CliError, open_store, shown, store_call, subcommand


def register(ex_sub: argparse._SubParsersAction) -> None:
    """Add rename, merge and delete to `tui-tracker exercise`."""
    rename = subcommand(ex_sub, "rename", help="give one of your own exercises a new name")
    rename.add_argument("name", help="the exercise (name, alias or id)")
    rename.add_argument(
        "new_name",
        metavar="NEW_NAME",
        help="its new name (the old one stays an alias, for imports)",
    )
    rename.set_defaults(func=cmd_rename)

    merge = subcommand(
        ex_sub, "merge", help="move every set of one of your exercises to another, and remove it"
    )
    merge.add_argument("source", metavar="FROM", help="your exercise to merge away")
    merge.add_argument("target", metavar="INTO", help="the exercise its sets move to")
    merge.set_defaults(func=cmd_merge)

    delete = subcommand(ex_sub, "delete", help="delete one of your own exercises that has no sets")
    delete.add_argument("name", help="the exercise (name, alias or id)")
    delete.set_defaults(func=cmd_delete)


def find_exercise(catalogue, name: str):
    """The exercise `name` names, or CliError with the closest names."""
    ex = catalogue.find(name)
    if ex is None:
        hints = ", ".join(shown(e.name) for e in catalogue.closest(name, 3))
        raise CliError(
            f"unknown exercise {shown(name)!r}" + (f"; did you mean: {hints}?" if hints else "")
        )
    return ex


def _run(store, fn, *args):
    try:
        return store_call(fn, store, *args)
    except ValueError as e:
        raise CliError(shown(str(e))) from None
    finally:
        store.close()


def cmd_rename(args: argparse.Namespace) -> int:
    from ..store.exercise_ops import rename_exercise

    store = open_store(args)
    ex = find_exercise(store_call(store.catalogue), args.name)
    done = _run(store, rename_exercise, ex.id, args.new_name)
    print(
        f"Renamed {shown(ex.name)} to {shown(done.name)} [{done.id}] (the old name "
        f"stays an alias, so imports still find it)."
    )
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from ..store.exercise_ops import merge_exercise

    store = open_store(args)
    catalogue = store_call(store.catalogue)
    source, target = find_exercise(catalogue, args.source), find_exercise(catalogue, args.target)
    done = _run(store, merge_exercise, source.id, target.id)
    sets = f"{done.sets} set{'s' if done.sets != 1 else ''}"
    sessions = f"{done.sessions} session{'s' if done.sessions != 1 else ''}"
    plans = (
        f"; {done.plans} plan{'s' if done.plans != 1 else ''} now name {shown(target.name)}"
        if done.plans
        else ""
    )
    print(
        f"Merged {shown(source.name)} into {shown(target.name)}: {sets} in {sessions} "
        f"moved{plans}. {shown(source.name)} is gone; volume and records count the sets "
        f"under {shown(target.name)}."
    )
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    from ..store.exercise_ops import delete_exercise

    store = open_store(args)
    ex = find_exercise(store_call(store.catalogue), args.name)
    _run(store, delete_exercise, ex.id)
    print(f"Deleted {shown(ex.name)} [{ex.id}].")
    return 0
