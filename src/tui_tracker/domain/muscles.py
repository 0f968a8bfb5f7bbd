"""The muscle groups weekly volume is counted for.

The ids are part of the data format and the `volume --json` output: do not rename.
"""

from __future__ import annotations

MUSCLES: tuple[str, ...] = (
    "chest",
    "back",
    "traps",
    "front_delts",
    "side_delts",
    "rear_delts",
    "biceps",
    "triceps",
    "forearms",
    "abs",
    "quads",
    "hamstrings",
    "glutes",
    "calves",
)

MUSCLE_LABELS: dict[str, str] = {m: m.replace("_", " ").capitalize() for m in MUSCLES}


def check_muscles(muscles: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Return the muscles as a tuple, or raise ValueError naming the unknown one."""
    for m in muscles:
        if m not in MUSCLES:
            raise ValueError(f"unknown muscle {m!r}; known: {', '.join(MUSCLES)}")
    return tuple(muscles)
