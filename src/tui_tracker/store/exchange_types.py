"""The export's shapes, shared by every part of the exchange (see exchange.py).

`Exchange` is everything a training log holds, as domain objects; `ExchangeError`
is what every part raises when a file cannot be used.  Kept apart so the parts
(export, import, CSV, files) depend on it and not on each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..domain.bodyweight import Bodyweight
from ..domain.mesocycle import Mesocycle
from ..domain.models import Exercise, Session

FORMAT = "tui-tracker-export"
FORMAT_VERSION = 2


class ExchangeError(ValueError):
    """A file to import or export cannot be used; str() is one line saying why."""


@dataclass(frozen=True)
class Exchange:
    """Everything a training log holds, as domain objects."""

    exercises: tuple[Exercise, ...] = ()
    sessions: tuple[Session, ...] = ()
    mesocycles: tuple[Mesocycle, ...] = ()
    volume_targets: dict[str, tuple[int, int]] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    bodyweights: tuple[Bodyweight, ...] = ()


def session_key(s: Session) -> tuple[date, float, str]:
    """Sessions in the order they were trained: date, start, id."""
    return (s.date, s.started_at.timestamp(), s.id)
