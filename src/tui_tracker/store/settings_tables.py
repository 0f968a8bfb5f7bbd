"""The lifter's settings and weekly volume targets: the main file's `settings` and
`volume_targets` tables.

A mixin for the Store (store.py), which keeps the lock and the files.  Both tables
are small key -> value lists (a setting by its name, a band by its muscle) written
one entry at a time, so they share this module.  (settings_file.py is the other
thing called settings: the TOML file beside the database.)
"""

from __future__ import annotations

from typing import Any

import orjson

from ..domain.muscles import MUSCLES
from ..domain.targets import DEFAULT_TARGETS
from .plumbing import PlumbingBase

MAX_WEEKLY_SETS = 60
SETTINGS = "settings"
VOLUME_TARGETS = "volume_targets"


class SettingsTables(PlumbingBase):
    """`volume_targets`, `set_volume_target`, `get_setting`, `set_setting`, `settings`."""

    def volume_targets(self) -> dict[str, tuple[int, int]]:
        """Weekly hard-set band for every muscle: the lifter's own, else the muscle's default
        (domain/targets.py: 10-16 for most, 0-16 for muscles trained through compounds)."""
        targets = dict(DEFAULT_TARGETS)
        with self._locked():
            for doc in self._table(VOLUME_TARGETS).documents().values():
                m, low, high = doc.get("muscle"), doc.get("low"), doc.get("high")
                if (
                    isinstance(m, str)
                    and m in targets
                    and isinstance(low, int)
                    and isinstance(high, int)
                ):
                    targets[m] = (low, high)
        return targets

    def set_volume_target(self, muscle: str, low: int, high: int) -> None:
        if muscle not in MUSCLES:
            raise ValueError(f"unknown muscle {muscle!r}; known: {', '.join(MUSCLES)}")
        for v in (low, high):
            if isinstance(v, bool) or not isinstance(v, int):
                raise ValueError("volume targets are whole numbers of sets")
        if not 0 <= low <= high <= MAX_WEEKLY_SETS:
            raise ValueError(
                f"a volume target needs 0 <= low <= high <= {MAX_WEEKLY_SETS} "
                f"sets a week (got {low}-{high})"
            )
        self._put_keyed(VOLUME_TARGETS, "muscle", {"muscle": muscle, "low": low, "high": high})

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self._locked():
            for doc in self._table(SETTINGS).documents().values():
                if doc.get("key") == key:
                    return orjson.loads(orjson.dumps(doc.get("value")))  # a copy
        return default

    def set_setting(self, key: str, value: Any) -> None:
        """Store a small JSON value (str, number, bool, None, list, dict)."""
        if not isinstance(key, str) or not key:
            raise ValueError("a setting needs a name")
        try:
            value = orjson.loads(orjson.dumps(value))  # a copy, and proof it is JSON
        except TypeError as e:
            raise ValueError(f"setting {key!r}: {e}") from e
        self._put_keyed(SETTINGS, "key", {"key": key, "value": value})

    def settings(self) -> dict[str, Any]:
        """Every stored setting by key (copies), for the export."""
        with self._locked():
            docs = list(self._table(SETTINGS).documents().values())
        return {
            d["key"]: orjson.loads(orjson.dumps(d.get("value")))
            for d in docs
            if isinstance(d.get("key"), str)
        }

    def _put_keyed(self, name: str, field: str, doc: dict[str, Any]) -> None:
        """Replace the first document of table `name` with the same `field`, else add `doc`."""
        with self._locked(writes=True):
            table = self._table(name)
            for doc_id, old in table.documents().items():
                if old.get(field) == doc[field]:
                    table.update(doc, doc_ids=[int(doc_id)])
                    return
            table.insert(doc)
