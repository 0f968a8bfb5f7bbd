"""The exercise catalogue: its data, name lookup, suggestions and picker search."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, strategies as st

from tui_tracker.domain.catalogue import BUILTIN_EXERCISES, Catalogue, custom_id, normalize_name
from tui_tracker.domain.models import Exercise

CAT = Catalogue()

# Names the Strong and Hevy apps export, and what each must resolve to.
APP_NAMES: dict[str, str] = {
    "Squat (Barbell)": "barbell-back-squat",
    "Bench Press (Barbell)": "barbell-bench-press",
    "Deadlift (Barbell)": "conventional-deadlift",
    "Lat Pulldown (Cable)": "lat-pulldown",
    "Overhead Press (Barbell)": "barbell-overhead-press",
    "Bent Over Row (Barbell)": "barbell-row",
    "Bicep Curl (Dumbbell)": "dumbbell-curl",
    "Bicep Curl (Barbell)": "barbell-curl",
    "Triceps Pushdown (Cable - Straight Bar)": "triceps-pushdown",
    "Triceps Rope Pushdown": "triceps-rope-pushdown",
    "Incline Bench Press (Dumbbell)": "incline-dumbbell-press",
    "Pull Up": "pull-up",
    "Chin Up": "chin-up",
    "Romanian Deadlift (Barbell)": "romanian-deadlift",
    "Leg Press": "leg-press",
    "Leg Extension (Machine)": "leg-extension",
    "Seated Leg Curl (Machine)": "seated-leg-curl",
    "Lying Leg Curl (Machine)": "lying-leg-curl",
    "Standing Calf Raise (Machine)": "standing-calf-raise",
    "Lateral Raise (Dumbbell)": "dumbbell-lateral-raise",
    "Face Pull (Cable)": "face-pull",
    "Face Pull": "face-pull",
    "Hip Thrust (Barbell)": "barbell-hip-thrust",
    "Seated Cable Row": "seated-cable-row",
    "Seated Row (Cable)": "seated-cable-row",
    "Chest Fly (Dumbbell)": "dumbbell-fly",
    "Cable Crossover": "cable-crossover",
    "Shrug (Barbell)": "barbell-shrug",
    "Shrug (Dumbbell)": "dumbbell-shrug",
    "Hammer Curl (Dumbbell)": "hammer-curl",
    "Skullcrusher (Barbell)": "skull-crusher",
    "Front Squat (Barbell)": "barbell-front-squat",
    "Sumo Deadlift (Barbell)": "sumo-deadlift",
    "Bulgarian Split Squat": "bulgarian-split-squat",
    "Plank": "plank",
    "Crunch": "crunch",
    "Hanging Leg Raise": "hanging-leg-raise",
    "Seated Overhead Press (Dumbbell)": "seated-dumbbell-shoulder-press",
    "Bench Press (Dumbbell)": "dumbbell-bench-press",
    "Incline Bench Press (Barbell)": "incline-barbell-bench-press",
    "Leg Press (Machine)": "leg-press",
    "Hack Squat (Machine)": "hack-squat",
    "Goblet Squat (Kettlebell)": "kettlebell-goblet-squat",
    "Goblet Squat": "goblet-squat",
    "Strict Military Press (Barbell)": "barbell-overhead-press",
    "Standing Military Press (Barbell)": "barbell-overhead-press",
    "Snatch (Barbell)": "snatch",
    "Clean and Jerk (Barbell)": "clean-and-jerk",
    "Split Jerk (Barbell)": "split-jerk",
    "Power Clean": "power-clean",
    "Hang Snatch (Barbell)": "hang-snatch",
    "Pull Up (Assisted)": "assisted-pull-up",
    "Bent Over One Arm Row (Dumbbell)": "dumbbell-row",
    "Butterfly (Pec Deck)": "pec-deck",
    "Reverse Fly (Dumbbell)": "dumbbell-reverse-fly",
    "Preacher Curl (Barbell)": "preacher-curl",
    "Cable Crunch": "cable-crunch",
    "Ab Wheel": "ab-wheel-rollout",
    "Wrist Curl (Barbell)": "wrist-curl",
    "Reverse Curl (Barbell)": "reverse-curl",
    # Short names lifters type.
    "squat": "barbell-back-squat",
    "bench": "barbell-bench-press",
    "deadlift": "conventional-deadlift",
    "ohp": "barbell-overhead-press",
    "rdl": "romanian-deadlift",
}


def ex(exercise_id: str) -> Exercise:
    e = CAT.get(exercise_id)
    assert e is not None, exercise_id
    return e


# --- the data (every row is checked in test_catalogue_data.py) -------------------------------


def test_heavy_barbell_lifts_rest_longest():
    for i in (
        "barbell-back-squat",
        "conventional-deadlift",
        "barbell-bench-press",
        "barbell-overhead-press",
    ):
        assert ex(i).rest_seconds == 180


def test_high_skill_is_every_heavy_free_bar_squat_hinge_and_olympic_lift():
    """Issue 13: RDLs, stiff-leg deadlifts, good mornings and trap-bar deadlifts were not
    flagged, so a block planned an RDL to failure and `log rdl 100x8@0` said nothing."""
    high = {e.id for e in BUILTIN_EXERCISES if e.high_skill}
    assert all(ex(i).is_compound for i in high)
    for name in (
        "Squat (Barbell)",
        "Front Squat (Barbell)",
        "Deadlift (Barbell)",
        "Sumo Deadlift (Barbell)",
        "Pause Squat (Barbell)",
        "Box Squat (Barbell)",
        "Romanian Deadlift (Barbell)",
        "rdl",
        "Stiff Leg Deadlift (Barbell)",
        "Good Morning (Barbell)",
        "Trap Bar Deadlift",
        "Deadlift (Trap bar)",
        "Rack Pull (Barbell)",
    ):
        assert CAT.find(name).high_skill, name
    for name in (
        "Leg Press",
        "Hack Squat (Machine)",
        "Goblet Squat (Kettlebell)",
        "Bench Press (Barbell)",
        "Lateral Raise (Dumbbell)",
        "Romanian Deadlift (Dumbbell)",
        "Squat (Smith Machine)",
    ):
        assert not CAT.find(name).high_skill, name


def test_muscles_spot_checks():
    bench = ex("barbell-bench-press")
    assert bench.primary == ("chest",) and set(bench.secondary) == {"triceps", "front_delts"}
    assert set(ex("barbell-back-squat").primary) == {"quads", "glutes"}
    assert set(ex("romanian-deadlift").primary) == {"hamstrings", "glutes"}
    pull_up = ex("pull-up")
    assert pull_up.primary == ("back",) and "biceps" in pull_up.secondary
    lateral = ex("dumbbell-lateral-raise")
    assert lateral.primary == ("side_delts",) and lateral.kind == "isolation"
    assert ex("barbell-overhead-press").primary == ("front_delts",)
    assert ex("face-pull").primary == ("rear_delts",)
    assert ex("barbell-shrug").primary == ("traps",)
    assert ex("wrist-curl").primary == ("forearms",)
    assert ex("standing-calf-raise").primary == ("calves",)
    assert ex("leg-extension").primary == ("quads",) and ex("leg-extension").kind == "isolation"
    assert ex("lying-leg-curl").primary == ("hamstrings",)
    assert ex("barbell-curl").primary == ("biceps",)
    assert ex("triceps-pushdown").primary == ("triceps",)
    assert ex("barbell-hip-thrust").primary == ("glutes",)
    assert ex("crunch").primary == ("abs",)
    assert "hamstrings" in ex("conventional-deadlift").primary


# --- names and lookup ------------------------------------------------------------------------


def test_normalize_ignores_case_spacing_and_punctuation():
    assert (
        normalize_name("squat (barbell)")
        == normalize_name("Squat (Barbell)")
        == normalize_name(" SQUAT  (barbell) ")
        == "squat barbell"
    )
    assert normalize_name("Pull-Up") == normalize_name("pull up")
    assert normalize_name("Farmer's Walk") == normalize_name("Farmers Walk")
    assert normalize_name("Pec Déck") == "pec deck"
    assert normalize_name("  ") == ""


@given(st.text(max_size=40))
def test_normalize_is_idempotent_and_case_blind(text):
    once = normalize_name(text)
    assert normalize_name(once) == once
    assert once == once.strip() and "  " not in once
    assert normalize_name(text.upper()) == normalize_name(text.lower()) or not text.isascii()


@pytest.mark.parametrize("name,exercise_id", APP_NAMES.items())
def test_strong_and_hevy_names_resolve(name, exercise_id):
    found = CAT.find(name)
    assert found is not None and found.id == exercise_id
    assert CAT.find(f"  {name.upper()} ") == found


@given(st.sampled_from(BUILTIN_EXERCISES), st.data())
def test_find_by_id_name_or_alias_with_any_spelling(e, data):
    text = data.draw(st.sampled_from((e.id, e.name, *e.aliases)))
    messy = data.draw(
        st.sampled_from(
            (
                text.upper(),
                text.lower(),
                f"  {text}  ",
                text.replace(" ", "  "),
                text.replace(" ", "-"),
            )
        )
    )
    assert CAT.find(messy) == e


def test_unknown_names_are_not_found():
    assert CAT.find("benchpress") is None
    assert CAT.find("") is None
    assert CAT.find("Underwater Basket Weaving") is None


def test_closest_suggests_for_misspellings():
    assert CAT.get("barbell-bench-press") in CAT.closest("benchpress")
    assert CAT.closest("benchpress")[0].id == "barbell-bench-press"
    assert CAT.closest("sqaut")[0].id == "barbell-back-squat"
    assert CAT.closest("dedlift", 3)[0].id == "conventional-deadlift"
    assert len(CAT.closest("benchpress", 2)) == 2
    ids = [e.id for e in CAT.closest("bench press", 5)]
    assert len(ids) == len(set(ids))  # one entry per exercise, not per alias
    assert CAT.closest("xqzv") == [] and CAT.closest("") == []


# --- search ----------------------------------------------------------------------------------


def names(results: list[Exercise]) -> list[str]:
    return [e.name for e in results]


def test_search_curl_returns_curls_first():
    results = CAT.search("curl", limit=None)
    assert len(results) >= 10
    assert all("curl" in normalize_name(e.name) for e in results[:10])
    got = {e.id for e in results}
    assert {"barbell-curl", "dumbbell-curl", "hammer-curl", "lying-leg-curl", "wrist-curl"} <= got
    assert CAT.search("leg curl")[0].id in {"lying-leg-curl", "seated-leg-curl"}
    assert CAT.search("barbell curl")[0].id == "barbell-curl"


def test_search_ranks_name_prefix_first():
    assert CAT.search("lat pull")[0].id == "lat-pulldown"
    assert CAT.search("lat pulldown")[0].id == "lat-pulldown"
    assert CAT.search("Leg Ext")[0].id == "leg-extension"
    assert CAT.search("face")[0].id == "face-pull"


def test_search_exact_alias_beats_prefixes():
    assert CAT.search("squat")[0].id == "barbell-back-squat"
    assert CAT.search("bench")[0].id == "barbell-bench-press"
    assert CAT.search("ohp")[0].id == "barbell-overhead-press"
    assert CAT.search("rdl")[0].id == "romanian-deadlift"


def test_search_needs_every_word():
    results = CAT.search("incline dumbbell", limit=None)
    assert results and all(
        "incline" in " ".join(map(normalize_name, (e.name, *e.aliases))) for e in results
    )
    assert "incline-dumbbell-press" in {e.id for e in results}
    assert CAT.search("squat xyzzy") == []


def test_search_word_order_and_shorthand():
    assert CAT.search("press leg")[0].id == "leg-press"
    assert CAT.search("db curl")[0].id == "dumbbell-curl"


def test_search_loose_matches_only_when_nothing_else_does():
    assert CAT.search("bbs")[0].id == "barbell-back-squat"
    assert "lat-pulldown" in {e.id for e in CAT.search("pldwn")}
    # Loose matching must not add noise to a query with real hits.
    assert all("calf" in normalize_name(e.name) for e in CAT.search("calf"))


def test_empty_search_lists_all_by_name():
    everything = CAT.search("", limit=None)
    assert len(everything) == len(CAT)
    assert names(everything) == sorted(names(everything), key=str.casefold)
    assert CAT.search("   ", limit=5) == everything[:5]
    assert len(CAT.search("", limit=20)) == 20


@given(st.text(max_size=20), st.integers(min_value=0, max_value=30))
def test_search_never_fails_and_respects_the_limit(query, limit):
    results = CAT.search(query, limit=limit)
    assert len(results) <= limit
    assert len({e.id for e in results}) == len(results)


# --- the lifter's own exercises --------------------------------------------------------------


def test_custom_exercises_are_found_and_searched():
    mine = Exercise(
        custom_id("Jefferson Squat"),
        "Jefferson Squat",
        ("quads", "glutes"),
        ("abs",),
        aliases=("Jefferson",),
        custom=True,
    )
    cat = Catalogue([mine])
    assert len(cat) == len(BUILTIN_EXERCISES) + 1
    assert mine.id in cat and mine in list(cat)
    assert cat.get("custom-jefferson-squat") == mine
    assert cat.find("jefferson squat") == mine and cat.find("JEFFERSON") == mine
    assert cat.search("jeffer")[0] == mine
    assert cat.closest("jeferson squat")[0] == mine
    assert "custom-jefferson-squat" not in CAT  # the shared builtin catalogue is untouched


def test_the_lifters_own_exercise_keeps_a_name_the_catalogue_learned_later():
    """An import before the catalogue knew the snatch made the lifter's own "Snatch" and
    "Zercher Squat": their sets stay there, and so do the sets logged by name after."""
    snatch = Exercise(custom_id("Snatch"), "Snatch", ("quads",), custom=True)
    zercher = Exercise(custom_id("Zercher Squat"), "Zercher Squat", ("quads",), custom=True)
    cat = Catalogue([snatch, zercher])
    assert cat.find("snatch") == snatch and cat.find("Zercher Squat") == zercher
    assert cat.find_export("Snatch", "hevy") == snatch
    assert cat.best_match("snatch") == snatch
    assert cat.get("snatch").id == "snatch"  # the builtin is still there by id


def test_custom_exercise_overrides_a_builtin():
    old = ex("hip-abduction")
    fixed = replace(old, primary=("glutes",), secondary=("hamstrings",), custom=True)
    cat = Catalogue([fixed])
    assert len(cat) == len(BUILTIN_EXERCISES)
    assert cat.get(old.id) == fixed
    assert cat.find("Hip Abduction (Machine)") == fixed
    assert [e for e in cat if e.id == old.id] == [fixed]
    assert cat.search("hip abduction")[0] == fixed


def test_custom_name_wins_over_a_builtin_alias():
    mine = Exercise("custom-bench", "Bench", ("chest",), custom=True)
    assert Catalogue([mine]).find("bench") == mine


def test_custom_id_is_a_slug():
    assert custom_id("Zercher Squat") == "custom-zercher-squat"
    assert custom_id("  Farmer's  Walk (Trap Bar) ") == "custom-farmers-walk-trap-bar"
    with pytest.raises(ValueError):
        custom_id(" -- ")


@given(st.text(min_size=1, max_size=30).filter(lambda t: normalize_name(t)))
def test_custom_ids_depend_only_on_the_normalized_name(name):
    assert custom_id(name) == custom_id(f" {name.upper()} ") or not name.isascii()
    assert custom_id(name).startswith("custom-") and " " not in custom_id(name)


# --- bodyweight ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Pull Up",
        "Chin Up",
        "Dip",
        "Push Up",
        "Inverted Row",
        "Hanging Leg Raise",
        "Triceps Dip",
        "Plank",
        "Sit Up",
        "Nordic Curl",
        "Pull Up (Weighted)",
    ],
)
def test_movements_that_lift_the_body_are_bodyweight(name):
    assert CAT.find(name).bodyweight


@pytest.mark.parametrize(
    "name",
    [
        "Bench Press (Barbell)",
        "Squat (Barbell)",
        "Lat Pulldown",
        "Bicep Curl (Dumbbell)",
        "Cable Crunch",
        "Leg Press",
        "Lateral Raise (Dumbbell)",
        "Deadlift (Barbell)",
    ],
)
def test_loaded_movements_are_not_bodyweight(name):
    assert not CAT.find(name).bodyweight


def test_exercises_are_not_bodyweight_unless_marked():
    assert Exercise("x", "X", ("chest",)).bodyweight is False


# --- the common form first, and one clear match ----------------------------------------------


def test_search_ranks_the_common_curl_before_the_cable_curl():
    """Issue 15: `curl` listed the cable curl (a shorter name) before the barbell and
    dumbbell curls lifters mean."""
    ids = [e.id for e in CAT.search("curl", limit=None)]
    assert ids[0] == "dumbbell-curl"
    assert ids.index("barbell-curl") < ids.index("cable-curl")
    assert ids.index("dumbbell-curl") < ids.index("cable-curl")
    row = [e.id for e in CAT.search("row", limit=3)]
    assert row[0] == "barbell-row"


@pytest.mark.parametrize(
    "query, exercise_id",
    [
        ("curl", "dumbbell-curl"),
        ("lat pull", "lat-pulldown"),
        ("squat", "barbell-back-squat"),
        ("Leg Ext", "leg-extension"),
        ("face", "face-pull"),
        ("pushdown", "triceps-pushdown"),
        ("Squat (Barbell)", "barbell-back-squat"),
        ("snatch", "snatch"),
        ("row", "barbell-row"),
        ("db curl", "dumbbell-curl"),
        ("leg pr", "leg-press"),
    ],
)
def test_best_match_takes_the_one_clearly_meant(query, exercise_id):
    assert CAT.best_match(query).id == exercise_id


@pytest.mark.parametrize("query", ["incline", "press", "fly", "raise", "xyzzy", "", "bbs", "pldwn"])
def test_best_match_refuses_a_tie_a_loose_match_or_nothing(query):
    assert CAT.best_match(query) is None


def test_best_match_with_the_lifters_own_exercises():
    mine = Exercise(custom_id("Zottman Preacher"), "Zottman Preacher", ("biceps",), custom=True)
    cat = Catalogue([mine])
    assert cat.best_match("zottman p") == mine  # the only match
    assert cat.best_match("zottman") is None  # starts both names, neither more common
    assert cat.best_match("preacher").id == "preacher-curl"  # starts its name only


# --- a copy of a builtin from before equipment ----------------------------------------------


def test_a_stored_copy_of_a_builtin_from_before_equipment_takes_the_builtins_load_back():
    old_copy = Exercise(
        "dumbbell-bench-press", "Dumbbell Bench Press", ("chest",), rest_seconds=100, custom=True
    )  # equipment other: not said then
    got = Catalogue([old_copy]).get("dumbbell-bench-press")
    assert (got.equipment, got.per_hand, got.rest_seconds) == ("dumbbell", True, 100)
    said = replace(old_copy, equipment="machine")
    assert Catalogue([said]).get("dumbbell-bench-press").equipment == "machine"
    mine = Exercise(custom_id("Odd Lift"), "Odd Lift", ("chest",), custom=True)
    assert Catalogue([mine]).get(mine.id).equipment == "other"
    no_longer_bodyweight = Exercise("pull-up", "Pull-Up", ("back",), custom=True)
    assert Catalogue([no_longer_bodyweight]).get("pull-up").equipment == "other"
