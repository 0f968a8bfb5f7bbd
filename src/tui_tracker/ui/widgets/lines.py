"""A widget drawn as plain lines that sends only the lines that changed.

Over SSH every redrawn line is a few hundred bytes.  Textual redraws a whole widget
when asked to; `Lines` keeps what it drew, and on `redraw()` asks Textual to repaint
only the lines whose text (or cursor) changed.  Subclasses give `lines()`: the text
of each line as segments of (text, style) ("" for no style).  Lines are never markup.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget

Line = tuple[tuple[str, str], ...]  # segments of (text, style)


class Lines(Widget):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._drawn: list[Line] | None = None
        self._drawn_size = (0, 0)

    def lines(self) -> list[Line]:
        """Exactly `content_size.height` lines, each `content_size.width` wide."""
        raise NotImplementedError

    def redraw(self) -> None:
        """Repaint the lines that differ from what is on screen."""
        if self._drawn is None or len(self._drawn) != self.content_size.height:
            self.refresh()
            return
        width = self.content_size.width
        for y, (old, new) in enumerate(zip(self._drawn, self.lines())):
            if old != new:
                self.refresh(Region(0, y, width, 1))

    def render(self) -> Content:
        lines = self.lines()
        self._drawn, self._drawn_size = lines, tuple(self.content_size)
        return Content("\n").join(
            Content.assemble(*((text, style) if style else text for text, style in line))
            for line in lines
        )

    def _size_updated(self, size, virtual_size, container_size, layout: bool = True) -> bool:
        # Textual (8.2.8, pinned) stores a new size in `virtual_size`, a reactive that asks
        # for a second layout pass, which paints this widget a second time: on the first
        # set of a day (the table and the panel appear, the list shrinks) that was the
        # whole screen twice, 5 KB over SSH.  A Lines widget has no children and never
        # scrolls: the pass that sized it already placed everything, so no second one.
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def on_resize(self) -> None:
        # A widget shown for the first time is painted at its size before its Resize
        # event arrives: nothing to do then (a second paint is a screenful over SSH).
        if self._drawn is not None and self._drawn_size == tuple(self.content_size):
            return
        self._drawn = None
        self.refresh()


def fit(text: str, width: int) -> str:
    """`text` cut or padded to exactly `width` cells (an ellipsis where it was cut)."""
    if len(text) > width:
        return text[: max(width - 1, 0)] + "…"[:width]
    return text.ljust(width)
