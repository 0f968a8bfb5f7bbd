"""`tui-tracker sessions` and `tui-tracker session ...`: list past sessions and fix one.

The same rules and writes as History in the TUI (past.py): a new date (moving every time
in the session with it), new start and end times, finishing an unfinished session,
resuming one of an earlier day (sets logged next join it), deleting one.  A session is
named by its id or the first characters of it (`sessions` prints 8, enough to be unique).
"""

from __future__ import annotations

import argparse
import sys

from .base import (
    CliError,
    clock_of,
    global_options,
    json_option,
    open_store,
    print_json,
    store_call,
    subcommand,
)

#: Characters of a session's id that `sessions` prints and that name it.
SHORT_ID = 8


def register(sub: argparse._SubParsersAction) -> None:
    p = subcommand(sub, "sessions", help="past sessions, newest first, with their ids")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="how many (default 20)")
    json_option(p)
    p.set_defaults(func=cmd_sessions)

    p = subcommand(sub, "session", help="fix a past session: date, times, finish, resume, delete")
    acts = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    a = acts.add_parser("date", help="move the session to another day (not after today)")
    a.add_argument("id")
    a.add_argument("date", metavar="YYYY-MM-DD")
    a = acts.add_parser("times", help="new start and end times (HH:MM)")
    a.add_argument("id")
    a.add_argument("start", metavar="START")
    a.add_argument(
        "end",
        metavar="END",
        nargs="?",
        default="",
        help="(leave out to keep an unfinished session open)",
    )
    a = acts.add_parser("finish", help="finish an unfinished session")
    a.add_argument("id")
    a.add_argument(
        "--end", metavar="HH:MM", help="when it ended (default: 5 minutes after its last set)"
    )
    a = acts.add_parser("resume", help="sets logged next join this unfinished session")
    a.add_argument("id")
    a = acts.add_parser("delete", help="delete the session and its sets")
    a.add_argument("id")
    a.add_argument("--yes", action="store_true", help="do not ask (needed in a script)")
    for action in acts.choices.values():
        global_options(action, top=False)
    p.set_defaults(func=cmd_session)


def _line(s, catalogue) -> str:
    from ..domain.sessions import set_counts

    until = f"{s.ended_at:%H:%M}" if s.ended_at else "unfinished"
    names = ", ".join((catalogue.get(e).name if catalogue.get(e) else e) for e in s.exercise_ids())
    return (
        f"{s.id[:SHORT_ID]}  {s.date.isoformat()}  {s.started_at:%H:%M}-{until:<10}  "
        f"{set_counts(s.sets).short:>7}  {names}"
    )


def cmd_sessions(args: argparse.Namespace) -> int:
    from ..domain.sessions import set_counts

    if args.limit < 1:
        raise CliError("--limit needs a number of sessions, 1 or more")
    store = open_store(args)
    sessions = store_call(store.recent_sessions, limit=args.limit)
    catalogue = store_call(store.catalogue)
    store.close()
    if args.json:
        print_json(
            [
                {
                    "id": s.id,
                    "date": s.date.isoformat(),
                    "started_at": s.started_at.isoformat(),
                    "ended_at": s.ended_at.isoformat() if s.ended_at else None,
                    "working_sets": set_counts(s.sets).working,
                    "warmups": set_counts(s.sets).warmups,
                    "exercises": [
                        catalogue.get(e).name if catalogue.get(e) else e for e in s.exercise_ids()
                    ],
                }
                for s in sessions
            ]
        )
        return 0
    if not sessions:
        print("No sessions yet.")
    for s in sessions:
        print(_line(s, catalogue))
    return 0


def _find(store, text: str):
    """The session whose id is `text` or starts with it; CliError when none or several."""
    text = text.strip().lower()
    if len(text) < 4:
        raise CliError(
            f"session id {text!r} is too short: give at least 4 of its characters "
            "(tui-tracker sessions lists them)"
        )
    exact = store_call(store.session, text)
    if exact is not None:
        return exact
    found = [s for s in store_call(store.recent_sessions, limit=1_000_000) if s.id.startswith(text)]
    if not found:
        raise CliError(f"there is no session {text!r} (tui-tracker sessions lists them)")
    if len(found) > 1:
        raise CliError(f"{text!r} starts {len(found)} session ids: give more of it")
    return found[0]


def _confirmed(question: str) -> bool:
    if not sys.stdin.isatty():
        raise CliError(f"{question} Refused without a terminal to ask in: add --yes")
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def cmd_session(args: argparse.Namespace) -> int:
    from ..domain.session_edits import default_end
    from ..domain.sessions import set_counts
    from ..past import Past

    store = open_store(args)
    try:
        session = _find(store, args.id)
        past = Past(store, clock_of(args).today())
        if args.action == "date":
            message = store_call(past.change_date, session, args.date).message
        elif args.action == "times":
            message = store_call(past.change_times, session, args.start, args.end).message
        elif args.action == "finish":
            end = args.end if args.end is not None else f"{default_end(session):%H:%M}"
            message = store_call(past.finish, session, end).message
        elif args.action == "resume":
            message = store_call(past.resume, session)
        else:
            question = (
                f"Delete the session of {session.date:%a %d %b %Y} ({set_counts(session.sets)})?"
            )
            if not args.yes and not _confirmed(question):
                print("Nothing deleted.")
                return 1
            message = store_call(past.delete_session, session).message.replace(
                " Press u to undo.", ""
            )
    finally:
        store.close()
    print(message)
    return 0
