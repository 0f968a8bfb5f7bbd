"""`tui-tracker import strong|hevy|fitnotes|json FILE`: history in (export.py: out).

Thin: reading the CSV is the domain's (domain/imports), the export document
and the files are the store's (store/exchange.py, and store/importing.py for a
CSV of any size); this module parses arguments, shows progress, calls them, and
prints what happened.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .base import CliError, Parser, open_store, plural, store_call, subcommand
from .imports import end_batch, start_batch
from .import_formats import (
    add_csv_sources,
    cardio_sentence,
    make_reader,
    replace_option,
    settle_date_order,
)

if TYPE_CHECKING:
    from datetime import tzinfo


def register(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help="import history from Strong, Hevy or a tui-tracker export")
    kinds = imp.add_subparsers(
        dest="import_kind", metavar="SOURCE", parser_class=Parser, required=True
    )
    add_csv_sources(kinds, cmd_import_csv)
    js = subcommand(kinds, "json", help="a file made by: tui-tracker export --format json")
    js.add_argument("file", metavar="FILE", help="the JSON export")
    replace_option(js)
    js.set_defaults(func=cmd_import_json)


# --- helpers ---------------------------------------------------------------------------------


def local_zone() -> tzinfo:
    """The lifter's time zone, with its daylight-saving rules (times in files are local)."""
    import pendulum

    try:
        return pendulum.local_timezone()
    except Exception:  # pragma: no cover - no zone configured: the current offset will do
        from datetime import datetime

        zone = datetime.now().astimezone().tzinfo
        assert zone is not None
        return zone


class ProgressBar:
    """A one-line bar on a terminal, redrawn in place with \\r; cleared when done."""

    WIDTH = 30

    def __init__(self, label: str, stream: TextIO) -> None:
        self.label = label
        self.stream = stream
        self._last = -1
        self._width = 0

    @classmethod
    def on_stderr(cls, label: str) -> ProgressBar | None:
        """A bar on stderr if it is a terminal; None (no bar) when redirected."""
        try:
            tty = sys.stderr.isatty()
        except (AttributeError, ValueError):
            tty = False
        return cls(label, sys.stderr) if tty else None

    def __call__(self, done: int, total: int, what: str = "") -> None:
        """Show `done` of `total` as a percentage, then `what` (e.g. '20,000 rows')."""
        pct = 100 if total <= 0 else min(100, done * 100 // total)
        if pct == self._last:
            return
        self._last = pct
        filled = self.WIDTH * pct // 100
        self.show(
            f"{self.label} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {pct:3d}%"
            + (f"  {what}" if what else "")
        )

    def show(self, text: str) -> None:
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def clear(self) -> None:
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
        self._last = -1  # the next call draws again


def _read(path: str) -> str:
    from ..store.exchange import ExchangeError, read_text

    try:
        return read_text(path)
    except ExchangeError as e:
        raise CliError(str(e)) from None


def _db_hint(args: argparse.Namespace) -> str:
    """`--db PATH ` when the command was given one, for commands we suggest."""
    import shlex

    db = getattr(args, "db", None)
    return f"--db {shlex.quote(db)} " if db else ""


def _edit_hint(name: str) -> str:
    """`exercise edit NAME --primary ...` for the lifter to paste: the name shell-quoted
    (a file's names can hold quotes, `$(...)`, backticks), and after `--` when it starts
    with `-`, where it would read as an option."""
    import shlex

    options = "--primary MUSCLE[,MUSCLE] [--secondary MUSCLE,...] --kind compound|isolation"
    quoted = shlex.quote(name)
    if name.startswith("-"):
        return f"exercise edit {options} -- {quoted}"
    return f"exercise edit {quoted} {options}"


# --- import strong / hevy -------------------------------------------------------------------

#: Rows between two redraws of the progress bar.
PROGRESS_EVERY = 2000


def cmd_import_csv(args: argparse.Namespace) -> int:
    """Read the file once, row by row, parking checked rows on disk by month; then save
    the new exercises in one write and the sessions a month at a time.  Memory stays
    about one month of training whatever the file's length (store/importing.py)."""
    from ..domain.imports import ImportFormatError
    from ..store.exchange import ExchangeError
    from ..store.importing import StagedRows, open_lines, write_staged

    name = Path(args.file).name
    try:
        with open_lines(args.file) as lines:
            try:
                reader = make_reader(args, lines, local_zone())
                order_scan = settle_date_order(args, reader)
            except ImportFormatError as e:
                raise CliError(f"{args.file}: {e}") from None
            store = open_store(args)
            try:
                with StagedRows() as staged:
                    catalogue = store_call(store.catalogue)
                    bad = _read_rows(args, reader, catalogue, staged, lines)
                    if bad and args.strict:
                        raise CliError(
                            f"{plural(bad, 'bad row')} in {args.file} (listed above): "
                            "nothing imported (--strict); fix them, or import without "
                            "--strict to skip them"
                        )
                    if bad and not reader.sets_read:
                        raise CliError(
                            f"every set row of {args.file} is bad (listed above): nothing imported"
                        )
                    created = list(reader.new_exercises())
                    batch = start_batch(args, store, args.import_kind)
                    bar = ProgressBar.on_stderr(f"Saving {name}")
                    try:
                        written = store_call(
                            write_staged,
                            store,
                            staged,
                            created,
                            reader.assemble,
                            progress=bar and (lambda i, n: bar(i, n, f"{i:,}/{n:,} months")),
                            batch=batch.id,
                        )
                    finally:
                        if bar is not None:
                            bar.clear()
                    recorded = end_batch(store, batch)
                catalogue = store_call(store.catalogue)
            finally:
                store.close()
    except ExchangeError as e:
        raise CliError(str(e)) from None
    if order_scan.sentence():
        print(order_scan.sentence())
    _report_import(args, reader, bad, written, created, catalogue)
    if recorded:
        print(recorded)
    if cardio_sentence(reader):
        print(cardio_sentence(reader))
    return 0


def _read_rows(args: argparse.Namespace, reader, catalogue, staged, lines) -> int:
    """Stage every good row; print each bad one as FILE:LINE: reason.  Returns how many were bad."""
    from ..domain.imports import RowError

    bar = ProgressBar.on_stderr(f"Reading {Path(args.file).name}")
    bad = 0
    try:
        for item in reader.rows(catalogue):
            if isinstance(item, RowError):
                if bar is not None:
                    bar.clear()
                print(f"{args.file}:{item.line}: {item.message}", file=sys.stderr)
                bad += 1
            else:
                staged.add(item)
            if bar is not None and reader.rows_read % PROGRESS_EVERY == 0:
                bar(lines.position(), lines.size, f"{reader.rows_read:,} rows")
        if bar is not None:  # the end, shown even for a file read between two redraws
            bar(lines.size, lines.size, f"{reader.rows_read:,} rows")
    finally:
        if bar is not None:
            bar.clear()
    return bad


def _report_import(
    args: argparse.Namespace, reader, bad: int, written, created: list, catalogue
) -> None:
    from ..domain.muscles import MUSCLES

    skipped = (
        f", {plural(reader.rows_skipped, 'row')} that are not sets (notes, rest timers, "
        "cardio) skipped"
        if reader.rows_skipped
        else ""
    )
    bad_rows = f", {plural(bad, 'bad row')} left out (listed above)" if bad else ""
    print(
        f"Read {plural(reader.rows_read, 'row')} of {args.file}: "
        f"{plural(reader.sets_read, 'set')} in {plural(written.sessions, 'session')}"
        f"{skipped}{bad_rows}."
    )
    span = (
        f", {written.first.isoformat()} to {written.last.isoformat()}"
        if written.first is not None
        else ""
    )
    there = (
        f"; {plural(written.already, 'session was', 'sessions were')} already there"
        if written.already
        else ""
    )
    print(
        f"Imported {plural(written.new_sessions, 'new session')} "
        f"({plural(written.new_sets, 'set')}){span}{there}."
    )

    # Every exercise of this file the volume count cannot use yet: no muscles.
    counts = reader.sets_per_exercise
    bare = [catalogue.get(i) for i in counts]
    bare = sorted(
        (e for e in bare if e is not None and e.custom and not e.primary),
        key=lambda e: e.name.casefold(),
    )
    if not bare:
        return
    made = {e.id for e in created}
    print()
    one = len(bare) == 1
    print(
        f"{plural(len(bare), 'exercise')} in this file {'is' if one else 'are'} not in the "
        f"catalogue. {'It is' if one else 'They are'} your own now, with no muscles yet, so "
        f"{'its' if one else 'their'} sets do not count toward weekly volume:"
    )
    width = max(len(e.name) for e in bare)
    for e in bare:
        tag = "  (new)" if e.id in made else ""
        print(f"  {e.name:<{width}}  {plural(counts[e.id], 'set')}{tag}")
    print(f"Give {'it' if one else 'each'} its muscles (and kind), e.g.:")
    print(f"  tui-tracker {_db_hint(args)}{_edit_hint(bare[0].name)}")
    print(f"Muscles: {', '.join(MUSCLES)}.")


# --- import json -------------------------------------------------------------------------------


def cmd_import_json(args: argparse.Namespace) -> int:
    from ..store.exchange import ExchangeError, loads, merge

    text = _read(args.file)
    try:
        data = loads(text)
    except ExchangeError as e:
        raise CliError(f"{args.file}: {e}") from None
    del text
    store = open_store(args)
    try:
        known = {e.id for e in store_call(store.catalogue)} | {e.id for e in data.exercises}
        unknown = sorted({s.exercise_id for session in data.sessions for s in session.sets} - known)
        batch = start_batch(args, store, "json")
        merged = store_call(merge, store, data, batch.id)
        recorded = end_batch(store, batch)
    finally:
        store.close()
    print(
        f"Imported from {args.file}: {plural(merged.sessions, 'new session')} "
        f"({plural(merged.sets, 'set')}), {plural(merged.mesocycles, 'mesocycle')}, "
        f"{plural(merged.exercises, 'exercise')} of your own"
        + (f", {plural(merged.volume_targets, 'volume target')}" if merged.volume_targets else "")
        + (f", {plural(merged.settings, 'setting')}" if merged.settings else "")
        + (f", {plural(merged.bodyweights, 'bodyweight')}" if merged.bodyweights else "")
        + (
            f"; {plural(merged.skipped_sessions, 'session was', 'sessions were')} already there"
            if merged.skipped_sessions
            else ""
        )
        + "."
    )
    if recorded:
        print(recorded)
    if unknown:
        print(
            f"warning: sets refer to exercises this database does not know: "
            f"{', '.join(unknown[:10])}{' ...' if len(unknown) > 10 else ''}",
            file=sys.stderr,
        )
    return 0
