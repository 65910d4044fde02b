"""Numerals: the corpus (phrase -> value, positive and negative), the scanning API, the writer."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from qazparse import Number, Ordinal, ParseError, Qualifier, default_rules, extract, parse_number, parse_ordinal
from qazparse.extract import make_context
from qazparse.numerals import (
    FRACTION_PLACES,
    NumeralMatch,
    extract_numerals,
    find_numeral_matches,
    number_to_words,
    qualifier_after,
    qualifier_before,
)

CORPUS = Path(__file__).resolve().parent / "corpus" / "numerals.toml"
DATA = tomllib.loads(CORPUS.read_text(encoding="utf-8"))
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _value(raw: Any) -> int | Decimal:
    return Decimal(raw) if isinstance(raw, str) else raw


def _same(got: Any, want: Any) -> bool:
    """Exact equality, and the right type: int for whole values, Decimal otherwise."""
    want = _value(want)
    if isinstance(want, Decimal) and want == want.to_integral_value():
        want = int(want)
    return bool(got == want and type(got) is type(want))


# --- the corpus ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "value"), DATA["numbers"].items(), ids=list(DATA["numbers"]))
def test_number(phrase: str, value: Any) -> None:
    number = parse_number(phrase)
    assert _same(number.value, value), number
    assert number.span.text == phrase.strip().rstrip(".")


@pytest.mark.parametrize(("phrase", "expected"), DATA["qualified"].items(), ids=list(DATA["qualified"]))
def test_qualified(phrase: str, expected: list[Any]) -> None:
    number = parse_number(phrase)
    assert _same(number.value, expected[0])
    assert number.qualifier is Qualifier(expected[1])


@pytest.mark.parametrize(("phrase", "expected"), DATA["ranges"].items(), ids=list(DATA["ranges"]))
def test_range(phrase: str, expected: list[Any]) -> None:
    number = parse_number(phrase)
    assert _same(number.low, expected[0]) and _same(number.high, expected[1])
    assert number.value == number.low


@pytest.mark.parametrize(("phrase", "value"), DATA["ordinals"].items(), ids=list(DATA["ordinals"]))
def test_ordinal(phrase: str, value: int) -> None:
    ordinal = parse_ordinal(phrase)
    assert ordinal.value == value and isinstance(ordinal.value, int)


@pytest.mark.parametrize(("text", "expected"), DATA["roman_in_text"].items(), ids=list(DATA["roman_in_text"]))
def test_roman_in_text(text: str, expected: list[Any]) -> None:
    found = [o for o in extract_numerals(make_context(text)) if isinstance(o, Ordinal)]
    assert [(o.span.text, o.value) for o in found][:1] == [tuple(expected)]


@pytest.mark.parametrize(("n", "words"), DATA["words"].items(), ids=list(DATA["words"]))
def test_number_to_words(n: str, words: str) -> None:
    value = Decimal(n) if "." in n else int(n)
    assert number_to_words(value) == words
    assert parse_number(words).value == value


@pytest.mark.parametrize(("n", "words"), DATA["ordinal_words"].items(), ids=list(DATA["ordinal_words"]))
def test_ordinal_to_words(n: str, words: str) -> None:
    assert number_to_words(int(n), ordinal=True) == words
    assert parse_ordinal(words).value == int(n)


@pytest.mark.parametrize(("text", "expected"), DATA["in_text"].items(), ids=list(DATA["in_text"]))
def test_in_running_text(text: str, expected: list[list[Any]]) -> None:
    found = [m for m in extract_numerals(make_context(text)) if isinstance(m, Number)]
    assert [m.span.text for m in found] == [e[0] for e in expected]
    for mention, (span, value) in zip(found, expected, strict=True):
        assert _same(mention.value, value)
        assert text[mention.span.start : mention.span.end] == span


@pytest.mark.parametrize("phrase", DATA["not_numbers"]["phrases"])
def test_not_a_number(phrase: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_number(phrase)
    assert 0 <= info.value.position <= len(phrase)


@pytest.mark.parametrize("phrase", DATA["not_ordinals"]["phrases"])
def test_not_an_ordinal(phrase: str) -> None:
    with pytest.raises(ParseError):
        parse_ordinal(phrase)


def test_corpus_is_substantial() -> None:
    total = sum(len(v["phrases"]) if "phrases" in v else len(v) for v in DATA.values())
    assert total >= 400
    assert len(DATA["not_numbers"]["phrases"]) + len([v for v in DATA["in_text"].values() if not v]) >= 50


# --- the scanning API used by dates and quantities -----------------------------------------------


def _matches(text: str) -> list[NumeralMatch]:
    return find_numeral_matches(make_context(text))


def test_matches_fields_for_digits_with_ending() -> None:
    text = "саны 60-тан астам"
    (m,) = _matches(text)
    assert (text[m.start : m.end], text[m.start : m.core_end], m.ending) == ("60-тан", "60", "тан")
    assert m.digits and not m.words and not m.ordinal and m.value == 60


def test_matches_fields_for_words_with_ending() -> None:
    (m,) = _matches("жиырмаға")
    assert (m.core_end, m.end, m.ending, m.words) == (6, 8, "ға", True)


def test_matches_are_maximal() -> None:
    text = "8 миллион 108 мың, 18,2 миллиард, 1,5 млрд, бір жарым миллион, 168 960"
    assert [text[m.start : m.end] for m in _matches(text)] == [
        "8 миллион 108 мың",
        "18,2 миллиард",
        "1,5 млрд",
        "бір жарым миллион",
        "168 960",
    ]
    assert [m.scale for m in _matches(text)] == [3, 9, 9, 6, 0]


def test_matches_ranges() -> None:
    got = [(m.low, m.high, m.value) for m in _matches("10-15 пайыз, 10 – 15 мың теңге, бес-алты адам")]
    assert got == [(10, 15, 10), (10000, 15000, 10000), (5, 6, 5)]


def test_matches_ordinals() -> None:
    text = "бірінші, 2-нші, XXI ғасыр, 5-тарау"
    got = [(text[m.start : m.end], m.value, m.ordinal) for m in _matches(text)]
    assert got == [("бірінші", 1, True), ("2-нші", 2, True), ("XXI", 21, True), ("5", 5, True)]
    assert _matches(text)[-1].hyphen_noun and _matches(text)[2].roman


def test_matches_keep_lone_one_flagged() -> None:
    (m,) = _matches("бір маңызды қадам")
    assert m.lone_one and m.value == 1
    assert not _matches("он бір")[0].lone_one
    assert [n.value for n in extract("бір маңызды қадам").numbers] == []


def test_matches_are_computed_once_per_text() -> None:
    context = make_context("бес мың")
    assert find_numeral_matches(context) is find_numeral_matches(context)


def test_matches_skip_the_date_prefix() -> None:
    assert [m.value for m in _matches(" date 2025-10-21 Бес адам")] == [5]


def test_fraction_that_does_not_end_is_rounded_and_flagged() -> None:
    (m,) = _matches("үштен бір")
    assert not m.exact and (m.numerator, m.denominator) == (1, 3)
    assert m.value == Decimal(1 / Decimal(3)).quantize(Decimal(1).scaleb(-FRACTION_PLACES))
    (q,) = _matches("төрттен үш")
    assert q.exact and q.value == Decimal("0.75")


@pytest.mark.parametrize(
    ("text", "end_word", "qualifier", "rest"),
    [
        ("70 миллиард доллардан асатын келісім", "доллардан", Qualifier.MORE_THAN, " келісім"),
        ("60-тан астам", "60-тан", Qualifier.MORE_THAN, ""),
        ("бір жарым миллион тоннаға жуықтады", "тоннаға", Qualifier.APPROXIMATELY, ""),
        ("90 пайызға дейін", "пайызға", Qualifier.UP_TO, ""),
        ("22:00 шамасында", "22:00", Qualifier.APPROXIMATELY, ""),
        ("5-тен кем емес", "5-тен", Qualifier.AT_LEAST, ""),
    ],
)
def test_qualifier_after(text: str, end_word: str, qualifier: Qualifier, rest: str) -> None:
    end = text.index(end_word) + len(end_word)
    found = qualifier_after(text.lower(), end, default_rules())
    assert found is not None and found[0] is qualifier
    assert text[found[1] :] == rest


@pytest.mark.parametrize(
    ("text", "end_word"),
    [("70 миллиард доллар асатын", "доллар"), ("60 астам", "60"), ("90 пайыз дейін", "пайыз"), ("бес адам", "бес")],
)
def test_qualifier_after_needs_the_governed_case(text: str, end_word: str) -> None:
    assert qualifier_after(text.lower(), text.index(end_word) + len(end_word), default_rules()) is None


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("шамамен 10", Qualifier.APPROXIMATELY),
        ("кем дегенде 30", Qualifier.AT_LEAST),
        ("Кемінде 5", Qualifier.AT_LEAST),
    ],
)
def test_qualifier_before(text: str, qualifier: Qualifier) -> None:
    start = len(text) - len(text.split()[-1])
    assert qualifier_before(text.lower(), start, default_rules()) == (qualifier, 0)


def test_qualifier_before_is_a_whole_word() -> None:
    assert qualifier_before("ешамамен 10", 9, default_rules()) is None
    assert qualifier_before("бес 10", 4, default_rules()) is None


def test_qualifier_words_are_data() -> None:
    rules = default_rules().extend(
        "numerals", {"qualifiers": {"test": {"words": ["әрі-кетсе"], "qualifier": "up_to", "position": "before"}}}
    )
    assert qualifier_before("әрі-кетсе 10", 10, rules) == (Qualifier.UP_TO, 0)


# --- strict parsing, errors, writing -------------------------------------------------------------


def test_lone_one_parses_strictly() -> None:
    assert parse_number("бір").value == 1


def test_parse_error_position_points_past_the_number() -> None:
    with pytest.raises(ParseError) as info:
        parse_number("бес адам")
    assert info.value.position == 3


def test_number_to_words_limits() -> None:
    with pytest.raises(ValueError):
        number_to_words(10**18 + 1)
    with pytest.raises(TypeError):
        number_to_words(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        number_to_words(Decimal("1.5"), ordinal=True)
    assert number_to_words(Decimal("2.50")) == "екі бүтін оннан бес"


def test_spans_point_into_the_original_text() -> None:
    text = "Бес\u00a0мың адам, 60‑тан астам"  # no-break space, non-breaking hyphen
    found = [m for m in extract_numerals(make_context(text)) if isinstance(m, Number)]
    assert [text[m.span.start : m.span.end] for m in found] == ["Бес\u00a0мың", "60‑тан астам"]


@pytest.mark.parametrize("text", ["\U00011f53", "x \U00011f53,5 y", "5\U00011f53 мың", "\U00011f53-\U00011f54 жыл"])
def test_digits_unknown_to_int_do_not_raise(text: str) -> None:
    """Kawi digits (Unicode 15) are digits to the pattern but not to int() on Python 3.11."""
    for mention in extract(text).all():
        assert text[mention.span.start : mention.span.end] == mention.span.text


def test_seeds_numbers() -> None:
    """The numbers of the first seed article, where no other extractor claims them."""
    text = (SEEDS / "000_5d1492a2c3abf569.txt").read_text(encoding="utf-8")
    values = [m.value for m in _matches(text)]
    for expected in (168960, 252, 23, 70000000000, 186, 43, 30, 1):
        assert expected in values
    assert 4 in values  # "төрт ресми рәсім"


# --- the one form generator (qazparse.morphology) against KAZAKH.md §2.3 and §6 ------------------

_CASES7 = ("genitive", "dative", "accusative", "locative", "ablative", "instrumental", "possessive3")
_TABLE = {  # word: genitive dative accusative locative ablative instrumental possessive3
    "бір": "дің ге ді де ден мен і",
    "екі": "нің ге ні де ден мен сі",
    "үш": "тің ке ті те тен пен і",
    "алты": "ның ға ны да дан мен сы",
    "сегіз": "дің ге ді де ден бен і",
    "тоғыз": "дың ға ды да дан бен ы",
    "он": "ның ға ды да нан мен ы",
    "жиырма": "ның ға ны да дан мен сы",
    "қырық": "тың қа ты та тан пен ы",
    "елу": "дің ге ді де ден мен і",
    "сексен": "нің ге ді де нен мен і",
    "жүз": "дің ге ді де ден бен і",
    "мың": "ның ға ды да нан мен ы",
    "миллиард": "тың қа ты та тан пен ы",
    "пайыз": "дың ға ды да дан бен ы",
    "теңге": "нің ге ні де ден мен сі",
    "шақырым": "ның ға ды да нан мен ы",
    "километр": "дің ге ді де ден мен і",
    "сағат": "тың қа ты та тан пен ы",
    "минут": "тың қа ты та тан пен ы",
    "литр": "дің ге ді де ден мен і",
    "ай": "дың ға ды да дан мен ы",
}


@pytest.mark.parametrize(("word", "endings"), _TABLE.items(), ids=list(_TABLE))
def test_endings_follow_kazakh_md_tables(word: str, endings: str) -> None:
    from qazparse.morphology import ending_for

    assert [ending_for(word, case) for case in _CASES7] == endings.split()


@pytest.mark.parametrize(
    ("word", "case", "form"),
    [
        ("рубль", "possessive3", "рублі"),
        ("рубль", "dative", "рубльге"),
        ("сотық", "possessive3", "сотығы"),
        ("жыл", "adjectival", "жылдық"),
        ("ай", "adjectival", "айлық"),
        ("сағат", "plural", "сағаттар"),
        ("күн", "plural", "күндер"),
        ("тонна", "approximative", "тоннадай"),
        ("бес", "approximative", "бестей"),
    ],
)
def test_inflect_writes_the_form(word: str, case: str, form: str) -> None:
    from qazparse.morphology import inflect

    assert inflect(word, case) == form
