"""Importing history from other apps' CSV exports (Strong, Hevy, FitNotes) as our sessions.

Pure functions of the file's text: the caller reads the file, passes the
catalogue and the lifter's time zone, and stores what comes back.  Ids are
derived from the file's content, so importing the same file twice gives the
same sessions and the caller can skip the ones it already has.

For files of any size, `strong_reader` / `hevy_reader` give the rows one at a
time and `RowReader.assemble` makes sessions of a batch of them (a month), so
the caller never holds the whole file; `parse_strong` / `parse_hevy` do it all
at once.
"""

from .common import rpe_to_rir
from .fitnotes import FitNotesReader, fitnotes_reader, parse_fitnotes
from .hevy import HevyReader, hevy_reader, parse_hevy
from .results import ImportFormatError, ImportResult, RowError
from .rows import RowReader, SetRow, assemble
from .strong import StrongReader, parse_strong, strong_reader

__all__ = [
    "FitNotesReader",
    "HevyReader",
    "ImportFormatError",
    "ImportResult",
    "RowError",
    "RowReader",
    "SetRow",
    "StrongReader",
    "assemble",
    "fitnotes_reader",
    "hevy_reader",
    "parse_fitnotes",
    "parse_hevy",
    "parse_strong",
    "rpe_to_rir",
    "strong_reader",
]
