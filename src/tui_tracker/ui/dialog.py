"""Dialogs: a modal whose answer reaches its caller at once.

Its own module, imported by the dialogs: none is on the first frame, and each
Textual screen class costs its creation at import (about 2 M instructions).
"""

from __future__ import annotations

from typing import Generic, TypeVar
from collections.abc import Callable

from textual.screen import ModalScreen

from .keys import EarlyKeys
from .leaving import BuiltWhileRunning

ResultType = TypeVar("ResultType")


class Dialog(EarlyKeys, BuiltWhileRunning, ModalScreen[ResultType], Generic[ResultType]):
    """A modal whose answer reaches its caller at once, not on a later turn of the loop.
    (One opening while the app leaves is not set up: ui/leaving.py.)

    Textual calls a `push_screen` callback only after the dialog is gone and keys
    typed after the answer have been handed on; `on_answer` runs first, so the
    screen behind is ready for them.  Keys read while it is being built go to its
    field once it has one (`EarlyKeys`).
    """

    def __init__(self, on_answer: Callable[[ResultType | None], None] | None = None) -> None:
        super().__init__()
        self._on_answer = on_answer

    def answer(self, result: ResultType | None) -> None:
        callback, self._on_answer = self._on_answer, None
        self.dismiss(result)
        if callback is not None:
            callback(result)
