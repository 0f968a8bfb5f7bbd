"""Importing history from other apps' CSV exports (Strong, Hevy) as our sessions.

Pure functions of the file's text: the caller reads the file, passes the
catalogue and the lifter's time zone, and stores what comes back.  Ids are
derived from the file's content, so importing the same file twice gives the
same sessions and the caller can skip the ones it already has.
"""

from .common import ImportFormatError, ImportResult, RowError, rpe_to_rir
from .hevy import parse_hevy
from .strong import parse_strong

__all__ = ["ImportFormatError", "ImportResult", "RowError", "parse_hevy", "parse_strong",
           "rpe_to_rir"]
