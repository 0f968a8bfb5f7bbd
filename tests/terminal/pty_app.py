"""Run the real `tui-tracker` in a pseudo-terminal, as a lifter's SSH session would.

Like sshd and tmux, the harness makes the pty the app's controlling terminal (unless told
not to), so closing the master end (`hang_up`) is a real hang-up: the kernel sends SIGHUP
and SIGCONT, reads see end-of-file and writes fail with EIO.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

ANSI = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Za-z0-9]|\x1b[=>78MNOP]"
)

#: Started as a session leader, the child takes the pty as its controlling terminal, then
#: runs the CLI in the same process (what sshd and tmux do before they exec the shell).
_WITH_CONTROLLING_TTY = (
    "import fcntl, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
    "from tui_tracker.cli import main; sys.exit(main(sys.argv[1:]))"
)


class PtyApp:
    def __init__(
        self,
        *args: str,
        cols: int = 80,
        rows: int = 24,
        env: dict | None = None,
        controlling_tty: bool = True,
    ) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(cols),
            "LINES": str(rows),
        }
        full_env.pop("TEXTUAL_DRIVER", None)
        full_env.update(env or {})
        start = ["-c", _WITH_CONTROLLING_TTY] if controlling_tty else ["-m", "tui_tracker.cli"]
        self.proc = subprocess.Popen(
            [sys.executable, *start, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        os.set_blocking(master, False)  # no thread ever sits in a read or write on it
        self.master: int | None = master
        self.output = bytearray()
        self._stop_r, self._stop_w = os.pipe()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._typist: threading.Thread | None = None

    def _read(self) -> None:
        # select with a stop pipe, never a read blocked on the master: a blocked read holds
        # the master open, so closing it (a hang-up) would not reach the app until its next write
        while True:
            ready, _, _ = select.select([self.master, self._stop_r], [], [])
            if self._stop_r in ready:
                return
            try:
                chunk = os.read(self.master, 65536)
            except BlockingIOError:
                continue
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def text(self, since: int = 0) -> str:
        """What the app wrote (from byte `since` of its output: see `mark`), escape codes
        removed."""
        return ANSI.sub(b"", bytes(self.output[since:])).decode("utf-8", "replace")

    def mark(self) -> int:
        """Where the output is now: `wait_for(..., since=mark)` then waits for text drawn
        after this point, not text already on the screen."""
        return len(self.output)

    def wait_for(self, needle: str, timeout: float = 20, since: int = 0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.text(since):
                return
            time.sleep(0.01)
        raise AssertionError(f"{needle!r} never appeared; screen text: {self.text()[-2000:]!r}")

    def wait_for_output(self, needle: bytes, timeout: float = 20) -> None:
        """Wait until the raw output (escape codes and all) holds `needle`: the reader
        thread may still be draining the pty after the app has exited."""
        deadline = time.monotonic() + timeout
        while needle not in self.output:
            assert time.monotonic() < deadline, (
                f"{needle!r} never came: {bytes(self.output[-300:])!r}"
            )
            time.sleep(0.01)

    def send(self, *keys: str, pause: float = 0.15) -> None:
        for k in keys:
            data = k.encode()
            while data:
                stop, _, _ = select.select([self._stop_r], [self.master], [])
                if stop:  # hanging up
                    return
                try:
                    data = data[os.write(self.master, data) :]
                except BlockingIOError:
                    pass
            time.sleep(pause)

    def keep_typing(self, keys: str, every: float = 0.1) -> None:
        """Type `keys` in one burst every `every` s until the hang-up: a laggy link whose
        packets still arrive when it drops."""
        self._typist = threading.Thread(target=self._type, args=(keys, every), daemon=True)
        self._typist.start()

    def _type(self, keys: str, every: float) -> None:
        while True:
            try:
                self.send(keys, pause=0)
            except OSError:
                return
            stop, _, _ = select.select([self._stop_r], [], [], every)
            if stop:
                return

    def signal(self, sig: int) -> None:
        os.killpg(self.proc.pid, sig)

    def hang_up(self) -> None:
        """Close the terminal's end, as tmux kill-pane or a dropped SSH link does."""
        if self.master is None:
            return
        os.write(self._stop_w, b"x")  # stays readable: every thread sees it and returns
        self._reader.join()
        if self._typist is not None:
            self._typist.join()
        os.close(self.master)
        self.master = None

    def wait(self, timeout: float = 15) -> int:
        return self.proc.wait(timeout=timeout)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.hang_up()
        if self._stop_r >= 0:
            os.close(self._stop_r)
            os.close(self._stop_w)
            self._stop_r = self._stop_w = -1


def processes_running(marker: str) -> list[int]:
    """Pids of live processes (not zombies) whose command line contains `marker`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker in cmdline and state != "Z":
            found.append(int(entry.name))
    return found


def db_sets(db: Path) -> list:
    from tui_tracker.store import Store

    store = Store(db)
    try:
        return [s for session in store.recent_sessions(limit=10) for s in session.sets]
    finally:
        store.close()


ENTER, TAB, ESC = "\r", "\t", "\x1b"
__all__ = ["PtyApp", "db_sets", "processes_running", "ENTER", "TAB", "ESC", "signal"]
