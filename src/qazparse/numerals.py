"""Kazakh numerals: every written form to an exact value, and back to words.

Strict parsers and the writer::

    >>> parse_number("жүз алпыс сегіз мың тоғыз жүз алпыс").value
    168960
    >>> parse_number("бір жарым миллион").value
    1500000
    >>> parse_ordinal("екі мың жиырма бесінші").value
    2025
    >>> number_to_words(168960)
    'жүз алпыс сегіз мың тоғыз жүз алпыс'

The scanning API (for other extractors)
---------------------------------------
Dates and quantities build on the numbers found here, and every extractor reads the same
scan of a text:

``find_numeral_matches(context) -> list[NumeralMatch]``
    Every numeral phrase of ``context.text``, maximal (longest) at each place, in text order,
    computed once per text (shared under ``context.shared("numerals.matches", ...)``).
    Offsets are into ``context.text.norm`` / ``context.text.lower``.  A :class:`NumeralMatch`
    has ``start``, ``end`` (after any glued ending: ``60-тан``, ``жиырмаға``), ``core_end``
    (the end of the number proper, before the hyphen or ending), ``value`` (exact; the low
    end for a range), ``low``/``high`` (ranges ``10-15``, ``10 – 15 мың``, ``бес-алты``),
    ``ending`` (the case/possessive ending, lower case, ``''`` if none), ``ordinal``,
    ``digits`` and more (see the class).  Matches include every lone ``бір`` (flag
    ``lone_one``) and every year-like digit string: it is for the caller to decide what a
    number means there.  :func:`extract_numerals` is the decision for free-standing numbers.

``qualifier_before(lower, start, rules) -> (Qualifier, new_start) | None``
    A qualifier word right before offset *start* (``шамамен``, ``кем дегенде``).

``qualifier_after(lower, end, rules) -> (Qualifier, new_end) | None``
    A qualifier word right after offset *end* (``астам``, ``аса``, ``асатын``, ``асты``,
    ``артық``, ``кем``, ``кем емес``, ``дейін``, ``шейін``, ``жуық``, ``жуықтады``, ``тарта``,
    ``шамасында``, ``төңірегінде`` ...).  The word before *end* must carry the case the
    qualifier governs (ablative for ``астам``, dative for ``жуық``/``дейін``), so call it with
    the end of a number *or* of the unit word after it:
    ``70 миллиард доллардан асатын`` → ``(Qualifier.MORE_THAN, <end of асатын>)``.

``qualifier_after_detail(lower, end, rules) -> (Qualifier, new_end, span_end) | None``
    The same, and where a mention's span ends in running text (KazNERD's convention): after a
    postposition (``астам``), before a verb (``асты``, ``асатын``, ``жуықтады``) or an ``outside``
    word (``төңірегінде``), after ``кем`` in ``кем болмауы``.

The words, suffixes and qualifiers all come from the ``numerals`` rule table
(``qazparse/rules/data/numerals.toml``); see ``docs/numerals.md``.

Exact values
------------
Values are ``int`` when whole and ``Decimal`` otherwise.  Common fractions that end in
decimals are exact (``ширек`` 0.25, ``төрттен үш`` 0.75, ``бестен екі`` 0.4).  A fraction
whose decimal expansion does not end (``үштен бір``) is rounded half-even to
:data:`FRACTION_PLACES` decimal places (``0.3333333333``); its match has ``exact=False``
and keeps ``numerator``/``denominator``.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import product
from typing import Any

import attrs
import regex

from .memo import MISSING, remember
from .morphology import MAX_CHAIN, alternation, inflected, is_front, trie
from .values import Number, Ordinal, Qualifier, Value, exact

__all__ = [
    "FRACTION_PLACES",
    "NumeralMatch",
    "extract_numerals",
    "find_numeral_matches",
    "number_to_words",
    "parse_number",
    "parse_ordinal",
    "qualifier_after",
    "qualifier_after_detail",
    "qualifier_before",
]

FRACTION_PLACES = 10
"""Decimal places kept for a common fraction that has no finite decimal form (``үштен бір``)."""

_CTX = decimal.Context(prec=80, rounding=decimal.ROUND_HALF_EVEN)
_MAX_DIGITS = 40  # a digit string longer than this is not read as a number (ids, hashes, noise)
# What may stand between two words of one numeral: [ \t]{1,3} or [ \t]?\n[ \t]?, all spelled out.
_GAPS = frozenset(
    [*map("".join, product(" \t", repeat=1)), *map("".join, product(" \t", repeat=2))]
    + [*map("".join, product(" \t", repeat=3))]
    + [a + "\n" + b for a in ("", " ", "\t") for b in ("", " ", "\t")]
)
# ... and between the two ends of a range: [ \t]?[-–—][ \t]?
_RANGE_GAPS = frozenset(a + h + b for a in ("", " ", "\t") for h in "-–—" for b in ("", " ", "\t"))
_VOWELS = frozenset("аәеиоөұүыіэюяё")
_MISSING: Any = object()
_HALF = Decimal("0.5")
_SPACE_OR_TAB = frozenset(" \t")
_ASCII_DIGITS = frozenset("0123456789")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
_QUALIFIER_SPACES = 60  # extra spaces allowed between the words of a qualifier phrase (кем  емес)
_HEAD = 2  # letters of the next word compared before a qualifier or counter pattern is tried
_SIGN_GAPS = tuple(a + b for a in " \t" for b in ("", " ", "\t"))  # [ \t]{1,2}
# How many entries each cache of the lexicon keeps (per Rules) before it starts over: words and
# suffixes (a few hundred bytes each), one-token matches, and runs of matches (about 1 KB each).
_WORD_CACHE_SIZE = 20_000
_MATCH_CACHE_SIZE = 8_192
_RUN_CACHE_SIZE = 4_096


# --- the match type ---------------------------------------------------------------------


@attrs.frozen
class NumeralMatch:
    """One numeral phrase in a text, with offsets into ``context.text.norm``.

    Attributes:
        start: offset of the first character.
        end: offset after the last character, glued ending included (``60-тан``).
        core_end: offset after the number proper, before a hyphen, suffix or ending.
        value: the exact value (for a range, the low end).
        low, high: the ends of a range (``10-15``, ``бес-алты``), else None.
        ending: the case/possessive ending glued to the number, lower case (``тан``, ``ға``), or ''.
        ordinal: an ordinal (``бірінші``, ``2-нші``, ``XXI`` before ``ғасыр``, ``5-`` before a noun).
        digits: written (at least partly) with digits.
        words: written (at least partly) with words.
        suffix: the derivational suffix: ``ordinal``, ``collective`` (``үшеуі``), ``approximate``
            (``бес жүздей``), ``vague`` (``жүздеген``), or ''.
        hyphen_noun: digits joined by a hyphen to a noun (``5-тарау``); ``end`` stops before the hyphen.
        roman: a Roman numeral.
        lone_one: the single word ``бір`` with no ending, which may be the indefinite article.
        scale: the power of ten of the last scale word (``мың`` 3, ``млрд`` 9), 0 if none.
        tokens: how many words and digit groups make the number.
        exact: False when the value is a rounded fraction (``үштен бір``).
        numerator, denominator: for a common fraction (``үштен бір`` is 1 and 3), else None.
        sign: -1 after ``минус``, +1 after ``плюс``, else 0 (the sign word is inside the span).

    >>> from qazparse.extract import make_context
    >>> [(m.value, m.ending) for m in find_numeral_matches(make_context("60-тан астам"))]
    [(60, 'тан')]
    """

    start: int
    end: int
    core_end: int
    value: Value
    low: Value | None = None
    high: Value | None = None
    ending: str = ""
    ordinal: bool = False
    digits: bool = False
    words: bool = False
    suffix: str = ""
    hyphen_noun: bool = False
    roman: bool = False
    lone_one: bool = False
    scale: int = 0
    tokens: int = 1
    exact: bool = True
    numerator: int | None = None
    denominator: int | None = None
    sign: int = 0


# --- the lexicon, compiled once per Rules -------------------------------------------------


@attrs.frozen(eq=False)
class _Lexicon:
    token_re: Any  # one numeral token (any of the branches below)
    digit_re: Any  # a token that starts with a digit
    letter_re: Any  # a token that starts with a letter
    stems: dict[str, tuple[str, int]]  # surface stem -> (class, value)
    variants: dict[str, tuple[str, str]]  # variant stem -> (of, before)
    ordinal_sfx: tuple[str, ...]
    ordinal_digits_sfx: tuple[str, ...]
    collective_sfx: tuple[str, ...]
    approx_sfx: tuple[str, ...]
    vague_sfx: tuple[str, ...]
    adjectival_digits_sfx: tuple[str, ...]
    particles: frozenset[str]
    poss3: tuple[str, ...]
    counters: Any  # regex for a counter word after a number (есе, есеге)
    counter_heads: tuple[int, frozenset[str]]  # the first letters of every counter word (a cheap pre-check)
    counter_window: int  # no counter match reaches further than this past the number
    plural_re: Any  # a plural noun (a numeral is followed by a singular noun)
    chain_re: Any  # inflection chain on a numeral
    coll_chain_re: Any  # inflection chain after a collective (any possessive person)
    abbreviations: dict[str, str]
    scales: dict[str, int]
    never: frozenset[str]
    alone: frozenset[str]
    spoken_point: frozenset[str]
    ablative: tuple[str, ...]
    dative: tuple[str, ...]
    signs: dict[str, int]
    one: dict[str, frozenset[str]]
    part_re: Any  # a "part" word after a fraction's numerator (бөлігі), or None
    score_re: Any  # a "score" word after "N де M" (есебімен), or None
    candidates: Any  # where a token may start (see _candidate_pattern)
    window: int  # no token match reaches further than this past its start (lookaheads included)
    part_window: int  # the same for part_re and score_re
    reach: int  # tokens further apart than this never join (a numeral gap, a range dash, "де")
    join_gaps: frozenset[str]  # what may stand between two tokens that join: _GAPS, _RANGE_GAPS, " де "
    runs: dict[tuple[Any, ...], tuple[tuple[int, int, int, tuple[Any, ...]], ...]]  # _Scanner.run_at cache
    alone_matches: dict[tuple[Any, ...], tuple[Any, ...] | None]  # _Scanner.alone_fields cache
    sign_tails: tuple[str, ...]  # a sign word and the space after it (a cheap pre-check for _with_sign)
    words: dict[str, tuple[str, Any, str, str, str] | None]  # word -> _analyse_word(...) + (stem,), or None
    simple: dict[str, tuple[int, tuple[Any, ...] | None]]  # plain candidate -> _simple_token(...)
    suffixes: dict[tuple[str, bool], tuple[str, str] | None]  # _split_suffix cache


# Letters and digits that are certainly ``[\p{L}\p{M}\d]`` for the token pattern: a token never
# starts right after one of them.  (Only a subset is needed; see _candidate_pattern.)
_CYRILLIC = "а-яёәғқңөұүһі"  # lower-case Kazakh Cyrillic: letters in every Unicode version
_WORD_CHARS = f"0-9a-z{_CYRILLIC}"  # certainly [\p{L}\p{M}\d]: no token starts right after one
_ROMAN_LETTERS = "ivxlcdmхі"
# Characters that are certainly not [\p{L}\p{M}\d] (nor a hyphen, nor . , : that the digit
# branch looks at): before and after them the token pattern's look-arounds are decided.
_PLAIN_BEFORE_DIGITS = frozenset(" \t\n\r(«\"“'[/;")
_PLAIN_BEFORE_WORD = frozenset(" \t\n\r(«\"“”'[/;,.:!?)»]–—")
_PLAIN_AFTER_DIGITS = "\t\n\r);!?»\"”'%/\\]"
_PLAIN_AFTER_WORD = " \t\n\r,;:!?)»\"”'(«/\\[\\]"
# A character that is certainly not \d: below U+0660 (the first non-ASCII decimal digit) or in
# General Punctuation.
_NOT_DIGIT = "[^0-9\u0660-\u1fff\u2070-\U0010ffff]"
_SIMPLE_DIGITS, _SIMPLE_SUFFIXED, _SIMPLE_WORD = 1, 2, 3  # the candidate pattern's groups


def _candidate_pattern(stems: Any, roman_before: Any) -> Any:
    """A stdlib ``re`` pattern whose match starts one character before a numeral token may start.

    It matches one character that is not a (common) letter or digit, followed by a digit, a
    numeral stem or a Roman numeral before a space and one of *roman_before* (the token
    pattern's Roman branch looks for the same), or (looking ahead only) any character from
    U+0500 on outside General Punctuation, where every non-ASCII decimal digit lies.  Every place
    the token pattern can match is found (its look-behind rejects a letter, mark or digit before
    a token, and every token starts with one of these), plus a few more that the token pattern
    then rejects; a match consumes only letters and digits after its first character, so no later
    start is skipped.  The text's first position is not covered: the caller tries it as well.

    Groups mark the plain cases, where the token is decided by the candidate's own text:
    ``_SIMPLE_DIGITS``, at most 40 ASCII digits followed by a character that cannot continue a
    number (a space only before a character that is not a digit: ``1 000`` is one number);
    ``_SIMPLE_SUFFIXED``, such digits, a hyphen and at most 20 Cyrillic letters (``1-інші``; only
    looked at: the match consumes the first digit, since a token may start after the hyphen);
    ``_SIMPLE_WORD``, a word of Cyrillic letters that starts with a numeral stem.  Both end before
    a space or punctuation (not a hyphen or a full stop).  The caller checks the character before
    them.
    """
    cyrillic = [w for w in stems if regex.fullmatch(f"[{_CYRILLIC}]+", w) and w[0] not in _ROMAN_LETTERS]
    other = rf"[{_ROMAN_LETTERS}]{{1,8}}[ \t]{{1,3}}(?:{trie(roman_before)})|[\u0500-\u1fff\u2070-\U0010ffff]"
    return re.compile(
        # a quick look at the next two characters first: most words are not numerals
        rf"[^{_WORD_CHARS}](?=[0-9{_ROMAN_LETTERS}\u0500-\u1fff\u2070-\U0010ffff]|{trie({w[:2] for w in stems})})"
        rf"(?:"
        rf"([0-9]{{1,{_MAX_DIGITS}}}+)(?=[{_PLAIN_AFTER_DIGITS}]| (?:{_NOT_DIGIT}|\Z)|\Z)"
        rf"|(?=([0-9]{{1,{_MAX_DIGITS}}}+-[{_CYRILLIC}]{{1,20}}+)(?:[{_PLAIN_AFTER_WORD}]|\Z))[0-9]"
        rf"|[0-9]"
        rf"|((?:{trie(cyrillic)})[{_CYRILLIC}]*+)(?=[{_PLAIN_AFTER_WORD}]|\Z)"
        rf"|{trie(stems)}"
        rf"|(?={other}))"
    )


def _build_lexicon(rules: Any) -> _Lexicon:
    data = rules.table("numerals")
    morph = rules.table("morphology")["endings"]
    stems: dict[str, tuple[str, int]] = {}
    for word, value in data["cardinals"].items():
        cls = "unit" if value < 10 else "ten" if value < 100 else "hundred"
        stems[word] = (cls, value)
    for word, power in data["scales"].items():
        stems[word] = ("scale", power)
    special = data["special"]
    for cls, key in (("half_after", "and_a_half"), ("half", "half"), ("quarter", "quarter"), ("point", "point")):
        for word in special[key]:
            stems[word] = (cls, 0)
    variants = {v: (e["of"], e["before"]) for v, e in data["variants"].items()}
    signs = {w: -1 for w in special["minus"]} | {w: 1 for w in special["plus"]}
    sfx = data["suffixes"]

    def group(name: str) -> str:
        return alternation(morph.get(name, ()))

    case = "|".join(group(g) for g in ("genitive", "dative", "accusative", "locative", "ablative", "instrumental"))
    locative = group("locative")
    attributive = group("attributive")
    poss3 = group("possessive3")
    plural = group("plural")
    tail = f"(?:(?:{locative})(?:{attributive})|(?:{case}))"
    chain = f"(?:{plural})?(?:(?:{poss3})(?:{tail}|н)?|{tail})?"
    latin = data.get("latin", {}).get("endings", {})
    if latin:  # 130-dan, 90-ǵa, 20-sy (KAZAKH.md §9.2)
        cases = ("genitive", "dative", "accusative", "locative", "ablative")
        lcase = alternation(e for g in cases for e in latin.get(g, ()))
        lposs = alternation(latin.get("possessive3", ()))
        chain = f"(?:{chain}|(?:{lposs})?(?:{lcase})|(?:{lposs}))"
    coll_chain = f"(?:(?:{poss3}|{group('possessive')})(?:{tail}|н)?|{tail})?"

    word_stems = trie(list(stems) + list(variants))
    abbreviations = dict(data["abbreviations"])
    roman_ctx = alternation(data["roman"]["before"])
    d = _MAX_DIGITS
    # One token: digits, an abbreviated scale word, a Roman numeral or a numeral word.  The
    # alternatives start with different characters (a digit; a letter), so the digit branch and
    # the three letter branches are also compiled on their own (_tokens picks by the first
    # character).  Word lists are prefix trees: the same matches as a longest-first alternation.
    digit_branch = rf"""
        (?<![\p{{L}}\p{{M}}\d])(?<![\p{{L}}\p{{M}}][-–])(?<!\d[.,:])
        (?P<d>\d{{1,3}}(?:\x20\d{{3}}){{1,12}}(?![\d])|\d{{1,{d}}}(?!\d))
        (?P<frac>,\d{{1,{d}}}(?!\d)|\.\d{{1,{d}}}(?![\d]|\.\d))?
        (?!:\d)(?!\.\d)
        (?:(?P<dh>[-–])(?P<dsuf>\p{{L}}{{1,20}}+(?:-(?:{alternation(sfx["particles"])}))?)(?![\p{{L}}\p{{M}}]))?
    """
    letter_branches = rf"""
        (?<![\p{{L}}\p{{M}}\d])
        (?P<a>{trie(abbreviations)})(?P<adot>\.)?(?:-(?P<asuf>\p{{L}}{{1,12}}+))?(?![\p{{L}}\p{{M}}\d])
      |
        (?<![\p{{L}}\p{{M}}\d])
        (?P<r>[{_ROMAN_LETTERS}]{{1,8}})(?=[ \t]{{1,3}}(?:{roman_ctx}))
      |
        (?<![\p{{L}}\p{{M}}\d])
        (?P<w>{word_stems})(?P<wsuf>\p{{L}}{{0,16}}+)(?:-(?P<wpart>{alternation(sfx["particles"])}))?(?![\p{{L}}\p{{M}}\d])
    """
    one = {k: frozenset(v) for k, v in data["one"].items()}
    longest_ending = max(len(e) for group in (*morph.values(), *latin.values()) for e in group)
    folds, thens = data["counters"]["fold"], data["counters"]["then"]
    max_particle = max(map(len, sfx["particles"]), default=0)
    parts = special.get("fraction_part", ())
    part_re = regex.compile(rf"[ \t]{{1,3}}{inflected(parts, rules)}") if parts else None
    scores = special.get("score", ())
    score_re = regex.compile(rf"[ \t]{{1,3}}{inflected(scores, rules)}") if scores else None
    return _Lexicon(
        token_re=regex.compile(f"{digit_branch}|{letter_branches}", regex.VERBOSE),
        digit_re=_groups_checked(regex.compile(digit_branch, regex.VERBOSE), _DIGIT_GROUPS),
        letter_re=_groups_checked(regex.compile(letter_branches, regex.VERBOSE), _LETTER_GROUPS),
        stems=stems,
        variants=variants,
        ordinal_sfx=tuple(sorted(sfx["ordinal"], key=len, reverse=True)),
        ordinal_digits_sfx=tuple(sorted(sfx["ordinal_digits"], key=len, reverse=True)),
        collective_sfx=tuple(sfx["collective"]),
        approx_sfx=tuple(sfx["approximate"]),
        vague_sfx=tuple(sfx["vague"]),
        adjectival_digits_sfx=tuple(sfx["adjectival_digits"]),
        particles=frozenset(sfx["particles"]),
        poss3=tuple(morph.get("possessive3", ())),
        plural_re=regex.compile(rf"\p{{L}}{{2,}}(?:{plural})(?:{poss3})?(?:{tail})?"),
        counter_heads=_heads(folds),
        counter_window=3 + max(map(len, folds)) + 6 * longest_ending + 3 + max(map(len, thens), default=0) + 1 + 8,
        counters=regex.compile(
            rf"[ \t]{{1,3}}(?:{alternation(data['counters']['fold'])})(?:{chain})"
            rf"(?:[ \t]{{1,3}}(?:{alternation(data['counters']['then'])}))?(?![\p{{L}}\p{{M}}\d])"
        ),
        chain_re=regex.compile(chain),
        coll_chain_re=regex.compile(coll_chain),
        abbreviations=abbreviations,
        scales=dict(data["scales"]),
        never=frozenset(data["not_numerals"]["never"]),
        alone=frozenset(data["not_numerals"]["alone"]),
        spoken_point=frozenset(special["spoken_point"]),
        ablative=(*morph.get("ablative", ()), *latin.get("ablative", ())),
        dative=(*morph.get("dative", ()), *latin.get("dative", ())),
        signs=signs,
        one=one,
        part_re=part_re,
        score_re=score_re,
        candidates=_candidate_pattern([*stems, *variants, *abbreviations], data["roman"]["before"]),
        window=max(
            # digits: a grouped or plain integer, a fraction, the look-aheads, a hyphenated suffix
            max(3 + 4 * 12, d) + 1 + (1 + d + 2) + 2 + (1 + 20 + 1 + max_particle) + 1,
            max(map(len, abbreviations)) + 1 + 1 + 12 + 1,
            8 + 3 + max(map(len, data["roman"]["before"])),
            max(map(len, [*stems, *variants])) + 16 + 1 + max_particle + 1,
        )
        + 8,
        words={},
        simple={},
        suffixes={},
        part_window=3 + max(map(len, [*parts, *scores]), default=0) + MAX_CHAIN * longest_ending + 1 + 8,
        sign_tails=tuple(w + gap for w in signs for gap in _SIGN_GAPS),
        reach=max(3, max(map(len, special["spoken_point"]), default=0) + 2),
        join_gaps=_GAPS | _RANGE_GAPS | {f" {w} " for w in special["spoken_point"]},
        alone_matches={},
        runs={},
    )


def _groups_checked(pattern: Any, groups: dict[str, int]) -> Any:
    if pattern.groupindex != groups:  # _add_digits and _add_letters unpack the groups by number
        raise AssertionError(f"numeral token groups changed: {pattern.groupindex}")
    return pattern


def _lexicon(rules: Any) -> _Lexicon:
    lex: _Lexicon = rules.compiled("numerals.lexicon", _build_lexicon)
    return lex


# --- tokens -------------------------------------------------------------------------------


@attrs.define(slots=True)
class _Tok:
    start: int
    end: int
    core_end: int
    cls: str  # unit ten hundred scale half_after half quarter point digits roman
    value: Any  # int, Decimal (digits), power (scale)
    ending: str = ""
    deriv: str = ""  # ordinal collective approximate vague noun
    word: str = ""  # the full lower-case word (for the not-numeral lists)
    stem: str = ""
    particle: bool = False  # -ақ glued: бір-ақ, 3-ақ
    # (cls, value, ending, deriv, particle, stem, end - start, core_end - start), when known when
    # the token is made: what the scanner's cache of one-token matches is keyed by
    key: tuple[Any, ...] | None = None
    alone: Any = _MISSING  # _alone_fields(self), when known when the token is made


def _split_suffix(lex: _Lexicon, rest: str, *, digits: bool) -> tuple[str, str] | None:
    """(derivational suffix kind, inflection ending) for what follows a numeral, or None."""
    if not rest:
        return "", ""
    key = (rest, digits)
    found = lex.suffixes.get(key, _MISSING)
    if found is _MISSING:
        if len(lex.suffixes) >= _WORD_CACHE_SIZE:
            lex.suffixes.clear()
        found = lex.suffixes[key] = _analyse_suffix(lex, rest, digits)
    split: tuple[str, str] | None = found
    return split


def _analyse_suffix(lex: _Lexicon, rest: str, digits: bool) -> tuple[str, str] | None:
    if lex.chain_re.fullmatch(rest):
        return "", rest
    for kind, options in (
        ("ordinal", lex.ordinal_digits_sfx if digits else lex.ordinal_sfx),
        ("approximate", lex.approx_sfx),
        ("vague", lex.vague_sfx),
        ("collective", lex.collective_sfx if digits else ()),
        ("adjectival", lex.adjectival_digits_sfx if digits else ()),
    ):
        for sfx in options:
            if rest.startswith(sfx):
                after = rest[len(sfx) :]
                chain = lex.coll_chain_re if kind == "collective" else lex.chain_re
                if chain.fullmatch(after):
                    return kind, after
    return None


def _analyse_word(lex: _Lexicon, stem: str, rest: str) -> tuple[str, Any, str, str] | None:
    """(class, value, derivational suffix, ending) of a numeral word, or None if it is not one."""
    if stem in lex.variants and (stem not in lex.stems or rest.startswith(lex.collective_sfx)):
        of, before = lex.variants[stem]
        if before == "collective":
            for sfx in lex.collective_sfx:
                if rest.startswith(sfx) and lex.coll_chain_re.fullmatch(rest[len(sfx) :]):
                    cls, value = lex.stems[of]
                    return cls, value, "collective", rest[len(sfx) :]
            if stem not in lex.stems:
                return None
        elif before == "vowel":
            if not rest or rest[0] not in _VOWELS:
                return None
            split = _split_suffix(lex, rest, digits=False)
            if split is None:
                return None
            cls, value = lex.stems[of]
            return cls, value, split[0], split[1]
    if stem not in lex.stems:
        return None
    cls, value = lex.stems[stem]
    split = _split_suffix(lex, rest, digits=False)
    if split is None:
        return None
    deriv, ending = split
    if deriv and cls in {"half_after", "point", "quarter"}:
        return None
    if cls == "half" and deriv:
        return None
    if deriv == "vague" and cls not in {"ten", "hundred", "scale"}:
        return None
    if deriv == "ordinal" and cls in {"half", "half_after", "quarter", "point"}:
        return None
    return cls, value, deriv, ending


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000, "х": 10, "і": 1}
_ROMAN_OK = regex.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


def _roman_value(text: str) -> int | None:
    latin = text.upper().replace("Х", "X").replace("І", "I")
    if not latin or not _ROMAN_OK.fullmatch(latin):
        return None
    total = 0
    for i, ch in enumerate(latin):
        v = _ROMAN[ch.lower()]
        nxt = _ROMAN[latin[i + 1].lower()] if i + 1 < len(latin) else 0
        total += -v if v < nxt else v
    return total or None


def _tokens(lex: _Lexicon, lower: str, norm: str) -> list[_Tok]:
    """The numeral tokens of *lower*, in text order (those of ``lex.token_re.finditer(lower)``).

    Most of a text holds no number, so a cheap pattern (:func:`_candidate_pattern`) finds the
    few places where a token can start, and a token pattern is tried only there, each match
    bounded by ``lex.window`` characters so that its cost never depends on the text's length.
    ``token_re`` is the digit branch, then the letter branches: a candidate that starts with an
    ASCII digit can only be the digit branch, one where the candidate pattern read a numeral stem
    only a letter branch; anything else (the first position, a non-ASCII character) tries both.
    """
    out: list[_Tok] = []
    if not lower:
        return out
    window = lex.window
    digit_match, letter_match = lex.digit_re.match, lex.letter_re.match
    last_end = 0
    m = digit_match(lower, 0, window)
    if m is not None:
        last_end = m.end()
        _add_digits(lex, lower, m, 0, out)
    else:
        m = letter_match(lower, 0, window)
        if m is not None:
            last_end = m.end()
            _add_letters(lex, lower, norm, m, 0, out)
    simple = lex.simple
    for c in lex.candidates.finditer(lower):
        kind = c.lastindex
        if kind is None:
            p = c.start() + 1
            if p < last_end:
                continue
        else:
            # a plain candidate: its group starts where the token may (after the first character)
            p, e = c.span(kind)
            if p < last_end:
                continue
            if kind == _SIMPLE_DIGITS:
                if lower[p - 1] in _PLAIN_BEFORE_DIGITS:
                    last_end = e
                    value = int(lower[p:e])
                    size = e - p
                    key = ("digits", value, "", "", False, "", size, size)
                    out.append(_Tok(p, e, e, "digits", value, key=key))
                    continue
            elif lower[p - 1] in (_PLAIN_BEFORE_WORD if kind == _SIMPLE_WORD else _PLAIN_BEFORE_DIGITS):
                # the token (or none) depends on the candidate's text alone: read once per text
                text = lower[p:e]
                found = simple.get(text)
                if found is None:
                    found = remember(simple, text, _simple_token(lex, lower, norm, p), _WORD_CACHE_SIZE)
                size, fields = found
                if size >= 0:
                    last_end = p + size
                if fields is not None:
                    end, core_end, cls, value, ending, deriv, word, stem, particle, key, alone = fields
                    out.append(
                        _Tok(p, p + end, p + core_end, cls, value, ending, deriv, word, stem, particle, key, alone)
                    )
                continue
        if lower[p] in _ASCII_DIGITS or (c.end() == p and lower[p] not in _LETTERS):
            m = digit_match(lower, p, p + window)
            if m is not None:
                last_end = m.end()
                _add_digits(lex, lower, m, p, out)
                continue
            if c.end() > p:
                continue
        m = letter_match(lower, p, p + window)
        if m is not None:
            last_end = m.end()
            _add_letters(lex, lower, norm, m, p, out)
    return out


def _simple_token(lex: _Lexicon, lower: str, norm: str, p: int) -> tuple[int, tuple[Any, ...] | None]:
    """The token match's length (-1 if none) and the token's fields for a plain candidate at *p*.

    A plain candidate (see _candidate_pattern) is read the same wherever it stands, so the
    fields are relative to *p*: (end, core_end, cls, value, ending, deriv, word, stem, particle, key,
    alone) -- see :class:`_Tok`.

    >>> from qazparse import default_rules
    >>> size, fields = _simple_token(_lexicon(default_rules()), " 2-нші ", " 2-нші ", 1)
    >>> size, fields[:6]
    (5, (5, 1, 'digits', 2, '', 'ordinal'))
    """
    found: list[_Tok] = []
    if lower[p] in _ASCII_DIGITS:
        m = lex.digit_re.match(lower, p, p + lex.window)
        if m is not None:
            _add_digits(lex, lower, m, p, found)
    else:
        m = lex.letter_re.match(lower, p, p + lex.window)
        if m is not None:
            _add_letters(lex, lower, norm, m, p, found)
    size = -1 if m is None else m.end() - p
    if not found:
        return size, None
    tok = found[0]
    alone = _alone_fields(tok) if type(tok.value) is int else _MISSING
    fields = (tok.end - p, tok.core_end - p, tok.cls, tok.value, tok.ending, tok.deriv, tok.word, tok.stem)
    return size, (*fields, tok.particle, _tok_key(tok), alone)


def _tok_key(tok: _Tok) -> tuple[Any, ...]:
    """What a token's match depends on, offsets relative to its start (see ``_Tok.key``)."""
    if tok.key is not None:
        return tok.key
    start = tok.start
    return (tok.cls, tok.value, tok.ending, tok.deriv, tok.particle, tok.stem, tok.end - start, tok.core_end - start)


# Group numbers in digit_re and letter_re (checked when the patterns are built).
_DIGIT_GROUPS = {"d": 1, "frac": 2, "dh": 3, "dsuf": 4}
_LETTER_GROUPS = {"a": 1, "adot": 2, "asuf": 3, "r": 4, "w": 5, "wsuf": 6, "wpart": 7}


def _add_digits(lex: _Lexicon, lower: str, m: Any, p: int, out: list[_Tok]) -> None:
    """Append the token of the digit match *m* at offset *p* to *out*."""
    _, (ds, de), (fs, fe), _dh, (ss, se) = m.regs
    raw = lower[ds:de].replace(" ", "")
    try:
        value: Any = int(raw) if fs < 0 else Decimal(raw + "." + lower[fs + 1 : fe])
    except (ValueError, decimal.InvalidOperation):
        return  # digits newer than Python's Unicode database (Kawi 𑽓): not read as a number

    core_end = de if fs < 0 else fe
    tok = _Tok(p, core_end, core_end, "digits", value)
    if ss >= 0:
        suffix = lower[ss:se]
        base = suffix.split("-")[0]
        split = _split_suffix(lex, base, digits=True)
        if base in lex.particles:
            tok.particle = True
            tok.end = m.end()
        elif split is not None:
            tok.particle = "-" in suffix
            tok.deriv, tok.ending = split
            tok.end = m.end()
        elif fs < 0:
            tok.deriv = "noun"  # 5-тарау: the hyphen stands for the ordinal suffix
    out.append(tok)


def _add_letters(lex: _Lexicon, lower: str, norm: str, m: Any, p: int, out: list[_Tok]) -> None:
    """Append the token of the word, abbreviation or Roman numeral match *m* at *p* to *out* (if it is one)."""
    (_, end), (a_s, a_e), (dot_s, dot_e), (sfx_s, sfx_e), (rs, re_), (ws, we), (_, rest_e), (part_s, _) = m.regs
    if ws >= 0:
        # The stem is the longest one the word starts with (that leaves at most 16 letters), so
        # the analysis depends on the word alone.
        word = lower[ws:rest_e]
        cache = lex.words
        analysed = cache.get(word, _MISSING)
        if analysed is _MISSING:
            if len(cache) >= _WORD_CACHE_SIZE:
                cache.clear()
            stem = lower[ws:we]
            found = None if word in lex.never else _analyse_word(lex, stem, lower[we:rest_e])
            analysed = cache[word] = None if found is None else (*found, stem)
        if analysed is None:
            return
        if p >= 2 and lower[p - 1] == "-" and lower[p - 2].isalpha() and not (out and out[-1].end == p - 1):
            return  # the second half of a hyphenated word (жүзбе-жүз, Көктал-бір)
        cls, value, deriv, ending, stem = analysed
        out.append(_Tok(p, end, we, cls, value, ending, deriv, word, stem, part_s >= 0))
    elif a_s >= 0:
        abbr = lower[a_s:a_e]
        power = lex.scales[lex.abbreviations[abbr]]
        tok_end = a_e
        if dot_s >= 0 and _dot_is_abbreviation(norm, dot_e):
            tok_end = dot_e
        tok = _Tok(p, tok_end, tok_end, "scale", power, word=abbr)
        if sfx_s >= 0 and tok_end == (dot_e if dot_s >= 0 else a_e):
            split = _split_suffix(lex, lower[sfx_s:sfx_e], digits=False)
            if split is not None and not split[0]:
                tok.ending = split[1]
                tok.end = end
        out.append(tok)
    else:
        original = norm[rs:re_]
        if not original.isupper():
            return
        roman = _roman_value(original)
        if roman is not None:
            out.append(_Tok(p, end, end, "roman", roman, deriv="ordinal"))


def _dot_is_abbreviation(norm: str, after: int) -> bool:
    """A full stop after ``млн`` belongs to it when the sentence goes on (a lower-case word follows)."""
    i = after
    while i < len(norm) and norm[i] in " \t":
        i += 1
    return i < len(norm) and i > after and (norm[i].islower() or norm[i].isdigit() or norm[i] in "-")


# --- the phrase builder -----------------------------------------------------------------


@attrs.define
class _State:
    total: Decimal = Decimal(0)
    h: int | None = None
    t: int | None = None
    u: int | None = None
    gdig: Decimal | None = None  # a digit group, a half, a quarter
    half: bool = False
    last_scale: int | None = None
    final: bool = False  # nothing may follow (a decimal times a scale, an ending)
    count: int = 0
    digits: bool = False
    words: bool = False
    scale_last: bool = False  # the last token was a scale word

    def group_empty(self) -> bool:
        return self.h is None and self.t is None and self.u is None and self.gdig is None and not self.half

    def group_value(self) -> Decimal:
        base = self.gdig if self.gdig is not None else Decimal((self.h or 0) + (self.t or 0) + (self.u or 0))
        return _CTX.add(base, _HALF) if self.half else base

    def group_whole(self) -> bool:
        return self.gdig is None or self.gdig == self.gdig.to_integral_value()

    def value(self) -> Decimal:
        return _CTX.add(self.total, self.group_value())


def _accept(st: _State, tok: _Tok, nxt: _Tok | None) -> bool:
    """Add *tok* to the number being built, if it can continue it."""
    if st.final:
        return False
    cls = tok.cls
    if cls == "unit":
        if st.gdig is not None or st.u is not None or st.half:
            return False
        if tok.value == 0 and st.count:
            return False
        st.u = tok.value
    elif cls == "ten":
        if st.gdig is not None or st.t is not None or st.u is not None or st.half:
            return False
        st.t = tok.value
    elif cls == "hundred":
        if st.gdig is not None or st.h is not None or st.t is not None or st.half or st.u == 0:
            return False
        st.h = (st.u or 1) * 100
        st.u = None
    elif cls == "scale":
        power = tok.value
        if st.last_scale is not None and power >= st.last_scale:
            return False
        if st.group_empty():
            # "мың" alone means 1000, also after a larger scale: миллион мың бір = 1 001 001
            if st.count and not (st.scale_last and power == 3):
                return False
            group = Decimal(1)
        else:
            group = st.group_value()
            if group == 0:
                return False
            if st.last_scale is not None and group >= Decimal(10) ** (st.last_scale - power):
                return False
        st.total = _CTX.add(st.total, _CTX.multiply(group, Decimal(10) ** power))
        whole = group == group.to_integral_value()
        st.h = st.t = st.u = st.gdig = None
        st.half = False
        st.last_scale = power
        if not whole:
            st.final = True
    elif cls == "digits":
        value = Decimal(tok.value)
        if st.count == 0 or (
            st.scale_last
            and st.group_empty()
            and st.last_scale is not None
            and value == value.to_integral_value()
            and nxt is not None
            and nxt.cls == "scale"
            and nxt.value < st.last_scale
            and _adjacent_ok(tok, nxt)
        ):
            st.gdig = value
        else:
            return False
        st.digits = True
    elif cls == "half_after":
        if st.half or (st.gdig is not None and not st.group_whole()):
            return False
        if not st.group_empty():
            st.half = True
        elif st.scale_last and st.last_scale is not None:
            st.total = _CTX.add(st.total, Decimal(10) ** st.last_scale / 2)
            st.final = True
        else:
            return False
    elif cls == "half":
        if st.count:
            return False
        st.gdig = Decimal("0.5")
    elif cls == "quarter":
        if st.count == 0:
            st.gdig = Decimal("0.25")
        elif st.u is not None and st.h is None and st.t is None and st.last_scale is None and st.u > 0:
            st.gdig = Decimal(st.u) / 4
            st.u = None
        else:
            return False
    else:
        return False
    if cls != "digits":
        st.words = True
    st.count += 1
    st.scale_last = cls == "scale"
    if tok.ending or tok.deriv or tok.particle:
        st.final = True
    return True


def _adjacent_ok(a: _Tok, b: _Tok) -> bool:
    return b.start > a.end  # the gap itself is checked by the caller


def _alone_fields(tok: _Tok) -> tuple[Any, ...] | None:
    """The match made of *tok* alone (no token joins it): (end, core_end, the fields after
    core_end), offsets relative to its start.

    This is what ``_Scanner.number_at`` and ``finish`` make of a token whose neighbours are out
    of reach; None when it is no number on its own (a lone бүтін).
    """
    st = _State()
    if not _accept(st, tok, None) or tok.cls in {"half_after", "point"}:
        return None
    m = _Scanner.make(tok, tok, st.value(), st, 1, {})
    start = tok.start
    # NumeralMatch's fields after core_end (made by make() from one token: no range, fraction or sign)
    rest = (m.value, None, None, m.ending, m.ordinal, m.digits, m.words, m.suffix, m.hyphen_noun, False, m.lone_one,
            m.scale)  # fmt: skip
    return m.end - start, m.core_end - start, rest


class _Scanner:
    """Builds :class:`NumeralMatch` values from the numeral tokens of one text."""

    def __init__(self, lex: _Lexicon, lower: str, norm: str) -> None:
        self.lex = lex
        self.lower = lower
        self.norm = norm
        self.toks = toks = _tokens(lex, lower, norm)
        # adjacent[i]: tokens i and i+1 stand next to each other, with only a space between them;
        # joins[i]: token i+1 may join token i in any way (a space, a range dash, "де"): where
        # joins[i] is False no match spans tokens i and i+1, so the tokens on either side are
        # read independently of each other.
        reach, join_gaps = lex.reach, lex.join_gaps
        self.adjacent = adjacent = [False] * max(0, len(toks) - 1)
        self.joins = joins = adjacent[:]
        for k in range(len(toks) - 1):
            a_end, b_start = toks[k].end, toks[k + 1].start
            if b_start - a_end <= reach:
                gap = lower[a_end:b_start]
                if gap in join_gaps:
                    joins[k] = True
                    adjacent[k] = gap in _GAPS

    def gap_ok(self, i: int) -> bool:
        """Tokens i and i+1 stand next to each other, with only a space between them."""
        return self.adjacent[i]

    def number_at(self, i: int, *, no_scale: bool = False) -> tuple[_State, int] | None:
        """The longest plain number starting at token i: (state, index after its last token)."""
        st = _State()
        j = i
        toks = self.toks
        adjacent = self.adjacent
        n = len(toks)
        while j < n:
            if j > i and not adjacent[j - 1]:
                break
            tok = toks[j]
            if no_scale and tok.cls == "scale":
                break
            nxt = toks[j + 1] if j + 1 < n and adjacent[j] else None
            if not _accept(st, tok, nxt):
                break
            j += 1
        if j == i:
            return None
        # a lone point/half-after word is not a number
        if j - i == 1 and toks[i].cls in {"half_after", "point"}:
            return None
        # a trailing бүтін (point) without a fraction after it is given back
        return st, j

    def scan(self) -> list[NumeralMatch]:
        """Every numeral match of the text, in order.

        A token that no next token joins is read alone, and a run of tokens joined by spaces or
        range dashes is read as a whole; both depend on the tokens alone (their classes, values,
        endings and relative offsets) and the dashes, so their matches are cached per ``Rules``
        and only shifted into place.  Everything else ("де", fractions, бір) is read in full.
        """
        return self.scan_tokens(0, len(self.toks), cache=True)

    def scan_tokens(self, i: int, stop: int, *, cache: bool) -> list[NumeralMatch]:
        """The matches of tokens i to stop; with *cache* False every token is read in full (the
        reading the cached ones must equal: the tests compare the two)."""
        out: list[NumeralMatch] = []
        toks = self.toks
        n = len(toks)
        joins = self.joins
        lower = self.lower
        alone = self.lex.alone_matches
        while i < stop:
            tok = toks[i]
            if tok.cls == "roman":
                out.append(NumeralMatch(tok.start, tok.end, tok.end, tok.value, ordinal=True, roman=True))
                i += 1
                continue
            if cache and (i + 1 == n or not joins[i]):
                if type(tok.value) is int:
                    # Nothing the next token could join it by: the match depends on the token alone.
                    start = tok.start
                    fields = tok.alone
                    if fields is _MISSING:
                        key = _tok_key(tok)
                        fields = alone.get(key, _MISSING)
                        if fields is _MISSING:
                            if len(alone) >= _MATCH_CACHE_SIZE:
                                alone.clear()
                            fields = alone[key] = _alone_fields(tok)
                    if fields is None or (
                        tok.stem == "бір"
                        and (lower.startswith("-бір", tok.end) or (i > 0 and lower[max(0, start - 1)] == "-"))
                    ):
                        i += 1
                        continue
                    end, core_end, rest = fields
                    out.append(NumeralMatch(start, start + end, start + core_end, *rest))
                    i += 1
                    continue
            elif cache:
                found = self.run_at(i)
                if found is not None:
                    matches, i = found
                    out.extend(matches)
                    continue
            found_number = self.number_at(i)
            if found_number is None:
                i += 1
                continue
            st, j = found_number
            match, j = self.finish(i, j, st)
            if match is None:
                i += 1
                continue
            out.append(match)
            i = j
        return out

    def run_at(self, i: int) -> tuple[list[NumeralMatch], int] | None:
        """The matches of the run of joined tokens from token i, if it can be cached.

        A run can be cached when its tokens are joined by spaces or range dashes (not "де": бір
        де бес looks at the word after it, нөл де үш есебімен) and none of them is a Roman numeral
        or a decimal.  Then its reading depends on the tokens, the dashes and two things just
        outside the run, which go into the cache key too: for бір, whether a hyphen stands before
        the run or ``-бір`` after it (бір-бірі); for a word with an ablative ending (a fraction),
        whether a "part" word follows the run (үштен бір бөлігі).  Returns the matches and the
        index after the run, or None.
        """
        toks, joins, adjacent, lower = self.toks, self.joins, self.adjacent, self.lower
        base = toks[i].start
        ablative = self.lex.ablative
        key: list[Any] = []
        one = fraction = False
        k = i
        while True:
            tok = toks[k]
            if type(tok.value) is not int or tok.cls == "roman":
                return None
            if tok.stem == "бір":
                one = True
            if tok.ending and tok.ending in ablative:
                fraction = True
            start = tok.start
            key.append(start - base)
            key.append(tok.key or _tok_key(tok))
            if k + 1 == len(toks) or not joins[k]:
                break
            if not adjacent[k]:
                gap = lower[tok.end : toks[k + 1].start]
                if gap not in _RANGE_GAPS:
                    return None  # "де": бір де бес reads the word after (нөл де үш есебімен)
                key.append(gap)
            k += 1
        if one:
            key.append(("бір-", i > 0 and lower[base - 1] == "-", lower.startswith("-бір", toks[k].end)))
        if fraction:
            key.append(("part", self.part_after(toks[k].end)))
        runs = self.lex.runs
        cache_key = tuple(key)
        cached = runs.get(cache_key)
        if cached is None:
            cached = tuple(
                (m.start - base, m.end - base, m.core_end - base, attrs.astuple(m, recurse=False)[3:])
                for m in self.scan_tokens(i, k + 1, cache=False)
            )
            if len(runs) >= _RUN_CACHE_SIZE:
                runs.clear()
            runs[cache_key] = cached
        return [NumeralMatch(base + s, base + e, base + c, *rest) for s, e, c, rest in cached], k + 1

    # -- assembling one match ----------------------------------------------------------

    def finish(self, i: int, j: int, st: _State) -> tuple[NumeralMatch | None, int]:
        toks = self.toks
        first, last = toks[i], toks[j - 1]
        value = st.value()
        extra: dict[str, Any] = {}
        # decimal in words: N бүтін оннан M
        if j < len(toks) and toks[j].cls == "point" and not last.ending and not last.deriv and self.gap_ok(j - 1):
            dec = self.decimal_words(j)
            if dec is not None and value == value.to_integral_value():
                frac, j = dec
                if st.last_scale is None:
                    value, j = self.scaled(_CTX.add(value, frac), j, st)
                else:
                    value = _CTX.add(value, frac)
                last = toks[j - 1]
        # spoken decimal: бір де жеті
        elif (
            j < len(toks)
            and st.words
            and not st.digits
            and st.last_scale is None
            and not last.ending
            and not last.deriv
            and value == value.to_integral_value()
        ):
            spoken = self.spoken_decimal(j - 1, j)
            if spoken is not None:
                frac, j = spoken
                value, j = self.scaled(_CTX.add(value, frac), j, st)
                last = toks[j - 1]
        # common fraction: үштен бір
        if (
            j < len(toks)
            and (st.words != st.digits)
            and last.ending in self.lex.ablative
            and not last.deriv
            and value == value.to_integral_value()
            and value >= 2
            and self.gap_ok(j - 1)
            and toks[j].cls in ({"digits"} if st.digits else {"unit", "ten", "hundred"})
            and j - i == 1
        ):
            sub = self.number_at(j, no_scale=True)
            if sub is not None:
                st2, k = sub
                num = st2.value()
                numerator = toks[k - 1]
                # a bare numerator (үштен бір) only under a small or round denominator; otherwise
                # N-нан M is "from N to M" (сексеннен алпыс шақырымға дейін) unless the numerator
                # is possessive (сексеннен алпысы) or a "part" word follows (3-тен 1 бөлігі)
                marked = (k == j + 1 or not st.digits) and (
                    numerator.ending.startswith(self.lex.poss3) or self.part_after(numerator.end)
                )
                bare_ok = not st.digits and (value <= 10 or str(int(value)).rstrip("0") == "1")
                if (
                    0 < num < value
                    and num == num.to_integral_value()
                    and not numerator.deriv
                    and (marked or bare_ok)
                ):
                    q = _CTX.divide(num, value)
                    rounded = q.quantize(Decimal(1).scaleb(-FRACTION_PLACES), context=_CTX)
                    extra.update(numerator=int(num), denominator=int(value), exact=rounded == q)
                    value = rounded if rounded != q else q
                    j = k
                    last = toks[j - 1]
                    digits = st.digits
                    st = st2
                    st.digits = digits
        match = self.make(first, last, value, st, j - i, extra)
        # a range: 10-15, 10 – 15 мың, бес-алты
        if j < len(toks) and not last.ending and not last.deriv and not match.ordinal:
            ranged = self.range_from(match, j, st)
            if ranged is not None:
                return ranged
        # бір-бірі, бір-біріне: the pronoun "each other"
        if (match.lone_one or (first.stem == "бір" and j - i == 1)) and (
            self.lower.startswith("-бір", last.end) or (i > 0 and self.lower[max(0, first.start - 1)] == "-")
        ):
            return None, j
        return match, j

    def part_after(self, end: int) -> bool:
        """A "part" word (бөлігі, үлесі) right after offset *end*: 3-тен 1 бөлігі is a fraction."""
        part_re = self.lex.part_re
        return part_re is not None and part_re.match(self.lower, end, end + self.lex.part_window) is not None

    @staticmethod
    def make(first: _Tok, last: _Tok, value: Decimal, st: _State, count: int, extra: dict[str, Any]) -> NumeralMatch:
        lone_one = count == 1 and first.stem == "бір" and not (first.ending or first.deriv or first.particle)
        deriv = last.deriv
        noun = deriv == "noun"
        ordinal = noun or deriv == "ordinal"
        suffix = "ordinal" if noun else deriv
        end = last.core_end if noun else last.end
        if not extra:
            digits = st.digits or first.cls == "digits"
            scale = st.last_scale or 0
            return NumeralMatch(first.start, end, last.core_end, exact(value), None, None, last.ending, ordinal,
                                digits, st.words, suffix, noun, False, lone_one, scale, count)  # fmt: skip
        return NumeralMatch(
            start=first.start,
            end=end,
            core_end=last.core_end,
            value=exact(value),
            ending=last.ending,
            ordinal=ordinal,
            digits=st.digits or first.cls == "digits",
            words=st.words,
            suffix=suffix,
            hyphen_noun=last.deriv == "noun",
            lone_one=lone_one,
            scale=st.last_scale or 0,
            tokens=count,
            **extra,
        )

    def scaled(self, value: Decimal, j: int, st: _State) -> tuple[Decimal, int]:
        """A scale word right after a decimal multiplies it (бес те бес миллиард, тоғыз бүтін оннан алты мың)."""
        toks = self.toks
        last = toks[j - 1]
        if j < len(toks) and toks[j].cls == "scale" and not last.ending and not last.deriv and self.gap_ok(j - 1):
            st.last_scale = toks[j].value
            return _CTX.multiply(value, Decimal(10) ** toks[j].value), j + 1
        return value, j

    def decimal_words(self, p: int) -> tuple[Decimal, int] | None:
        """After бүтін at token p: a denominator in the ablative (оннан, жүзден) and a numerator.

        Without the denominator word the decimals are read as they are spoken, digit group by
        digit group (тоқсан үш бүтін төрт = 93.4, отыз бес бүтін елу үш = 35.53, бүтін нөл бес = .05).
        """
        toks = self.toks
        if p + 1 >= len(toks) or not self.gap_ok(p):
            return None
        den = self.number_at(p + 1)
        if den is None:
            return None
        dst, k = den
        dval = dst.value()
        dlast = toks[k - 1]
        if (
            dlast.ending not in self.lex.ablative
            or dlast.deriv
            or dst.digits
            or dval < 10
            or dval != dval.to_integral_value()
            or str(int(dval)).rstrip("0") != "1"
        ):
            return self.spoken_decimals(p + 1)
        if k >= len(toks) or not self.gap_ok(k - 1):
            return None
        # the numerator is below the denominator; a scale word after it multiplies the whole number
        # (тоғыз бүтін оннан алты мың = 9600) unless it belongs to the numerator (он мыңнан мың бір)
        for no_scale in (False, True):
            num = self.number_at(k, no_scale=no_scale)
            if num is None:
                return None
            nst, end = num
            nval = nst.value()
            if not nst.digits and 0 < nval < dval and nval == nval.to_integral_value():
                return _CTX.divide(nval, dval), end
        return None

    def spoken_decimals(self, k: int) -> tuple[Decimal, int] | None:
        """The decimals after бүтін with no denominator: leading нөл words, then a number below 1000."""
        toks = self.toks
        zeros = 0
        while k < len(toks) and toks[k].cls == "unit" and toks[k].value == 0 and not toks[k].ending:
            if k + 1 >= len(toks) or not self.gap_ok(k) or zeros >= _MAX_DIGITS:
                return None
            zeros += 1
            k += 1
        num = self.number_at(k, no_scale=True)
        if num is None:
            return None
        nst, end = num
        nval = nst.value()
        last = toks[end - 1]
        if nst.digits or last.deriv or not 0 < nval < 1000 or nval != nval.to_integral_value():
            return None
        places = zeros + len(str(int(nval)))
        return _CTX.divide(nval, Decimal(10) ** places), end

    def spoken_decimal(self, a: int, b: int) -> tuple[Decimal, int] | None:
        """бір де жеті = 1.7: a numeral, the particle де/да, numeral digits."""
        left = self.toks[a]
        right = self.toks[b]
        between = self.lower[left.end : right.start].strip()
        if between not in self.lex.spoken_point:
            return None
        gap = self.lower[left.end : right.start]
        if len(gap) != len(between) + 2 or not gap.startswith(" ") or not gap.endswith(" "):
            return None
        if right.cls not in {"unit", "ten"}:
            return None
        sub = self.number_at(b, no_scale=True)
        if sub is None:
            return None
        st, end = sub
        value = st.value()
        if st.digits or value >= 100 or value != value.to_integral_value():
            return None
        if self.toks[end - 1].deriv:
            return None
        score_re, after = self.lex.score_re, self.toks[end - 1].end
        if score_re is not None and score_re.match(self.lower, after, after + self.lex.part_window):
            return None  # нөл де үш есебімен: a score, not 0.3
        if left.cls in {"hundred", "scale"}:
            # жүз де он тоғыз: "a hundred and nineteen"
            return value, end
        places = len(str(int(value)))
        return _CTX.divide(value, Decimal(10) ** places), end

    def range_from(self, left: NumeralMatch, j: int, st: _State) -> tuple[NumeralMatch, int] | None:
        toks = self.toks
        prev = toks[j - 1]
        if self.lower[prev.end : toks[j].start] not in _RANGE_GAPS or (left.lone_one and toks[j].stem == "бір"):
            return None
        right_found = self.number_at(j)
        if right_found is None:
            return None
        rst, k = right_found
        right, _ = self.finish_simple(j, k, rst)
        if (toks[j].cls == "digits") != (self.toks[j - 1].cls == "digits") or right.ordinal:
            return None
        low = Decimal(left.value)
        high = Decimal(right.value)
        if left.scale == 0 and right.scale and rst.group_empty():
            scaled = _CTX.multiply(low, Decimal(10) ** right.scale)
            if scaled < high:
                low = scaled
        if low == high and right.ending in self.lex.ablative:
            # reduplicated distributive: екі-екіден, он-оннан
            return attrs.evolve(right, start=left.start), k
        if low > high and right.words and not right.digits and left.tokens == 1 and right.tokens == 1:
            low, high = high, low  # үш-екі: "two or three"
        elif not low < high:
            return None
        return (
            attrs.evolve(
                right,
                start=left.start,
                value=exact(low),
                low=exact(low),
                high=exact(high),
                tokens=left.tokens + right.tokens,
                lone_one=False,
            ),
            k,
        )

    def finish_simple(self, i: int, j: int, st: _State) -> tuple[NumeralMatch, int]:
        return self.make(self.toks[i], self.toks[j - 1], st.value(), st, j - i, {}), j


def _scan_context(context: Any) -> list[NumeralMatch]:
    lex = _lexicon(context.rules)
    text = context.text
    if context.strict:
        # a Roman numeral on its own is an ordinal when it is the whole input (parse_ordinal("XXI"))
        stripped = text.norm.strip().rstrip(".")
        value = _roman_value(stripped) if stripped.isupper() else None
        if value is not None:
            start = text.norm.index(stripped)
            end = start + len(stripped)
            return [NumeralMatch(start, end, end, value, ordinal=True, roman=True)]
    matches = _Scanner(lex, text.lower, text.norm).scan()
    body = getattr(context, "body_start", 0)
    lower = text.lower
    if not any(word in lower for word in lex.signs):  # (a sign tail holds a sign word)
        return [m for m in matches if m.start >= body] if body > 0 else matches
    tails = lex.sign_tails
    return [
        _with_sign(lex, lower, m) if lower.endswith(tails, 0, m.start) else m for m in matches if m.start >= body
    ]


_SIGN_WORD = regex.compile(r"(?<![\p{L}\p{M}])(\p{L}+)[ \t]{1,2}\Z")


def _with_sign(lex: _Lexicon, lower: str, m: NumeralMatch) -> NumeralMatch:
    if not lex.signs or m.ordinal or not lower.endswith(lex.sign_tails, 0, m.start):
        return m
    before = _SIGN_WORD.search(lower, max(0, m.start - 12), m.start)
    if before is None or before.group(1) not in lex.signs:
        return m
    sign = lex.signs[before.group(1)]
    if sign > 0:
        return attrs.evolve(m, start=before.start(), sign=1)
    neg = exact(-Decimal(m.value))
    return attrs.evolve(
        m,
        start=before.start(),
        sign=-1,
        value=neg if m.high is None else exact(-Decimal(m.high)),
        low=None if m.high is None else exact(-Decimal(m.high)),
        high=None if m.low is None else exact(-Decimal(m.low)),
    )


def find_numeral_matches(context: Any) -> list[NumeralMatch]:
    """Every numeral phrase in ``context.text`` (computed once per text, then shared).

    Offsets are into ``context.text.norm``; see :class:`NumeralMatch` and the module docs.

    >>> from qazparse.extract import make_context
    >>> [m.value for m in find_numeral_matches(make_context("8 миллион 108 мың қазақстандық"))]
    [8108000]
    >>> [(m.low, m.high) for m in find_numeral_matches(make_context("10 – 15 мың теңге"))]
    [(10000, 15000)]
    """
    matches: list[NumeralMatch] = context.shared("numerals.matches", _scan_context)
    return matches


# --- qualifiers -----------------------------------------------------------------------------


@attrs.frozen(eq=False)
class _Qualifiers:
    before: Any
    after: Any
    before_map: dict[str, Qualifier]
    after_map: dict[str, tuple[Qualifier, str, str]]  # word -> (qualifier, governed case, span mode)
    before_tails: tuple[str, ...]  # the last word of every "before" qualifier (a cheap pre-check)
    tails_reach: int  # 3 + the longest of before_tails
    tail_ends: tuple[int, frozenset[str]]  # n, and the last n letters of each of before_tails
    after_heads: tuple[int, frozenset[str]]  # the first letters of every "after" qualifier (a cheap pre-check)
    after_window: int  # how far past the number an "after" qualifier is looked for
    # _qualifier_after, remembered per word (see _after_word): the first words of the "after"
    # phrases (their match reads on past the word), whether the cache may be used, the cache
    after_phrase_heads: frozenset[str]
    after_word_cache: bool
    after_words: dict[str, tuple[Qualifier, str, str, int, int] | None]


def _build_qualifiers(rules: Any) -> _Qualifiers:
    before: dict[str, Qualifier] = {}
    after: dict[str, tuple[Qualifier, str, str]] = {}
    for entry in rules.table("numerals").get("qualifiers", {}).values():
        q = Qualifier(entry["qualifier"])
        for word in entry["words"]:
            key = " ".join(word.split())
            if entry["position"] == "before":
                before[key] = q
            else:
                mode = "outside" if entry.get("outside", False) else "verb" if entry.get("verb", False) else "in"
                after.setdefault(key, (q, entry.get("governs", "nominative"), mode))

    def alt(words: Any) -> str:
        ordered = sorted(words, key=len, reverse=True)
        return "|".join(r"[ \t]+".join(regex.escape(p) for p in w.split()) for w in ordered)

    # Searched backwards from the number (REVERSE): the match ends there, so the search stops at
    # once instead of trying every position of the 40-character window.  The alternatives are
    # longest first, so the first that matches is also the one a forward search finds (the
    # leftmost start): a shorter phrase that matches is a word-aligned suffix of a longer one.
    before_re = (
        regex.compile(rf"(?r)(?<![\p{{L}}\p{{M}}\d])(?P<q>{alt(before)})[ \t]{{1,3}}\Z") if before else None
    )
    morph = rules.table("morphology")["endings"]
    ending = alternation(
        [
            e
            for g in ("possessive3", "accusative", "dative", "locative", "ablative", "genitive")
            for e in morph.get(g, ())
        ]
    )
    after_re = (
        regex.compile(rf"[ \t]{{1,3}}(?P<q>{alt(after)})(?:{ending})?(?:{ending})?(?![\p{{L}}\p{{M}}\d])")
        if after
        else None
    )
    longest_ending = max((len(e) for group in morph.values() for e in group), default=0)
    return _Qualifiers(
        before_re,
        after_re,
        before,
        after,
        before_tails=tuple({w.split()[-1] for w in before}),
        tails_reach=3 + max((len(w.split()[-1]) for w in before), default=0),
        tail_ends=_ends({w.split()[-1] for w in before}),
        after_heads=_heads(after),
        # the gap, the longest phrase with up to _QUALIFIER_SPACES more spaces inside, two endings,
        # the look-ahead
        after_window=3 + max(map(len, after), default=0) + _QUALIFIER_SPACES + 2 * longest_ending + 1,
        after_phrase_heads=frozenset(w.split()[0] for w in after if " " in w),
        after_word_cache=not any(ch in e for group in morph.values() for e in group for ch in " \t"),
        after_words={},
    )


def _qualifiers(rules: Any) -> _Qualifiers:
    q: _Qualifiers = rules.compiled("numerals.qualifiers", _build_qualifiers)
    return q


def qualifier_before(lower: str, start: int, rules: Any) -> tuple[Qualifier, int] | None:
    """The qualifier word just before offset *start* of *lower*, and the offset where it starts.

    An emphasis word that keeps the amount exact (``тең``, ``дәл``) may stand after another
    qualifier, which then decides: ``шамамен тең жартысы`` is about half.

    >>> from qazparse import default_rules
    >>> qualifier_before("шамамен 10 пайыз", 8, default_rules())
    (<Qualifier.APPROXIMATELY: 'approximately'>, 0)
    >>> qualifier_before("шамамен тең жартысы", 12, default_rules())
    (<Qualifier.APPROXIMATELY: 'approximately'>, 0)
    """
    return _qualifier_before(_qualifiers(rules), lower, start)


def _qualifier_before(q: _Qualifiers, lower: str, start: int) -> tuple[Qualifier, int] | None:
    if q.before is None or lower[start - 1 : start] not in _SPACE_OR_TAB:
        return None
    # the phrase ends 1-3 spaces before start with one of these words (a quick necessary check)
    body = lower[max(0, start - q.tails_reach) : start].rstrip(" \t")
    if body[-q.tail_ends[0] :] not in q.tail_ends[1] or not body.endswith(q.before_tails):
        return None
    m = q.before.search(lower, max(0, start - 40), start)
    if m is None:
        return None
    qualifier = q.before_map[" ".join(m.group("q").split())]
    if qualifier is Qualifier.EXACT:
        outer = q.before.search(lower, max(0, m.start() - 40), m.start())
        if outer is not None:
            return q.before_map[" ".join(outer.group("q").split())], outer.start()
    return qualifier, m.start()


def qualifier_after(lower: str, end: int, rules: Any) -> tuple[Qualifier, int] | None:
    """The qualifier word just after offset *end* of *lower*, and the offset where it ends.

    The word ending at *end* must carry the case the qualifier governs: ablative for
    ``астам``/``аса``/``артық``/``кем``, dative for ``дейін``/``жуық``/``тарта``.

    >>> from qazparse import default_rules
    >>> text = "70 миллиард доллардан асатын"
    >>> qualifier_after(text, text.index(" асатын"), default_rules())
    (<Qualifier.MORE_THAN: 'more_than'>, 28)
    >>> qualifier_after("70 миллиард доллар асатын", 18, default_rules()) is None
    True
    """
    found = qualifier_after_detail(lower, end, rules)
    return None if found is None else (found[0], found[1])


def qualifier_after_detail(lower: str, end: int, rules: Any) -> tuple[Qualifier, int, int] | None:
    """Like :func:`qualifier_after`, plus where a mention's span ends in running text.

    Returns ``(qualifier, end, span_end)``: *end* is after the whole qualifier, *span_end* is where
    a mention in running text stops (KazNERD's convention).  A postposition (астам, дейін) is inside
    the span (``span_end == end``); a verb (асты, асатын, жуықтады) and ``outside`` words
    (төңірегінде) stay outside (``span_end`` is the *end* passed in); in ``кем болмауы`` only the
    verb does (``span_end`` is after ``кем``).  A strict parse takes everything in.

    >>> from qazparse import default_rules
    >>> qualifier_after_detail("30-дан асты", 6, default_rules())
    (<Qualifier.MORE_THAN: 'more_than'>, 11, 6)
    >>> qualifier_after_detail("30 пайыздан кем болмауы", 11, default_rules())
    (<Qualifier.AT_LEAST: 'at_least'>, 23, 15)
    """
    q = _qualifiers(rules)
    return _qualifier_after(q, _lexicon(rules), lower, end, _next_word_head(lower, end, q.after_heads[0]))


def _qualifier_after(
    q: _Qualifiers, lex: _Lexicon, lower: str, end: int, head: str
) -> tuple[Qualifier, int, int] | None:
    """qualifier_after_detail, given ``_next_word_head(lower, end, q.after_heads[0])`` as *head*."""
    if q.after is None or end <= 0 or head not in q.after_heads[1]:
        return None
    found = _after_word(q, lower, end)
    if found is None:
        return None
    qualifier, governs, _mode, after_end, span_end = found
    if governs != "nominative" and not _ends_with_case(lex, lower, end, governs):
        return None
    return qualifier, end + after_end, end + span_end


def _after_word(q: _Qualifiers, lower: str, end: int) -> tuple[Qualifier, str, str, int, int] | None:
    """The "after" qualifier at *end* before the case check: (qualifier, governed case, span mode,
    end, span end), the offsets relative to *end*.

    ``q.after`` reads 1-3 spaces and one word, unless the word starts a phrase (``кем емес``):
    the words and endings hold no space, and a space after the word is no letter, as the
    pattern's end requires (its window is longer than a word read here).  So apart from a
    phrase the answer depends on the spaces and the word alone, and is remembered per ``Rules``.
    """
    w = _GAP_AND_WORD.match(lower, end) if q.after_word_cache else None
    if w is None or w.group(1) in q.after_phrase_heads:
        return _read_after_word(q, lower, end)
    key = lower[end : w.end()]
    found: tuple[Qualifier, str, str, int, int] | None = q.after_words.get(key, MISSING)
    if found is MISSING:
        found = remember(q.after_words, key, _read_after_word(q, key, 0))
    return found


# What _after_word's (and quantities._unit_after's) answer depends on: up to three spaces and a word.
_GAP_AND_WORD = re.compile(r"[ \t]{0,3}([^ \t]{1,40}+)(?=[ \t]|\Z)")


def _read_after_word(q: _Qualifiers, lower: str, end: int) -> tuple[Qualifier, str, str, int, int] | None:
    m = q.after.match(lower, end, end + q.after_window)
    if m is None:
        return None
    qualifier, governs, mode = q.after_map[" ".join(m.group("q").split())]
    if mode == "in":
        return qualifier, governs, mode, m.end() - end, m.end() - end
    words = m.group("q")
    last_gap = max(words.rfind(" "), words.rfind("\t"))
    if mode == "verb" and last_gap > 0:  # кем болмауы: the words before the verb stay in the span
        return qualifier, governs, mode, m.end() - end, m.start("q") + len(words[:last_gap].rstrip()) - end
    return qualifier, governs, mode, m.end() - end, 0


def _qualifiers_around(
    lower: str, start: int, end: int, rules: Any
) -> tuple[tuple[Qualifier, int] | None, tuple[Qualifier, int, int] | None]:
    """``(qualifier_before(lower, start, rules), qualifier_after_detail(lower, end, rules))``.

    The same answers, for a caller that asks both for many numbers (quantities): the cheap
    necessary checks of each (the last letters before *start*, the first letters after *end*)
    are made first, inline, since most numbers have no qualifier.

    >>> from qazparse import default_rules
    >>> _qualifiers_around("шамамен 60-тан астам", 8, 14, default_rules())
    ((<Qualifier.APPROXIMATELY: 'approximately'>, 0), (<Qualifier.MORE_THAN: 'more_than'>, 20, 20))
    """
    q = _qualifiers(rules)
    before = after = None
    if (
        lower[start - 1 : start] in _SPACE_OR_TAB
        and lower[max(0, start - q.tails_reach) : start].rstrip(" \t")[-q.tail_ends[0] :] in q.tail_ends[1]
    ):
        before = _qualifier_before(q, lower, start)
    n_after, after_heads = q.after_heads
    seg = lower[end : end + 3 + n_after]  # _next_word_head(lower, end, n_after), inline
    body = seg.lstrip(" \t")
    if 1 <= len(seg) - len(body) <= 3 and body[:n_after] in after_heads:
        after = _qualifier_after(q, _lexicon(rules), lower, end, body[:n_after])
    return before, after


def _ends(words: Any) -> tuple[int, frozenset[str]]:
    """How many last letters of a word to compare, and those letters of each of *words*."""
    n = max(1, min(_HEAD, min(map(len, words), default=0)))
    return n, frozenset(w[-n:] for w in words)


def _heads(words: Any) -> tuple[int, frozenset[str]]:
    """How many first letters of a word to compare, and those letters of each of *words*."""
    n = min((len(w.split()[0]) for w in words), default=0)
    n = max(1, min(_HEAD, n))
    return n, frozenset(w[:n] for w in words)


def _next_word_head(lower: str, end: int, n: int) -> str:
    """The first *n* characters after 1-3 spaces or tabs at *end* ('' if there is no such gap).

    >>> _next_word_head("60-тан астам", 6, 2)
    'ас'
    """
    seg = lower[end : end + 3 + n]
    body = seg.lstrip(" \t")
    return body[:n] if 1 <= len(seg) - len(body) <= 3 else ""


def _ends_with_case(lex: _Lexicon, lower: str, end: int, case: str) -> bool:
    options = lex.ablative if case == "ablative" else lex.dative if case == "dative" else ()
    return lower.endswith(options, max(0, end - 8), end)



# --- mentions -------------------------------------------------------------------------------


# The one or two words before a number (searched backwards: greedy to the left, so the match is
# the one a forward search finds first, without trying every position of the window).
_WORD_BEFORE = regex.compile(r"(?r)(\p{L}+(?:[ \t]+\p{L}+)?)[ \t]+\Z")
_WORD_AFTER = regex.compile(r"[ \t]+(\p{L}+)")
_WORD_AFTER_WINDOW = 64


def _word_after(lower: str, end: int) -> str:
    """The word after the spaces at *end* (``_WORD_AFTER``), read within a bound when it fits there."""
    bound = end + _WORD_AFTER_WINDOW
    after = _WORD_AFTER.match(lower, end, bound)
    if bound < len(lower) and (after.end() == bound if after is not None else lower[bound - 1] in " \t"):
        after = _WORD_AFTER.match(lower, end)  # a long gap or a long word: read all of it
    return after.group(1) if after is not None else ""


def _lone_one_counts(lex: _Lexicon, lower: str, m: NumeralMatch) -> bool:
    """Is a lone бір the number one (бір рет, тағы бір) rather than the article (бір маңызды қадам)?"""
    one = lex.one
    nxt = _word_after(lower, m.end)
    before = _WORD_BEFORE.search(lower, max(0, m.start - 40), m.start)
    prev2 = before.group(1) if before else ""
    prev = prev2.split()[-1] if prev2 else ""
    if prev in one["counted_before"] or prev2 in one["counted_before"]:
        return True
    if nxt in one["counted_after"]:
        return True
    if prev in one["article_before"] or prev2 in one["article_before"]:
        return False
    if nxt in one["article_after"]:
        return False
    if nxt.endswith(tuple(one["verb_endings_after"])):
        return False  # бір өсіп, бір түссе: "once"
    # a noun after a numeral stays singular (KAZAKH.md §1.2): бір + plural is "some", not one
    return not (len(nxt) > 5 and lex.plural_re.fullmatch(nxt))


def extract_numerals(context: Any) -> Iterator[Number | Ordinal]:
    """Numbers and ordinals in running text (the numeral step of :func:`qazparse.extract`).

    Qualifier words are folded into a number's span and ``qualifier``; a lone ``бір`` used
    as the indefinite article is left out unless ``context.strict``.

    >>> from qazparse.extract import make_context
    >>> [(n.value, n.qualifier.value, n.span.text) for n in extract_numerals(make_context("60-тан астам адам"))]
    [(60, 'more_than', '60-тан астам')]
    """
    lex = _lexicon(context.rules)
    q = _qualifiers(context.rules)
    text = context.text
    lower = text.lower
    strict = context.strict
    note = context.note
    n_counter, counter_heads = lex.counter_heads
    n_after, after_heads = q.after_heads
    n_ends, tail_ends = q.tail_ends
    tails_reach = q.tails_reach
    alone = lex.alone
    exact_ = Qualifier.EXACT
    by_suffix = {"approximate": Qualifier.APPROXIMATELY, "vague": Qualifier.MORE_THAN}
    for m in find_numeral_matches(context):
        if m.ordinal:
            if not isinstance(m.value, int) or m.value <= 0:
                continue
            yield note(Ordinal(m.value, text.span(m.start, m.end)), _rule(m))
            continue
        start, end = m.start, m.end
        if not strict:
            if m.lone_one and not _lone_one_counts(lex, lower, m):
                continue
            if m.tokens == 1 and m.words and not m.digits and lower[start:end] in alone:
                continue
        qualifier = by_suffix.get(m.suffix, exact_) if m.suffix else exact_
        seg = lower[end : end + 3 + n_counter]  # _next_word_head(lower, end, n_counter), inline
        body = seg.lstrip(" \t")
        head = body[:n_counter] if 1 <= len(seg) - len(body) <= 3 else ""
        if head in counter_heads:
            counter = lex.counters.match(lower, end, end + lex.counter_window)
            if counter is not None:
                end = counter.end()
                head = _next_word_head(lower, end, n_after)
        if n_after != n_counter:
            head = _next_word_head(lower, end, n_after)
        if (
            lower[start - 1 : start] in _SPACE_OR_TAB
            and lower[max(0, start - tails_reach) : start].rstrip(" \t")[-n_ends:] in tail_ends
        ):  # the quick checks of _qualifier_before, inline
            before = _qualifier_before(q, lower, start)
            if before is not None:
                qualifier, start = before
        if head in after_heads:
            after = _qualifier_after(q, lex, lower, end, head)
            if after is not None:
                qualifier = after[0]
                end = after[1] if strict else after[2]
        number = Number(m.value, text.span(start, end), qualifier, m.low, m.high)
        yield note(number, _rule(m))


def _rule(m: NumeralMatch) -> str:
    """The rule id ``explain()`` shows for a match: ``numerals:roman``, ``numerals:ordinal-words``,
    ``numerals:range-digits``, ``numerals:mixed`` ...

    >>> _rule(NumeralMatch(0, 2, 2, 10, digits=True))
    'numerals:digits'
    """
    if m.roman:
        return "numerals:roman"
    rules = _ORDINAL_RULES if m.ordinal else _RANGE_RULES if m.high is not None else _NUMBER_RULES
    return rules[(2 if m.digits else 0) + (1 if m.words else 0)]


# The rule ids by (2 if digits) + (1 if words): words, words, digits, mixed (constant strings,
# rather than formatted per match).
_NUMBER_RULES = tuple(f"numerals:{kind}" for kind in ("words", "words", "digits", "mixed"))
_ORDINAL_RULES = tuple(f"numerals:ordinal-{kind}" for kind in ("words", "words", "digits", "mixed"))
_RANGE_RULES = tuple(f"numerals:range-{kind}" for kind in ("words", "words", "digits", "mixed"))


# --- strict parsers -------------------------------------------------------------------------


def parse_number(text: str) -> Number:
    """Read *text* as one whole cardinal number (words, digits or both), or raise ``ParseError``.

    >>> parse_number("он бес бүтін оннан екі").value
    Decimal('15.2')
    >>> parse_number("1,5 млрд").value
    1500000000
    >>> parse_number("60-тан астам").qualifier.value
    'more_than'
    """
    from .parsing import parse_whole

    return parse_whole(text, "a number", extract_numerals, (Number,))


def parse_ordinal(text: str) -> Ordinal:
    """Read *text* as one whole ordinal (``бірінші``, ``2-нші``, ``XXI``), or raise ``ParseError``.

    >>> parse_ordinal("2-ншісіне").value
    2
    """
    from .parsing import parse_whole

    return parse_whole(text, "an ordinal", extract_numerals, (Ordinal,))


# --- numbers to words -----------------------------------------------------------------------

_UNITS = ("", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз")
_TENS = ("", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан")
_SCALES = ((18, "квинтиллион"), (15, "квадриллион"), (12, "триллион"), (9, "миллиард"), (6, "миллион"), (3, "мың"))


def _under_thousand(n: int) -> list[str]:
    words: list[str] = []
    h, rest = divmod(n, 100)
    if h:
        if h > 1:
            words.append(_UNITS[h])
        words.append("жүз")
    t, u = divmod(rest, 10)
    if t:
        words.append(_TENS[t])
    if u:
        words.append(_UNITS[u])
    return words


def _int_words(n: int) -> list[str]:
    if n == 0:
        return ["нөл"]
    words: list[str] = []
    for power, name in _SCALES:
        group, n = divmod(n, 10**power)
        if group == 1 and power == 3:
            words.append(name)  # мың, not бір мың
        elif group:
            words.extend(_under_thousand(group) if group < 1000 else _int_words(group))
            words.append(name)
    words.extend(_under_thousand(n))
    return words


def _ordinal_word(word: str) -> str:
    if word == "жиырма":
        return "жиырмасыншы"
    if word == "қырық":
        return "қырқыншы"
    front = is_front(word)
    if word[-1] in _VOWELS:
        return word + ("нші" if front else "ншы")
    return word + ("інші" if front else "ыншы")


_DENOMINATOR_ABLATIVE = {"он": "оннан", "жүз": "жүзден", "мың": "мыңнан", "миллион": "миллионнан",
                         "миллиард": "миллиардтан", "триллион": "триллионнан", "квадриллион": "квадриллионнан",
                         "квинтиллион": "квинтиллионнан"}  # fmt: skip


def number_to_words(n: int | Decimal, *, ordinal: bool = False) -> str:
    """Spell *n* in standard Kazakh (KAZAKH.md §1.2-1.3, §1.7), up to 10^18 and for Decimals.

    1000 is ``мың`` (no ``бір``); a million and above keep ``бір`` (``бір миллион``).
    Decimals use ``бүтін`` and the ablative denominator: 15.2 is ``он бес бүтін оннан екі``.
    Negative numbers start with ``минус``.

    >>> number_to_words(1992)
    'мың тоғыз жүз тоқсан екі'
    >>> number_to_words(Decimal("0.05"))
    'нөл бүтін жүзден бес'
    >>> number_to_words(2025, ordinal=True)
    'екі мың жиырма бесінші'
    """
    if isinstance(n, bool) or not isinstance(n, (int, Decimal)):
        raise TypeError(f"n must be an int or a Decimal, not {type(n).__name__}")
    if isinstance(n, Decimal) and not n.is_finite():
        raise ValueError("n must be finite")
    value: Value = exact(n)
    if abs(Decimal(value)) > 10**18:
        raise ValueError("n must be at most 10**18 in absolute value")
    if ordinal:
        if not isinstance(value, int) or value < 0:
            raise ValueError("an ordinal must be a whole number >= 0")
        words = _int_words(value)
        words[-1] = _ordinal_word(words[-1])
        return " ".join(words)
    if value < 0:
        return "минус " + number_to_words(-value)
    if isinstance(value, int):
        return " ".join(_int_words(value))
    _sign, digits, exponent = value.as_tuple()
    places = -int(exponent)
    whole = int(value)
    fraction = int("".join(map(str, digits))[-places:])
    den = _int_words(10**places)
    if den[0] == "бір" and len(den) > 1:
        den = den[1:]
    den[-1] = _DENOMINATOR_ABLATIVE[den[-1]]
    return " ".join([*_int_words(whole), "бүтін", *den, *_int_words(fraction)])
