"""`tui-tracker volume`: hard sets per muscle in a week, against each muscle's band."""

from __future__ import annotations

import argparse

from .base import CliError, clock_of, json_option, open_store, print_json, subcommand


def register(sub: argparse._SubParsersAction) -> None:
    vol = subcommand(sub, "volume", help="hard sets per muscle this week")
    vol.add_argument(
        "--week", metavar="YYYY-Www", help="ISO week, e.g. 2026-W47 (default: this week)"
    )
    json_option(vol)
    vol.set_defaults(func=cmd_volume)


def cmd_volume(args: argparse.Namespace) -> int:
    from ..domain.muscles import MUSCLE_LABELS
    from ..domain.volume import IsoWeek, warn_single_session, weekly_sets

    today = clock_of(args).today()
    try:
        week = IsoWeek.parse(args.week) if args.week else IsoWeek.of(today)
    except ValueError as e:
        raise CliError(str(e)) from None
    store = open_store(args)
    sessions = store.sessions_between(week.monday, week.sunday)
    volume = weekly_sets(sessions, week, store.catalogue().get, store.volume_targets())
    store.close()
    # From the week's Sunday on, as on the dashboard: before it, a muscle trained once so
    # far may still get its second session.
    week_over = today >= week.sunday
    if args.json:
        out = {
            "week": str(week),
            "week_over": week_over,
            "muscles": {
                m: {
                    "sets": v.sets,
                    "sessions": v.sessions,
                    "target": list(v.target),
                    "status": v.status,
                    "single_session": v.single_session,
                    "split_advised": v.split_advised,
                }
                for m, v in volume.items()
            },
        }
        print_json(out)
        return 0
    print(f"Hard sets per muscle, week {week} ({week.monday:%a %d %b} - {week.sunday:%a %d %b %Y})")
    print(f"{'muscle':<12} {'sets':>5} {'sessions':>8}  {'target':<7} status")
    for m, v in volume.items():
        flag = "  (1 session: split it over two)" if warn_single_session(v, week, today) else ""
        print(
            f"{MUSCLE_LABELS[m]:<12} {v.sets:>5.1f} {v.sessions:>8}  "
            f"{v.target[0]}-{v.target[1]:<4} {v.status}{flag}"
        )
    return 0
