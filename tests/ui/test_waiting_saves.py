"""Sets waiting for a busy database are all saved, however Enter meets the worker.

The worker that saves waiting sets leaves once the queue is empty and tells the
screen it is done through the screen's thread.  A set typed between those two
moments (Enter right as the last waiting set is saved: the status already says
"Saved set 2") was queued behind a worker that had already left and was never
saved, while the panel moved on as if it would be: a lost set (seen as a failure
of tests/ui/test_busy_database.py on a loaded machine: the last set on disk was set
2's 80 x 8, not the 80 x 6 typed next).
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

from tui_tracker.domain.inputs import SetInput
from tui_tracker.entries import Entry
from tui_tracker.ui.waiting import WaitingSaves


class Book:
    def __init__(self) -> None:
        self.logged: list[Entry] = []
        self.store = self

    def set_patience(self, seconds: float) -> None:
        pass

    @contextmanager
    def cancel_when(self, cancelled):
        yield

    def log(self, exercise_id: str, entry: Entry) -> Entry:
        self.logged.append(entry)
        return entry


class ScreenThread:
    """The screen's thread as the worker sees it: what it hands over runs only when
    the test says (the screen is busy with a key meanwhile)."""

    def __init__(self) -> None:
        self.handed: list = []
        self.workers: list[threading.Thread] = []
        self.app = self
        self.status = self

    def call_from_thread(self, callback, *args) -> None:
        self.handed.append((callback, args))

    def run_worker(self, work, thread: bool, group: str) -> None:
        worker = threading.Thread(target=work)
        self.workers.append(worker)
        worker.start()

    def run_handed(self) -> None:
        while self.handed:
            callback, args = self.handed.pop(0)
            callback(*args)

    def show(self, text: str, level: str) -> None:
        pass

    def refresh_bindings(self) -> None:
        pass


class Work:
    def __init__(self) -> None:
        self.book = Book()
        self.screen = ScreenThread()
        self.saved_sets: list[Entry] = []

    def saved(self, saved: Entry) -> None:
        self.saved_sets.append(saved)


def _workers_done(screen: ScreenThread) -> None:
    for worker in screen.workers:
        worker.join(5)


def _set(reps: int) -> Entry:
    return Entry(SetInput(80.0, "kg", reps, 2))


def test_a_set_queued_as_the_worker_leaves_is_still_saved():
    work = Work()
    saves = WaitingSaves(work)
    set_2, set_3 = _set(8), _set(6)
    saves.add("squat", set_2)
    _workers_done(work.screen)  # set 2 saved; the worker left; the screen not told yet
    assert work.book.logged == [set_2]
    saves.add("squat", set_3)  # Enter now, before the screen hears "done"
    work.screen.run_handed()  # "Saved set 2", then the worker's "done"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and work.book.logged != [set_2, set_3]:
        _workers_done(work.screen)
        work.screen.run_handed()
        time.sleep(0.01)
    assert work.book.logged == [set_2, set_3]
    assert not saves.busy


def test_sets_typed_while_the_worker_saves_never_crash_the_screen():
    """`add` says what waits while the worker takes sets off the queue: the text was
    built by walking the queue outside the lock, and a set saved meanwhile stopped the
    app (RuntimeError: deque mutated during iteration; found in review, 328 of 182,134
    adds).  Many adds against a saving worker: none may raise."""

    class SlowBook(Book):  # a commit takes a while: the queue grows long
        def log(self, exercise_id: str, entry: Entry) -> Entry:
            time.sleep(0.0002)
            return super().log(exercise_id, entry)

    work = Work()
    work.book = SlowBook()
    saves = WaitingSaves(work)
    for i in range(3_000):
        saves.add("squat", _set(1 + i % 50))  # raises if the worker saved meanwhile
    deadline = time.monotonic() + 60
    while saves.busy and time.monotonic() < deadline:
        _workers_done(work.screen)
        work.screen.run_handed()
    assert len(work.book.logged) == 3_000
