"""The `tui-tracker` command: parse the command line and dispatch.

Each group of subcommands lives in its own module under `commands/` and registers
its parsers there; this module only builds the top parser and routes.  Bad input
anywhere gives one line on stderr and exit code 2, a database that cannot be read
exit code 3.  Textual is imported only when the TUI starts, so subcommands start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from . import __version__
from .commands.base import (
    EXIT_BAD_INPUT,
    EXIT_STORE,
    CliError,
    Parser,
    RawDescriptionFormatter,
    global_options,
)
from .commands.tui import THEMES
from .domain.inputs import InputError
from .domain.text import escape_controls

#: Commands that own the terminal and style their own output (Textual, textual-serve's
#: logging): their streams are left as they are.
TERMINAL_OWNERS = (None, "serve")


class VisibleText:
    """A text stream that shows control characters instead of sending them.

    The one choke point for what the CLI prints: names and notes are clean when the
    domain builds them, but a file name, an argument echoed in an error or a database
    written by hand can still hold ESC, and `print` would pass it to the terminal.  Each
    control character but LF and tab is written as `\\uXXXX` (in JSON output that is
    the same character, so it stays valid JSON).  A CR that starts or ends a write (the
    progress bar redrawing its line) or comes before a LF is kept.  Bytes written to
    `.buffer` (the export's payload) are data and pass as they are.
    """

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        head = "\r" if text.startswith("\r") else ""
        tail = "\r" if text.endswith("\r") and len(text) > len(head) else ""
        body = text[len(head) : len(text) - len(tail)]
        # CRLF ends a line (the CSV export on a text-only stdout): it stays too.
        body = "\r\n".join(escape_controls(part) for part in body.split("\r\n"))
        self._stream.write(head + body + tail)
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


EXIT_CODES = """exit codes:
  0    done
  1    nothing done because you said no (meso new over a running block)
  2    bad input: a typo, a value out of range, an unknown exercise; nothing was written
  3    the database or settings file cannot be read or written (damaged, newer, busy, full)
  129  the terminal hung up (the app saved every set before it left)
  130  interrupted (Ctrl+C)
  141  the reader of the output left (tui-tracker exercises | head)"""


def _top_parser() -> argparse.ArgumentParser:
    """The options of the TUI itself (and the global ones every subcommand takes too)."""
    p = Parser(
        prog="tui-tracker",
        description="A terminal training log for lifters.",
        epilog=EXIT_CODES,
        formatter_class=RawDescriptionFormatter,
    )
    p.add_argument("--version", action="version", version=f"tui-tracker {__version__}")
    global_options(p, top=True)
    p.add_argument(
        "--no-mouse",
        action="store_true",
        help="turn off mouse reporting (it floods a slow SSH link)",
    )
    p.add_argument(
        "--theme",
        metavar="NAME",
        help="colour theme: " + ", ".join(THEMES) + " (ansi-dark and ansi-light use "
        "the terminal's own 16 colours)",
    )
    return p


def _groups():
    """The subcommand modules, in the order `--help` lists them (imported lazily)."""
    from .commands import (
        bodyweight,
        completion,
        config,
        day,
        demo,
        exercises,
        export,
        imports,
        log,
        meso,
        plates,
        prs,
        serve,
        sessions,
        status,
        suggest,
        targets,
        transfer,
        volume,
    )

    return (
        log,
        bodyweight,
        day,
        suggest,
        prs,
        volume,
        targets,
        exercises,
        plates,
        meso,
        status,
        sessions,
        serve,
        transfer,
        export,
        imports,
        demo,
        config,
        completion,
    )


def build_parser() -> argparse.ArgumentParser:
    p = _top_parser()
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in _groups():
        group.register(sub)
    return p


def _parse(args_list: list[str]) -> argparse.Namespace:
    """Parse the command line; starting the TUI skips building every subcommand's parser
    (12 ms of its start-up on a 2-core box)."""
    if "_ARGCOMPLETE" in os.environ:  # a shell's completion script asks what may come next
        from .commands import completion

        completion.complete(build_parser())
    if not any(a in ("-h", "--help") for a in args_list):
        args, rest = _top_parser().parse_known_args(args_list)
        if not rest:
            args.command = None
            return args
    return build_parser().parse_args(args_list)


def main(argv: Sequence[str] | None = None) -> int:
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleText(sys.stdout), VisibleText(sys.stderr)
    try:
        return _run(list(sys.argv[1:] if argv is None else argv), streams)
    finally:
        sys.stdout, sys.stderr = streams


def _run(args_list: list[str], streams) -> int:
    try:
        args = _parse(args_list)
        if args.command in TERMINAL_OWNERS:
            sys.stdout, sys.stderr = streams
        if args.command is None:
            from .commands.tui import run_tui

            return run_tui(args)
        return args.func(args)
    except CliError as e:
        print(f"tui-tracker: error: {e}", file=sys.stderr)
        return e.code
    except InputError as e:
        print(f"tui-tracker: error: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `tui-tracker exercises | head`: the reader left; say nothing more, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as e:  # a store error from any read: one line, exit 3, never a traceback
        from .store import StoreError

        if not isinstance(e, StoreError):
            raise
        print(f"tui-tracker: error: {e}", file=sys.stderr)
        return EXIT_STORE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
