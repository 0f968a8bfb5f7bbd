"""The day's exercises: planned ones first, with sets done, the target and last time.

Keys are handled in order (ui/keys.py): Enter picks the highlighted exercise through
`on_choose`, awaited before the next key, so a set typed ahead right after Enter
lands in the set-entry panel rather than here.
"""

from __future__ import annotations

from typing import Awaitable, Callable

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..keys import OrderedKeys

NAME_WIDTH = 20


def exercise_row(name: str, done: str, target: str, last: str, complete: bool) -> Text:
    """' Barbell Bench Press  2/4    4x5-8 @3    last: 80 kg x 8 @3, 4 days ago'.

    Plain Text: exercise names are the lifter's own words, never markup.
    """
    cut = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
    row = Text(f"{'✓' if complete else ' '}{cut:<{NAME_WIDTH}} {done:<6} {target:<11} ",
               no_wrap=True, overflow="ellipsis")
    row.append(last, style="dim")
    return row


class ExerciseList(OrderedKeys, OptionList):
    DEFAULT_CSS = """
    ExerciseList {
        height: auto;
        max-height: 7;
        border: round $primary 50%;
        padding: 0;
    }
    ExerciseList:focus {
        border: round $primary;
    }
    """

    def __init__(self, on_choose: Callable[[str], Awaitable[None]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.on_choose = on_choose

    def show_rows(self, rows: list[tuple[str, Text]], select: str | None) -> None:
        """Replace the rows; keep or move the highlight to `select`."""
        self.set_options([Option(prompt, id=ex_id) for ex_id, prompt in rows])
        ids = [ex_id for ex_id, _ in rows]
        if select in ids:
            self.highlighted = ids.index(select)

    @property
    def highlighted_id(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    async def own_key(self, key: str, character: str | None) -> bool:
        if key == "enter" and self.highlighted_id is not None:
            await self.on_choose(self.highlighted_id)
            return True
        return False
