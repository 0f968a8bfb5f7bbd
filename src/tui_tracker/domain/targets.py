"""Weekly hard-set targets per muscle: the defaults, why each, and the lifter's own.

The evidence: "For trained individuals, a weekly set volume of 10 to 16 sets per
muscle group, split across two sessions, appears to be a productive range."  It
names no muscle, so which muscles the band is applied to is the app's call:

* 10-16 for the muscles a plan trains directly: chest, back, side delts, biceps,
  triceps, quads, hamstrings, glutes and calves (calves get nothing from compounds
  as the app counts them, so they need their own sets).
* 0-16 for muscles trained mostly as secondary movers in compounds: front delts
  (every press), rear delts (every row), traps and forearms (deadlifts, rows, curls,
  carries), abs (bracing in squats and hinges, which the app does not count as abs
  sets at all).  The app counts a secondary muscle at half a set, so a sound plan
  shows them well under 10 week after week; flagging them "below" every week would
  only push direct sets that mostly add fatigue.  No minimum is flagged; more than
  16 still is.  Add direct work for them when they are a priority, and raise the band.

The lifter can set any muscle's band (`tui-tracker targets set`, the dashboard's
Volume tab); the store keeps those, and these defaults fill the rest.
"""

from __future__ import annotations

from types import MappingProxyType
from collections.abc import Mapping

from .muscles import MUSCLE_LABELS, MUSCLES

Band = tuple[int, int]

#: The evidence's weekly range per muscle group, for trained lifters.
EVIDENCE_BAND: Band = (10, 16)
#: Muscles trained mostly through compounds: no minimum, the same ceiling.
THROUGH_COMPOUNDS_BAND: Band = (0, EVIDENCE_BAND[1])
THROUGH_COMPOUNDS: tuple[str, ...] = ("front_delts", "rear_delts", "traps", "forearms", "abs")
#: Most weekly hard sets a band may name (far past any productive volume).
MAX_WEEKLY_SETS = 60

DEFAULT_TARGETS: Mapping[str, Band] = MappingProxyType(
    {m: THROUGH_COMPOUNDS_BAND if m in THROUGH_COMPOUNDS else EVIDENCE_BAND for m in MUSCLES}
)

WHY_EVIDENCE_BAND = (
    "10-16 hard sets a week, split over two sessions: the evidence's productive "
    "range for trained lifters"
)
WHY_THROUGH_COMPOUNDS = {
    "front_delts": "trained in every press (the app counts half a set)",
    "rear_delts": "trained in every row (the app counts half a set)",
    "traps": "trained in deadlifts, rows and carries (the app counts half a set)",
    "forearms": "trained by every grip in deadlifts, rows and curls (half a set)",
    "abs": "braced in every squat and hinge (the app counts no abs sets for them)",
}


def default_reason(muscle: str) -> str:
    """Why the muscle's default band is what it is (one line)."""
    if muscle in WHY_THROUGH_COMPOUNDS:
        return (
            f"0-16: {WHY_THROUGH_COMPOUNDS[muscle]}; direct sets are optional, so no "
            "minimum is flagged (the app's call: the evidence names no muscle)"
        )
    return WHY_EVIDENCE_BAND


def check_band(muscle: str, low: int, high: int) -> Band:
    """A band the lifter may set: whole sets, 0 <= low <= high <= 60; ValueError otherwise."""
    if muscle not in MUSCLES:
        raise ValueError(f"unknown muscle {muscle!r}; known: {', '.join(MUSCLES)}")
    for v in (low, high):
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValueError("a band is whole numbers of sets, like 10-16")
    if not 0 <= low <= high <= MAX_WEEKLY_SETS:
        raise ValueError(
            f"a band needs 0 <= low <= high <= {MAX_WEEKLY_SETS} sets a week, "
            f"low first (got {low}-{high})"
        )
    return low, high


def parse_band(muscle: str, text: str) -> Band:
    """'12-18' (spaces allowed) for `muscle`; ValueError with the reason otherwise."""
    low_text, dash, high_text = text.strip().partition("-")
    low_text, high_text = low_text.strip(), high_text.strip()
    if (
        not dash
        or not low_text.isdigit()
        or not high_text.isdigit()
        or not (low_text + high_text).isascii()
        or len(low_text + high_text) > 6
    ):
        shown = text if len(text) <= 20 else text[:20] + "..."
        raise ValueError(f"a band is LOW-HIGH sets a week, like 10-16, not {shown!r}")
    return check_band(muscle, int(low_text), int(high_text))


def parse_muscle(text: str) -> str:
    """A muscle id from what a lifter types: 'front_delts', 'front delts', 'Front-Delts'."""
    key = "_".join(text.strip().casefold().replace("-", " ").split())
    if key in MUSCLES:
        return key
    by_label = {MUSCLE_LABELS[m].casefold(): m for m in MUSCLES}
    if text.strip().casefold() in by_label:
        return by_label[text.strip().casefold()]
    shown = text if len(text) <= 20 else text[:20] + "..."
    raise ValueError(f"unknown muscle {shown!r}; known: {', '.join(MUSCLES)}")


def is_default(muscle: str, band: Band) -> bool:
    return DEFAULT_TARGETS[muscle] == tuple(band)
