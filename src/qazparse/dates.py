"""Dates, periods and times of day in Kazakh text, resolved against the article's date.

What the text says is kept as written (``year``, ``month``, ``day``, ``weekday``, ``hour``,
``minute``), with a ``grain``; ``start`` and ``end`` (inclusive) are filled when the mention
can be resolved.  Relative mentions resolve against the reference date: the caller's, or the
`` date YYYY-MM-DD`` prefix of an article.  The library never reads today's date.

    >>> parse_date("2025 жылғы 21 қазанда").start
    datetime.date(2025, 10, 21)
    >>> d = parse_date("былтыр", reference=_dt.date(2025, 10, 21))
    >>> (d.start, d.end, d.relative)
    (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), 'year-1')
    >>> parse_date("былтыр").start is None
    True

How it works
------------
The words come from the ``calendar`` rule table (months, weekdays, relative words,
modifiers, period words, times of day, postpositions).  Numbers in words (``екі мың жиырма
бесінші жылы``, ``соңғы үш жылда``) come from :func:`qazparse.numerals.find_numeral_matches`:
each word numeral is masked in a copy of the lower-case text by one private-use character a
letter (``\\ue001`` for ordinals, ``\\ue000`` for cardinals), so the date patterns, compiled
once per :class:`~qazparse.rules.Rules`, see ``<NUM> жылы`` and look the value up by offset.
Every pattern (a *branch*) proposes candidates where a *trigger* can start it (a number, a
numeral in words, a calendar word) and the word after the trigger can continue it; a
candidate whose parts do not make a date (``31 ақпан``, ``2803 қарары``) is dropped; the
longest candidates that do not overlap are kept; a date followed by a clock time becomes one
mention; a postposition after a date (``дейін``, ``бастап``, ``бері``) joins it.

The notation of ``DateMention.relative`` (see ``docs/dates.md``):

- ``<unit><±n>``: the calendar unit *n* steps from the one holding the reference:
  ``day+0`` (бүгін), ``day-1`` (кеше), ``week-1`` (өткен аптада), ``month+1`` (келесі айда),
  ``year-1`` (былтыр), ``year+0`` (биыл; also a month or day with no year: ``21 қазанда``),
  ``year-3`` (3 жыл бұрын), ``century-1`` (өткен ғасырда).  With ``weekday`` set, the
  weekday inside that week (``өткен жұмада`` is ``week-1`` with weekday 4).
- ``nearest``: a weekday with no modifier (``сенбі күні``): that weekday nearest the
  reference (up to three days either side).
- ``last`` / ``next``: a month or a season after өткен / келесі (``өткен ақпанда``): the
  latest one that ended before the reference, the first one that starts after it.
- ``latest``: a decade with no century (``90-жылдары``): the latest such decade that starts
  no later than the reference.
- ``ref±P<n><D|W|M|Y>``: the reference moved by an ISO 8601 duration, used for interval ends.
- ``A..B``: an interval between two anchors, either end possibly open or an ISO date:
  ``ref-P3Y..ref`` (соңғы үш жылда), ``year+0..ref`` (жыл басынан бері),
  ``ref..`` (алдағы жылдары), ``..ref`` (кейінгі жылдары), ``2010-01-01..ref`` (2010 жылдан бері).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import regex

from .morphology import alternation, cases, ending_chain, inflected, split_endings, stem_variants, trie
from .numerals import find_numeral_matches
from .parsing import parse_whole
from .rules import Rules
from .values import DateMention, Grain, Qualifier

__all__ = ["extract_dates", "parse_date", "resolve_relative"]

Interval = tuple[_dt.date, _dt.date]
Anchor = Callable[[_dt.date], "Interval | None"]

_MASK_CARDINAL = "\ue000"
_MASK_ORDINAL = "\ue001"
_MASKS = f"[{_MASK_CARDINAL}{_MASK_ORDINAL}]"
_MASK_CHARS = frozenset(_MASK_CARDINAL + _MASK_ORDINAL)
# A group whose pattern starts with a mask: a numeral in words (yw, dw, nw, hhw, ...).
_MASK_GROUP = re.compile(rf"\(\?P<(\w+)>\[?[{_MASK_CARDINAL}{_MASK_ORDINAL}]")
_AFTER_MASKS = frozenset(f"-–—{_MASK_CARDINAL}{_MASK_ORDINAL}")
_RUN = "{1,120}"  # a masked numeral phrase in a date slot: longer ones are not days or years
_NB = r"(?<![\p{L}\p{M}\d])"
_NA = r"(?![\p{L}\p{M}])"
_ND_BEFORE = r"(?<![\p{L}\p{M}\d.,:\-–])"
_ND_AFTER = r"(?!\d|[.,:]\d)"
_S = r"[ \t]{1,3}"
_S0 = r"[ \t]{0,2}"
_HY = r"[ \t]{0,2}[-–—][ \t]{0,2}"
_ORD = r"(?:сыншы|сінші|ыншы|інші|ншы|нші|шы|ші)"
_ROMAN = r"[ivxlcіх]{1,7}"
_ROMAN_LETTERS = frozenset("ivxlcіх")
_ROMAN_RUN = re.compile(r"[ivxlcіх]+")
# A calendar unit as (months, days).
_UNIT_DELTA = {
    "day": (0, 1),
    "week": (0, 7),
    "month": (1, 0),
    "quarter": (3, 0),
    "half": (6, 0),
    "year": (12, 0),
    "decade": (120, 0),
    "century": (1200, 0),
}
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # (February in a leap year)
_ISO_UNIT = {"day": "D", "week": "W", "month": "M", "year": "Y", "quarter": "Q", "hour": "H", "minute": "MIN"}
_POST_QUALIFIER = {
    "up_to": Qualifier.UP_TO,
    "at_least": Qualifier.AT_LEAST,
    "after": Qualifier.MORE_THAN,
    "before": Qualifier.LESS_THAN,
    "about": Qualifier.APPROXIMATELY,
}


# --- calendar arithmetic ----------------------------------------------------------------


def _safe(make: Callable[[], Interval]) -> Interval | None:
    try:
        return make()
    except (ValueError, OverflowError):
        return None


def _month_end(year: int, month: int) -> _dt.date:
    return _dt.date(year, month, _days_in_month(year, month))


def _days_in_month(year: int, month: int) -> int:
    """``calendar.monthrange(year, month)[1]`` without the weekday it also works out."""
    if not 1 <= month <= 12:
        raise ValueError(f"bad month number {month}")
    return 29 if month == 2 and _calendar.isleap(year) else _MONTH_DAYS[month - 1] - (month == 2)


def _year_interval(year: int) -> Interval | None:
    return _safe(lambda: (_dt.date(year, 1, 1), _dt.date(year, 12, 31)))


def _month_interval(year: int, month: int, last: int | None = None) -> Interval | None:
    return _safe(lambda: (_dt.date(year, month, 1), _month_end(year, last or month)))


def _day_interval(year: int, month: int, day: int, last: int | None = None) -> Interval | None:
    return _safe(lambda: (_dt.date(year, month, day), _dt.date(year, month, last or day)))


def _quarter_interval(year: int, quarter: int) -> Interval | None:
    return _month_interval(year, 3 * quarter - 2, 3 * quarter)


def _half_interval(year: int, half: int) -> Interval | None:
    return _month_interval(year, 6 * half - 5, 6 * half)


def _decade_interval(first: int) -> Interval | None:
    return _safe(lambda: (_dt.date(first, 1, 1), _dt.date(first + 9, 12, 31)))


def _century_interval(century: int) -> Interval | None:
    """The n-th century: 1901-2000 is the 20th (the usual reading of ХХ ғасыр)."""
    return _safe(lambda: (_dt.date(century * 100 - 99, 1, 1), _dt.date(century * 100, 12, 31)))


def unit_period(unit: str, day: _dt.date, offset: int = 0) -> Interval | None:
    """The calendar *unit* holding *day*, moved *offset* units: ``("year", 2025-10-21, -1)`` is 2024.

    >>> unit_period("week", _dt.date(2025, 10, 21), -1)
    (datetime.date(2025, 10, 13), datetime.date(2025, 10, 19))
    """
    y, m = day.year, day.month
    if unit == "day":
        return _safe(lambda: (day + _dt.timedelta(days=offset), day + _dt.timedelta(days=offset)))
    if unit == "week":
        return _safe(lambda: _week(day, offset))
    if unit == "month":
        index = y * 12 + (m - 1) + offset
        return _month_interval(index // 12, index % 12 + 1)
    if unit == "quarter":
        index = y * 4 + (m - 1) // 3 + offset
        return _quarter_interval(index // 4, index % 4 + 1)
    if unit == "half":
        index = y * 2 + (m - 1) // 6 + offset
        return _half_interval(index // 2, index % 2 + 1)
    if unit == "year":
        return _year_interval(y + offset)
    if unit == "decade":
        return _decade_interval((y // 10 + offset) * 10)
    if unit == "century":
        return _century_interval((y - 1) // 100 + 1 + offset)
    return None


def _week(day: _dt.date, offset: int) -> Interval:
    monday = day - _dt.timedelta(days=day.weekday()) + _dt.timedelta(weeks=offset)
    return monday, monday + _dt.timedelta(days=6)


def _shift(day: _dt.date, unit: str, n: int) -> _dt.date | None:
    """*day* moved *n* units; a day the month does not have becomes its last (31 March less a
    month is 28 or 29 February, as with dateutil's ``relativedelta``); None out of range."""
    delta = _UNIT_DELTA.get(unit)
    if delta is None:
        return None
    months, days = delta
    try:
        if months:
            year, month = divmod(day.year * 12 + day.month - 1 + months * n, 12)
            month += 1
            return day.replace(year=year, month=month, day=min(day.day, _days_in_month(year, month)))
        return day + _dt.timedelta(days=days * n)
    except (ValueError, OverflowError):
        return None


def resolve_relative(
    relative: str, weekday: int | None, reference: _dt.date
) -> tuple[_dt.date | None, _dt.date | None] | None:
    """Resolve a ``relative`` notation (see the module docs) against *reference*.

    An open end of an interval (``year+1..``) stays None.

    >>> resolve_relative("ref-P3Y..ref", None, _dt.date(2025, 10, 21))
    (datetime.date(2022, 10, 21), datetime.date(2025, 10, 21))
    >>> resolve_relative("nearest", 5, _dt.date(2025, 10, 21))
    (datetime.date(2025, 10, 18), datetime.date(2025, 10, 18))
    >>> resolve_relative("year+1..", None, _dt.date(2025, 10, 21))
    (datetime.date(2026, 1, 1), None)
    """
    if ".." in relative:
        left, _, right = relative.partition("..")
        a = _anchor_bound(left, reference, first=True) if left else None
        b = _anchor_bound(right, reference, first=False) if right else None
        if (left and a is None) or (right and b is None) or (a is not None and b is not None and a > b):
            return None
        return a, b
    if relative == "nearest" and weekday is not None:
        day = _plus_days(reference, (weekday - reference.weekday() + 3) % 7 - 3)
        return None if day is None else (day, day)
    if relative == "latest":
        return None
    unit, sign, count = _split_unit(relative)
    if unit is None:
        return None
    period = unit_period(unit, reference, sign * count)
    if period is not None and weekday is not None and unit == "week":
        day = _plus_days(period[0], weekday)
        return None if day is None else (day, day)
    return period


def _plus_days(day: _dt.date, days: int) -> _dt.date | None:
    """*day* moved by *days*, or None past the calendar's ends (years 1 and 9999)."""
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        return None


def _split_unit(text: str) -> tuple[str | None, int, int]:
    for sign_char, sign in (("+", 1), ("-", -1)):
        unit, found, count = text.partition(sign_char)
        if found and count.isdigit() and unit in _UNIT_DELTA:
            return unit, sign, int(count)
    return None, 0, 0


def _anchor_bound(text: str, reference: _dt.date, *, first: bool) -> _dt.date | None:
    if text == "ref":
        return reference
    if text.startswith("ref") and len(text) > 5 and text[4] == "P":
        sign = 1 if text[3] == "+" else -1
        body = text[5:]
        number, unit_code = body[:-1], body[-1:]
        unit = {"D": "day", "W": "week", "M": "month", "Y": "year", "Q": "quarter"}.get(unit_code)
        if unit is None or not number.isdigit():
            return None
        return _shift(reference, unit, sign * int(number))
    if len(text) == 10 and text[4] == "-":
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            return None
    unit, sign, count = _split_unit(text)
    if unit is None:
        return None
    period = unit_period(unit, reference, sign * count)
    if period is None:
        return None
    return period[0] if first else period[1]


def _rel(unit: str, offset: int) -> str:
    return f"{unit}{'+' if offset >= 0 else '-'}{abs(offset)}"


def _ref_shift(unit: str, n: int) -> str:
    if unit == "century":  # ISO 8601 has no century designator: 100 years
        unit, n = "year", 100 * n
    return f"ref{'+' if n >= 0 else '-'}P{abs(n)}{_ISO_UNIT[unit]}"


def _roman(text: str) -> int | None:
    """A Roman numeral (Latin or Cyrillic І, Х letters) as an int, or None when malformed."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "і": 1, "х": 10}
    total = 0
    previous = 0
    for ch in reversed(text.lower()):
        value = values.get(ch)
        if value is None:
            return None
        if value < previous:
            total -= value
        else:
            total += value
            previous = value
    return total if _to_roman(total) == text.lower().replace("і", "i").replace("х", "x") else None


_ROMAN_STEPS = (
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _to_roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN_STEPS:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


# --- the grammar, compiled once per Rules ------------------------------------------------


def _abbr(words: Iterable[str]) -> str:
    """Abbreviations with their period (қаз., ж.); at the very end of the text the period may
    be left to the sentence (``parse_date("2025 ж.")`` reads ``2025 ж`` plus a full stop)."""
    stems = [w[:-1] if w.endswith(".") else w for w in words]
    if not stems:
        return "(?!)"
    return rf"(?:(?:{alternation(stems)})(?:(?=\.?[ \t]{{0,8}}\Z)|\.))"


_Entry = tuple[int, str, Any, dict[str, int]]  # branch index, name, compiled pattern, its groupindex
# What a trigger tries: whether the year-scope branches come into question (0: no; 1: yes, the
# word after the year says which; 2: yes, all of them), and the other branches.
_Plan = tuple[int, tuple[_Entry, ...]]
_Plans = tuple[_Plan, _Plan]  # (running text, parse_date): "many" only in the second


@attrs.frozen(eq=False)
class _Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[int]
    weekdays: dict[str, int]
    ambiguous_weekdays: frozenset[int]
    relative: dict[str, tuple[str, int]]
    modifiers: dict[str, int]
    span_modifiers: dict[str, int]
    vague_modifiers: dict[str, int]
    units: dict[str, str]
    alone_units: frozenset[str]
    period_ordinals: dict[str, int]
    parts: dict[str, str]
    day_periods: dict[str, tuple[str, bool, bool]]
    postpositions: dict[str, str]
    seasons: dict[str, tuple[int, int]]
    scope_re: Any  # the year slot that starts the year-scope branches (+ the word after it): once per trigger
    scope_readings: tuple[Any, ...]  # scope_re, one reading of the year slot each (see _candidates)
    branches: tuple[tuple[str, Any], ...]
    trigger_res: tuple[Any, ...]
    roman_re: Any
    roman_scan: re.Pattern[str] | None  # None: the word scan finds the Roman numerals too
    mask_re: Any
    # What may follow a space after a masked numeral in mask_re: a space, a dash or a head word
    # of one letter; the first two letters of a longer head word.
    mask_after_space: frozenset[str]
    mask_head_starts: frozenset[str]
    word_at: re.Pattern[str]  # the trigger words (and Roman numerals) at the start of the text
    word_scan: re.Pattern[str]  # ... after any character that is not a letter or a digit
    word_initials_plain: bool  # every trigger word starts with a word character (as regex sees it)
    # What each trigger tries: a _Plan per trigger (and for the running text and parse_date).
    word_plans: dict[str, tuple[Any, _Plans]]  # word -> (gate regex or None, plans)
    # A trigger word -> the word after it (its head, "#number", "#dash", "") -> plans (none: no branch).
    follow_plans: dict[str, dict[str, _Plans]]
    month_next: Any  # after a month word's letters: a dash, ай, or a day (see month_plans)
    month_plans: dict[str, dict[str | None, _Plans]]  # month word -> month_next's lastgroup -> plans
    scope_tails: dict[str | None, tuple[_Entry, ...]]  # the word after the year scope -> year branches
    year_entries: tuple[_Entry, ...]  # every year-scope branch
    jyl_words: frozenset[str]  # words whose plan differs when жыл follows (word + " ")
    digit_plans: dict[str, _Plans]  # "year", "hundreds", or the character after 1-2 digits
    # (the head word after a numeral in words, the year scope and "ago" flags, whether the
    # numeral is 1000-2999, whether it is an ordinal) -> plans
    mask_plans: dict[tuple[str, bool, bool, bool, bool], _Plans]
    # (the head word after 1-2 digits and a space, "ago" flag, a year after the month)
    small_plans: dict[tuple[str, bool, bool], _Plans]
    dash_plans: dict[tuple[bool, ...], _Plans]  # after 1-2 digits and a hyphen: the flags in dash_flags
    dash_flags: tuple[str, ...]
    year_plans: dict[tuple[str, bool], _Plans]  # (the year word after 4 digits, year scope flag)
    mask_dash_plans: _Plans  # a dash after a numeral in words
    quote_plans: _Plans
    roman_plans: _Plans
    classifiers: dict[str, tuple[int, ...]]  # branch -> _classifier_groups
    mask_groups: dict[str, tuple[int, ...]]  # branch -> the numbers of its groups of masks (numerals in words)
    drafts: dict[tuple[Any, ...], tuple[Any, ...] | None]  # see _draft
    postposition_re: Any
    # What may follow the first space of postposition_re: a space or a postposition of one
    # letter; the first two letters of a longer one.
    postposition_initials: frozenset[str]
    postposition_starts: frozenset[str]
    range_join_re: Any
    range_end_re: Any
    joiner_re: Any


def _prefix_lookup(table: Mapping[str, Any], token: str) -> Any:
    """The value of the longest key of *table* that starts *token*."""
    for size in range(min(len(token), 24), 0, -1):
        hit = table.get(token[:size])
        if hit is not None:
            return hit
    return None


def _build(rules: Rules) -> _Lexicon:
    cal = rules.table("calendar")
    end = ending_chain(rules)
    end1 = ending_chain(rules, minimum=1)

    def infl(stems: Iterable[str]) -> str:
        return inflected(list(stems), rules, guard=False)

    # Calendar words take every ending but the accusative (жұмады "closed", кешені "complex"
    # are not dates); the stem is still softened before a vowel (қыркүйегінде).
    date_groups = ("plural", "possessive3", "genitive", "dative", "locative", "ablative", "attributive")
    date_morphs = [e for g in date_groups for e in rules.table("morphology")["endings"].get(g, ())]
    date_chain = f"(?:{alternation(date_morphs)}){{0,4}}"
    date_vowel_chain = f"(?=[аәеиоөұүыіэюя])(?:{alternation(date_morphs)}){{1,4}}"

    def dated(stems: Iterable[str]) -> str:
        plain: list[str] = []
        soft: list[str] = []
        for stem in stems:
            base, softened = stem_variants(stem, rules)
            plain.append(base)
            if softened:
                soft.append(softened)
        body = f"(?:{alternation(plain)}){date_chain}"
        if soft:
            body = f"(?:{body}|(?:{alternation(soft)}){date_vowel_chain})"
        return body

    # Month and weekday tokens: every stem (and its softened form) and the abbreviations.
    months: dict[str, int] = {}
    month_stems: list[str] = []
    plain_month_stems: list[str] = []
    abbreviations: list[str] = []
    ambiguous_months = set()
    for entry in cal.get("months", {}).values():
        stems = [entry["stem"], *entry.get("variants", ())]
        for stem in stems:
            base, soft = stem_variants(stem, rules)
            months[base] = entry["number"]
            if soft:
                months[soft] = entry["number"]
        month_stems.extend(stems)
        if not entry.get("ambiguous", False):
            plain_month_stems.extend(stems)
        else:
            ambiguous_months.add(entry["number"])
        abbreviations.append(entry["abbreviation"])
        months[entry["abbreviation"].rstrip(".")] = entry["number"]
    weekdays: dict[str, int] = {}
    weekday_abbreviations: dict[str, int] = {}
    ambiguous_weekdays = set()
    for entry in cal.get("weekdays", {}).values():
        weekdays[entry["stem"]] = entry["number"]
        weekday_abbreviations[entry["abbreviation"]] = entry["number"]
        if entry.get("ambiguous", False):
            ambiguous_weekdays.add(entry["number"])
    relative: dict[str, tuple[str, int]] = {}
    for entry in cal.get("relative", {}).values():
        for word in entry["words"]:
            relative[word] = (entry["unit"], entry["offset"])
    units: dict[str, str] = {}
    alone_units = set()
    for entry in cal.get("units", {}).values():
        for stem in entry["stems"]:
            units[stem] = entry["unit"]
            base, soft = stem_variants(stem, rules)
            if soft:
                units[soft] = entry["unit"]
            if entry.get("alone", False):
                alone_units.add(stem)
    periods = cal.get("periods", {})
    parts = dict(cal.get("parts", {}))
    day_periods: dict[str, tuple[str, bool, bool]] = {}
    for key, entry in cal.get("day_periods", {}).items():
        for word in entry["words"]:
            day_periods[word] = (key, entry.get("pm", False), entry.get("alone", False))
    postpositions = dict(cal.get("postpositions", {}))
    seasons: dict[str, tuple[int, int]] = {}
    season_forms: list[str] = []
    for entry in cal.get("seasons", {}).values():
        seasons[entry["stem"]] = (entry["months"][0], entry["months"][1])
        forms = [entry["stem"] + e for e in entry["endings"]]
        if entry.get("bare", False):
            forms.append(entry["stem"])
        season_forms.extend(forms)
    modifiers = dict(cal.get("modifiers", {}))
    period_ordinals = dict(cal.get("period_ordinals", {}))

    # Endings after the relative words (бүгінгі, кешегі, былтырдан): an attributive, then at
    # most one case ending, so that кешені, кешенді ("complex") are not кеше + ending.
    table = rules.table("morphology")["endings"]
    cases_alt = alternation(
        e for g in ("dative", "locative", "ablative", "genitive") for e in table.get(g, ()) if len(e) > 1
    )
    rel_end = f"(?:{alternation(table.get('attributive', ()))})?(?:{cases_alt})?"
    rel_year_attr = f"(?:{alternation(table.get('attributive', ()))}|{alternation(table.get('genitive', ()))})"

    # --- slots ---------------------------------------------------------------------------
    month_tok = f"(?:{dated(month_stems)}{_NA}|{_abbr(abbreviations)})"
    month_plain_tok = f"(?:{dated(plain_month_stems)}{_NA})"
    genitive = alternation(table.get("genitive", ()))
    month_gen_tok = f"(?:(?:{alternation(month_stems)})(?:{genitive}){_NA}|(?:{month_tok}){_S}айының{_NA})"
    weekday_tok = f"(?:{dated(weekdays)}{_NA})"
    jyl = (
        f"(?:{infl(periods.get('year', ('жыл',)))}{_NA}|{_abbr(periods.get('years_abbreviations', ()))}|"
        f"{_abbr(periods.get('year_abbreviations', ()))})"
    )
    ai = f"{infl(periods.get('month', ('ай',)))}{_NA}"
    day_word = f"{infl(periods.get('day', ('күн',)))}{_NA}"
    dom_word = f"{infl(periods.get('day_of_month', ('жұлдыз',)))}{_NA}"
    day_tail = f"(?:{_S}(?:(?P<dk>{day_word})|{dom_word}))?"
    modifiers_alt = alternation(modifiers)
    rel_day_words = [w for w, (u, _) in relative.items() if u == "day"]
    rel_day = alternation(rel_day_words)
    rel_year = alternation(w for w, (u, _) in relative.items() if u == "year")
    part_stems = []
    for stem in parts:
        base, soft = stem_variants(stem, rules)
        if base[-1] in "аәеиоөұүыіэюя":
            part_stems.append(f"{regex.escape(base)}(?:сы|сі)")
        else:
            part_stems.append(f"(?:{regex.escape(soft or base)})(?:ы|і)")
    part_tok = f"(?P<part>(?:{'|'.join(part_stems)}){end}{_NA})"
    q_words = periods.get("quarter", ("тоқсан",))
    quarter_tok = f"(?P<q>{infl(q_words)}{_NA}|{_abbr(periods.get('quarter_abbreviations', ()))})"
    half_tok = f"(?P<h>{infl(periods.get('half', ('жарты',)))}{_NA})"
    century_abbr = _abbr(periods.get("century_abbreviations", ()))
    century_tok = f"(?:{infl(periods.get('century', ('ғасыр',)))}{_NA}|{century_abbr})"
    ordinals_alt = alternation(period_ordinals)
    unit_tok = f"(?P<u>{alternation(units)})(?P<ue>{end}){_NA}"
    alone_unit_tok = f"(?P<u>{alternation(alone_units)})(?P<ue>{end}){_NA}"
    number_tok = rf"(?:(?P<n>{_ND_BEFORE}\d{{1,3}}){_ND_AFTER}|(?P<nw>{_MASK_CARDINAL}{_RUN}))"
    number2_tok = rf"(?:{_HY}(?:(?P<n2>\d{{1,3}}){_ND_AFTER}|(?P<nw2>{_MASK_CARDINAL}{_RUN})))?"
    range_words = alternation(periods.get("range", ("аралығ",)))

    def year(s: str = "", forms: str = jyl) -> str:
        return (
            rf"(?:(?P<y{s}>{_ND_BEFORE}\d{{4}})(?:-{_ORD})?{_ND_AFTER}{_S0}|(?P<yw{s}>{_MASKS}{_RUN}){_S})"
            rf"(?P<jyl{s}>{forms})"
        )

    # A year that scopes a date carries the genitive or attributive (2025 жылғы 21 қазанда,
    # 2025 жылдың қаңтарында, өткен жылдың көктемінде) or is the CLDR "2025 ж.".  "2025 жылы
    # қыркүйекте" is two mentions, "in 2025" and "in September", the second taking its year
    # from the first (KazNERD tags them apart too).
    year_word_list = tuple(periods.get("year", ("жыл",)))
    year_words = alternation(year_word_list)
    ago_posts = alternation(periods.get("ago", ()))  # after "3 күн": 3 күн бұрын, 2 жылдан кейін
    ago_exact = tuple(periods.get("ago_exact", ()))
    jyl_scope = (
        f"(?:(?:{year_words})(?:{alternation([*table.get('attributive', ()), *table.get('genitive', ())])}){_NA}"
        f"|{_abbr(periods.get('year_abbreviations', ()))})"
    )
    year_readings = (
        year(forms=jyl_scope),
        rf"{_NB}(?P<ry>{rel_year}){rel_year_attr}{_NA}",
        rf"{_NB}(?P<ymod>{modifiers_alt}){_S}(?P<jylr>{jyl_scope})",
        rf"{_NB}(?P<jyl0>{year_words})(?:дың|дің){_NA}",
    )
    year_slot = f"(?:{'|'.join(year_readings)})"

    def day(s: str = "") -> str:
        return (
            rf"(?:(?P<d{s}>{_ND_BEFORE if not s else ''}(?:0?[1-9]|[12]\d|3[01]))(?!\d)"
            rf"(?:[-–](?=\p{{L}})(?:{_ORD})?{end}{_NA})?"
            rf"|(?P<dw{s}>{_MASKS}{_RUN})|«(?P<dq{s}>\d{{1,2}})»)"
        )

    day_range = rf"{day()}(?:{_HY}{day('2')})?"

    range_tail = rf"(?:{_S}(?:(?:{range_words}){end}|арасында|арасындағы){_NA})?"

    def month(s: str = "") -> str:
        return f"(?P<m{s}>{_NB}{month_tok})"

    month_range = rf"{month()}(?:{_HY}{month('2')})?(?:{_S}(?P<ai>{ai}))?(?(m2){range_tail})"
    day_range_tail = rf"(?(d2){range_tail}|(?(dw2){range_tail}))"

    def clock(s: str = "") -> str:
        return (
            rf"(?P<hh{s}>{_ND_BEFORE if not s else ''}(?:[01]?\d|2[0-3]))"
            rf"(?P<sep{s}>[:.]|-(?=\d\d))(?P<mi{s}>[0-5]\d)"
            rf"(?::[0-5]\d)?{_ND_AFTER}(?:[-–]?(?P<te{s}>{end1}){_NA})?"
        )

    day_period_alt = alternation(day_periods)
    sagat_words = tuple(periods.get("hour", ("сағат",)))
    sagat = alternation(sagat_words)
    time_prefix = rf"(?:{_NB}(?P<dp>{day_period_alt}){_S})?(?:{_NB}(?P<sag>{sagat}){_S})?"
    # After a date and a comma, the CLDR abbreviations (сс, жм) are safe to read (yMMMEd).
    weekday_abbr = alternation(e["abbreviation"] for e in cal.get("weekdays", {}).values())
    weekday_tail = rf"(?:{_S0},?{_S}(?P<wd>{_NB}(?:{weekday_tok}|(?:{weekday_abbr}){_NA})))?"
    during = alternation(w for w, role in postpositions.items() if role == "during") or "(?!)"
    season_tok = rf"(?P<sn>{_NB}(?:{alternation(season_forms)}){_NA})" if season_forms else "(?!)"
    cent = (
        rf"(?:{_NB}(?P<cr>{_ROMAN}){_NA}|(?P<cw>{_MASK_ORDINAL}{_RUN})|(?P<cd>{_ND_BEFORE}\d{{1,2}})-{_ORD}"
        rf"|{_NB}(?P<cm>{modifiers_alt}))"
        rf"(?:{_HY}(?:(?P<cr2>{_ROMAN}){_NA}|(?P<cw2>{_MASK_ORDINAL}{_RUN})|(?P<cd2>\d{{1,2}})-{_ORD}))?{_S}"
        rf"(?P<cent>{_NB}{century_tok})"
    )
    qord = (
        rf"(?:{_NB}(?P<qr>{_ROMAN}){_NA}{_S0}|(?P<qd>{_ND_BEFORE}[1-4])-(?:{_ORD}-?)?{_S0}"
        rf"|(?P<qw>{_MASK_ORDINAL}{_RUN}){_S}|{_NB}(?P<qo>{ordinals_alt}){_S})"
    )
    hord = (
        rf"(?:(?P<hd>{_ND_BEFORE}[12])-(?:{_ORD})?{_S0}|(?P<hw>{_MASK_ORDINAL}{_RUN}){_S}"
        rf"|{_NB}(?P<ho>{ordinals_alt}){_S})"
    )

    branch_list: list[tuple[str, str]] = [
        # 2025 жылғы 21 қазанда; 2025 ж. 21 қазан, сейсенбі; 2025 жылдың 3 қаңтарда
        (
            "ydm",
            rf"{year_slot}{_S}{day_range}(?:{_S}|-){month()}(?:{_S}(?P<ai>{ai})|{day_tail}){weekday_tail}"
            rf"{day_range_tail}",
        ),
        # 1939 жылы тамыздың 23 жұлдызында; 2025 жылдың қазан айының 21-і
        ("ymgd", rf"{year_slot}{_S}(?P<m>{_NB}{month_gen_tok}){_S}{day_range}{day_tail}"),
        # 2024 жылғы маусымда; биылғы қыркүйекте; 2024 жылдың қаңтар-наурыз айларында
        ("ym", rf"{year_slot}{_S}{month_range}"),
        # 2025 жылдың 11 айында; биылғы 9 айда
        (
            "ynm",
            rf"{year_slot}{_S}(?:(?P<nm>{_ND_BEFORE}\d{{1,2}})|(?P<nmw>{_MASK_CARDINAL}{_RUN})){_S}(?P<nai>{ai})",
        ),
        # 2025 жылдың бірінші тоқсанында; өткен жылдың IV тоқсанында
        ("yq", rf"{year_slot}{_S}{qord}{quarter_tok}"),
        # 2025 жылдың екінші жартысында
        ("yh", rf"{year_slot}{_S}{hord}{half_tok}"),
        # 2025 жылдың басында; өткен жылдың соңында
        ("ypart", rf"{year_slot}{_S}{part_tok}"),
        # 21 қазан 2025 жыл; Сенбі, 20 қыркүйек, 2014 жыл; 21 Ақпан, 2025
        (
            "dmy",
            rf"(?:(?P<wd>{_NB}{weekday_tok}){_S0},?{_S})?{day_range}(?:{_S}|-){month()}{_S0},?{_S}"
            rf"(?P<y>{_ND_BEFORE}\d{{4}}){_ND_AFTER}(?:{_S0}(?P<jyl>{jyl}))?",
        ),
        # қазанның 21-і; Наурыздың 22-сі күні; ақпан айының 27-сі күні
        ("mgd", rf"(?P<m>{_NB}{month_gen_tok}){_S}{day_range}{day_tail}"),
        # 3 шілдеде; 2-3 наурызда; 16 қараша күні; 5-қараша; жиырма жетінші наурызда
        (
            "dm",
            rf"{day_range}(?:{_S}|-){month()}(?:{_S}(?P<ai>{ai})|{day_tail}){weekday_tail}{day_range_tail}",
        ),
        # қаңтар-наурыз айларында; қыркүйек айында
        ("mm", rf"{month()}{_HY}{month('2')}(?:{_S}(?P<ai>{ai}))?{range_tail}"),
        ("mai", rf"{month()}{_S}(?P<ai>{ai})"),
        # қыркүйекте, қарашадан (a month that is never anything else)
        ("mbare", rf"(?P<m>{_NB}{month_plain_tok})"),
        # қазан alone: only when the whole string is asked to be a date (parse_date)
        ("many", rf"(?P<m>{_NB}{month_tok})"),
        # 2020-2025 жылдары; 2015-2024 жылдар аралығында
        (
            "yy",
            rf"(?:(?P<y>{_ND_BEFORE}\d{{4}})|(?P<yw>{_MASKS}{_RUN})){_HY}"
            rf"(?:(?P<y2>\d{{4}})(?:-{_ORD})?{_ND_AFTER}{_S0}|(?P<yw2>{_MASKS}{_RUN}){_S})(?P<jyl>{jyl})"
            rf"(?:{_S}(?P<rng>{_NB}(?:{range_words}){end}{_NA}))?",
        ),
        # ХХ ғасырдың 30-жылдары; 90-жылдары; тоқсаныншы жылдардың басында; 1990 жылдары
        (
            "decade",
            rf"(?:{cent}{_S})?(?:(?P<dec>{_ND_BEFORE}\d{{0,3}}0)(?:-{_ORD})?(?:-|{_S})|(?P<decw>{_MASK_ORDINAL}{_RUN}){_S})"
            rf"(?P<jylp>жылдар{end}{_NA})(?:{_S}{part_tok})?",
        ),
        # XXI ғасыр; ХХ ғасырдың басында; өткен ғасырда
        ("century", rf"{cent}(?:{_S}{part_tok})?"),
        # бірінші тоқсанда; І тоқсан; 3-тоқсан
        ("quarter", rf"{qord}{quarter_tok}"),
        # екінші жартысында; алғашқы жартыжылдықта
        ("half", rf"{hord}{half_tok}"),
        # өткен жылдың көктемінде; 2025 жылдың жазында
        ("yseason", rf"{year_slot}{_S}{season_tok}(?:{_S}{part_tok})?"),
        # осы күзде; өткен қыста; биылғы қыстың
        ("modseason", rf"{_NB}(?P<mod>{modifiers_alt}){_S}{season_tok}(?:{_S}{part_tok})?"),
        # көктемде, қыс; қыс айларында, жаз айлары, жаз бойы (the bare stem too); қыстың күндері
        (
            "season",
            rf"(?:(?P<sn>{_NB}(?:{alternation(seasons)})){_S}(?P<ai>{ai})"
            rf"|(?P<sn>{_NB}(?:{alternation(seasons)}))(?={_S}(?:{during}){_NA})"
            rf"|(?P<sn>{_NB}(?:{alternation(seasons)})(?:{genitive})){_S}(?P<sk>күн(?:і|дер){end}{_NA})"
            rf"|{season_tok}(?:{_S}{part_tok}|{_S}(?P<ai>{ai}))?)",
        ),
        # өткен ақпанда; осы қаңтар; келесі наурызда
        ("modmonth", rf"{_NB}(?P<mod>{modifiers_alt}){_S}{month()}(?:{_S}(?P<ai>{ai}))?"),
        # жыл басынан (бері); жыл соңына (дейін)
        ("upart", rf"{_NB}(?P<pu>жыл|ай|апта){_S}{part_tok}"),
        # бүгін-ертең
        ("relrange", rf"{_NB}(?P<rel>{rel_day}){_HY}(?P<rel2>{rel_day}){rel_end}{_NA}"),
        # бүгін, бүгінгі күні, кеше, ертең, бүрсігүні, алдыңғы күні
        (
            "relday",
            rf"{_NB}(?P<rel>{rel_day}){rel_end}{_NA}(?:{_S}(?P<relk>(?:күн{end}|таңда(?:ғы)?){_NA}))?",
        ),
        # биыл, былтыр, биылғы жыл, былтырдан
        ("relyear", rf"{_NB}(?P<rel>{rel_year}){rel_end}{_NA}(?:{_S}(?P<relk>жыл{end}{_NA}))?"),
        # алдағы жылдары; соңғы жылдары; кейінгі жылдарда
        (
            "vague",
            rf"{_NB}(?P<vmod>{alternation(cal.get('vague_modifiers', {}))}){_S}"
            rf"(?P<u>жыл|ай|күн)(?P<ue>дар{end}|дер{end}){_NA}",
        ),
        # соңғы үш жылда; соңғы 11 айда; алдағы 3 жылға; соңғы бір айдың ішінде
        (
            "spann",
            rf"{_NB}(?P<smod>{alternation(cal.get('span_modifiers', {}))}){_S}{number_tok}{number2_tok}"
            rf"{_S}{unit_tok}"
            rf"(?:{_S}(?P<inside>{alternation(periods.get('within', ()))}){_NA})?",
        ),
        # 3 күн бұрын; 2 жылдан кейін; 10 жылдан бері; осыдан бір ай бұрын
        (
            "ago",
            rf"(?:{_NB}(?:{alternation(ago_exact)}){_S})?{number_tok}{number2_tok}{_S}{unit_tok}{_S}"
            rf"(?P<post>{ago_posts}){_NA}",
        ),
        # өткен жылы; келесі айда; осы аптада; өткен ғасырда
        ("modunit", rf"{_NB}(?P<mod>{modifiers_alt}){_S}{alone_unit_tok}(?:{_S}{part_tok})?"),
        # өткен жұмада; келесі сейсенбіде
        (
            "modwd",
            rf"{_NB}(?P<mod>{modifiers_alt}){_S}(?P<wd>{_NB}{weekday_tok})(?:{_S}(?P<wdk>{day_word}))?",
        ),
        # сенбі күні; дүйсенбіде
        ("weekday", rf"(?P<wd>{_NB}{weekday_tok})(?:{_S}(?P<wdk>{day_word}))?"),
        # 21.10.2025; 21.10.25; 2025-10-21; 2011.19.01 (legal: year.day.month); with a time
        (
            "numeric",
            rf"(?:(?P<nd>{_ND_BEFORE}\d{{1,2}})\.(?P<nmo>\d{{1,2}})\.(?P<ny>\d{{4}}|\d\d)(?!\d|[.,]\d)"
            rf"|(?P<iy>{_ND_BEFORE}\d{{4}})-(?P<imo>\d\d)-(?P<id>\d\d)(?![\d])"
            rf"|(?P<ly>{_ND_BEFORE}\d{{4}})\.(?P<ld>\d\d)\.(?P<lmo>\d\d)(?:\.(?![ \t]{{0,8}}\Z))?(?![\d]))"
            rf"(?:{_S0}(?P<jyl>{jyl}))?{weekday_tail}",
        ),
        # 2025 жылы, 2021 жылдың, 2025 ж., екі мың жиырма бесінші жылы
        ("year", year()),
        # сағат 10:00-де; 09:00-ден 18:30-ға дейін; 22:15 - 22:30; кешкі сағат 19:00
        (
            "time",
            rf"{time_prefix}{clock()}(?:(?P<join>{_HY}|{_S}(?:(?:мен|бен|пен){_S})?)(?:{sagat}{_S})?{clock('2')}"
            rf"(?:{_S}(?:арасында|аралығында){_NA})?)?",
        ),
        # one clock time (when the range reading above fails)
        ("clock", rf"{time_prefix}{clock()}"),
        # сағат 12-де; таңғы сағат 5-те; кешкі 9-да; түскі 12-ге дейін
        (
            "hour",
            rf"(?:{_NB}(?P<dp>{day_period_alt}){_S}(?:(?P<sag>{sagat}){_S})?|{_NB}(?P<sag>{sagat}){_S})"
            rf"(?P<hh>{_ND_BEFORE}(?:[01]?\d|2[0-3]))[-–](?P<te>{end1}){_NA}",
        ),
        # таңғы сағат сегізде; кешкі тоғыздан; сағат он бірге дейін (an hour in words, with its case)
        (
            "hourw",
            rf"(?:{_NB}(?P<dp>{day_period_alt}){_S}(?:(?P<sag>{sagat}){_S})?|{_NB}(?P<sag>{sagat}){_S})"
            rf"(?P<hhw>{_MASK_CARDINAL}{{1,40}})(?![\p{{L}}\p{{M}}{_MASK_CARDINAL}])",
        ),
        # таңертең, кешке, түнде, түстен кейін
        ("daypart", rf"{_NB}(?P<dp>{day_period_alt}){_NA}"),
    ]
    compiled = tuple((name, regex.compile(pattern)) for name, pattern in branch_list)
    order = {name: i for i, (name, _) in enumerate(branch_list)}

    # Where a branch may start: one pass over the text finds these triggers, and only the
    # branches a trigger can start are tried there.
    year_starts = ("ydm", "ymgd", "ym", "ynm", "yq", "yh", "ypart", "yseason")
    starts: dict[str, set[str]] = {}
    # What each branch needs right after a trigger word of this group (once the word is read):
    # a kind of next word, a number ("number") or a dash ("dash"); None: nothing to check there.
    needs: dict[str, dict[str, set[str] | None]] = {}

    def add(words: Iterable[str], branches: Iterable[str], need: Mapping[str, set[str]] | None = None) -> None:
        branches = tuple(branches)
        for word in words:
            starts.setdefault(word, set()).update(branches)
            known = needs.setdefault(word, {})
            for branch in branches:
                wanted = (need or {}).get(branch)
                if branch in known and (known[branch] is None or wanted is None):
                    known[branch] = None
                else:
                    known[branch] = (known.get(branch) or set()) | wanted if wanted is not None else None

    add((w for w, (u, _) in relative.items() if u == "year"), (*year_starts, "relyear"))
    add((w for w, (u, _) in relative.items() if u == "day"), ("relday", "relrange"), {"relrange": {"dash"}})
    add(
        modifiers,
        (*year_starts, "modunit", "modwd", "decade", "century", "modseason", "modmonth"),
        {
            **{n: {"year"} for n in year_starts},
            "modunit": {"alone"},
            "modwd": {"weekday"},
            "decade": {"century", "dash"},
            "century": {"century", "dash"},
            "modseason": {"season"},
            "modmonth": {"month"},
        },
    )
    add(seasons, ("season",))
    add(cal.get("span_modifiers", {}), ("spann",), {"spann": {"number"}})
    add(cal.get("vague_modifiers", {}), ("vague",), {"vague": {"vague"}})
    add(ago_exact, ("ago",), {"ago": {"number"}})
    add(period_ordinals, ("quarter", "half"), {"quarter": {"quarter"}, "half": {"half"}})
    add(
        (
            k
            for k in months
            if k not in {e["abbreviation"].rstrip(".") for e in cal.get("months", {}).values()}
        ),
        ("mgd", "mm", "mai", "mbare", "many"),
    )
    add(weekdays, ("dmy", "weekday"))
    add(("жыл", "ай", "апта"), ("upart",), {"upart": {"part"}})
    add(year_word_list, year_starts)
    add(
        (*day_periods, *periods.get("hour", ("сағат",))),
        ("time", "clock", "hour", "hourw", "daypart"),
        {n: {"number", "hour"} for n in ("time", "clock", "hour", "hourw")},
    )
    # Digits: which branches depend on how many digits there are and what follows them (after
    # 1-2 digits and a hyphen, see dash_reads; a space then a dash is a range: 2 – 3 наурыз).
    digit_starts = {
        # (4 digits and a year word, with or without a hyphen and an ordinal ending, are the
        # "yh" triggers: see gate4 and year_plans)
        "year": ("yy", "decade", "numeric"),
        "small:": ("time", "clock"),
        "small.": ("numeric", "time", "clock"),
        "small ": ("dm", "dmy", "ago"),
        "hundreds": ("ago",),
    }
    # Modifiers: the year-scope branches only when жыл follows.
    year_scope_words = {w for w, (u, _) in relative.items() if u == "year"}
    word_branches: dict[str, tuple[int, ...]] = {}
    for word in starts:
        names = set().union(*(b for w, b in starts.items() if word.startswith(w)))
        word_branches[word] = tuple(sorted(order[n] for n in names))
    year_free = tuple(
        sorted(order[n] for n in ("modunit", "modwd", "decade", "century", "modseason", "modmonth"))
    )
    for word in modifiers:
        if not any(word.startswith(y) for y in year_scope_words):
            word_branches[word + " "] = word_branches[word]
            word_branches[word] = tuple(
                i for i in word_branches[word] if i in year_free or branch_list[i][0] in ("spann", "vague")
            )
    # --- gates: where a trigger cannot start any of its branches -----------------------
    # Most triggers start nothing (a number before a noun, осы before a verb): each trigger
    # is kept only when what follows it could continue one of its branches, which the
    # branches themselves would check at far greater cost.  A gate is a necessary condition
    # of a branch match, read off the branch patterns above: the separator, then the first
    # letters of the word that must come next (a "head": the stem of жыл, of a month, ...).
    def stem_forms(words: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for word in words:
            base, softened = stem_variants(word.lower(), rules)
            out.add(base)
            if softened:
                out.add(softened)
        return out

    def abbr_stems(words: Iterable[str]) -> set[str]:
        return {w[:-1] if w.endswith(".") else w for w in words}

    def heads(*groups: Iterable[str]) -> str:
        words = {w for group in groups for w in group if w}
        return f"(?:{trie(words)})" if words else "(?!)"

    year_head = {
        *stem_forms(year_word_list),
        *abbr_stems(periods.get("year_abbreviations", ())),
        *abbr_stems(periods.get("years_abbreviations", ())),
        "жылдар",
    }
    month_head = set(months)  # stems, softened stems, abbreviations without their period
    century_head = stem_forms(periods.get("century", ("ғасыр",))) | abbr_stems(periods.get("century_abbreviations", ()))
    quarter_head = stem_forms(q_words) | abbr_stems(periods.get("quarter_abbreviations", ()))
    half_head = stem_forms(periods.get("half", ("жарты",)))
    unit_head = set(units)
    part_head = stem_forms(parts)
    digit_or_mask = f"[\\d«{_MASK_CARDINAL}{_MASK_ORDINAL}]"
    dash_on = r"[ \t]{0,2}[-–—]"
    # After a 4-digit number: a year word (also after a hyphen and an ordinal ending: 2020-сыншы
    # жылы, 1990-жылдары), a dash (2020-2025, 2025-10-21), .MM.
    # Flags read at a head word (empty groups set when their look-ahead holds): the year
    # scope (жылғы, жылдың, ж.) for the year-scope branches, and "<count> <unit> бұрын" for "ago".
    ago_after = rf"[\p{{L}}\p{{M}}]++[ \t]{{1,3}}(?:{ago_posts}){_NA}"

    def flag(condition: str, name: str) -> str:
        return f"(?:(?={condition})(?P<{name}>))?"
    gate4 = (
        rf"(?:-(?:{_ORD})?)?[ \t]{{0,3}}{flag(jyl_scope, 'ys')}(?P<yh>{trie(year_head)})|[ \t]{{0,3}}[-–—]|\.\d"
    )
    # After 3 digits and a space or a hyphen: the count of "3 жыл бұрын", or a range (the
    # only branch here is "ago": after a hyphen it needs the second number).
    gate3 = rf"-[ \t]{{0,2}}{digit_or_mask}|[ ](?:[ \t]?[-–—]|[ \t]{{0,2}}(?={heads(unit_head)}){ago_after})"
    # After 1-2 digits: a clock time, a numeric date, a day before a month, a count before a
    # unit, 90-жылдары, 3-тоқсан, 2-жартысы, 21-ғасыр.
    small_heads = month_head | unit_head | {"жылдар"}  # after 1-2 digits and a space: what they count
    # After 1-2 digits and a hyphen, what follows says which branches can go on (each flag
    # is what some branches need there; several may hold): a number (a range of days or
    # counts, a clock time 10-30), a day's ending or a month (5-қараша, 25-і — 26-сы), a
    # quarter or a half (1-тоқсан), a century (20-сыншы ғасыр), жылдар (90-жылдары).
    dash_reads = {
        "xn": (rf"[ \t]{{0,2}}{digit_or_mask}", ("dm", "dmy", "ago", "time", "clock")),
        "xm": (
            rf"(?:[\p{{L}}\p{{M}}]++(?:[ \t]{{1,3}}|-))?{heads(month_head)}"
            rf"|[\p{{L}}\p{{M}}]++{dash_on}[ \t]{{0,2}}{digit_or_mask}",
            ("dm", "dmy"),
        ),
        "xq": (rf"(?:{_ORD}-?)?[ \t]{{0,2}}{heads(quarter_head, half_head)}", ("quarter", "half")),
        "xc": (rf"{_ORD}(?:{dash_on}|[ \t]{{1,3}}{heads(century_head)})", ("century", "decade")),
        "xd": (rf"(?:{_ORD}(?:-|[ \t]{{1,3}}))?жылдар", ("decade",)),
    }
    # After 1-2 digits, a space and a month: a year after the month (21 қазан, 2025) for dmy.
    year_after = r"[\p{L}\p{M}]++\.?[ \t]{0,2},?[ \t]{1,3}\d"
    gate2 = (
        rf":\d|\.\d"
        rf"|[-–](?={'|'.join(read for read, _ in dash_reads.values())})"
        rf"{''.join(flag(read, name) for name, (read, _) in dash_reads.items())}(?P<dx>)"
        rf"|[ \t](?:[ \t]?[-–—][ \t]{{0,2}}{digit_or_mask}"
        rf"|[ \t]{{0,2}}{flag(ago_after, 'sa')}{flag(year_after, 'sy')}(?P<sh>{trie(small_heads)}))"
    )
    # After a numeral in words: a year, month, century, quarter, half or unit word (the head
    # word says which branches can follow), or a dash (a range: every branch that has one).
    head_kinds: dict[str, set[str]] = {}
    for kind, words in (
        ("year", year_head),
        ("month", month_head),
        ("century", century_head),
        ("quarter", quarter_head),
        ("half", half_head),
        ("unit", unit_head),
    ):
        for word in words:
            head_kinds.setdefault(word, set()).add(kind)
    head_kinds.setdefault("жылдар", set()).add("decade")  # the decade branch reads жылдар itself
    mask_kinds = {
        "year": (*year_starts, "year"),
        "decade": ("decade",),
        "month": ("dm",),
        "century": ("century", "decade"),
        "quarter": ("quarter",),
        "half": ("half",),
        "unit": ("ago",),
    }
    mask_heads: dict[str, tuple[int, ...]] = {}
    for head in head_kinds:
        # The trie reads the longest head; a shorter one it starts with (ж. in жұма) counts too.
        names = {n for k, kinds in head_kinds.items() if head.startswith(k) for kind in kinds for n in mask_kinds[kind]}
        mask_heads[head] = tuple(sorted(order[n] for n in names))
    mask_dash = tuple(sorted(order[n] for n in ("dm", "yy", "decade", "century", "ago")))
    # 1-2 digits, a space and a month (3 шілдеде), a unit (3 күн бұрын) or жылдар (90 жылдары).
    small_kinds = {"month": ("dm", "dmy"), "unit": ("ago",), "decade": ("decade",)}
    small_space: dict[str, tuple[int, ...]] = {}
    for head in small_heads:
        kinds = {kind for k in small_heads if head.startswith(k) for kind in head_kinds[k]}
        small_space[head] = tuple(sorted({order[n] for kind in kinds for n in small_kinds.get(kind, ())}))
    gate_mask = (
        rf"[ \t]{{1,3}}{flag(jyl_scope, 'ks')}{flag(ago_after, 'ka')}(?P<kh>{trie(head_kinds)})"
        rf"|[ \t]{{0,2}}(?P<kd>[-–—])"
    )
    gate_roman = rf"{dash_on}|[ \t]{{1,3}}{heads(century_head)}|[ \t]{{0,2}}{heads(quarter_head)}"
    # One pass per kind of trigger: several simple passes are faster than one alternation.
    trigger_res = (
        regex.compile(
            rf"(?<!\d)(?:(?P<d4>\d{{4}})(?!\d)(?={gate4})|(?P<d3>\d{{3}})(?!\d)(?={gate3})"
            rf"|(?P<d2>\d{{1,2}})(?!\d)(?={gate2}))"
        ),
        regex.compile(r"(?P<q>«)(?=\d{1,2}»)"),
    )
    # Roman numerals: re finds the candidates (a run of Roman letters, no letter or digit on
    # either side, the gate after it) faster, in the word scan below when it can; regex
    # confirms each (\m, no mark after it).
    roman_re = regex.compile(rf"\m(?P<r>{_ROMAN}){_NA}(?={gate_roman})")
    roman_end = rf"(?![{_WORD_BEFORE}])(?={gate_roman})"
    roman_body = rf"[ivxlcіх]{{1,7}}{roman_end}"
    # A numeral in words starts a trigger where its mask starts (tried at each numeral found).
    mask_re = regex.compile(rf"(?<!{_MASKS}){_MASKS}++(?={gate_mask})")
    # A word trigger: a gate per set of branches it may start (None: some branch needs none).
    # Each branch's gate is a list of parts: the words that start it (None: a Roman numeral),
    # then what must follow them.
    num_after = rf"[ \t]{{1,3}}[\d{_MASK_CARDINAL}]"
    modifier_words = set(modifiers)
    century_rest = rf"{dash_on}|[ \t]{{1,3}}{heads(century_head)}"
    clock_rest = rf"[ \t]{{1,3}}(?:(?:{sagat})[ \t]{{1,3}})?[\d{_MASK_CARDINAL}]"
    Part = tuple[set[str] | None, str]
    word_parts: dict[str, list[Part]] = {
        **{
            n: [
                ({w for w, (u, _) in relative.items() if u == "year"}, f"(?:{rel_year_attr})"),
                (modifier_words, rf"[ \t]{{1,3}}{heads(year_head)}"),
                (set(year_word_list), "(?:дың|дің)"),
            ]
            for n in year_starts
        },
        "modunit": [(modifier_words, rf"[ \t]{{1,3}}{heads(alone_units)}")],
        "modwd": [(modifier_words, rf"[ \t]{{1,3}}{heads(stem_forms(weekdays))}")],
        "decade": [(modifier_words, century_rest), (None, century_rest)],
        "century": [(modifier_words, century_rest), (None, century_rest)],
        "modseason": [(modifier_words, rf"[ \t]{{1,3}}{heads(season_forms)}")],
        "modmonth": [(modifier_words, rf"[ \t]{{1,3}}{heads(month_head)}")],
        "spann": [(set(cal.get("span_modifiers", {})), num_after)],
        "vague": [(set(cal.get("vague_modifiers", {})), r"[ \t]{1,3}(?:жыл|ай|күн)")],
        "ago": [(set(ago_exact), num_after)],
        "quarter": [
            (set(period_ordinals), rf"[ \t]{{1,3}}{heads(quarter_head)}"),
            (None, rf"[ \t]{{0,2}}{heads(quarter_head)}"),
        ],
        "half": [(set(period_ordinals), rf"[ \t]{{1,3}}{heads(half_head)}")],
        "upart": [({"жыл", "ай", "апта"}, rf"[ \t]{{1,3}}{heads(part_head)}")],
        **{n: [({*day_periods, *sagat_words}, clock_rest)] for n in ("time", "clock", "hour", "hourw")},
        "daypart": [(set(day_periods), "")],
        # The word ends after its own endings (no letter after them: a weaker test than _NA,
        # which also refuses marks): бүгін, кешегі, but not кешенді; жазда, but not жазу.
        "relday": [(set(rel_day_words), rf"(?:{rel_end})(?![{_LETTERS}])")],
        "relrange": [(set(rel_day_words), dash_on)],
        "season": [
            (
                {stem},
                rf"(?:{alternation([*entry['endings'], *table.get('genitive', ())])})?(?![{_LETTERS}])",
            )
            for entry in cal.get("seasons", {}).values()
            for stem in (entry["stem"],)
        ],
    }

    def gate_of(parts: Iterable[Part]) -> str:
        return "|".join(
            f"{_ROMAN if words is None else f'(?:{alternation(words)})'}(?:{rest})" for words, rest in dict.fromkeys(
                (None if words is None else frozenset(words), rest) for words, rest in parts
            )
        )

    # The commonest trigger words (ай, жыл, осы, ...) are checked inside the scan: a plain
    # word gets its gate as a look-ahead after it (what its branches need once it is read).
    # "Plain" trigger words: made of letters, no shorter trigger word starts them, no Roman
    # numeral reading: every branch they start reads the word itself, then what follows it.
    plain_words = [
        word
        for word in starts
        if word.isalpha() and word[0] not in "ivxlcіх" and not any(word.startswith(k) and k != word for k in starts)
    ]
    guards: dict[str, str] = {}
    for word in plain_words:
        names = {branch_list[i][0] for w in (word, word + " ") for i in word_branches.get(w, ())}
        if any(n not in word_parts for n in names):
            continue
        rests = dict.fromkeys(rest for n in names for words, rest in word_parts[n] if words and word in words)
        if "" in rests:
            continue
        guards[word] = "|".join(f"(?:{rest})" for rest in rests) or "(?!)"
    # The other words are checked after the scan, one gate per set of branches.
    gate_res: dict[tuple[int, ...], Any] = {}
    word_gates: dict[str, Any] = {}
    for word, tried in word_branches.items():
        tried_names = [branch_list[i][0] for i in tried]
        if word.rstrip(" ") in guards or any(n not in word_parts for n in tried_names):
            word_gates[word] = None  # checked by the scan, or some branch needs no gate
            continue
        if tried not in gate_res:
            gate_res[tried] = regex.compile(gate_of(p for n in tried_names for p in word_parts[n]))
        word_gates[word] = gate_res[tried]
    # After a trigger word (осы, өткен, соңғы, бүгін, сағат): the next word says which of its
    # branches can follow (see needs).
    follow_kinds: dict[str, set[str]] = {}
    follow_words: Iterable[str]
    for kind, follow_words in (
        ("year", year_head),
        ("alone", alone_units),
        ("weekday", stem_forms(weekdays)),
        ("century", century_head),
        ("season", season_forms),
        ("month", month_head),
        ("vague", ("жыл", "ай", "күн")),
        ("part", part_head),
        ("quarter", quarter_head),
        ("half", half_head),
        ("hour", sagat_words),
    ):
        for word in follow_words:
            follow_kinds.setdefault(word, set()).add(kind)
    follow_re = (
        rf"(?:(?=[ \t]{{1,3}}(?P<fh>{trie(follow_kinds)}))|(?=[ \t]{{1,3}}(?P<fn>{digit_or_mask}))"
        rf"|(?=(?P<fx>{dash_on})))?"
    )
    # The word triggers (\m + the words): the standard re module runs this alternation twice as
    # fast as regex.  The scan reads the character before the word, which must not be a letter
    # or a digit: re skips quickly to such characters, while a look-behind would be tried at
    # every character (word_at reads a word at the very start of the text).  The rarer
    # characters regex also counts as word characters are checked on each hit (_word_triggers).
    word_body = rf"(?P<w>{trie(starts, guards)}){follow_re}"
    # The Roman numeral candidates join the scan (their own pass is saved) unless a trigger word
    # could hide one: a word whose first part is all Roman letters (the scan would read the
    # word and not try the numeral there), or with a Roman letter after a space or a hyphen
    # inside it (the scan goes on after the word).
    roman_free = all(
        not _ROMAN_RUN.fullmatch(part) if i == 0 else not part[:1] or part[0] not in _ROMAN_LETTERS
        for word in starts
        for i, part in enumerate(_NOT_WORD.split(word))
    )
    if roman_free:
        word_body = rf"{word_body}|(?P<r>{roman_body})"
    roman_scan = None if roman_free else re.compile(rf"[ivxlcіх](?<![{_WORD_BEFORE}].)[ivxlcіх]{{0,6}}{roman_end}")

    scoped = {order[n] for n in year_starts}

    def branch_entry(i: int) -> _Entry:
        name, pattern = compiled[i]
        return i, name, pattern, dict(pattern.groupindex)

    plan_cache: dict[tuple[tuple[int, ...], bool], _Plans] = {}

    def plans(tried: Iterable[int], *, one_scope: bool = True) -> _Plans:
        key = tuple(sorted(set(tried)))
        if (key, one_scope) not in plan_cache:
            year = (1 if one_scope else 2) if scoped & set(key) else 0

            def plan(strict: bool) -> _Plan:
                return year, tuple(
                    branch_entry(i) for i in key if i not in scoped and (strict or branch_list[i][0] != "many")
                )

            plan_cache[key, one_scope] = (plan(False), plan(True))
        return plan_cache[key, one_scope]

    # The year scope (2025 жылғы, биылғы, өткен жылдың, жылдың) is one reading at a number; a
    # word may start two (биылғы is биыл + ғы and a modifier before жылдың): then the word
    # after the scope does not choose among the branches, every one is tried.
    scope_kinds = (
        {w for w, (u, _) in relative.items() if u == "year"},
        set(modifiers),
        set(year_word_list),
    )

    def one_scope(word: str) -> bool:
        return sum(any(word.startswith(k) for k in kind) for kind in scope_kinds) <= 1

    follows: dict[str, set[str]] = {
        head: {kind for k, kinds in follow_kinds.items() if head.startswith(k) for kind in kinds}
        for head in follow_kinds
    }
    follows["#number"], follows["#dash"], follows[""] = {"number"}, {"dash"}, set()
    follow_plans: dict[str, dict[str, _Plans]] = {}
    for word in starts:  # what follows the word is read at its end
        if not word.isalpha() or word[0] in "ivxlcіх":
            continue  # (a Roman numeral reading reads the word itself)
        # The branches of a shorter trigger word inside this one (биыл in биылғы) read it and
        # its endings themselves: what follows does not choose among them.
        inner = {n for k in starts if word.startswith(k) and k != word for n in starts[k]}
        wanted = {n: None if n in inner else need for n, need in needs[word].items()}
        wanted.update(dict.fromkeys(inner))
        if all(wanted[n] is None for n in wanted):
            continue  # every branch checks the word's own endings: nothing to choose here
        for variant in (word, word + " "):
            if variant not in word_branches:
                continue
            choice: dict[str, _Plans] = {}
            for follow, kinds in follows.items():
                chosen = []
                for i in word_branches[variant]:
                    need = wanted[branch_list[i][0]]
                    if need is None or need & kinds:
                        chosen.append(i)
                if chosen:
                    choice[follow] = plans(chosen, one_scope=one_scope(word))
            follow_plans[variant] = choice

    # The word after the year scope -> the year branches that can go on with it.
    tail_kinds: dict[str, set[str]] = {}
    tail_words: Iterable[str]
    for tail_names, tail_words in (
        (("ymgd", "ym"), month_head),
        (("ypart",), part_head),
        (("yseason",), season_forms),
        (("yq", "yh"), period_ordinals),
    ):
        for word in tail_words:
            tail_kinds.setdefault(word, set()).update(tail_names)
    roman_letters = "ivxlcіх"
    scope_tails: dict[str | None, tuple[_Entry, ...]] = {}

    def year_entries(names: Iterable[str]) -> tuple[_Entry, ...]:
        return tuple(branch_entry(order[n]) for n in sorted(set(names), key=order.__getitem__))

    for tail in tail_kinds:
        names = {n for k, kinds in tail_kinds.items() if tail.startswith(k) for n in kinds}
        scope_tails[tail] = year_entries(names | ({"yq"} if tail[0] in roman_letters else set()))
    for ch in "0123456789" + _MASK_CARDINAL + _MASK_ORDINAL:
        scope_tails[ch] = year_entries(("ydm", "ynm", "yq", "yh"))
    scope_tails["«"] = year_entries(("ydm",))
    for ch in roman_letters:
        scope_tails.setdefault(ch, year_entries(("yq",)))
    scope_tail_re = (
        rf"(?P<tail>[\d«{_MASK_CARDINAL}{_MASK_ORDINAL}]|{heads(tail_kinds)}|[{roman_letters}])?"
    )

    # After a month word: its dated form ends where its letters end (stems and endings are
    # letters, and _NA follows), so what comes next says which month branches can go on: a
    # dash (mm), ай (mai), a day or айының (mgd).  Not for a word an abbreviation could also
    # read (қаз. is read with its period, which a word of letters cannot hold).
    month_reads = {"mm": "dash", "mai": "ai", "mgd": "ai num"}
    # mbare reads a month that is never anything else: маусым, қазан cannot start it.
    plain_month_forms = stem_forms(plain_month_stems)
    month_next = regex.compile(
        rf"[\p{{L}}\p{{M}}]*+(?:(?P<dash>{dash_on})|[ \t]{{1,3}}(?:(?P<ai>"
        rf"{heads(stem_forms(periods.get('month', ('ай',))), {'айының'})})|(?P<num>{digit_or_mask})))?"
    )
    abbreviation_stems = abbr_stems(abbreviations)
    month_plans: dict[str, dict[str | None, _Plans]] = {}
    if all(w.isalpha() for w in (*months, *date_morphs, *table.get("genitive", ()))):
        for word, tried in word_branches.items():
            names = {branch_list[i][0] for i in tried}
            if (
                not names & month_reads.keys()
                or not word.isalpha()
                or word in follow_plans
                or word_gates[word] is not None
                or any(a.startswith(word) for a in abbreviation_stems)
            ):
                continue
            if not any(word.startswith(form) for form in plain_month_forms):
                tried = tuple(i for i in tried if branch_list[i][0] != "mbare")
            month_plans[word] = {
                found: plans(
                    i
                    for i in tried
                    if branch_list[i][0] not in month_reads or found in month_reads[branch_list[i][0]].split()
                )
                for found in (None, "dash", "ai", "num")
            }
    digit_plans = {k: plans(order[n] for n in v) for k, v in digit_starts.items()}
    # After 4 digits and a year word: the year scope branches and the year (and the decade
    # before жылдар); the other 4-digit branches (yy, numeric) need a digit after the hyphen.
    # Any other continuation (a dash, .MM.) cannot be a year's (its year word comes first in
    # gate4): the other 4-digit branches.
    year_plans = {
        (head, scope): plans(
            order[n]
            for n in (*(year_starts if scope else ()), "year", *(("decade",) if head.startswith("жылдар") else ()))
        )
        for head in year_head
        for scope in (False, True)
    }
    scope_index = {order[n] for n in year_starts}

    def flagged(
        tried: tuple[int, ...], *, scope: bool = True, ago: bool = True, year: bool = True, ordinal: bool | None = None
    ) -> _Plans:
        """The plans for *tried* less the branches that cannot match: the year-scope branches
        without the scope flag, "ago" without its flag; at a numeral in words, the year
        branches unless it is 1000-2999, the ordinal ones (decade, century, quarter, half)
        unless it is an ordinal, "ago" if it is one."""
        out = set(tried)
        if not scope or not year:
            out -= scope_index
        if not year:
            out -= {order["year"], order["yy"]}
        if not ago or ordinal:
            out.discard(order["ago"])
        if ordinal is False:
            out -= {order[n] for n in ("decade", "century", "quarter", "half")}
        return plans(out)

    digit_plans["small\t"] = digit_plans["small "]
    post_re = regex.compile(rf"{_S}(?P<post>{alternation(postpositions)}){_NA}")
    range_join_re = regex.compile(rf"{_S}(?:мен|бен|пен){_S}\Z")
    range_end_re = regex.compile(rf"{_S}(?:(?:{range_words}){end}|арасында|арасындағы){_NA}")
    joiner_re = regex.compile(rf"{_S0},?{_S0}(?:күні{_S})?(?:шамамен{_S})?\Z")
    return _Lexicon(
        months=months,
        ambiguous_months=frozenset(ambiguous_months),
        weekdays={**weekday_abbreviations, **weekdays},
        ambiguous_weekdays=frozenset(ambiguous_weekdays),
        relative=relative,
        modifiers=modifiers,
        span_modifiers=dict(cal.get("span_modifiers", {})),
        vague_modifiers=dict(cal.get("vague_modifiers", {})),
        units=units,
        alone_units=frozenset(alone_units),
        period_ordinals=period_ordinals,
        parts={**parts, **{stem_variants(k, rules)[1] or k: v for k, v in parts.items()}},
        day_periods=day_periods,
        postpositions=postpositions,
        branches=compiled,
        trigger_res=trigger_res,
        roman_re=roman_re,
        roman_scan=roman_scan,
        word_at=re.compile(word_body),
        word_scan=re.compile(rf"[^{_WORD_BEFORE}](?:{word_body})"),
        mask_re=mask_re,
        mask_after_space=frozenset({" ", "\t", "-", "–", "—", *(head for head in head_kinds if len(head) == 1)}),
        mask_head_starts=frozenset(head[:2] for head in head_kinds if len(head) > 1),
        word_initials_plain=all(_WORD_CHAR.fullmatch(w[:1]) for w in starts),
        follow_plans=follow_plans,
        word_plans={
            w: (word_gates[w], plans(tried, one_scope=one_scope(w.rstrip())))
            for w, tried in word_branches.items()
        },
        month_next=month_next,
        month_plans=month_plans,
        scope_tails=scope_tails,
        year_entries=year_entries(year_starts),
        jyl_words=frozenset(w for w in word_branches if w + " " in word_branches),
        digit_plans={k[5:] if k.startswith("small") else k: v for k, v in digit_plans.items()},
        mask_plans={
            (head, scope, ago, year, ordinal): flagged(tried, scope=scope, ago=ago, year=year, ordinal=ordinal)
            for head, tried in mask_heads.items()
            for scope in (False, True)
            for ago in (False, True)
            for year in (False, True)
            for ordinal in (False, True)
        },
        small_plans={
            (head, ago, year): flagged(
                tuple(i for i in tried if year or branch_list[i][0] != "dmy"), ago=ago
            )
            for head, tried in small_space.items()
            for ago in (False, True)
            for year in (False, True)
        },
        dash_plans={
            flags: plans(
                order[n] for on, (_, names) in zip(flags, dash_reads.values(), strict=True) if on for n in names
            )
            for flags in itertools.product((False, True), repeat=len(dash_reads))
        },
        dash_flags=tuple(dash_reads),
        year_plans=year_plans,
        mask_dash_plans=plans(mask_dash),
        quote_plans=plans(order[n] for n in ("dm", "dmy")),
        roman_plans=plans(order[n] for n in ("decade", "century", "quarter")),
        seasons=seasons,
        scope_re=regex.compile(rf"{year_slot}{_S}{scope_tail_re}"),
        scope_readings=tuple(regex.compile(rf"{reading}{_S}{scope_tail_re}") for reading in year_readings),
        classifiers={name: _classifier_groups(name, pattern.groupindex) for name, pattern in compiled},
        mask_groups={
            name: tuple(dict.fromkeys(pattern.groupindex[g] for g in _MASK_GROUP.findall(pattern.pattern)))
            for name, pattern in compiled
        },
        drafts={},
        postposition_re=post_re,
        postposition_initials=frozenset({" ", "\t", *(w for w in postpositions if len(w) == 1)}),
        postposition_starts=frozenset(w[:2] for w in postpositions if len(w) > 1),
        range_join_re=range_join_re,
        range_end_re=range_end_re,
        joiner_re=joiner_re,
    )


def _lexicon(rules: Rules) -> _Lexicon:
    lexicon: _Lexicon = rules.compiled("dates.lexicon", _build)
    return lexicon


# --- word numerals, masked ---------------------------------------------------------------


@attrs.frozen
class _Masked:
    text: str
    values: dict[int, tuple[int, int | None, bool]]  # start -> (value, high, ordinal)
    endings: dict[int, str] = attrs.field(factory=dict)  # start -> the case ending the numeral carries
    ends: dict[int, int] = attrs.field(factory=dict)  # start -> end


def _mask(context: Any) -> _Masked:
    lower: str = context.text.lower
    values: dict[int, tuple[int, int | None, bool]] = {}
    endings: dict[int, str] = {}
    ends: dict[int, int] = {}
    parts: list[str] = []
    last = 0
    for m in find_numeral_matches(context):
        if not m.words or m.roman or m.start < last or not isinstance(m.value, int):
            continue
        word = lower[m.start : m.end]
        if not m.ordinal and m.value == 90 and m.tokens == 1 and " " not in word:
            continue  # тоқсан stays a word: a quarter after an ordinal, 90 elsewhere
        high = m.high if isinstance(m.high, int) else None
        values[m.start] = (m.value, high, m.ordinal)
        ends[m.start] = m.end
        if m.ending:
            endings[m.start] = m.ending
        parts.append(lower[last : m.start])
        parts.append((_MASK_ORDINAL if m.ordinal else _MASK_CARDINAL) * (m.end - m.start))
        last = m.end
    if not values:
        return _Masked(lower, values)
    parts.append(lower[last:])
    return _Masked("".join(parts), values, endings, ends)


# --- candidates --------------------------------------------------------------------------


@attrs.define
class _Draft:
    """A date as read from one match, before the reference date is applied."""

    start: int
    end: int
    rule: str
    grain: Grain
    absolute: Interval | None = None
    relative: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None
    qualifier: Qualifier = Qualifier.EXACT
    time_only: bool = False
    priority: int = 0
    anchor_make: Callable[[int], Interval | None] | None = None  # year -> interval, for "year±n"
    part: str | None = None  # start, middle or end (жыл басынан, ғасырдың аяғында)
    decade_in_century: int | None = None  # 90 in 90-жылдары
    post: str | None = None  # the role of a postposition after the date (since, up_to, ...)
    range_to: _Draft | None = None  # the end of a range (27 наурыз бен 4 сәуір аралығында)
    trim: int | None = None  # where the mention ends when no postposition follows its classifier
    closed_range: bool = False  # 09:00-ден 18:30-ға (дейін): the postposition ends the range


# The fields of a draft but where it starts and ends (what _draft remembers).
_DRAFT_FIELDS = operator.attrgetter(*(field.name for field in attrs.fields(_Draft)[2:]))


class _Reject(Exception):
    """The parts of a match do not make a date."""


class _Reader:
    """Reads the groups of one match into a :class:`_Draft`."""

    __slots__ = ("groups", "lex", "m", "masked", "names", "rules", "strict")

    def __init__(
        self,
        lex: _Lexicon,
        masked: _Masked,
        m: Any,
        strict: bool,
        rules: Rules,
        names: Mapping[str, int],
        groups: tuple[str | None, ...],
    ) -> None:
        self.lex = lex
        self.masked = masked
        self.m = m
        self.strict = strict
        self.rules = rules
        self.names = names  # the pattern's groupindex
        self.groups = groups  # m.groups(): one call (groupdict() is far slower)

    def g(self, name: str) -> str | None:
        """The text of group *name*, None when it did not match or the branch has no such group."""
        number = self.names.get(name)
        return None if number is None else self.groups[number - 1]

    def start_of(self, name: str) -> int:
        return int(self.m.start(name))

    def word_number(self, name: str, *, ordinal: bool | None = None) -> tuple[int, int | None]:
        found = self.masked.values.get(self.start_of(name))
        if found is None:
            raise _Reject
        value, high, is_ordinal = found
        if ordinal is not None and is_ordinal != ordinal:
            raise _Reject
        return value, high

    # --- slots ----------------------------------------------------------------------

    def year_slot(self, s: str = "") -> tuple[int | None, int | None]:
        """(absolute year, None) or (None, relative offset)."""
        if self.g("y" + s) is not None:
            return int(self.g("y" + s) or 0), None
        if self.g("yw" + s) is not None:
            value, _ = self.word_number("yw" + s)
            found = self.masked.values[self.start_of("yw" + s)]
            jyl = self.g("jyl" + s) or ""
            if value < 1000 or value > 2999 or (not found[2] and jyl in ("жыл", "")):
                raise _Reject
            return value, None
        rel = self.g("ry")
        if rel is not None:
            hit = _prefix_lookup(self.lex.relative, rel)
            if hit is None or hit[0] != "year":
                raise _Reject
            return None, int(hit[1])
        mod = self.g("ymod")
        if mod is not None:
            return None, self.lex.modifiers[mod]
        if self.g("jyl0") is not None:
            return None, 0  # жылдың екінші жартысында: of the year (this one)
        raise _Reject

    def month_of(self, name: str) -> int:
        token = self.g(name)
        if token is None:
            raise _Reject
        number = _prefix_lookup(self.lex.months, token)
        if number is None:
            raise _Reject
        return int(number)

    def day_of(self, s: str = "") -> int | None:
        if self.g("d" + s) is not None:
            value = int(self.g("d" + s) or 0)
        elif self.g("dq" + s) is not None:
            value = int(self.g("dq" + s) or 0)
        elif self.g("dw" + s) is not None:
            value, _ = self.word_number("dw" + s)
        else:
            return None
        if not 1 <= value <= 31:
            raise _Reject
        return value

    def weekday_of(self, name: str = "wd") -> int | None:
        token = self.g(name)
        if token is None:
            return None
        number = _prefix_lookup(self.lex.weekdays, token)
        if number is None:
            raise _Reject
        return int(number)

    def ordinal_of(self, prefix: str, high: int) -> int:
        """An ordinal from the groups ``<prefix>r`` (Roman), ``d`` (digit), ``w`` (words), ``o``."""
        if self.g(prefix + "r") is not None:
            value = _roman(self.g(prefix + "r") or "")
        elif self.g(prefix + "d") is not None:
            value = int(self.g(prefix + "d") or 0)
        elif self.g(prefix + "w") is not None:
            value = self.word_number(prefix + "w", ordinal=True)[0]
        elif self.g(prefix + "o") is not None:
            value = self.lex.period_ordinals.get(self.g(prefix + "o") or "")
        else:
            value = None
        if value is None or not 1 <= value <= high:
            raise _Reject
        return value

    def number_of(self) -> tuple[int, int | None]:
        if self.g("n") is not None:
            low = int(self.g("n") or 0)
            high: int | None = None
        else:
            low, high = self.word_number("nw", ordinal=False)
        if self.g("n2") is not None:
            high = int(self.g("n2") or 0)
        elif self.g("nw2") is not None:
            high = self.word_number("nw2", ordinal=False)[0]
        if low < 0 or (high is not None and high < low):
            raise _Reject
        return low, high


_UNREAD: tuple[Any, ...] = ("unread",)  # no entry yet in a memo (compared by identity)
_CLASSIFIERS = ("dk", "ai", "wdk")
# Drafts remembered per Rules (see _draft); the memo is emptied when it reaches this size.
_DRAFT_MEMO = 4096


def _classifier_groups(branch: str, names: Mapping[str, int]) -> tuple[int, ...]:
    """The group numbers of the trailing classifier nouns a *branch* may leave out (see _draft)."""
    return tuple(
        names[name]
        for name in _CLASSIFIERS
        if name in names and (name != "ai" or branch in ("mai", "mm", "dm", "mgd"))
    )


def _draft(
    lex: _Lexicon, masked: _Masked, m: Any, strict: bool, rules: Rules, entry: _Entry
) -> _Draft | None:
    """The date a match of a branch reads, or None when its parts do not make one.

    A builder reads the groups of the match, and for a numeral in words (a group of masks)
    the value and the ending found where the group starts.  So what it writes is remembered
    in ``lex.drafts`` per branch, strict flag, groups, and the numerals read with where they
    stand in the match (``2025 жылы``, ``кеше``, ``осы жылы`` come back in article after
    article); only where the mention starts and ends, and the trim of a trailing classifier,
    are read from the match each time.
    """
    index, branch, _, names = entry
    start, end = m.span()
    groups: tuple[str | None, ...] = m.groups()
    numerals: tuple[Any, ...] = ()
    for number in lex.mask_groups[branch]:
        if groups[number - 1] is not None:
            at = m.start(number)
            numerals += ((at - start, masked.values.get(at), masked.endings.get(at)),)
    memo = lex.drafts
    key = (index, strict, groups, numerals)
    fields = memo.get(key, _UNREAD)
    if fields is _UNREAD:
        d = _Draft(start, end, f"dates:{branch}", Grain.DAY)
        try:
            _BUILDERS[branch](_Reader(lex, masked, m, strict, rules, names, groups), d)
            fields = _DRAFT_FIELDS(d)
        except _Reject:
            fields = None
        if len(memo) >= _DRAFT_MEMO:
            memo.clear()
        memo[key] = fields
        if fields is None:
            return None
    elif fields is None:
        return None
    else:
        d = _Draft(start, end, *fields)
    text = masked.text
    if not strict:
        # A trailing classifier noun (16 қараша | күні, қыркүйек | айында, сенбі | күні) stays
        # outside the mention in running text, as KazNERD tags it, unless a postposition or
        # the end of a range follows (қараша айына дейін); parse_date accepts it.
        for number in lex.classifiers[branch]:
            if groups[number - 1] is not None and m.end(number) == end:
                cut = m.start(number)
                while cut > start and text[cut - 1] in " \t,":
                    cut -= 1
                d.trim = cut
    return d


def _set_year_scope(reader: _Reader, d: _Draft, grain: Grain, make: Callable[[int], Interval | None]) -> None:
    """Fill *d* from the year slot and a function from a year to the interval."""
    year, offset = reader.year_slot()
    d.grain = grain
    if year is not None:
        d.year = year
        d.absolute = make(year)
        if d.absolute is None:
            raise _Reject
    else:
        d.relative = _rel("year", offset or 0)
        d.anchor_make = make


def _b_ydm(r: _Reader, d: _Draft) -> None:
    month = r.month_of("m")
    first = r.day_of()
    last = r.day_of("2")
    if last is not None and first is not None and last <= first:
        raise _Reject
    d.month, d.day, d.weekday = month, first, r.weekday_of()
    assert first is not None
    _set_year_scope(r, d, Grain.DAY, lambda y: _day_interval(y, month, first, last))
    _check_weekday(d)


def _b_ymgd(r: _Reader, d: _Draft) -> None:
    _b_ydm(r, d)


def _b_ym(r: _Reader, d: _Draft) -> None:
    month = r.month_of("m")
    last = r.month_of("m2") if r.g("m2") is not None else None
    if last is not None and last <= month:
        raise _Reject
    d.month = month
    _set_year_scope(r, d, Grain.MONTH, lambda y: _month_interval(y, month, last))


def _b_ynm(r: _Reader, d: _Draft) -> None:
    count = int(r.g("nm") or 0) if r.g("nm") is not None else r.word_number("nmw", ordinal=False)[0]
    if not 1 <= count <= 12:
        raise _Reject
    _set_year_scope(r, d, Grain.MONTH, lambda y: _month_interval(y, 1, count))


def _b_yq(r: _Reader, d: _Draft) -> None:
    quarter = r.ordinal_of("q", 4)
    _set_year_scope(r, d, Grain.QUARTER, lambda y: _quarter_interval(y, quarter))


def _b_yh(r: _Reader, d: _Draft) -> None:
    half = r.ordinal_of("h", 2)
    _set_year_scope(r, d, Grain.HALF, lambda y: _half_interval(y, half))


def _b_ypart(r: _Reader, d: _Draft) -> None:
    _set_year_scope(r, d, Grain.YEAR, _year_interval)
    d.part = _part(r)


def _part(r: _Reader) -> str | None:
    token = r.g("part")
    if token is None:
        return None
    found: str | None = _prefix_lookup(r.lex.parts, token)
    return found


def _b_dmy(r: _Reader, d: _Draft) -> None:
    month = r.month_of("m")
    first = r.day_of()
    last = r.day_of("2")
    year = int(r.g("y") or 0)
    token = r.g("m") or ""
    if r.g("jyl") is None and not (1000 <= year <= 2999 and token.rstrip(".") in r.lex.months):
        raise _Reject  # "5 наурызда 2024 адам": a year without жыл needs a bare month
    assert first is not None
    d.year, d.month, d.day, d.weekday = year, month, first, r.weekday_of()
    d.absolute = _day_interval(year, month, first, last)
    if d.absolute is None:
        raise _Reject
    _check_weekday(d)


def _b_mgd(r: _Reader, d: _Draft) -> None:
    month = r.month_of("m")
    first = r.day_of()
    last = r.day_of("2")
    assert first is not None
    if max(first, last or 0) > _MONTH_DAYS[month - 1] or (last is not None and last <= first):
        raise _Reject
    d.month, d.day = month, first
    d.relative = "year+0"
    d.anchor_make = lambda y: _day_interval(y, month, first, last)


def _b_dm(r: _Reader, d: _Draft) -> None:
    if r.g("dw") is not None and r.g("d") is None:
        value = r.masked.values.get(r.start_of("dw"))
        if (value is None or not value[2]) and not r.strict:
            raise _Reject  # a day in words is an ordinal: жиырма жетінші наурызда
    _b_mgd(r, d)
    d.weekday = r.weekday_of()


def _b_mm(r: _Reader, d: _Draft) -> None:
    month = r.month_of("m")
    last = r.month_of("m2")
    if last <= month:
        raise _Reject
    d.grain, d.month, d.relative = Grain.MONTH, month, "year+0"
    d.anchor_make = lambda y: _month_interval(y, month, last)


def _b_mai(r: _Reader, d: _Draft) -> None:
    month = r.month_of("m")
    d.grain, d.month, d.relative = Grain.MONTH, month, "year+0"
    d.anchor_make = lambda y: _month_interval(y, month)


def _b_mbare(r: _Reader, d: _Draft) -> None:
    _b_mai(r, d)
    d.priority = 1


def _b_many(r: _Reader, d: _Draft) -> None:
    if not r.strict:
        raise _Reject
    _b_mbare(r, d)


def _b_yy(r: _Reader, d: _Draft) -> None:
    first = int(r.g("y") or 0) if r.g("y") is not None else r.word_number("yw")[0]
    last = int(r.g("y2") or 0) if r.g("y2") is not None else r.word_number("yw2")[0]
    if not 1000 <= first < last <= 2999:
        raise _Reject
    d.grain, d.year = Grain.YEAR, first
    d.absolute = _safe(lambda: (_dt.date(first, 1, 1), _dt.date(last, 12, 31)))


def _century_number(r: _Reader, s: str = "") -> int | None:
    if r.g("cr" + s) is not None:
        number = _roman(r.g("cr" + s) or "")
    elif r.g("cw" + s) is not None:
        number = r.word_number("cw" + s, ordinal=True)[0]
    elif r.g("cd" + s) is not None:
        number = int(r.g("cd" + s) or 0)
    else:
        return None
    if number is None or not 1 <= number <= 30:
        raise _Reject
    return number


def _century(r: _Reader) -> tuple[int | None, int | None]:
    """(century number, None) or (None, offset) from the century slot, or (None, None) if absent."""
    if r.g("cent") is None:
        return None, None
    number = _century_number(r)
    if number is None:
        if r.g("cm") is None or _century_number(r, "2") is not None:
            raise _Reject
        return None, r.lex.modifiers[r.g("cm") or ""]
    return number, None


def _b_decade(r: _Reader, d: _Draft) -> None:
    value = int(r.g("dec") or 0) if r.g("dec") is not None else r.word_number("decw", ordinal=True)[0]
    century, offset = _century(r)
    d.grain = Grain.DECADE
    d.part = _part(r)
    if value >= 1000:
        if century is not None or offset is not None or value % 10:
            raise _Reject
        d.year = value
        d.absolute = _decade_interval(value)
        return
    if value % 10 or not 0 <= value <= 90:
        raise _Reject
    if century is not None:
        d.year = (century - 1) * 100 + value
        d.absolute = _decade_interval(d.year)
    elif offset is not None:
        d.relative = _rel("century", offset)
        d.decade_in_century = value
    else:
        d.relative = "latest"
        d.decade_in_century = value


def _b_century(r: _Reader, d: _Draft) -> None:
    century, offset = _century(r)
    d.grain = Grain.CENTURY
    d.part = _part(r)
    last = _century_number(r, "2")
    if century is not None:
        d.absolute = _century_interval(century)
        if last is not None:
            end = _century_interval(last)
            if end is None or d.absolute is None or last <= century:
                raise _Reject
            d.absolute = (d.absolute[0], end[1])
    else:
        d.relative = _rel("century", offset or 0)


def _b_quarter(r: _Reader, d: _Draft) -> None:
    quarter = r.ordinal_of("q", 4)
    d.grain, d.relative = Grain.QUARTER, "year+0"
    d.anchor_make = lambda y: _quarter_interval(y, quarter)


def _b_half(r: _Reader, d: _Draft) -> None:
    half = r.ordinal_of("h", 2)
    d.grain, d.relative = Grain.HALF, "year+0"
    d.anchor_make = lambda y: _half_interval(y, half)


def _b_upart(r: _Reader, d: _Draft) -> None:
    unit = {"жыл": "year", "ай": "month", "апта": "week"}[r.g("pu") or ""]
    d.grain = Grain(unit)
    d.relative = _rel(unit, 0)
    d.part = _part(r)


def _b_relday(r: _Reader, d: _Draft) -> None:
    hit = _prefix_lookup(r.lex.relative, r.g("rel") or "")
    if hit is None:
        raise _Reject
    unit, offset = hit
    d.grain, d.relative = Grain(unit), _rel(unit, offset)


def _b_relrange(r: _Reader, d: _Draft) -> None:
    first = _prefix_lookup(r.lex.relative, r.g("rel") or "")
    last = _prefix_lookup(r.lex.relative, r.g("rel2") or "")
    if first is None or last is None or first[0] != "day" or last[0] != "day" or last[1] <= first[1]:
        raise _Reject
    d.grain, d.relative = Grain.DAY, f"{_rel('day', first[1])}..{_rel('day', last[1])}"


def _season_of(r: _Reader) -> Callable[[int], Interval | None]:
    token = r.g("sn") or ""
    months: tuple[int, int] | None = _prefix_lookup(r.lex.seasons, token)
    if months is None:
        raise _Reject
    first, last = months
    if first <= last:
        return lambda y: _month_interval(y, first, last)
    return lambda y: _safe(lambda: (_dt.date(y - 1, first, 1), _month_end(y, last)))


def _b_yseason(r: _Reader, d: _Draft) -> None:
    _set_year_scope(r, d, Grain.MONTH, _season_of(r))


def _b_season(r: _Reader, d: _Draft) -> None:
    d.grain, d.relative, d.anchor_make = Grain.MONTH, "year+0", _season_of(r)
    d.priority = 1


def _modified(r: _Reader, d: _Draft, make: Callable[[int], Interval | None]) -> None:
    """осы / өткен / келесі before a month or a season: this one, the last one, the next one."""
    offset = r.lex.modifiers[r.g("mod") or ""]
    if r.g("mod") in ("былтырғы",):
        d.relative = "year-1"
    else:
        d.relative = "year+0" if offset == 0 else "last" if offset < 0 else "next"
    d.grain, d.anchor_make = Grain.MONTH, make


def _b_modseason(r: _Reader, d: _Draft) -> None:
    _modified(r, d, _season_of(r))


def _b_modmonth(r: _Reader, d: _Draft) -> None:
    month = r.month_of("m")
    if month in r.lex.ambiguous_months and r.g("ai") is None and not r.strict:
        raise _Reject  # келер маусымда: next season
    d.month = month
    _modified(r, d, lambda y: _month_interval(y, month))


def _b_vague(r: _Reader, d: _Draft) -> None:
    direction = r.lex.vague_modifiers[r.g("vmod") or ""]
    unit = {"жыл": "year", "ай": "month", "күн": "day"}[r.g("u") or ""]
    d.grain = Grain(unit)
    d.relative = "ref.." if direction > 0 else "..ref"


def _unit_of(r: _Reader) -> str:
    unit: str | None = _prefix_lookup(r.lex.units, r.g("u") or "")
    if unit is None:
        raise _Reject
    return unit


def _b_spann(r: _Reader, d: _Draft) -> None:
    low, high = r.number_of()
    count = high if high is not None else low
    unit = _unit_of(r)
    if count < 1 or count > 999:
        raise _Reject
    direction = r.lex.span_modifiers[r.g("smod") or ""]
    if unit in ("hour", "minute"):
        d.grain, d.time_only = Grain(unit), True
        d.relative = (
            f"{_ref_shift(unit, -count)}..ref" if direction < 0 else f"ref..{_ref_shift(unit, count)}"
        )
        return
    d.grain = Grain(unit)
    d.relative = f"{_ref_shift(unit, -count)}..ref" if direction < 0 else f"ref..{_ref_shift(unit, count)}"


def _b_ago(r: _Reader, d: _Draft) -> None:
    low, high = r.number_of()
    count = high if high is not None else low
    unit = _unit_of(r)
    post = r.g("post") or ""
    ending = r.g("ue") or ""
    if count < 1 or count > 999:
        raise _Reject
    if post == "бұрын":
        if ending:
            raise _Reject
        sign = -1
    else:
        if "ablative" not in cases(ending, r.rules):
            raise _Reject
        sign = 1 if post in ("кейін", "соң") else -1
    d.grain = Grain(unit)
    if unit in ("hour", "minute"):
        d.time_only = True
        d.relative = _rel(unit, sign * count)
        return
    if post in ("бері", "бергі"):
        d.relative = f"{_ref_shift(unit, -count)}..ref"
        return
    d.relative = _rel(unit, sign * count)


def _b_modunit(r: _Reader, d: _Draft) -> None:
    unit = _unit_of(r)
    offset = r.lex.modifiers[r.g("mod") or ""]
    if r.g("mod") in ("биылғы", "былтырғы") and unit != "year":
        raise _Reject
    if "plural" in _chain_groups(r.g("ue") or "", r.rules):
        raise _Reject  # алдағы жылдары is vague, not next year
    d.grain = Grain(unit)
    d.relative = _rel(unit, offset)


def _chain_groups(ending: str, rules: Rules) -> frozenset[str]:
    """The ending groups of the morphs in *ending* (``дарында``: plural, possessive3, ...)."""
    known: dict[str, frozenset[str]] = rules.compiled("dates.chain_groups", lambda r: {})
    groups = known.get(ending)
    if groups is None:
        found: set[str] = set()
        for part in split_endings(ending, rules) or []:
            found |= cases(part, rules)
        groups = known.setdefault(ending, frozenset(found))
    return groups


def _b_modwd(r: _Reader, d: _Draft) -> None:
    offset = r.lex.modifiers[r.g("mod") or ""]
    if r.g("mod") in ("биылғы", "былтырғы"):
        raise _Reject
    d.weekday = r.weekday_of()
    d.relative = _rel("week", offset)


def _b_weekday(r: _Reader, d: _Draft) -> None:
    d.weekday = r.weekday_of()
    token = r.g("wd") or ""
    bare = token in r.lex.weekdays
    if d.weekday in r.lex.ambiguous_weekdays and bare and r.g("wdk") is None and not r.strict:
        raise _Reject  # жұма alone: Friday prayer, or a week
    d.relative = "nearest"
    d.priority = 1


def _b_numeric(r: _Reader, d: _Draft) -> None:
    if r.g("nd") is not None:
        day, month, text = int(r.g("nd") or 0), int(r.g("nmo") or 0), r.g("ny") or ""
        year = int(text)
        if len(text) == 2:
            year += 2000 if year < 50 else 1900
    elif r.g("iy") is not None:
        year, month, day = int(r.g("iy") or 0), int(r.g("imo") or 0), int(r.g("id") or 0)
    else:
        year, month, day = int(r.g("ly") or 0), int(r.g("lmo") or 0), int(r.g("ld") or 0)
    if not 1000 <= year <= 2999:
        raise _Reject
    d.year, d.month, d.day, d.weekday = year, month, day, r.weekday_of()
    d.absolute = _day_interval(year, month, day)
    if d.absolute is None:
        raise _Reject
    _check_weekday(d)


def _b_year(r: _Reader, d: _Draft) -> None:
    year, _ = r.year_slot()
    if year is None or not 1000 <= year <= 2999:
        raise _Reject
    jyl = r.g("jyl") or ""
    d.year = year
    if ("plural" in _chain_groups(jyl[3:], r.rules) or jyl == "жж.") and year % 10 == 0:
        d.grain = Grain.DECADE
        d.absolute = _decade_interval(year)
        return
    d.grain = Grain.YEAR
    d.absolute = _year_interval(year)


def _clock_of(r: _Reader, s: str = "") -> tuple[int, int]:
    hour = int(r.g("hh" + s) or 0)
    minute = int(r.g("mi" + s) or 0)
    if not s and len(r.g("hh") or "") == 1 and r.g("sag") is None and r.g("dp") is None and r.g("te") is None:
        raise _Reject  # 1:30 alone may be a score or a ratio
    if (r.g("sep" + s) or ":") != ":" and r.g("sag") is None and r.g("dp") is None:
        raise _Reject  # 13.30 is a decimal unless сағат or a day period says it is a time
    return hour, minute


def _day_period_hour(r: _Reader, hour: int) -> int:
    word = r.g("dp")
    if word is None:
        return hour
    _, pm, _ = r.lex.day_periods[word]
    if pm and 1 <= hour <= 11:
        return hour + 12
    return hour


def _b_time(r: _Reader, d: _Draft) -> None:
    hour, minute = _clock_of(r)
    if r.g("hh2") is not None:
        hour2, _ = _clock_of(r, "2")
        join = r.g("join") or ""
        if r.g("te") is None and not join.strip():
            raise _Reject  # "10:00 12:00": two times side by side, not a range
        if (hour2, int(r.g("mi2") or 0)) <= (hour, minute):
            raise _Reject
    d.grain, d.time_only = Grain.MINUTE, True
    d.hour, d.minute = _day_period_hour(r, hour), minute
    d.closed_range = r.g("hh2") is not None and _ABLATIVE_END.search(r.g("te") or "") is not None


def _b_hour(r: _Reader, d: _Draft) -> None:
    hour = int(r.g("hh") or 0)
    d.grain, d.time_only = Grain.HOUR, True
    d.hour = _day_period_hour(r, hour)


def _b_hourw(r: _Reader, d: _Draft) -> None:
    """An hour in words: it carries a case ending (сегізде, тоғыздан, он бірге), else it is a
    count of hours (сағат сегіз may be "eight hours")."""
    value, high = r.word_number("hhw", ordinal=False)
    if high is not None or not 0 <= value <= 24 or not r.masked.endings.get(r.start_of("hhw")):
        raise _Reject
    d.grain, d.time_only = Grain.HOUR, True
    d.hour = _day_period_hour(r, value % 24)


def _b_daypart(r: _Reader, d: _Draft) -> None:
    word = r.g("dp") or ""
    _, _, alone = r.lex.day_periods[word]
    if not alone:
        raise _Reject
    d.grain, d.time_only = Grain.HOUR, True
    d.priority = 1


_BUILDERS: dict[str, Callable[[_Reader, _Draft], None]] = {
    "ydm": _b_ydm,
    "ymgd": _b_ymgd,
    "ym": _b_ym,
    "ynm": _b_ynm,
    "yq": _b_yq,
    "yh": _b_yh,
    "ypart": _b_ypart,
    "dmy": _b_dmy,
    "mgd": _b_mgd,
    "dm": _b_dm,
    "mm": _b_mm,
    "mai": _b_mai,
    "mbare": _b_mbare,
    "many": _b_many,
    "yy": _b_yy,
    "decade": _b_decade,
    "century": _b_century,
    "quarter": _b_quarter,
    "half": _b_half,
    "upart": _b_upart,
    "relday": _b_relday,
    "relrange": _b_relrange,
    "yseason": _b_yseason,
    "season": _b_season,
    "modseason": _b_modseason,
    "modmonth": _b_modmonth,
    "relyear": _b_relday,
    "vague": _b_vague,
    "spann": _b_spann,
    "ago": _b_ago,
    "modunit": _b_modunit,
    "modwd": _b_modwd,
    "weekday": _b_weekday,
    "numeric": _b_numeric,
    "year": _b_year,
    "time": _b_time,
    "clock": _b_time,
    "hour": _b_hour,
    "hourw": _b_hourw,
    "daypart": _b_daypart,
}


def _check_weekday(d: _Draft) -> None:
    if d.weekday is not None and d.absolute is not None and d.absolute[0].weekday() != d.weekday:
        raise _Reject  # "2025 ж. 21 қазан, дүйсенбі": the weekday contradicts the date


# --- selection, merging, resolution ------------------------------------------------------


_JYL_NEXT = regex.compile(r"[\p{L}]{0,6}[ \t]{1,3}жыл")

# How far a date pattern may look from where it starts.  A date mention is far shorter (the
# longest, "екі мың жиырма бесінші жылғы жиырма бірінші қазан, сейсенбі", is under 80
# characters), and without a bound the regex engine may scan to the end of the text for a
# literal the pattern needs, once per trigger: quadratic on long runs of numerals.
_WINDOW = 256
# Lookaheads see at most this far past the end of a match (the widest is ``\.?[ \t]{0,8}\Z``).
_LOOKAHEAD = 12


def _match(pattern: Any, text: str, pos: int) -> Any:
    """``pattern.match(text, pos)`` looking at no more than :data:`_WINDOW` characters.

    A match that ends close to the cut might have been allowed by a lookahead that saw the
    cut as the end of the text; it is tried again with a window four times wider, then on the
    whole text (this needs a match of more than 240 characters: a numeral phrase that long
    read as a day or a year, which real text does not have).
    """
    size = len(text)
    for window in (_WINDOW, 4 * _WINDOW):
        cut = pos + window
        if cut >= size:
            break
        m = pattern.match(text, pos, cut)
        if m is None or m.end() + _LOOKAHEAD <= cut:
            return m
    return pattern.match(text, pos)


_WORD_CHAR = regex.compile(r"\w")
_WORD_START = regex.compile(r"\m")
# Characters that are word characters for both re and regex (\w): a word trigger after one of
# them is not at the start of a word.  Spaces and newlines are not word characters for either.
_WORD_BEFORE = "0-9_a-zA-Zа-яА-ЯёЁәғқңөұүһіӘҒҚҢӨҰҮҺІ"
_NOT_WORD = re.compile(f"[^{_WORD_BEFORE}]")
_LETTERS = "a-zA-Zа-яА-ЯёЁәғқңөұүһіӘҒҚҢӨҰҮҺІ"  # letters for both re and regex (\p{L})
_SPACES = frozenset(" \n\t")
# The kinds of word trigger: the word alone, or followed by a head word, a number, a dash.
_WORD_KINDS = frozenset(("w", "fh", "fn", "fx"))
_FOLLOW_KINDS = {"w": "", "fn": "#number", "fx": "#dash"}


def _word_triggers(lex: _Lexicon, text: str, pos: int) -> list[Any]:
    """The trigger words of *text* from *pos* on, as ``regex.finditer(r"\\m(?P<w>...)")`` finds them,
    and the Roman numerals when the same scan reads them (``lex.roman_scan`` is None).

    ``lex.word_scan`` reads the character before each word, so it starts one character early;
    a word at the very start of the text has none (``lex.word_at``).
    """
    found: list[Any] = []
    plain = lex.word_initials_plain
    while True:
        scan: Iterable[Any] = lex.word_scan.finditer(text, pos - 1)
        if pos == 0:
            scan = itertools.chain(filter(None, (lex.word_at.match(text),)), lex.word_scan.finditer(text))
        for m in scan:
            if plain and text[m.start()] in _SPACES and m.lastgroup != "r":
                found.append(m)  # a word after a space: the commonest case (word_at's never are)
                continue
            if m.lastgroup == "r":
                roman = lex.roman_re.match(text, m.start("r"))
                if roman is not None:
                    found.append(roman)
                continue
            start = m.start("w")
            if (plain and (start == 0 or text[start - 1] in _SPACES)) or _WORD_START.match(text, start):
                found.append(m)
                continue
            # Not a word start after all (a rare word character before it): the scan goes on
            # from the next character, as it would have after a failed attempt here.
            pos = start + 1
            break
        else:
            return found


def _mask_triggers(lex: _Lexicon, masked: _Masked, body: int) -> list[Any]:
    """Where a masked numeral starts a run of masks, if a date word or a dash follows the run.

    The same as scanning the text for runs of mask characters: a mask is written only where
    a numeral was found (a private-use character already in the input matches no branch).
    """
    text = masked.text
    found = []
    after_space, head_starts = lex.mask_after_space, lex.mask_head_starts
    for start, end in masked.ends.items():
        if start >= body and (start == 0 or text[start - 1] not in _MASK_CHARS):
            # What the gate needs after the run of masks: spaces then a head word or a dash, or
            # a dash (the run may also go on, through a numeral right after this one).
            after = text[end : end + 1]
            if after == " " or after == "\t":
                if text[end + 1 : end + 2] not in after_space and text[end + 1 : end + 3] not in head_starts:
                    continue
            elif after not in _AFTER_MASKS:
                continue
            m = lex.mask_re.match(text, start)
            if m is not None:
                found.append(m)
    return found


def _scope_entries(lex: _Lexicon, text: str, pos: int) -> tuple[_Entry, ...]:
    """The year-scope branches to try where a word starts two readings of the year slot
    (биылғы: биыл + ғы, or the modifier before жылы): those the word after each reading allows.

    Each reading ends in one place (where its letters end, then the spaces), so it has one
    word after it, as scope_re has for a trigger with one reading.
    """
    tried: set[int] = set()
    for reading in lex.scope_readings:
        m = _match(reading, text, pos)
        if m is not None:
            tried.update(entry[0] for entry in lex.scope_tails.get(m.group("tail"), ()))
    return tuple(entry for entry in lex.year_entries if entry[0] in tried)


def _candidates(context: Any, lex: _Lexicon, masked: _Masked) -> list[_Draft]:
    found: list[_Draft] = []
    text = masked.text
    size = len(text)
    strict = bool(context.strict)
    body = int(getattr(context, "body_start", 0))
    triggers = [t for pattern in lex.trigger_res for t in pattern.finditer(text, body)]
    triggers += _word_triggers(lex, text, body)
    triggers += _mask_triggers(lex, masked, body)
    if lex.roman_scan is not None:
        triggers += (t for t in (lex.roman_re.match(text, r.start()) for r in lex.roman_scan.finditer(text, body)) if t)
    # The triggers are not sorted: the drafts they make are ordered by _select, whose key tells
    # apart any two drafts but those of one branch at one place, which are the same.
    word_plans, jyl_words, digit_plans = lex.word_plans, lex.jyl_words, lex.digit_plans
    follow_plans, scope_re, month_plans = lex.follow_plans, lex.scope_re, lex.month_plans
    values = masked.values
    rules = context.rules
    for trigger in triggers:
        kind = trigger.lastgroup
        word_kind = kind in _WORD_KINDS
        pos = trigger.start("w") if word_kind else trigger.start()  # (the word scan reads one character before)
        cut = pos + _WINDOW
        if word_kind:
            word = trigger.group("w")
            if word in jyl_words and _JYL_NEXT.match(text, trigger.end()):
                word += " "
            table = follow_plans.get(word)
            if table is not None:
                found_plans = table.get(trigger.group("fh") if kind == "fh" else _FOLLOW_KINDS[kind])
                if found_plans is None:
                    continue
                plans = found_plans
            elif word in month_plans:
                plans = month_plans[word][lex.month_next.match(text, pos).lastgroup]
            else:
                gate, plans = word_plans[word]
                if gate is not None and gate.match(text, pos, cut) is None:
                    continue
        elif kind == "kh":
            number = values.get(pos)
            if number is None:
                continue  # a private-use character of the input, not a numeral: no branch reads it
            plans = lex.mask_plans[
                trigger.group("kh"),
                trigger.start("ks") >= 0,
                trigger.start("ka") >= 0,
                1000 <= number[0] <= 2999,
                number[2],
            ]
        elif kind == "d2":
            plans = digit_plans[text[trigger.end()]]
        elif kind == "sh":
            plans = lex.small_plans[trigger.group("sh"), trigger.start("sa") >= 0, trigger.start("sy") >= 0]
        elif kind == "dx":
            plans = lex.dash_plans[tuple(trigger.start(flag) >= 0 for flag in lex.dash_flags)]
        elif kind == "yh":
            plans = lex.year_plans[trigger.group("yh"), trigger.start("ys") >= 0]
        elif kind == "d4":
            plans = digit_plans["year"]
        elif kind == "kd":
            plans = lex.mask_dash_plans
        elif kind == "d3":
            plans = digit_plans["hundreds"]
        elif kind == "r":
            plans = lex.roman_plans
        else:
            plans = lex.quote_plans
        year, entries = plans[strict]
        if year:
            if cut < size:
                scope = scope_re.match(text, pos, cut)
                if scope is not None and scope.end() + _LOOKAHEAD > cut:
                    scope = _match(scope_re, text, pos)
            else:
                scope = scope_re.match(text, pos)
            if scope is not None:
                years = lex.scope_tails.get(scope.group("tail"), ()) if year == 1 else _scope_entries(lex, text, pos)
                entries = years + entries
        for entry in entries:
            pattern = entry[2]
            if cut < size:
                m = pattern.match(text, pos, cut)
                if m is not None and m.end() + _LOOKAHEAD > cut:
                    m = _match(pattern, text, pos)
            else:
                m = pattern.match(text, pos)
            if m is None or m.end() <= pos:
                continue
            draft = _draft(lex, masked, m, strict, rules, entry)
            if draft is not None:
                draft.priority += entry[0] * 2
                found.append(draft)
    return found


def _select(drafts: list[_Draft]) -> list[_Draft]:
    """The longest drafts that do not overlap (ties: the earlier branch), in text order."""
    drafts.sort(key=lambda d: (-(d.end - d.start), d.priority, d.start))
    kept: list[_Draft] = []
    # Drafts are short (a window at most), so marking the characters they take is linear.
    taken = bytearray(max((d.end for d in drafts), default=0))
    for d in drafts:
        if taken.find(1, d.start, d.end) >= 0:
            continue
        kept.append(d)
        taken[d.start : d.end] = b"\x01" * (d.end - d.start)
    kept.sort(key=lambda d: d.start)
    return kept


def _merge_times(kept: list[_Draft], lex: _Lexicon, text: str) -> list[_Draft]:
    """A date, then a clock time, make one mention (10 наурыз күні сағат 15:00-де).

    A day period alone stays apart (кеше | кешке), as KazNERD tags it.
    """
    out: list[_Draft] = []
    for d in kept:
        if (
            out
            and d.time_only
            and d.hour is not None
            and not out[-1].time_only
            and out[-1].grain in (Grain.DAY, Grain.WEEK)
            and out[-1].post is None
            and lex.joiner_re.match(text[out[-1].end : d.start])
        ):
            date = out[-1]
            date.end, date.grain = d.end, d.grain
            date.hour, date.minute = d.hour, d.minute
            date.rule += "+" + d.rule.partition(":")[2]
            continue
        out.append(d)
    return out


# The longest gap between the two dates of a range: "   пен   " (range_join_re) or " , " (_GAP).
_RANGE_GAP = 9
_PARTICLE = regex.compile(r"-(?:ақ|ек)(?![\p{L}\p{M}])")
_ABLATIVE_END = regex.compile(r"(?:дан|ден|тан|тен|нан|нен)\Z")
_GAP = regex.compile(r"[ \t]{0,3},?[ \t]{1,3}\Z")


def _attach_postpositions(kept: list[_Draft], lex: _Lexicon, text: str) -> None:
    """дейін, бері, кейін ... after a date join it; so does the particle -ақ (жартысында-ақ)."""
    for i, d in enumerate(kept):
        limit = kept[i + 1].start if i + 1 < len(kept) else len(text)
        particle = _PARTICLE.match(text, d.end) if text.startswith("-", d.end) else None
        if particle is not None and particle.end() <= limit:
            d.end = particle.end()
        if d.rule == "dates:ago" or not text.startswith((" ", "\t"), d.end):
            continue  # (the postposition pattern starts with a space)
        if text[d.end + 1 : d.end + 2] not in lex.postposition_initials and (
            text[d.end + 1 : d.end + 3] not in lex.postposition_starts
        ):
            continue  # (then more spaces, or the first letters of a postposition)
        m = lex.postposition_re.match(text, d.end)
        if m is None or m.end() > limit:
            continue
        d.post = lex.postpositions[m.group("post")]
        d.end = m.end()


_YEAR_ADVERB = regex.compile(r"(?:жылы|биыл|былтыр)\Z")


def _carry_years(kept: list[_Draft], text: str) -> None:
    """A year adverb right before a date with no year gives it its year.

    ``2021 жылы қыркүйекте``, ``өткен жылы 5 қарашада``, ``былтыр 5 қарашада``: two mentions,
    the second resolved in the year of the first.
    """
    for a, b in itertools.pairwise(kept):
        if not (
            a.grain == Grain.YEAR
            and b.relative == "year+0"
            and b.anchor_make is not None
            and _YEAR_ADVERB.search(text, a.start, a.end)
            and _GAP.match(text[a.end : b.start])
        ):
            continue
        if a.absolute is not None and a.year is not None:
            b.absolute, b.relative = b.anchor_make(a.year), None
        elif a.relative is not None and ".." not in a.relative:
            b.relative = a.relative


def _merge_ranges(kept: list[_Draft], lex: _Lexicon, text: str, lower: str) -> list[_Draft]:
    """Two dates that make a range become one mention.

    ``27 наурыз бен 4 сәуір аралығында`` (X and Y, between them) and ``1 қаңтардан 5 қаңтарға
    дейін`` (from X to Y) run from the start of the first to the end of the second.
    """
    out: list[_Draft] = []
    for b in kept:
        a = out[-1] if out else None
        if (
            a is not None
            and a.time_only == b.time_only
            and a.range_to is None
            and a.post is None
            and b.start - a.end <= _RANGE_GAP
        ):
            gap = text[a.end : b.start]
            if lex.range_join_re.match(gap) and b.post is None:
                tail = lex.range_end_re.match(text, b.end)
                if tail is not None:
                    a.range_to, a.end = b, tail.end()
                    continue
            if b.post == "up_to" and _GAP.match(gap) and _ABLATIVE_END.search(lower, a.start, a.end):
                b.post = None
                a.range_to, a.end = b, b.end
                continue
        out.append(b)
    return out


def _resolve(
    d: _Draft, reference: _dt.date | None, known: dict[tuple[str, int | None], Any]
) -> tuple[_dt.date | None, _dt.date | None, str | None]:
    """The interval of a draft (None where it cannot be known) and its relative notation.

    *known* holds what resolve_relative gave for this reference (``кеше``, ``биыл`` come
    back many times in one article).
    """
    relative = d.relative
    interval: tuple[_dt.date | None, _dt.date | None] | None = d.absolute
    if interval is None and reference is not None and relative is not None:
        if d.anchor_make is not None:
            interval = _anchored(d.anchor_make, relative, reference)
        elif d.decade_in_century is not None:
            interval = _decade_of(d.decade_in_century, relative, reference)
        else:
            key = (relative, d.weekday)
            interval = known.get(key, _UNREAD)
            if interval is _UNREAD:
                interval = known[key] = resolve_relative(relative, d.weekday, reference)
    start, end = interval if interval is not None else (None, None)
    if d.range_to is not None:
        _, end, last = _resolve(d.range_to, reference, known)
        if start is not None and end is not None and end < start:
            start = end = None
        if relative != last:
            relative = None if relative is None and last is None else f"{relative or ''}..{last or ''}"
        return start, end, relative
    if d.post == "since" or (d.post == "up_to" and d.part == "end"):
        return _open_interval(d, start, end, reference, relative)
    if d.post is not None and not (d.closed_range and d.post == "up_to"):
        d.qualifier = _POST_QUALIFIER.get(d.post, Qualifier.EXACT)
    return start, end, relative


def _open_interval(
    d: _Draft, start: _dt.date | None, end: _dt.date | None, reference: _dt.date | None, relative: str | None
) -> tuple[_dt.date | None, _dt.date | None, str | None]:
    """былтырдан бері (from the anchor to the reference); жыл соңына дейін (from the reference to the end)."""
    if d.post == "since":
        if relative is None and start is not None:
            relative = f"{start.isoformat()}..ref"
        elif relative is not None and ".." not in relative and d.anchor_make is None:
            relative = f"{relative}..ref"
        if reference is None or (start is not None and start > reference):
            return start, None, relative
        return start, reference, relative
    if relative is not None and ".." not in relative:
        relative = f"ref..{relative}"
    if reference is None or (end is not None and end < reference):
        return None, end, relative
    return reference, end, relative


def _anchored(make: Callable[[int], Interval | None], relative: str, reference: _dt.date) -> Interval | None:
    """A period named within a year (a month, a season, a quarter) resolved against *reference*.

    ``year±n`` takes it in that year; ``last`` is the latest one that ended before the
    reference, ``next`` the first one that starts after it.
    """
    if relative in ("last", "next"):
        interval = make(reference.year)
        if interval is None:
            return None
        if relative == "last" and interval[1] >= reference:
            return make(reference.year - 1)
        if relative == "next" and interval[0] <= reference:
            return make(reference.year + 1)
        return interval
    unit, sign, count = _split_unit(relative)
    return make(reference.year + sign * count) if unit == "year" else None


def _decade_of(decade: int, relative: str, reference: _dt.date) -> Interval | None:
    if relative == "latest":
        first = reference.year // 100 * 100 + decade
        if first > reference.year:
            first -= 100
        return _decade_interval(first)
    unit, sign, count = _split_unit(relative)
    if unit != "century":
        return None
    century = (reference.year - 1) // 100 + 1 + sign * count
    return _decade_interval((century - 1) * 100 + decade)


def extract_dates(context: Any) -> list[DateMention]:
    """Every date, period and time of day in ``context.text``, resolved against ``context.reference_date``.

    An extractor for :func:`qazparse.extract` (``Extraction.dates``).

    >>> from qazparse.extract import make_context
    >>> ctx = make_context(" date 2025-10-21 Былтыр жүк тасымалдау 62 пайызға өсті, кеше хабарланды.")
    >>> [(m.span.text, m.start.isoformat()) for m in extract_dates(ctx)]
    [('Былтыр', '2024-01-01'), ('кеше', '2025-10-20')]
    """
    lex = _lexicon(context.rules)
    masked: _Masked = context.shared("dates.masked", _mask)
    kept = _select(_candidates(context, lex, masked))
    _carry_years(kept, masked.text)
    kept = _merge_times(kept, lex, masked.text)
    _attach_postpositions(kept, lex, masked.text)
    kept = _merge_ranges(kept, lex, masked.text, context.text.lower)
    for d in kept:
        if d.trim is not None and d.post is None and d.range_to is None:
            d.end = d.trim
    reference = context.reference_date
    out: list[DateMention] = []
    known: dict[tuple[str, int | None], Any] = {}
    for d in kept:
        start, end, relative = _resolve(d, reference, known)
        mention = DateMention(
            grain=d.grain,
            span=context.text.span(d.start, d.end),
            start=start,
            end=end,
            year=d.year,
            month=d.month,
            day=d.day,
            weekday=d.weekday,
            hour=d.hour,
            minute=d.minute,
            relative=relative,
            qualifier=d.qualifier,
        )
        out.append(context.note(mention, d.rule))
    return out


def parse_date(text: str, *, reference: _dt.date | None = None) -> DateMention:
    """Read *text* as one date, period or time of day; raise :class:`ParseError` otherwise.

    *reference* resolves relative mentions (``кеше``, ``өткен аптада``); without it they keep
    ``start = end = None`` and name their anchor in ``relative``.

    >>> parse_date("2025 жылғы 21 қазанда").start
    datetime.date(2025, 10, 21)
    >>> parse_date("өткен аптада", reference=_dt.date(2025, 10, 21)).start
    datetime.date(2025, 10, 13)
    >>> parse_date("15,2 пайыз")
    Traceback (most recent call last):
      ...
    qazparse.errors.ParseError: expected a date at position 0 ('15,2 пайыз') in '15,2 пайыз'
    """
    return parse_whole(text, "a date", extract_dates, (DateMention,), reference_date=reference)
