"""Robustness: arbitrary Unicode never breaks a parser, wrong types and broken rules say what is wrong.

Properties (Hypothesis) over every public parser and ``extract()``:
- a strict ``parse_*`` either returns a value of its kind or raises ``ParseError``, nothing else;
- ``extract()`` (and ``explain()``) never raise on any ``str``;
- every span anywhere in a result satisfies ``0 <= start < end <= len(text)`` and
  ``text[start:end] == span.text``; mentions in ``Extraction.all()`` do not overlap;
- results are equal on a second call and when two threads run at once.

The generated text leans toward what reaches the parsers (Kazakh letters, digits, spaces, ``-–,.%$₸``,
real numeral, unit and date words) but also holds control characters, combining marks, astral symbols
and very long words.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import threading
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import qazparse
from qazparse import (
    Byline,
    DateMention,
    Distance,
    Extraction,
    Money,
    Number,
    Ordinal,
    ParseError,
    Quantity,
    RulesError,
    Span,
    default_rules,
    explain,
    extract,
    extract_events,
    extract_many,
)

# --- strategies -------------------------------------------------------------------------

KAZAKH_LOWER = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
KAZAKH = KAZAKH_LOWER + KAZAKH_LOWER.upper()
DIGITS = "0123456789"
PUNCT = " -–—,.%$₸€₽¥№:/()«»\n\t\u00a0\u202f\u2009\u2212"

# Words that make the parsers work: numerals, scales, units, currencies, dates, qualifiers, bylines.
_WORD_LIST = """
бір екі үш төрт бес алты жеті сегіз тоғыз он жиырма отыз қырық елу алпыс жетпіс сексен тоқсан
жүз мың миллион миллиард триллион млн млрд трлн жарым бүтін нөл бірінші екінші оныншы жүзінші
жыл жылы жылғы жылдың жылдары қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан
қараша желтоқсан қазанда қыркүйекте дүйсенбі сенбі күні биыл былтыр кеше бүгін ертең апта ай
теңге доллар доллардан долларға евро рубль юань шақырым километр метр км м тонна тоннаға гектар
пайыз пайызға процент астам аса асатын артық кем дейін шамамен жуық тарта -тан -ке -ші -інші
деп хабарлайды тілшісі BAQ.KZ Kazinform Ақорда сапар кездесу келісім рет өтті шықты Тоқаев
Бірақ Жетісу Екібастұз оның онда Метро
"""
WORDS = tuple(_WORD_LIST.split())

# Any code point but surrogates: control characters, combining marks, astral symbols.
any_char = st.characters(exclude_categories=["Cs"])
biased_char = st.one_of(
    st.sampled_from(KAZAKH),
    st.sampled_from(KAZAKH),
    st.sampled_from(DIGITS),
    st.sampled_from(DIGITS),
    st.sampled_from(PUNCT),
    st.sampled_from(PUNCT),
    st.sampled_from("\u0301\u0308\u200b\u200d\ufeff\x00\x1b\x85\u2028\U0001f600\U00010348İ"),
    any_char,
)
number_text = st.one_of(
    st.integers(0, 10**15).map(str),
    st.integers(1000, 10**9).map(lambda n: f"{n:,}".replace(",", " ")),
    st.integers(1000, 10**9).map(lambda n: f"{n:,}".replace(",", "\u00a0")),
    st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda p: f"{p[0]},{p[1]}"),
    st.tuples(st.integers(1, 31), st.integers(1, 12), st.integers(1900, 2100)).map(
        lambda p: f"{p[0]:02}.{p[1]:02}.{p[2]}"
    ),
)
fragment = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), number_text, st.text(biased_char, max_size=6))
separator = st.sampled_from([" ", " ", " ", "", "-", "–", ", ", ". ", "\n", "%", "\u00a0"])


@st.composite
def phrases(draw: st.DrawFn) -> str:
    """Real words and numbers, glued by random separators."""
    parts = draw(st.lists(fragment, max_size=16))
    out = []
    for part in parts:
        out.append(part)
        out.append(draw(separator))
    return "".join(out)


long_runs = st.one_of(
    st.builds(lambda c, n: c * n, biased_char, st.integers(100, 3000)),  # a very long "word"
    st.builds(lambda w, sep, n: sep.join([w] * n), fragment, separator, st.integers(20, 300)),
)
texts = st.one_of(
    st.text(any_char, max_size=80),
    st.text(biased_char, max_size=200),
    phrases(),
    phrases(),
    long_runs,
    st.builds(lambda a, b: a + b, st.just(" date 2025-10-21 "), phrases()),
)

# --- invariants ---------------------------------------------------------------------------


def spans_in(value: Any) -> Iterator[Span]:
    """Every Span anywhere inside a result value (mentions, events, entities, captures)."""
    if isinstance(value, Span):
        yield value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from spans_in(getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from spans_in(item)


def check_spans(text: str, value: Any) -> None:
    for span in spans_in(value):
        assert 0 <= span.start < span.end <= len(text), (span, len(text))
        assert text[span.start : span.end] == span.text, span


def check_extraction(text: str, ex: Extraction) -> None:
    assert isinstance(ex, Extraction)
    check_spans(text, ex)
    mentions = ex.all()
    for before, after in itertools.pairwise(mentions):
        assert before.span.end <= after.span.start, f"overlap: {before!r} and {after!r}"
    json.dumps(ex.to_dict(), ensure_ascii=False)


def in_two_threads(call: Callable[[], Any]) -> list[Any]:
    """Run *call* in two threads released at the same moment; return both outcomes."""
    barrier = threading.Barrier(2)
    outcomes: list[Any] = [None, None]

    def run(i: int) -> None:
        barrier.wait()
        try:
            outcomes[i] = call()
        except Exception as err:  # compared by the caller
            outcomes[i] = err

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def outcome(call: Callable[[], Any]) -> Any:
    """The value, or ('ParseError', position, message) so failures compare equal."""
    try:
        return call()
    except ParseError as err:
        return ("ParseError", err.position, str(err))


# --- strict parsers -------------------------------------------------------------------------

PARSERS: list[tuple[Callable[[str], Any], tuple[type, ...]]] = [
    (qazparse.parse_number, (Number,)),
    (qazparse.parse_ordinal, (Ordinal,)),
    (qazparse.parse_date, (DateMention,)),
    (qazparse.parse_money, (Money,)),
    (qazparse.parse_distance, (Distance,)),
    (qazparse.parse_quantity, (Quantity,)),
    (qazparse.parse_byline, (Byline,)),
]
PARSER_IDS = [p.__name__ for p, _ in PARSERS]


@pytest.mark.parametrize(("parser", "kinds"), PARSERS, ids=PARSER_IDS)
@given(text=texts)
def test_strict_parser_returns_its_kind_or_raises_parse_error(
    parser: Callable[[str], Any], kinds: tuple[type, ...], text: str
) -> None:
    try:
        value = parser(text)
    except ParseError as err:
        assert err.text == text
        assert 0 <= err.position <= len(text)
        return
    assert isinstance(value, kinds)
    check_spans(text, value)
    assert outcome(lambda: parser(text)) == value


@pytest.mark.parametrize(("parser", "kinds"), PARSERS, ids=PARSER_IDS)
@given(text=phrases())
def test_strict_parser_same_from_two_threads(
    parser: Callable[[str], Any], kinds: tuple[type, ...], text: str
) -> None:
    alone = outcome(lambda: parser(text))
    assert in_two_threads(lambda: outcome(lambda: parser(text))) == [alone, alone]


@given(text=texts, reference=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_parse_date_with_reference_raises_only_parse_error(text: str, reference: dt.date | None) -> None:
    try:
        value = qazparse.parse_date(text, reference=reference)
    except ParseError:
        return
    check_spans(text, value)
    if value.start is not None and value.end is not None:
        assert value.start <= value.end


# --- extract() ------------------------------------------------------------------------------


@given(text=texts)
def test_extract_never_raises_and_keeps_its_invariants(text: str) -> None:
    ex = extract(text)
    check_extraction(text, ex)
    assert extract(text) == ex
    for event in extract_events(text):
        check_spans(text, event)
    assert isinstance(explain(text), str)


@given(text=texts, reference=st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_extract_with_reference_date_keeps_its_invariants(text: str, reference: dt.date) -> None:
    ex = extract(text, reference_date=reference)
    check_extraction(text, ex)
    assert ex.reference_date == reference


# Every date phrase of the corpus, resolved against the first and last days the calendar has:
# a relative date past them has no interval, and nothing may raise (OverflowError did).
_DATES_CORPUS = Path(__file__).resolve().parent / "corpus" / "dates.toml"
_DATE_PHRASES = sorted(
    {p for group in tomllib.loads(_DATES_CORPUS.read_text(encoding="utf-8"))["dates"] for p in group["phrases"]}
)
_CALENDAR_ENDS = (dt.date(1, 1, 1), dt.date(1, 1, 7), dt.date(9999, 12, 25), dt.date(9999, 12, 31))


@pytest.mark.parametrize("reference", _CALENDAR_ENDS, ids=str)
def test_dates_resolved_at_the_ends_of_the_calendar_never_raise(reference: dt.date) -> None:
    for phrase in _DATE_PHRASES:
        check_extraction(phrase, extract(phrase, reference_date=reference))
        with contextlib.suppress(ParseError):
            qazparse.parse_date(phrase, reference=reference)


@given(text=phrases())
def test_extract_same_from_two_threads(text: str) -> None:
    alone = extract(text)
    assert in_two_threads(lambda: extract(text)) == [alone, alone]


def test_extract_same_from_two_threads_with_cold_rules() -> None:
    """Two threads compiling the patterns of a fresh Rules at the same moment agree."""
    text = (Path(__file__).resolve().parent.parent / "seeds" / "000_5d1492a2c3abf569.txt").read_text("utf-8")
    expected = extract(text)
    for _ in range(3):
        cold = attrs.evolve(default_rules(), cache={})

        def call(rules: qazparse.Rules = cold) -> Extraction:
            return extract(text, rules=rules)

        assert in_two_threads(call) == [expected, expected]


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00",
        "\ufeff",
        "\u0301" * 50,
        "\U0001f600" * 50,
        "İ" * 30 + " бір",
        " date 2025-02-30 кеше",
        " date 9999-12-31 ертең",
        " date 0001-01-01 кеше",
        "жиырма бес" + "\u0301",
        "5\u0301 мың",
        "\u00a0" * 10 + "5" + "\u202f" * 3 + "000",
    ],
    ids=repr,
)
def test_extract_on_edge_cases(text: str) -> None:
    check_extraction(text, extract(text))


# --- wrong types ------------------------------------------------------------------------------

NOT_TEXT = [None, 5, b"bes", ["бес"], 5.0]


@pytest.mark.parametrize("bad", NOT_TEXT, ids=repr)
@pytest.mark.parametrize(
    "call",
    [extract, extract_events, explain, *(p for p, _ in PARSERS)],
    ids=["extract", "extract_events", "explain", *PARSER_IDS],
)
def test_text_of_wrong_type_is_a_type_error_naming_it(call: Callable[[Any], Any], bad: Any) -> None:
    with pytest.raises(TypeError, match=r"\btext\b"):
        call(bad)


@pytest.mark.parametrize("bad", ["2025-10-21", 20251021, dt.datetime(2025, 10, 21)], ids=repr)
def test_reference_date_of_wrong_type_is_a_type_error_naming_it(bad: Any) -> None:
    with pytest.raises(TypeError, match="reference_date"):
        extract("кеше", reference_date=bad)
    with pytest.raises(TypeError, match="reference"):
        qazparse.parse_date("кеше", reference=bad)


@pytest.mark.parametrize("bad", [{}, "default", object()], ids=repr)
def test_rules_of_wrong_type_is_a_type_error_naming_it(bad: Any) -> None:
    with pytest.raises(TypeError, match="rules"):
        extract("бес", rules=bad)


@pytest.mark.parametrize("bad", [0, -1, "2", 2.0, True], ids=repr)
def test_workers_of_wrong_type_is_a_type_error_naming_it(bad: Any) -> None:
    with pytest.raises(TypeError, match="workers"):
        extract_many(["бес"], workers=bad)


def test_extract_many_with_a_non_text_item_names_text() -> None:
    with pytest.raises(TypeError, match=r"\btext\b"):
        list(extract_many(["бес", 5], workers=1))  # type: ignore[list-item]


# --- broken rules files -------------------------------------------------------------------------

BROKEN_RULES = [
    ("syntax.toml", b"[morphology\nendings = 1\n", ""),
    ("unknown-table.toml", b"[no_such_table]\nx = 1\n", "no_such_table"),
    ("bad-ending.toml", '[morphology.endings]\nmine = ["ЛАР"]\n'.encode(), "morphology.endings.mine[0]"),
    ("bad-type.toml", b"[morphology]\nendings = 5\n", "morphology.endings"),
    ("bad-field.json", b'{"morphology": {"suffixes": {}}}', "morphology.suffixes"),
    ("not-json.json", b'{"morphology": ', ""),
    ("latin1.toml", "[morphology.endings]\nplural = ['é']\n".encode("latin-1"), ""),
    ("top-level-list.json", b"[1, 2]", ""),
]


@pytest.mark.parametrize(("name", "content", "entry"), BROKEN_RULES, ids=[b[0] for b in BROKEN_RULES])
def test_broken_rules_file_names_the_file_and_the_entry(
    tmp_path: Path, name: str, content: bytes, entry: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RulesError) as info:
        default_rules().load(path)
    err = info.value
    assert err.source == str(path)
    assert err.entry == entry
    assert str(path) in str(err)
    assert entry in str(err)


def test_missing_rules_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(RulesError) as info:
        default_rules().load(path)
    assert str(path) in str(info.value)


def test_broken_rules_do_not_change_the_defaults(tmp_path: Path) -> None:
    before = extract("2025 жылы бес мың теңге")
    path = tmp_path / "bad.toml"
    path.write_text('[morphology.endings]\nmine = ["ЛАР"]\n', encoding="utf-8")
    with pytest.raises(RulesError):
        default_rules().load(path)
    assert extract("2025 жылы бес мың теңге") == before
