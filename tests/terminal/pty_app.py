"""Run the real `tui-tracker` in a pseudo-terminal, as a lifter's SSH session would."""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Za-z0-9]|\x1b[=>78MNOP]")


class PtyApp:
    def __init__(self, *args: str, cols: int = 80, rows: int = 24, env: dict | None = None) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows)}
        full_env.pop("TEXTUAL_DRIVER", None)
        full_env.update(env or {})
        self.proc = subprocess.Popen([sys.executable, "-m", "tui_tracker.cli", *args], stdin=slave,
                                     stdout=slave, stderr=slave, env=full_env, start_new_session=True,
                                     close_fds=True)
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def text(self) -> str:
        return ANSI.sub(b"", bytes(self.output)).decode("utf-8", "replace")

    def wait_for(self, needle: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.text():
                return
            time.sleep(0.05)
        raise AssertionError(f"{needle!r} never appeared; screen text: {self.text()[-2000:]!r}")

    def send(self, *keys: str, pause: float = 0.15) -> None:
        for k in keys:
            os.write(self.master, k.encode())
            time.sleep(pause)

    def signal(self, sig: int) -> None:
        os.killpg(self.proc.pid, sig)

    def wait(self, timeout: float = 15) -> int:
        return self.proc.wait(timeout=timeout)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        try:
            os.close(self.master)
        except OSError:
            pass


def db_sets(db: Path) -> list:
    from tui_tracker.store import Store

    store = Store(db)
    try:
        return [s for session in store.recent_sessions(limit=10) for s in session.sets]
    finally:
        store.close()


ENTER, TAB, ESC = "\r", "\t", "\x1b"
__all__ = ["PtyApp", "db_sets", "ENTER", "TAB", "ESC", "signal"]
