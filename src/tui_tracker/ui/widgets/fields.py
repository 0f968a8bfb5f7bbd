"""One-line text fields whose keys keep their order (see ui/keys.py) and hold clean text.

`TextField` is Textual's Input with four changes: every key is handled in order,
Enter can be answered at once by `on_enter` (awaited before the next key), and the
value is selected when the lifter enters the field (the first key it takes after
another widget took keys), so typing replaces it.  Input's own select-on-focus
runs on a later turn of the loop, after keys typed ahead had already been handed
over, and would select them.  And what it holds never has control characters: keys
never type ESC, but a paste can carry anything (a name copied from a web page with
escape sequences in it), and Input would draw it raw for the terminal to act on.

`ChoiceList` is an OptionList whose keys keep their order and whose Enter is answered
at once by `on_choose` (awaited before the next key).

`NumberField` takes only the characters it accepts and leaves every other key
(letters) to the screen's bindings, so `q` still cancels while a number is typed.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Awaitable, Callable

from textual.widgets import Input, OptionList
from textual.widgets.input import Selection

from ...domain.text import clean_text
from ..keys import OrderedKeys


class TextField(OrderedKeys, Input):
    def __init__(
        self,
        value: str = "",
        *,
        on_enter: Callable[[], Awaitable[None] | None] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(value, compact=True, select_on_focus=False, **kwargs)
        self.on_enter = on_enter

    def replace(self, text: str, start: int, end: int) -> None:
        # Every insertion goes through here (keys, paste, insert_text_at_cursor).
        super().replace(clean_text(text), start, end)

    def validate_value(self, value: str) -> str:
        """A value set by code is cleaned as well."""
        return clean_text(value)

    def entered(self) -> None:
        if self.value:
            self.selection = Selection(0, len(self.value))

    def accepts(self, character: str) -> bool:
        return character.isprintable()

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and character.isprintable() and self.accepts(character)

    async def own_key(self, key: str, character: str | None) -> bool:
        if key == "enter":
            if self.on_enter is None:
                return False  # Input's own binding: Submitted
            result = self.on_enter()
            if inspect.isawaitable(result):  # (focus_next, say, returns the widget it focused)
                await result
            return True
        if character is not None and character.isprintable() and self.accepts(character):
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(character)
            else:
                self.replace(character, *selection)
            return True
        return False


class NumberField(TextField):
    """A text field for numbers (and dates): letters stay key bindings."""

    def __init__(self, *, accepts: str, **kwargs) -> None:
        super().__init__(kwargs.pop("value", ""), restrict=f"[{accepts}]*", **kwargs)
        self._accepts = re.compile(f"[{accepts}]")

    def accepts(self, character: str) -> bool:
        return self._accepts.fullmatch(character) is not None


class ChoiceList(OrderedKeys, OptionList):
    """A list to pick from; Enter calls `on_choose(option id)` before the next key is read."""

    def __init__(
        self, *options, on_choose: Callable[[str], Awaitable[None] | None] | None = None, **kwargs
    ) -> None:
        super().__init__(*options, **kwargs)
        self.on_choose = on_choose

    @property
    def highlighted_id(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    async def own_key(self, key: str, character: str | None) -> bool:
        if key == "enter" and self.on_choose is not None and self.highlighted_id is not None:
            result = self.on_choose(self.highlighted_id)
            if inspect.isawaitable(result):
                await result
            return True
        return False
