"""Find an exercise by a few letters: a search field over a list of results.

The Today screen shows it as an overlay on itself, and the planner inside a dialog.
An overlay, not a screen of its own: opening a screen redraws the whole terminal
(26 KB at 80x24 in 256 colours), an overlay only its own box, and closing it only
what was under the box.  Each letter typed redraws only the result lines that
changed (`Lines`).  Keys keep their order: Enter picks at once (`TextField.on_enter`),
so a set typed right after Enter lands in the set-entry panel.

Keys typed in one burst are all queued on the field before it handles the first, so
the field's updates ('t', 't-', ... 't-bar') are queued behind them, Enter included:
an update for text the field no longer holds, or one arriving after the search gave
its answer (until it is started again), is stale and ignored.  (A swap's update
ranked for an exercise already swapped out, and its ValueError ended the app.)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label

from ...domain.catalogue import Catalogue
from ...domain.models import Exercise
from .fields import TextField
from .lines import Line, Lines, fit

CREATE = "+create"
#: Results in view; the rest scroll under the cursor.
IN_VIEW = 8

Picked = Callable[[str | None], Awaitable[None] | None]


class ResultList(Lines, can_focus=False):
    """The search results; ↑/↓ (in the search field) move the cursor, a click picks."""

    DEFAULT_CSS = f"""
    ResultList {{
        height: {IN_VIEW};
    }}
    """

    def __init__(
        self, on_click_pick: Callable[[str], Awaitable[None]], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.rows: list[tuple[str, str, str]] = []  # (id, name, detail)
        self.cursor = 0
        self._top = 0
        self._pick = on_click_pick

    def show(self, rows: list[tuple[str, str, str]]) -> None:
        self.rows, self.cursor, self._top = rows, 0, 0
        self.redraw()

    @property
    def chosen(self) -> str | None:
        return self.rows[self.cursor][0] if self.rows else None

    def move(self, step: int) -> None:
        if not self.rows:
            return
        self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))
        self._top = min(max(self._top, self.cursor - IN_VIEW + 1), self.cursor)
        self.redraw()

    def lines(self) -> list[Line]:
        width, height = self.content_size.width, self.content_size.height
        lines: list[Line] = []
        for i, (_, name, detail) in enumerate(self.rows[self._top : self._top + height], self._top):
            if i == self.cursor:
                lines.append(((fit(f"{name}  {detail}", width), "reverse"),))
            else:
                shown = fit(name, width)
                lines.append(((shown, ""), (fit(f"  {detail}", width - len(shown)), "dim")))
        return (lines + [((" " * width, ""),)] * height)[:height]

    async def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and self._top + offset.y < len(self.rows):
            self.cursor = self._top + offset.y
            await self._pick(self.rows[self.cursor][0])


class ExerciseSearch(Vertical):
    """Type to search, Enter to pick, Esc to cancel; `+ New exercise` when nothing fits."""

    DEFAULT_CSS = """
    ExerciseSearch {
        height: auto;
    }
    ExerciseSearch > .hint {
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="search.cancel"),
        Binding("down", "move(1)", "Next", show=False, id="search.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="search.up"),
    ]

    def __init__(
        self,
        catalogue: Catalogue,
        on_pick: Picked,
        on_create: Callable[[str], Awaitable[None]] | None = None,
        *,
        id: str | None = None,
    ) -> None:
        """`on_pick(id)` gets the exercise chosen, or None when cancelled; `on_create(name)`
        (if given) runs when the lifter picks `+ New exercise`."""
        super().__init__(id=id)
        self.catalogue = catalogue
        self.on_pick = on_pick
        self.on_create = on_create
        self.search_text = ""
        #: Given its answer (picked or cancelled): updates still queued are ignored.
        self.answered = False

    #: The line above the field (a swap says what it swaps).
    prompt: str | Content = "Add an exercise: type to search, Enter to pick, Esc to cancel"

    def compose(self) -> ComposeResult:
        yield Label(self.prompt)
        yield TextField(id="search", placeholder="e.g. squat, lat pull, curl", on_enter=self.pick)
        yield ResultList(self._clicked, id="results")
        yield Label(
            Content.from_markup(
                "Not listed? Type its name and pick [b]+ New exercise[/b] at the end."
                if self.on_create is not None
                else "Not listed? In a shell: tui-tracker exercise add NAME --primary ..."
            ),
            classes="hint",
        )

    def start(self) -> None:
        """A new search: the field empty, every exercise listed."""
        self.answered = False
        self.field.value = ""
        self._fill("")

    @property
    def field(self) -> TextField:
        return self.query_one("#search", TextField)

    @property
    def results(self) -> ResultList:
        return self.query_one(ResultList)

    def _fill(self, query: str) -> None:
        self.search_text = query.strip()
        rows = [
            (e.id, e.name, f"{', '.join(e.primary)} · {'yours' if e.custom else e.kind}")
            for e in self.found(query)
        ]
        if (
            self.on_create is not None
            and self.search_text
            and self.catalogue.find(self.search_text) is None
        ):
            rows.append((CREATE, f"+ New exercise: {self.search_text}", "choose its muscles"))
        self.results.show(rows)

    def found(self, query: str) -> list[Exercise]:
        """The exercises listed for `query`, best first (a swap lists its own way)."""
        return self.catalogue.search(query, limit=None)

    @on(Input.Changed, "#search")
    def _typed(self, event: Input.Changed) -> None:
        if self.answered or event.value != self.field.value:
            return  # stale: queued behind keys typed ahead (see the module docstring)
        self._fill(event.value)

    async def pick(self) -> None:
        """Enter: the highlighted result, as the search now reads (keys may have raced
        the results' update)."""
        if self.field.value.strip() != self.search_text:
            self._fill(self.field.value)
        chosen = self.results.chosen
        if chosen is None:
            self.notify("No exercise matches: try fewer letters.", severity="warning")
            return
        await self._done(chosen)

    async def _clicked(self, exercise_id: str) -> None:
        await self._done(exercise_id)

    async def _done(self, exercise_id: str | None) -> None:
        if exercise_id == CREATE and self.on_create is not None:
            await self.on_create(_titled(self.search_text))
            return
        self.answered = True
        result = self.on_pick(exercise_id)
        if result is not None:
            await result

    def action_move(self, step: int) -> None:
        self.results.move(step)

    async def action_cancel(self) -> None:
        await self._done(None)


def _titled(name: str) -> str:
    """'cable y raise' -> 'Cable Y Raise': searches are typed in lower case, names are not."""
    return name.title() if name.islower() else name
