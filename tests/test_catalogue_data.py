"""The shipped catalogue, src/tui_tracker/domain/data/exercises.json: every row checked.

The Strong and Hevy name lists in tests/data are the apps' own built-in lists (each file says
where it was taken from); every name in them is either an exercise here or listed in the data
as not a lift (cardio, sports, mobility).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tui_tracker.domain.catalogue import Catalogue, builtin_exercises, normalize_name
from tui_tracker.domain.exercise_data import (
    APPS,
    DATA_FILE,
    HIGH_SKILL_EQUIPMENT,
    HIGH_SKILL_PATTERNS,
    HIGH_SKILL_RULE,
    RESTS,
    Shipped,
    high_skill_rule,
)
from tui_tracker.domain.models import EQUIPMENT
from tui_tracker.domain.muscles import MUSCLES

DOC = json.loads(Path(DATA_FILE).read_text(encoding="utf-8"))
ROWS: list[dict] = DOC["exercises"]
BY_ID = {e.id: e for e in builtin_exercises()}
CAT = Catalogue()
HERE = Path(__file__).parent


def app_list(app: str) -> list[str]:
    lines = (HERE / "data" / f"{app}_exercises.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


STRONG, HEVY = app_list("strong"), app_list("hevy")

#: Every id an earlier version shipped: sets are stored against them, so each must stay.
STORED_IDS = """
barbell-bench-press dumbbell-bench-press incline-barbell-bench-press incline-dumbbell-press
decline-barbell-bench-press machine-chest-press machine-incline-chest-press dumbbell-fly
cable-crossover pec-deck push-up chest-dip dumbbell-pullover pull-up chin-up assisted-pull-up
lat-pulldown close-grip-lat-pulldown barbell-row pendlay-row dumbbell-row seated-cable-row
t-bar-row chest-supported-row machine-row inverted-row straight-arm-pulldown rack-pull
barbell-back-squat barbell-front-squat pause-squat box-squat safety-bar-squat
smith-machine-squat leg-press hack-squat goblet-squat bulgarian-split-squat split-squat
dumbbell-lunge walking-lunge step-up leg-extension conventional-deadlift sumo-deadlift
deficit-deadlift trap-bar-deadlift romanian-deadlift dumbbell-romanian-deadlift
stiff-leg-deadlift good-morning seated-leg-curl lying-leg-curl nordic-hamstring-curl
glute-ham-raise back-extension barbell-hip-thrust machine-hip-thrust glute-bridge
cable-pull-through kettlebell-swing hip-abduction cable-glute-kickback standing-calf-raise
seated-calf-raise leg-press-calf-raise single-leg-calf-raise donkey-calf-raise
barbell-overhead-press seated-dumbbell-shoulder-press standing-dumbbell-overhead-press
machine-shoulder-press arnold-press push-press landmine-press dumbbell-lateral-raise
cable-lateral-raise machine-lateral-raise upright-row dumbbell-front-raise
dumbbell-reverse-fly reverse-pec-deck cable-rear-delt-fly face-pull barbell-shrug
dumbbell-shrug machine-shrug trap-bar-shrug barbell-curl ez-bar-curl dumbbell-curl hammer-curl
cable-curl preacher-curl dumbbell-preacher-curl machine-preacher-curl incline-dumbbell-curl
concentration-curl spider-curl triceps-pushdown triceps-rope-pushdown
overhead-cable-triceps-extension dumbbell-overhead-triceps-extension skull-crusher
dumbbell-skull-crusher triceps-kickback close-grip-bench-press triceps-dip bench-dip
diamond-push-up wrist-curl reverse-wrist-curl reverse-curl farmers-walk dead-hang wrist-roller
plate-pinch crunch cable-crunch machine-crunch decline-crunch hanging-leg-raise
captains-chair-knee-raise lying-leg-raise ab-wheel-rollout plank sit-up russian-twist
""".split()

#: Exercises that count toward no muscle: the neck and the adductors are not among the 14
#: muscles, and conditioning moves (jumps, burpees, slams) are not hard sets at any RIR.
NO_MUSCLE = {
    "neck-curl",
    "weighted-neck-curl",
    "neck-extension",
    "weighted-neck-extension",
    "hip-adduction",
    "burpee",
    "box-jump",
    "lateral-box-jump",
    "jump-squat",
    "jumping-lunge",
    "frog-jump",
    "jumping-jack",
    "high-knees",
    "high-knee-skips",
    "mountain-climber",
    "ball-slam",
    "wall-ball",
}

KEYS = {
    "id",
    "name",
    "primary",
    "secondary",
    "kind",
    "rest",
    "equipment",
    "pattern",
    "bodyweight",
    "per_hand",
    "unilateral",
    "common",
    "aliases",
    "strong",
    "hevy",
}
REQUIRED = ["id", "name", "primary", "secondary", "kind", "rest", "equipment"]


# --- the file ------------------------------------------------------------------------------------


def test_the_file_names_its_sources():
    assert any("tolik518/strong-api-workout-sync" in s for s in DOC["sources"])
    assert any("JoeR96/99-strength" in s for s in DOC["sources"])
    assert len(ROWS) >= 400


def test_each_exercise_is_one_line_that_reads_alone_as_the_whole_file_does():
    """The Today screen's first frame reads exercises one line at a time (Shipped.get)."""
    lines = [
        line
        for line in Path(DATA_FILE).read_text(encoding="utf-8").splitlines()
        if line.startswith('    {"id": ')
    ]
    assert [json.loads(line.rstrip(",")) for line in lines] == ROWS
    one_by_one = Shipped(Path(DATA_FILE).read_bytes())
    for row in ROWS:
        assert one_by_one.get(row["id"]) == BY_ID[row["id"]]
    assert "rows" not in one_by_one.__dict__  # nothing parsed but those lines
    assert one_by_one.get("no-such-exercise") is None


def test_importing_the_catalogue_reads_no_data_and_get_parses_one_line():
    code = (
        "import tui_tracker.domain.catalogue as c, tui_tracker.domain.exercise_data as d\n"
        "assert d._shipped is None\n"
        "cat = c.Catalogue()\n"
        "assert cat.get('barbell-back-squat').name == 'Barbell Back Squat'\n"
        "assert 'romanian-deadlift' in cat and 'custom-x' not in cat\n"
        "print(sorted(d._shipped.__dict__))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["['_one',", "'_raw']"]


# --- rows --------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_row_schema(row):
    assert set(row) <= KEYS and all(key in row for key in REQUIRED)
    assert list(row)[: len(REQUIRED)] == REQUIRED  # "id" first: the one-line reader needs it
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row["id"]) and not row["id"].startswith(
        "custom-"
    )
    assert row["kind"] in ("compound", "isolation")
    assert row["rest"] in RESTS
    assert row["rest"] == 90 if row["kind"] == "isolation" else 120 <= row["rest"] <= 180
    assert row["equipment"] in EQUIPMENT
    assert row.get("pattern", "squat") in HIGH_SKILL_PATTERNS
    assert row.get("common", 1) in (1, 2)
    for flag in ("bodyweight", "per_hand", "unilateral"):
        assert row.get(flag, True) is True  # a flag is written only when it is true
    if row.get("bodyweight"):  # said only where the equipment does not say it already
        assert row["equipment"] in ("machine", "band")
    for key in ("aliases", "strong", "hevy"):
        names = row.get(key, [])
        assert all(isinstance(n, str) and n == n.strip() and n for n in names)
    for muscles in (row["primary"], row["secondary"]):
        assert all(m in MUSCLES for m in muscles) and len(set(muscles)) == len(muscles)
    assert not set(row["primary"]) & set(row["secondary"])


def test_ids_are_unique_and_every_stored_id_is_still_here():
    ids = [row["id"] for row in ROWS]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert [i for i in STORED_IDS if i not in BY_ID] == []
    for i in STORED_IDS:  # and reached the quick way, as the first frame does
        assert CAT.get(i) is BY_ID[i] or CAT.get(i) == BY_ID[i]


def test_no_id_name_or_alias_is_claimed_by_two_exercises():
    owners: dict[str, set[str]] = {}
    for e in BY_ID.values():
        for text in (e.id, e.name, *e.aliases):
            owners.setdefault(normalize_name(text), set()).add(e.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


@pytest.mark.parametrize("app", APPS)
def test_each_exported_name_belongs_to_one_exercise(app):
    owners = Counter(normalize_name(n) for row in ROWS for n in row.get(app, ()))
    assert [n for n, count in owners.items() if count > 1] == []


def test_exercises_without_muscles_are_exactly_the_uncounted_ones():
    assert {row["id"] for row in ROWS if not row["primary"]} == NO_MUSCLE
    assert all(not BY_ID[i].secondary for i in NO_MUSCLE)


def test_every_muscle_is_the_primary_of_many_exercises():
    counts = Counter(m for e in BY_ID.values() for m in e.primary)
    assert {m: counts[m] for m in MUSCLES if counts[m] < 5} == {}


# --- Strong and Hevy -------------------------------------------------------------------------------


@pytest.mark.parametrize("app, names", [("strong", STRONG), ("hevy", HEVY)])
def test_the_apps_lists_are_complete_and_nothing_is_invented(app, names):
    assert len(names) == {"strong": 253, "hevy": 429}[app] == len(set(names))
    listed = [n for row in ROWS for n in row.get(app, ())] + DOC["not_lifts"][app]
    assert sorted(listed) == sorted(names)


@pytest.mark.parametrize("app, name", [("strong", n) for n in STRONG] + [("hevy", n) for n in HEVY])
def test_every_strong_and_hevy_name_resolves_or_is_not_a_lift(app, name):
    row = next((row for row in ROWS if name in row.get(app, ())), None)
    if row is None:
        assert name in DOC["not_lifts"][app]
        assert CAT.find(name) is None and CAT.find_export(name, app) is None
        return
    assert CAT.find_export(name, app).id == row["id"]
    assert CAT.find_export(f" {name.upper()}  ", app).id == row["id"]
    assert CAT.find(name) is not None  # typed, it finds an exercise too (maybe another form)


def test_a_weightlifters_export_maps_to_lifts_that_count():
    """From issue 14: an Olympic weightlifter's Strong export, 60% of whose sets counted
    for no muscle; and "Strict Military Press (Barbell)" is the overhead press."""
    assert CAT.find("Strict Military Press (Barbell)").id == "barbell-overhead-press"
    names = [
        "Snatch (Barbell)",
        "Clean and Jerk (Barbell)",
        "Power Snatch (Barbell)",
        "Power Clean",
        "Hang Snatch (Barbell)",
        "Hang Clean (Barbell)",
        "Snatch Pull (Barbell)",
        "Split Jerk (Barbell)",
        "Overhead Squat (Barbell)",
        "Press Under (Barbell)",
        "Jump Shrug (Barbell)",
        "Push Press",
        # what a weightlifter adds as their own in Strong
        "Hang Power Clean",
        "Hang Power Snatch",
        "Clean Pull",
        "Snatch High Pull",
        "Push Jerk",
        "Power Jerk",
        "Snatch Balance",
        "Muscle Snatch",
        "Block Snatch",
        "Snatch Grip Deadlift",
        "Clean Deadlift",
        "Behind the Neck Jerk",
    ]
    for name in names:
        e = CAT.find_export(name, "strong")
        assert e is not None and e.primary and e.high_skill and e.equipment == "barbell", name
    assert len({CAT.find(n).id for n in names}) == len(names)


def test_context_names_go_to_the_apps_meaning_in_its_file_and_the_lifters_when_typed():
    assert CAT.find("Standing Calf Raise").id == "standing-calf-raise"  # the machine
    assert CAT.find_export("Standing Calf Raise", "hevy").id == "bodyweight-calf-raise"
    assert CAT.find("Hip Thrust").id == "barbell-hip-thrust"
    assert CAT.find_export("Hip Thrust", "hevy").id == "bodyweight-hip-thrust"
    assert CAT.find_export("Hip Thrust", "strong").id == "barbell-hip-thrust"  # not Strong's


# --- the high-skill rule -------------------------------------------------------------------------


def test_the_rule_is_stated_with_its_evidence():
    text = HIGH_SKILL_RULE.casefold()
    for words in (
        "form breakdown",
        "back squat",
        "deadlift",
        "romanian",
        "stiff-leg",
        "good morning",
        "trap bar",
        "olympic",
        "snatch",
        "clean",
        "jerk",
    ):
        assert words in text, words


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_high_skill_follows_the_rule_on_every_exercise(row):
    e = BY_ID[row["id"]]
    assert e.high_skill == high_skill_rule(row.get("pattern"), row["equipment"])
    if e.high_skill:
        assert e.is_compound and e.rest_seconds >= 150 and e.primary
    if row["equipment"] not in HIGH_SKILL_EQUIPMENT:
        assert not e.high_skill


#: What the rule covers, read from the names alone (a second opinion on each row's pattern).
_COVERED = re.compile(
    r"squat|deadlift|\brdl\b|good morning|rack pull|block pull|snatch|clean|"
    r"jerk|push press|thruster|high pull|jump shrug|press under|atlas stone|"
    r"log press|sandbag to shoulder"
)
_NOT_COVERED = re.compile(r"split squat|single-leg|lunge|calf|hip thrust|bridge|row|curl|landmine")


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_every_free_bar_squat_hinge_and_olympic_lift_by_name_is_high_skill(row):
    name = " ".join((row["name"], *row["aliases"])).casefold()
    covered = bool(_COVERED.search(name)) and not _NOT_COVERED.search(row["name"].casefold())
    if row["equipment"] in HIGH_SKILL_EQUIPMENT and covered:
        assert BY_ID[row["id"]].high_skill, row["id"]


@pytest.mark.parametrize(
    "exercise_id",
    [
        "barbell-back-squat",
        "barbell-front-squat",
        "overhead-squat",
        "zercher-squat",
        "conventional-deadlift",
        "sumo-deadlift",
        "romanian-deadlift",
        "stiff-leg-deadlift",
        "good-morning",
        "trap-bar-deadlift",
        "rack-pull",
        "snatch",
        "power-snatch",
        "hang-snatch",
        "clean",
        "power-clean",
        "hang-power-clean",
        "clean-and-jerk",
        "split-jerk",
        "push-jerk",
        "snatch-pull",
        "clean-pull",
        "push-press",
        "barbell-thruster",
        "atlas-stone",
    ],
)
def test_issue_13s_lifts_are_high_skill(exercise_id):
    assert BY_ID[exercise_id].high_skill


@pytest.mark.parametrize(
    "exercise_id",
    [
        "leg-press",
        "hack-squat",
        "goblet-squat",
        "smith-machine-squat",
        "belt-squat",
        "dumbbell-romanian-deadlift",
        "kettlebell-swing",
        "dumbbell-snatch",
        "kettlebell-snatch",
        "bulgarian-split-squat",
        "barbell-lunge",
        "barbell-split-squat",
        "barbell-hip-thrust",
        "barbell-row",
        "barbell-bench-press",
        "barbell-overhead-press",
        "back-extension",
        "smith-machine-deadlift",
        "dumbbell-lateral-raise",
    ],
)
def test_guided_light_single_leg_rows_and_presses_are_not(exercise_id):
    assert not BY_ID[exercise_id].high_skill


# --- how loads are made ----------------------------------------------------------------------


def test_bodyweight_exercises_and_equipment_agree():
    for e in BY_ID.values():
        if e.equipment == "bodyweight":
            assert e.bodyweight, e.id
    assert {e.id for e in BY_ID.values() if e.bodyweight and e.equipment != "bodyweight"} == {
        "assisted-pull-up",
        "assisted-dip",
    }


@pytest.mark.parametrize(
    "exercise_id, equipment, per_hand, unilateral",
    [
        ("barbell-bench-press", "barbell", False, False),
        ("dumbbell-bench-press", "dumbbell", True, False),
        ("dumbbell-row", "dumbbell", False, True),
        ("bulgarian-split-squat", "dumbbell", True, True),
        ("dumbbell-lateral-raise", "dumbbell", True, False),
        ("goblet-squat", "dumbbell", False, False),
        ("kettlebell-swing", "kettlebell", False, False),
        ("kettlebell-press", "kettlebell", False, True),
        ("ez-bar-curl", "ez-bar", False, False),
        ("trap-bar-deadlift", "trap-bar", False, False),
        ("leg-press", "plate-loaded", False, False),
        ("lat-pulldown", "cable", False, False),
        ("leg-extension", "machine", False, False),
        ("smith-machine-squat", "smith", False, False),
        ("pull-up", "bodyweight", False, False),
        ("farmers-walk", "other", True, False),
    ],
)
def test_how_each_load_is_made(exercise_id, equipment, per_hand, unilateral):
    e = BY_ID[exercise_id]
    assert (e.equipment, e.per_hand, e.unilateral) == (equipment, per_hand, unilateral)


def test_per_hand_is_for_implements_held_in_each_hand():
    for e in BY_ID.values():
        if e.per_hand:
            assert e.equipment in ("dumbbell", "kettlebell", "other"), e.id
