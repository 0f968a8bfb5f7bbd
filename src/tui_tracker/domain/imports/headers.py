"""Strong's CSV header in the app's language: German read as English, others refused
with what to do.

Strong names its columns in the language the phone's app is set to.  German files
(`Datum;Workout-Name;Name der Übung;...`, semicolons, decimal commas) are read by
renaming their columns to the English ones the reader knows.  Only the first five
German names are attested in public test data (`Datum;Workout-Name;Name der Übung;
Gewicht;Wiederh.`); the others are the app's German wording as far as it can be
derived, with the spellings a translator might have chosen, so each column has a few
accepted names.  A Strong file in another language is refused, saying to export again
with the app set to English.
"""

from __future__ import annotations

from .results import ImportFormatError
from .rules import wrong_app

#: German column name (as header_key makes it) -> the English one.
GERMAN: dict[str, str] = {
    "datum": "date",
    "workout-name": "workout name",
    "workoutname": "workout name",
    "name des workouts": "workout name",
    "trainingsname": "workout name",
    "training": "workout name",
    "workout #": "workout #",
    "workout-nr.": "workout #",
    "workout nr.": "workout #",
    "training #": "workout #",
    "training-nr.": "workout #",
    "dauer": "duration",
    "workout-dauer": "duration",
    "dauer (sek)": "duration (sec)",
    "dauer (sek.)": "duration (sec)",
    "dauer (sekunden)": "duration (sec)",
    "name der übung": "exercise name",
    "übungsname": "exercise name",
    "übung": "exercise name",
    "satzreihenfolge": "set order",
    "satz-reihenfolge": "set order",
    "reihenfolge der sätze": "set order",
    "satzfolge": "set order",
    "satznummer": "set order",
    "satz": "set order",
    "reihenfolge": "set order",
    "gewicht": "weight",
    "gewicht (kg)": "weight (kg)",
    "gewicht (lbs)": "weight (lbs)",
    "gewicht (lb)": "weight (lbs)",
    "gewicht (pfund)": "weight (lbs)",
    "gewichtseinheit": "weight unit",
    "einheit": "weight unit",
    "wiederh.": "reps",
    "wiederh": "reps",
    "wiederholungen": "reps",
    "wdh.": "reps",
    "wdh": "reps",
    "entfernung": "distance",
    "distanz": "distance",
    "strecke": "distance",
    "entfernung (meter)": "distance (meters)",
    "distanz (meter)": "distance (meters)",
    "entfernungseinheit": "distance unit",
    "distanzeinheit": "distance unit",
    "sekunden": "seconds",
    "zeit (sekunden)": "seconds",
    "notizen": "notes",
    "notiz": "notes",
    "anmerkungen": "notes",
    "workout-notizen": "workout notes",
    "workout notizen": "workout notes",
    "workoutnotizen": "workout notes",
    "trainingsnotizen": "workout notes",
    "rpe": "rpe",
}

#: What Strong's two key columns are called in English, as the reader needs them.
_KEY_COLUMNS = ("date", "exercise name")

#: The first column of a Strong export ("Date") in languages Strong is offered in.
_DATE_WORDS = frozenset(
    {
        "date",
        "datum",
        "fecha",
        "data",
        "dato",
        "päivämäärä",
        "päiväys",
        "дата",
        "日付",
        "日期",
        "날짜",
        "tarih",
        "datas",
        "ngày",
        "วันที่",
        "tanggal",
        "תאריך",
        "التاريخ",
    }
)


def strong_columns(columns: dict[str, int]) -> dict[str, int]:
    """`columns` (header_key name -> index) with German names renamed to English ones.

    Raises ImportFormatError when the header is a Strong export's in another language:
    the key columns missing from a header that starts with a date column in some
    language, or has Strong's RPE column.
    """
    renamed: dict[str, int] = {}
    for name, index in sorted(columns.items(), key=lambda item: item[1]):
        renamed.setdefault(GERMAN.get(name, name), index)
    if all(key in renamed for key in _KEY_COLUMNS):
        return renamed
    first = min(columns.items(), key=lambda item: item[1])[0] if columns else ""
    hevy = "exercise_title" in columns or "start_time" in columns
    if "exercise" in columns and "category" in columns:
        raise wrong_app("FitNotes", "Strong")
    if not hevy and (first in _DATE_WORDS or "rpe" in columns):
        raise ImportFormatError(
            "this looks like a Strong export in a language tui-tracker does not read (it reads "
            "English and German): set the Strong app's language to English (or German), "
            "export again, and import that file"
        )
    return columns


def app_of_header(line: str) -> str | None:
    """The app whose CSV export starts with this line ("strong", "hevy", "fitnotes"), or
    None: for a file given to the wrong import, to say which one it needs."""
    import csv

    from .table import header_key

    line = line.lstrip("\ufeff")
    delimiter = ";" if line.count(";") > line.count(",") else ","
    try:
        cells = next(csv.reader([line], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return None
    columns = {header_key(cell): i for i, cell in enumerate(cells)}
    if "exercise_title" in columns and "start_time" in columns:
        return "hevy"
    if "exercise" in columns and "category" in columns:
        return "fitnotes"
    renamed = {GERMAN.get(name, name) for name in columns}
    if {"exercise name", "set order"} <= renamed:
        return "strong"
    return None
