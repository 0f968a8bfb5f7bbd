"""What the benchmarks ran on, so a number can be compared with the machine behind it."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path


def _first(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.split(":")[0].strip() == key:
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def cpu_model() -> str:
    return _first("/proc/cpuinfo", "model name") or platform.processor() or platform.machine()


def ram_gb() -> float | None:
    kb = _first("/proc/meminfo", "MemTotal")
    return int(kb.split()[0]) / 1024 / 1024 if kb else None


def os_name() -> str:
    pretty = None
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                pretty = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    kernel = f"{platform.system()} {platform.release()}"
    return f"{pretty} ({kernel})" if pretty else kernel


def filesystem(path: Path) -> str:
    """File system type and device of the database folder (what an fsync costs depends on it)."""
    try:
        out = subprocess.run(["df", "-T", str(path)], capture_output=True, text=True, timeout=5)
        fields = out.stdout.splitlines()[1].split()
        return f"{fields[1]} on {fields[0]}"
    except (OSError, IndexError, subprocess.SubprocessError):
        return "unknown"


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe(work: Path) -> list[tuple[str, str]]:
    """(label, value) rows for RESULTS.md."""
    ram = ram_gb()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return [
        ("CPU", cpu_model()),
        ("cores", f"{os.cpu_count()} logical"),
        ("RAM", f"{ram:.1f} GiB" if ram else "unknown"),
        ("OS", os_name()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("textual", version("textual")),
        ("tinydb / orjson", f"{version('tinydb')} / {version('orjson')}"),
        ("database folder", filesystem(work)),
        ("load average at start", load),
    ]
