"""The key bar at the bottom of every screen: the keys that work here, and what they do.

One widget drawing one line, instead of Textual's Footer, which builds and
styles a widget per key and rebuilds them all on each change of focus: on the
Today screen the Footer cost ~85 ms of the time to the first frame
(benchmarks/profile_start.py with and without it).  Disabled keys are dimmed; a click on a key
presses it; the command palette's key sits at the right, as in the Footer.
"""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

KEY = "bold $footer-key-foreground"
LABEL = "$footer-description-foreground"
OFF = "dim"


class Key(NamedTuple):
    key: str  # what simulate_key presses
    shown: str  # what the bar draws, e.g. "^p"
    label: str
    enabled: bool


class KeyBar(Widget):
    """One line of `key label` pairs for the active bindings marked `show`."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        color: $footer-foreground;
        background: $footer-background;
    }
    """

    def __init__(self, *, compact: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.gap = 1 if compact else 2
        self.keys: list[Key] = []
        self.palette: Key | None = None
        self._spans: list[tuple[int, int, Key]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        keys, palette, actions = [], None, set()
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            key = Key(binding.key, self.app.get_key_display(binding), binding.description, enabled)
            if binding.action == "command_palette" and self.app.ENABLE_COMMAND_PALETTE:
                palette = key
            elif binding.show and binding.action not in actions:  # one key per action
                actions.add(binding.action)
                keys.append(key)
        if (keys, palette) != (self.keys, self.palette):
            self.keys, self.palette = keys, palette
            self.refresh()

    def _part(self, key: Key) -> list[tuple[str, str]]:
        off = "" if key.enabled else f" {OFF}"
        return [(key.shown, KEY + off), (f" {key.label}", LABEL + off)]

    def render(self) -> RenderResult:
        parts: list[tuple[str, str] | str] = [" "]
        spans, x = [], 1
        for key in self.keys:
            width = len(key.shown) + 1 + len(key.label)
            spans.append((x, x + width, key))
            parts += [*self._part(key), " " * self.gap]
            x += width + self.gap
        if self.palette:
            width = len(self.palette.shown) + 1 + len(self.palette.label) + 1
            left = self.size.width - width
            if left >= x:  # room for it at the right
                spans.append((left, left + width - 1, self.palette))
                parts += [" " * (left - x), *self._part(self.palette)]
        self._spans = spans
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        """A click on a key presses it (a disabled key rings the bell, as in the Footer)."""
        for start, end, key in self._spans:
            if start <= event.x < end:
                event.stop()
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
