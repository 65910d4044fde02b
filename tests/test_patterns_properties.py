"""Properties of user patterns (Hypothesis).

- A pattern built from random elements (words, stems with or without case constraints, token
  regexes, number mentions; optional and repeated) matches a phrase assembled from the same
  elements, and finds it at its exact offsets inside random filler (and nowhere else).
- When every element occurs once, each capture holds exactly the piece of the phrase it was built
  from; a captured number holds its value.
- Letter case does not change what words and stems match.
- On arbitrary text, random patterns never make ``extract()`` raise, and every custom mention has
  a valid span with its captures inside it.

The number mentions come from a small stand-in extractor (digits, optionally followed by ``мың``),
so the properties test the pattern machinery alone; ``test_patterns.py`` runs the real extractors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex
from hypothesis import given
from hypothesis import strategies as st

from qazparse import CustomMention, Number, Span, default_rules, extract
from qazparse.extract import make_context
from qazparse.morphology import stem_variants
from qazparse.patterns import extract_patterns
from qazparse.rules import Rules

RULES = default_rules()
ENDINGS: dict[str, tuple[str, ...]] = RULES.table("morphology")["endings"]
VOWELS = "аәеиоөұүыіэюя"

# Element vocabularies, and filler that none of them matches.
WORDS = ("жалақы", "бағамы", "мырза", "туралы", "заңы", "кеңесі", "мұнай", "бидай", "«", "»", "%")
STEMS = ("доллар", "литр", "тонна", "баррель", "қыркүйек", "гектар", "сағат", "жалақы")
NAMES = ("Асқар", "Сәуле", "Ерлан", "Гүлнар")
FILLER = (
    "және", "бүгін", "көп", "жаңа", "үлкен", "осы", "жерде", "болды", "деді", "елде", "қала", "бойынша",
    "ал", "енді", "мен", ",", ".", "—", "-", "(", ")", ":",
)  # fmt: skip
SPECS = (None, "nominative", "dative", "locative", "ablative", "genitive", "accusative", "possessive3",
         "plural", "possessive3+dative", "plural+locative", "plural+possessive3")
REGEXES: tuple[tuple[str, st.SearchStrategy[str]], ...] = (
    (r"\d{2,4}", st.integers(10, 9999).map(str)),
    (r"[A-Z]{2,4}", st.text("ABCKXZ", min_size=2, max_size=4)),
    (r"\p{Lu}\p{Ll}+", st.sampled_from(NAMES)),
)
SEPARATORS = (" ", "  ", "\u00a0", " \u202f")
CASINGS: tuple[Callable[[str], str], ...] = (str.lower, str.upper, str.capitalize)

Render = Callable[[st.DrawFn], str]
"""Draws the text of one occurrence of an element."""


def _stem_form(draw: st.DrawFn, stem: str, spec: str | None) -> str:
    if spec is None:
        groups = draw(st.lists(st.sampled_from(sorted(ENDINGS)), max_size=2))
    elif spec == "nominative":
        groups = []
    else:
        groups = spec.split("+")
    ending = "".join(draw(st.sampled_from(ENDINGS[g])) for g in groups)
    base, soft = stem_variants(stem, RULES)
    return (soft if soft and ending and ending[0] in VOWELS else base) + ending


@st.composite
def elements(draw: st.DrawFn) -> tuple[dict[str, Any], Render]:
    """One element and how to render an occurrence of it."""
    kind = draw(st.sampled_from(["word", "stem", "regex", "number"]))
    element: dict[str, Any]
    render: Render
    if kind == "word":
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3, unique=True))
        element = {"word": words[0] if len(words) == 1 else words}

        def render(d: st.DrawFn) -> str:
            return d(st.sampled_from(CASINGS))(d(st.sampled_from(words)))

    elif kind == "stem":
        stems = draw(st.lists(st.sampled_from(STEMS), min_size=1, max_size=2, unique=True))
        spec = draw(st.sampled_from(SPECS))
        element = {"stem": stems[0] if len(stems) == 1 else stems}
        if spec is not None:
            element["cases"] = [spec]

        def render(d: st.DrawFn) -> str:
            return _stem_form(d, d(st.sampled_from(stems)), spec)

    elif kind == "regex":
        pattern, sample = draw(st.sampled_from(REGEXES))
        element = {"regex": pattern}

        def render(d: st.DrawFn) -> str:
            return d(sample)

    else:
        element = {"dimension": "number"}

        def render(d: st.DrawFn) -> str:
            return str(d(st.integers(0, 999))) + d(st.sampled_from(["", " мың"]))

    return element, render


@st.composite
def patterns_with_phrases(draw: st.DrawFn, once: bool = False) -> tuple[list[dict[str, Any]], list[list[str]]]:
    """Random elements, and for each the occurrences a phrase holds (within its bounds).

    With *once*, every element occurs exactly once and captures what it matches.
    """
    parts = draw(st.lists(elements(), min_size=1, max_size=5))
    out: list[dict[str, Any]] = []
    pieces: list[list[str]] = []
    choices = [(1, 1)] if once else [(1, 1), (1, 1), (0, 1), (0, 2), (1, 3), (2, 3)]
    bounds = [draw(st.sampled_from(choices)) for _ in parts]
    if all(low == 0 for low, _ in bounds):
        bounds[0] = (1, 1)
    for n, ((element, render), (low, high)) in enumerate(zip(parts, bounds, strict=True)):
        element = dict(element)
        if (low, high) == (0, 1):
            element["optional"] = True
        elif (low, high) != (1, 1):
            element["repeat"] = [low, high]
        if once or draw(st.booleans()):
            element["capture"] = f"c{n}"
        out.append(element)
        pieces.append([render(draw) for _ in range(draw(st.integers(low, high)))])
    return out, pieces


filler = st.lists(st.sampled_from(FILLER), max_size=8).map(" ".join)


def _numbers(context: Any) -> list[Number]:
    """Stand-in number extractor: every run of digits, and digits followed by ``мың``."""
    out = []
    for m in regex.finditer(r"(?<!\d)(\d+)(\s+мың(?![\p{L}\p{M}]))?", context.text.lower):
        value = int(m.group(1))
        out.append(Number(value, context.text.span(m.start(), m.end(1))))
        if m.group(2):
            out.append(Number(value * 1000, context.text.span(m.start(), m.end())))
    return out


def find(text: str, rules: Rules) -> list[CustomMention]:
    context = make_context(text, rules=rules)
    context.found.extend(_numbers(context))
    return extract_patterns(context)


def _rules(elements: list[dict[str, Any]]) -> Rules:
    return RULES.with_patterns([{"id": "p", "label": "mine", "elements": elements}])


def _layout(draw: st.DrawFn, pieces: list[list[str]]) -> tuple[str, int, int]:
    """Filler, the phrase, filler: the text and where the phrase stands."""
    sep = draw(st.sampled_from(SEPARATORS))
    phrase = sep.join(p for occurrences in pieces for p in occurrences)
    before = draw(filler)
    before = before + draw(st.sampled_from([" ", "\n", " . "])) if before else ""
    after = draw(filler)
    text = before + phrase + (draw(st.sampled_from([" ", "\n"])) + after if after else "")
    return text, len(before), len(before) + len(phrase)


@given(st.data())
def test_a_pattern_finds_its_phrase_at_exact_offsets(data: st.DataObject) -> None:
    elements, pieces = data.draw(patterns_with_phrases())
    text, start, end = _layout(data.draw, pieces)
    found = find(text, _rules(elements))
    assert [(m.span.start, m.span.end) for m in found] == [(start, end)], (elements, text)
    [mention] = found
    assert (mention.label, mention.rule, mention.span.text) == ("mine", "p", text[start:end])
    for name, value in mention.captures:
        span = value.span if not isinstance(value, (Span, tuple)) else value
        for part in span if isinstance(span, tuple) else [span]:
            part = part if isinstance(part, Span) else part.span
            assert start <= part.start < part.end <= end, name


@given(st.data())
def test_captures_hold_the_pieces_they_were_built_from(data: st.DataObject) -> None:
    elements, pieces = data.draw(patterns_with_phrases(once=True))
    text, _, _ = _layout(data.draw, pieces)
    [mention] = find(text, _rules(elements))
    for n, (element, [piece]) in enumerate(zip(elements, pieces, strict=True)):
        got = mention.capture(f"c{n}")
        if "dimension" in element:
            assert isinstance(got, Number)
            digits, _, scale = piece.partition(" ")
            assert got.value == int(digits) * (1000 if scale else 1)
            got = got.span
        assert isinstance(got, Span)
        assert regex.sub(r"\s+", " ", got.text) == piece


@given(st.data())
def test_letter_case_does_not_change_word_and_stem_matches(data: st.DataObject) -> None:
    elements, pieces = data.draw(patterns_with_phrases())
    kept = [(e, p) for e, p in zip(elements, pieces, strict=True) if "word" in e or "stem" in e]
    if not any(_required(e) for e, _ in kept):
        return
    elements, pieces = [e for e, _ in kept], [p for _, p in kept]
    text, _, _ = _layout(data.draw, pieces)
    rules = _rules(elements)
    spans = [(m.span.start, m.span.end) for m in find(text, rules)]
    assert spans
    assert [(m.span.start, m.span.end) for m in find(text.upper(), rules)] == spans
    assert [(m.span.start, m.span.end) for m in find(text.lower(), rules)] == spans


def _required(element: dict[str, Any]) -> bool:
    return not element.get("optional") and element.get("repeat", [1])[0] > 0


TEXT = st.text(
    st.one_of(
        st.sampled_from(list("аәбғдеіжқлмнңоөпрсұүтшы0123456789 -–,.%$₸«»\n\u00a0")),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=120,
) | st.lists(st.sampled_from(FILLER + WORDS + STEMS + ("350", "мың", "теңге", "2025", "жылы")), max_size=30).map(
    " ".join
)


@given(st.data())
def test_random_patterns_never_break_extract(data: st.DataObject) -> None:
    elements, _ = data.draw(patterns_with_phrases())
    text = data.draw(TEXT)
    extraction = extract(text, rules=_rules(elements))
    for m in extraction.custom:
        assert 0 <= m.span.start < m.span.end <= len(text)
        assert text[m.span.start : m.span.end] == m.span.text
        for _, value in m.captures:
            for part in value if isinstance(value, tuple) else (value,):
                span = part if isinstance(part, Span) else part.span
                assert m.span.start <= span.start < span.end <= m.span.end
