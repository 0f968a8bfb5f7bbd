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
from dataclasses import field, fields, replace
from types import MappingProxyType
from typing import Any, Literal
from collections.abc import Callable, Mapping

from .catalogue import REST_HEAVY, REST_ISOLATION, REST_LIGHT_COMPOUND
from .inputs import InputError
from .models import Exercise, Unit
from .setting_values import (
    MAX_BAR,
    MAX_PLATE,
    MAX_PLATE_SIZES,
    MAX_REST_SECONDS,
    MODIFIERS,
    BadValue,
    Known,
    bar_weight,
    boolean,
    boolean_text,
    brief,
    check_binding_id,
    keymap_table,
    load_step,
    num,
    number_text,
    numbers_text,
    one_of,
    parse_keys,
    plain_text,
    plate_sizes,
    seconds,
    seconds_text,
    show_text,
    theme_name,
    unit_text,
)
from .values import frozen

__all__ = [
    "MODIFIERS",
    "SPECS",
    "TRAINING_STATUSES",
    "Checked",
    "Known",
    "SettingError",
    "Settings",
    "Spec",
    "TrainingStatus",
    "brief",
    "check_all",
    "check_value",
    "parse_keys",
    "parse_value",
    "settings_from",
    "spec",
    "split_key",
    "to_toml",
]

TrainingStatus = Literal["new", "some_years", "well_trained"]
TRAINING_STATUSES: tuple[TrainingStatus, ...] = ("new", "some_years", "well_trained")


class SettingError(InputError):
    """A setting that cannot be used; str() is one line naming the key and what is allowed.

    `source` is where the value came from (the settings file), added by the store.
    """

    def __init__(
        self, key: str, reason: str, allowed: str | None = None, source: str | None = None
    ) -> None:
        self.key, self.reason, self.allowed, self.source = key, reason, allowed, source
        where = f"settings file {source}: " if source else ""
        tail = f" (allowed: {allowed})" if allowed else ""
        super().__init__(f"{where}{key}: {reason}{tail}")

    def located(self, source: str) -> SettingError:
        """The same error, saying which file holds the value."""
        return SettingError(self.key, self.reason, self.allowed, source)


# --- the schema ----------------------------------------------------------------------------


@frozen
class Spec:
    """One setting: its key, default, what is allowed, why it exists, how it is checked."""

    key: str
    default: Any
    allowed: str
    why: str
    check: Callable[[Any, Known], Any]
    parse: Callable[[str], Any] = plain_text
    unset_means: str | None = None  # what no value (None, or "") means
    table: bool = False  # a table set one entry at a time: `keymap.ID`

    def show(self, value: Any) -> str:
        if self.unset_means and (value is None or value == ""):
            return f"({self.unset_means})"
        return show_text(value)


def _setting(
    default: Any,
    *,
    allowed: str,
    why: str,
    check: Callable[[Any, Known], Any],
    parse: Callable[[str], Any] = plain_text,
    unset_means: str | None = None,
    table: bool = False,
) -> Any:
    meta = {
        "allowed": allowed,
        "why": why,
        "check": check,
        "parse": parse,
        "unset_means": unset_means,
        "table": table,
    }
    if isinstance(default, Mapping):
        return field(default_factory=lambda: MappingProxyType(dict(default)), metadata=meta)
    return field(default=default, metadata=meta)


# Settings that come in pairs (per unit, per kind of exercise): one rule, their own words.


def _bar(default: float, unit: Unit, why: str) -> Any:
    """The bar's weight in `unit`: 0 up to the heaviest bar allowed."""
    return _setting(
        default,
        allowed=f"a weight from 0 to {num(MAX_BAR[unit])} {unit}",
        check=bar_weight(unit),
        parse=number_text,
        why=why,
    )


def _plates(default: tuple[float, ...], unit: Unit) -> Any:
    """The gym's plate sizes in `unit`; the defaults are the example."""
    return _setting(
        default,
        allowed=f"1 to {MAX_PLATE_SIZES} plate sizes up to {num(MAX_PLATE[unit])} {unit}, "
        f"each once, e.g. {','.join(num(p) for p in default)}",
        check=plate_sizes(unit),
        parse=numbers_text,
        why=f"the plates your gym has in {unit}: loads are rounded to what you can build",
    )


def _rest(example: str, own: str, why: str) -> Any:
    """A rest in seconds for one kind of exercise; unset, each exercise keeps its `own`."""
    return _setting(
        None,
        allowed=f"0 to {MAX_REST_SECONDS} seconds, e.g. {example}",
        check=seconds,
        parse=seconds_text,
        unset_means=f"each exercise's own: {own} s",
        why=why,
    )


def _step(default: float, unit: Unit, example: str, why: str) -> Any:
    """A jump between loads in `unit` (dumbbells, a stack's pins)."""
    return _setting(
        default,
        allowed=f"more than 0, up to {num(MAX_PLATE[unit])} {unit}, e.g. {example}",
        check=load_step(unit),
        parse=number_text,
        why=why,
    )


@frozen
class Settings:
    """Every setting with its value; the defaults are what a lifter gets without a file."""

    unit: Unit = _setting(
        "kg",
        allowed="kg or lb",
        check=one_of("kg", "lb"),
        parse=unit_text,
        why="the unit a new exercise's weights start in; `log --unit` and the TUI's `t` "
        "change one exercise or command, never this",
    )
    theme: str = _setting(
        "",
        allowed="a Textual theme name, or empty for Textual's default",
        check=theme_name,
        unset_means="Textual's default",
        why="colours that suit your terminal; ansi-dark keeps the terminal's own 16",
    )
    keymap: Mapping[str, str] = _setting(
        {},
        allowed="keymap.ID = keys such as ctrl+s or f2, comma-separated; modifiers: "
        + ", ".join(MODIFIERS),
        check=keymap_table,
        table=True,
        why="keys that suit your hands or terminal (some SSH clients eat ctrl keys)",
    )
    bar_kg: float = _bar(20.0, "kg", "the bar you load in kg (20 kg Olympic; 15 kg women's)")
    bar_lb: float = _bar(45.0, "lb", "the bar you load in lb (45 lb standard)")
    plates_kg: tuple[float, ...] = _plates((25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25), "kg")
    plates_lb: tuple[float, ...] = _plates((45.0, 35.0, 25.0, 10.0, 5.0, 2.5), "lb")
    dumbbell_step_kg: float = _step(
        2.5,
        "kg",
        "2 or 2.5",
        "the jump between your gym's dumbbells in kg: dumbbell loads are rounded to it",
    )
    dumbbell_step_lb: float = _step(
        5.0,
        "lb",
        "5",
        "the jump between your gym's dumbbells in lb: dumbbell loads are rounded to it",
    )
    machine_step_kg: float = _step(
        5.0, "kg", "5 or 2.5", "the jump between pins of a weight stack in kg (machines and cables)"
    )
    machine_step_lb: float = _step(
        10.0, "lb", "10 or 5", "the jump between pins of a weight stack in lb (machines and cables)"
    )
    rest_compound: int | None = _rest(
        "180 or 3:00",
        f"{REST_LIGHT_COMPOUND}-{REST_HEAVY}",
        "rest after a compound set; longer rests grew more muscle (Schoenfeld 2016)",
    )
    rest_isolation: int | None = _rest(
        "90 or 1:30", f"{REST_ISOLATION}", "rest after an isolation set"
    )
    training_status: TrainingStatus | None = _setting(
        None,
        allowed=", ".join(TRAINING_STATUSES),
        check=one_of(*TRAINING_STATUSES),
        unset_means="not set: the app asks",
        why="how long you have trained hard (new: under a year; some_years; well_trained: "
        "3+ years): advice on failure and volume differs",
    )
    auto_advance: bool = _setting(
        True,
        allowed="true or false",
        check=boolean,
        parse=boolean_text,
        why="move to the next planned exercise when its sets are done",
    )
    health_notice_read: bool = _setting(
        False,
        allowed="true or false",
        check=boolean,
        parse=boolean_text,
        why="the advice to see a physician or qualified professional before a new regimen is "
        "shown at the first start until read; true once it was",
    )

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


_DEFAULTS = Settings()

SPECS: Mapping[str, Spec] = MappingProxyType(
    {
        f.name: Spec(key=f.name, default=getattr(_DEFAULTS, f.name), **f.metadata)
        for f in fields(Settings)
    }
)


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
        except BadValue as e:
            raise SettingError(brief(name), str(e), s.allowed) from None
        return s, entry
    return s, None


def check_value(key: str, value: Any, known: Known = Known()) -> Any:
    """A value read from the file, checked and normalised (plates sorted, keys named)."""
    s = spec(key)
    try:
        return s.check(value, known)
    except BadValue as e:
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
    except BadValue as e:
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


@frozen
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
