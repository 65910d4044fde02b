"""The text layer: normalisation keeps a faithful map back to the original."""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from qazparse.text import (
    _CYRILLIC_BLOCKS,
    _DIGIT_BLOCKS,
    _LOOKALIKES,
    Document,
    date_prefix,
    normalize,
    sentences,
    tokens,
)

KAZAKH = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘБҒҚҢӨҰҮІ"
ODD = "\u00a0\u202f\u2009\u2011\u2212\u0301\u0306\u0308aeiopcxyə-– ,.%"


def test_spaces_hyphens_and_lookalikes() -> None:
    t = normalize("168\u00a0960 шақырым, 2\u2011ші, Cамaрa, Əлиев")
    assert t.norm == "168 960 шақырым, 2-ші, Самара, Әлиев"
    assert len(t.norm) == len(t.lower) == len(t.original)


def test_latin_lookalikes_fixed_only_inside_cyrillic_words() -> None:
    t = normalize("XXI ғасыр, BAQ.KZ, Тoқаев, iPhone, Kazinform")
    assert "XXI" in t.norm and "BAQ.KZ" in t.norm and "iPhone" in t.norm and "Kazinform" in t.norm
    assert "Тоқаев" in t.norm  # Latin o replaced
    assert normalize("Әлiев").norm == "Әліев"  # Latin i is Kazakh і


def test_cyrillic_blocks_hold_the_whole_cyrillic_script() -> None:
    # the look-alike prefilter relies on it (see text._MIXED_PREFILTER)
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    script = set(regex.findall(r"\p{Cyrillic}", every))
    outside = [hex(ord(c)) for c in script if not re.fullmatch(f"[{_CYRILLIC_BLOCKS}]", c)]
    assert not outside


def test_digit_blocks_hold_every_non_ascii_digit() -> None:
    # the other-script digit prefilter relies on it (see text._OTHER_DIGIT_PREFILTER)
    every = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    outside = [hex(ord(c)) for c in regex.findall(r"\p{Nd}", every) if not re.fullmatch(f"[{_DIGIT_BLOCKS}]", c)]
    assert not outside


def test_combining_marks_are_composed_and_mapped_back() -> None:
    original = "Бе\u0301с и\u0306 мың"  # é as e + acute; й as и + breve
    t = normalize(original)
    assert t.norm == unicodedata.normalize("NFC", original)
    start = t.norm.index("мың")
    assert t.span(start, start + 3).text == "мың"
    y = t.norm.index("й")
    assert t.span(y, y + 1).text == "и\u0306"


def test_digits_of_other_scripts_read_as_ascii() -> None:
    t = normalize("٢٠٢٥ жылы, ३ рет, \U0001e4f0")
    assert t.norm.startswith("2025 жылы, 3 рет, ")
    assert len(t.norm) == len(t.original)
    assert not any(c.isdigit() and c not in "0123456789" for c in t.norm)


def test_lowering_keeps_length() -> None:
    t = normalize("İSTANBUL ҚАЗАҚСТАН")
    assert len(t.lower) == len(t.norm)
    assert t.lower.endswith("қазақстан")


@given(
    st.lists(
        st.one_of(st.text(alphabet=KAZAKH + " 0123456789", min_size=1, max_size=8), st.sampled_from(list(ODD))),
        max_size=40,
    )
)
def test_every_normalised_span_maps_to_the_same_characters(parts: list[str]) -> None:
    original = "".join(parts)
    t = normalize(original)
    assert len(t.norm) == len(t.lower)
    # Every token of the normalised text maps back to a slice of the original that
    # normalises to the same token.
    for tok in tokens(t):
        assert original[tok.start : tok.end] == tok.text
        assert 0 <= tok.start < tok.end <= len(original)
    for i in range(len(t.norm)):
        span = t.span(i, i + 1)
        assert span.text == original[span.start : span.end]
        back = normalize(span.text).norm
        # the same character, or its Cyrillic twin when it stood inside a Cyrillic word
        assert t.norm[i] in back or t.norm[i] in {_LOOKALIKES.get(c) for c in back}


@given(st.text(max_size=60))
def test_spans_are_monotonic_and_in_range(original: str) -> None:
    t = normalize(original)
    last = 0
    for i in range(len(t.norm) + 1):
        s = t.start_of(i)
        assert last <= s <= len(original)
        last = s
    whole = t.span(0, len(t.norm))
    assert whole.start == 0 and whole.end == len(original)


def test_sentences_and_abbreviations() -> None:
    text = "2025 ж. 21 қазанда 4,5 млн. тонна жеткізілді. Келесі сөйлем! Үшінші?\nТөртінші"
    got = [s.text for s in sentences(text)]
    assert got == [
        "2025 ж. 21 қазанда 4,5 млн. тонна жеткізілді.",
        "Келесі сөйлем!",
        "Үшінші?",
        "Төртінші",
    ]


def test_sentence_spans_point_into_original() -> None:
    text = "Бірінші\u00a0сөйлем. «Екінші» сөйлем."
    for s in sentences(text):
        assert text[s.start : s.end] == s.text


def test_tokens() -> None:
    assert [t.text for t in tokens("60-тан астам, 15,2 пайызға")] == ["60", "-", "тан", "астам", ",", "15,2", "пайызға"]


@pytest.mark.parametrize(
    ("text", "expected", "body"),
    [
        (" date 2025-10-21 Қасым-Жомарт", dt.date(2025, 10, 21), 17),
        ("date 2026-02-05\nМәтін", dt.date(2026, 2, 5), 16),
        (" date 2025-13-40 Мәтін", None, 0),
        ("Президент бір жыл ішінде", None, 0),
        ("", None, 0),
    ],
)
def test_date_prefix(text: str, expected: dt.date | None, body: int) -> None:
    assert date_prefix(text) == (expected, body)


def test_document_prefers_the_callers_date() -> None:
    doc = Document.from_text(" date 2025-10-21 Биыл", dt.date(2020, 1, 1))
    assert doc.reference_date == dt.date(2020, 1, 1)
    assert Document.from_text(" date 2025-10-21 Биыл").reference_date == dt.date(2025, 10, 21)


def test_normalize_rejects_non_strings() -> None:
    with pytest.raises(TypeError, match="text"):
        normalize(b"bytes")  # type: ignore[arg-type]
