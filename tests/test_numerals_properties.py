"""Properties of the numeral reader, driven by the public strategies in qazparse.strategies.numerals."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from qazparse import Number, Ordinal, extract, number_to_words, parse_number, parse_ordinal
from qazparse.extract import make_context
from qazparse.numerals import extract_numerals, find_numeral_matches
from qazparse.strategies.numerals import (
    CASES,
    NumeralPhrase,
    cardinal_phrases,
    case_ending,
    decimal_words,
    digit_numbers,
    halves,
    mixed,
    ordinal_phrases,
    with_ending,
    with_qualifier,
    words,
)


@given(st.integers(0, 10**18 - 1))
def test_words_round_trip(n: int) -> None:
    assert parse_number(number_to_words(n)).value == n


@given(st.integers(1, 10**18 - 1))
def test_ordinal_words_round_trip(n: int) -> None:
    assert parse_ordinal(number_to_words(n, ordinal=True)).value == n


@given(st.integers(0, 10**12), st.integers(1, 6), st.data())
def test_decimal_words_round_trip(whole: int, places: int, data: st.DataObject) -> None:
    frac = data.draw(st.integers(1, 10**places - 1))
    value = Decimal(whole) + Decimal(frac).scaleb(-places)
    assert parse_number(number_to_words(value)).value == value.normalize()


@given(st.one_of(words(), digit_numbers(), decimal_words(), mixed(), halves()))
def test_phrases_read_back(phrase: NumeralPhrase) -> None:
    assert parse_number(phrase.text).value == phrase.value


@given(with_ending(st.one_of(words(max_value=10**9), digit_numbers(), mixed(), halves())))
def test_any_case_ending_keeps_the_value(phrase: NumeralPhrase) -> None:
    number = parse_number(phrase.text)
    assert number.value == phrase.value
    (match,) = find_numeral_matches(make_context(phrase.text))
    assert match.ending == phrase.ending


@given(ordinal_phrases())
def test_ordinal_phrases_read_back(phrase: NumeralPhrase) -> None:
    assert parse_ordinal(phrase.text).value == phrase.value


@given(with_qualifier(cardinal_phrases()))
def test_qualifiers_read_back(phrase: NumeralPhrase) -> None:
    number = parse_number(phrase.text)
    assert (number.value, number.qualifier) == (phrase.value, phrase.qualifier)


_FILLER = ("және", "бойынша", "туралы", "үкімет", "жоба", "келісім", "деп", "хабарлайды", "қала", "жаңа", "өтті", "ел")


@given(
    st.one_of(cardinal_phrases(), ordinal_phrases()),
    st.lists(st.sampled_from(_FILLER), min_size=0, max_size=4),
    st.lists(st.sampled_from(_FILLER), min_size=1, max_size=4),
    st.sampled_from((" ", ", ", " — ")),
)
def test_found_in_filler_at_its_offsets(phrase: NumeralPhrase, before: list[str], after: list[str], sep: str) -> None:
    assume(phrase.text.lower() not in {"бір", "жарты", "ширек"})  # alone these may be other words
    head = " ".join(before)
    prefix = head + sep if head else ""
    text = f"{prefix}{phrase.text}{sep}{' '.join(after)}."
    start, end = len(prefix), len(prefix) + len(phrase.text)
    kind = Ordinal if phrase.ordinal else Number
    found = [m for m in extract(text).all() if isinstance(m, kind)]
    assert [(m.span.start, m.span.end, m.value) for m in found] == [(start, end, phrase.value)]


@given(st.text(max_size=60))
def test_never_raises(text: str) -> None:
    for mention in extract_numerals(make_context(text)):
        assert text[mention.span.start : mention.span.end] == mention.span.text


@given(st.sampled_from(("1", "бес", "жүз ", "- ", "мың ", "бір ")), st.integers(1, 3000))
def test_long_repetitive_input_is_fast(unit: str, times: int) -> None:
    text = unit * times
    matches = find_numeral_matches(make_context(text))
    assert all(0 <= m.start < m.end <= len(text) for m in matches)


@given(st.sampled_from(("алпыс", "жиырма", "жүз", "мың", "миллиард", "елу", "екі", "қырық")), st.sampled_from(CASES))
def test_case_endings_follow_the_tables(word: str, case: str) -> None:
    ending = case_ending(word, case)
    assert parse_number(f"{word}{ending}" if not (word == "қырық" and ending[0] in "ыі") else f"қырқ{ending}").value
