"""`tui-tracker status`: the active block, week N of M, this week's target RIR, today's
planned day, and whether a deload is due (the rules are the domain's: mesocycle.py,
deload.py)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from .base import clock_of, json_option, open_store, print_json, store_call, subcommand


def register(sub: argparse._SubParsersAction) -> None:
    status = subcommand(sub, "status", help="active mesocycle, week N of M, target RIR, deload due")
    json_option(status)
    status.set_defaults(func=cmd_status)


def block_status(store, today: date) -> dict[str, Any]:
    """Where the lifter is: the shape `status --json` prints."""
    from ..domain.deload import deload_decision, next_block_due
    from ..domain.mesocycle import (
        active_mesocycle,
        is_postponed,
        phase,
        plan_week,
        planned_day,
        postponement_end,
        week_label,
        week_number,
    )
    from ..domain.rir_targets import week_target_rir

    meso = active_mesocycle(store.mesocycles(), today)
    if meso is None:
        return {
            "today": today.isoformat(),
            "mesocycle": None,
            "week": None,
            "weeks": None,
            "label": None,
            "phase": None,
            "plan_week": None,
            "target_rir": None,
            "planned_today": None,
            "deload_due": False,
            "deload_reason": None,
            "deload_start": None,
            "postponed_until": None,
            "next_block_due": False,
            "message": "No mesocycle running.",
            "evidence": None,
            "warnings": [],
        }
    sessions = store.sessions_between(meso.start, today)
    decision = deload_decision(meso, sessions, store.catalogue().get, today)
    p = phase(meso, today)
    week = week_number(meso, today)
    target = week_target_rir(meso, today)
    day = planned_day(meso, today)
    return {
        "today": today.isoformat(),
        "mesocycle": {
            "id": meso.id,
            "name": meso.name,
            "start": meso.start.isoformat(),
            "weeks": meso.weeks,
        },
        "week": week,
        "weeks": meso.weeks,
        "label": week_label(meso, today),
        "phase": p,
        "plan_week": plan_week(meso, today),
        "target_rir": target,
        "planned_today": day.name if day else None,
        "deload_due": decision.due,
        "deload_reason": decision.reason,
        "deload_start": meso.deload_start.isoformat() if meso.deload_start else None,
        "postponed_until": (
            postponement_end(meso).isoformat()  # type: ignore[union-attr]
            if is_postponed(meso, today)
            else None
        ),
        "next_block_due": next_block_due(meso, today),
        "message": decision.message,
        "evidence": decision.evidence or None,
        "warnings": list(decision.warnings),
    }


def cmd_status(args: argparse.Namespace) -> int:
    store = open_store(args)
    info = store_call(block_status, store, clock_of(args).today())
    store.close()
    if args.json:
        print_json(info)
        return 0
    if info["mesocycle"] is None:
        print("No mesocycle running; start one with: tui-tracker meso new --weeks 5")
        return 0
    print(f"{info['mesocycle']['name']}: {info['label']}")
    if info["target_rir"] is not None:
        from ..domain.effort import week_target_text

        last = info["plan_week"] == info["weeks"]
        print(f"Target RIR this week: {week_target_text(info['target_rir'], last)}")
    if info["next_block_due"]:
        print(
            "Today: no plan: the block is done (tui-tracker meso next starts the next one, "
            "meso end closes it)"
        )
    elif info["phase"] == "before":
        print(f"Today: nothing planned yet: the block starts {info['mesocycle']['start']}")
    else:
        print(f"Today: {info['planned_today'] or 'rest day (no training day planned)'}")
    print(("DELOAD DUE: " if info["deload_due"] else "") + info["message"])
    if info["evidence"]:
        print(f"  {info['evidence']}")
    for w in info["warnings"]:
        print(f"  warning: {w}")
    return 0
