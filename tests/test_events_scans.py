"""The fast scans of events and entities find exactly what the plain patterns find.

Events look for trigger words with one trie regex on the standard ``re`` engine, and entities try
their name matchers only where a trie of first words says a name may start.  These properties
compare both with the straightforward scan (``regex`` alternation with the exact word guard,
``pattern.finditer``, ``pattern.match`` at given places) on texts built to be awkward: rule and
name words glued to letters, hyphens, digits and apostrophes, in and out of words.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from qazparse import default_rules
from qazparse.entities import _CAPITALISED, _ENDS_RUN, _cap_tries, _finder_hits, _matchers
from qazparse.events import _TOKENS, _WORD, _WORD_RUN, _first_word, _rule_hits, _union_hits, compiled_rules
from qazparse.morphology import NOT_LETTER_AFTER, alternation, ending_chain, trie
from qazparse.text import sentence_bounds

RULES = default_rules()
COMP = compiled_rules(RULES)
M = _matchers(RULES)
# the finders by name: organisations and places are tried at capitalised words, the others anywhere
_NAMES = {("O", False): "orgs", ("G", False): "places", ("G", True): "generic", ("T", True): "titles"}
INDEX = {_NAMES[f.cls, f.anywhere]: i for i, f in enumerate(M.finders)}
FINDERS = {name: M.finders[i] for name, i in INDEX.items()}

FIRST_WORDS = sorted({f for rule in COMP.rules for f, _ in rule.alternatives})
TITLES = sorted({phrase for entry in RULES.table("titles")["titles"].values() for phrase in entry["words"]})
ORGS = sorted({n.lower() for entry in RULES.table("titles")["organizations"].values() for n in entry["names"]})
PLACES = sorted(M.place_info)
ENDINGS = ["", "ға", "да", "дағы", "мен", "ның", "ы", "сы", "лары", "ті", "лық", "-ға", "ып", "ді", "у"]
GLUE = [" ", "  ", "\n", "-", "'", ",", ". ", "«", "»", "x", "ә", "α", "2", "", " - ", "\u0301"]

words = st.one_of(
    st.sampled_from(FIRST_WORDS),
    st.sampled_from(TITLES),  # multi-word titles hold other titles: мемлекет басшы, басшы
    st.sampled_from(ORGS),
    st.sampled_from(PLACES),
    st.sampled_from(["іс", "сапар", "бас", "мемлекет", "басшы", "хатшы"]),
)
pieces = st.tuples(words, st.sampled_from(ENDINGS), st.sampled_from(GLUE)).map("".join)
texts = st.lists(pieces, max_size=25).map("".join)


def _plain_alternation(names: Iterable[str]) -> str:
    """The reference the name tries must agree with: longest first, spaces as any run of spaces."""
    return alternation(names).replace(r"\ ", r"\s+")


def _reference_union() -> regex.Pattern[str]:
    firsts = sorted(
        {_first_word(t) for rule in COMP.rules for t in (*rule.body.get("triggers", ()), *rule.body.get("words", ()))},
        key=lambda w: (-len(w), w),
    )
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{'|'.join(regex.escape(w) for w in firsts)})")


REFERENCE_UNION = _reference_union()


def test_trie_matches_the_longest_literal() -> None:
    pattern = regex.compile(trie(["кел", "келіс", "келісім", "іс-сапар", "o'neil"]))
    assert pattern.match("келісімге").group() == "келісім"
    assert pattern.match("келісті").group() == "келіс"
    assert pattern.match("іс-сапар").group() == "іс-сапар"
    assert pattern.match("o'neil").group() == "o'neil"
    assert pattern.match("сапар") is None


@given(texts, st.integers(0, 5))
@example("жаңа іс-сапар", 0)  # a hit runs over the hyphen: сапар after it is not a second hit
@example("xкелісімге кел", 0)
@example("αіс-сапар", 0)  # after a letter the fast guard does not know, сапар still starts a word
@example("азай " + "азай-" * 20, 0)  # a run longer than the union reads
def test_union_hits_are_those_of_the_plain_alternation(text: str, start: int) -> None:
    lower = text.lower()
    expected = [(m.start(), m.group()) for m in REFERENCE_UNION.finditer(lower, start)]
    hits = _union_hits(COMP, lower, start)
    assert [(pos, first) for pos, first, _ in hits] == expected
    for pos, _, word in hits:  # the run of non-spaces there, whole when _rule_hits may use it
        run = _WORD_RUN.match(lower, pos)
        assert run is not None
        assert word is None or run.group().startswith(word)
        assert word is None or len(word) > 64 or word == run.group()


@given(texts, st.integers(0, 5), st.integers(0, 5))
@example("мемлекет басшысы келді, арнайы өкіл ", 0, 0)  # a title inside a title is not found again
@example("xбас хатшы «Қазақстанның»", 1, 0)
@example("Үкімет)Си Цзиньпинмен", 0, 0)  # an organisation's first word is a title's too
def test_finder_hits_are_finditer_and_match(text: str, start: int, cut: int) -> None:
    # the finders tried anywhere find what pattern.finditer finds, the others what pattern.match
    # finds at the places given (here every place, in order)
    lower = text.lower()
    end = max(start, len(lower) - cut)
    stop = len(lower)
    places = list(range(start, end))
    found = _finder_hits(M, lower, start, end, stop, places)
    for name, i in INDEX.items():
        pattern = M.finders[i].pattern
        if M.finders[i].anywhere:
            expected = [m.span() for m in pattern.finditer(lower, start, stop) if m.start() < end]
        else:
            expected = [m.span() for p in places if (m := pattern.match(lower, p)) is not None]
        assert [m.span() for m in found[i]] == expected, name


# Capitalised words as first written: the word guard looked behind at every place.
REFERENCE_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}\d'-])(?:\p{Lu}\.\s?)?\p{Lu}[\p{L}\p{M}]*(?:['-][\p{L}\p{M}]+)*")
capitalised_pieces = st.tuples(words, st.sampled_from(ENDINGS), st.sampled_from([*GLUE, ".", ". ", ".  "])).map(
    lambda p: "".join(p).capitalize() if len(p[0]) % 2 else "".join(p)
)
capitalised_texts = st.lists(
    st.one_of(capitalised_pieces, st.sampled_from(["Қ.", "Р. ", "ǅ", "Ω", "Xy'Z-", "5Қ"])), max_size=25
).map("".join)


@given(
    st.one_of(capitalised_texts, st.text(st.sampled_from(list("АаҚқ. -'5\u0301ǅΩ\n")), max_size=30)), st.integers(0, 3)
)
@example("Қ. Тоқаев", 0)
@example("А.б А.  Б 5Қ Қ'", 0)
def test_capitalised_words_start_at_capitals_as_with_the_lookbehind_first(text: str, start: int) -> None:
    assert [m.span() for m in _CAPITALISED.finditer(text, start)] == [
        m.span() for m in REFERENCE_CAPITALISED.finditer(text, start)
    ]


@given(capitalised_texts, st.integers(0, 5), st.integers(0, 5))
@example("Үкімет)Си Цзиньпинмен", 0, 0)
@example("Біріккен-5 Араб Әмірліктеріне", 0, 0)
def test_finder_tries_kept_per_word_are_those_read_in_place(text: str, start: int, cut: int) -> None:
    # _atoms looks up the finders to try at a capitalised word by the word when what follows it ends
    # a name's leading run (_ENDS_RUN); it must find what reading cap_starts in place finds
    lower = text.lower()
    if len(lower) != len(text):
        return
    end = max(start, len(lower) - cut)
    capitals, tries = [], []
    for tok in _CAPITALISED.finditer(text, start, end):
        capitals.append(tok.start())
        kept = lower[tok.end() : tok.end() + 1] in _ENDS_RUN
        tries.append(_cap_tries(M, lower[tok.start() : tok.end()]) if kept else None)
    found = _finder_hits(M, lower, start, end, len(lower), capitals, tries)
    expected = _finder_hits(M, lower, start, end, len(lower), capitals)
    assert [[m.span() for m in hits] for hits in found] == [[m.span() for m in hits] for hits in expected]


def _reference_names(names: list[str]) -> regex.Pattern[str]:
    """A name matcher as a plain longest-first alternation (the finders use a prefix tree)."""
    chain = ending_chain(RULES, minimum=1)
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\d'-])(?P<stem>{_plain_alternation(names)})(?:-?(?P<end>{chain}))?{NOT_LETTER_AFTER}"
    )


REFERENCE_NAMES = {
    "titles": _reference_names(TITLES),
    "orgs": _reference_names(ORGS),
    "places": _reference_names([k for k, v in M.place_info.items() if not v[2]]),
    "generic": _reference_names([k for k, v in M.place_info.items() if v[2]]),
}


@given(texts, st.sampled_from(sorted(FINDERS)))
@example("мемлекет  басшысы келді", "titles")  # a space of a name matches any run of spaces
@example("біріккен араб әмірліктеріне", "places")
def test_name_trie_matches_as_the_longest_first_alternation(text: str, which: str) -> None:
    finder = FINDERS[which]
    lower = text.lower()

    def found(pattern: regex.Pattern[str]) -> list[tuple[int, int, str, str | None]]:
        return [(m.start(), m.end(), m.group("stem"), m.group("end")) for m in pattern.finditer(lower)]

    assert found(finder.pattern) == found(REFERENCE_NAMES[which])


def _direct_rule_hits(lower: str, pos: int, end: int) -> list[tuple[str, int, dict[str, str]]]:
    # every rule, in order (_rule_hits tries only those whose first word the union read: no other can match)
    out = []
    for rule in COMP.rules:
        m = rule.pattern.match(lower, pos, end)
        if m is None or (rule.not_forms_re is not None and rule.not_forms_re.match(m.group().rsplit(None, 1)[-1])):
            continue
        out.append((rule.id, m.end() - pos, m.groupdict()))
    return out


endings = st.sampled_from(["", "ды", "ді", "ып", "у", "уға", "ған", "ғанда", "а", "ады", "ма", "мады", "лық", "ға"])
sentence_texts = st.lists(
    st.tuples(st.sampled_from(FIRST_WORDS), endings, st.sampled_from([" ", ". ", "-", "\n", ", ", "»", ". Ол "])).map(
        "".join
    ),
    max_size=20,
).map("".join)


@given(sentence_texts)
@example("барды. Ол барды")  # the same word mid-sentence and at the sentence end
@example("бар-кел барды")
def test_rule_hits_per_word_are_those_of_the_patterns(text: str) -> None:
    # the per-word memory of _rule_hits gives what the patterns give at this very place
    lower = text.lower()
    bounds = sentence_bounds(text)
    for pos, first, word in _union_hits(COMP, lower, 0):
        end = next((b for a, b in bounds if a <= pos < b), None)
        if end is None:
            continue
        expected = _direct_rule_hits(lower, pos, end)
        for known in (None, word, word):  # the later calls may answer from memory
            hits = _rule_hits(COMP, lower, pos, end, first, known)
            assert [(rule.id, m_end, groups) for rule, m_end, groups in hits] == expected


@given(st.text(st.sampled_from(list(" \n\t\u00a0\u2003-'.,5²٣Ⅻaқ\u0301\u0483«»!?ǅ")), max_size=40), st.integers(0, 3))
@example("  қ-қ' 5.5,  ²-", 0)
def test_sentence_tokens_in_one_match_are_those_of_finditer(text: str, start: int) -> None:
    # _Sentence.tokens reads a sentence with one match of _TOKENS
    found = _TOKENS.match(text, start)
    assert found is not None
    expected = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start)]
    assert list(zip(found.starts(1), found.ends(1), found.captures(1), strict=True)) == expected
