"""What every subcommand shares: one-line errors, --db/--today, opening the store.

Subcommands live one module per group in this package and register themselves
on the parser (`register(sub)`), each parser carrying its handler as `func`.
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date

from ..clock import Clock
from ..domain.inputs import InputError, parse_date

EXIT_BAD_INPUT = 2
EXIT_STORE = 3


#: A run of this many characters without a space is something pasted or generated (5,000
#: zeros), not a word: the message shows its ends and its length, not all of it.
_LONG_RUN = re.compile(r"\S{200,}")


def _clipped(message: str) -> str:
    def clip(m: re.Match[str]) -> str:
        run = m.group()
        return f"{run[:60]}...{run[-20:]} ({len(run)} characters)"

    return _LONG_RUN.sub(clip, message)


class CliError(Exception):
    """A one-line message for stderr; exit code 2 unless said otherwise.

    Whatever the lifter typed is echoed in the message, but never 5,000 characters of it.
    """

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(_clipped(message))
        self.code = code


class _HelpFormatter(argparse.HelpFormatter):
    """Help lines wrap between words only: a name like rose-pine-dawn stays whole."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        import textwrap

        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


class RawDescriptionFormatter(argparse.RawDescriptionHelpFormatter, _HelpFormatter):
    """The description and epilog as written (a table of exit codes), help lines wrapped
    between words only, like every other parser's."""


class Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{message} (see {self.prog} --help)")


def date_arg(text: str) -> date:
    try:
        return parse_date(text)
    except InputError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """--db and --today, accepted before the subcommand (and, for comfort, after it)."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="database file (default: $TUI_TRACKER_DB, else your data folder)",
    )
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=date_arg,
        default=default,
        help="treat this date as today (backfill a missed session)",
    )


def subcommand(sub: argparse._SubParsersAction, name: str, **kwargs) -> argparse.ArgumentParser:
    """A subcommand's parser (`kwargs` as for add_parser), taking --db and --today after
    the subcommand too: every subcommand accepts them there."""
    parser = sub.add_parser(name, **kwargs)
    global_options(parser, top=False)
    return parser


def json_option(parser: argparse.ArgumentParser) -> None:
    """`--json`, the same on every command that can print for a program."""
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def plural(n: int, word: str, words: str | None = None) -> str:
    """'1 set', '12,000 sets'; `words` where the plural is not word + s ('sessions were')."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def shown(text: str) -> str:
    """A name or a file's name from a file or the database, safe to print on one line
    (its control characters escaped)."""
    from ..domain.text import escape_controls

    return escape_controls(text, keep="")


def print_json(data: object) -> None:
    """What `--json` prints: the data, indented two spaces."""
    print(json.dumps(data, indent=2))


#: Subcommands that serve the app to lifters (the TUI itself passes create=True).
APP_COMMANDS = ("serve",)


def open_store(args: argparse.Namespace, *, create: bool = False):
    """The store named by --db / $TUI_TRACKER_DB / the data folder; errors become one line.

    Nothing is created until the command writes, so a command that only reads, or is
    refused, leaves no database, lock or folder behind.  The app and `serve` (`create`,
    APP_COMMANDS) are opened for the lifter to write to: they create it at once, so a
    folder that cannot be written is said before the first set, not after it.  A path
    that cannot name a file is bad input (exit 2); what is on disk there, a file problem (3).
    """
    from ..store import Store, StoreError, resolve_db_path
    from ..store.paths import DatabasePathError

    create = create or getattr(args, "command", None) in APP_COMMANDS
    try:
        return Store(resolve_db_path(getattr(args, "db", None)), create=create)
    except DatabasePathError as e:
        raise CliError(str(e)) from None
    except StoreError as e:
        raise CliError(str(e), EXIT_STORE) from None


def clock_of(args: argparse.Namespace) -> Clock:
    return Clock(getattr(args, "today", None))


def store_call(fn, *a, **kw):
    from ..store import StoreError

    try:
        return fn(*a, **kw)
    except StoreError as e:
        raise CliError(str(e), EXIT_STORE) from None


def find_exercise(catalogue, name: str):
    """The exercise `name` means: its name, an alias, or a short name with one clear best
    match (`curl`, `lat pull`); else a one-line refusal naming the candidates or the
    closest spellings.  The output's first line names the exercise chosen."""
    exercise = catalogue.best_match(name)
    if exercise is not None:
        return exercise
    candidates = catalogue.search(name, limit=4, loose=False)
    if candidates:
        shown = ", ".join(e.name for e in candidates[:3]) + (", ..." if len(candidates) > 3 else "")
        raise CliError(
            f"{name!r} could be several exercises: {shown}; give more of the name "
            "(list them with: tui-tracker exercises)"
        )
    hints = ", ".join(e.name for e in catalogue.closest(name, 3))
    hint = f"; did you mean: {hints}?" if hints else ""
    raise CliError(f"unknown exercise {name!r}{hint} (list them with: tui-tracker exercises)")
