"""The command palette (Ctrl+P): every action the screen behind it allows, by name.

Built from what the screen can do right now (`active_bindings`, so `check_action`
and a keymap both apply): each entry is the action's title with the key it is
bound to, e.g. "Add exercise (a)", and runs the same action the key runs.
Screens that name their actions (`ACTIONS`, ui/actions.py) give titles and help;
for any other binding its key-bar label is the title.
"""

from __future__ import annotations

from functools import partial
from collections.abc import Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .actions import Action


class ScreenCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, str, object]]:
        screen = self.screen
        named: dict[str, Action] = getattr(screen, "NAMED_ACTIONS", {})
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not active.enabled or binding.action in seen or binding.system:
                continue
            action = named.get(binding.id or "")
            if action is not None and not action.in_palette:
                continue
            if action is None and not binding.description:
                continue
            seen.add(binding.action)
            title = action.title if action else binding.description
            shown = self.app.get_key_display(binding)
            yield (
                f"{title} ({shown})",
                action.help if action else "",
                partial(self.app.run_action, binding.action, active.node),
            )

    async def discover(self) -> Hits:
        for title, help_text, run in sorted(self._commands(), key=lambda c: c[0]):
            yield DiscoveryHit(title, run, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in self._commands():
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)  # type: ignore[arg-type]
