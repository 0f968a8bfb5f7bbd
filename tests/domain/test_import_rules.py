"""The row rules the three imports share (domain/imports/rules.py): the same refusal of
another app's file and of a header without its key columns, and the same skip rule,
whichever app's import meets them."""

import pytest

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.imports import (
    ImportFormatError,
    parse_fitnotes,
    parse_hevy,
    parse_strong,
)

from tests.conftest import TZ

CAT = Catalogue()
STRONG = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes"
HEVY = '"title","start_time","end_time","exercise_title","set_type","weight_kg","reps"'
FITNOTES = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment"
PARSE = {
    "Strong": lambda text: parse_strong(text, catalogue=CAT, unit="kg", tz=TZ),
    "Hevy": lambda text: parse_hevy(text, catalogue=CAT, tz=TZ),
    "FitNotes": lambda text: parse_fitnotes(text, catalogue=CAT, tz=TZ),
}
HEADERS = {"Strong": STRONG, "Hevy": HEVY, "FitNotes": FITNOTES}


@pytest.mark.parametrize(
    "wanted,found",
    [(w, f) for w in PARSE for f in HEADERS if w != f],
)
def test_another_apps_file_is_refused_naming_the_import_it_needs(wanted, found):
    with pytest.raises(ImportFormatError) as e:
        PARSE[wanted](HEADERS[found] + "\n")
    how = " (tui-tracker import fitnotes FILE)" if found == "FitNotes" else ""
    assert str(e.value) == (
        f"this is a {found} export, not a {wanted} one: import it as a {found} file{how}"
    )


@pytest.mark.parametrize(
    "app,missing",
    [
        ("Strong", "date, workout name, exercise name, set order, reps"),
        ("Hevy", "title, start_time, exercise_title, set_type, reps"),
        ("FitNotes", "date, exercise, reps"),
    ],
)
def test_a_header_without_the_key_columns_names_them_all(app, missing):
    with pytest.raises(ImportFormatError) as e:
        PARSE[app]("Day,Lift,Load\n")
    assert str(e.value).startswith(
        f"the first line 'Day,Lift,Load' is not a {app} export's header (no {missing} column): "
    )


@pytest.mark.parametrize(
    "app,row",
    [
        ("Strong", "2024-05-01 18:00:00,Push,1h,Bench Press (Barbell),1,,,,,"),
        ("Hevy", '"Push","1 May 2024, 18:00","","Bench Press (Barbell)","normal","",""'),
        ("FitNotes", "2024-05-01,Flat Barbell Bench Press,Chest,,,,,,,"),
    ],
)
def test_a_row_with_nothing_done_is_skipped_by_every_import(app, row):
    result = PARSE[app](f"{HEADERS[app]}\n{row}\n")
    assert (result.rows_read, result.sets_read, result.rows_skipped, result.errors) == (
        1,
        0,
        1,
        (),
    )
