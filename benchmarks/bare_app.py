"""The yardstick for start-up time: a bare Textual app with a header and a footer.

Started in a pty exactly like tui-tracker; its first frame is the one showing TITLE.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header

TITLE = "Bare Textual app"


class BareApp(App):
    TITLE = TITLE

    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
