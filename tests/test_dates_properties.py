"""Dates: properties checked against independent oracles.

- Babel's CLDR ``kk`` patterns (the formats Kazakh software prints) for random dates in
  1900-2100 parse back to the same date, month or quarter.
- Our own strategies (``qazparse.strategies.dates``) in every format we claim.
- Relative phrases against random references land where ``dateutil.relativedelta`` says.
- A mention dropped into filler text is found at its exact offset; arbitrary text never
  breaks the extractor.
"""

from __future__ import annotations

import contextlib
import datetime as _dt

import pytest
from babel.dates import format_date, format_datetime, format_skeleton
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given
from hypothesis import strategies as st

from qazparse import Grain, ParseError, extract, parse_date
from qazparse.strategies.dates import absolute_dates, relative_dates

DATES = st.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(2100, 12, 31))
REFERENCES = st.dates(min_value=_dt.date(1950, 1, 1), max_value=_dt.date(2080, 12, 31))


def _month(day: _dt.date) -> tuple[_dt.date, _dt.date]:
    first = day.replace(day=1)
    return first, first + relativedelta(day=31)


# --- Babel (CLDR kk) as the oracle ---------------------------------------------------------

FULL_DATE_FORMATS = ("full", "long", "medium")
FULL_DATE_SKELETONS = ("yMd", "yMMMd", "yMMMEd", "yMEd")


@pytest.mark.parametrize("fmt", FULL_DATE_FORMATS)
@given(day=DATES)
def test_babel_date_formats(fmt: str, day: _dt.date) -> None:
    text = format_date(day, fmt, locale="kk")
    mention = parse_date(text)
    assert (mention.start, mention.end, mention.grain) == (day, day, Grain.DAY), text


@pytest.mark.parametrize("skeleton", FULL_DATE_SKELETONS)
@given(day=DATES)
def test_babel_full_date_skeletons(skeleton: str, day: _dt.date) -> None:
    text = format_skeleton(skeleton, day, locale="kk")
    mention = parse_date(text)
    assert (mention.start, mention.end, mention.grain) == (day, day, Grain.DAY), text


@given(day=st.dates(min_value=_dt.date(1950, 1, 1), max_value=_dt.date(2049, 12, 31)))
def test_babel_short_format_two_digit_years(day: _dt.date) -> None:
    # dd.MM.yy: a two-digit year is read as 1950-2049 (00-49 -> 20xx, 50-99 -> 19xx).
    text = format_date(day, "short", locale="kk")
    assert parse_date(text).start == day, text


@pytest.mark.parametrize("fmt", ("medium", "short"))
@given(moment=st.datetimes(min_value=_dt.datetime(1950, 1, 1), max_value=_dt.datetime(2049, 12, 31, 23, 59)))
def test_babel_datetime_formats(fmt: str, moment: _dt.datetime) -> None:
    text = format_datetime(moment, fmt, locale="kk")
    mention = parse_date(text)
    assert (mention.start, mention.hour, mention.minute) == (moment.date(), moment.hour, moment.minute), text
    assert mention.grain == Grain.MINUTE


@pytest.mark.parametrize("skeleton", ("yMMMM", "yMMM"))
@given(day=DATES)
def test_babel_month_skeletons(skeleton: str, day: _dt.date) -> None:
    text = format_skeleton(skeleton, day, locale="kk")
    mention = parse_date(text)
    assert (mention.start, mention.end, mention.grain) == (*_month(day), Grain.MONTH), text


@pytest.mark.parametrize("skeleton", ("yQQQQ", "yQQQ"))
@given(day=DATES)
def test_babel_quarter_skeletons(skeleton: str, day: _dt.date) -> None:
    text = format_skeleton(skeleton, day, locale="kk")
    quarter = (day.month - 1) // 3
    first = _dt.date(day.year, 3 * quarter + 1, 1)
    mention = parse_date(text)
    assert (mention.start, mention.end) == (first, first + relativedelta(months=3, days=-1)), text
    assert mention.grain == Grain.QUARTER


@pytest.mark.parametrize("skeleton", ("MMMMd", "MMMd", "MMMEd"))
@given(day=DATES, reference=REFERENCES)
def test_babel_day_month_takes_the_reference_year(skeleton: str, day: _dt.date, reference: _dt.date) -> None:
    assume(not (day.month == 2 and day.day == 29))
    text = format_skeleton(skeleton, day, locale="kk")
    if skeleton == "MMMEd":  # the weekday belongs to the drawn year: draw the reference in it
        reference = reference.replace(year=day.year)
    mention = parse_date(text, reference=reference)
    expected = day.replace(year=reference.year)
    assert (mention.start, mention.month, mention.day, mention.year) == (
        expected,
        day.month,
        day.day,
        None,
    ), text
    assert parse_date(text).start is None


# --- our own strategies ----------------------------------------------------------------------


@given(absolute_dates())
def test_every_claimed_format(case: object) -> None:
    mention = parse_date(case.phrase, reference=case.reference)  # type: ignore[attr-defined]
    got = (mention.start, mention.end, mention.grain.value)
    assert got == (case.start, case.end, case.grain), case  # type: ignore[attr-defined]


@given(absolute_dates(), st.sampled_from(("ҚАЗАН", "Upper", "lower")))
def test_letter_case_does_not_change_the_value(case: object, how: str) -> None:
    phrase: str = case.phrase  # type: ignore[attr-defined]
    changed = phrase.upper() if how == "ҚАЗАН" else phrase.capitalize() if how == "Upper" else phrase.lower()
    assert parse_date(changed).start == parse_date(phrase).start


# --- relative phrases against dateutil.relativedelta --------------------------------------


def _expected_period(reference: _dt.date, unit: str, offset: int) -> tuple[_dt.date, _dt.date]:
    moved = reference + relativedelta(**{unit + "s": offset})
    if unit == "day":
        return moved, moved
    if unit == "week":
        monday = moved + relativedelta(days=-moved.weekday())
        return monday, monday + relativedelta(days=6)
    if unit == "month":
        return _month(moved)
    return _dt.date(moved.year, 1, 1), _dt.date(moved.year, 12, 31)


@given(relative_dates())
def test_relative_phrases_land_where_relativedelta_says(drawn: tuple[str, _dt.date, str, int]) -> None:
    phrase, reference, unit, offset = drawn
    mention = parse_date(phrase, reference=reference)
    assert (mention.start, mention.end) == _expected_period(reference, unit, offset), phrase
    assert mention.grain == Grain(unit)
    unresolved = parse_date(phrase)
    assert (unresolved.start, unresolved.end) == (None, None)
    assert unresolved.relative == mention.relative


@given(
    st.integers(1, 60),
    st.sampled_from((("жылда", "years"), ("айда", "months"), ("күнде", "days"))),
    REFERENCES,
)
def test_last_n_units_end_at_the_reference(count: int, unit: tuple[str, str], reference: _dt.date) -> None:
    mention = parse_date(f"соңғы {count} {unit[0]}", reference=reference)
    assert (mention.start, mention.end) == (reference - relativedelta(**{unit[1]: count}), reference)


@given(REFERENCES, st.integers(0, 6))
def test_weekdays_with_modifiers(reference: _dt.date, weekday: int) -> None:
    names = ("дүйсенбіде", "сейсенбіде", "сәрсенбіде", "бейсенбіде", "жұмада", "сенбіде", "жексенбіде")
    last = parse_date(f"өткен {names[weekday]}", reference=reference).start
    this = parse_date(f"осы {names[weekday]}", reference=reference).start
    assert last is not None and this is not None
    assert last.weekday() == this.weekday() == weekday
    assert (this - last).days == 7
    monday = reference - relativedelta(days=reference.weekday())
    assert monday <= this <= monday + relativedelta(days=6)


# --- in running text -------------------------------------------------------------------------

FILLER = st.lists(
    st.sampled_from(
        ("Президент", "елге", "сапармен", "келді", "және", "жаңа", "жобалар", "талқыланды", "бүкіл")
    ),
    min_size=0,
    max_size=6,
).map(" ".join)


@given(absolute_dates(), FILLER, FILLER)
def test_a_date_in_filler_text_is_found_at_its_offset(case: object, before: str, after: str) -> None:
    phrase: str = case.phrase  # type: ignore[attr-defined]
    prefix = before + " " if before else ""
    text = f"{prefix}{phrase} {after}".rstrip() + "."
    found = extract(text).dates
    at = [m for m in found if m.span.start == len(prefix)]
    assert at, (text, found)
    mention = at[0]
    assert mention.start == case.start  # type: ignore[attr-defined]
    assert text[mention.span.start : mention.span.end] == mention.span.text


@given(st.text(max_size=300))
def test_any_text_is_safe(text: str) -> None:
    found = extract(text).dates
    last = -1
    for m in found:
        assert 0 <= m.span.start < m.span.end <= len(text)
        assert text[m.span.start : m.span.end] == m.span.text
        assert m.span.start >= last
        last = m.span.end
        if m.start is not None and m.end is not None:
            assert m.start <= m.end
    with contextlib.suppress(ParseError):
        parse_date(text)


@given(st.text(alphabet="0123456789 .-:–жылғықазандаыбүгінсағат", max_size=200), REFERENCES)
def test_date_like_noise_is_safe(text: str, reference: _dt.date) -> None:
    for m in extract(text, reference_date=reference).dates:
        assert text[m.span.start : m.span.end] == m.span.text
