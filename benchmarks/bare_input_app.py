"""The yardstick for key-to-echo latency: a bare Textual app with one focused Input.

Started in a pty like tui-tracker (bench_latency.py); its first frame shows TITLE.
The Input takes digits like the set-entry panel's weight field, with the same
placeholder, so an echo redraws a line of the same kind.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input

TITLE = "Bare Input app"


class BareInputApp(App):
    TITLE = TITLE

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="0", restrict=r"[0-9.,]*", id="weight")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()


if __name__ == "__main__":
    BareInputApp().run()
