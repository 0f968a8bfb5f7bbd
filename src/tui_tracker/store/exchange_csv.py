"""The CSV export: one row per set, for a spreadsheet (it is not read back).

A text cell that would start a formula there is neutralised (`spreadsheet_cell`).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING
from collections.abc import Iterable

from ..domain.models import Session
from .exchange_types import session_key

if TYPE_CHECKING:
    from ..domain.catalogue import Catalogue

CSV_COLUMNS = (
    "date",
    "session_id",
    "exercise",
    "exercise_id",
    "kind",
    "weight",
    "unit",
    "weight_kg",
    "reps",
    "rir",
    "time",
    "note",
    "superset",
    "duration_s",
    "distance_m",
)


def _number(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text or "0"


#: How a cell a spreadsheet would run as a formula starts (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    """A text cell that a spreadsheet shows as text: one that starts like a formula
    (`=HYPERLINK(...)`, `+cmd|...`, `@SUM`) gets a leading single quote, as OWASP advises.
    Only text cells go through here: numbers stay numbers."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_rows(sessions: Iterable[Session], catalogue: Catalogue) -> Iterable[list[str]]:
    """One row per set (warm-ups included), oldest session first, sets in order."""
    cell = spreadsheet_cell
    for session in sorted(sessions, key=session_key):
        for s in session.sets:
            ex = catalogue.get(s.exercise_id)
            yield [
                session.date.isoformat(),
                cell(session.id),
                cell(ex.name if ex else s.exercise_id),
                cell(s.exercise_id),
                s.kind,
                _number(s.weight),
                s.unit,
                _number(s.weight_kg),
                str(s.reps),
                "" if s.rir is None else str(s.rir),
                s.at.strftime("%H:%M:%S"),
                cell(s.note),
                cell(s.superset or ""),
                "" if s.duration_s is None else str(s.duration_s),
                "" if s.distance_m is None else _number(s.distance_m),
            ]


def csv_text(sessions: Iterable[Session], catalogue: Catalogue) -> str:
    """The CSV export: a header row, then a row per set; RFC 4180 (CRLF, quoted as needed)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(sessions, catalogue))
    return out.getvalue()
