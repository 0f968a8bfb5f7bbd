"""Keys typed ahead are handled in the order they were typed.

Over a laggy SSH link a lifter's "Enter Tab 6 Enter" arrives in one packet.
Textual hands each key to the widget focused *when the key arrives*, queues it
there, and runs the screen's key bindings only when a key bubbles up later; focus
changes and dialog results are applied later still (`focus()` and `dismiss()`
callbacks are deferred).  So keys typed after Enter could be read before Enter's
set was saved, land in a field focus had already left, run a binding before an
earlier key was handled, or vanish into a dialog that had just closed.

The widgets that take keys on our screens use `OrderedKeys` instead:

* every key is handled in the widget's own queue, one after the other;
* a key the widget does not take runs the screen's binding for it right there
  (looked up in `screen.active_bindings`, so `check_action` still decides), not
  after bubbling;
* a key that reaches a widget after focus moved on, or after its screen was
  covered by a dialog or closed, is handed to whatever has focus now — once that
  screen is mounted and has chosen its focus.

Dialogs give their answer to a callback run at once (`Dialog.answer`, ui/dialog.py), so
the keys typed after that answer already find the screen they were meant for.
"""

from __future__ import annotations

import asyncio
from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget

from .trouble import KeepsRunning

#: How long a handed-over key waits for a new screen to mount and pick its focus.
MOUNT_WAIT = 1.0


async def settled_focus(app: App) -> tuple[Screen, Widget | None]:
    """The active screen and its focused widget, once a just-pushed screen is ready."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + MOUNT_WAIT
    while True:
        screen = app.screen
        ready = screen.is_mounted and (screen.focused is not None or not screen.focus_chain)
        if ready or loop.time() >= deadline:
            return screen, screen.focused
        await asyncio.sleep(0.002)


async def hand_over(app: App, key: str, character: str | None) -> None:
    """Give a key to whatever has focus now, keeping its place in the order typed."""
    screen, target = await settled_focus(app)
    if isinstance(target, OrderedKeys):
        await target.take_key(key, character)
    else:
        (target or screen)._forward_event(typed_key(app, key, character))


def typed_key(app: App, key: str, character: str | None) -> events.Key:
    """A key as the terminal's driver makes it: sent by the app.  Made on a widget's or a
    screen's task it would name that one as its sender, and Textual stops a message from
    bubbling past its sender: a key a table does not take itself would never reach the
    app, which runs the bindings."""
    event = events.Key(key, character)
    event.set_sender(app)
    return event


async def run_binding(widget: Widget, key: str) -> bool:
    """Run the binding `key` has where `widget` has focus; False if none is active."""
    active = widget.screen.active_bindings.get(key)
    if active is None:
        return False
    if active.enabled:
        await widget.app.run_action(active.binding.action, active.node)
    else:
        widget.app.bell()
    return True


class OrderedKeys(KeepsRunning):
    """Mixin for a focusable widget: handle each key in order (see the module docstring).

    Subclasses implement `own_key` for the keys they take themselves.  A store error
    raised by an action run from here is shown (ui/trouble.py) and keys keep coming.
    """

    async def _on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        await self.take_key(event.key, event.character)

    async def take_key(self, key: str, character: str | None) -> None:
        widget: Widget = self  # type: ignore[assignment]
        app = widget.app
        screen = widget.screen
        if app.screen is not screen or screen.focused is not widget:
            await hand_over(app, key, character)  # typed for a screen or field now gone
            return
        if _LAST_TO_TAKE_KEYS.get(screen) is not widget:
            _LAST_TO_TAKE_KEYS[screen] = widget
            self.entered()
        if not await self.own_key(key, character):
            await run_binding(widget, key)

    def entered(self) -> None:
        """The lifter moved into this widget: the first key it takes since another did."""

    async def own_key(self, key: str, character: str | None) -> bool:
        """Handle a key this widget takes itself; False leaves it to the bindings."""
        return False


class EarlyKeys:
    """Mixin for a screen: keys read while it is being built wait for it, in their place.

    Textual sends a key to the screen when nothing had focus as the app read it: typed
    while the screen was being built (as the app starts, or as a dialog opens) and read
    a moment later, over a laggy link in one burst.  The screen offered it to the
    bindings only: digits vanished, and an Enter read once the panel had focus saved
    the numbers shown before.  Here a key read before the screen is mounted is kept;
    once it is (composed, its mount handlers run: the panel's pre-fill or the dialog's
    set loaded, its focus placed), the keys kept go to the focused widget's queue,
    ahead of every key the app reads after (it sends those to the focused widget), so
    each is handled in the order typed, on that widget's own task.  With nothing
    focused (a notice that only has key bindings), they go to the bindings as before.
    """

    def _forward_event(self, event: events.Event) -> None:
        mounted = self.is_mounted  # type: ignore[attr-defined]
        if isinstance(event, events.Key) and not event.is_forwarded and not mounted:
            self.__dict__.setdefault("_keys_before_mount", []).append(event)
            return
        super()._forward_event(event)  # type: ignore[misc]

    def _post_mount(self) -> None:
        super()._post_mount()  # type: ignore[misc]
        kept = self.__dict__.pop("_keys_before_mount", [])
        focused = self.focused  # type: ignore[attr-defined]
        for event in kept:  # forwarded as the app forwards a key (its sender is the app)
            if focused is not None:
                focused._forward_event(event)
            else:
                super()._forward_event(event)  # type: ignore[misc]


#: Per screen, the widget that took the last key (to tell when the lifter enters a field).
_LAST_TO_TAKE_KEYS: WeakKeyDictionary[Screen, Widget] = WeakKeyDictionary()
