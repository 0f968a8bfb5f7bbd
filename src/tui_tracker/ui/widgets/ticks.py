"""Tick boxes and radio buttons whose mark says ticked or not, in any colour or none.

Textual draws every box as `▐X▌` (a radio as `▐●▌`) and tells ticked from unticked by
colour alone: under `--theme ansi-dark` an unticked box was the text colour and a ticked
one green, so every muscle looked ticked; with NO_COLOR the unticked X was dark grey.
Here a ticked box is `[x]` and an unticked one `[ ]` (a radio `(•)` and `( )`), the
ticked one also bold in the success colour, so the glyph says it where colour cannot.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, OptionList, RadioButton, SelectionList
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import SelectionType

TICKED, UNTICKED = "[x]", "[ ]"
CHOSEN, NOT_CHOSEN = "(•)", "( )"

#: The box in the text's own colour; ticked, bold in the success colour.  The same in
#: every theme: Textual's own rules dim the unticked box under the ANSI themes.
_MARK_CSS = """
{widget} > .{part}, {widget}:ansi > .{part} {{
    color: $foreground; background: transparent; text-style: none;
}}
{widget}{on} > .{part}, {widget}{on}:ansi > .{part} {{
    color: $text-success; background: transparent; text-style: bold;
}}
"""


class TickList(SelectionList[SelectionType]):
    """A SelectionList whose boxes read `[x]` ticked and `[ ]` not."""

    DEFAULT_CSS = """
    TickList > .selection-list--button,
    TickList > .selection-list--button-highlighted {
        color: $foreground; background: transparent; text-style: none;
    }
    TickList > .selection-list--button-selected,
    TickList > .selection-list--button-selected-highlighted {
        color: $text-success; background: transparent; text-style: bold;
    }
    """

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)  # the prompt, without SelectionList's box
        index = self.scroll_offset.y + y
        try:
            selection = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        ticked = selection.value in self._selected
        part = "selection-list--button" + ("-selected" if ticked else "")
        if self.highlighted == index:
            part += "-highlighted"
        underlying = next(iter(line)).style or self.rich_style
        box = underlying + self.get_component_rich_style(part, partial=True)
        box += Style(meta={"option": index})  # a click on the box ticks it
        return Strip(
            [Segment(TICKED if ticked else UNTICKED, box), Segment(" ", underlying), *line]
        )

    def _get_left_gutter_width(self) -> int:
        return len(TICKED) + 1


class _Marked:
    """For a ToggleButton: its mark is `MARKS[0]` on, `MARKS[1]` off."""

    MARKS: tuple[str, str]
    value: bool

    @property
    def _button(self) -> Content:
        mark = self.MARKS[0] if self.value else self.MARKS[1]
        return Content.styled(mark, self.get_visual_style("toggle--button"))  # type: ignore[attr-defined]


class TickBox(_Marked, Checkbox):
    """A Checkbox whose box reads `[x]` ticked and `[ ]` not."""

    DEFAULT_CSS = _MARK_CSS.format(widget="TickBox", on=".-on", part="toggle--button")
    MARKS = (TICKED, UNTICKED)


class TickRadio(_Marked, RadioButton):
    """A RadioButton whose mark reads `(•)` chosen and `( )` not."""

    DEFAULT_CSS = _MARK_CSS.format(widget="TickRadio", on=".-on", part="toggle--button")
    MARKS = (CHOSEN, NOT_CHOSEN)
