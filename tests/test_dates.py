"""Dates: the corpus (tests/corpus/dates.toml) and the behaviour around it."""

from __future__ import annotations

import datetime as _dt
import tomllib
from collections.abc import Callable
from typing import Any

import pytest

import qazparse
from _timing import cpu_seconds
from conftest import CORPUS
from qazparse import DateMention, Grain, ParseError, Qualifier, extract, parse_date
from qazparse.dates import extract_dates, resolve_relative, unit_period
from qazparse.errors import RulesError
from qazparse.extract import Context, make_context
from qazparse.numerals import find_numeral_matches
from qazparse.parsing import content_bounds

DATA = tomllib.loads((CORPUS / "dates.toml").read_text(encoding="utf-8"))
DEFAULT_REFERENCE = _dt.date.fromisoformat(DATA["reference"])


def _date(text: str) -> _dt.date | None:
    return _dt.date.fromisoformat(text) if text else None


def _reference(entry: dict[str, Any]) -> _dt.date | None:
    ref = entry.get("reference")
    if ref == "none":
        return None
    return _dt.date.fromisoformat(ref) if ref else DEFAULT_REFERENCE


POSITIVE = [
    pytest.param(phrase, entry, id=f"{phrase}@{entry.get('reference', 'default')}")
    for entry in DATA["dates"]
    for phrase in entry["phrases"]
]
NEGATIVE = [pytest.param(phrase, id=phrase) for entry in DATA["negatives"] for phrase in entry["phrases"]]
IN_TEXT = [pytest.param(entry["text"], entry["dates"], id=entry["text"][:40]) for entry in DATA["in_text"]]


@pytest.mark.parametrize(("phrase", "entry"), POSITIVE)
def test_corpus_phrase(phrase: str, entry: dict[str, Any]) -> None:
    mention = parse_date(phrase, reference=_reference(entry))
    start, end = content_bounds(phrase)
    assert (mention.span.start, mention.span.end) == (start, end)
    first = _date(entry["start"])
    last = _date(entry["end"]) if "end" in entry else first
    assert (mention.start, mention.end) == (first, last)
    if "grain" in entry:
        assert mention.grain == Grain(entry["grain"])
    if "relative" in entry:
        assert mention.relative == (entry["relative"] or None)
    assert mention.qualifier == Qualifier(entry.get("qualifier", "exact"))
    for name, value in entry.get("fields", {}).items():
        assert getattr(mention, name) == value, name


@pytest.mark.parametrize("phrase", NEGATIVE)
def test_corpus_negative(phrase: str) -> None:
    with pytest.raises(ParseError):
        parse_date(phrase, reference=DEFAULT_REFERENCE)
    assert extract(phrase, reference_date=DEFAULT_REFERENCE).dates == ()


@pytest.mark.parametrize(("text", "expected"), IN_TEXT)
def test_corpus_in_text(text: str, expected: list[str]) -> None:
    found = extract(text, reference_date=DEFAULT_REFERENCE).dates
    assert [m.span.text for m in found] == expected
    for m in found:
        assert text[m.span.start : m.span.end] == m.span.text


def test_ambiguous_month_alone_is_a_month_only_when_asked() -> None:
    assert extract("қазан").dates == ()
    assert parse_date("қазан").month == 10
    assert parse_date("қазан", reference=DEFAULT_REFERENCE).start == _dt.date(2025, 10, 1)


# --- reference handling --------------------------------------------------------------------


def test_article_prefix_is_the_reference() -> None:
    ex = extract(" date 2025-10-21 Былтыр жүк тасымалдау 62 пайызға өсті.")
    (d,) = ex.dates
    assert (d.span.text, d.start, d.end, d.relative) == (
        "Былтыр",
        _dt.date(2024, 1, 1),
        _dt.date(2024, 12, 31),
        "year-1",
    )


def test_caller_reference_wins_over_the_prefix() -> None:
    ex = extract(" date 2025-10-21 Былтыр өсті.", reference_date=_dt.date(2020, 5, 5))
    assert ex.dates[0].start == _dt.date(2019, 1, 1)


def test_without_reference_relative_mentions_stay_open() -> None:
    d = parse_date("биылғы қыркүйекте")
    assert (d.start, d.end, d.month, d.relative) == (None, None, 9, "year+0")


def test_no_today_anywhere_in_the_library() -> None:
    import inspect

    import qazparse.dates as dates_module

    source = inspect.getsource(dates_module)
    assert "today(" not in source
    assert ".now(" not in source


# --- the notation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("relative", "weekday", "expected"),
    [
        ("day-1", None, ("2025-10-20", "2025-10-20")),
        ("week+1", None, ("2025-10-27", "2025-11-02")),
        ("week-1", 4, ("2025-10-17", "2025-10-17")),
        ("month-10", None, ("2024-12-01", "2024-12-31")),
        ("quarter+1", None, ("2026-01-01", "2026-03-31")),
        ("half-1", None, ("2025-01-01", "2025-06-30")),
        ("year+0", None, ("2025-01-01", "2025-12-31")),
        ("decade+0", None, ("2020-01-01", "2029-12-31")),
        ("century-1", None, ("1901-01-01", "2000-12-31")),
        ("nearest", 0, ("2025-10-20", "2025-10-20")),
        ("nearest", 4, ("2025-10-24", "2025-10-24")),
        ("ref-P3D..ref", None, ("2025-10-18", "2025-10-21")),
        ("ref..ref+P2W", None, ("2025-10-21", "2025-11-04")),
        ("year+0..ref", None, ("2025-01-01", "2025-10-21")),
        ("2010-01-01..ref", None, ("2010-01-01", "2025-10-21")),
    ],
)
def test_resolve_relative(relative: str, weekday: int | None, expected: tuple[str, str]) -> None:
    got = resolve_relative(relative, weekday, DEFAULT_REFERENCE)
    assert got == (_dt.date.fromisoformat(expected[0]), _dt.date.fromisoformat(expected[1]))


def test_resolve_relative_open_and_bad() -> None:
    assert resolve_relative("year+1..", None, DEFAULT_REFERENCE) == (_dt.date(2026, 1, 1), None)
    assert resolve_relative("..year+0", None, DEFAULT_REFERENCE) == (None, _dt.date(2025, 12, 31))
    assert resolve_relative("fortnight+1", None, DEFAULT_REFERENCE) is None
    assert resolve_relative("year+1..year-1", None, DEFAULT_REFERENCE) is None


def test_unit_period_at_the_edges_of_the_calendar() -> None:
    assert unit_period("year", _dt.date(9999, 6, 1), 1) is None
    assert unit_period("day", _dt.date(1, 1, 1), -1) is None
    assert unit_period("month", _dt.date(2024, 1, 31), 1) == (_dt.date(2024, 2, 1), _dt.date(2024, 2, 29))


def test_nearest_weekday_is_within_three_days() -> None:
    for offset in range(7):
        ref = _dt.date(2025, 10, 20) + _dt.timedelta(days=offset)
        for weekday in range(7):
            got = resolve_relative("nearest", weekday, ref)
            assert got is not None
            assert got[0].weekday() == weekday
            assert abs((got[0] - ref).days) <= 3


# --- strict parsing and errors ---------------------------------------------------------------


def test_parse_error_says_what_and_where() -> None:
    with pytest.raises(ParseError) as err:
        parse_date("2025 жылғы 21 қазанда және тағы бір нәрсе")
    assert err.value.position == len("2025 жылғы 21 қазанда")
    assert "a date" in str(err.value)


@pytest.mark.parametrize(
    "bad", ["", "   ", ".", "жоқ", "2025", "21", "21 қазан 2025 адам", "2025 ж. 20 қазан, сейсенбі"]
)
def test_parse_date_rejects_non_dates(bad: str) -> None:
    with pytest.raises(ParseError):
        parse_date(bad)


@pytest.mark.parametrize(
    "text", ["31 ақпанда", "32 қыркүйекте", "30.02.2025", "2025-13-01", "2025 жылғы 0 мамырда"]
)
def test_impossible_days_are_not_days(text: str) -> None:
    assert all(m.grain != Grain.DAY for m in extract(text, reference_date=DEFAULT_REFERENCE).dates)


def test_a_weekday_that_contradicts_the_date_is_not_read_with_it() -> None:
    found = [m.span.text for m in extract("2025 ж. 20 қазан, сейсенбі").dates]
    assert "2025 ж. 20 қазан, сейсенбі" not in found
    assert parse_date("2025 ж. 21 қазан, сейсенбі").weekday == 1


def test_parse_date_type_errors() -> None:
    with pytest.raises(TypeError):
        parse_date(2025)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_date("бүгін", reference="2025-10-21")  # type: ignore[arg-type]


def test_trailing_punctuation_and_abbreviation_dot() -> None:
    assert parse_date("2025 ж.").start == _dt.date(2025, 1, 1)
    assert parse_date("  2025 жылғы 21 қазанда.  ").day == 21
    assert parse_date("2003 ж. 02 шіл.").start == _dt.date(2003, 7, 2)


def test_classifier_word_kept_in_parse_but_not_in_running_text() -> None:
    assert parse_date("16 қараша күні").span.text == "16 қараша күні"
    assert [m.span.text for m in extract("16 қараша күні өтеді").dates] == ["16 қараша"]
    assert [m.span.text for m in extract("тамыз айына дейін").dates] == ["тамыз айына дейін"]


def test_spans_point_into_the_original_text() -> None:
    text = "Бүгін\u00a0 2025\u00a0жылғы 21\u00a0қазанда"
    found = extract(text).dates
    assert [text[m.span.start : m.span.end] for m in found] == [m.span.text for m in found]
    assert found[-1].span.text == "2025\u00a0жылғы 21\u00a0қазанда"


def test_capital_letters_and_latin_lookalikes() -> None:
    assert parse_date("2025 ЖЫЛҒЫ 21 ҚАЗАНДА").start == _dt.date(2025, 10, 21)
    assert parse_date("XXI ғасыр").start == parse_date("ХХІ ғасыр").start == _dt.date(2001, 1, 1)


# --- the value type --------------------------------------------------------------------------


def test_date_mention_to_dict() -> None:
    d = parse_date("2025 жылға дейін")
    data = d.to_dict()
    assert data["kind"] == "date"
    assert data["start"] == "2025-01-01"
    assert data["grain"] == "year"
    assert data["qualifier"] == "up_to"
    assert isinstance(d, DateMention)


def test_explain_names_the_rule() -> None:
    trace = qazparse.explain("2025 жылғы 21 қазанда сағат 10:00-де")
    assert "dates:ydm+time" in trace
    assert "2025-10-21" in trace


# --- rules as data ---------------------------------------------------------------------------


def test_a_user_can_add_a_month_spelling() -> None:
    rules = qazparse.default_rules().extend(
        "calendar",
        {"months": {"october": {"number": 10, "stem": "қазан", "abbreviation": "қаз.", "variants": ["окт"]}}},
    )
    assert extract("21 октте", rules=rules, reference_date=DEFAULT_REFERENCE).dates[0].start == _dt.date(
        2025, 10, 21
    )
    assert extract("21 октте", reference_date=DEFAULT_REFERENCE).dates == ()


def test_bad_calendar_data_is_reported() -> None:
    with pytest.raises(RulesError) as err:
        qazparse.default_rules().extend(
            "calendar", {"months": {"bad": {"number": 13, "stem": "x", "abbreviation": "x."}}}
        )
    assert "calendar.months.bad.number" in str(err.value)


# --- linear time ---------------------------------------------------------------------------

# Inputs that used to cost quadratic time in the dates step: every numeral, digit or calendar
# word is a trigger, and each trigger's pattern scanned on to the end of the text (and the
# selection of non-overlapping candidates compared each with all those kept before).
ADVERSARIAL = {
    "numeral words": "бес ",
    "from-to numerals": "сексеннен алпыс ",
    "digits and hyphens": "1-",
    "digits and dots": "1.",
    "year words": "жыл ",
    "years": "2025 жылы ",
    "clock times": "сағат 10:00 ",
    "weekdays": "сенбі ",
    "modifiers": "өткен ",
    "roman numerals": "XX ",
}
SCALE_SIZE = 32_000  # characters: large enough for a quadratic term to show, small enough to stay quick
SCALE_FACTOR = 3.0  # linear code measures 1.8-2.3 when the size doubles


def _dates_timer(text: str) -> Callable[[], float]:
    """Time extract_dates alone: the numerals it builds on are read once, beforehand."""
    prepared = make_context(text)
    find_numeral_matches(prepared)
    memo = dict(prepared.memo)

    def run() -> float:
        context = Context(prepared.text, prepared.rules, prepared.reference_date, memo=dict(memo))
        return cpu_seconds(lambda: extract_dates(context))

    return run


def doubling_ratio(timer: Callable[[str], Callable[[], float]], unit: str, size: int) -> float:
    """time(2n) / time(n), best of three runs each (the 2n runs stop once the ratio is fine)."""
    small = timer(unit * (size // len(unit)))
    base = min(small() for _ in range(3))
    large = timer(unit * (2 * size // len(unit)))
    best = float("inf")
    for _ in range(3):
        best = min(best, large())
        if best <= SCALE_FACTOR * base:
            break
    return best / max(base, 1e-4)


@pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_dates_take_linear_time_on_adversarial_input(unit: str) -> None:
    assert doubling_ratio(_dates_timer, unit, SCALE_SIZE) <= SCALE_FACTOR
