"""What `import strong|hevy|fitnotes` need beyond reading rows: their parsers (with the
`--date-order` option), the reader for each app, and day-or-month order for the whole file.

Helpers of transfer.py (the command itself): the parsing is the domain's
(domain/imports: fitnotes.py, dates.py), the files the store's.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING
from collections.abc import Callable

from .base import subcommand

if TYPE_CHECKING:
    from datetime import tzinfo

    from ..domain.imports.dates import OrderScan
    from ..domain.imports.rows import RowReader


#: The apps whose CSV `import` reads: (name, help, the file's help, --unit's help or None).
CSV_SOURCES = (
    (
        "strong",
        "a CSV exported by the Strong app (any layout)",
        "the CSV file Strong exported",
        "the unit Strong was set to (needed for the iOS export, which does not say)",
    ),
    ("hevy", "a CSV exported by the Hevy app", "the CSV file Hevy exported", None),
    (
        "fitnotes",
        "a CSV exported by the FitNotes app (Android or iOS)",
        "the CSV file FitNotes exported (Spreadsheet Export, Workout Data)",
        "the iOS export's weight column to read (default kg); the "
        "Android export says its unit on every row",
    ),
)

REPLACE_HELP = (
    "replace the earlier import of this file (the same file, else one of the same "
    "name): its sessions are taken out first; the fix for a wrong --unit"
)


def add_csv_sources(kinds: argparse._SubParsersAction, func: Callable[..., int]) -> None:
    """`import strong`, `import hevy` and `import fitnotes`: the same options, each with
    the app's own help."""
    for name, helptext, file_help, unit_help in CSV_SOURCES:
        parser = subcommand(kinds, name, help=helptext)
        parser.add_argument("file", metavar="FILE", help=file_help)
        if unit_help is not None:
            parser.add_argument("--unit", choices=["kg", "lb"], help=unit_help)
        parser.add_argument(
            "--strict",
            action="store_true",
            help="import nothing if any row is bad (default: skip bad rows)",
        )
        replace_option(parser)
        date_order_option(parser)
        parser.set_defaults(func=func)


def replace_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--replace", action="store_true", help=REPLACE_HELP)


def date_order_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date-order",
        choices=["dmy", "mdy"],
        help="for dates written with slashes or dashes (05/06/2026): day first "
        "(dmy) or month first (mdy); default: what the file's dates show "
        "(a day above 12), refused when they cannot tell",
    )


def make_reader(args: argparse.Namespace, lines, tz: tzinfo) -> RowReader:
    """The reader of `args.import_kind`'s export; its header is checked now
    (ImportFormatError when the file is not that app's export)."""
    from ..domain.imports import fitnotes_reader, hevy_reader, strong_reader

    if args.import_kind == "strong":
        return strong_reader(lines, unit=args.unit, tz=tz)
    if args.import_kind == "fitnotes":
        return fitnotes_reader(lines, unit=args.unit, tz=tz)
    return hevy_reader(lines, tz=tz)


def settle_date_order(args: argparse.Namespace, reader: RowReader) -> OrderScan:
    """Day or month first, for the whole file: `--date-order`, else what its dates show,
    read from a second look at the file (it stops at the first date that settles it).
    Raises ImportFormatError when the file cannot tell.

    A pipe cannot be read twice: its dates are then read one by one, and a date that
    could be either way round is a bad row that says to give --date-order."""
    from ..domain.imports.dates import OrderScan, file_date_order
    from ..store.importing import open_lines

    given = getattr(args, "date_order", None)
    if given is not None:
        reader.date_order, scan = file_date_order("", reader.date_column, given)
        return scan
    if not Path(args.file).is_file():
        return OrderScan(None)
    with open_lines(args.file) as again:
        reader.date_order, scan = file_date_order(again, reader.date_column, None)
    return scan


def cardio_sentence(reader: RowReader) -> str:
    """The report's line on skipped cardio rows (FitNotes), or empty."""
    cardio = reader.cardio_rows
    if not cardio:
        return ""
    rows = "1 cardio row" if cardio == 1 else f"{cardio:,} cardio rows"
    return f"{rows} (distance or time, no reps) skipped: this version keeps strength sets only."
