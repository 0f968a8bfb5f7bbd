"""A real headless browser for the served page: Debian's Chromium, driven by Playwright.

The `chromium` fixture installs what is missing, once per run: Debian's `chromium` package
(apt-get, as root) and the `browser` extra's Playwright (pip, into this Python).  Playwright
drives the system browser (`executable_path`); its own browser builds are never downloaded.
Where installing is impossible (not root, no apt-get, no registry), the tests skip and say why.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
INSTALL_SECONDS = 900


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def install_chromium() -> str | None:
    """Debian's Chromium at /usr/bin/chromium; None when there, else why it cannot be."""
    if CHROMIUM.exists():
        return None
    if not shutil.which("apt-get"):
        return f"{CHROMIUM} is missing and there is no apt-get to install Debian's chromium"
    if os.geteuid() != 0:
        return f"{CHROMIUM} is missing; installing it needs root: apt-get install -y chromium"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "chromium"]):
        try:
            done = subprocess.run(
                command,
                env=env,
                capture_output=True,
                text=True,
                timeout=INSTALL_SECONDS,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return f"{' '.join(command)} took over {INSTALL_SECONDS} s"
        if done.returncode != 0:
            return f"{' '.join(command)} failed: {_last_line(done.stderr or done.stdout)}"
    return None if CHROMIUM.exists() else f"apt-get installed chromium but {CHROMIUM} is missing"


def install_playwright() -> str | None:
    """Playwright for Python, as pyproject.toml's `browser` extra pins it; None when importable."""
    try:
        importlib.import_module("playwright.sync_api")
        return None
    except ImportError:
        pass
    requirements = tomllib.loads(PYPROJECT.read_text())["project"]["optional-dependencies"][
        "browser"
    ]
    env = {**os.environ, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", *requirements],
            env=env,
            capture_output=True,
            text=True,
            timeout=INSTALL_SECONDS,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return f"pip install {' '.join(requirements)} took over {INSTALL_SECONDS} s"
    if done.returncode != 0:
        return f"pip install {' '.join(requirements)} failed: {_last_line(done.stderr)}"
    importlib.invalidate_caches()
    try:
        importlib.import_module("playwright.sync_api")
    except ImportError as e:
        return f"playwright was installed but does not import: {e}"
    return None


@pytest.fixture(scope="session")
def chromium():
    """Headless Debian Chromium under Playwright.  `*.test` names resolve to 127.0.0.1 inside
    it: a proxy's name for the server (gym.test) and an attacker's rebound name (evil.test)."""
    for install in (install_chromium, install_playwright):
        reason = install()
        if reason is not None:
            pytest.skip(f"no browser for the served page: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                *CHROMIUM_ARGS,
                "--host-resolver-rules=MAP gym.test 127.0.0.1, MAP evil.test 127.0.0.1",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()
