"""`tui-tracker export`: everything as JSON (re-importable with `import json`) or CSV
(one row per set, for a spreadsheet).

Thin: the export document and the file are the store's (store/exchange.py); this
module parses arguments, calls it, and prints what was written.
"""

from __future__ import annotations

import argparse
import sys

from .base import CliError, open_store, plural, store_call, subcommand


def register(sub: argparse._SubParsersAction) -> None:
    exp = subcommand(
        sub, "export", help="everything as JSON (re-importable) or CSV (one row per set)"
    )
    exp.add_argument(
        "--format",
        choices=["json", "csv"],
        help="json: everything, re-importable with 'tui-tracker import json'; "
        "csv: one row per set for a spreadsheet (default: from the -o file "
        "name, else json)",
    )
    exp.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (replaced whole, or left as it was on error); default: standard output",
    )
    exp.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from ..store.exchange import ExchangeError, csv_text, dumps, snapshot, write_file

    fmt = args.format
    if fmt is None:
        fmt = "csv" if args.output and args.output.lower().endswith(".csv") else "json"
    store = open_store(args)
    data = store_call(snapshot, store)
    if fmt == "json":
        payload = dumps(data)
    else:
        payload = csv_text(data.sessions, store_call(store.catalogue)).encode("utf-8")
    store.close()
    if args.output:
        try:
            write_file(args.output, payload)
        except ExchangeError as e:
            raise CliError(str(e)) from None
        sets = sum(len(s.sets) for s in data.sessions)
        what = (
            f"{plural(len(data.sessions), 'session')} ({plural(sets, 'set')}), "
            f"{plural(len(data.mesocycles), 'mesocycle')}, "
            f"{plural(len(data.exercises), 'exercise')} of your own"
            if fmt == "json"
            else f"{plural(sets, 'set')}, one row each"
        )
        print(f"Exported {what} to {args.output} ({fmt.upper()}, {len(payload):,} bytes).")
        return 0
    _write_stdout(payload)
    return 0


def _write_stdout(payload: bytes) -> None:
    try:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            sys.stdout.flush()
            buffer.write(payload)
            buffer.flush()
        else:  # pragma: no cover - a text-only stream
            sys.stdout.write(payload.decode("utf-8"))
            sys.stdout.flush()
    except BrokenPipeError:  # `tui-tracker export | head`: the reader had enough
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
