"""`tui-tracker demo`: a database with a realistic lifter in it, to see the app alive.

Thin: the lifter is the domain's (domain/demo.py); this module picks the
database, refuses to write over one that holds training data (unless
--force), stores the demo and says what it made.
"""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from .base import CliError, clock_of, date_arg, open_store, store_call

DEMO_FILENAME = "demo.json"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="fill a database with a realistic lifter, to try the app")
    # Like global_options, but --db names the demo's database, whose default is not the log.
    p.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"database to fill (default: {DEMO_FILENAME} in your data folder, "
        "never your training log)",
    )
    p.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=date_arg,
        default=argparse.SUPPRESS,
        help="the demo's today: the current block is in week 4 on it",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="replace everything in a database that already holds training data",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="N",
        help="another seed gives another lifter (default: 1)",
    )
    p.set_defaults(func=cmd_demo)


def demo_path(db: str | None) -> Path:
    """--db if given, else demo.json beside the default database (never $TUI_TRACKER_DB)."""
    from ..store import default_db_path, resolve_db_path

    if db is not None and db.strip():
        return resolve_db_path(db)
    return default_db_path().with_name(DEMO_FILENAME)


def cmd_demo(args: argparse.Namespace) -> int:
    from ..domain.demo import demo_lifter
    from ..domain.mesocycle import WEEKDAYS, week_label
    from ..store import exchange
    from .transfer import local_zone

    path = demo_path(getattr(args, "db", None))
    today = clock_of(args).today()
    lifter = demo_lifter(today, tz=local_zone(), seed=args.seed)  # built before anything is opened

    store = open_store(argparse.Namespace(db=str(path)))
    replaced = False
    if not store_call(exchange.is_empty, store):
        if not args.force:
            sessions = len(store_call(exchange.all_sessions, store))
            mesos = len(store_call(store.mesocycles))
            store.close()
            held = (
                f"{sessions} session{'s' * (sessions != 1)}, {mesos} mesocycle{'s' * (mesos != 1)}"
            )
            raise CliError(
                f"{path} already holds training data ({held}): the demo never writes "
                "over it; give another --db PATH, or add --force to replace all of it "
                "with the demo"
            )
        store_call(exchange.clear, store)
        replaced = True
    store_call(store.save_mesocycles, lifter.mesocycles)
    store_call(store.import_sessions, lifter.sessions)
    store.close()

    first, current = lifter.mesocycles
    db = f"--db {shlex.quote(str(path))}"
    if getattr(args, "today", None) is not None:
        db += f" --today {today.isoformat()}"
    days = "/".join(WEEKDAYS[d.weekday] for d in current.days)
    print(("Replaced everything in" if replaced else "Wrote a demo lifter to") + f" {path}:")
    print(
        f"  {first.name}: {first.weeks} weeks from {first.start:%a %d %b %Y}, deload week, finished"
    )
    print(
        f"  {current.name}: from {current.start:%a %d %b %Y}, "
        f"{week_label(current, today).lower()} as of {today.isoformat()}"
    )
    print(
        f"  {len(lifter.sessions)} sessions, {lifter.sets} sets "
        f"({lifter.warmups} of them warm-ups), {days}, up to yesterday"
    )
    print("See it:")
    print(f"  tui-tracker {db}")
    print(f"  tui-tracker {db} status")
    print(f"  tui-tracker {db} volume")
    return 0
