"""A screen or dialog opening while the app leaves is not set up: no crash on the way out.

Once App.exit() has been called (a hang-up, q), Textual builds nothing more: a screen
composed then gets no widgets (`mount_all` returns at once), yet its Mount still comes,
and a mount handler that looks for what it composed raised NoMatches: exit code 1 and
a traceback instead of the hang-up's 129 (or 0 after q).  On a loaded machine a hang-up
lands between the key that opens a screen and its compose, or while Today itself is
being built at start-up (tests/ui/test_hang_up_races.py forces each ordering).

Nothing is lost by skipping the set-up: every set is committed before it is shown.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widget import Widget


class BuiltWhileRunning:
    """Mixin for screens and widgets: a Mount that comes once the app is leaving is
    dropped (their widgets were never composed), so no mount handler runs on nothing."""

    async def _dispatch_message(self, message: Message) -> None:
        # A widget is attached from its mount until it is removed, and `is_attached` is
        # False from App.exit on.  (The App is no Widget and never attached: left out.)
        if isinstance(message, events.Mount) and isinstance(self, Widget) and not self.is_attached:
            return
        await super()._dispatch_message(message)  # type: ignore[misc]
