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
    """Return the muscles as a tuple, or raise ValueError naming the unknown one or the
    one listed twice (a set counts once for a muscle, so a repeat can only be a typo)."""
    seen: set[str] = set()
    for m in muscles:
        if m not in MUSCLES:
            raise ValueError(f"unknown muscle {m!r}; known: {', '.join(MUSCLES)}")
        if m in seen:
            raise ValueError(f"{m} is listed twice: list each muscle once")
        seen.add(m)
    return tuple(muscles)


def check_primary_secondary(
    primary: tuple[str, ...] | list[str], secondary: tuple[str, ...] | list[str]
) -> None:
    """Raise ValueError unless each muscle is known and listed once across both lists.

    A muscle is primary (a set counts 1 for it) or secondary (0.5), never both.
    """
    check_muscles(primary)
    check_muscles(secondary)
    for m in secondary:
        if m in primary:
            raise ValueError(
                f"{m} is both a primary and a secondary muscle: list it once "
                "(as primary, each set counts fully for it)"
            )


def distinct_muscles(
    primary: tuple[str, ...] | list[str], secondary: tuple[str, ...] | list[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lists with repeats dropped: the first listing is kept, and a secondary muscle
    that is also primary goes.  For exercises stored before repeats were refused."""
    first = tuple(dict.fromkeys(primary))
    return first, tuple(m for m in dict.fromkeys(secondary) if m not in first)
