"""The benchmark runner still runs end to end (slow: it starts the app a dozen times)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .helpers import BENCHMARKS


@pytest.mark.slow
def test_run_quick_writes_every_result(tmp_path):
    out = tmp_path / "RESULTS.md"
    r = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    text = out.read_text()
    for needle in (
        "## Machine",
        "| CPU |",
        "| textual |",
        "Store.log_set",
        "plain TinyDB",
        "weekly volume",
        "cold start to the first Today frame",
        "bare Textual app",
        "start-up ratio",
        "session to resume",
        "VmHWM",
        "bytes to the terminal",
        "run.py --quick",
        "key to echo",
        "bare Textual Input app",
        "open session of 1,000 sets",
        "the rest timer counting down",
        "Where the bytes go",
        "The README's table",
    ):
        assert needle in text, needle
