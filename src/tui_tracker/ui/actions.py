"""A screen's actions, named once: key, key-bar label, palette title and help.

Each screen declares its actions as `Action`s; `bindings()` turns them into
Textual bindings with ids (`today.add_exercise`) so a keymap in the settings can
move any of them to another key, and the command palette (ui/commands.py) lists
them with the key they are bound to now.
"""

from __future__ import annotations


from textual.binding import Binding

from ..domain.values import frozen


@frozen
class Action:
    """One thing a lifter can do on a screen."""

    key: str  # the default key(s), comma-separated, e.g. "escape,q"
    action: str  # the screen's action, e.g. "add_exercise" or "pick_set(-1)"
    label: str  # in the key bar
    title: str  # in the command palette
    help: str = ""
    show: bool = True  # drawn in the key bar (else only the key and the palette)
    key_display: str | None = None
    in_palette: bool = True

    def binding(self, scope: str) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.label,
            show=self.show,
            key_display=self.key_display,
            id=self.binding_id(scope),
        )

    def binding_id(self, scope: str) -> str:
        """'today.add_exercise': what a keymap names (arguments dropped, dots kept)."""
        name = self.action.split("(", 1)[0]
        args = self.action[len(name) :].strip("()").replace("'", "").replace(",", "_")
        return f"{scope}.{name}" + (f"_{args}" if args else "")


def bindings(scope: str, actions: tuple[Action, ...] | list[Action]) -> list[Binding]:
    return [a.binding(scope) for a in actions]


def by_binding_id(scope: str, actions: tuple[Action, ...] | list[Action]) -> dict[str, Action]:
    return {a.binding_id(scope): a for a in actions}
