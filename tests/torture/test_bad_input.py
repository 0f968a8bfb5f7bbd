"""Whatever a lifter types or imports: values inside the rules, or the documented error.

tests/domain has property tests over random text for each parser (random text
rarely looks like a set, so most of it is rejected early).  Here the inputs are
built from the pieces a set is made of, including the near misses (a third
decimal, 101 reps, a unit glued on, a decimal comma, non-ASCII digits), and the
result is checked against an independent oracle; then the same goes end to end
through `tui-tracker log`, `tui-tracker import` and a CSV import into a store.

Each property runs twice: briefly by default, and 10-20 times longer with
`pytest -m slow` (the `_long` tests).
"""

from __future__ import annotations

import csv
import io
import math
import re
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from tui_tracker.cli import main
from tui_tracker.domain.catalogue import Catalogue
from tui_tracker.domain.imports import ImportFormatError, parse_hevy, parse_strong
from tui_tracker.domain.inputs import (
    MAX_REPS,
    MAX_RIR,
    MAX_WEIGHT_KG,
    InputError,
    parse_date,
    parse_reps,
    parse_rir,
    parse_set,
    parse_weight,
)
from tui_tracker.domain.measures import load_problem
from tui_tracker.domain.models import KG_PER_LB, SET_KINDS, from_kg
from tui_tracker.store import Store

TZ = timezone(timedelta(hours=1))
CAT = Catalogue()


def properties(examples: int, *strategies, long_factor: int = 20):
    """Two tests from one property body: `examples` examples by default, and
    `long_factor` times as many in the slow run."""

    def make(body):
        def run(n: int):
            return settings(
                max_examples=n, deadline=None, suppress_health_check=[HealthCheck.too_slow]
            )(given(*strategies)(body))

        return run(examples), pytest.mark.slow(run(examples * long_factor))

    return make


def within_the_rules(sets, older_logs: bool = False) -> None:
    """`older_logs`: a JSON export may hold sets of 0 reps and no time (logged before
    timed sets), and imports them back as they are (store/exchange_import.py)."""
    for s in sets:
        assert isinstance(s.weight_kg, float) and math.isfinite(s.weight_kg), s
        assert abs(s.weight_kg) <= MAX_WEIGHT_KG + 1e-9, s
        ex = CAT.get(s.exercise_id)
        assert s.weight_kg >= 0 or (ex is not None and ex.bodyweight), s  # assisted: BW-30
        assert isinstance(s.reps, int) and 0 <= s.reps <= MAX_REPS, s
        assert s.reps >= 1 or s.is_timed or older_logs, s  # no reps: timed or distance
        assert s.rir is None or (isinstance(s.rir, int) and 0 <= s.rir <= MAX_RIR), s
        assert s.unit in ("kg", "lb") and s.kind in SET_KINDS, s
        assert s.kind != "failure" or s.rir == 0, s


def run_main(*args: str) -> tuple[int, str]:
    """The CLI in this process (fast enough for hypothesis): (exit code, stderr)."""
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = main(list(args))
    return code, err.getvalue()


def stored_sets(db: Path) -> list:
    if not db.exists():
        return []
    with Store(db) as store:
        return [s for x in store.recent_sessions(limit=10_000) for s in x.sets]


# --- weights -------------------------------------------------------------------------------

DECIMALS = st.one_of(
    *[
        st.decimals(min_value=0, max_value=1100, places=p, allow_nan=False, allow_infinity=False)
        for p in (0, 1, 2, 3)
    ],
    st.sampled_from(
        [
            Decimal(x)
            for x in (
                "1000",
                "1000.00",
                "1000.01",
                "2204.62",
                "2204.63",
                "0.005",
                "0.01",
                "102.50",
                "102.505",
            )
        ]
    ),
)
UNIT_SUFFIX = st.sampled_from(["", "kg", "KG", "kgs", " kg", "lb", "lbs", " LB", "Lbs"])
JUNK = st.sampled_from(
    [
        "",
        "-",
        "+",
        "1e3",
        "nan",
        "inf",
        "１００",
        "٣",
        "1.2.3",
        " ",
        "0x10",
        "100 stone",
        ",5",
        "5,",
        "\t",
        "½",
    ]
)
#: The shape the weight rules accept at all: ASCII digits, a point or comma, a unit.
LOOKS_LIKE_WEIGHT = re.compile(r"\s*[0-9]+(?:[.,][0-9]+)?\s*(?:kgs?|lbs?)?\s*", re.IGNORECASE)


@st.composite
def typed_weight(draw) -> tuple[str, Decimal | None, str]:
    """(text, the number in it or None for junk, the unit suffix)."""
    if draw(st.integers(0, 5)) == 0:
        junk = draw(
            (JUNK | st.text(max_size=6)).filter(lambda t: not LOOKS_LIKE_WEIGHT.fullmatch(t))
        )
        return junk, None, ""
    value = draw(DECIMALS)
    text = format(value.normalize(), "f") if draw(st.booleans()) else format(value, "f")
    if draw(st.booleans()):
        text = text.replace(".", ",")
    if draw(st.integers(0, 4)) == 0:
        text = "0" + text
    suffix = draw(UNIT_SUFFIX)
    return draw(st.sampled_from(["", " "])) + text + suffix, value, suffix.strip().lower()


def expected_weight(value: Decimal, suffix: str, default: str) -> tuple[float, str] | None:
    """The oracle: (kg, unit), or None when the rules refuse it."""
    unit = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb", "": default}[suffix]
    if -value.normalize().as_tuple().exponent > 2:
        return None  # three decimals
    kg = float(value) * (KG_PER_LB if unit == "lb" else 1)
    if kg > MAX_WEIGHT_KG + 1e-9:
        return None
    return kg, unit


def weight_with_units(typed, default):
    text, value, suffix = typed
    try:
        got = parse_weight(text, default)
    except InputError as e:
        assert str(e)
        assert value is None or expected_weight(value, suffix, default) is None, text
        return
    assert value is not None, f"{text!r} is not a weight but gave {got}"
    want = expected_weight(value, suffix, default)
    assert want is not None, f"{text!r} breaks a rule but gave {got}"
    kg, unit = got
    assert unit == want[1] and kg == pytest.approx(want[0], abs=1e-9)
    assert math.isfinite(kg) and 0 <= kg <= MAX_WEIGHT_KG + 1e-9
    assert from_kg(kg, unit) == pytest.approx(float(value), abs=1e-9)  # shown as typed


test_weight_with_units, test_weight_with_units_long = properties(
    300, typed_weight(), st.sampled_from(["kg", "lb"])
)(weight_with_units)


# --- set notation, reps, RIR ---------------------------------------------------------------

WHOLE = st.one_of(
    st.integers(0, 150).map(str),
    st.integers(0, 150).map(lambda n: f"00{n}"),
    st.sampled_from(["", "8.5", "8,0", "-1", "٣", "１０", " 5 ", "5x", "1e1"]),
)


@st.composite
def typed_set(draw) -> tuple[str, str, str, str | None]:
    """(text, weight part, reps part, RIR part or None) with a separator like a lifter's."""
    weight, _, _ = draw(typed_weight())
    reps = draw(WHOLE)
    rir = draw(st.none() | st.integers(0, 12).map(str) | WHOLE | st.just("@"))
    sep = draw(st.sampled_from(["x", "X", "×", "*", " x ", "x "]))
    text = f"{weight}{sep}{reps}" + ("" if rir is None else f"@{rir.lstrip('@')}")
    return draw(st.sampled_from(["", " "])) + text, weight, reps, rir


def set_notation(typed, unit):
    """A set is accepted exactly when each of its parts is, and is those parts."""
    text, weight, reps, rir = typed
    assume("@" not in weight and not any(c in weight for c in "xX×*"))
    try:
        parts = (
            parse_weight(weight, unit),
            parse_reps(reps),
            None if rir is None else parse_rir(rir.lstrip("@")),
        )
        if rir is not None and parts[2] is None:
            raise InputError("nothing after @")
    except InputError:
        parts = None
    try:
        s = parse_set(text, unit)
    except InputError as e:
        assert parts is None, f"{text!r} refused ({e}) though each part is fine"
        assert text.strip() in str(e) or repr(text) in str(e)  # names the set
        return
    assert parts is not None, f"{text!r} accepted as {s} though a part breaks a rule"
    (kg, entered), n, r = parts
    assert (s.weight_kg, s.unit, s.reps, s.rir) == (kg, entered, n, r)
    assert 0 <= s.reps <= MAX_REPS and (s.rir is None or 0 <= s.rir <= MAX_RIR)


test_set_notation, test_set_notation_long = properties(
    300, typed_set(), st.sampled_from(["kg", "lb"])
)(set_notation)


def reps_and_rir(text):
    for parse, top in ((parse_reps, MAX_REPS), (parse_rir, MAX_RIR)):
        try:
            value = parse(text)
        except InputError as e:
            assert str(e)
            continue
        if value is None:
            assert parse is parse_rir and not text.strip().lstrip("@").strip()
            continue
        assert isinstance(value, int) and 0 <= value <= top
        assert value == int(text.strip().lstrip("@").strip())  # ASCII digits only got here


test_reps_and_rir, test_reps_and_rir_long = properties(300, st.one_of(WHOLE, st.text(max_size=8)))(
    reps_and_rir
)

HUGE = "1" * 5000


@pytest.mark.parametrize("text", [HUGE, f"100x{HUGE}", f"100x5@{HUGE}"])
def test_thousands_of_digits_are_an_input_error(text):
    with pytest.raises(InputError):
        (parse_reps if "x" not in text else parse_set)(text)


def test_thousands_of_digits_on_the_command_line_exit_2(tmp_path):
    code, _ = run_main("--db", str(tmp_path / "t.json"), "log", "squat", f"100x{HUGE}")
    assert code == 2


# --- dates ---------------------------------------------------------------------------------


@st.composite
def typed_date(draw) -> str:
    day = draw(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
    form = draw(
        st.sampled_from(
            [
                "{:%Y-%m-%d}",
                " {:%Y-%m-%d} ",
                "{:%d.%m.%Y}",
                "{:%Y/%m/%d}",
                "{:%Y%m%d}",
                "{:%Y-%m-%d}T00:00",
            ]
        )
    )
    text = form.format(day)
    if day.year < 1000:
        text = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"  # strftime pads unevenly
    return draw(
        st.sampled_from([text, text.replace("-", "‐"), text[:-1] + "9", text.replace("0", "٠")])
    )


def dates(text):
    try:
        day = parse_date(text)
    except InputError as e:
        assert str(e)
        return
    assert day.isoformat() == text.strip()  # only YYYY-MM-DD, nothing looser


test_dates, test_dates_long = properties(300, st.one_of(typed_date(), st.text(max_size=12)))(dates)


# --- end to end: `tui-tracker log` ---------------------------------------------------------

SQUAT = CAT.get("barbell-back-squat")


def log_command(texts, options):
    """Every set on the line is stored as parsed, or none is and the exit code is 2."""
    assume(all(t.strip() and not t.startswith("-") for t in texts))  # argparse options
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "training.json"
        code, err = run_main(
            "--db", str(db), "--today", "2026-11-18", "log", "squat", *texts, *options
        )
        unit = "lb" if "lb" in options else "kg"
        try:
            want = [parse_set(t, unit) for t in texts]
        except InputError:
            want = None
        if want and any(load_problem(SQUAT, w.weight_kg) for w in want):
            want = None  # (no load on a squat: domain/measures.py)
        stored = stored_sets(db)
        if want is None:
            assert code == 2 and len(err.strip().splitlines()) == 1, err
            assert stored == []
        else:
            assert code == 0, err
            assert [(s.weight_kg, s.unit, s.reps, s.rir) for s in stored] == [
                (w.weight_kg, w.unit, w.reps, w.rir) for w in want
            ]


test_log_command, test_log_command_long = properties(
    80,
    st.lists(typed_set().map(lambda t: t[0]), min_size=1, max_size=3),
    st.sampled_from([[], ["--unit", "lb"], ["--warmup"]]),
    long_factor=10,
)(log_command)


# --- CSV exports from Strong and Hevy --------------------------------------------------------


def _column(*good: str) -> st.SearchStrategy[str]:
    """Plausible values for a column (csv_file damages some cells)."""
    return st.sampled_from(good)


CELL = st.one_of(
    st.sampled_from(
        [
            "",
            "0",
            "-5",
            "1e309",
            "nan",
            "101",
            "10.5",
            '"',
            "a,b",
            "a;b",
            "line\nbreak",
            "\r",
            "\x00",
            "\ufeff",
            "١٠٠",
            "2100-12-31 23:59:59",
            "31 Feb 2025, 12:34",
            "1899-12-31 00:00:00",
        ]
    ),
    st.text(max_size=12),
)
WEIGHT = _column("100", "102,5", "102.5", "0", "", "45", "1000", "2205")
REPS = _column("5", "8", "12", "5.0", "0", "100")
RPE = _column("", "8", "8.5", "10", "6")
EXERCISE = _column(
    "Squat (Barbell)", "Bench Press (Barbell)", "Lat Pulldown (Cable)", "Zercher Squat", ""
)
STRONG_COLUMNS = {
    "Date": _column("2024-03-05 18:07:12", "2024-03-06 07:00:00", "2025-01-30 12:34:00"),
    "Workout Name": _column("Push", "Legs"),
    "Duration": _column("1h 5m", "45m", ""),
    "Exercise Name": EXERCISE,
    "Set Order": _column("1", "2", "W", "D", "F", "Rest Timer"),
    "Weight": WEIGHT,
    "Reps": REPS,
    "Distance": _column("", "0"),
    "Seconds": _column("", "0", "60"),
    "Notes": _column("", "belt"),
    "Workout Notes": _column("", "good day"),
    "RPE": RPE,
}
HEVY_COLUMNS = {
    "title": _column("Push", "Legs"),
    "start_time": _column("30 Jan 2025, 12:34", "31 Jan 2025, 07:00", "Jan 30, 2025, 1:00 PM"),
    "end_time": _column("30 Jan 2025, 13:40", "", "29 Jan 2025, 12:00"),
    "description": _column("", "deload"),
    "exercise_title": EXERCISE,
    "superset_id": _column("", "1"),
    "exercise_notes": _column("", "paused"),
    "set_index": _column("0", "1", "2"),
    "set_type": _column("normal", "warmup", "failure", "dropset"),
    "weight_kg": WEIGHT,
    "reps": REPS,
    "distance_km": _column(""),
    "duration_seconds": _column("", "0"),
    "rpe": RPE,
}


@st.composite
def csv_file(draw, columns: dict[str, st.SearchStrategy[str]]) -> str:
    """An export: plausible rows with damaged cells, rows of the wrong width, a cut-off end,
    a BOM, either delimiter, any line ending."""
    buf = io.StringIO()
    writer = csv.writer(
        buf,
        delimiter=draw(st.sampled_from([",", ";"])),
        lineterminator="\n",
        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
    )
    writer.writerow(list(columns))
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.integers(0, 5))
        if kind == 0:  # a row of anything, of any width
            writer.writerow(draw(st.lists(CELL, max_size=len(columns) + 1)))
            continue
        cells = [draw(column) for column in columns.values()]
        for _ in range(kind - 2):  # 0 to 3 damaged cells
            cells[draw(st.integers(0, len(cells) - 1))] = draw(CELL)
        writer.writerow(cells)
    text = buf.getvalue()
    if draw(st.integers(0, 4)) == 0:  # the download stopped half way
        text = text[: draw(st.integers(len(text.split("\n")[0]) + 1, len(text)))]
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return draw(st.sampled_from(["", "\ufeff"])) + text.replace("\n", ending)


def _stores_and_reads_back(result) -> None:
    """What an import returns is inside the rules, and stores and reads back unchanged."""
    assert result.rows_read == result.sets_read + len(result.errors) + result.rows_skipped
    within_the_rules([s for session in result.sessions for s in session.sets])
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "t.json") as store:
        for ex in result.new_exercises:
            store.save_exercise(ex)
        store.import_sessions(result.sessions)
        if result.sessions:
            days = [s.date for s in result.sessions]
            back = store.sessions_between(min(days), max(days))
            assert sorted(back, key=lambda s: s.id) == sorted(result.sessions, key=lambda s: s.id)
        assert {e.id for e in store.custom_exercises()} == {e.id for e in result.new_exercises}


def strong_csv(text, unit):
    try:
        result = parse_strong(text, catalogue=CAT, unit=unit, tz=TZ)
    except ImportFormatError as e:
        assert str(e)
        return
    _stores_and_reads_back(result)


def hevy_csv(text):
    try:
        result = parse_hevy(text, catalogue=CAT, tz=TZ)
    except ImportFormatError as e:
        assert str(e)
        return
    _stores_and_reads_back(result)


test_strong_csv, test_strong_csv_long = properties(
    150, csv_file(STRONG_COLUMNS), st.sampled_from(["kg", "lb"])
)(strong_csv)
test_hevy_csv, test_hevy_csv_long = properties(150, csv_file(HEVY_COLUMNS))(hevy_csv)


# --- the same files through `tui-tracker import` -------------------------------------------


def import_command(kind_and_text):
    kind, text = kind_and_text
    with tempfile.TemporaryDirectory() as tmp:
        db, csv_path = Path(tmp) / "data" / "training.json", Path(tmp) / "export.csv"
        csv_path.write_text(text, encoding="utf-8")
        unit = ["--unit", "kg"] if kind == "strong" else []
        code, err = run_main("--db", str(db), "import", kind, str(csv_path), *unit)
        assert code in (0, 2), err
        stored = stored_sets(db)
        if code == 2:  # the bad rows are listed, then one error line; nothing stored
            assert err.strip().splitlines()[-1].startswith("tui-tracker: error: "), err
            assert stored == []
        within_the_rules(stored)


KIND_AND_CSV = st.sampled_from(["strong", "hevy"]).flatmap(
    lambda kind: st.tuples(
        st.just(kind), csv_file(STRONG_COLUMNS if kind == "strong" else HEVY_COLUMNS)
    )
)
test_import_command, test_import_command_long = properties(60, KIND_AND_CSV, long_factor=10)(
    import_command
)


# --- a hand-edited JSON export through `tui-tracker import json` -----------------------------

EXPORT_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.sampled_from([-1, 101, 11, 1000.5, 1e300, "kg", "2026-11-18"]),
)
SET_FIELDS = st.sampled_from(
    ["weight_kg", "reps", "rir", "unit", "kind", "at", "id", "exercise_id"]
)
TARGETS = st.sampled_from([None, [10, 16], [16, 10], [0, 61], [-1, 5]])


@pytest.fixture(scope="module")
def export_doc(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("export")
    db, export = folder / "t.json", folder / "export.json"
    assert (
        run_main("--db", str(db), "--today", "2026-11-18", "log", "squat", "100x5@2", "105x3")[0]
        == 0
    )
    assert run_main("--db", str(db), "export", "--format", "json", "-o", str(export))[0] == 0
    return orjson.loads(export.read_bytes())


def json_import(export_doc, field, value, target):
    """Any value in a set's field, or an odd volume target: stored within the rules, or
    refused with exit 2 and nothing stored."""
    doc = orjson.loads(orjson.dumps(export_doc))
    doc["sessions"][0]["sets"][0][field] = value
    if target is not None:
        doc["volume_targets"] = {"chest": target}
    with tempfile.TemporaryDirectory() as tmp:
        db, export = Path(tmp) / "b" / "t.json", Path(tmp) / "export.json"
        export.write_bytes(orjson.dumps(doc))
        code, err = run_main("--db", str(db), "import", "json", str(export))
        assert code in (0, 2), err
        stored = stored_sets(db)
        if code == 2:
            assert len(err.strip().splitlines()) == 1 and stored == [], err
            return
        within_the_rules(stored, older_logs=True)
        with Store(db) as store:
            low, high = store.volume_targets()["chest"]
        assert 0 <= low <= high <= 60


test_json_import, test_json_import_long = properties(
    100, SET_FIELDS, EXPORT_VALUES, TARGETS, long_factor=10
)(json_import)
