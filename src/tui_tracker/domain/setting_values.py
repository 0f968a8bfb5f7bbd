"""Each kind of setting value: how it is checked, typed, and shown.

Checkers take a value as TOML gives it (str, int, float, bool, list, table) and
return it normalised (plates heaviest first, keys as Textual names them), or
raise BadValue saying what is wrong; `settings.py` adds the key and what is
allowed.  Parsers take what a lifter types after `config set KEY`.  Plain Python.
"""

from __future__ import annotations

import math
import re
import unicodedata
from types import MappingProxyType
from typing import Any
from collections.abc import Callable, Collection, Mapping

from .inputs import InputError, parse_unit
from .models import Unit
from .values import frozen

#: Modifier names in the order Textual joins them in a key event ("ctrl+shift+up").
MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")

MAX_REST_SECONDS = 1800  # the same limit an exercise's own rest has
MAX_BAR = {"kg": 100.0, "lb": 220.0}
MAX_PLATE = {"kg": 50.0, "lb": 100.0}
MAX_PLATE_SIZES = 20

_BINDING_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")
_KEY_NAME = re.compile(r"[a-z][a-z0-9_]{0,31}")
_THEME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
#: Textual's names for characters whose Unicode name is long (see textual.keys).
_KEY_NAME_REPLACEMENTS = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


@frozen
class Known:
    """What the checks compare against that this module cannot know (the UI's themes)."""

    themes: Collection[str] | None = None


class BadValue(ValueError):
    """What is wrong with a value; settings.py turns it into a SettingError naming the key."""


def brief(value: Any) -> str:
    """A value as it can be shown in one line: repr (control characters escaped), cut short."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# --- checkers: a TOML value in, the normalised value out --------------------------------


def as_number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadValue(f"{brief(value)} is not a number")
    if not math.isfinite(value):
        raise BadValue(f"{brief(value)} is not a number")
    return float(value)


def one_of(*choices: str) -> Callable[[Any, Known], str]:
    def check(value: Any, known: Known) -> str:
        if value not in choices or not isinstance(value, str):
            raise BadValue(f"{brief(value)} is not allowed")
        return value

    return check


def seconds(value: Any, known: Known) -> int:
    number = as_number(value)
    if number != int(number):
        raise BadValue(f"{brief(value)} is not a whole number of seconds")
    if not 0 <= number <= MAX_REST_SECONDS:
        raise BadValue(f"{int(number)} s is out of range")
    return int(number)


def boolean(value: Any, known: Known) -> bool:
    if not isinstance(value, bool):
        raise BadValue(f"{brief(value)} is not true or false")
    return value


def _weight_in(unit: Unit, most: Mapping[str, float], zero: bool) -> Callable[[Any, Known], float]:
    """A weight in `unit` up to `most[unit]`: from 0 when `zero` (a bar), else more
    than 0 (a step between loads)."""

    def check(value: Any, known: Known) -> float:
        weight = as_number(value)
        if not (0 <= weight if zero else 0 < weight) or weight > most[unit]:
            raise BadValue(f"{num(weight)} {unit} is out of range")
        return weight

    return check


def bar_weight(unit: Unit) -> Callable[[Any, Known], float]:
    """The bar's weight: 0 to the heaviest bar allowed."""
    return _weight_in(unit, MAX_BAR, zero=True)


def load_step(unit: Unit) -> Callable[[Any, Known], float]:
    """A jump between loads: more than 0, no more than the heaviest plate allowed."""
    return _weight_in(unit, MAX_PLATE, zero=False)


def plate_sizes(unit: Unit) -> Callable[[Any, Known], tuple[float, ...]]:
    def check(value: Any, known: Known) -> tuple[float, ...]:
        if not isinstance(value, (list, tuple)):
            raise BadValue(f"{brief(value)} is not a list of plate weights")
        if not value:
            raise BadValue("the list is empty")
        if len(value) > MAX_PLATE_SIZES:
            raise BadValue(f"{len(value)} sizes are too many")
        plates = [as_number(v) for v in value]
        for p in plates:
            if not 0 < p <= MAX_PLATE[unit]:
                raise BadValue(f"a {num(p)} {unit} plate is out of range")
        for p in plates:
            if plates.count(p) > 1:
                raise BadValue(f"{num(p)} {unit} is listed twice (list each size once)")
        return tuple(sorted(plates, reverse=True))

    return check


def theme_name(value: Any, known: Known) -> str:
    if not isinstance(value, str):
        raise BadValue(f"{brief(value)} is not a theme name")
    if value == "":
        return value
    if known.themes is not None:
        if value not in known.themes:
            raise BadValue(f"unknown theme {brief(value)}")
    elif not _THEME_NAME.fullmatch(value):
        raise BadValue(f"{brief(value)} is not a theme name")
    return value


def keymap_table(value: Any, known: Known) -> Mapping[str, str]:
    if not isinstance(value, Mapping):
        raise BadValue(f"{brief(value)} is not a table of binding id = keys")
    keymap = {}
    for binding, keys in value.items():
        keymap[check_binding_id(binding)] = parse_keys(keys)
    return MappingProxyType(dict(sorted(keymap.items())))


def check_binding_id(binding: Any) -> str:
    """A binding id as the UI names it ("today.add"); the UI, not this module, knows which exist."""
    if not isinstance(binding, str) or not _BINDING_ID.fullmatch(binding):
        raise BadValue(f"{brief(binding)} is not a binding id (letters, digits, _ . -)")
    return binding


def parse_keys(text: Any) -> str:
    """Check a key list ("ctrl+s, f2") and return it as Textual names keys: "ctrl+s,f2".

    Only the syntax: modifiers from MODIFIERS joined by "+", then one printable
    character ("a", "?", "+") or a key name ("enter", "f5", "page_up").  A
    character becomes Textual's name for it ("?" -> "question_mark"), modifiers
    are put in Textual's order, and a letter after a modifier is lower case.
    """
    if not isinstance(text, str):
        raise BadValue(f"{brief(text)} is not a key such as ctrl+s")
    keys: list[str] = []
    for part in text.split(","):
        key = _one_key(part.strip(), text)
        if key not in keys:
            keys.append(key)
    return ",".join(keys)


def _one_key(key: str, whole: str) -> str:
    if not key:
        raise BadValue(f"{brief(whole)} has an empty key (write a comma as 'comma')")
    if len(key) == 1:
        mods, base = [], key
    elif key.endswith("++"):
        mods, base = key[:-2].split("+"), "+"
    elif key.endswith("+"):
        raise BadValue(f"{brief(key)} ends with '+' but names no key")
    else:
        *mods, base = key.split("+")
    mods = [m.strip().lower() for m in mods]
    for m in mods:
        if m not in MODIFIERS:
            raise BadValue(f"{brief(m)} in {brief(key)} is not a modifier ({', '.join(MODIFIERS)})")
        if mods.count(m) > 1:
            raise BadValue(f"{brief(key)} repeats {m}")
    base = base.strip()
    if len(base) == 1 and mods and base.isalpha():
        base = base.lower()  # "Ctrl+A" as manuals write it: terminals send ctrl+a
    if len(base) == 1:
        base = _character_key(base, key)
    elif _KEY_NAME.fullmatch(base.lower()):
        base = base.lower()
    else:
        raise BadValue(f"{brief(base)} in {brief(key)} is not a key name such as enter, f5 or a")
    if base in MODIFIERS:
        raise BadValue(f"{brief(key)} is only a modifier")
    return "+".join(sorted(mods) + [base])


def _character_key(char: str, key: str) -> str:
    """Textual's key for one character: letters and digits as they are, else a name."""
    if not char.isprintable() or char.isspace():
        raise BadValue(f"{brief(key)} holds an unprintable character (write a space as 'space')")
    if char.isalnum():
        return char
    try:
        name = unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        raise BadValue(f"{brief(key)} holds a character without a name") from None
    return _KEY_NAME_REPLACEMENTS.get(name, name)


# --- parsers: text typed on the command line in, a TOML value out -----------------------


def plain_text(text: str) -> Any:
    return text


def number_text(text: str) -> float:
    t = (
        text.strip().replace(",", ".", 1)
        if text.count(",") == 1 and "." not in text
        else text.strip()
    )
    try:
        value = float(t)
    except ValueError:
        raise BadValue(f"{brief(text)} is not a number") from None
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def numbers_text(text: str) -> list[float]:
    parts = [p for p in re.split(r"[\s,;]+", text.strip().strip("[]")) if p]
    return [number_text(p) for p in parts]


def seconds_text(text: str) -> Any:
    """ "150", "150s", "2:30" or "2m30s" -> 150."""
    t = text.strip().lower()
    m = re.fullmatch(r"(\d{1,4}):([0-5]\d)", t) or re.fullmatch(
        r"(?:(\d{1,3})m)?\s*(?:(\d{1,4})s?)?", t
    )
    if not t or not m:
        raise BadValue(f"{brief(text)} is not a number of seconds (150, 2:30 or 2m30s)")
    minutes, seconds = (int(g) if g else 0 for g in m.groups())
    return minutes * 60 + seconds


def boolean_text(text: str) -> Any:
    t = text.strip().lower()
    if t in ("true", "yes", "on", "1"):
        return True
    if t in ("false", "no", "off", "0"):
        return False
    raise BadValue(f"{brief(text)} is not true or false")


def unit_text(text: str) -> Any:
    try:
        return parse_unit(text)
    except InputError:
        raise BadValue(f"{brief(text)} is not allowed") from None


# --- how values are shown -----------------------------------------------------------------


def num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def show_text(value: Any) -> str:
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return num(value)
    if isinstance(value, tuple):
        return " ".join(num(v) for v in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={v}" for k, v in value.items()) or "(none)"
    return str(value)
