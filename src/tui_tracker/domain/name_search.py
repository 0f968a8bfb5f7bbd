"""How what a lifter types finds exercises by name: ranked for a picker, and the
"did you mean" hints.

Apart from catalogue.py (which exercises there are, and what a name means exactly)
because ranking is its own set of rules, that only the picker and the hints need:
word starts before substrings, shorthands ("db"), and only when nothing else
matches, initials and letters in order.
"""

from __future__ import annotations

from collections.abc import Iterable

from .exercise_data import APPS, LEAST_COMMON, shipped
from .models import Exercise
from .catalogue import normalize_name

#: One ranked match: rank, how common, found by an alias, name length, name, the exercise.
Scored = tuple[int, int, bool, int, str, Exercise]


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


class _Key:
    """One searchable name (the name or an alias), normalized once up front."""

    __slots__ = ("text", "padded", "initials", "compact", "is_alias")

    def __init__(self, text: str, is_alias: bool) -> None:
        self.text = text
        self.padded = " " + text  # " " + token found here means a word starts with token
        self.initials = "".join(w[0] for w in text.split())
        self.compact = text.replace(" ", "")
        self.is_alias = is_alias


# Search ranks, best first.
_EXACT, _PREFIX, _WORD_START, _SUBSTRING, _LOOSE = range(5)

#: Shorthands lifters type in a picker, tried as well as the token itself.
_SHORTHANDS: dict[str, tuple[str, ...]] = {
    "db": ("dumbbell",),
    "bb": ("barbell",),
    "kb": ("kettlebell",),
    "bw": ("bodyweight",),
}


def _token_rank(key: _Key, token: str, loose: bool) -> int | None:
    if " " + token in key.padded:
        return _WORD_START
    if token in key.text:
        return _SUBSTRING
    if (
        loose
        and len(token) >= 2
        and (
            _is_subsequence(token, key.initials)
            or (len(token) >= 4 and _is_subsequence(token, key.compact))
        )
    ):
        return _LOOSE
    return None


def _key_rank(key: _Key, query: str, tokens: list[tuple[str, ...]], loose: bool) -> int | None:
    """How well `key` matches, or None when some token is missing from it.

    `tokens` holds each typed word with its spelled-out forms ("db", "dumbbell").
    """
    if key.text == query:
        return _EXACT
    if key.text.startswith(query) and not key.is_alias:
        return _PREFIX  # (an alias that starts so counts as its words do: "Row (Machine)")
    rank = _WORD_START
    for forms in tokens:
        ranks = [r for r in (_token_rank(key, form, loose) for form in forms) if r is not None]
        if not ranks:
            return None
        rank = max(rank, min(ranks))
    return rank


def typed(norm: str) -> list[tuple[str, ...]]:
    """Each typed word with its spelled-out forms ("db": "dumbbell")."""
    return [(tok,) + _SHORTHANDS.get(tok, ()) for tok in norm.split()]


class NameIndex:
    """Per exercise: its keys (name, aliases, exported names), all of them in one
    string, and the letters they use, so most exercises are ruled out by one `in`
    test before any key is looked at."""

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        """`exercises` in the order ties are listed in (by name)."""
        exported = shipped().app_names
        self._rows: list[tuple[Exercise, list[_Key], str, frozenset[str]]] = []
        for e in exercises:
            keys = [_Key(normalize_name(e.name), False)]
            seen = {keys[0].text}
            names = exported.get(e.id, {})
            for alias in (*e.aliases, *(n for app in APPS for n in names.get(app, ()))):
                text = normalize_name(alias)
                if text and text not in seen:
                    seen.add(text)
                    keys.append(_Key(text, True))
            blob = "\n".join(key.padded for key in keys)
            self._rows.append((e, keys, blob, frozenset(blob)))

    def scored(self, norm: str, loose: bool) -> list[Scored]:
        """The exercises every word of normalized `norm` matches, best first (see
        Catalogue.search); `loose`: by initials and letters in order too."""
        tokens = typed(norm)
        scored: list[Scored] = []
        common = shipped().common
        for e, keys, blob, letters in self._rows:
            if not all(
                any(form in blob for form in forms)
                if not loose
                else any(letters.issuperset(form) for form in forms)
                for forms in tokens
            ):
                continue
            best: tuple[int, bool] | None = None
            for key in keys:
                rank = _key_rank(key, norm, tokens, loose)
                if rank is not None and (best is None or (rank, key.is_alias) < best):
                    best = (rank, key.is_alias)
            if best is not None:
                scored.append(
                    (
                        best[0],
                        common.get(e.id, LEAST_COMMON),
                        best[1],
                        len(e.name),
                        e.name.casefold(),
                        e,
                    )
                )
        scored.sort(key=lambda row: row[:5])
        return scored

    def closest(self, query: str, n: int) -> list[Exercise]:
        """Up to `n` exercises whose name or an alias looks like normalized `query`."""
        from difflib import SequenceMatcher  # here: only "did you mean" needs it

        spaced, compact = SequenceMatcher(autojunk=False), SequenceMatcher(autojunk=False)
        spaced.set_seq2(query)
        compact.set_seq2(query.replace(" ", ""))
        cutoff = 0.6
        best: dict[str, float] = {}
        by_id: dict[str, Exercise] = {}
        for e, keys, _, _ in self._rows:
            score = 0.0
            for key in keys:
                for matcher, text in ((spaced, key.text), (compact, key.compact)):
                    matcher.set_seq1(text)
                    if matcher.real_quick_ratio() > max(
                        score, cutoff
                    ) and matcher.quick_ratio() > max(score, cutoff):
                        score = max(score, matcher.ratio())
            if score >= cutoff:
                best[e.id], by_id[e.id] = score, e
        ranked = sorted(best, key=lambda i: (-best[i], by_id[i].name.casefold()))
        return [by_id[i] for i in ranked[:n]]
