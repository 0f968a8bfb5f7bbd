"""Sets waiting for a busy database, saved in the background in the order typed.

Another process can hold the database's lock for a while: a big import, or another
session stuck mid-commit (stopped with Ctrl+Z over SSH).  The screen's own store
calls give up after half a second (TrackerApp sets that patience), so keys never
freeze; a set Enter could not save then waits here.  One worker thread saves the
waiting sets one by one through the logbook, each as soon as the lock is free; the
lifter can stop waiting with `x`, and every set still waiting is then NOT saved,
said with its numbers.  A set is shown as saved only once it is on disk.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import TYPE_CHECKING

from ..domain.sessions import Prefill
from ..store import StoreError
from .trouble import is_fatal, refused

if TYPE_CHECKING:
    from ..entries import Entry, Saved
    from .today_work import ExerciseWork

#: How long a waiting set waits for the database before it is given up (NOT saved).
WAIT_FOR_DATABASE = 600.0


def _describe(entry: Entry) -> str:
    v = entry.values
    from ..domain.models import format_weight

    text = f"{format_weight(v.weight_kg, v.unit)} x {v.reps}"
    return text + (f" @{v.rir}" if v.rir is not None else "")


class WaitingSaves:
    def __init__(self, work: ExerciseWork) -> None:
        self.work = work
        self._queue: deque[tuple[str, Entry]] = deque()
        self._stop = threading.Event()
        #: Whether a worker is saving.  Read and set under `_lock` with the queue: the
        #: worker leaves only when it finds the queue empty under the lock, and a set
        #: queued after that starts a new one (a set queued while the worker was on
        #: its way out, its "done" not yet handled by the screen, was never saved).
        self._running = False
        self._lock = threading.Lock()

    @property
    def busy(self) -> bool:
        """Sets are waiting (later ones join the queue, so they keep their order)."""
        return bool(self._queue) or self._running

    def add(self, exercise_id: str, entry: Entry, error: StoreError | None = None) -> Prefill:
        """Queue a set; the panel's next set starts from it, as after a save."""
        with self._lock:
            self._queue.append((exercise_id, entry))
            start = not self._running
            self._running = True
        self._say(error)
        if start:
            self._stop.clear()
            self.work.screen.run_worker(self._save_all, thread=True, group="waiting-saves")
        self.work.screen.refresh_bindings()
        v = entry.values
        return Prefill(v.weight_kg, v.unit, v.reps, v.rir, entry.warmup)

    def stop(self) -> None:
        """`x`: stop waiting; what still waits is not saved."""
        self._stop.set()

    def _say(self, error: StoreError | None) -> None:
        holder = getattr(error, "holder", None) or "another tui-tracker process"
        with self._lock:  # (the worker takes sets off meanwhile)
            waiting = [e for _, e in self._queue]
        sets = "; ".join(_describe(e) for e in waiting)
        self.work.screen.status.show(
            f"The database is busy ({holder}). Waiting to save: {sets}. x stops waiting.", "warning"
        )

    def _save_all(self) -> None:
        """The worker thread: save the waiting sets in order, each when the lock is free."""
        store, app = self.work.book.store, self.work.screen.app
        store.set_patience(WAIT_FOR_DATABASE)
        with store.cancel_when(self._stop.is_set):
            while True:
                with self._lock:
                    if not self._queue:
                        self._running = False  # a set queued from now on starts a worker
                        break
                    exercise_id, entry = self._queue[0]
                try:
                    saved = self.work.book.log(exercise_id, entry)
                except StoreError as err:
                    app.call_from_thread(self._not_saved, err)
                    return
                with self._lock:
                    self._queue.popleft()
                app.call_from_thread(self._saved, saved)
        app.call_from_thread(self._done)

    def _saved(self, saved: Saved) -> None:
        self.work.saved(saved)

    def _not_saved(self, error: StoreError) -> None:
        with self._lock:
            lost = "; ".join(_describe(e) for _, e in self._queue)
            self._queue.clear()
            self._running = False
        self._done()
        if is_fatal(error):  # the dialog, told which sets were lost
            said = refused(self.work.screen, error, "NOT saved", lost)
        else:
            said = f"NOT saved: {lost}. {error}"
        self.work.screen.status.show(said, "error")

    def _done(self) -> None:
        self.work.screen.refresh_bindings()
