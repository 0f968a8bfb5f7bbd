"""The lifter's settings: every key, its default, what it allows, and why it exists.

Plain Python, no file access: `store/settings_file.py` reads and writes the TOML
file, the TUI and the commands read a `Settings`.  The schema is the `Settings`
dataclass below, one field per key carrying its default, what is allowed, why the
setting exists and how its value is checked, so adding a setting is one entry.

Values come in two ways, both checked here:

* from the TOML file (`check_value`): str, int, float, bool, list, table;
* typed on the command line (`parse_value`): `tui-tracker config set bar_kg 15`.

A bad value is a `SettingError` naming the key and what is allowed; the store
adds the file's name.  It subclasses InputError, so the CLI prints one line and
exits 2.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any, Callable, Collection, Literal, Mapping

from .catalogue import REST_ISOLATION
from .inputs import InputError, parse_unit
from .models import Exercise, Unit

TrainingStatus = Literal["new", "some_years", "well_trained"]
TRAINING_STATUSES: tuple[TrainingStatus, ...] = ("new", "some_years", "well_trained")

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
_KEY_NAME_REPLACEMENTS = {"solidus": "slash", "reverse_solidus": "backslash",
                          "commercial_at": "at", "hyphen_minus": "minus",
                          "plus_sign": "plus", "low_line": "underscore"}


class SettingError(InputError):
    """A setting that cannot be used; str() is one line naming the key and what is allowed.

    `source` is where the value came from (the settings file), added by the store.
    """

    def __init__(self, key: str, reason: str, allowed: str | None = None,
                 source: str | None = None) -> None:
        self.key, self.reason, self.allowed, self.source = key, reason, allowed, source
        where = f"settings file {source}: " if source else ""
        tail = f" (allowed: {allowed})" if allowed else ""
        super().__init__(f"{where}{key}: {reason}{tail}")

    def located(self, source: str) -> SettingError:
        """The same error, saying which file holds the value."""
        return SettingError(self.key, self.reason, self.allowed, source)


class _Bad(ValueError):
    """Raised by a checker; becomes a SettingError carrying the key and what is allowed."""


def brief(value: Any) -> str:
    """A value as it can be shown in one line: repr (control characters escaped), cut short."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# --- checkers: a TOML value in, the normalised value out --------------------------------

def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Bad(f"{brief(value)} is not a number")
    if not math.isfinite(value):
        raise _Bad(f"{brief(value)} is not a number")
    return float(value)


def _one_of(*choices: str) -> Callable[[Any, Known], str]:
    def check(value: Any, known: Known) -> str:
        if value not in choices or not isinstance(value, str):
            raise _Bad(f"{brief(value)} is not allowed")
        return value
    return check


def _seconds(value: Any, known: Known) -> int:
    number = _number(value)
    if number != int(number):
        raise _Bad(f"{brief(value)} is not a whole number of seconds")
    if not 0 <= number <= MAX_REST_SECONDS:
        raise _Bad(f"{int(number)} s is out of range")
    return int(number)


def _boolean(value: Any, known: Known) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"{brief(value)} is not true or false")
    return value


def _bar(unit: Unit) -> Callable[[Any, Known], float]:
    def check(value: Any, known: Known) -> float:
        weight = _number(value)
        if not 0 <= weight <= MAX_BAR[unit]:
            raise _Bad(f"{_num(weight)} {unit} is out of range")
        return weight
    return check


def _plates(unit: Unit) -> Callable[[Any, Known], tuple[float, ...]]:
    def check(value: Any, known: Known) -> tuple[float, ...]:
        if not isinstance(value, (list, tuple)):
            raise _Bad(f"{brief(value)} is not a list of plate weights")
        if not value:
            raise _Bad("the list is empty")
        if len(value) > MAX_PLATE_SIZES:
            raise _Bad(f"{len(value)} sizes are too many")
        plates = [_number(v) for v in value]
        for p in plates:
            if not 0 < p <= MAX_PLATE[unit]:
                raise _Bad(f"a {_num(p)} {unit} plate is out of range")
        for p in plates:
            if plates.count(p) > 1:
                raise _Bad(f"{_num(p)} {unit} is listed twice (list each size once)")
        return tuple(sorted(plates, reverse=True))
    return check


def _theme(value: Any, known: Known) -> str:
    if not isinstance(value, str):
        raise _Bad(f"{brief(value)} is not a theme name")
    if value == "":
        return value
    if known.themes is not None:
        if value not in known.themes:
            raise _Bad(f"unknown theme {brief(value)}")
    elif not _THEME_NAME.fullmatch(value):
        raise _Bad(f"{brief(value)} is not a theme name")
    return value


def _keymap(value: Any, known: Known) -> Mapping[str, str]:
    if not isinstance(value, Mapping):
        raise _Bad(f"{brief(value)} is not a table of binding id = keys")
    keymap = {}
    for binding, keys in value.items():
        keymap[check_binding_id(binding)] = parse_keys(keys)
    return MappingProxyType(dict(sorted(keymap.items())))


def check_binding_id(binding: Any) -> str:
    """A binding id as the UI names it ("today.add"); the UI, not this module, knows which exist."""
    if not isinstance(binding, str) or not _BINDING_ID.fullmatch(binding):
        raise _Bad(f"{brief(binding)} is not a binding id (letters, digits, _ . -)")
    return binding


def parse_keys(text: Any) -> str:
    """Check a key list ("ctrl+s, f2") and return it as Textual names keys: "ctrl+s,f2".

    Only the syntax: modifiers from MODIFIERS joined by "+", then one printable
    character ("a", "?", "+") or a key name ("enter", "f5", "page_up").  A
    character becomes Textual's name for it ("?" -> "question_mark").
    """
    if not isinstance(text, str):
        raise _Bad(f"{brief(text)} is not a key such as ctrl+s")
    keys: list[str] = []
    for part in text.split(","):
        key = _one_key(part.strip(), text)
        if key not in keys:
            keys.append(key)
    return ",".join(keys)


def _one_key(key: str, whole: str) -> str:
    if not key:
        raise _Bad(f"{brief(whole)} has an empty key (write a comma as 'comma')")
    if len(key) == 1:
        mods, base = [], key
    elif key.endswith("++"):
        mods, base = key[:-2].split("+"), "+"
    elif key.endswith("+"):
        raise _Bad(f"{brief(key)} ends with '+' but names no key")
    else:
        *mods, base = key.split("+")
    mods = [m.strip().lower() for m in mods]
    for m in mods:
        if m not in MODIFIERS:
            raise _Bad(f"{brief(m)} in {brief(key)} is not a modifier ({', '.join(MODIFIERS)})")
        if mods.count(m) > 1:
            raise _Bad(f"{brief(key)} repeats {m}")
    base = base.strip()
    if len(base) == 1:
        base = _character_key(base, key)
    elif _KEY_NAME.fullmatch(base.lower()):
        base = base.lower()
    else:
        raise _Bad(f"{brief(base)} in {brief(key)} is not a key name such as enter, f5 or a")
    if base in MODIFIERS:
        raise _Bad(f"{brief(key)} is only a modifier")
    return "+".join(sorted(mods) + [base])


def _character_key(char: str, key: str) -> str:
    """Textual's key for one character: letters and digits as they are, else a name."""
    if not char.isprintable() or char.isspace():
        raise _Bad(f"{brief(key)} holds an unprintable character (write a space as 'space')")
    if char.isalnum():
        return char
    try:
        name = unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        raise _Bad(f"{brief(key)} holds a character without a name") from None
    return _KEY_NAME_REPLACEMENTS.get(name, name)


# --- parsers: text typed on the command line in, a TOML value out -----------------------

def _text(text: str) -> Any:
    return text


def _number_text(text: str) -> float:
    t = text.strip().replace(",", ".", 1) if text.count(",") == 1 and "." not in text \
        else text.strip()
    try:
        value = float(t)
    except ValueError:
        raise _Bad(f"{brief(text)} is not a number") from None
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def _numbers_text(text: str) -> list[float]:
    parts = [p for p in re.split(r"[\s,;]+", text.strip().strip("[]")) if p]
    return [_number_text(p) for p in parts]


def _seconds_text(text: str) -> Any:
    """"150", "150s", "2:30" or "2m30s" -> 150."""
    t = text.strip().lower()
    m = re.fullmatch(r"(\d{1,4}):([0-5]\d)", t) or re.fullmatch(r"(?:(\d{1,3})m)?\s*(?:(\d{1,4})s?)?", t)
    if not t or not m:
        raise _Bad(f"{brief(text)} is not a number of seconds (150, 2:30 or 2m30s)")
    minutes, seconds = (int(g) if g else 0 for g in m.groups())
    return minutes * 60 + seconds


def _boolean_text(text: str) -> Any:
    t = text.strip().lower()
    if t in ("true", "yes", "on", "1"):
        return True
    if t in ("false", "no", "off", "0"):
        return False
    raise _Bad(f"{brief(text)} is not true or false")


def _unit_text(text: str) -> Any:
    try:
        return parse_unit(text)
    except InputError:
        raise _Bad(f"{brief(text)} is not allowed") from None


# --- how values are shown -----------------------------------------------------------------

def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _show_text(value: Any) -> str:
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _num(value)
    if isinstance(value, tuple):
        return " ".join(_num(v) for v in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={v}" for k, v in value.items()) or "(none)"
    return str(value)


# --- the schema ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Known:
    """What the checks compare against that this module cannot know (the UI's themes)."""

    themes: Collection[str] | None = None


@dataclass(frozen=True)
class Spec:
    """One setting: its key, default, what is allowed, why it exists, how it is checked."""

    key: str
    default: Any
    allowed: str
    why: str
    check: Callable[[Any, Known], Any]
    parse: Callable[[str], Any] = _text
    unset_means: str | None = None  # what no value (None, or "") means
    table: bool = False  # a table set one entry at a time: `keymap.ID`

    def show(self, value: Any) -> str:
        if self.unset_means and (value is None or value == ""):
            return f"({self.unset_means})"
        return _show_text(value)


def _setting(default: Any, *, allowed: str, why: str, check: Callable[[Any, Known], Any],
             parse: Callable[[str], Any] = _text, unset_means: str | None = None,
             table: bool = False) -> Any:
    meta = {"allowed": allowed, "why": why, "check": check, "parse": parse,
            "unset_means": unset_means, "table": table}
    if isinstance(default, Mapping):
        return field(default_factory=lambda: MappingProxyType(dict(default)), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class Settings:
    """Every setting with its value; the defaults are what a lifter gets without a file."""

    unit: Unit = _setting(
        "kg", allowed="kg or lb", check=_one_of("kg", "lb"), parse=_unit_text,
        why="the unit a new exercise's weights start in; `log --unit` and the TUI's `t` "
            "change one exercise or command, never this")
    theme: str = _setting(
        "", allowed="a Textual theme name, or empty for Textual's default", check=_theme,
        unset_means="Textual's default",
        why="colours that suit your terminal; ansi-dark keeps the terminal's own 16")
    keymap: Mapping[str, str] = _setting(
        {}, allowed="keymap.ID = keys such as ctrl+s or f2, comma-separated; modifiers: "
                    + ", ".join(MODIFIERS),
        check=_keymap, table=True,
        why="keys that suit your hands or terminal (some SSH clients eat ctrl keys)")
    bar_kg: float = _setting(
        20.0, allowed=f"a weight from 0 to {_num(MAX_BAR['kg'])} kg", check=_bar("kg"),
        parse=_number_text, why="the bar you load in kg (20 kg Olympic; 15 kg women's)")
    bar_lb: float = _setting(
        45.0, allowed=f"a weight from 0 to {_num(MAX_BAR['lb'])} lb", check=_bar("lb"),
        parse=_number_text, why="the bar you load in lb (45 lb standard)")
    plates_kg: tuple[float, ...] = _setting(
        (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25),
        allowed=f"1 to {MAX_PLATE_SIZES} plate sizes up to {_num(MAX_PLATE['kg'])} kg, "
                "each once, e.g. 25,20,15,10,5,2.5,1.25",
        check=_plates("kg"), parse=_numbers_text,
        why="the plates your gym has in kg: loads are rounded to what you can build")
    plates_lb: tuple[float, ...] = _setting(
        (45.0, 35.0, 25.0, 10.0, 5.0, 2.5),
        allowed=f"1 to {MAX_PLATE_SIZES} plate sizes up to {_num(MAX_PLATE['lb'])} lb, "
                "each once, e.g. 45,35,25,10,5,2.5",
        check=_plates("lb"), parse=_numbers_text,
        why="the plates your gym has in lb: loads are rounded to what you can build")
    rest_compound: int | None = _setting(
        None, allowed=f"0 to {MAX_REST_SECONDS} seconds, e.g. 180 or 3:00", check=_seconds,
        parse=_seconds_text, unset_means="each exercise's own: 120-180 s",
        why="rest after a compound set; longer rests grew more muscle (Schoenfeld 2016)")
    rest_isolation: int | None = _setting(
        None, allowed=f"0 to {MAX_REST_SECONDS} seconds, e.g. 90 or 1:30", check=_seconds,
        parse=_seconds_text, unset_means=f"each exercise's own: {REST_ISOLATION} s",
        why="rest after an isolation set")
    training_status: TrainingStatus | None = _setting(
        None, allowed=", ".join(TRAINING_STATUSES), check=_one_of(*TRAINING_STATUSES),
        unset_means="not set: the app asks",
        why="how long you have trained hard (new: under a year; some_years; well_trained: "
            "3+ years): advice on failure and volume differs")
    auto_advance: bool = _setting(
        True, allowed="true or false", check=_boolean, parse=_boolean_text,
        why="move to the next planned exercise when its sets are done")

    def bar(self, unit: Unit) -> float:
        """The bar's weight in `unit`."""
        return self.bar_kg if unit == "kg" else self.bar_lb

    def plates(self, unit: Unit) -> tuple[float, ...]:
        """The plate sizes in `unit`, heaviest first."""
        return self.plates_kg if unit == "kg" else self.plates_lb

    def rest_seconds(self, exercise: Exercise) -> int:
        """Rest after a working set: the lifter's own exercise keeps its rest; a catalogue
        exercise takes the setting for its kind when set, else its catalogue rest."""
        if exercise.custom:
            return exercise.rest_seconds
        setting = self.rest_compound if exercise.is_compound else self.rest_isolation
        return exercise.rest_seconds if setting is None else setting


SPECS: Mapping[str, Spec] = MappingProxyType({
    f.name: Spec(key=f.name, default=getattr(Settings(), f.name), **f.metadata)
    for f in fields(Settings)
})


def spec(key: str) -> Spec:
    """The spec of `key`; an unknown key is a SettingError suggesting the closest."""
    if key in SPECS:
        return SPECS[key]
    close = difflib.get_close_matches(key, list(SPECS), n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    raise SettingError(brief(key), f"unknown setting{hint}", ", ".join(SPECS))


def split_key(name: str) -> tuple[Spec, str | None]:
    """`keymap.today.add` -> (the keymap spec, "today.add"); `unit` -> (its spec, None)."""
    head, dot, entry = name.partition(".")
    s = spec(head if dot else name)
    if dot and not s.table:
        raise SettingError(brief(name), f"{s.key} has no entries", s.allowed)
    if s.table and dot:
        try:
            check_binding_id(entry)
        except _Bad as e:
            raise SettingError(brief(name), str(e), s.allowed) from None
        return s, entry
    return s, None


def check_value(key: str, value: Any, known: Known = Known()) -> Any:
    """A value read from the file, checked and normalised (plates sorted, keys named)."""
    s = spec(key)
    try:
        return s.check(value, known)
    except _Bad as e:
        raise SettingError(key, str(e), _allowed(s, known)) from None


def parse_value(name: str, text: str, known: Known = Known()) -> Any:
    """Text typed on the command line for `name` (a key, or `keymap.ID`), checked.

    Returns the normalised value for a key, or the normalised keys for a table entry.
    """
    s, entry = split_key(name)
    if s.table and entry is None:
        raise SettingError(s.key, f"set one entry at a time: {s.key}.ID VALUE", s.allowed)
    try:
        if entry is not None:
            return parse_keys(text)
        return s.check(s.parse(text), known)
    except _Bad as e:
        raise SettingError(name, str(e), _allowed(s, known)) from None


def _allowed(s: Spec, known: Known) -> str:
    if s.key == "theme" and known.themes is not None:
        return "empty for Textual's default, or one of " + ", ".join(sorted(known.themes))
    return s.allowed


def to_toml(key: str, value: Any) -> Any:
    """A normalised value as it is written in the file (whole numbers without .0)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, tuple):
        return [to_toml(key, v) for v in value]
    if isinstance(value, Mapping):
        return dict(value)
    return value


@dataclass(frozen=True)
class Checked:
    """Every value of a file checked one by one: the good ones, and what was wrong."""

    values: Mapping[str, Any]
    problems: tuple[SettingError, ...] = ()
    unknown: tuple[str, ...] = ()


def check_all(raw: Mapping[str, Any], known: Known = Known()) -> Checked:
    """Check each key on its own, so one bad value never costs the others."""
    values: dict[str, Any] = {}
    problems: list[SettingError] = []
    unknown: list[str] = []
    for key, value in raw.items():
        if key not in SPECS:
            unknown.append(key)
            continue
        try:
            values[key] = check_value(key, value, known)
        except SettingError as e:
            problems.append(e)
    return Checked(MappingProxyType(values), tuple(problems), tuple(unknown))


def settings_from(values: Mapping[str, Any]) -> Settings:
    """Settings with `values` (already checked) over the defaults."""
    return replace(Settings(), **dict(values))
