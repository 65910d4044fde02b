"""Properties of the numeral reader, driven by the public strategies in qazparse.strategies.numerals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from qazparse import Number, Ordinal, extract, number_to_words, numerals, parse_number, parse_ordinal
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


# --- the fast paths read exactly what the full patterns read -----------------------------------
# numerals.py finds candidate places with a cheap pattern, reads plain tokens from a cache, and
# reads lone tokens and runs of joined tokens from caches of matches; each must agree with the full
# reading.  The pieces below are chosen to sit on every edge of those shortcuts: hyphens, dots,
# commas and colons next to digits, marks, letters and digits from outside the Cyrillic and Latin
# blocks, Roman numerals, "де", ablative endings (fractions), бір (бір-бірі).
_PIECES = (
    "бес", "Бес", "жүз", "мың", "млн", "млн.", "млрд", "он", "оннан", "бүтін", "жарым", "жарты", "үштен",
    "бір", "бір-бірі", "бірінші", "екеуі", "алтау", "қырқыншы", "жүздеген", "мыңдай", "үшін", "оның",
    "бесінші-ақ", "1", "25", "2025", "1 000", "12 345 678", "1,5", "2.5", "5:30", "3.4.5", "5-і", "2-нші",
    "10-нан", "5-тарау", "3-еу-ақ", "7–8", "XXI", "ғасыр", "ХІ", "iv", "де", "те", "астам", "жуық",
    "шамамен", "минус", "есе", "бөлігі", "адам", "жыл", "myń", "130-dan", "٣", "٣٤", "３", "²", "½",
    "\u0301", "ñ", "№", "_", "«", "»", "(", ")", "-", "–", "—", ".", ",", ":", ";", "%", "/", "\n", "\t",
)  # fmt: skip
_GLUE = ("", " ", " ", "  ", "-", " - ", " – ", ", ", ". ", "\n", "\t")


@st.composite
def _numeral_soup(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GLUE)), max_size=12))
    tail = draw(st.text(max_size=3))
    return "".join(piece + glue for piece, glue in parts) + tail


def _reference_tokens(lex: Any, lower: str, norm: str) -> list[tuple[Any, ...]]:
    """Tokens as one pass of the whole token pattern finds them (what _tokens must equal)."""
    out: list[Any] = []
    for m in lex.token_re.finditer(lower):
        p = m.start()
        if m.group("d") is not None:
            numerals._add_digits(lex, lower, lex.digit_re.match(lower, p), p, out)
        else:
            numerals._add_letters(lex, lower, norm, lex.letter_re.match(lower, p), p, out)
    return [_fields(t) for t in out]


def _fields(tok: Any) -> tuple[Any, ...]:
    return (tok.start, tok.end, tok.core_end, tok.cls, tok.value, tok.ending, tok.deriv, tok.word, tok.stem,
            tok.particle)  # fmt: skip


@given(st.one_of(_numeral_soup(), st.text(max_size=40)))
def test_tokens_equal_one_pass_of_the_token_pattern(text: str) -> None:
    context = make_context(text)
    lex = numerals._lexicon(context.rules)
    lower, norm = context.text.lower, context.text.norm
    assert [_fields(t) for t in numerals._tokens(lex, lower, norm)] == _reference_tokens(lex, lower, norm)


def _assert_cached_equals_full(text: str) -> None:
    context = make_context(text)
    scanner = numerals._Scanner(numerals._lexicon(context.rules), context.text.lower, context.text.norm)
    full = scanner.scan_tokens(0, len(scanner.toks), cache=False)
    assert scanner.scan() == full
    assert scanner.scan() == full  # and again, now from the caches


@given(st.one_of(_numeral_soup(), st.text(max_size=40)))
def test_cached_matches_equal_the_full_reading(text: str) -> None:
    _assert_cached_equals_full(text)


_RUN_PIECES = (
    "бір", "бес", "он", "жүз", "мың", "үштен", "оннан", "бүтін", "5", "1", "3-тен", "сексеннен", "алпыс", "екеуі",
)  # fmt: skip
_BEFORE = ("", " ", "-", "5-", "x-", "(", "минус ", "шамамен ", "үштен ")
_AFTER = (
    "", " ", "-", "-бір", "-біраз", "-бірі", " бөлігі", " бөлігін", " адам", ".", " де бес", " есебімен", " астам",
)  # fmt: skip


@given(
    st.lists(st.sampled_from(_RUN_PIECES), min_size=1, max_size=3),
    st.lists(st.sampled_from((" ", "-", " – ", "  ")), min_size=2, max_size=2),
    st.lists(st.tuples(st.sampled_from(_BEFORE), st.sampled_from(_AFTER)), min_size=2, max_size=3),
)
def test_cached_matches_do_not_depend_on_the_surroundings(
    pieces: list[str], glue: list[str], contexts: list[tuple[str, str]]
) -> None:
    """The same run of tokens in different surroundings: the first reading fills the caches."""
    run = glue[0].join(pieces[:2]) + (glue[1] + pieces[2] if len(pieces) > 2 else "")
    text = " | ".join(f"{before}{run}{after}" for before, after in contexts)
    _assert_cached_equals_full(text)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("бір бес", "-бір бес"),  # a hyphen before бір: бір-бірі
        ("бес бір", "бес бір-бірі"),  # -бір after бір
        ("бір мың", "5-бір мың"),
        ("3-тен 1 адам", "3-тен 1 бөлігі"),  # a "part" word makes N-нан M a fraction
        ("сексеннен алпыс шақырым", "сексеннен алпысы бөлігі"),
        ("сексеннен алпыс шақырым", "сексеннен алпыс бөлігі"),
        ("2 – 3", "2 3"),  # a range dash, or two numbers
        ("бес-алты", "бес алты"),
        ("бір де бес", "бір де бес есебімен"),  # "де": a decimal, or a score
    ],
)
def test_cached_matches_in_different_surroundings(first: str, second: str) -> None:
    _assert_cached_equals_full(f"{first} | {second} | {first}.")
