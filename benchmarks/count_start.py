"""Instructions the CPU runs until the first frame: the app beside the bare Textual app.

    .venv/bin/python benchmarks/count_start.py DB [--today 2026-11-18]

Start-up times on a shared machine move by several per cent between runs; an
instruction count does not (valgrind's callgrind counts the instructions, whatever
else the machine is doing: the same total twice, within 0.1 %).  So the count is what
to compare before and after a change to start-up, and the timed ratio in RESULTS.md is
what a lifter sees.  Each program runs under `valgrind --tool=callgrind` in an 80x24
pty, as bench_terminal.py starts it, and ends itself the moment its first frame (its
first write of over 1,000 bytes) is handed to the terminal.  Three counts: the bare
app, the app on DB's day (nothing to resume on the generated history), and the app on
a copy of DB with a session of three sets open on that day (bench_store's).  Needs
valgrind (Debian's package); takes about a minute.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_store import open_session_with_sets  # noqa: E402
from bench_terminal import Pty  # noqa: E402

#: Runs the program named on its command line and leaves at its first frame.
LAUNCHER = r"""
import os, runpy, sys
import textual.drivers._writer_thread as writer
put = writer.WriterThread.write
def first_frame_then_leave(self, text):
    put(self, text)
    if len(text) > 1000:
        os._exit(0)
writer.WriterThread.write = first_frame_then_leave
if sys.argv[1] == "bare":
    sys.argv = [sys.argv[2]]
    runpy.run_path(sys.argv[0], run_name="__main__")
else:
    import tui_tracker.cli as cli
    sys.argv = ["tui-tracker", *sys.argv[2:]]
    cli.main()
"""


def count(args: list[str]) -> int:
    """Instructions of one start (the launcher run under callgrind in a pty)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        launcher = Path(tmp) / "launch.py"
        launcher.write_text(LAUNCHER)
        pty = Pty(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                str(launcher),
                *args,
            ]
        )
        pty.proc.wait(timeout=600)
        os.close(pty.master)
        found = re.search(r"^summary: (\d+)", out.read_text(), re.MULTILINE)
        if found is None:
            raise RuntimeError(f"no count: {pty.out.decode(errors='replace')[-500:]}")
        return int(found.group(1))


def counts(db: Path, today: date) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:  # copies: a start may migrate its database
        empty_day = Path(tmp) / "as-is" / db.name
        resumed = Path(tmp) / "resumed" / db.name
        for copy in (empty_day, resumed):
            shutil.copytree(db.parent, copy.parent, ignore=shutil.ignore_patterns("*.lock"))
        open_session_with_sets(resumed, today)
        app = ["app", "--db", str(empty_day), "--today", today.isoformat()]
        resume = ["app", "--db", str(resumed), "--today", today.isoformat()]
        for args in (app, resume):  # unrecorded: writes the bytecode caches, migrates
            count(args)
        return {
            "bare": count(["bare", str(HERE / "bare_app.py")]),
            "empty day": count(app),
            "session to resume": count(resume),
        }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 18))
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1
    found = counts(args.db, args.today)
    bare = found["bare"]
    for name, n in found.items():
        print(f"{name:18s} {n / 1e6:8.1f} M instructions  {n / bare:.3f}x the bare app")
    return 0


if __name__ == "__main__":
    sys.exit(main())
