"""Hypothesis strategies: Kazakh date phrases in every format qazparse reads, with their values.

Each strategy draws a :class:`DateCase`: the phrase, the reference date it is read against
(or None), and what it must resolve to.  The surface forms are written out here by hand from
KAZAKH.md §4 (month case forms, the day's possessive ending) rather than produced by the
library, so the tests compare two independent descriptions of the language.

>>> from hypothesis import given
>>> @given(absolute_dates())
... def test(case):
...     from qazparse import parse_date
...     assert parse_date(case.phrase, reference=case.reference).start == case.start
"""

from __future__ import annotations

import datetime as _dt

import attrs
from hypothesis import strategies as st

__all__ = ["DateCase", "absolute_dates", "date_formats", "relative_dates", "render_date"]

# Month forms: nominative, locative ("in"), genitive ("of"), possessive + locative
# (қазанында, after a year in the genitive), dative, ablative (KAZAKH.md §4.1).
MONTHS: dict[int, tuple[str, str, str, str, str, str]] = {
    1: ("қаңтар", "қаңтарда", "қаңтардың", "қаңтарында", "қаңтарға", "қаңтардан"),
    2: ("ақпан", "ақпанда", "ақпанның", "ақпанында", "ақпанға", "ақпаннан"),
    3: ("наурыз", "наурызда", "наурыздың", "наурызында", "наурызға", "наурыздан"),
    4: ("сәуір", "сәуірде", "сәуірдің", "сәуірінде", "сәуірге", "сәуірден"),
    5: ("мамыр", "мамырда", "мамырдың", "мамырында", "мамырға", "мамырдан"),
    6: ("маусым", "маусымда", "маусымның", "маусымында", "маусымға", "маусымнан"),
    7: ("шілде", "шілдеде", "шілденің", "шілдесінде", "шілдеге", "шілдеден"),
    8: ("тамыз", "тамызда", "тамыздың", "тамызында", "тамызға", "тамыздан"),
    9: ("қыркүйек", "қыркүйекте", "қыркүйектің", "қыркүйегінде", "қыркүйекке", "қыркүйектен"),
    10: ("қазан", "қазанда", "қазанның", "қазанында", "қазанға", "қазаннан"),
    11: ("қараша", "қарашада", "қарашаның", "қарашасында", "қарашаға", "қарашадан"),
    12: ("желтоқсан", "желтоқсанда", "желтоқсанның", "желтоқсанында", "желтоқсанға", "желтоқсаннан"),
}
ABBREVIATIONS = (
    "қаң.",
    "ақп.",
    "нау.",
    "сәу.",
    "мам.",
    "мау.",
    "шіл.",
    "там.",
    "қыр.",
    "қаз.",
    "қар.",
    "жел.",
)
WEEKDAYS = ("дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі")

# The 3rd-person possessive on a day number follows the last word read aloud (KAZAKH.md §2.3):
# 1 бір -і, 2 екі -сі, 6 алты -сы, 9 тоғыз -ы, 10 он -ы, 20 жиырма -сы, 30 отыз -ы ...
_DAY_POSSESSIVE_UNITS = {1: "і", 2: "сі", 3: "і", 4: "і", 5: "і", 6: "сы", 7: "сі", 8: "і", 9: "ы"}
_DAY_POSSESSIVE_TENS = {10: "ы", 20: "сы", 30: "ы"}

# The genitive and attributive of жыл, and the year endings that make a bare year a date.
YEAR_FORMS = ("жылы", "жылғы", "жылдың", "жылға", "жылдан", "жыл")


def day_possessive(day: int) -> str:
    """``21-і``, ``22-сі``, ``20-сы``: a day number with its possessive ending."""
    suffix = _DAY_POSSESSIVE_UNITS[day % 10] if day % 10 else _DAY_POSSESSIVE_TENS[day]
    return f"{day}-{suffix}"


@attrs.frozen
class DateCase:
    """A phrase and what it must read as.

    Attributes:
        phrase: the Kazakh text.
        start, end: the interval it must resolve to (None when it cannot be resolved).
        grain: the expected grain (``day``, ``month``, ``year`` ...).
        reference: the reference date to read it against, or None.
        format: a name for the format, for test ids and statistics.
    """

    phrase: str
    start: _dt.date | None
    end: _dt.date | None
    grain: str
    reference: _dt.date | None = None
    format: str = ""


def _month_end(year: int, month: int) -> _dt.date:
    nxt = _dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - _dt.timedelta(days=1)


def render_date(day: _dt.date, fmt: str) -> str:
    """*day* written in the named format (see :func:`date_formats`).

    >>> render_date(_dt.date(2025, 10, 21), "A-locative")
    '2025 жылғы 21 қазанда'
    >>> render_date(_dt.date(2025, 10, 21), "F-with-year")
    '2025 жылдың қазан айының 21-і'
    """
    y, m, d = day.year, day.month, day.day
    nom, loc, _, poss_loc, dat, abl = MONTHS[m]
    weekday = WEEKDAYS[day.weekday()]
    forms = {
        "A": f"{y} жылғы {d} {nom}",
        "A-locative": f"{y} жылғы {d} {loc}",
        "A-dative": f"{y} жылғы {d} {dat}",
        "A-ablative": f"{y} жылғы {d} {abl}",
        "A-genitive-year": f"{y} жылдың {d} {poss_loc}",
        "A-guillemets": f"{y} жылғы «{d:02d}» {loc}",
        "B": f"{d} {nom} {y} жыл",
        "B-weekday": f"{weekday.capitalize()}, {d} {nom}, {y} жыл",
        "E": f"{d} {nom.capitalize()}, {y}",
        "C": f"{d:02d}.{m:02d}.{y}",
        "C-time": f"{d:02d}.{m:02d}.{y} 10:24",
        "ISO": day.isoformat(),
        "D-long": f"{y} ж. {d} {nom}",
        "D-full": f"{y} ж. {d} {nom}, {weekday}",
        "D-medium": f"{y} ж. {d:02d} {ABBREVIATIONS[m - 1]}",
        "F-with-year": f"{y} жылдың {nom} айының {day_possessive(d)}",
        "H-day": f"{y} жылғы {d} {nom} күні",
        "I-hyphen": f"{y} жылғы {d}-{nom}",
        "time": f"{y} жылғы {d} {loc} сағат 10:00-де",
    }
    return forms[fmt]


DAY_FORMATS = (
    "A",
    "A-locative",
    "A-dative",
    "A-ablative",
    "A-genitive-year",
    "A-guillemets",
    "B",
    "B-weekday",
    "E",
    "C",
    "C-time",
    "ISO",
    "D-long",
    "D-full",
    "D-medium",
    "F-with-year",
    "H-day",
    "I-hyphen",
    "time",
)


def date_formats() -> tuple[str, ...]:
    """The names of every full-date format :func:`absolute_dates` draws from."""
    return DAY_FORMATS


@st.composite
def absolute_dates(
    draw: st.DrawFn,
    min_value: _dt.date = _dt.date(1900, 1, 1),
    max_value: _dt.date = _dt.date(2100, 12, 31),
) -> DateCase:
    """A full date, a month or a year written with digits, in one of the supported formats."""
    day = draw(st.dates(min_value=min_value, max_value=max_value))
    kind = draw(st.sampled_from(("day", "day", "day", "month", "year", "quarter")))
    y, m = day.year, day.month
    if kind == "day":
        fmt = draw(st.sampled_from(DAY_FORMATS))
        grain = "minute" if fmt in ("C-time", "time") else "day"
        return DateCase(render_date(day, fmt), day, day, grain, None, fmt)
    if kind == "month":
        nom, loc, _, poss_loc, _, _ = MONTHS[m]
        phrase, fmt = draw(
            st.sampled_from(
                (
                    (f"{y} жылғы {loc}", "year-month-locative"),
                    (f"{y} жылдың {poss_loc}", "year-genitive-month"),
                    (f"{y} ж. {nom}", "cldr-yMMMM"),
                    (f"{y} жылдың {nom} айында", "year-month-айында"),
                )
            )
        )
        return DateCase(phrase, _dt.date(y, m, 1), _month_end(y, m), "month", None, fmt)
    if kind == "year":
        form = draw(st.sampled_from(YEAR_FORMS))
        return DateCase(f"{y} {form}", _dt.date(y, 1, 1), _dt.date(y, 12, 31), "year", None, f"year-{form}")
    quarter = (m - 1) // 3 + 1
    roman = ("І", "ІІ", "ІІІ", "IV")[quarter - 1]
    phrase, fmt = draw(
        st.sampled_from(
            (
                (f"{y} жылдың {quarter}-тоқсанында", "year-quarter-digit"),
                (f"{y} ж. {roman} тоқсан", "cldr-yQQQQ"),
            )
        )
    )
    first = _dt.date(y, 3 * quarter - 2, 1)
    return DateCase(phrase, first, _month_end(y, 3 * quarter), "quarter", None, fmt)


# Relative phrases: (phrase, unit, offset) resolved as the calendar unit holding the reference,
# moved by offset units.
_RELATIVE_WORDS = (
    ("бүгін", "day", 0),
    ("кеше", "day", -1),
    ("ертең", "day", 1),
    ("бүрсігүні", "day", 2),
    ("биыл", "year", 0),
    ("былтыр", "year", -1),
    ("өткен жылы", "year", -1),
    ("келесі жылы", "year", 1),
    ("осы жылы", "year", 0),
    ("өткен айда", "month", -1),
    ("келесі айда", "month", 1),
    ("осы айда", "month", 0),
    ("өткен аптада", "week", -1),
    ("келесі аптада", "week", 1),
    ("осы аптада", "week", 0),
)
_COUNTED = (
    ("күн", "күннен", "day"),
    ("апта", "аптадан", "week"),
    ("ай", "айдан", "month"),
    ("жыл", "жылдан", "year"),
)


@st.composite
def relative_dates(
    draw: st.DrawFn,
    min_value: _dt.date = _dt.date(1950, 1, 1),
    max_value: _dt.date = _dt.date(2080, 12, 31),
) -> tuple[str, _dt.date, str, int]:
    """A relative phrase, a reference date, and the unit and signed count it moves by.

    The test computes the expected period with ``dateutil.relativedelta`` (an oracle apart
    from the library): ``("3 күн бұрын", ref, "day", -3)``.
    """
    reference = draw(st.dates(min_value=min_value, max_value=max_value))
    if draw(st.booleans()):
        phrase, unit, offset = draw(st.sampled_from(_RELATIVE_WORDS))
        return phrase, reference, unit, offset
    nominative, ablative, unit = draw(st.sampled_from(_COUNTED))
    count = draw(st.integers(1, 99))
    if draw(st.booleans()):
        return f"{count} {nominative} бұрын", reference, unit, -count
    return f"{count} {ablative} кейін", reference, unit, count
