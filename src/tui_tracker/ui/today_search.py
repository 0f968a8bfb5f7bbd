"""Adding an exercise on the Today screen (`a`): the search overlay, the exercise it
picks, and `+ New exercise` (the dialog that asks for its muscles).

The overlay is mounted hidden just after the first frame and kept: opening it is
then one redraw of its box.  The Today screen keeps the `a` binding and the day
(its list, its order); this shows the search and opens what it picks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..store import StoreError
from .trouble import refused

if TYPE_CHECKING:  # mounted just after the first frame, imported then
    from .mount_once import MountOnce
    from .today import TodayScreen
    from .widgets.exercise_search import ExerciseSearch


class ExerciseAdder:
    """The exercise search over the Today screen, and what it picks."""

    def __init__(self, screen: TodayScreen) -> None:
        self.screen = screen
        self._mount: tuple[ExerciseSearch, MountOnce] | None = None

    async def show(self) -> None:
        """The exercise search, as an overlay on the screen (not a screen of its own, which
        would redraw the whole terminal), focused before the next key is read."""
        search = await self.overlay()
        if search is None:  # the app is leaving
            return
        book = self.screen.book
        if search.catalogue is not book.catalogue:  # a new exercise of the lifter's
            search.catalogue = book.catalogue
            search.start()
        search.remove_class("-away")
        self.screen.set_focus(search.field)

    async def overlay(self) -> ExerciseSearch | None:
        """The search overlay: mounted hidden just after the first frame, shown on `a`.
        None when the app is leaving (a hang-up or `q` before or while it mounted:
        Textual mounts nothing after App.exit, so the search would have no field).

        Mounted once and kept (opening it is then one redraw of its box), and first among
        the screen's children: Textual orders widgets counting back from the last child,
        so a child added at the end would re-order, and redraw, the whole screen.  Every
        caller waits for that one mount: `a` typed while it is under way gets it whole."""
        from .widgets.exercise_search import ExerciseSearch

        screen = self.screen
        if self._mount is None:
            if not screen.is_attached:  # False from App.exit on: mount() would raise
                return None
            search = ExerciseSearch(
                screen.book.catalogue, self.picked, self.create_new, id="search-overlay"
            )
            # Away (laid out off the screen) rather than hidden: showing it is then one
            # paint of its box (hidden widgets are sized when first shown, a second paint).
            # (before the mount, no restyle: mounting styles it with its classes)
            search.add_class("-away", update=False)
            from .mount_once import MountOnce

            # (each await of a bare AwaitMount asks the screen for a layout and a full
            # repaint: MountOnce waits for the mount once, then costs nothing)
            self._mount = (search, MountOnce(screen.mount(search, before=0)))
            await self._mount[1]
            if not search.is_attached:
                return None
            search.start()
            return search
        search, mounting = self._mount
        await mounting
        return search if search.is_attached else None

    async def picked(self, exercise_id: str | None) -> None:
        # Hidden, not removed: keys typed after Enter may still be queued on its search
        # field, to be handed on to the panel in order (a removed widget drops them).
        search = await self.overlay()
        if search is None:  # the app is leaving
            return
        search.add_class("-away")
        search.start()  # ready for next time, redrawn off the screen (nothing sent)
        screen = self.screen
        if exercise_id is None:  # cancelled: back where the lifter was
            screen.set_focus(screen.work.entry if screen.current is not None else screen.exercises)
            return
        if exercise_id not in screen.order:
            screen.order.append(exercise_id)
        await screen.work.open(exercise_id)
        screen.day_changed()
        screen.status.show(
            f"{screen.book.exercise(exercise_id).name}: type weight, reps, RIR and press Enter."
        )

    async def create_new(self, name: str) -> None:
        """`+ New exercise` in the search: the dialog that asks for its muscles."""
        from .modals import NewExercise

        screen = self.screen

        async def created(ex) -> None:
            if ex is None:
                return
            try:
                screen.store.save_exercise(ex)
                screen.book.set_catalogue(screen.store.catalogue())
            except StoreError as err:
                screen.status.show(
                    refused(screen, err, "NOT saved", f"the new exercise {ex.name}"), "error"
                )
                return
            await self.picked(ex.id)

        screen.app.push_screen(NewExercise(screen.book.catalogue, name, created))
