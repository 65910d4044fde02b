"""Bylines: the corpus (phrase -> fields, positive and negative), strict parsing, names and rules."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from qazparse import Byline, ParseError, default_rules, extract, parse_byline
from qazparse.names import find_names, nominative, nominative_phrase, split_title

CORPUS = Path(__file__).resolve().parent / "corpus"

_DATA = tomllib.loads((CORPUS / "bylines.toml").read_text(encoding="utf-8"))
POSITIVE = _DATA["positive"]
NEGATIVE = _DATA["negative"]
FIELDS = ("outlet", "author", "role", "via", "title")


def _id(case: dict[str, str]) -> str:
    return case["text"][:60]


def _fields(byline: Byline) -> dict[str, str | None]:
    return {f: getattr(byline, f) for f in FIELDS}


def _expected(case: dict[str, str]) -> dict[str, str | None]:
    return {f: case.get(f) for f in FIELDS}


@pytest.mark.parametrize("case", POSITIVE, ids=_id)
def test_corpus_positive_in_running_text(case: dict[str, str]) -> None:
    text = case["text"]
    found = extract(text).bylines
    assert len(found) == 1, [b.span.text for b in found]
    byline = found[0]
    assert byline.span.text == case["span"]
    assert text[byline.span.start : byline.span.end] == case["span"]
    assert _fields(byline) == _expected(case)


@pytest.mark.parametrize("case", POSITIVE, ids=_id)
def test_corpus_positive_strict(case: dict[str, str]) -> None:
    byline = parse_byline(case["span"])
    assert _fields(byline) == _expected(case)
    assert byline.span.text == case["span"]


@pytest.mark.parametrize("case", NEGATIVE, ids=lambda c: c["why"])
def test_corpus_negative(case: dict[str, str]) -> None:
    assert extract(case["text"]).bylines == ()


def test_corpus_is_substantial() -> None:
    assert len(POSITIVE) >= 50 and len(NEGATIVE) >= 15
    roles = {c.get("role") for c in POSITIVE}
    assert {"correspondent", "press_service", "source", "photo", "author", "video"} <= roles


# --- strict parsing -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "деп хабарлайды",
        "хабарлайды BAQ.KZ",
        "деп хабарлайды BAQ.KZ тілшісі және тағы бір сөз бар",
        "BAQ.KZ",
        "— деді Тоқаев",
        "Фото:",
    ],
)
def test_parse_byline_rejects(text: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_byline(text)
    assert err.value.text == text
    assert 0 <= err.value.position <= len(text)


def test_parse_byline_allows_outer_punctuation() -> None:
    byline = parse_byline("  деп хабарлайды BAQ.KZ тілшісі. ")
    assert (byline.outlet, byline.role, byline.span.start) == ("BAQ.KZ", "correspondent", 2)


def test_parse_byline_type_error() -> None:
    with pytest.raises(TypeError):
        parse_byline(None)  # type: ignore[arg-type]


# --- overlap, offsets, extension --------------------------------------------------------


def test_byline_wins_over_number_inside_it() -> None:
    ex = extract("Ойын басталды, деп хабарлайды Хабар 24 тілшісі 24.kz-ке сілтеме жасап.")
    assert [b.outlet for b in ex.bylines] == ["Хабар 24"]
    assert ex.bylines[0].via == "24.kz"
    assert not any(ex.bylines[0].span.overlaps(n.span) for n in ex.numbers)


def test_offsets_map_to_original_with_nonbreaking_space_and_prefix() -> None:
    text = " date 2025-10-21 Жиын өтті, деп\u00a0хабарлайды BAQ.KZ\u00a0тілшісі."
    (byline,) = extract(text).bylines
    assert text[byline.span.start : byline.span.end] == byline.span.text
    assert byline.span.text == "деп\u00a0хабарлайды BAQ.KZ\u00a0тілшісі"


def test_with_outlet_canonicalises_a_new_outlet() -> None:
    text = "Жиын өтті, деп хабарлайды sarbaz.kz тілшісі."
    assert extract(text).bylines[0].outlet == "sarbaz.kz"
    rules = default_rules().with_outlet("Sarbaz", variants=["sarbaz.kz", "Сарбаз"])
    assert extract(text, rules=rules).bylines[0].outlet == "Sarbaz"
    assert extract("Жиын өтті, деп хабарлайды «Сарбаз».", rules=rules).bylines[0].outlet == "Sarbaz"


def test_two_bylines_in_one_sentence() -> None:
    text = "Бұл туралы Ұлттық банк хабарлады, деп хабарлайды Kazinform тілшісі."
    found = extract(text).bylines
    assert [(b.via, b.outlet, b.role) for b in found] == [
        ("Ұлттық банк", None, "source"),
        (None, "Kazinform", "correspondent"),
    ]


# --- the date inside a formula -----------------------------------------------------------

DATED = [
    ("Бұл туралы бүгін Премьер-министр Олжас Бектенов мәлімдеді.", "бүгін", 0),
    ("Бұл туралы кеше Ақорданың баспасөз қызметі хабарлады.", "кеше", -1),
]


@pytest.mark.parametrize(("text", "word", "shift"), DATED, ids=lambda v: v if isinstance(v, str) else None)
def test_byline_carries_the_date_inside_it_resolved(text: str, word: str, shift: int) -> None:
    reference = dt.date(2025, 10, 21)
    ex = extract(text, reference_date=reference)
    (byline,) = ex.bylines
    assert byline.date is not None
    assert byline.date.span.text == word
    assert byline.span.contains(byline.date.span)
    assert text[: len(byline.span.text)] == byline.span.text  # the byline keeps its whole span
    day = reference + dt.timedelta(days=shift)
    assert (byline.date.start, byline.date.end) == (day, day)
    assert not any(byline.span.overlaps(d.span) for d in ex.dates)  # still no overlap


@pytest.mark.parametrize(("text", "word", "shift"), DATED, ids=lambda v: v if isinstance(v, str) else None)
def test_byline_date_without_reference_stays_relative(text: str, word: str, shift: int) -> None:
    (byline,) = extract(text).bylines
    assert byline.date is not None
    assert (byline.date.start, byline.date.end) == (None, None)
    assert byline.date.relative == f"day{shift:+d}"
    assert byline.to_dict()["date"]["span"]["text"] == word


def test_parse_byline_returns_the_date() -> None:
    reference = dt.date(2025, 1, 1)
    byline = parse_byline("Бұл туралы бүгін Премьер-министр Олжас Бектенов мәлімдеді", reference=reference)
    assert (byline.author, byline.title) == ("Олжас Бектенов", "Премьер-министр")
    assert byline.date is not None
    assert (byline.date.start, byline.date.relative) == (reference, "day+0")
    unresolved = parse_byline("Бұл туралы кеше Ақорданың баспасөз қызметі хабарлады")
    assert unresolved.date is not None
    assert (unresolved.date.start, unresolved.date.relative) == (None, "day-1")


@pytest.mark.parametrize(
    "text",
    [
        "Жиын өтті, деп хабарлайды BAQ.KZ тілшісі.",
        "Бұл туралы Президенттің Баспасөз хатшысы және көмекшісі Руслан Желдібай жазды.",
        "Бүгін жиын өтті, деп хабарлайды BAQ.KZ тілшісі.",
    ],
)
def test_byline_without_a_date_word_has_no_date(text: str) -> None:
    (byline,) = extract(text, reference_date=dt.date(2025, 10, 21)).bylines
    assert byline.date is None
    assert parse_byline(byline.span.text).date is None


def test_explain_names_the_rule() -> None:
    from qazparse import explain

    assert "bylines:report" in explain("Жиын өтті, деп хабарлайды BAQ.KZ тілшісі.")


# --- names ------------------------------------------------------------------------------

RULES = default_rules()


@pytest.mark.parametrize(
    ("word", "cases", "stem", "case"),
    [
        ("Ақордаға", ("dative",), "Ақорда", "dative"),
        ("қызметіне", ("dative",), "қызметі", "dative"),
        ("Тоқаевтың", ("genitive",), "Тоқаев", "genitive"),
        ("банктің", ("genitive",), "банк", "genitive"),
        ("Әлиевке", ("dative",), "Әлиев", "dative"),
        ("Цзиньпинді", ("accusative",), "Цзиньпин", "accusative"),
        ("Раевпен", ("instrumental",), "Раев", "instrumental"),
        ("АҚШ-қа", ("dative",), "АҚШ", "dative"),
        ("24.kz-ке", ("dative",), "24.kz", "dative"),
        ("Ақорда", ("dative", "genitive"), "Ақорда", None),
        ("Байменшина", ("dative",), "Байменшина", None),  # на only after a possessive
        ("Ерке", ("dative",), "Ерке", None),  # р does not take -ке
        ("Алматыға", ("dative",), "Алматы", "dative"),
        ("Астанаге", ("dative",), "Астанаге", None),  # harmony after a vowel
        ("Мәскеудің", ("genitive",), "Мәскеу", "genitive"),  # у is a sonorant: -дың, not -ның
        ("Бакуге", ("dative",), "Баку", "dative"),
        ("Кремльде", ("locative",), "Кремль", "locative"),  # the soft sign is skipped: л
        ("Қазақстанны", ("accusative",), "Қазақстанны", None),  # after a nasal it is -ды
        ("Тоқаевпенен", ("instrumental",), "Тоқаев", "instrumental"),
        ("Ашхабадтағы", ("locative",), "Ашхабад", "locative"),  # locative + attributive
        ("АҚШ-тағы", ("locative",), "АҚШ", "locative"),  # a chain after a hyphen
        ("1-інің", ("genitive",), "1", "genitive"),
        ("сын-қатерлер", ("dative",), "сын-қатерлер", None),  # a compound, not сын + қа-тер-лер
        ("Ана", ("dative",), "Ана", None),
        ("Ана", ("dative",), "Ана", None),  # a second call comes from the cache, the same
    ],
)
def test_nominative(word: str, cases: tuple[str, ...], stem: str, case: str | None) -> None:
    assert nominative(word, RULES, cases) == (stem, case)


def test_nominative_phrase_keeps_the_possessive() -> None:
    assert nominative_phrase("Үкіметтің баспасөз қызметіне", RULES, ("dative",)) == (
        "Үкіметтің баспасөз қызметі",
        "dative",
    )


@pytest.mark.parametrize(
    ("phrase", "title", "name"),
    [
        (
            "Президенттің Баспасөз хатшысы және көмекшісі Руслан Желдібай",
            "Президенттің Баспасөз хатшысы және көмекшісі",
            "Руслан Желдібай",
        ),
        ("Қазақстан Президенті Қасым-Жомарт Тоқаев", "Қазақстан Президенті", "Қасым-Жомарт Тоқаев"),
        ("Әзербайжан Президенті Ильхам Гейдар оглу Әлиев", "Әзербайжан Президенті", "Ильхам Гейдар оглу Әлиев"),
        ("Президент Қ.Тоқаев", "Президент", "Қ.Тоқаев"),
        ("Сұлтан Раев", None, "Сұлтан Раев"),
    ],
)
def test_split_title(phrase: str, title: str | None, name: str) -> None:
    read = split_title(phrase, RULES)
    assert read is not None
    assert (read.title, read.name) == (title, name)


@pytest.mark.parametrize("phrase", ["Ұлттық банк", "Біріккен Араб Әмірліктері", "ол", "Мемлекет басшысы келді"])
def test_split_title_none(phrase: str) -> None:
    read = split_title(phrase, RULES)
    assert read is None or read.name is None


def test_find_names_in_a_seed_sentence() -> None:
    text = (
        "Мемлекет басшысы ең алдымен Әзербайжан Президенті Ильхам Әлиевке ризашылығын білдірді. "
        "Ильхам Гейдар оглу Әлиев – көрнекті мемлекет қайраткері. Қасым-Жомарт Тоқаев пен Си Цзиньпин кездесті."
    )
    found = [(n.name, n.case, n.title) for n in find_names(text, RULES)]
    assert found == [
        ("Ильхам Әлиев", "dative", "Әзербайжан Президенті"),
        ("Ильхам Гейдар оглу Әлиев", None, None),
        ("Қасым-Жомарт Тоқаев", None, None),
        ("Си Цзиньпин", None, None),
    ]
    for n in find_names(text, RULES):
        assert text[n.span.start : n.span.end] == n.span.text
