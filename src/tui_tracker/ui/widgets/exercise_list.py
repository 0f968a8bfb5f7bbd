"""The day's exercises: planned ones first, with sets done, the target and last time.

Drawn as lines (`Lines`): logging a set changes one row, and only that row is sent
to the terminal; the list's height comes from its rows, so showing it never shifts
the screen after a first paint.  Keys are handled in order (ui/keys.py): Enter picks
the highlighted exercise through `on_choose`, awaited before the next key, so a set
typed ahead right after Enter lands in the set-entry panel rather than here.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from collections.abc import Awaitable, Callable

from textual import events

from ...domain.sessions import last_performance, plural, set_counts
from ..keys import OrderedKeys, hand_over
from .lines import Line, Lines, fit

if TYPE_CHECKING:
    from ...domain.workout import Workout
    from ...logbook import Logbook

NAME_WIDTH = 20
#: Rows a page key moves (the list's height is a share of the screen).
ROWS_IN_VIEW = 5
#: The highlighted row: the theme's cursor, bold where colours are off (NO_COLOR).
CURSOR = "bold $block-cursor-foreground on $block-cursor-background"
CURSOR_BLURRED = "bold $block-cursor-blurred-foreground on $block-cursor-blurred-background"

Row = tuple[tuple[str, str], ...]  # (text, style) segments


def exercise_row(
    name: str, done: str, target: str, last: str, complete: bool, mark: str = ""
) -> Row:
    """' Barbell Bench Press  2/4    4x5-8 @3    last: 80 kg x 8 @3, 4 days ago'.

    The first cell: `✓` all planned sets done, else `mark` (`~` swapped for the day,
    `-` skipped).  Plain text segments: exercise names are the lifter's own words,
    never markup.
    """
    cut = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
    first = "✓" if complete else (mark or " ")
    return ((f"{first}{cut:<{NAME_WIDTH}} {done:<6} {target:<11} ", ""), (last, "dim"))


def day_row(book: Logbook, exercise_id: str, today: date) -> Row:
    """One exercise of the day: sets done (against planned), its target, last time
    (or why it is skipped today)."""
    counts = set_counts([s for _, s in book.sets_today(exercise_id)])
    slot = book.slot(exercise_id)
    done = f"{counts.working}/{slot.sets}" if slot else plural(counts.working, "set")
    done += f" +{counts.warmups}w" if counts.warmups else ""
    session, last = book.last_time(exercise_id)
    said = last_performance(session, last, today, compact=True)
    mark = ""
    if slot is not None and slot.skipped is not None:
        mark, said = "-", "skipped" + (f": {slot.skipped}" if slot.skipped else "")
    elif slot is not None and slot.swapped:
        mark = "~"
    return exercise_row(
        book.exercise(exercise_id).name,
        done,
        slot.short_text if slot else "",
        said,
        bool(slot and counts.working >= slot.sets),
        mark,
    )


def day_title(workout: Workout | None) -> str:
    if workout is None:
        return "Today"
    if workout.rest_day:
        return "Today: rest day in the plan"
    if workout.day_name is None:  # the block has not begun, or is over
        return f"Today: {workout.week_label.lower()}"
    moved = f" (from {workout.moved_from:%a %d %b})" if workout.moved_from else ""
    return f"Today: {workout.day_name}" + (" (deload)" if workout.deload else "") + moved


#: Keys that begin a set's weight: typed in the list, they open the panel and go there.
WEIGHT_KEYS = frozenset("0123456789.,")


class ExerciseList(OrderedKeys, Lines, can_focus=True):
    """↑/↓ move (the panel follows), Enter opens the exercise, a click does both.

    A digit typed here opens the highlighted exercise and goes to its weight: the panel
    is on screen beside the list (after finishing a session the keyboard is here), and a
    lifter who types a set there means it for the panel, not for nothing."""

    # A share of the screen (30%), taller for a longer day, up to 45%: at 80x24 that
    # leaves the panel (plate line and ramp) and a three-line status whole (a day of 7
    # is in view whole), and a taller terminal shows more of a longer day.  Its height follows the number of exercises only past the
    # share (a planned day is known at the start): a list that grew with every exercise
    # added would shift everything below it, and each shift repaints the screen (a
    # screenful of bytes over SSH).  Rows out of view are counted in the bottom border.
    DEFAULT_CSS = """
    ExerciseList {
        height: 6;
        min-height: 30%;
        max-height: 45%;
        border: round $primary 50%;
    }
    ExerciseList:focus {
        border: round $primary;
    }
    """

    def __init__(
        self,
        on_choose: Callable[[str], Awaitable[None]],
        on_highlight: Callable[[str], None],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.on_choose = on_choose
        self.on_highlight = on_highlight
        self.rows: list[tuple[str, Row]] = []
        self.highlighted = 0
        self._top = 0

    @property
    def option_count(self) -> int:
        return len(self.rows)

    @property
    def highlighted_id(self) -> str | None:
        return self.rows[self.highlighted][0] if self.rows else None

    def row_text(self, index: int) -> str:
        return "".join(text for text, _ in self.rows[index][1])

    def show_rows(self, rows: list[tuple[str, Row]], select: str | None) -> None:
        """Replace the rows (only the changed ones are redrawn), the cursor on `select`."""
        if len(rows) != len(self.rows) or not self.rows:
            self.styles.height = max(len(rows), 2) + 2  # (capped by max-height)
        self.rows = list(rows)
        self.highlight(select)

    def highlight(self, exercise_id: str | None) -> None:
        """Move the cursor to the exercise (scrolled into view), if it is listed."""
        ids = [ex_id for ex_id, _ in self.rows]
        if exercise_id in ids:
            self._move_to(ids.index(exercise_id))
        else:
            self._move_to(min(self.highlighted, max(len(ids) - 1, 0)))

    def _move_to(self, index: int) -> None:
        self.highlighted = index
        in_view = max(1, min(len(self.rows), self.content_size.height or ROWS_IN_VIEW))
        self._top = min(max(self._top, index - in_view + 1), index)
        self._top = max(0, min(self._top, len(self.rows) - in_view))
        self._show_hidden(in_view)
        self.redraw()

    def _show_hidden(self, in_view: int) -> None:
        """Say in the bottom border how many rows are out of view (never cut silently)."""
        above, below = self._top, max(0, len(self.rows) - self._top - in_view)
        parts = [f"↑ {above}"] * bool(above) + [f"↓ {below}"] * bool(below)
        text = f"{' · '.join(parts)} more" if parts else ""
        if text != (self.border_subtitle or ""):  # (assigning repaints the border)
            self.border_subtitle = text

    def on_resize(self) -> None:
        super().on_resize()
        if self.rows:
            self._move_to(self.highlighted)  # keep the cursor in view

    def lines(self) -> list[Line]:
        width, height = self.content_size.width, self.content_size.height
        cursor = CURSOR if self.has_focus else CURSOR_BLURRED
        lines: list[Line] = []
        for i, (_, row) in enumerate(self.rows[self._top : self._top + height], self._top):
            if i == self.highlighted:
                lines.append(((fit("".join(text for text, _ in row), width), cursor),))
                continue
            segments, used = [], 0
            for text, style in row:
                piece = fit(text, width - used) if used + len(text) > width else text
                segments.append((piece, style))
                used += len(piece)
            segments.append((" " * (width - used), ""))
            lines.append(tuple(segments))
        return (lines + [((" " * width, ""),)] * height)[:height]

    def on_focus(self) -> None:
        self.redraw()

    def on_blur(self) -> None:
        self.redraw()

    async def own_key(self, key: str, character: str | None) -> bool:
        if not self.rows:
            return False
        moves = {"up": -1, "down": 1, "pageup": -ROWS_IN_VIEW, "pagedown": ROWS_IN_VIEW}
        if key in moves or key in ("home", "end"):
            target = {"home": 0, "end": len(self.rows) - 1}.get(
                key, self.highlighted + moves.get(key, 0)
            )
            self._move_to(max(0, min(len(self.rows) - 1, target)))
            self.on_highlight(self.rows[self.highlighted][0])
            return True
        if key == "enter":
            await self.on_choose(self.rows[self.highlighted][0])
            return True
        if character in WEIGHT_KEYS:
            await self.on_choose(self.rows[self.highlighted][0])
            await hand_over(self.app, key, character)
            return True
        return False

    async def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and self._top + offset.y < len(self.rows):
            self._move_to(self._top + offset.y)
            await self.on_choose(self.rows[self.highlighted][0])
