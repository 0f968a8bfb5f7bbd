"""The exercises the app knows, and how a typed or imported name finds one.

Sets are stored against an exercise id, and weekly volume is counted from the
exercise's muscles, so the muscles decide what the volume screen says: a set
counts 1 for each primary muscle and 0.5 for each secondary one.  The secondary
lists are kept short on purpose; a muscle that only stabilises (lower back in a
squat, abs in a press) is left out so it is not over-counted.

The builtin exercises are data (`data/exercises.json`, read by exercise_data.py):
about 400 of them, covering the built-in exercise lists of Strong and Hevy (the
file names its sources), the Olympic lifts and their variants, strongman,
machines, cables, bands, kettlebells and bodyweight work.  Each carries its
aliases (the short names lifters type: "ohp", "rdl") and the names Strong and
Hevy export ("Squat (Barbell)"), so a CSV import resolves without asking.  Ids are
part of the stored data: never rename one.

High skill is a rule, not a list: see exercise_data.HIGH_SKILL_RULE.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING, Any
from collections.abc import Iterable, Iterator

from .exercise_data import (
    APPS,
    HIGH_SKILL_RULE,
    REST_COMPOUND,
    REST_HEAVY,
    REST_ISOLATION,
    REST_LIGHT_COMPOUND,
    App,
    shipped,
)
from .models import Equipment, Exercise, ExerciseKind
from .muscles import check_muscles
from .text import clean_text

if TYPE_CHECKING:
    from .name_search import NameIndex

# BUILTIN_EXERCISES comes from the module's __getattr__ below (read on first use).
__all__ = [
    "APPS",
    "BUILTIN_EXERCISES",  # noqa: F822
    "HIGH_SKILL_RULE",
    "REST_COMPOUND",
    "REST_HEAVY",
    "REST_ISOLATION",
    "REST_LIGHT_COMPOUND",
    "Catalogue",
    "builtin_exercises",
    "custom_id",
    "equipment_in_name",
    "new_exercise",
    "normalize_name",
]


def builtin_exercises() -> tuple[Exercise, ...]:
    """Every exercise the app ships with, in the data file's order (parses it all)."""
    return shipped().exercises


def __getattr__(name: str) -> Any:
    """`BUILTIN_EXERCISES`, read from the data file on first use, not at import."""
    if name == "BUILTIN_EXERCISES":
        return builtin_exercises()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- names ----------------------------------------------------------------------------------

_APOSTROPHES = re.compile(r"['\u2019`]")
_NOT_WORD = re.compile(r"[\W_]+")


def normalize_name(text: str) -> str:
    """The form names are compared in: case, accents, punctuation and spacing ignored.

    "Squat (Barbell)", " SQUAT  (barbell) " and "squat-barbell" all become
    "squat barbell"; apostrophes join ("Farmer's" is "farmers") so the apps'
    spellings with and without one match.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.casefold())
    return _NOT_WORD.sub(" ", text).strip()


def custom_id(name: str) -> str:
    """The id for a lifter's new exercise: "custom-" and a slug of its name.

    The prefix keeps it clear of every builtin id, present or future.
    """
    slug = normalize_name(name).replace(" ", "-")
    if not slug:
        raise ValueError(f"an exercise name needs a letter or digit: {name!r}")
    return f"custom-{slug}"


#: Words in a name that say how its load is made, checked in this order ("Smith Machine"
#: is smith, not machine; "Trap Bar" is not a barbell).
_EQUIPMENT_WORDS: tuple[tuple[str, Equipment], ...] = (
    ("smith", "smith"),
    ("trap bar", "trap-bar"),
    ("hex bar", "trap-bar"),
    ("ez bar", "ez-bar"),
    ("ez curl", "ez-bar"),
    ("plate loaded", "plate-loaded"),
    ("machine plates", "plate-loaded"),
    ("barbell", "barbell"),
    ("dumbbell", "dumbbell"),
    ("db", "dumbbell"),
    ("kettlebell", "kettlebell"),
    ("kb", "kettlebell"),
    ("cable", "cable"),
    ("machine", "machine"),
    ("band", "band"),
    ("banded", "band"),
    ("bodyweight", "bodyweight"),
)


def equipment_in_name(name: str) -> Equipment | None:
    """The equipment a name says it uses ("Zercher Squat (Barbell)": barbell), or None.

    Strong and Hevy put it in brackets, lifters before the movement ("DB Row").
    """
    padded = f" {normalize_name(name)} "
    for words, equipment in _EQUIPMENT_WORDS:
        if f" {words} " in padded:
            return equipment
    return None


def new_exercise(
    catalogue: Catalogue,
    name: str,
    primary: tuple[str, ...] | list[str],
    secondary: tuple[str, ...] | list[str] = (),
    kind: ExerciseKind = "compound",
    high_skill: bool = False,
    rest_seconds: int | None = None,
    aliases: tuple[str, ...] = (),
    *,
    equipment: Equipment | None = None,
    bodyweight: bool = False,
    per_hand: bool = False,
    unilateral: bool = False,
    bar_kg: float | None = None,
) -> Exercise:
    """A lifter's own exercise, checked: a new name, at least one primary muscle.

    Rest defaults by kind (compounds 150 s, isolation 90 s), as for the builtins:
    longer rests help on multi-joint lifts.  Equipment not given is what the name
    says ("Landmine Row (Barbell)"), else bodyweight for a bodyweight exercise, else
    other; bodyweight equipment makes it a bodyweight exercise.
    """
    name = clean_text(name).strip()  # the id is made from it: clean first
    if not name:
        raise ValueError("an exercise needs a name")
    existing = catalogue.find(name)
    if existing is not None:
        raise ValueError(f"{name!r} is already in the catalogue as {existing.name!r}")
    primary = check_muscles(tuple(primary))
    if not primary:
        raise ValueError("an exercise needs at least one primary muscle")
    if rest_seconds is None:
        rest_seconds = REST_COMPOUND if kind == "compound" else REST_ISOLATION
    if equipment is None:
        equipment = equipment_in_name(name) or ("bodyweight" if bodyweight else "other")
    return Exercise(
        id=custom_id(name),
        name=name,
        primary=primary,
        secondary=check_muscles(tuple(secondary)),
        kind=kind,
        high_skill=high_skill,
        rest_seconds=rest_seconds,
        aliases=tuple(aliases),
        custom=True,
        bodyweight=bodyweight or equipment == "bodyweight",
        equipment=equipment,
        per_hand=per_hand,
        unilateral=unilateral,
        bar_kg=bar_kg,
    )


def _own(exercise_id: str) -> bool:
    """A lifter's own exercise (not a builtin, nor a copy of one): its id says so."""
    return exercise_id.startswith("custom-")


def _with_builtin_load(e: Exercise) -> Exercise:
    """A stored copy of a builtin from before exercises said how their load is made
    (equipment other, nothing else said) takes the builtin's equipment back."""
    if _own(e.id) or e.equipment != "other" or e.per_hand or e.unilateral or e.bar_kg:
        return e
    builtin = shipped().get(e.id)
    if (
        builtin is None
        or builtin.equipment == "other"
        or (builtin.equipment == "bodyweight" and not e.bodyweight)
    ):
        return e
    return replace(
        e, equipment=builtin.equipment, per_hand=builtin.per_hand, unilateral=builtin.unilateral
    )


class Catalogue:
    """The builtin exercises plus the lifter's own, looked up by id or by any name.

    A custom exercise with a builtin's id replaces it: that is how a lifter
    corrects the muscles of a builtin.  When two exercises claim the same name,
    the lifter's own wins, and an id beats a name, which beats an alias, which
    beats a name Strong or Hevy export (`find_export` puts that app's names first).

    Nothing is parsed until it is needed: `get` and `in` read one exercise of the
    data file; names, search and iteration read it all, once per process.
    """

    def __init__(self, custom: Iterable[Exercise] = ()) -> None:
        self._custom: dict[str, Exercise] = {}
        for e in custom:
            self._custom[e.id] = _with_builtin_load(e)

    # --- lookup ------------------------------------------------------------------------

    def get(self, exercise_id: str) -> Exercise | None:
        found = self._custom.get(exercise_id)
        if found is None and not _own(exercise_id):
            found = shipped().get(exercise_id)
        return found

    def find(self, name: str) -> Exercise | None:
        """The exercise whose id, name or alias equals `name` once normalized, else the one
        Strong or Hevy export under that name."""
        return self._lookup.get(normalize_name(name))

    def find_export(self, name: str, app: App) -> Exercise | None:
        """The exercise `name` means in a file exported by `app` ("strong" or "hevy").

        Like `find`, but the app's own names come before the catalogue's other names:
        Hevy's "Standing Calf Raise" is the bodyweight calf raise, while a lifter typing
        it means the machine.  The lifter's own exercise of that name still wins.
        """
        found = self.find(name)
        if found is not None and _own(found.id):
            return found
        exercise_id = self._app_lookup[app].get(normalize_name(name))
        return (self.get(exercise_id) if exercise_id is not None else None) or found

    def best_match(self, query: str) -> Exercise | None:
        """The one exercise a short name clearly means, or None when it could be several.

        An exact name, alias or id; else the first search result when it beats every
        other both in how it matches (a name that starts with the query beats one that
        only contains its words) and in how common it is, and strictly in one of them:
        "curl" is the dumbbell curl, "lat pull" the lat pulldown, but "incline" could be
        the barbell or the dumbbell press, and "press" starts the name of the press under
        while the bench press is more common.  Loose matches (initials, letters in
        order) are never clear.
        """
        exact = self.find(query)
        if exact is not None:
            return exact
        norm = normalize_name(query)
        if not norm:
            return None
        scored = self._names.scored(norm, loose=False)
        if not scored:
            return None
        (rank, common), rest = scored[0][:2], scored[1:]
        if all(r >= rank and c >= common and (r, c) != (rank, common) for r, c, *_ in rest):
            return scored[0][-1]
        return None

    def closest(self, name: str, n: int = 3) -> list[Exercise]:
        """Up to `n` exercises whose name or an alias looks like `name`, best first.

        For "did you mean" hints.  Names are also compared with spaces removed,
        so "benchpress" finds "Bench Press".
        """
        query = normalize_name(name)
        if not query or n <= 0:
            return []
        return self._names.closest(query, n)

    def search(self, query: str, limit: int | None = 20, *, loose: bool = True) -> list[Exercise]:
        """Exercises matching what has been typed so far, best first, for a picker.

        Every word typed must appear in the name or in one alias, as a word start
        or inside a word ("db" also matches "dumbbell").  Exact and prefix matches
        of the whole query rank first, then word starts, then the rest; within a
        rank the common form comes first ("curl": the dumbbell and barbell curls
        before the cable curl), then the name beats an alias, and the shorter name
        a longer one.  Only when nothing matches that way are looser matches tried
        (initials: "bbs" for Barbell Back Squat; letters in order: "pldwn"), so they
        never bury real hits (`loose=False`: never).  An empty query lists everything by
        name.  `limit` None means no limit.
        """
        return [e for _match, e in self.matches(query, limit, loose=loose)]

    def matches(
        self, query: str, limit: int | None = None, *, loose: bool = True
    ) -> list[tuple[int, Exercise]]:
        """`search`, each exercise with how well it matches (lower is better: exact, the
        name's start, word starts, inside words, loose), so a caller can order equally
        good matches its own way.  An empty query: every exercise, all equally (0)."""
        norm = normalize_name(query)
        if not norm:
            everything = self._sorted[:limit] if limit is not None else self._sorted
            return [(0, e) for e in everything]
        scored = self._names.scored(norm, loose=False)
        if not scored and loose:  # nothing matches plainly: try initials, letters in order
            scored = self._names.scored(norm, loose=True)
        rows = scored if limit is None else scored[:limit]
        return [(row[0], row[-1]) for row in rows]

    # --- indexes, built on first use ----------------------------------------------------

    @cached_property
    def _by_id(self) -> dict[str, Exercise]:
        by_id = {e.id: e for e in shipped().exercises}
        by_id.update(self._custom)  # a copy of a builtin keeps the builtin's place
        return by_id

    @cached_property
    def _sorted(self) -> list[Exercise]:
        return sorted(self._by_id.values(), key=lambda e: (e.name.casefold(), e.id))

    @cached_property
    def _lookup(self) -> dict[str, Exercise]:
        """Normalized id, name, alias or exported name -> exercise; the first claim wins:
        the lifter's exercises before the builtins (a "Snatch" of their own, made by an
        import before the catalogue knew the snatch, keeps its sets coming), within each
        ids before names before aliases, and the names Strong and Hevy export last."""
        claims: list[tuple[Exercise, str]] = []
        for mine in (True, False):
            group = [e for e in self._by_id.values() if (e.id in self._custom) is mine]
            claims += [(e, e.id) for e in group] + [(e, e.name) for e in group]
            claims += [(e, alias) for e in group for alias in e.aliases]
        claims += [
            (self._by_id[i], name)
            for i, names in shipped().app_names.items()
            for app in APPS
            for name in names.get(app, ())
        ]
        lookup: dict[str, Exercise] = {}
        for e, text in claims:
            key = normalize_name(text)
            if key:
                lookup.setdefault(key, e)
        return lookup

    @cached_property
    def _app_lookup(self) -> dict[App, dict[str, str]]:
        """Per app, each normalized exported name -> the id it means."""
        return {
            app: {
                normalize_name(name): i
                for i, names in shipped().app_names.items()
                for name in names.get(app, ())
            }
            for app in APPS
        }

    @cached_property
    def _names(self) -> NameIndex:
        from .name_search import NameIndex  # here: it imports normalize_name from here

        return NameIndex(self._sorted)

    # --- collection --------------------------------------------------------------------

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, exercise_id: object) -> bool:
        return isinstance(exercise_id, str) and self.get(exercise_id) is not None
