"""The served page in a real browser: a lifter logs a set; another site's page cannot.

Slow (`pytest -m slow tests/browser`): `tui-tracker serve` runs in a subprocess and headless
Chromium opens the address it printed, as a lifter would, with no internet: every request
the page makes must stay on the server.  Keys go to the page's terminal (xterm.js) and from
there through textual-serve's WebSocket to the app; what the app paints is read from the
frames the browser received, and the set from the database.
"""

from __future__ import annotations

import http.server
import re
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.test_serve import ANSI, SQUAT, Served, day_sets, free_port

pytestmark = pytest.mark.slow

# A page on another site that tries to drive the app: it opens the app's WebSocket (every
# address given) and, if one opens, types a set into it.  window.attempts says what happened.
ATTACK = """<!doctype html><title>a page the lifter visits</title><script>
window.attempts = Promise.all(%s.map(url => new Promise(done => {
  let ws;
  try { ws = new WebSocket(url); } catch (e) { return done("refused to build: " + e); }
  ws.onopen = () => {
    for (const key of ["a", "squat", "\\r", "2", "0", "0", "\\t", "9", "9", "\\r"])
      ws.send(JSON.stringify(["stdin", key]));
    setTimeout(() => done("open"), 3000);
  };
  ws.onclose = event => done("closed " + event.code);
})));
</script>"""


class Screen:
    """What the app painted, read from the WebSocket frames the page received."""

    def __init__(self, page) -> None:
        self.page = page
        self.frames: list[str] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._received))

    def _received(self, payload) -> None:
        if isinstance(payload, bytes):  # the app's terminal output (JSON envelopes are text)
            self.frames.append(payload.decode("utf-8", "replace"))

    def text(self) -> str:
        return ANSI.sub("", "".join(self.frames))

    def wait_for(self, needle: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.text():
            assert time.monotonic() < deadline, (
                f"{needle!r} never appeared: {self.text()[-1500:]!r}"
            )
            self.page.wait_for_timeout(30)  # lets Playwright deliver the frames

    def settle(self, quiet: float = 0.3, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        seen, since = len(self.frames), time.monotonic()
        while time.monotonic() - since < quiet:
            assert time.monotonic() < deadline, "the app never stopped painting"
            self.page.wait_for_timeout(20)
            if len(self.frames) != seen:
                seen, since = len(self.frames), time.monotonic()

    def press_tab(self) -> None:
        """Tab: keys typed ahead keep their order (ui/keys.py), so the next may follow at once."""
        self.page.keyboard.press("Tab")


def until(page, condition, what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        page.wait_for_timeout(50)


@contextmanager
def another_site(tmp_path: Path, html: str):
    """A web server on another loopback port: another origin, as any site the lifter visits."""
    root = tmp_path / "another-site"
    root.mkdir()
    (root / "index.html").write_text(html)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw) -> None:
            super().__init__(*a, directory=str(root), **kw)

        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)


@pytest.mark.parametrize("how", ["loopback", "through a proxy, with the token"])
def test_a_lifter_logs_a_set_in_the_browser_and_another_site_cannot(chromium, tmp_path, how):
    db = tmp_path / "training.json"
    port = free_port()
    extra = [] if how == "loopback" else ["--public-url", f"http://gym.test:{port}"]
    server = Served(db, tmp_path, *extra, port=port)
    context = chromium.new_context(viewport={"width": 1200, "height": 800})
    try:
        address = server.printed_address()
        ours = {urlsplit(address).netloc, f"127.0.0.1:{port}"}
        requested: list[str] = []
        context.on("request", lambda request: requested.append(request.url))
        page = context.new_page()
        screen = Screen(page)
        assert page.goto(address).status == 200

        # Offline: nothing outside the server was asked for, and the terminal's font is there.
        screen.wait_for("No exercises yet")
        assert [u for u in requested if urlsplit(u).netloc not in ours] == []
        faces = page.evaluate("""async () => (await document.fonts.load('16px "Roboto Mono"'))
                                 .map(face => face.status)""")
        assert faces and set(faces) == {"loaded"}

        # A set, typed into the page.
        page.locator(".xterm-helper-textarea").focus()
        page.keyboard.press("a")
        screen.wait_for("Add an exercise")
        page.keyboard.type("squat")
        page.keyboard.press("Enter")
        screen.wait_for("type weight, reps")
        page.keyboard.type("100")
        screen.press_tab()
        page.keyboard.type("5")
        screen.press_tab()
        page.keyboard.type("2")
        page.keyboard.press("Enter")
        until(page, lambda: len(day_sets(db)) == 1, "the set on disk")
        screen.wait_for("Saved set 1")
        page.screenshot(path=str(tmp_path / "logged.png"))
        assert [(s.exercise_id, s.weight_kg, s.reps, s.rir) for s in day_sets(db)] == [
            (SQUAT, 100, 5, 2)
        ]

        # Another site's page cannot open the app's WebSocket, even knowing the address.
        ws_url = page.locator("#terminal").get_attribute("data-session-websocket-url")
        targets = [
            ws_url,
            ws_url.replace(urlsplit(ws_url).netloc, f"127.0.0.1:{port}"),
            f"ws://127.0.0.1:{port}/ws",
            f"ws://localhost:{port}/ws",
        ]
        with another_site(tmp_path, ATTACK % repr(targets)) as site:
            attacker = context.new_page()
            assert attacker.goto(site).status == 200
            outcomes = attacker.evaluate("window.attempts")
            assert "open" not in outcomes, outcomes
            assert all(o.startswith("closed ") for o in outcomes), outcomes

            # DNS rebinding: evil.test now resolves to 127.0.0.1, so to the browser the
            # server is evil.test's own origin.  The server refuses that name.
            rebound = context.new_page()
            response = rebound.goto(f"http://evil.test:{port}/")
            assert response.status == 403
            assert "does not answer to the name evil.test" in rebound.content()
            rebound.set_content(ATTACK % repr([f"ws://evil.test:{port}/ws"]))
            assert rebound.evaluate("window.attempts") == ["closed 1006"]
        assert len(day_sets(db)) == 1  # still only the lifter's set

        refused = re.findall(r"refused a WebSocket from a page at '([^']+)'", server.output())
        assert refused.count(site) == len(targets), server.output()
    finally:
        context.close()
        code = server.stop()
    assert code == 0, server.output()
