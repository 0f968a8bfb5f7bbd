"""Keys typed ahead are applied in the order typed.

On a laggy SSH link "Enter Tab 6 Enter" arrives in one packet: every key is queued
before the app handles the first.  The set Enter saves is what was on screen when
Enter was pressed; keys after it edit the next set.  Each test posts its keys in one
go (`burst`) and checks what was saved.
"""

from __future__ import annotations

from textual import events

from tui_tracker.store import Store

from .conftest import DAY, SIZE, make_app

CHARS = {"tab": "\t", "enter": "\r", "escape": "\x1b", "backspace": "\x7f", "space": " "}


KEY_NAMES = {*CHARS, "up", "down", "left", "right", "home", "end", "plus", "minus", "shift+tab"}


def keys(*names: str) -> list[tuple[str, str | None]]:
    """('80', 'tab', 'squat', 'enter') -> Key events as a terminal sends them (a word
    that is not a key name is typed letter by letter)."""
    out: list[tuple[str, str | None]] = []
    for name in names:
        if name in KEY_NAMES or "+" in name:
            out.append((name, CHARS.get(name)))
        else:
            out += [(ch, ch) for ch in name]
    return out


async def burst(pilot, *names: str) -> None:
    """Post every key at once, then let the app work through them."""
    for key, character in keys(*names):
        pilot.app.post_message(events.Key(key, character))
    for _ in range(4):
        await pilot.pause()


def saved(db) -> list[tuple[float, int, int | None, str]]:
    with Store(db) as store:
        sessions = store.sessions_between(DAY, DAY)
    return [(s.weight_kg, s.reps, s.rir, s.kind) for session in sessions for s in session.sets]


async def start_squats(pilot) -> None:
    """Pick the squat and log 80 x 8 @2 (typed ahead too: weight, Tab, reps, Tab, RIR, Enter)."""
    await burst(pilot, "a", "squat", "enter")
    await burst(pilot, "80", "tab", "8", "tab", "2", "enter")


async def test_enter_saves_what_was_on_screen_and_later_keys_edit_the_next_set(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        assert saved(db) == [(80, 8, 2, "working")]
        await burst(pilot, "enter", "tab", "6", "enter")
        assert saved(db) == [(80, 8, 2, "working"), (80, 8, 2, "working"), (80, 6, 2, "working")]


async def test_digits_after_enter_replace_the_next_sets_weight(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        await burst(pilot, "enter", "85")
        assert saved(db) == [(80, 8, 2, "working")] * 2  # the repeat is 80, not 85
        await burst(pilot, "enter")
        assert saved(db)[-1] == (85, 8, 2, "working")


async def test_a_letter_key_after_enter_acts_after_the_set_is_saved(db, clock):
    """'w' toggles warm-up for the NEXT set when typed after Enter, and for this one
    when typed before it."""
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        await burst(pilot, "enter", "w", "60", "tab", "5", "enter")
        # (a warm-up starts from warm-up values: no RIR carried over from working sets)
        assert saved(db)[1:] == [(80, 8, 2, "working"), (60, 5, None, "warmup")]
        await burst(pilot, "w", "enter")  # back to working, then save
        assert saved(db)[-1][3] == "working"


async def test_a_refused_value_is_selected_so_typing_replaces_it(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        await burst(pilot, "tab", "101", "enter")  # reps 101: refused
        assert len(saved(db)) == 1
        await burst(pilot, "10", "enter")  # typed over the refused 101
        assert saved(db)[-1] == (80, 10, 2, "working")


async def test_the_edit_dialog_selects_the_value_so_typing_replaces_it(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        await burst(pilot, "e")
        await burst(pilot, "15", "enter")  # 80 -> 15, not 8015 or 155
        assert saved(db) == [(15, 8, 2, "working")]


async def test_keys_typed_ahead_in_the_edit_dialog_apply_in_order(db, clock):
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        await burst(pilot, "e", "tab", "6", "tab", "1", "enter", "enter")
        # The edit (80 x 6 @1) was saved, and the Enter after it logged the next set.
        assert saved(db) == [(80, 6, 1, "working"), (80, 6, 1, "working")]


def squats_open_today(db, clock) -> None:
    """A session open today holding one set, 100 x 5 @2: the app resumes it at start."""
    from tui_tracker.domain.models import LoggedSet

    with Store(db) as store:
        session = store.start_session(DAY, clock.now())
        store.log_set(
            LoggedSet("barbell-back-squat", 100, 5, 2, clock.now()), day=DAY, session_id=session.id
        )


def keys_read_while_composing(monkeypatch, screen_class, *names: str) -> None:
    """The app reads `names` (as `keys`) while a `screen_class` is being composed, and
    sends each where it sends a key then (App.on_event): to the focused widget, or with
    none, to the screen.  Posted to the app instead, a key might be read only once the
    screen is mounted.

    Each key is sent by the app, as the driver makes it: made in the screen's compose it
    would name the screen as its sender, and Textual stops a message from bubbling past
    its sender."""
    compose = screen_class.compose

    def compose_while_keys_arrive(self):
        yield from compose(self)
        for key, character in keys(*names):
            event = events.Key(key, character)
            event.set_sender(self.app)
            (self.app.focused or self.app.screen)._forward_event(event)

    monkeypatch.setattr(screen_class, "compose", compose_while_keys_arrive)


async def test_a_set_typed_while_the_app_starts_is_saved_as_typed(db, clock, monkeypatch):
    """Keys the app reads while the Today screen is still being built (a lifter who types
    as soon as the app is launched, over a laggy link) are applied in order once it is
    (ui/keys.py, EarlyKeys).  With no focus yet, Textual gave them to the screen, which
    offered them to its bindings only: every key was lost (and had a slower link
    delivered Enter once the panel had focus, the set before's numbers were saved)."""
    from tui_tracker.ui.today import TodayScreen

    squats_open_today(db, clock)
    keys_read_while_composing(monkeypatch, TodayScreen, "142.5", "tab", "6", "tab", "1", "enter")
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(6):
            await pilot.pause()
        assert saved(db) == [(100, 5, 2, "working"), (142.5, 6, 1, "working")]


async def test_keys_read_while_a_dialog_is_built_reach_its_field(db, clock, monkeypatch):
    """The same for a dialog: keys read after it was pushed but before it had its focus."""
    from tui_tracker.ui.modals import EditSet

    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        keys_read_while_composing(monkeypatch, EditSet, "15", "enter")
        await burst(pilot, "e")
        for _ in range(4):
            await pilot.pause()
        assert saved(db) == [(15, 8, 2, "working")]


async def test_a_key_read_while_the_app_starts_keeps_its_place_before_later_keys(
    db, clock, monkeypatch
):
    """`a` read while Today is built, then `135` read once the panel has focus (while
    the search `a` opens is still mounting): the search gets 135, the panel keeps its
    weight.  Handled on the screen's own task, `a` waited for the search while the panel
    took the digits."""
    from tui_tracker.ui.today import TodayScreen
    from tui_tracker.ui.today_search import ExerciseAdder

    squats_open_today(db, clock)
    keys_read_while_composing(monkeypatch, TodayScreen, "a")
    show = ExerciseAdder.show

    async def show_while_digits_arrive(self):
        for digit in "135":
            self.screen.app.post_message(events.Key(digit, digit))
        await show(self)

    monkeypatch.setattr(ExerciseAdder, "show", show_while_digits_arrive)
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(8):
            await pilot.pause()
        assert app.screen.query_one("#search").value == "135"
        assert app.screen.query_one("#entry").values["weight"] == "100"


async def test_a_key_read_while_a_screen_is_built_reaches_the_apps_bindings(db, clock, monkeypatch):
    """ "i Esc" in one packet: About read Esc while it was being built and kept it until
    its scroll had focus, then handed it on made anew on its own task, so naming itself
    as the key's sender; Textual stops a message at its sender, so Esc never reached the
    app's bindings and the lifter stayed on About."""
    from tui_tracker.ui.about import AboutScreen
    from tui_tracker.ui.today import TodayScreen

    keys_read_while_composing(monkeypatch, AboutScreen, "escape")
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "i")
        for _ in range(4):
            await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


def test_every_screen_of_ours_keeps_the_keys_read_while_it_is_built():
    """A screen without EarlyKeys offers a key read before it is mounted to its bindings
    only: a screen added later must not quietly bring that back."""
    import importlib
    import pkgutil

    from textual.screen import Screen

    import tui_tracker.ui
    from tui_tracker.ui.keys import EarlyKeys

    for module in pkgutil.walk_packages(tui_tracker.ui.__path__, "tui_tracker.ui."):
        importlib.import_module(module.name)

    def ours(cls):
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("tui_tracker."):
                yield sub
            yield from ours(sub)

    screens = set(ours(Screen))
    assert len(screens) > 10
    assert [s.__qualname__ for s in screens if not issubclass(s, EarlyKeys)] == []


async def test_a_set_typed_after_finishing_is_saved_as_typed(db, clock):
    """After `f` Enter the keyboard is in the exercise list while the panel stays on
    screen, pre-filled: digits typed there were dropped, Tab went into Weight and the
    reps replaced it, so "50 Tab 12 Enter" saved 12 kg x 8.  A digit typed in the list
    now opens the highlighted exercise's panel and lands in its weight."""
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        await burst(pilot, "f", "enter", "50", "tab", "12", "enter")
        for _ in range(4):
            await pilot.pause()
        assert sorted(saved(db)) == [(50, 12, 2, "working"), (80, 8, 2, "working")]
        with Store(db) as store:
            assert len(store.sessions_between(DAY, DAY)) == 2  # a new session, as it says


async def test_enter_after_finishing_saves_nothing(db, clock):
    """A second Enter after `f` Enter (a double tap) opens the exercise: no new session."""
    app = make_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start_squats(pilot)
        await burst(pilot, "f", "enter", "enter")
        for _ in range(4):
            await pilot.pause()
        assert saved(db) == [(80, 8, 2, "working")]
