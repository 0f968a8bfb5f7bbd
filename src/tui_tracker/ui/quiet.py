"""Screens that redraw only what changed when the focus moves.

Textual's Screen keeps its focused widget in a reactive that repaints the whole
screen on every change; the widgets gaining and losing focus restyle themselves
anyway (:focus rules).  Over SSH a full repaint at 80x24 is 10-20 KB, and the focus
moves on every exercise picked and every search opened: on our screens the change
redraws only those widgets.
"""

from __future__ import annotations

from textual.reactive import Reactive
from textual.widget import Widget


class QuietFocus:
    """Mixin for a Screen: a focus change is not a full repaint."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
