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


def test_the_app_quits_when_its_server_is_killed(tmp_path):
    env = dict(os.environ, TEXTUAL_DRIVER="textual.drivers.web_driver:WebDriver")
    app = f"'{sys.executable}' -m tui_tracker --db '{tmp_path / 't.json'}'"
    # a stand-in server: a shell that starts the app on a pipe and waits
    server = subprocess.Popen(["sh", "-c", f"sleep 600 | {app} >/dev/null 2>&1 & echo $!; wait"],
                              stdout=subprocess.PIPE, text=True, env=env)
    app_pid = int(server.stdout.readline())
    time.sleep(3)  # started and mounted
    assert _alive(app_pid)
    server.send_signal(signal.SIGKILL)
    server.wait()
    deadline = time.monotonic() + 20
    while _alive(app_pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    alive = _alive(app_pid)
    if alive:
        os.kill(app_pid, signal.SIGKILL)
    assert not alive, "the orphaned app kept running"
