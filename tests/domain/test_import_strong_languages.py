"""Strong exports made with the app in German (read) and in other languages (refused
with what to do)."""

from datetime import datetime, timedelta

import pytest

from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.imports import ImportFormatError, parse_strong
from tui_tracker.domain.imports.common import duration
from tui_tracker.domain.imports.headers import strong_columns
from tui_tracker.domain.imports.table import read_table

from tests.conftest import TZ

CAT = Catalogue()

GERMAN_IOS = (
    "Datum;Workout-Name;Dauer;Name der Übung;Satzreihenfolge;Gewicht;Wiederh.;"
    "Entfernung;Sekunden;Notizen;Workout-Notizen;RPE"
)
GERMAN_ANDROID = (
    '"Workout #";"Datum";"Workout-Name";"Dauer (Sek)";"Name der Übung";'
    '"Satzreihenfolge";"Gewicht (kg)";"Wiederh.";"RPE";"Entfernung (Meter)";'
    '"Sekunden";"Notizen";"Workout-Notizen"'
)


def strong(*rows: str, unit="kg"):
    return parse_strong("\n".join(rows) + "\n", catalogue=CAT, unit=unit, tz=TZ)


def sets(result):
    return [
        (s.exercise_id, s.weight_kg, s.reps, s.rir, s.kind, s.note)
        for session in result.sessions
        for s in session.sets
    ]


def test_a_german_ios_export_with_semicolons_and_decimal_commas():
    result = strong(
        GERMAN_IOS,
        "2026-03-05 18:07:12;Push;1h 5m;Bench Press (Barbell);W;60;8;0;0;;Guter Tag;",
        "2026-03-05 18:07:12;Push;1h 5m;Bench Press (Barbell);1;102,5;5;0;0;pausiert;Guter Tag;8,5",
        "2026-03-05 18:07:12;Push;1h 5m;Bench Press (Barbell);F;102,5;3;0;0;;Guter Tag;",
    )
    assert result.errors == ()
    assert sets(result) == [
        ("barbell-bench-press", 60.0, 8, None, "warmup", ""),
        ("barbell-bench-press", 102.5, 5, 2, "working", "pausiert"),
        ("barbell-bench-press", 102.5, 3, 0, "failure", ""),
    ]  # F: to failure
    (session,) = result.sessions
    assert session.started_at.replace(tzinfo=None) == datetime(2026, 3, 5, 18, 7, 12)
    assert session.ended_at - session.started_at == timedelta(hours=1, minutes=5)
    assert session.note == "Push\nGuter Tag"


def test_a_german_android_export_in_kg_with_german_dates():
    result = strong(
        GERMAN_ANDROID,
        '"1";"05.03.2026, 18:07";"Beine";"3900";"Squat (Barbell)";"1";"142,5";"5";'
        '"9";"0";"0";"";""',
        unit=None,
    )
    assert result.errors == ()
    assert sets(result) == [("barbell-back-squat", 142.5, 5, 1, "working", "")]
    (session,) = result.sessions
    assert session.started_at.replace(tzinfo=None) == datetime(2026, 3, 5, 18, 7)
    assert session.ended_at - session.started_at == timedelta(seconds=3900)


def test_the_german_names_become_the_english_columns():
    columns = strong_columns(read_table(GERMAN_IOS + "\n").columns)
    assert [name for name, _ in sorted(columns.items(), key=lambda c: c[1])] == [
        "date",
        "workout name",
        "duration",
        "exercise name",
        "set order",
        "weight",
        "reps",
        "distance",
        "seconds",
        "notes",
        "workout notes",
        "rpe",
    ]


def test_a_german_export_still_needs_the_unit_when_it_does_not_say():
    with pytest.raises(ImportFormatError, match="--unit kg or --unit lb"):
        strong(
            GERMAN_IOS,
            "2026-03-05 18:07:12;Push;1h;Bench Press (Barbell);1;100;5;0;0;;;",
            unit=None,
        )


@pytest.mark.parametrize(
    "header",
    [
        # French, Spanish, Italian, Russian headers as the app would write them
        "Date;Nom de l'entraînement;Durée;Nom de l'exercice;Ordre des séries;Poids;Répétitions;"
        "Distance;Secondes;Notes;Notes d'entraînement;RPE",
        "Fecha,Nombre del entrenamiento,Duración,Nombre del ejercicio,Orden de la serie,Peso,"
        "Repeticiones,Distancia,Segundos,Notas,Notas del entrenamiento,RPE",
        "Data;Nome allenamento;Durata;Nome esercizio;Ordine serie;Peso;Ripetizioni;Distanza;"
        "Secondi;Note;Note allenamento",
        "Дата;Название тренировки;Продолжительность;Название упражнения;Порядок подходов;Вес;"
        "Повторения",
    ],
)
def test_other_languages_are_refused_saying_to_export_in_english(header):
    with pytest.raises(ImportFormatError, match="set the Strong app's language to English"):
        strong(header, "x;y;z")


@pytest.mark.parametrize(
    "header,reason",
    [
        (
            "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment",
            "this is a FitNotes export",
        ),
        (
            '"title","start_time","end_time","exercise_title","set_type","weight_kg","reps"',
            "this is a Hevy export",
        ),
        ("Name,Sets,Load", "not a Strong export's header"),
    ],
)
def test_files_of_other_apps_are_named(header, reason):
    with pytest.raises(ImportFormatError, match=reason):
        strong(header, "a,b,c")


@pytest.mark.parametrize(
    "text,span",
    [
        ("1 Std. 5 Min.", timedelta(hours=1, minutes=5)),
        ("45 Min.", timedelta(minutes=45)),
        ("2 Stunden", timedelta(hours=2)),
        ("1 Stunde 30 Minuten", timedelta(hours=1, minutes=30)),
        ("50 Sek.", timedelta(seconds=50)),
        ("1h 5m", timedelta(hours=1, minutes=5)),
    ],
)
def test_german_durations(text, span):
    assert duration(text) == span


def test_a_german_duration_gives_the_session_its_end():
    result = strong(
        GERMAN_IOS, "2026-03-05 18:07:12;Push;1 Std. 5 Min.;Bench Press (Barbell);1;100;5;0;0;;;"
    )
    (session,) = result.sessions
    assert session.ended_at - session.started_at == timedelta(hours=1, minutes=5)
