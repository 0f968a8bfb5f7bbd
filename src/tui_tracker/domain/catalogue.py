"""The exercises the app knows, and how a typed or imported name finds one.

Sets are stored against an exercise id, and weekly volume is counted from the
exercise's muscles, so the muscles here decide what the volume screen says:
a set counts 1 for each primary muscle and 0.5 for each secondary one.  The
secondary lists are kept short on purpose; a muscle that only stabilises
(lower back in a squat, abs in a press) is left out so it is not over-counted.

Aliases hold the names the Strong and Hevy apps export ("Squat (Barbell)"),
so a CSV import resolves without asking, plus the short names lifters type
("ohp", "rdl").  Ids are part of the stored data: never rename one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property
from typing import Iterable, Iterator

from .models import Exercise, ExerciseKind
from .muscles import check_muscles
from .text import clean_text

C: ExerciseKind = "compound"
I: ExerciseKind = "isolation"  # noqa: E741 - reads as a column in the table below

# Rest between sets.  Longer rests gave more growth than short ones on multi-joint
# lifts (Schoenfeld 2016: 3 min beat 1 min), and heavy lifts need them most.
REST_HEAVY = 180
REST_COMPOUND = 150
REST_LIGHT_COMPOUND = 120
REST_ISOLATION = 90


def _ex(id: str, name: str, primary: str, secondary: str, kind: ExerciseKind, rest: int,
        aliases: tuple[str, ...] = (), *, high_skill: bool = False,
        bodyweight: bool = False) -> Exercise:
    """One table row; muscles are space-separated ids so a row fits on a line."""
    return Exercise(id=id, name=name, primary=tuple(primary.split()),
                    secondary=tuple(secondary.split()), kind=kind, high_skill=high_skill,
                    rest_seconds=rest, aliases=aliases, bodyweight=bodyweight)


H, M, L, R = REST_HEAVY, REST_COMPOUND, REST_LIGHT_COMPOUND, REST_ISOLATION

# high_skill: barbell squats (bar on the back or front) and barbell deadlifts from the
# floor, where form breaks down near failure under a heavy spine load.  Hinges that
# start from the top (RDL, stiff-leg, good morning), guided or supported squats
# (leg press, hack, Smith, goblet), trap-bar pulls and rack pulls are lower risk.
# bodyweight: the body is the load (pull-ups, dips, push-ups, leg raises, planks), so a set
# may record no weight, or the load added to the body; everything else lifts a weight.
BUILTIN_EXERCISES: tuple[Exercise, ...] = (
    # --- chest ---------------------------------------------------------------------------
    _ex("barbell-bench-press", "Barbell Bench Press", "chest", "triceps front_delts", C, H,
        ("Bench Press (Barbell)", "Bench Press", "Flat Bench Press", "Barbell Bench", "bench")),
    _ex("dumbbell-bench-press", "Dumbbell Bench Press", "chest", "triceps front_delts", C, M,
        ("Bench Press (Dumbbell)", "DB Bench Press", "Flat Dumbbell Press", "Dumbbell Press")),
    _ex("incline-barbell-bench-press", "Incline Barbell Bench Press", "chest",
        "front_delts triceps", C, H,
        ("Incline Bench Press (Barbell)", "Incline Bench Press", "Incline Bench")),
    _ex("incline-dumbbell-press", "Incline Dumbbell Press", "chest", "front_delts triceps", C, M,
        ("Incline Bench Press (Dumbbell)", "Incline Dumbbell Bench Press", "Incline DB Press")),
    _ex("decline-barbell-bench-press", "Decline Barbell Bench Press", "chest",
        "triceps front_delts", C, M, ("Decline Bench Press (Barbell)", "Decline Bench Press")),
    _ex("machine-chest-press", "Machine Chest Press", "chest", "triceps front_delts", C, L,
        ("Chest Press (Machine)", "Chest Press", "Seated Chest Press")),
    _ex("machine-incline-chest-press", "Machine Incline Chest Press", "chest",
        "front_delts triceps", C, L, ("Incline Chest Press (Machine)",)),
    _ex("dumbbell-fly", "Dumbbell Fly", "chest", "", I, R,
        ("Chest Fly (Dumbbell)", "Chest Fly", "Dumbbell Flye", "Flat Dumbbell Fly")),
    _ex("cable-crossover", "Cable Crossover", "chest", "", I, R,
        ("Cable Fly", "Cable Fly Crossovers", "Chest Fly (Cable)", "Cable Chest Fly")),
    _ex("pec-deck", "Pec Deck", "chest", "", I, R,
        ("Butterfly (Pec Deck)", "Chest Fly (Machine)", "Pec Deck (Machine)", "Machine Fly",
         "Butterfly")),
    _ex("push-up", "Push-Up", "chest", "triceps front_delts", C, L,
        ("Push Up", "Pushup", "Push Ups"), bodyweight=True),
    _ex("chest-dip", "Chest Dip", "chest", "triceps front_delts", C, M,
        ("Dip", "Dips", "Chest Dip (Assisted)", "Weighted Dip"), bodyweight=True),
    # Pec major works at least as hard as the lats here (Marchetti & Uchida 2011).
    _ex("dumbbell-pullover", "Dumbbell Pullover", "chest back", "triceps", I, R,
        ("Pullover (Dumbbell)", "Pullover")),
    # --- back ----------------------------------------------------------------------------
    _ex("pull-up", "Pull-Up", "back", "biceps", C, M,
        ("Pull Up", "Pullup", "Pull Ups", "Pull Up (Weighted)", "Weighted Pull Up"),
        bodyweight=True),
    _ex("chin-up", "Chin-Up", "back", "biceps", C, M,
        ("Chin Up", "Chinup", "Chin Ups", "Chin Up (Weighted)", "Weighted Chin Up"),
        bodyweight=True),
    _ex("assisted-pull-up", "Assisted Pull-Up", "back", "biceps", C, L,
        ("Pull Up (Assisted)", "Assisted Pull Up", "Chin Up (Assisted)", "Assisted Chin Up"),
        bodyweight=True),
    _ex("lat-pulldown", "Lat Pulldown", "back", "biceps", C, L,
        ("Lat Pulldown (Cable)", "Lat Pulldown (Machine)", "Lat Pull Down", "Pulldown",
         "Lat Pulldown - Wide Grip (Cable)", "Wide Grip Lat Pulldown")),
    _ex("close-grip-lat-pulldown", "Close-Grip Lat Pulldown", "back", "biceps", C, L,
        ("Lat Pulldown - Close Grip (Cable)", "Close Grip Lat Pulldown", "V Bar Lat Pulldown")),
    _ex("barbell-row", "Barbell Row", "back", "biceps rear_delts", C, M,
        ("Bent Over Row (Barbell)", "Bent Over Row", "Barbell Bent Over Row", "BB Row")),
    _ex("pendlay-row", "Pendlay Row", "back", "biceps rear_delts", C, M,
        ("Pendlay Row (Barbell)",)),
    _ex("dumbbell-row", "One-Arm Dumbbell Row", "back", "biceps rear_delts", C, L,
        ("Bent Over One Arm Row (Dumbbell)", "Dumbbell Row", "Bent Over Row (Dumbbell)",
         "Single Arm Dumbbell Row", "DB Row")),
    _ex("seated-cable-row", "Seated Cable Row", "back", "biceps rear_delts", C, L,
        ("Seated Row (Cable)", "Seated Cable Row - V Grip (Cable)",
         "Seated Cable Row - Bar Grip", "Cable Row", "Seated Row")),
    _ex("t-bar-row", "T-Bar Row", "back", "biceps rear_delts", C, M,
        ("T Bar Row", "T Bar Row (Machine)", "Landmine Row")),
    _ex("chest-supported-row", "Chest-Supported Dumbbell Row", "back", "biceps rear_delts", C, L,
        ("Chest Supported Incline Row (Dumbbell)", "Chest Supported Row", "Incline Dumbbell Row")),
    _ex("machine-row", "Machine Row", "back", "biceps rear_delts", C, L,
        ("Seated Row (Machine)", "Iso-Lateral Row (Machine)", "Row (Machine)")),
    _ex("inverted-row", "Inverted Row", "back", "biceps rear_delts", C, L,
        ("Bodyweight Row", "Australian Pull Up"), bodyweight=True),
    _ex("straight-arm-pulldown", "Straight-Arm Pulldown", "back", "", I, R,
        ("Straight Arm Lat Pulldown (Cable)", "Straight Arm Pulldown (Cable)", "Cable Pullover")),
    _ex("rack-pull", "Rack Pull", "back traps glutes", "hamstrings forearms", C, H,
        ("Rack Pull (Barbell)", "Rack Pulls")),
    # --- squats and quads ----------------------------------------------------------------
    _ex("barbell-back-squat", "Barbell Back Squat", "quads glutes", "", C, H,
        ("Squat (Barbell)", "Squat", "Back Squat", "Barbell Squat", "High Bar Squat",
         "Low Bar Squat"), high_skill=True),
    _ex("barbell-front-squat", "Barbell Front Squat", "quads glutes", "", C, H,
        ("Front Squat (Barbell)", "Front Squat"), high_skill=True),
    _ex("pause-squat", "Pause Squat", "quads glutes", "", C, H,
        ("Pause Squat (Barbell)", "Paused Squat"), high_skill=True),
    _ex("box-squat", "Box Squat", "quads glutes", "hamstrings", C, H,
        ("Box Squat (Barbell)",), high_skill=True),
    _ex("safety-bar-squat", "Safety Bar Squat", "quads glutes", "", C, H,
        ("Squat (Safety Bar)", "SSB Squat", "Safety Squat Bar Squat"), high_skill=True),
    _ex("smith-machine-squat", "Smith Machine Squat", "quads glutes", "", C, M,
        ("Squat (Smith Machine)", "Smith Squat")),
    _ex("leg-press", "Leg Press", "quads glutes", "", C, M,
        ("Leg Press (Machine)", "Sled Leg Press", "45 Degree Leg Press")),
    _ex("hack-squat", "Hack Squat", "quads", "glutes", C, M,
        ("Hack Squat (Machine)", "Machine Hack Squat")),
    _ex("goblet-squat", "Goblet Squat", "quads glutes", "", C, L,
        ("Goblet Squat (Kettlebell)", "Goblet Squat (Dumbbell)")),
    _ex("bulgarian-split-squat", "Bulgarian Split Squat", "quads glutes", "", C, L,
        ("Bulgarian Split Squat (Dumbbell)", "Rear Foot Elevated Split Squat", "RFESS")),
    _ex("split-squat", "Split Squat", "quads glutes", "", C, L,
        ("Split Squat (Dumbbell)", "Split Squat (Barbell)")),
    _ex("dumbbell-lunge", "Dumbbell Lunge", "quads glutes", "", C, L,
        ("Lunge (Dumbbell)", "Lunge", "Lunges", "Reverse Lunge (Dumbbell)", "Reverse Lunge")),
    _ex("walking-lunge", "Walking Lunge", "quads glutes", "", C, L,
        ("Walking Lunge (Dumbbell)", "Walking Lunges")),
    _ex("step-up", "Step-Up", "quads glutes", "", C, L,
        ("Step Up", "Step Up (Dumbbell)", "Dumbbell Step Up")),
    _ex("leg-extension", "Leg Extension", "quads", "", I, R,
        ("Leg Extension (Machine)", "Knee Extension", "Leg Extensions")),
    # --- hinges, hamstrings and glutes ---------------------------------------------------
    _ex("conventional-deadlift", "Conventional Deadlift", "glutes hamstrings",
        "back quads traps forearms", C, H,
        ("Deadlift (Barbell)", "Deadlift", "Barbell Deadlift", "dl"), high_skill=True),
    _ex("sumo-deadlift", "Sumo Deadlift", "glutes quads", "hamstrings back traps forearms", C, H,
        ("Sumo Deadlift (Barbell)", "Sumo"), high_skill=True),
    _ex("deficit-deadlift", "Deficit Deadlift", "glutes hamstrings",
        "back quads traps forearms", C, H, ("Deficit Deadlift (Barbell)",), high_skill=True),
    _ex("trap-bar-deadlift", "Trap Bar Deadlift", "quads glutes",
        "hamstrings back traps forearms", C, H,
        ("Deadlift (Trap bar)", "Trap Bar Deadlift (Trap bar)", "Hex Bar Deadlift")),
    _ex("romanian-deadlift", "Romanian Deadlift", "hamstrings glutes", "back forearms", C, M,
        ("Romanian Deadlift (Barbell)", "RDL", "Barbell RDL", "Barbell Romanian Deadlift")),
    _ex("dumbbell-romanian-deadlift", "Dumbbell Romanian Deadlift", "hamstrings glutes",
        "forearms", C, L, ("Romanian Deadlift (Dumbbell)", "Dumbbell RDL", "DB RDL")),
    _ex("stiff-leg-deadlift", "Stiff-Leg Deadlift", "hamstrings glutes", "back forearms", C, M,
        ("Stiff Leg Deadlift (Barbell)", "Straight Leg Deadlift (Barbell)",
         "Straight Leg Deadlift", "Stiff Leg Deadlift", "SLDL")),
    _ex("good-morning", "Good Morning", "hamstrings glutes", "back", C, M,
        ("Good Morning (Barbell)", "Good Mornings")),
    _ex("seated-leg-curl", "Seated Leg Curl", "hamstrings", "", I, R,
        ("Seated Leg Curl (Machine)",)),
    _ex("lying-leg-curl", "Lying Leg Curl", "hamstrings", "", I, R,
        ("Lying Leg Curl (Machine)", "Leg Curl", "Leg Curl (Machine)", "Prone Leg Curl")),
    _ex("nordic-hamstring-curl", "Nordic Hamstring Curl", "hamstrings", "", I, R,
        ("Nordic Hamstrings Curls", "Nordic Curl", "Nordic Ham Curl"), bodyweight=True),
    _ex("glute-ham-raise", "Glute-Ham Raise", "hamstrings", "glutes", C, L,
        ("Glute Ham Raise", "GHR"), bodyweight=True),
    _ex("back-extension", "Back Extension", "glutes hamstrings", "back", C, L,
        ("Back Extension (Hyperextension)", "Hyperextension", "Back Extension (Machine)",
         "Hyperextensions", "45 Degree Back Extension"), bodyweight=True),
    _ex("barbell-hip-thrust", "Barbell Hip Thrust", "glutes", "hamstrings", C, L,
        ("Hip Thrust (Barbell)", "Hip Thrust", "Barbell Hip Thrusts")),
    _ex("machine-hip-thrust", "Machine Hip Thrust", "glutes", "hamstrings", C, L,
        ("Hip Thrust (Machine)",)),
    _ex("glute-bridge", "Glute Bridge", "glutes", "hamstrings", C, L,
        ("Glute Bridge (Barbell)", "Hip Bridge", "Barbell Glute Bridge")),
    _ex("cable-pull-through", "Cable Pull-Through", "glutes hamstrings", "", C, L,
        ("Pull Through (Cable)", "Cable Pull Through")),
    _ex("kettlebell-swing", "Kettlebell Swing", "glutes hamstrings", "forearms", C, L,
        ("KB Swing", "Russian Kettlebell Swing", "Kettlebell Swings")),
    _ex("hip-abduction", "Hip Abduction Machine", "glutes", "", I, R,
        ("Hip Abduction (Machine)", "Hip Abductor (Machine)", "Hip Abduction", "Hip Abductor")),
    _ex("cable-glute-kickback", "Cable Glute Kickback", "glutes", "hamstrings", I, R,
        ("Glute Kickback (Cable)", "Glute Kickback (Machine)", "Cable Kickback",
         "Glute Kickback")),
    # --- calves --------------------------------------------------------------------------
    _ex("standing-calf-raise", "Standing Calf Raise", "calves", "", I, R,
        ("Standing Calf Raise (Machine)", "Standing Calf Raise (Smith Machine)", "Calf Raise",
         "Calf Raise (Machine)", "Calf Raises")),
    _ex("seated-calf-raise", "Seated Calf Raise", "calves", "", I, R,
        ("Seated Calf Raise (Machine)", "Seated Calf Raise (Plate Loaded)")),
    _ex("leg-press-calf-raise", "Leg Press Calf Raise", "calves", "", I, R,
        ("Calf Press on Leg Press", "Calf Press (Machine)", "Calf Press")),
    _ex("single-leg-calf-raise", "Single-Leg Calf Raise", "calves", "", I, R,
        ("Standing Calf Raise (Dumbbell)", "Single Leg Calf Raise (Dumbbell)",
         "Single Leg Calf Raise", "One Leg Calf Raise")),
    _ex("donkey-calf-raise", "Donkey Calf Raise", "calves", "", I, R,
        ("Donkey Calf Raise (Machine)",)),
    # --- shoulders -----------------------------------------------------------------------
    _ex("barbell-overhead-press", "Barbell Overhead Press", "front_delts",
        "triceps side_delts", C, H,
        ("Overhead Press (Barbell)", "Overhead Press", "OHP", "Military Press",
         "Strict Press", "Standing Barbell Press", "Shoulder Press (Barbell)")),
    _ex("seated-dumbbell-shoulder-press", "Seated Dumbbell Shoulder Press", "front_delts",
        "triceps side_delts", C, M,
        ("Seated Overhead Press (Dumbbell)", "Shoulder Press (Dumbbell)",
         "Dumbbell Shoulder Press", "Seated Dumbbell Press")),
    _ex("standing-dumbbell-overhead-press", "Standing Dumbbell Overhead Press", "front_delts",
        "triceps side_delts", C, M,
        ("Overhead Press (Dumbbell)", "Standing Dumbbell Press", "Dumbbell Overhead Press")),
    _ex("machine-shoulder-press", "Machine Shoulder Press", "front_delts",
        "triceps side_delts", C, L,
        ("Shoulder Press (Machine)", "Shoulder Press (Machine Plates)",
         "Overhead Press (Machine)")),
    _ex("arnold-press", "Arnold Press", "front_delts", "side_delts triceps", C, L,
        ("Arnold Press (Dumbbell)",)),
    _ex("push-press", "Push Press", "front_delts", "triceps side_delts quads", C, M,
        ("Push Press (Barbell)",)),
    _ex("landmine-press", "Landmine Press", "front_delts", "chest triceps", C, L,
        ("Landmine Press (Barbell)", "Single Arm Landmine Press (Barbell)")),
    _ex("dumbbell-lateral-raise", "Dumbbell Lateral Raise", "side_delts", "", I, R,
        ("Lateral Raise (Dumbbell)", "Lateral Raise", "Side Lateral Raise", "Lat Raise",
         "Side Raise")),
    _ex("cable-lateral-raise", "Cable Lateral Raise", "side_delts", "", I, R,
        ("Lateral Raise (Cable)", "Single Arm Lateral Raise (Cable)")),
    _ex("machine-lateral-raise", "Machine Lateral Raise", "side_delts", "", I, R,
        ("Lateral Raise (Machine)",)),
    _ex("upright-row", "Upright Row", "side_delts traps", "biceps", C, L,
        ("Upright Row (Barbell)", "Upright Row (Cable)", "Upright Row (Dumbbell)")),
    _ex("dumbbell-front-raise", "Dumbbell Front Raise", "front_delts", "", I, R,
        ("Front Raise (Dumbbell)", "Front Raise", "Front Raise (Cable)", "Front Raise (Plate)")),
    _ex("dumbbell-reverse-fly", "Dumbbell Reverse Fly", "rear_delts", "traps", I, R,
        ("Reverse Fly (Dumbbell)", "Rear Delt Reverse Fly (Dumbbell)", "Reverse Fly",
         "Bent Over Reverse Fly", "Rear Delt Fly")),
    _ex("reverse-pec-deck", "Reverse Pec Deck", "rear_delts", "traps", I, R,
        ("Reverse Fly (Machine)", "Rear Delt Reverse Fly (Machine)", "Reverse Pec Deck (Machine)",
         "Rear Delt Machine")),
    _ex("cable-rear-delt-fly", "Cable Rear Delt Fly", "rear_delts", "traps", I, R,
        ("Rear Delt Reverse Fly (Cable)", "Reverse Fly (Cable)", "Reverse Cable Crossover")),
    _ex("face-pull", "Face Pull", "rear_delts", "traps", I, R,
        ("Face Pull (Cable)", "Face Pulls", "Rope Face Pull")),
    # --- traps ---------------------------------------------------------------------------
    _ex("barbell-shrug", "Barbell Shrug", "traps", "forearms", I, R,
        ("Shrug (Barbell)", "Shrug", "Shrugs")),
    _ex("dumbbell-shrug", "Dumbbell Shrug", "traps", "forearms", I, R,
        ("Shrug (Dumbbell)",)),
    _ex("machine-shrug", "Machine Shrug", "traps", "", I, R,
        ("Shrug (Machine)", "Shrug (Smith Machine)", "Smith Machine Shrug")),
    _ex("trap-bar-shrug", "Trap Bar Shrug", "traps", "forearms", I, R,
        ("Shrug (Trap Bar)",)),
    # --- biceps --------------------------------------------------------------------------
    _ex("barbell-curl", "Barbell Curl", "biceps", "forearms", I, R,
        ("Bicep Curl (Barbell)", "Biceps Curl (Barbell)", "Barbell Biceps Curl",
         "Barbell Bicep Curl", "Standing Barbell Curl")),
    _ex("ez-bar-curl", "EZ-Bar Curl", "biceps", "forearms", I, R,
        ("EZ Bar Biceps Curl", "Bicep Curl (EZ Bar)", "EZ Bar Curl", "EZ Curl")),
    _ex("dumbbell-curl", "Dumbbell Curl", "biceps", "forearms", I, R,
        ("Bicep Curl (Dumbbell)", "Biceps Curl (Dumbbell)", "Dumbbell Bicep Curl",
         "Dumbbell Biceps Curl", "Bicep Curl", "Biceps Curl", "Alternating Dumbbell Curl")),
    _ex("hammer-curl", "Hammer Curl", "biceps", "forearms", I, R,
        ("Hammer Curl (Dumbbell)", "Hammer Curl (Cable)", "Rope Hammer Curl")),
    _ex("cable-curl", "Cable Curl", "biceps", "forearms", I, R,
        ("Bicep Curl (Cable)", "Biceps Curl (Cable)", "Cable Bicep Curl")),
    _ex("preacher-curl", "Preacher Curl", "biceps", "", I, R,
        ("Preacher Curl (Barbell)", "Preacher Curl (EZ Bar)", "EZ Bar Preacher Curl")),
    _ex("dumbbell-preacher-curl", "Dumbbell Preacher Curl", "biceps", "", I, R,
        ("Preacher Curl (Dumbbell)",)),
    _ex("machine-preacher-curl", "Machine Preacher Curl", "biceps", "", I, R,
        ("Preacher Curl (Machine)", "Bicep Curl (Machine)", "Machine Bicep Curl")),
    _ex("incline-dumbbell-curl", "Incline Dumbbell Curl", "biceps", "", I, R,
        ("Incline Curl (Dumbbell)", "Seated Incline Curl (Dumbbell)", "Incline Curl")),
    _ex("concentration-curl", "Concentration Curl", "biceps", "", I, R,
        ("Concentration Curl (Dumbbell)",)),
    _ex("spider-curl", "Spider Curl", "biceps", "", I, R,
        ("Spider Curl (Dumbbell)", "Spider Curl (Barbell)")),
    # --- triceps -------------------------------------------------------------------------
    _ex("triceps-pushdown", "Triceps Pushdown", "triceps", "", I, R,
        ("Triceps Pushdown (Cable - Straight Bar)", "Triceps Pushdown (Cable - V Bar)",
         "Triceps Pushdown (Cable)", "Tricep Pushdown", "Cable Pushdown", "Straight Bar Pushdown")),
    _ex("triceps-rope-pushdown", "Triceps Rope Pushdown", "triceps", "", I, R,
        ("Triceps Pushdown (Cable - Rope)", "Tricep Rope Pushdown", "Rope Pushdown")),
    _ex("overhead-cable-triceps-extension", "Overhead Cable Triceps Extension", "triceps", "",
        I, R, ("Overhead Triceps Extension (Cable)", "Triceps Extension (Cable)",
               "Cable Overhead Triceps Extension", "Overhead Cable Extension")),
    _ex("dumbbell-overhead-triceps-extension", "Dumbbell Overhead Triceps Extension", "triceps",
        "", I, R, ("Triceps Extension (Dumbbell)", "Overhead Triceps Extension (Dumbbell)",
                   "Overhead Tricep Extension", "Seated Triceps Press")),
    _ex("skull-crusher", "Skull Crusher", "triceps", "", I, R,
        ("Skullcrusher (Barbell)", "Skullcrusher (EZ Bar)", "Skullcrusher", "Skull Crushers",
         "Lying Triceps Extension (Barbell)", "Lying Triceps Extension")),
    _ex("dumbbell-skull-crusher", "Dumbbell Skull Crusher", "triceps", "", I, R,
        ("Skullcrusher (Dumbbell)", "Lying Triceps Extension (Dumbbell)")),
    _ex("triceps-kickback", "Triceps Kickback", "triceps", "", I, R,
        ("Triceps Kickback (Dumbbell)", "Triceps Kickback (Cable)", "Tricep Kickback")),
    _ex("close-grip-bench-press", "Close-Grip Bench Press", "triceps chest", "front_delts", C, M,
        ("Bench Press - Close Grip (Barbell)", "Close Grip Bench Press (Barbell)",
         "Close Grip Bench Press", "Close Grip Bench", "CGBP")),
    _ex("triceps-dip", "Triceps Dip", "triceps", "chest front_delts", C, M,
        ("Tricep Dip", "Triceps Dip (Assisted)", "Triceps Dip (Weighted)"), bodyweight=True),
    _ex("bench-dip", "Bench Dip", "triceps", "chest front_delts", C, L,
        ("Bench Dips", "Bench Dip (Weighted)"), bodyweight=True),
    _ex("diamond-push-up", "Diamond Push-Up", "triceps", "chest front_delts", C, L,
        ("Diamond Push Up", "Close Grip Push Up"), bodyweight=True),
    # --- forearms ------------------------------------------------------------------------
    _ex("wrist-curl", "Wrist Curl", "forearms", "", I, R,
        ("Wrist Curl (Barbell)", "Wrist Curl (Dumbbell)", "Seated Wrist Curl",
         "Barbell Wrist Curl")),
    _ex("reverse-wrist-curl", "Reverse Wrist Curl", "forearms", "", I, R,
        ("Reverse Wrist Curl (Barbell)", "Reverse Wrist Curl (Dumbbell)", "Wrist Extension")),
    _ex("reverse-curl", "Reverse Curl", "forearms", "biceps", I, R,
        ("Reverse Curl (Barbell)", "Reverse Curl (EZ Bar)", "Reverse Curl (Dumbbell)",
         "Reverse Grip Curl")),
    _ex("farmers-walk", "Farmer's Walk", "forearms traps", "", C, L,
        ("Farmers Walk", "Farmer's Carry", "Farmer Walk", "Farmers Walk (Dumbbell)")),
    _ex("dead-hang", "Dead Hang", "forearms", "", I, R, ("Bar Hang", "Dead Hangs"),
        bodyweight=True),
    _ex("wrist-roller", "Wrist Roller", "forearms", "", I, R, ()),
    _ex("plate-pinch", "Plate Pinch", "forearms", "", I, R, ("Plate Pinch Hold", "Pinch Grip")),
    # --- abs -----------------------------------------------------------------------------
    _ex("crunch", "Crunch", "abs", "", I, R, ("Crunches", "Crunch (Weighted)", "Floor Crunch"),
        bodyweight=True),
    _ex("cable-crunch", "Cable Crunch", "abs", "", I, R,
        ("Kneeling Cable Crunch", "Rope Crunch", "Cable Crunches")),
    _ex("machine-crunch", "Machine Crunch", "abs", "", I, R,
        ("Crunch (Machine)", "Ab Crunch Machine", "Ab Crunch (Machine)")),
    _ex("decline-crunch", "Decline Crunch", "abs", "", I, R,
        ("Decline Crunch (Weighted)", "Decline Sit Up"), bodyweight=True),
    _ex("hanging-leg-raise", "Hanging Leg Raise", "abs", "", I, R,
        ("Hanging Knee Raise", "Hanging Leg Raises", "Toes to Bar"), bodyweight=True),
    _ex("captains-chair-knee-raise", "Captain's Chair Knee Raise", "abs", "", I, R,
        ("Knee Raise (Captain's Chair)", "Knee Raise Parallel Bars", "Leg Raise Parallel Bars",
         "Captain's Chair Leg Raise", "Vertical Knee Raise"), bodyweight=True),
    _ex("lying-leg-raise", "Lying Leg Raise", "abs", "", I, R,
        ("Leg Raise", "Leg Raises", "Lying Leg Raises"), bodyweight=True),
    _ex("ab-wheel-rollout", "Ab Wheel Rollout", "abs", "", I, R,
        ("Ab Wheel", "Ab Roller", "Ab Rollout"), bodyweight=True),
    _ex("plank", "Plank", "abs", "", I, R, ("Front Plank", "Forearm Plank", "Planks"),
        bodyweight=True),
    _ex("sit-up", "Sit-Up", "abs", "", I, R, ("Sit Up", "Situp", "Sit Ups", "Weighted Sit Up"),
        bodyweight=True),
    _ex("russian-twist", "Russian Twist", "abs", "", I, R,
        ("Russian Twist (Weighted)", "Russian Twists"), bodyweight=True),
)

del C, I, H, M, L, R  # table shorthands only


# --- names ----------------------------------------------------------------------------------

_APOSTROPHES = re.compile(r"['\u2019`]")
_NOT_WORD = re.compile(r"[\W_]+")


def normalize_name(text: str) -> str:
    """The form names are compared in: case, accents, punctuation and spacing ignored.

    "Squat (Barbell)", " SQUAT  (barbell) " and "squat-barbell" all become
    "squat barbell"; apostrophes join ("Farmer's" is "farmers") so the apps'
    spellings with and without one match.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.casefold())
    return _NOT_WORD.sub(" ", text).strip()


def custom_id(name: str) -> str:
    """The id for a lifter's new exercise: "custom-" and a slug of its name.

    The prefix keeps it clear of every builtin id, present or future.
    """
    slug = normalize_name(name).replace(" ", "-")
    if not slug:
        raise ValueError(f"an exercise name needs a letter or digit: {name!r}")
    return f"custom-{slug}"


def new_exercise(catalogue: "Catalogue", name: str, primary: tuple[str, ...] | list[str],
                 secondary: tuple[str, ...] | list[str] = (), kind: ExerciseKind = "compound",
                 high_skill: bool = False, rest_seconds: int | None = None,
                 aliases: tuple[str, ...] = ()) -> Exercise:
    """A lifter's own exercise, checked: a new name, at least one primary muscle.

    Rest defaults by kind (compounds 150 s, isolation 90 s), as for the builtins:
    longer rests help on multi-joint lifts.
    """
    name = clean_text(name).strip()  # the id is made from it: clean first
    if not name:
        raise ValueError("an exercise needs a name")
    existing = catalogue.find(name)
    if existing is not None:
        raise ValueError(f"{name!r} is already in the catalogue as {existing.name!r}")
    primary = check_muscles(tuple(primary))
    if not primary:
        raise ValueError("an exercise needs at least one primary muscle")
    if rest_seconds is None:
        rest_seconds = REST_COMPOUND if kind == "compound" else REST_ISOLATION
    return Exercise(id=custom_id(name), name=name, primary=primary,
                    secondary=check_muscles(tuple(secondary)), kind=kind, high_skill=high_skill,
                    rest_seconds=rest_seconds, aliases=tuple(aliases), custom=True)


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


class _Key:
    """One searchable name (the name or an alias), normalized once up front."""

    __slots__ = ("text", "padded", "initials", "compact", "is_alias")

    def __init__(self, text: str, is_alias: bool) -> None:
        self.text = text
        self.padded = " " + text  # " " + token found here means a word starts with token
        self.initials = "".join(w[0] for w in text.split())
        self.compact = text.replace(" ", "")
        self.is_alias = is_alias


# Search ranks, best first.
_EXACT, _PREFIX, _WORD_START, _SUBSTRING, _LOOSE = range(5)

#: Shorthands lifters type in a picker, tried as well as the token itself.
_SHORTHANDS: dict[str, tuple[str, ...]] = {
    "db": ("dumbbell",), "bb": ("barbell",), "kb": ("kettlebell",), "bw": ("bodyweight",),
}


def _token_rank(key: _Key, token: str, loose: bool) -> int | None:
    if " " + token in key.padded:
        return _WORD_START
    if token in key.text:
        return _SUBSTRING
    if loose and len(token) >= 2 and (_is_subsequence(token, key.initials)
                                      or (len(token) >= 4 and _is_subsequence(token, key.compact))):
        return _LOOSE
    return None


def _key_rank(key: _Key, query: str, tokens: list[tuple[str, ...]], loose: bool) -> int | None:
    """How well `key` matches, or None when some token is missing from it.

    `tokens` holds each typed word with its spelled-out forms ("db", "dumbbell").
    """
    if key.text == query:
        return _EXACT
    if key.text.startswith(query):
        return _PREFIX
    rank = _WORD_START
    for forms in tokens:
        ranks = [r for r in (_token_rank(key, form, loose) for form in forms) if r is not None]
        if not ranks:
            return None
        rank = max(rank, min(ranks))
    return rank


class Catalogue:
    """The builtin exercises plus the lifter's own, looked up by id or by any name.

    A custom exercise with a builtin's id replaces it: that is how a lifter
    corrects the muscles of a builtin.  When two exercises claim the same name,
    the lifter's own wins, and an id beats a name, which beats an alias.
    """

    def __init__(self, custom: Iterable[Exercise] = ()) -> None:
        custom = list(custom)
        by_id: dict[str, Exercise] = {e.id: e for e in BUILTIN_EXERCISES}
        for e in custom:
            by_id[e.id] = e
        self._by_id = by_id

        own = {e.id for e in custom}
        self._claim_order = [e for e in by_id.values() if e.id in own]
        self._claim_order += [e for e in by_id.values() if e.id not in own]
        self._sorted = sorted(by_id.values(), key=lambda e: (e.name.casefold(), e.id))

    # The name indexes are built on first use: normalizing ~1,200 names and aliases
    # took ~10 ms, and the Today screen's first frame needs only get().

    @cached_property
    def _lookup(self) -> dict[str, Exercise]:
        ordered = self._claim_order
        ids = [(e, e.id) for e in ordered]
        names = [(e, e.name) for e in ordered]
        aliases = [(e, alias) for e in ordered for alias in e.aliases]
        lookup: dict[str, Exercise] = {}
        for e, text in ids + names + aliases:  # first claim wins
            key = normalize_name(text)
            if key:
                lookup.setdefault(key, e)
        return lookup

    @cached_property
    def _keys(self) -> list[tuple[Exercise, list[_Key], str, frozenset[str]]]:
        """Per exercise: its keys, all of them in one string, and the letters they use,
        so most exercises are ruled out by one `in` test before any key is looked at."""
        found = []
        for e in self._sorted:
            keys = [_Key(normalize_name(e.name), False)]
            seen = {keys[0].text}
            for alias in e.aliases:
                text = normalize_name(alias)
                if text and text not in seen:
                    seen.add(text)
                    keys.append(_Key(text, True))
            blob = "\n".join(key.padded for key in keys)
            found.append((e, keys, blob, frozenset(blob)))
        return found

    # --- lookup ------------------------------------------------------------------------

    def get(self, exercise_id: str) -> Exercise | None:
        return self._by_id.get(exercise_id)

    def find(self, name: str) -> Exercise | None:
        """The exercise whose id, name or alias equals `name` once normalized."""
        return self._lookup.get(normalize_name(name))

    def closest(self, name: str, n: int = 3) -> list[Exercise]:
        """Up to `n` exercises whose name or an alias looks like `name`, best first.

        For "did you mean" hints.  Names are also compared with spaces removed,
        so "benchpress" finds "Bench Press".
        """
        query = normalize_name(name)
        if not query or n <= 0:
            return []
        from difflib import SequenceMatcher  # here: only "did you mean" needs it

        spaced, compact = SequenceMatcher(autojunk=False), SequenceMatcher(autojunk=False)
        spaced.set_seq2(query)
        compact.set_seq2(query.replace(" ", ""))
        cutoff = 0.6
        best: dict[str, float] = {}
        for e, keys, _, _ in self._keys:
            score = 0.0
            for key in keys:
                for matcher, text in ((spaced, key.text), (compact, key.compact)):
                    matcher.set_seq1(text)
                    if (matcher.real_quick_ratio() > max(score, cutoff)
                            and matcher.quick_ratio() > max(score, cutoff)):
                        score = max(score, matcher.ratio())
            if score >= cutoff:
                best[e.id] = score
        ranked = sorted(best, key=lambda i: (-best[i], self._by_id[i].name.casefold()))
        return [self._by_id[i] for i in ranked[:n]]

    def search(self, query: str, limit: int | None = 20) -> list[Exercise]:
        """Exercises matching what has been typed so far, best first, for a picker.

        Every word typed must appear in the name or in one alias, as a word start
        or inside a word ("db" also matches "dumbbell").  Exact and prefix matches
        of the whole query rank first, then word starts, then the rest; the name
        beats an alias, and the shorter name a longer one.  Only when nothing
        matches that way are looser matches tried (initials: "bbs" for Barbell
        Back Squat; letters in order: "pldwn"), so they never bury real hits.
        An empty query lists everything by name.  `limit` None means no limit.
        """
        norm = normalize_name(query)
        if not norm:
            return self._sorted[:limit] if limit is not None else list(self._sorted)
        tokens = [(tok,) + _SHORTHANDS.get(tok, ()) for tok in norm.split()]
        scored = self._scored(norm, tokens, loose=False)
        if not scored:  # nothing typed matches plainly: try initials and letters in order
            scored = self._scored(norm, tokens, loose=True)
        rows = scored if limit is None else scored[:limit]
        return [row[-1] for row in rows]

    def _scored(self, norm: str, tokens: list[tuple[str, ...]],
                loose: bool) -> list[tuple[int, bool, int, str, Exercise]]:
        scored: list[tuple[int, bool, int, str, Exercise]] = []
        for e, keys, blob, letters in self._keys:
            if not all(any(form in blob for form in forms) if not loose
                       else any(letters.issuperset(form) for form in forms)
                       for forms in tokens):
                continue
            best: tuple[int, bool] | None = None
            for key in keys:
                rank = _key_rank(key, norm, tokens, loose)
                if rank is not None and (best is None or (rank, key.is_alias) < best):
                    best = (rank, key.is_alias)
            if best is not None:
                scored.append((best[0], best[1], len(e.name), e.name.casefold(), e))
        scored.sort(key=lambda row: row[:4])
        return scored

    # --- collection --------------------------------------------------------------------

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id
