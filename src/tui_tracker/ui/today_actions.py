"""What a lifter can do on Today, with its default keys: the key bar, the palette and the
keymap setting all read this table (ui/actions.py)."""

from __future__ import annotations

from .actions import Action

ACTIONS: tuple[Action, ...] = (
    Action(
        "a", "add_exercise", "Add", "Add exercise", "Search the catalogue and your own exercises"
    ),
    Action("e", "work('edit')", "Edit", "Edit set", "Change the highlighted logged set"),
    Action(
        "d", "work('delete')", "Delete", "Delete set", "Delete the highlighted set (u undoes it)"
    ),
    Action(
        "u", "work('undo')", "Undo", "Undo delete", "Bring back the set deleted last", show=False
    ),
    Action(
        "w",
        "work('warmup')",
        "Warm-up",
        "Toggle warm-up",
        "Mark the next set as warm-up or working",
        show=False,
    ),
    Action(
        "r",
        "work('ramp')",
        "Ramp",
        "Warm-up ramp",
        "Save the warm-up ramp the panel shows (the day's first barbell compound), "
        "each set a warm-up",
        show=False,
    ),
    Action(
        "g",
        "work('superset')",
        "Superset",
        "Superset",
        "Pair the exercise with the one below it in the list: a set of each in turn, "
        "the rest after the round (g again: on its own)",
        show=False,
    ),
    Action(
        "b",
        "bodyweight",
        "Bodyweight",
        "Log bodyweight",
        "Today's bodyweight (bodyweight exercises' e1RM uses it)",
        show=False,
    ),
    Action(
        "v",
        "work('kind')",
        "Kind",
        "Kind of set",
        "The next set is a working set, a drop set, rest-pause or to failure (in turn)",
        show=False,
    ),
    Action(
        "t",
        "work('unit')",
        "kg/lb",
        "Switch kg/lb",
        "Enter weights in the other unit (the weight shown is converted)",
        show=False,
    ),
    Action(
        "x",
        "work('stop')",
        "Stop waiting",
        "Stop waiting for the database",
        "Sets waiting for a busy database are not saved",
    ),
    Action("s", "rest('skip')", "Skip rest", "Skip rest", "Stop the rest timer", show=False),
    Action(
        "plus",
        "rest('extend')",
        "+30 s",
        "Extend rest",
        "Add 30 seconds to the rest timer",
        show=False,
    ),
    Action("f", "finish", "Finish", "Finish session", "End today's session"),
    Action(
        "o",
        "reopen",
        "Reopen",
        "Reopen session",
        "Carry on with the session finished today instead of starting a new one",
        show=False,
    ),
    Action(
        "E",
        "edit_exercise",
        "Exercise",
        "Edit exercise",
        "Rename the highlighted exercise, "
        "set its kind, muscles, high skill and rest; merge it into another or delete it",
        show=False,
    ),
    Action(
        "h",
        "history",
        "History",
        "History",
        "Past sessions: fix a set, the date or times, finish or resume one",
    ),
    Action(
        "l",
        "exercise_history",
        "Lift log",
        "Exercise history",
        "The highlighted exercise's last sessions: best sets, e1RM trend, records",
        show=False,
    ),
    Action(
        "m",
        "dashboard",
        "Block",
        "Mesocycle dashboard",
        "Week N of M, weekly sets per muscle, strength trends, deload",
    ),
    Action(
        "p",
        "plan",
        "Plan",
        "Plan a mesocycle",
        "Start a training block from a template",
        show=False,
    ),
    Action(
        "i",
        "app.about",
        "About",
        "About the advice",
        "Each rule the app applies, the study it rests on, and its limits",
        show=False,
    ),
    Action(
        "q", "quit", "Quit", "Quit", "Leave the app: every set is already saved", in_palette=False
    ),
    Action(
        "c",
        "day('swap')",
        "Change",
        "Swap exercise",
        "Do another exercise for the same muscles today (the plan stays)",
        show=False,
    ),
    Action(
        "k",
        "day('skip')",
        "Skip",
        "Skip exercise",
        "Skip the highlighted exercise today, with a reason if you like (k again undoes)",
        show=False,
    ),
    Action(
        "shift+up",
        "day('up')",
        "Move up",
        "Move exercise up",
        "Earlier in today's order",
        show=False,
    ),
    Action(
        "shift+down",
        "day('down')",
        "Move down",
        "Move exercise down",
        "Later in today's order",
        show=False,
    ),
    Action(
        "n",
        "day('next')",
        "Next day",
        "Do the next day today",
        "On a rest day: do the next planned day today (that day then rests; n again "
        "before a set puts it back)",
    ),
    Action("escape", "focus_exercises", "Back", "Back to the exercise list", show=False),
    Action("up", "work('up')", "Previous set", "Previous set", show=False, in_palette=False),
    Action("down", "work('down')", "Next set", "Next set", show=False, in_palette=False),
)
