"""A mount that can be awaited again and again at no cost: `MountOnce`.

Textual (8.2.8, pinned) returns an `AwaitMount` from `mount()`, and each `await` of it,
the first and every later one, ends with `parent.refresh(layout=True)`.  When the
parent is the screen, that refresh repaints the whole screen: a screenful over SSH.
The Today screen mounts its search overlay once and awaits that mount wherever it needs
the overlay (`a`, and each exercise picked), so every `a` and every pick sent the whole
screen a second time.  `MountOnce` awaits the mount until it is done, then nothing.
"""

from __future__ import annotations

from collections.abc import Generator

from textual.widget import AwaitMount


class MountOnce:
    """Await it like the `AwaitMount` it wraps; once that is done, awaiting does nothing."""

    def __init__(self, mounting: AwaitMount) -> None:
        self._mounting = mounting
        self.done = False

    def __await__(self) -> Generator[None, None, None]:
        return self._wait().__await__()

    async def _wait(self) -> None:
        if not self.done:
            await self._mounting  # (callers waiting at once each await it: all before it is)
            self.done = True
