"""What the app's advice rests on: each rule, the study behind it, and its limits.

One place for the "About the advice" screen (ui/about.py) and the README section
"The advice and its sources".  Every claim here is the evidence's
(shared/evidence.txt) or says plainly that it is the app's own choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .settings import Settings

Notice = Literal["health", "training_status"]


@dataclass(frozen=True)
class Rule:
    """A rule the app applies: what it does, what it rests on, and how far that goes."""

    title: str
    applies: str
    rests_on: str
    limits: str


RULES: tuple[Rule, ...] = (
    Rule(
        "Most working sets at 1-3 reps in reserve",
        "Target RIR falls or holds from 3 toward 1 through a block, and every week keeps most "
        "planned working sets at 1-3 RIR. A last week planned at 0 takes only the final set of "
        "exercises planned for 3+ sets to failure; the other sets stay at 1.",
        "Grgic et al. (2022), meta-analysis: no significant advantage for failure over "
        "non-failure training on strength or hypertrophy. Refalo et al. (2023): near failure "
        "vs failure in previously trained adults, no significant differences. The evidence's "
        "practical advice: 1-3 RIR on most working sets, failure kept for isolation movements "
        "or the final set of an exercise.",
        "Grgic's sub-analysis of trained lifters held only two studies; Refalo's ran 8 weeks "
        "with a modest sample.",
    ),
    Rule(
        "No failure on technically demanding lifts",
        "Squats, deadlifts and the other lifts marked high-skill keep at least 1 RIR in every "
        "plan, and a set logged at 0 on them is warned about.",
        "The evidence's practical advice: on compounds with high technical demands, such as "
        "the back squat or deadlift, failure may raise the risk of form breakdown and injury "
        "without a clear gain in muscle. No single study is named for it.",
        "Which lifts count as high-skill is the app's catalogue, built out from the two lifts "
        "the evidence names.",
    ),
    Rule(
        "Failure advice when you log a set at 0",
        "Failure on isolation work or an exercise's final set is fine; on another compound "
        "before its final set the app suggests 1-3 RIR, so the sets after it keep their "
        "quality. It never refuses a set.",
        "Grgic 2022 and Refalo 2023 (no clear gain from failure); the evidence's advice that "
        "failure be weighed against recovering for the sessions after it.",
        "For trained lifters. For those new to lifting the margin between failure and "
        "near-failure may matter less (Lopez 2021): the advice says which applies to you.",
    ),
    Rule(
        "10-16 hard sets per muscle a week, over two sessions",
        "Each week's hard sets are counted per muscle (1 per primary muscle, 0.5 per secondary; "
        "warm-ups and sets at RIR 5+ do not count) against a band: 10-16 for muscles trained "
        "directly, 0-16 for front delts, rear delts, traps, forearms and abs, which compounds "
        "train. A muscle trained in one session is flagged.",
        "The evidence's practical advice: for trained individuals, 10 to 16 sets per muscle "
        "group a week, split across two sessions, appears productive. It adds (discussing "
        "Schoenfeld et al. 2017) that with volume equated, proximity to failure may matter more "
        "than the load, which is why only sets near failure count. No single study is named for "
        "the band.",
        "For trained lifters; the evidence gives no band for novices. Half sets for secondary "
        "muscles, the RIR 5 line and the 0-16 band are the app's own choices. Set your own "
        "band per muscle: tui-tracker targets set.",
    ),
    Rule(
        "Blocks of 3-6 weeks, then a deload",
        "A block has 3 to 6 hard weeks and then a deload week (about half the sets, RIR 4 or "
        "more). From week 4 the deload is asked for early when two lifts' estimated 1RM falls "
        "more than 1% twice in a row, or sets at the same load run 2+ reps harder than "
        "planned.",
        "The evidence's practical advice: failure training may be best used in mesocycles of 3 "
        "to 6 weeks, followed by a deload period to dissipate fatigue.",
        "The early-deload signals, the deload's size and its lighter loads are the app's own "
        "rules, not the evidence's.",
    ),
    Rule(
        "Your training status",
        "Notes on failure and on the weekly band say whether they apply to you: new to "
        "lifting, some years, or well trained (tui-tracker config set training_status).",
        "Lopez et al. (2021), network meta-analysis: in untrained and recreationally trained "
        "people, muscle growth was similar across a wide range of loads with sets to volitional "
        "failure; so for novices the margin between failure and near-failure may matter less.",
        "Short-term interventions only. The three statuses are the app's; the evidence "
        "speaks of untrained, recreationally trained and trained people.",
    ),
    Rule(
        "Longer rests between sets",
        "The rest timer errs long: 3 minutes after heavy compounds, 90 seconds after isolation "
        "work (each exercise has its own; settings change them).",
        "Henselmans and Schoenfeld (2014), meta-analysis: longer inter-set rest intervals may "
        "enhance hypertrophy.",
        "The minutes are the app's choice; whether failure training strengthens or weakens the "
        "effect is unclear.",
    ),
    Rule(
        "Estimated one-rep max",
        "Strength is tracked as weight x (1 + (reps + RIR) / 30). Past 12 reps plus RIR, or for "
        "a set without RIR (estimated at RIR 2, the middle of 1-3), the estimate is "
        "low-confidence and never triggers a deload prompt.",
        "The app's own method (Epley's formula counting reps in reserve); the evidence does "
        "not discuss it.",
        "Rep-max formulas drift at high reps, and RIR is a guess that gets better with practice.",
    ),
)

LIMITS: tuple[str, ...] = (
    "Few long-term studies in trained lifters: most meta-analyses pool untrained, young and "
    "elderly people, which can hide what differs for trained lifters.",
    "Failure is defined differently across studies: momentary muscular failure, volitional "
    "failure, or a repetition-maximum zone.",
    "How failure interacts with volume, frequency, load and rest is not well characterised.",
    "People differ in how they recover and how well they tolerate high-effort sets, so "
    "blanket prescriptions are ill-advised: treat the app's rules as a starting point and "
    "let your own log adjust them.",
)

HEALTH_NOTICE = (
    "Consult a physician or qualified healthcare professional before beginning "
    "any new training regimen, particularly if you have pre-existing injuries or "
    "medical conditions."
)

REFERENCES: tuple[str, ...] = (
    "Training to Failure, or Just Training to Fail? (Stronger by Science)",
    "Strength and Hypertrophy Adaptations Between Low- vs. High-Load Resistance Training: "
    "A Systematic Review and Meta-analysis (PubMed)",
    "The effects of resistance training to near failure on strength, hypertrophy, and motor "
    "unit adaptations in previously trained adults (PMC)",
    "Effects of Resistance Training Performed with Different Loads in Untrained and Trained "
    "Male Adult Individuals on Maximal Strength and Muscle Hypertrophy: A Systematic Review "
    "(PMC)",
    "Resistance Training Load Effects on Muscle Hypertrophy and Strength: A Systematic Review "
    "and Network Meta-analysis (PMC)",
)


def notices_due(settings: Settings) -> tuple[Notice, ...]:
    """What the app shows at start until answered: the health notice once, then the
    training status question while it is not set."""
    due: list[Notice] = []
    if not settings.health_notice_read:
        due.append("health")
    if settings.training_status is None:
        due.append("training_status")
    return tuple(due)
