"""Dates as the apps write them in the phone's language, and which of day and month
comes first in a file.

Forms read (a time is optional; without one the set is at midnight):

- ISO: `2026-06-05 07:30:00`, `2026-06-05T07:30:00+02:00`, `2026-06-05`, and the year
  first with slashes or dots (`2026/06/05 07:30`, always year, month, day);
- month names, in English, German, French, Spanish, Italian, Dutch and Portuguese:
  `22 Dec 2025, 08:00`, `5. Juni 2026, 07:30`, `May 15, 2026, 7:26 PM`,
  `15 de mayo de 2026 19:26`;
- dotted day.month.year (German and most of Europe): `05.06.2026, 07:30`, `5.6.26 7:30`;
- slashed or dashed numbers, `05/06/2026 07:30`, `6/5/2026, 7:30 PM`, `05-06-2026`: day
  first in most of the world, month first in the US.  Which one is not in the text: it is
  the file's (`DateOrder`), settled by any date whose first number is above 12 (only a
  day can be) or whose second is (`scan_date_order`), or given by the lifter.  A date
  that could be either is never guessed: without an order it is refused, saying how to
  give one.

A weekday before the date and a comma (`Friday, June 5, 2026`, `Fr., 05.06.2026`) is
left out.  Times: `07:30`, `7:30:15`, `07.30`, `7:26 PM`, `7:26 p. m.`, `07:30 Uhr`; an ISO time may
carry a UTC offset, converted to the lifter's zone.  Pure: no clock, no files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo, UTC
from typing import Literal
from collections.abc import Iterable

from ..inputs import InputError

DateOrder = Literal["dmy", "mdy"]
DATE_ORDERS: tuple[DateOrder, ...] = ("dmy", "mdy")

#: Dates outside these years are typos, not training history.
FIRST_YEAR, LAST_YEAR = 1900, 2100

_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: (
        "january",
        "jan",
        "januar",
        "jänner",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "januari",
        "janeiro",
    ),
    2: (
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "febbraio",
        "februari",
        "fevereiro",
        "fev",
    ),
    3: (
        "march",
        "mar",
        "märz",
        "maerz",
        "mär",
        "mrz",
        "mars",
        "marzo",
        "maart",
        "mrt",
        "março",
        "marco",
    ),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile"),
    5: ("may", "mai", "mayo", "maggio", "mag", "mei", "maio"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus"),
    9: (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "set",
        "setembro",
    ),
    10: (
        "october",
        "oct",
        "oktober",
        "okt",
        "octobre",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "out",
    ),
    11: ("november", "nov", "novembre", "noviembre", "novembro"),
    12: (
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
    ),
}
MONTHS: dict[str, int] = {word: month for month, words in _MONTH_WORDS.items() for word in words}

_TIME = (
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2})(?:\.\d{1,6})?)?"
    r"(?:\s*(?P<ampm>[AaPp])\.?\s*[Mm]\.?)?(?:\s*[Uu]hr)?"
)
#: Between a date and its time: a comma, spaces, or a word such as "at" / "um" / "à".
_JOIN = r"(?:\s*,\s*|\s+)(?:(?:at|um|à|a las|alle|om|às)\s+)?"
_AFTER = rf"(?:{_JOIN}{_TIME})?"
_ISO = re.compile(
    r"(?P<y>\d{4})(?P<ysep>[-/.])(?P<mo>\d{1,2})(?P=ysep)(?P<d>\d{1,2})"
    rf"(?:(?:T|\s+){_TIME})?\s*(?P<tz>Z|[+-]\d{{2}}:?\d{{2}})?"
)
_MON = r"(?P<mon>[^\W\d_]{3,10})\.?"
_DAY_MONTH = re.compile(
    rf"(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?{_MON}\s+(?:de\s+)?(?P<y>\d{{4}}){_AFTER}"
)
_MONTH_DAY = re.compile(rf"{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_AFTER}")
_DOTTED = re.compile(rf"(?P<a>\d{{1,2}})\.\s?(?P<b>\d{{1,2}})\.\s?(?P<y>\d{{4}}|\d{{2}}){_AFTER}")
_NUMERIC = re.compile(
    rf"(?P<a>\d{{1,2}})(?P<sep>[/-])(?P<b>\d{{1,2}})(?P=sep)"
    rf"(?P<y>\d{{4}}|(?<=/)\d{{2}}){_AFTER}"
)

#: A weekday before the date, followed by a comma.
_WEEKDAY = re.compile(r"(?P<word>[^\W\d_]{2,12})\.?,\s*")

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class AmbiguousDate(InputError):
    """A date whose day and month could be either way round, with no order given."""


def _show(text: str) -> str:
    text = text.strip()
    return repr(text if len(text) <= 40 else text[:37] + "...")


def order_hint(example: str) -> str:
    """How to say which comes first, with what each reading makes of `example`."""
    m = _NUMERIC.fullmatch(_without_weekday(example.strip()))
    if m is None:
        return "rerun with --date-order dmy (day first) or --date-order mdy (month first)"
    a, b, y = int(m["a"]), int(m["b"]), _year(m["y"])
    readings = []
    for order, (day, month) in (("dmy", (a, b)), ("mdy", (b, a))):
        what = f"{day} {_MONTH_NAMES[month - 1]} {y}" if 1 <= month <= 12 else "no date"
        readings.append(f"--date-order {order} ({what})")
    return f"rerun with {readings[0]} or {readings[1]}"


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def _without_weekday(t: str) -> str:
    """'Friday, June 5, 2026' and 'Fr., 05.06.2026' without the weekday (never a month)."""
    m = _WEEKDAY.match(t)
    if m is None or m["word"].casefold() in MONTHS:
        return t
    return t[m.end() :]


def local_datetime(text: str, tz: tzinfo, order: DateOrder | None = None) -> datetime:
    """A naive local date-time from any form above; `order` for slashed or dashed dates.

    Raises InputError saying why not (AmbiguousDate when the order is needed and missing).
    """
    t = _without_weekday(text.strip())
    if not t:
        raise InputError("the date is empty")
    month: int
    m = _ISO.fullmatch(t)
    if m is not None:
        year, month, day = int(m["y"]), int(m["mo"]), int(m["d"])
    elif (m := _DAY_MONTH.fullmatch(t) or _MONTH_DAY.fullmatch(t)) is not None:
        found = MONTHS.get(m["mon"].casefold())
        if found is None:
            raise InputError(f"date {_show(t)}: {m['mon']!r} is not a month")
        year, month, day = int(m["y"]), found, int(m["d"])
    elif (m := _DOTTED.fullmatch(t)) is not None:
        year, month, day = _year(m["y"]), int(m["b"]), int(m["a"])
    elif (m := _NUMERIC.fullmatch(t)) is not None:
        a, b = int(m["a"]), int(m["b"])
        if order is None:
            if a > 12 or b > 12 or a == b:  # only one reading is a date, or both are the same
                order = "dmy" if a > 12 or a == b else "mdy"
            else:
                raise AmbiguousDate(
                    f"date {_show(t)} could be day/month/year or month/day/year: {order_hint(t)}"
                )
        year = _year(m["y"])
        day, month = (a, b) if order == "dmy" else (b, a)
        if not 1 <= month <= 12:
            shape = "day/month/year" if order == "dmy" else "month/day/year"
            raise InputError(f"date {_show(t)} is not a real date read as {shape}")
    else:
        raise InputError(
            f"date {_show(t)} is not a date and time like 2024-03-05 18:07:12 or 30 Jan 2025, 12:34"
        )
    hour = int(m["h"] or 0)
    if m["ampm"]:
        if not 1 <= hour <= 12:
            raise InputError(f"date {_show(t)}: {hour} is not an hour on a 12-hour clock")
        hour = hour % 12 + (12 if m["ampm"] in "Pp" else 0)
    try:
        value = datetime(year, month, day, hour, int(m["mi"] or 0), int(m["s"] or 0))
    except ValueError:
        raise InputError(f"date {_show(t)} is not a real date and time") from None
    offset = m.groupdict().get("tz")
    if offset:
        value = _to_zone(value, offset, tz, t)
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise InputError(f"date {_show(t)} is not between {FIRST_YEAR} and {LAST_YEAR}")
    return value


def _to_zone(value: datetime, offset: str, tz: tzinfo, t: str) -> datetime:
    if offset == "Z":
        zone = UTC
    else:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:])
        if hours > 23 or minutes > 59:
            raise InputError(f"date {_show(t)} has an impossible UTC offset")
        zone = timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        return value.replace(tzinfo=zone).astimezone(tz).replace(tzinfo=None)
    except (OverflowError, ValueError):
        raise InputError(f"date {_show(t)} is out of range") from None


# --- the file's order ---------------------------------------------------------------------


@dataclass(frozen=True)
class OrderScan:
    """What a file's dates say about day and month.

    `order` is None when the file needs none (ISO, month names, dots, or no dates) or
    when it cannot tell (`undecided`).  `line` and `example` name the date that settled
    it, or, when undecided, the first date that could be either.
    """

    order: DateOrder | None
    line: int = 0
    example: str = ""
    undecided: bool = False

    def sentence(self) -> str:
        """One line for the import's report; empty when there was nothing to decide."""
        if self.order is None or not self.example:
            return ""
        shape, other = (
            ("day/month/year", "month/day")
            if self.order == "dmy"
            else ("month/day/year", "day/month")
        )
        return (
            f"Dates read as {shape}: line {self.line} has {self.example}, which cannot be {other}."
        )

    def refusal(self) -> str:
        """Why an undecided file is refused, and what to do."""
        return (
            f"its dates (like {self.example} on line {self.line}) could be day/month/year or "
            f"month/day/year, and none has a number above 12 to tell which: "
            f"{order_hint(self.example)}"
        )


def settle_order(text: str) -> DateOrder | None:
    """The order one date cell settles, or None when it settles nothing."""
    m = _NUMERIC.fullmatch(_without_weekday(text.strip()))
    if m is None:
        return None
    a, b = int(m["a"]), int(m["b"])
    if a > 12 and b <= 12:
        return "dmy"
    if b > 12 and a <= 12:
        return "mdy"
    return None


def scan_date_order(cells: Iterable[tuple[int, str]]) -> OrderScan:
    """Decide the order from a file's date cells `(line, text)`, in file order.

    Stops at the first date that settles it, or at the first date in a form that needs
    no order (a file's dates all come from one format); reads to the end only while
    every date could be either way round.
    """
    first: tuple[int, str] | None = None
    for line, text in cells:
        t = _without_weekday(text.strip())
        if not t:
            continue
        if _NUMERIC.fullmatch(t) is None:
            if first is None and _known_form(t):
                return OrderScan(None)
            continue
        order = settle_order(t)
        if order is not None:
            return OrderScan(order, line, t)
        m = _NUMERIC.fullmatch(t)
        assert m is not None
        if first is None and m["a"] != m["b"] and int(m["a"]) <= 12 and int(m["b"]) <= 12:
            first = (line, t)  # could be either (05/05 reads the same both ways)
    if first is None:
        return OrderScan(None)
    return OrderScan(None, first[0], first[1], undecided=True)


def _known_form(t: str) -> bool:
    return any(p.fullmatch(t) is not None for p in (_ISO, _DAY_MONTH, _MONTH_DAY, _DOTTED))


def scan_csv_order(text: str | Iterable[str], column: int) -> OrderScan:
    """`scan_date_order` over one column of a CSV export (its header skipped)."""
    from .table import CsvRows

    def cells() -> Iterable[tuple[int, str]]:
        for item in CsvRows(text):
            if isinstance(item, tuple) and 0 <= column < len(item[1]):
                yield item[0], item[1][column]

    return scan_date_order(cells())


def file_date_order(
    text: str | Iterable[str], column: int, given: DateOrder | None
) -> tuple[DateOrder | None, OrderScan]:
    """The order to read a whole file's dates with: `given`, else what the file says.

    A file whose dates could all be either way round raises ImportFormatError (from
    results.py) saying how to give the order: day and month are never guessed.
    Lines that are not text (an iterator already read) cannot be scanned twice: pass
    the text, or the lines of a file opened again.
    """
    from .results import ImportFormatError

    if given is not None:
        if given not in DATE_ORDERS:
            raise ImportFormatError(f"date order {given!r} is not dmy or mdy")
        return given, OrderScan(given)
    scan = scan_csv_order(text, column)
    if scan.undecided:
        raise ImportFormatError(scan.refusal())
    return scan.order, scan
