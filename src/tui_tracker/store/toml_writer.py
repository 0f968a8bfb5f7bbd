"""Write TOML: the values `tomllib` reads back, so the settings file round-trips.

Python reads TOML (tomllib) but does not write it.  The settings file holds small
values, yet a key this version does not know (written by a newer tui-tracker, or
by hand) must survive a `config set` whatever its type, so every type tomllib
returns is written: str, int, float, bool, date, time, datetime, arrays and tables.
Tables become `[section]`s; tables inside arrays are written inline.
Comments and layout are not kept.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from typing import Any
from collections.abc import Mapping

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def dumps(data: Mapping[str, Any], header: str = "") -> str:
    """`data` as a TOML document; `header` lines become comments at the top."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    if lines:
        lines.append("")
    _table(data, (), lines)
    return "\n".join(lines).strip("\n") + "\n"


def _table(data: Mapping[str, Any], path: tuple[str, ...], lines: list[str]) -> None:
    subtables = [(k, v) for k, v in data.items() if isinstance(v, Mapping)]
    for key, value in data.items():
        if not isinstance(value, Mapping):
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in subtables:
        sub = path + (key,)
        lines.append("")
        lines.append("[" + ".".join(_key(k) for k in sub) + "]")
        _table(value, sub, lines)


def _key(key: str) -> str:
    if not isinstance(key, str):
        raise TypeError(f"a TOML key must be text, not {type(key).__name__}")
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, (datetime, date, time)):  # datetime before date: it is one
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"TOML has no type for {type(value).__name__}")
