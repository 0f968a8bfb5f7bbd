"""When the training database fails under the app: say so, keep running where it can.

Another version of the app, a bad disk or a hand edit can damage or upgrade a file
while the TUI runs; a disk can fill up or turn read-only.  Every store error ends
up in `TrackerApp.store_problem`, the one place that decides what the lifter sees:

* a file that cannot be read or is newer than this app (`DatabaseUnreadable`,
  `DatabaseTooNew`): a dialog (ui/store_problem.py) with the store's message (which names the file and
  the copy kept).  `q` leaves through the app with exit code 3 and the message;
  Esc keeps the app open to look around, and every save tried there is refused by
  the store again (it never writes a file it could not read); however the app is
  left after that, it leaves with exit code 3 (`TrackerApp.exit`).
* anything else (disk full, read-only, the lock held too long): a notice; the
  screens that save say "NOT saved" beside the values still typed.

A screen that catches a store error itself, to say what its key did not do, goes
through `refused`: a damaged or newer file then opens the dialog too (told what was
lost, with its numbers), and the app leaves with exit code 3 however it is left.  A
status line alone was cut off (a long path and the store's advice do not fit its
lines) and let `q` leave with exit code 0.

`KeepsRunning` catches store errors in a screen's or widget's handlers: Textual
stops a widget's message loop after an unhandled exception, which would leave the
screen deaf; caught here, the error is shown and the loop goes on.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.message import Message

from ..store import DatabaseTooNew, DatabaseUnreadable, StoreError
from .leaving import BuiltWhileRunning


def is_fatal(error: Exception) -> bool:
    """A file the app must not go on using (as opposed to a write that failed)."""
    return isinstance(error, (DatabaseUnreadable, DatabaseTooNew))


def refused(node: DOMNode, error: Exception, what: str, lost: str = "") -> str:
    """The status line's text for a write the store or a rule refused: `what` ("NOT
    saved") and the error.  A damaged or newer database opens the dialog as well, told
    what was not done and `lost` ("Barbell Back Squat 80 kg x 6 @2"); the line then
    says it short."""
    done = f"{what}: {lost}" if lost else what
    if is_fatal(error):
        node.app.store_problem(error, done)  # type: ignore[attr-defined]
        return f"{done}. The training database has a problem: q quits (exit code 3)."
    return f"{what}: {error}"


class KeepsRunning(BuiltWhileRunning):
    """Mixin for screens and widgets: a store error in a handler is shown, not fatal
    (and a screen opening while the app leaves is not set up: ui/leaving.py)."""

    async def _dispatch_message(self, message: Message) -> None:
        try:
            await super()._dispatch_message(message)  # type: ignore[misc]
        except StoreError as error:
            self.app.store_problem(error)  # type: ignore[attr-defined]
