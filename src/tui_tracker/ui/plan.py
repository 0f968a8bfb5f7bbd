"""Plan a mesocycle: pick a template, its length and start, then shape the plan.

Two steps on one screen, so a newcomer starts a block in a minute (Enter on a
template, the weeks, Enter, Ctrl+S) and a lifter who cares edits every day
first.  The rules (3-6 weeks, 1-10 sets, RIR targets that fall or hold, 0 only
in the last week, one day per weekday) are the domain's: the screen tries each
change and shows the domain's refusal or warning as it is.  Saving (the plan check,
closing the blocks the new one overlaps) is ui/plan_save.py's.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from ..domain.effort import check_rir_targets, step_rir_target
from ..domain.mesocycle import WEEKDAYS, Mesocycle, PlannedExercise, TrainingDay
from ..domain.volume import planned_weekly_sets
from ..domain.templates import TEMPLATES
from .modals import Confirm, ExercisePicker
from .plan_save import save_plan
from .widgets.plan_rir import RirTargets
from .widgets.plan_setup import PlanSetup
from .widgets.plan_volume import PlanVolume
from .keys import EarlyKeys
from .trouble import KeepsRunning
from .widgets.fields import ChoiceList
from .widgets.key_bar import KeyBar
from .widgets.status_line import Level, StatusLine
from .widgets.too_small import TooSmall

#: An added exercise starts as 3 x 8-12; +/- then sets its sets.
ADDED_SETS, ADDED_REPS = 3, (8, 12)
NAME_WIDTH = 26
SETUP_TITLE = "New mesocycle: pick a plan, how many weeks, and the start"


def _day_text(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


class PlanScreen(EarlyKeys, KeepsRunning, Screen[Mesocycle | None]):
    """Dismisses with the saved Mesocycle, or None when the lifter cancels."""

    CSS_PATH = "plan.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("a", "add", "Add"),
        Binding("d", "remove", "Remove"),
        Binding("plus,equals_sign", "sets(1)", "Sets", key_display="+/-"),
        Binding("minus", "sets(-1)", "Fewer sets", show=False),
        Binding("left_square_bracket", "weekday(-1)", "Weekday", key_display="[ ]"),
        Binding("right_square_bracket", "weekday(1)", "Later weekday", show=False),
        Binding("b", "setup", "Back"),
        Binding("q", "cancel", "Cancel", key_display="Esc/q"),
        Binding("escape", "cancel", "Cancel", show=False),
    ]
    PLAN_ACTIONS = {"add", "remove", "sets", "weekday", "setup"}

    def __init__(self, store, clock) -> None:
        super().__init__()
        self.store = store
        self.today = clock.today()
        self.catalogue = store.catalogue()
        self.bands = store.volume_targets()
        self.base: Mesocycle | None = None  # weeks, start, name and id, from the setup
        self.template: str | None = None  # where `days` came from
        self.days: list[TrainingDay] = []
        self.rir: list[int] = []
        self.editing = False
        self._status_level = "info"

    # --- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(SETUP_TITLE, id="title")
        with ContentSwitcher(initial="plan-setup", id="plan-steps"):
            yield PlanSetup(self.today, self.action_next, id="plan-setup")
            with Vertical(id="plan-edit"):
                yield RirTargets(id="rir-targets")
                with Horizontal(id="plan-body"):
                    yield ChoiceList(id="plan-days")
                    yield PlanVolume(id="plan-volume")
        yield StatusLine("", id="status")
        yield KeyBar(compact=True)
        yield TooSmall(id="too-small")

    def on_mount(self) -> None:
        self.query_one("#plan-days", OptionList).border_title = "Plan: ↑/↓ day or exercise"
        self.query_one(PlanSetup).focus_first()

    # --- step 1: setup (widgets/plan_setup.py) -----------------------------------------

    def apply_setup(self) -> bool:
        """Take the setup into the plan, keeping the lifter's edits where they still fit."""
        setup = self.query_one(PlanSetup)
        base = setup.read()
        if base is None:
            return False
        template = setup.template
        if template != self.template:
            if self.template is not None:
                self.show_status(
                    f"The plan is now the {TEMPLATES[template].title} template.", "warning"
                )
            self.template, self.days = template, list(base.days)
        if self.base is None or self.base.weeks != base.weeks:
            self.rir = list(base.rir_targets)
        self.base = base
        return True

    def action_next(self) -> None:
        if not self.apply_setup():
            return
        self.editing = True
        self.query_one("#plan-steps", ContentSwitcher).current = "plan-edit"
        self._show_plan(select="e0-0")
        self.set_focus(self.query_one("#plan-days", OptionList))
        self.refresh_bindings()
        if self._status_level == "info":
            self.show_status("Tab: RIR targets    Ctrl+S: save    b: back to weeks, start and name")

    def action_setup(self) -> None:
        self.editing = False
        self.query_one("#plan-steps", ContentSwitcher).current = "plan-setup"
        self.query_one("#title", Static).update(SETUP_TITLE)
        self.query_one(PlanSetup).focus_weeks()
        self.show_status("")
        self.refresh_bindings()

    # --- step 2: the plan --------------------------------------------------------------

    def draft(self) -> Mesocycle:
        """The block as edited; ValueError (the domain's words) if it breaks a rule."""
        assert self.base is not None
        return replace(self.base, days=tuple(self.days), rir_targets=tuple(self.rir))

    def _counted(self) -> Mesocycle:
        """The plan for counting sets: weekdays do not change the count, so they are
        renumbered, and a clash the lifter is still moving past keeps the table live."""
        assert self.base is not None
        days = tuple(replace(d, weekday=i) for i, d in enumerate(self.days))
        return replace(self.base, days=days, rir_targets=tuple(self.rir))

    def _exercise_name(self, exercise_id: str) -> str:
        ex = self.catalogue.get(exercise_id)
        return ex.name if ex else exercise_id

    def _rows(self) -> list[Option]:
        rows = []
        for i, day in enumerate(self.days):
            sets = sum(p.sets for p in day.exercises)
            rows.append(
                Option(
                    Content.assemble(
                        (f"{WEEKDAYS[day.weekday]}  {day.name}", "bold"),
                        "  ",
                        (f"{len(day.exercises)} exercises, {sets} sets", "dim"),
                    ),
                    id=f"d{i}",
                )
            )
            for j, p in enumerate(day.exercises):
                name = self._exercise_name(p.exercise_id)
                name = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
                row = Content(f"  {name.ljust(NAME_WIDTH)} {p.reps_text:>9}")  # never markup
                rows.append(Option(row, id=f"e{i}-{j}"))
        return rows

    def _show_plan(self, select: str | None = None) -> None:
        """Redraw the plan, the RIR row and the volume table; say if the plan breaks a rule."""
        assert self.base is not None
        listing = self.query_one("#plan-days", OptionList)
        select = select or self._selected_id()
        listing.set_options(self._rows())
        if select is not None:
            try:
                listing.highlighted = listing.get_option_index(select)
            except OptionDoesNotExist:  # the row is gone: keep the cursor in range
                listing.highlighted = min(listing.highlighted or 0, listing.option_count - 1)
        self.query_one(RirTargets).show(self.rir)
        volumes = planned_weekly_sets(self._counted(), self.catalogue.get, self.bands)
        self.query_one(PlanVolume).show(volumes)
        b = self.base
        self.query_one("#title", Static).update(
            Content(f"{b.name} · {b.weeks} weeks from {_day_text(b.start)}, then a deload week")
        )
        try:
            self.draft()
        except ValueError as e:
            self.show_status(f"Cannot save: {e} ([ ] moves a day).", "error")
        self.refresh_bindings()

    def _selected_id(self) -> str | None:
        listing = self.query_one("#plan-days", OptionList)
        if listing.highlighted is None or not listing.option_count:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def _position(self) -> tuple[int, int | None] | None:
        """(day, exercise) of the highlighted row; exercise None on a day's own row."""
        row = self._selected_id() if self.editing else None
        if row is None:
            return None
        if row.startswith("d"):
            return int(row[1:]), None
        day, exercise = row[1:].split("-")
        return int(day), int(exercise)

    @on(OptionList.OptionHighlighted, "#plan-days")
    def _row_highlighted(self) -> None:
        self.refresh_bindings()

    def _set_exercises(self, i: int, exercises) -> None:
        self.days[i] = replace(self.days[i], exercises=tuple(exercises))

    def action_sets(self, delta: int) -> None:
        pos = self._position()
        if pos is None or pos[1] is None:
            return
        i, j = pos
        planned = self.days[i].exercises[j]
        try:
            changed = replace(planned, sets=planned.sets + delta)
        except ValueError as e:
            self.show_status(f"Not changed: {e}.", "error")
            return
        exercises = list(self.days[i].exercises)
        exercises[j] = changed
        self._set_exercises(i, exercises)
        self.show_status(f"{self._exercise_name(changed.exercise_id)}: {changed.reps_text}.")
        self._show_plan()

    def action_remove(self) -> None:
        pos = self._position()
        if pos is None or pos[1] is None:
            return
        i, j = pos
        exercises = list(self.days[i].exercises)
        removed = exercises.pop(j)
        self._set_exercises(i, exercises)
        self.show_status(
            f"Removed {self._exercise_name(removed.exercise_id)} from {self.days[i].name}.",
            "warning",
        )
        self._show_plan(select=f"e{i}-{min(j, len(exercises) - 1)}" if exercises else f"d{i}")

    def action_add(self) -> None:
        pos = self._position()
        if pos is None:
            return
        i = pos[0]

        def picked(exercise_id: str | None) -> None:
            if exercise_id is None:
                return
            added = PlannedExercise(exercise_id, ADDED_SETS, *ADDED_REPS)
            self._set_exercises(i, [*self.days[i].exercises, added])
            self.show_status(
                f"Added {self._exercise_name(exercise_id)} to {self.days[i].name}: "
                f"{added.reps_text} (+/- changes the sets).",
                "saved",
            )
            self._show_plan(select=f"e{i}-{len(self.days[i].exercises) - 1}")

        self.app.push_screen(ExercisePicker(self.catalogue), picked)

    def action_weekday(self, step: int) -> None:
        pos = self._position()
        if pos is None:
            return
        i = pos[0]
        day = self.days[i] = replace(self.days[i], weekday=(self.days[i].weekday + step) % 7)
        self.show_status(f"{day.name} is now on {WEEKDAYS[day.weekday]}.")
        self._show_plan()

    @on(RirTargets.Step)
    def _rir_step(self, event: RirTargets.Step) -> None:
        """Move a week's target; later or earlier weeks move with it so targets still fall
        or hold, and a target outside 1-3 says why."""
        try:
            targets = step_rir_target(self.rir, event.week, event.delta)
        except ValueError as e:
            self.show_status(f"Not changed: {e}.", "error")
            return
        moved = [
            str(i + 1)
            for i, (old, new) in enumerate(zip(self.rir, targets))
            if old != new and i != event.week
        ]
        self.rir = list(targets)
        self.query_one(RirTargets).show(self.rir)
        text = f"Week {event.week + 1}: target RIR {targets[event.week]}."
        if moved:
            text += (
                f" Week{'s' if len(moved) > 1 else ''} {', '.join(moved)} moved with it: "
                "targets fall or hold."
            )
        mine = [
            w
            for w in check_rir_targets(targets, len(targets))
            if w.startswith(f"week {event.week + 1} at")
        ]
        if mine:
            self.show_status(f"{text} Note: {mine[0]}.", "warning")
        else:
            self.show_status(text)

    # --- save and cancel ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.PLAN_ACTIONS and not self.editing:
            return False
        if action in ("add", "remove", "sets", "weekday") and isinstance(self.focused, RirTargets):
            return (
                None  # they act on the plan's highlighted row: greyed while the RIR row has focus
            )
        if action in ("remove", "sets"):
            pos = self._position()
            return True if pos is not None and pos[1] is not None else None
        return True

    def action_save(self) -> None:
        save_plan(self)

    def _unsaved(self) -> bool:
        return self.base is not None or self.query_one(PlanSetup).changed()

    def action_cancel(self) -> None:
        if not self._unsaved():
            self.dismiss(None)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(
            Confirm(
                "Leave without saving this mesocycle?",
                "Nothing is saved; your blocks stay as they were.",
            ),
            answered,
        )

    def show_status(self, text: str, level: Level = "info") -> None:
        # plain text: "[ or ]" and exercise names are not markup (StatusLine shows text as text)
        self.query_one("#status", StatusLine).show(text, level)
        self._status_level = level
