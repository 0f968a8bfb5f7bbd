"""A browser tab's app whose server was killed with SIGKILL quits by itself.

textual-serve gives each tab an app process on a pipe; if the server dies
without a word, the pipe just ends.  The app notices it was re-parented and exits.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie waiting for init to reap it counts as gone
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.parametrize("when", ["at once", "after its first frame"])
def test_the_app_quits_when_its_server_is_killed(tmp_path, when):
    """Killed right after launching the app (before the app could note its server) or once
    the app has drawn: either way the orphaned app quits by itself."""
    env = dict(os.environ, TEXTUAL_DRIVER="textual.drivers.web_driver:WebDriver")
    out = tmp_path / "app-output"
    app = f"'{sys.executable}' -m tui_tracker --db '{tmp_path / 't.json'}'"
    # a stand-in server: a shell that starts the app on a pipe and waits
    # ($$ is the stand-in's own pid, which `tui-tracker serve` names to its tabs the same way)
    server = subprocess.Popen(
        ["sh", "-c", f"sleep 600 | TUI_TRACKER_SERVER_PID=$$ {app} >'{out}' 2>&1 & echo $!; wait"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    app_pid = int(server.stdout.readline())
    if when != "at once":
        deadline = time.monotonic() + 30
        while not (out.exists() and out.stat().st_size > 0):  # the app is drawing
            assert time.monotonic() < deadline and _alive(app_pid), "the app never drew"
            time.sleep(0.05)
    server.send_signal(signal.SIGKILL)
    server.wait()
    deadline = time.monotonic() + 20
    while _alive(app_pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    alive = _alive(app_pid)
    if alive:
        os.kill(app_pid, signal.SIGKILL)
    assert not alive, "the orphaned app kept running"
