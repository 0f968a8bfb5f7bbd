"""`tui-tracker imports [--json]` and `tui-tracker imports remove ID`: each import a batch.

The batches are the store's (store/batches.py); `import ... --replace` (commands/
transfer.py) calls `start_batch` and `end_batch` here around writing its sessions.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .base import (
    CliError,
    Parser,
    clock_of,
    json_option,
    open_store,
    plural,
    print_json,
    shown,
    store_call,
    subcommand,
)


def register(sub: argparse._SubParsersAction) -> None:
    imps = subcommand(
        sub,
        "imports",
        help="the imports done (file, date, sessions, sets); "
        "'imports remove ID' takes one back out",
    )
    json_option(imps)
    imps.set_defaults(func=cmd_imports)
    actions = imps.add_subparsers(dest="imports_command", metavar="ACTION", parser_class=Parser)
    rm = subcommand(
        actions,
        "remove",
        help="take an import's sessions back out (sessions logged by hand are never touched)",
    )
    rm.add_argument("id", metavar="ID", help="the import's id, as 'tui-tracker imports' lists it")
    rm.set_defaults(func=cmd_remove)


def _when(b) -> str:
    return b.imported_at.strftime("%Y-%m-%d %H:%M")


def cmd_imports(args: argparse.Namespace) -> int:
    from ..store.batches import batches

    store = open_store(args)
    try:
        found = store_call(batches, store)
    finally:
        store.close()
    if args.json:
        print_json(
            [
                {
                    "id": b.id,
                    "file": b.file,
                    "source": b.source,
                    "imported_at": b.imported_at.isoformat(),
                    "sessions": b.sessions,
                    "sets": b.sets,
                    "state": b.state,
                    "sha256": b.hash,
                }
                for b in found
            ]
        )
        return 0
    if not found:
        print("No imports yet (tui-tracker import strong|hevy|json FILE).")
        return 0
    width = max(4, *(len(shown(b.file)) for b in found))
    print(f"{'id':>3}  {'file':<{width}}  {'imported':<16}  {'sessions':>8}  {'sets':>6}")
    for b in found:
        line = (
            f"{b.id:>3}  {shown(b.file):<{width}}  {_when(b):<16}  {b.sessions:>8,}  {b.sets:>6,}"
        )
        if b.state == "importing":
            line += "  (cut short: run the same import again to finish it)"
        elif b.state == "removing":
            line += f"  (removal cut short: run 'tui-tracker imports remove {b.id}' again)"
        print(line)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from ..store.batches import remove

    store = open_store(args)
    try:
        b, sessions, sets = store_call(remove, store, args.id)
    finally:
        store.close()
    print(
        f"Removed import {b.id} ({shown(b.file)} of {_when(b)}): "
        f"{plural(sessions, 'session')} ({plural(sets, 'set')}) taken out; sessions "
        f"logged by hand are untouched."
    )
    return 0


def start_batch(args: argparse.Namespace, store, source: str):
    """Before an import writes: with --replace, take out the earlier import of this file;
    then the batch its sessions go into.  Prints what was replaced."""
    from ..store import batches

    name = Path(args.file).name
    try:
        digest = batches.file_hash(args.file)
    except OSError as e:
        raise CliError(f"{args.file} cannot be read: {e.strerror or e}") from None
    if getattr(args, "replace", False):
        earlier = store_call(batches.replaced_by, store, name, source, digest)
        if not earlier:
            print(f"No earlier import of {shown(name)} to replace: importing it as new.")
        for b in earlier:
            _, sessions, sets = store_call(batches.remove, store, b.id)
            print(
                f"Replacing import {b.id} ({shown(b.file)} of {_when(b)}): "
                f"{plural(sessions, 'session')} ({plural(sets, 'set')}) taken out."
            )
    return store_call(batches.begin, store, name, source, digest, clock_of(args).now())


def end_batch(store, batch) -> str:
    """Count the batch and say how to take it back out ("" when it added nothing)."""
    from ..store import batches

    done = store_call(batches.finish, store, batch)
    if not done.sessions:
        return ""
    return (
        f"This is import {done.id} ({plural(done.sessions, 'session')}): "
        f"'tui-tracker imports remove {done.id}' takes it back out."
    )
