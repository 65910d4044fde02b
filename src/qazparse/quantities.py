"""Money, distances and other quantities: a number followed by a unit or currency word.

A quantity is a numeral phrase (found by :func:`qazparse.numerals.find_numeral_matches`)
followed by a unit or currency word in any case form (``доллардан``, ``тоннаға``,
``шақырымдық``), or an abbreviation or symbol with a hyphenated ending (``км-ге``,
``%-ке``), or preceded by a currency symbol (``$1,5 млрд``).  Qualifier words before the
number or after the unit are part of the mention (``70 миллиард доллардан асатын`` is
more than 70 billion dollars), and so is a "per" word before it (``сағатына 80
шақырым`` is 80 km/h).  The postposition of a length of time belongs to it (``үш жыл
бойы``, ``екі айдың ішінде``), and an age is a quantity too (``отыз сегіз жастағы``: 38 y,
dimension ``age``).  Units and currencies are rule data (``units.toml``,
``currencies.toml``): ``Rules.with_currency`` and ``Rules.with_unit`` add more.

>>> parse_money("70 миллиард доллардан асатын").amount
70000000000
>>> parse_money("$1,5 млрд").currency
'USD'
>>> parse_distance("2,5 км-ге").meters
2500
>>> q = parse_quantity("4,5 миллион тоннаны")
>>> (q.value, q.unit, q.dimension)
(4500000, 't', 'mass')
>>> q = parse_quantity("отыз сегіз жастағы")
>>> (q.value, q.unit, q.dimension)
(38, 'y', 'age')

What is *not* a quantity: a bare number (``1000`` is never money), a unit word with no
amount (``доллар бағамы``, ``Рубль мен теңге``), a word that merely starts like a unit
(``Метро``, ``метрополитен``), and a calendar year before ``жыл`` (``2025 жылы`` is a
date, left to :mod:`qazparse.dates`).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs
import regex

from .memo import MISSING, remember
from .morphology import ending_chain, ending_groups, final_sound, split_endings, stem_variants
from .numerals import _GAP_AND_WORD, NumeralMatch, _qualifiers_around, find_numeral_matches
from .rules import Rules
from .values import DateMention, Distance, Money, Qualifier, Quantity, Value, exact

__all__ = ["extract_quantities", "parse_distance", "parse_money", "parse_quantity"]

Mention = Money | Distance | Quantity

_EXTRA_ENDINGS = ("approximative", "adjectival")
_NOT_LETTER_AFTER = r"(?![\p{L}\p{M}])"
_NOT_WORD_BEFORE = r"(?<![\p{L}\p{M}\d])"

# When a unit is divided by another ("per"), what the result measures.
_RATE_DIMENSIONS = {
    ("distance", "duration"): "speed",
    ("volume", "duration"): "flow",
    ("mass", "duration"): "mass_flow",
    ("mass", "volume"): "concentration",
    ("mass", "area"): "yield",
    ("power", "duration"): "power_rate",
}
# The possessive dative ending of a "per" word (сағатына, минутіне), and how far before a number
# such an ending and the spaces after it reach.
_RATE_ENDINGS = ("сына", "сіне", "ына", "іне", "на", "не")
_RATE_REACH = 3 + max(map(len, _RATE_ENDINGS))


# --- the lexicon of units, built once per Rules ---------------------------------------------


@attrs.frozen
class _Unit:
    """One unit or currency as the matcher sees it."""

    key: str
    money: bool
    symbol: str  # ISO code for money, unit symbol otherwise
    dimension: str  # "money" for currencies
    factor: Decimal
    rate: bool = False
    year_dates: bool = False
    adjectival: bool = True
    signs: Mapping[str, int] = attrs.field(factory=dict)
    postpositions: frozenset[str] = frozenset()
    bare: bool = True
    refused: frozenset[str] = frozenset()  # ending groups that make the word another word
    whole: frozenset[str] = frozenset()  # postpositions that make the word alone one unit


@attrs.frozen(eq=False)
class _Lexicon:
    after: Any  # at a position: optional space, then a unit word / abbreviation / symbol with endings
    before: Any  # a currency symbol or code ending at a position (``$`` in ``$1,5 млрд``)
    rate: Any  # a "per" word in the possessive dative ending at a position (``сағатына``)
    slash: Any  # a ``/`` between two units
    sign: Any  # a sign word after a unit (``суық``)
    postposition: Any  # a postposition of a unit after it (``бойы``, ``ішінде``)
    whole: Any  # a unit word and a postposition, no number: one unit (``тәулік бойы``)
    wholes: dict[str, _Unit]
    names: dict[str, _Unit]
    softs: dict[str, _Unit]
    abbreviations: dict[str, _Unit]
    symbols_before: dict[str, _Unit]
    rates: dict[str, _Unit]
    # Cheap tests that skip most numbers before the regexes run (see _unit_after, _with_unit):
    heads1: frozenset[str] = frozenset()  # unit keys of one character (``м``, ``%``)
    heads2: frozenset[str] = frozenset()  # the first two characters of the longer keys
    tails: frozenset[str] = frozenset()  # the last characters of the symbols and codes before a number
    # _unit_after, remembered per word (see _unit_after): the first words of the keys that are
    # phrases (their match reads on past the word), and the cache itself
    phrase_heads: frozenset[str] = frozenset()
    word_cache: bool = True  # False when an ending has a space in it (then nothing is remembered)
    units_after: dict[str, tuple[_Unit, int, str, str] | None] = attrs.field(factory=dict)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first; spaces inside a phrase match any run of spaces."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"[ \t]+".join(regex.escape(part) for part in w.split()) for w in unique)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _unit_entries(rules: Rules) -> Iterator[tuple[_Unit, dict[str, Any]]]:
    for key, entry in rules.table("currencies").items():
        unit = _Unit(key, True, entry["code"], "money", entry.get("factor", Decimal(1)))
        yield unit, entry
    for key, entry in rules.table("units").items():
        unit = _Unit(
            key,
            False,
            entry["unit"],
            entry["dimension"],
            entry["factor"],
            rate=entry.get("rate", False),
            year_dates=entry.get("year_dates", False),
            adjectival=entry.get("adjectival", True),
            signs={_key(w): s for w, s in entry.get("sign_after", {}).items()},
            postpositions=frozenset(_key(w) for w in entry.get("postpositions", ())),
            bare=entry.get("bare", True),
            refused=frozenset(entry.get("refused_endings", ())),
            whole=frozenset(_key(w) for w in entry.get("whole", ())),
        )
        yield unit, entry


def _build_lexicon(rules: Rules) -> _Lexicon:
    names: dict[str, _Unit] = {}
    softs: dict[str, _Unit] = {}
    abbreviations: dict[str, _Unit] = {}
    before: dict[str, _Unit] = {}
    codes: dict[str, _Unit] = {}
    rates: dict[str, _Unit] = {}
    signs: set[str] = set()
    postpositions: set[str] = set()
    wholes: dict[str, _Unit] = {}
    for unit, entry in _unit_entries(rules):
        for name in (*entry["names"], *entry.get("phrases", ())):
            words = _key(name).split()
            names.setdefault(" ".join(words), unit)
            _base, soft = stem_variants(words[-1], rules)
            if soft is not None:
                softs.setdefault(" ".join([*words[:-1], soft]), unit)
            if unit.rate and len(words) == 1:
                rates.setdefault(words[0], unit)
                if soft is not None:
                    rates.setdefault(soft, unit)
        for abbr in entry.get("abbreviations", ()):
            abbreviations.setdefault(_key(abbr), unit)
        for symbol in entry.get("symbols", ()):
            abbreviations.setdefault(_key(symbol), unit)
            if unit.money:
                before.setdefault(_key(symbol), unit)
        if unit.money and unit.factor == 1:
            codes.setdefault(unit.symbol.lower(), unit)
        signs.update(unit.signs)
        postpositions.update(unit.postpositions)
        if unit.whole:
            for name in entry["names"]:
                wholes.setdefault(_key(name), unit)
    for code, unit in codes.items():
        abbreviations.setdefault(code, unit)
    chain = ending_chain(rules, extra=_EXTRA_ENDINGS)
    chain1 = ending_chain(rules, extra=_EXTRA_ENDINGS, minimum=1)
    vowel_chain = f"(?=[аәеиоөұүыіэюя]){chain1}"
    latin = _alternation(_latin_endings(rules))
    if latin:  # Latin-script endings (teńgeni, %-ke), from the numerals table (KAZAKH.md §9.2)
        chain = f"(?:{chain}|(?:{latin}){{1,2}})"
        chain1 = f"(?:{chain1}|(?:{latin}){{1,2}})"
    alternatives = [f"(?P<name>{_alternation(names)})(?P<nend>{chain})"]
    if softs:
        alternatives.append(f"(?P<soft>{_alternation(softs)})(?P<send>{vowel_chain})")
    if abbreviations:
        # An ending follows an abbreviation after a hyphen (км-ге, % -ға), or straight
        # after a sign that is not a letter (5%ға).
        alternatives.append(
            f"(?P<abbr>{_alternation(abbreviations)})"
            rf"(?:(?:[ \t]?[-–][ \t]?|(?<![\p{{L}}\p{{M}}]))(?P<aend>{chain1}))?"
        )
    after = regex.compile(rf"[ \t]{{0,3}}(?:{'|'.join(alternatives)}){_NOT_LETTER_AFTER}")
    code_alt = _alternation(codes)
    sym_alt = _alternation(before)
    parts = []
    if codes:
        parts.append(f"{_NOT_WORD_BEFORE}(?P<code>{code_alt})")
    if before:
        parts.append(f"(?P<sym>{sym_alt})")
    before_re = regex.compile(rf"(?:{'|'.join(parts)})[ \t]?\Z") if parts else None
    for code, unit in codes.items():
        before.setdefault(code, unit)
    rate_re = None
    if rates:
        rate_re = regex.compile(
            rf"{_NOT_WORD_BEFORE}(?P<rate>{_alternation(rates)})(?:{'|'.join(_RATE_ENDINGS)})[ \t]{{1,3}}\Z"
        )
    sign_re = regex.compile(rf"[ \t]{{1,2}}(?P<w>{_alternation(signs)}){_NOT_LETTER_AFTER}") if signs else None
    whole_re = None
    whole_posts = {w for u in wholes.values() for w in u.whole}
    if wholes:
        # the word alone or with the possessive (күні бойы); a number before it is read elsewhere
        whole_re = regex.compile(
            rf"{_NOT_WORD_BEFORE}(?P<name>{_alternation(wholes)})(?:ы|і)?[ \t]{{1,3}}"
            rf"(?P<w>{_alternation(whole_posts)}){_NOT_LETTER_AFTER}"
        )
    post_re = None
    if postpositions:
        post_re = regex.compile(rf"[ \t]{{1,3}}(?P<w>{_alternation(postpositions)}){_NOT_LETTER_AFTER}")
    keys = [*names, *softs, *abbreviations]
    heads2: set[str] = set()
    for key in keys:
        if len(key) > 1:  # a space inside a phrase matches a space or a tab
            heads2.update({key[0] + " ", key[0] + "\t"} if key[1] == " " else {key[:2]})
    return _Lexicon(
        after=after,
        before=before_re,
        rate=rate_re,
        slash=regex.compile(r"[ \t]{0,2}/"),
        sign=sign_re,
        postposition=post_re,
        whole=whole_re,
        wholes=wholes,
        names=names,
        softs=softs,
        abbreviations=abbreviations,
        symbols_before=before,
        rates=rates,
        heads1=frozenset(key for key in keys if len(key) == 1),
        heads2=frozenset(heads2),
        tails=frozenset(key[-1] for key in before),
        phrase_heads=frozenset(key.split()[0] for key in keys if " " in key),
        word_cache=not any(
            ch in e
            for group in (*rules.table("morphology")["endings"].values(), _latin_endings(rules))
            for e in group
            for ch in " \t"
        ),
    )


def _lexicon(rules: Rules) -> _Lexicon:
    lex: _Lexicon = rules.compiled("quantities.lexicon", _build_lexicon)
    return lex


# --- candidates ------------------------------------------------------------------------------


@attrs.define
class _Found:
    """A quantity being assembled (offsets into ``text.norm``)."""

    start: int
    end: int
    number: NumeralMatch
    unit: _Unit
    value: Decimal
    low: Decimal | None
    high: Decimal | None
    ending: str
    qualifier: Qualifier
    symbol: str
    dimension: str
    rule: str


def _unit_after(lex: _Lexicon, lower: str, pos: int, checked: bool = False) -> tuple[_Unit, int, str, str] | None:
    """The unit word, abbreviation or symbol right after *pos*: (unit, end, ending, word).

    *word* is the last word of a unit name as written before its ending (``шақырым``), or
    ``""`` after an abbreviation or a symbol.  *checked*: the caller has made the cheap test below.

    ``lex.after`` reads at most three spaces and then one word, unless the word starts a phrase
    (``шаршы метр``) or a hyphen joins an ending across a space (``км- ге``, ``% -ға``): its
    keys and endings hold no space, and what follows the word is a space (not a letter, as
    the pattern's end requires).  So apart from those cases the answer depends on the spaces
    and the word alone, and is remembered per ``Rules`` with offsets relative to *pos*.
    """
    if not checked:
        # Most numbers are followed by no unit: look at the next two characters first (after at
        # most three spaces, as in ``lex.after``; unit keys never start with a space).
        head = lower[pos : pos + 5].lstrip(" \t")
        if head[:1] not in lex.heads1 and head[:2] not in lex.heads2:
            return None
    w = _GAP_AND_WORD.match(lower, pos) if lex.word_cache else None
    if (
        w is None
        or w.group(1) in lex.phrase_heads
        or w.group(1)[-1] in _DASHES
        or lower[w.end() + 1 : w.end() + 2] in _DASHES
    ):
        return _read_unit_after(lex, lower, pos)
    key = lower[pos : w.end()]
    found: tuple[_Unit, int, str, str] | None = lex.units_after.get(key, MISSING)
    if found is MISSING:
        found = remember(lex.units_after, key, _read_unit_after(lex, key, 0))
    if found is None or pos == 0:
        return found
    unit, end, ending, word = found
    return unit, pos + end, ending, word


_DASHES = frozenset("-–")


def _read_unit_after(lex: _Lexicon, lower: str, pos: int) -> tuple[_Unit, int, str, str] | None:
    m = lex.after.match(lower, pos)
    if m is None:
        return None
    if m.group("name") is not None:
        name = _key(m.group("name"))
        return lex.names[name], m.end(), m.group("nend") or "", name.rpartition(" ")[2]
    if m.group("soft") is not None:
        name = _key(m.group("soft"))
        return lex.softs[name], m.end(), m.group("send") or "", name.rpartition(" ")[2]
    return lex.abbreviations[_key(m.group("abbr"))], m.end(), m.group("aend") or "", ""


def _symbol_may_end(lex: _Lexicon, lower: str, pos: int) -> bool:
    """Can a currency symbol or code (and one optional space) end at *pos*? A cheap test before ``lex.before``."""
    i = pos - 1
    if i >= 0 and lower[i] in " \t":
        i -= 1
    return i >= 0 and lower[i] in lex.tails


def _looks_like_year(n: NumeralMatch) -> bool:
    """Is this number (or range) a calendar year (``2025``, ``2020-2025``, ``екі мың жиырма бес``)?"""
    values = [n.value] if n.high is None else [n.low, n.high]
    low, high = (1000, 2100) if n.digits and not n.words else (1900, 2100)
    return all(isinstance(v, int) and low <= v <= high for v in values)


def _nominalised(ending: str, rules: Rules) -> bool:
    """``-лық`` followed by more endings: ``30 жылдығына`` (anniversary), ``айлығы`` (salary)."""
    if not ending:
        return False
    if ending.startswith(_softened_adjectival(rules)):
        return True
    parts = _split(ending, rules)
    adjectival = _adjectival_morphs(rules)
    return any(p in adjectival for p in parts[:-1])


def _softened_adjectival(rules: Rules) -> tuple[str, ...]:
    def build(r: Rules) -> tuple[str, ...]:
        mutations = r.table("morphology")["mutations"]
        return tuple(m[:-1] + mutations[m[-1]] for m in _adjectival_morphs(r) if m[-1] in mutations)

    softened: tuple[str, ...] = rules.compiled("quantities.softened-adjectival", build)
    return softened


def _latin_endings(rules: Rules) -> frozenset[str]:
    latin = rules.table("numerals").get("latin", {}).get("endings", {})
    return frozenset(e for group in latin.values() for e in group)


def _valid_ending(ending: str, rules: Rules) -> bool:
    """The accusative ``-н`` only follows a possessive: ``тоннасын``, but ``келін`` is not ``келі-н``."""
    if not ending or ord(ending[0]) < 0x400:  # none, or a Latin-script ending (no -н rule there)
        return True
    parts = _split(ending, rules)
    return parts is not None and len(parts) > 0 and parts[0] != "н"


def _agrees(word: str, ending: str, rules: Rules) -> bool:
    """Does the first consonant of the ending agree with the last sound of the unit word?

    Kazakh spelling follows the sound (KAZAKH.md §2.1 b, the ``forms`` of the morphology data):
    ``айда``, ``айға`` but never ``айта``, so ``бір айта кететін`` ("to mention one thing") is no
    month.  Front and back vowels are both accepted (loan words waver); words not in Cyrillic and
    endings that start with a vowel are not checked.
    """
    if not word or not ending or ending[0] in _VOWELS:
        return True
    sound = _memo(rules, "sound", word, lambda: final_sound(word, rules))
    parts = _split(ending, rules)
    if not parts or not sound:
        return True
    forms = rules.table("morphology")["forms"]
    checked = [g for g in _ending_groups(parts[0], rules) if g in forms]
    if not checked:
        return True
    return any(parts[0] in forms[g].get(sound, forms[g]["*"]) for g in checked)


_VOWELS = frozenset("аәеиоөұүыіэюяё")


def _split(ending: str, rules: Rules) -> list[str]:
    """:func:`split_endings`, remembered per Rules (a text repeats few endings many times)."""
    parts: list[str] = _memo(rules, "split", ending, lambda: split_endings(ending, rules) or [])
    return parts


def _memo(rules: Rules, kind: str, key: str, compute: Callable[[], Any]) -> Any:
    memo: dict[tuple[str, str], Any] = rules.compiled("quantities.memo", lambda r: {})
    found = memo.get((kind, key), MISSING)
    if found is MISSING:  # endings and unit words are few; the memory is bounded all the same
        found = remember(memo, (kind, key), compute())
    return found


def _approximate(ending: str, rules: Rules) -> bool:
    if not ending:
        return False
    parts = _split(ending, rules)
    approx = set(rules.table("morphology")["endings"].get("approximative", ()))
    return any(p in approx for p in parts)


def _adjectival_morphs(rules: Rules) -> frozenset[str]:
    endings = rules.table("morphology")["endings"]
    return frozenset(endings.get("adjectival", ())) - frozenset(endings.get("attributive", ()))


def _adjectival(ending: str, rules: Rules) -> bool:
    if not ending:
        return False
    parts = _split(ending, rules)
    adjectival = _adjectival_morphs(rules)
    return any(p in adjectival for p in parts)


def _dec(value: Value | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _candidates(context: Any) -> list[_Found]:
    rules: Rules = context.rules
    lex = _lexicon(rules)
    lower: str = context.text.lower
    heads1, heads2 = lex.heads1, lex.heads2
    out: list[_Found] = []
    for n in find_numeral_matches(context):
        if n.ordinal or n.hyphen_noun or n.roman or n.suffix == "collective":
            continue
        # the cheap test of _unit_after, inline: most numbers have no unit after them
        after = False
        if not n.ending:
            head = lower[n.end : n.end + 5].lstrip(" \t")
            after = head[:1] in heads1 or head[:2] in heads2
        if not after and not _symbol_may_end(lex, lower, n.start):
            continue
        found = _with_unit(context, lex, lower, n, after)
        if found is not None:
            out.append(found)
    return out


def _with_unit(context: Any, lex: _Lexicon, lower: str, n: NumeralMatch, after: bool) -> _Found | None:
    """The quantity around the number *n*, or None (*after*: a unit may follow the number)."""
    rules: Rules = context.rules
    start, end = n.start, n.end
    unit_after = _unit_after(lex, lower, n.end, checked=True) if after else None
    word = ""
    if unit_after is not None:
        unit, end, ending, word = unit_after
        rule = "quantities:unit" if not unit.money else "quantities:currency"
    else:
        if lex.before is None or not _symbol_may_end(lex, lower, n.start):  # tested again (cheap)
            return None
        sym = lex.before.search(lower, max(0, n.start - 8), n.start)
        if sym is None:
            return None
        unit = lex.symbols_before[_key(sym.group("code") or sym.group("sym"))]
        start, ending = sym.start(), n.ending
        rule = "quantities:symbol-before"
    facts = _ending_facts(word, ending, rules)
    if not facts.fits:
        return None
    if not unit.adjectival and facts.adjectival:
        return None
    if unit.refused and facts.groups & unit.refused:
        return None
    post_end = _postposition(lex, lower, unit, end)
    if not unit.bare and not ending and post_end is None:
        return None
    if unit.dimension == "duration":
        if unit.year_dates and _looks_like_year(n) and not facts.adjectival:
            return None
        if facts.nominalised:
            return None
        if _inside_date(context, n):
            return None
    qualifier = Qualifier.EXACT
    if n.suffix == "approximate" or facts.approximate:
        qualifier = Qualifier.APPROXIMATELY
    elif n.suffix == "vague":
        qualifier = Qualifier.MORE_THAN
    found = _Found(
        start,
        end,
        n,
        unit,
        Decimal(n.value),
        _dec(n.low),
        _dec(n.high),
        ending,
        qualifier,
        unit.symbol,
        unit.dimension,
        rule,
    )
    if not unit.money:
        _sign_before(lower, found)
        _per_unit(lex, lower, found)
        _rate_before(lex, lower, found)
        _sign_after(lex, lower, found)
        if post_end is not None and found.end == end:
            found.end = post_end
    _qualifiers(lower, rules, found, context.strict)
    return found


@attrs.frozen
class _EndingFacts:
    """What an ending after a unit word says, worked out once per (word, ending) and Rules."""

    fits: bool  # a valid ending that agrees with the word (_valid_ending, _agrees)
    adjectival: bool
    groups: frozenset[str]
    nominalised: bool
    approximate: bool


def _ending_facts(word: str, ending: str, rules: Rules) -> _EndingFacts:
    cache: dict[tuple[str, str], _EndingFacts] = rules.compiled("quantities.ending-facts", _new_cache)
    key = (word, ending)
    facts = cache.get(key)
    if facts is None:
        facts = remember(
            cache,
            key,
            _EndingFacts(
                _valid_ending(ending, rules) and _agrees(word, ending, rules),
                _adjectival(ending, rules),
                _ending_groups(ending, rules),
                _nominalised(ending, rules),
                _approximate(ending, rules),
            ),
        )
    return facts


def _new_cache(rules: Rules) -> dict[Any, Any]:
    return {}


def _postposition(lex: _Lexicon, lower: str, unit: _Unit, end: int) -> int | None:
    """Where a postposition of *unit* right after *end* ends (``үш жыл | бойы``), or None."""
    if lex.postposition is None or not unit.postpositions:
        return None
    m = lex.postposition.match(lower, end)
    if m is None or _key(m.group("w")) not in unit.postpositions:
        return None
    return int(m.end())


def _ending_groups(ending: str, rules: Rules) -> frozenset[str]:
    """The morphology groups of the morphs of an ending chain (``тарға`` -> plural, dative)."""
    if not ending:
        return frozenset()
    table = ending_groups(rules)
    groups: set[str] = set()
    for part in _split(ending, rules):
        groups |= table.get(part, frozenset())
    return frozenset(groups)


def _sign_before(lower: str, found: _Found) -> None:
    """``-35°C``, ``+2,9%``: a sign glued to the digits (not a range: ``10-35`` is read as one)."""
    n = found.number
    if n.sign or not n.digits or n.words or found.start != n.start or n.start == 0:
        return
    sign = lower[n.start - 1]
    if sign not in "-+" or (n.start > 1 and (lower[n.start - 2].isalnum())):
        return
    found.start -= 1
    if sign == "-":
        found.value = -found.value
        if found.low is not None and found.high is not None:
            found.low, found.high = -found.high, -found.low


def _inside_date(context: Any, n: NumeralMatch) -> bool:
    """Did the dates step already read this number as part of a date?"""
    starts, reach = context.shared("quantities.date-spans", _date_spans)
    if not starts:
        return False
    text = context.text  # offsets of the original text, as in the date spans
    i = bisect.bisect_left(starts, text.end_of(n.core_end))  # the dates that start before the number ends
    return i > 0 and reach[i - 1] > text.start_of(n.start)


def _date_spans(context: Any) -> tuple[list[int], list[int]]:
    """The starts of the date mentions found so far, in order, and the furthest end up to each."""
    spans = sorted((m.span.start, m.span.end) for m in context.found if isinstance(m, DateMention))
    reach = list(itertools.accumulate((end for _, end in spans), max))
    return [start for start, _ in spans], reach


def _per_unit(lex: _Lexicon, lower: str, found: _Found) -> None:
    """``1,67 миллиграмм / дециметр куб``: a unit divided by another."""
    if found.ending or "/" not in lower[found.end : found.end + 3]:  # the slash is at most 2 spaces away
        return
    slash = lex.slash.match(lower, found.end)
    if slash is None:
        return
    per = _unit_after(lex, lower, slash.end())
    if per is None or per[0].money or per[0].dimension == found.unit.dimension:
        return
    unit, end, ending, _word = per
    found.symbol = f"{found.symbol}/{unit.symbol}"
    found.dimension = _RATE_DIMENSIONS.get((found.dimension, unit.dimension), f"{found.dimension}/{unit.dimension}")
    found.end, found.ending = end, ending


def _rate_before(lex: _Lexicon, lower: str, found: _Found) -> None:
    """``сағатына 80 шақырым``: a "per" word before the amount."""
    if lex.rate is None or "/" in found.symbol:
        return
    start = found.start
    # a quick necessary check: the text before the spaces ends as the "per" word does
    if not lower[max(0, start - _RATE_REACH) : start].rstrip(" \t").endswith(_RATE_ENDINGS):
        return
    m = lex.rate.search(lower, max(0, found.start - 24), found.start)
    if m is None:
        return
    per = lex.rates[_key(m.group("rate"))]
    if per.dimension == found.dimension:
        return
    found.symbol = f"{found.symbol}/{per.symbol}"
    found.dimension = _RATE_DIMENSIONS.get((found.dimension, per.dimension), f"{found.dimension}/{per.dimension}")
    found.start = m.start()


def _sign_after(lex: _Lexicon, lower: str, found: _Found) -> None:
    """``20 градус суық``: a word after the unit that gives the sign."""
    if lex.sign is None or not found.unit.signs or found.ending:
        return
    m = lex.sign.match(lower, found.end)
    if m is None:
        return
    sign = found.unit.signs.get(_key(m.group("w")))
    if sign is None:
        return
    found.end = m.end()
    if sign < 0 and found.number.sign == 0:
        found.value = -found.value
        if found.low is not None and found.high is not None:
            found.low, found.high = -found.high, -found.low


def _qualifiers(lower: str, rules: Rules, found: _Found, strict: bool) -> None:
    """Fold qualifier words into the mention.

    A postposition (``астам``, ``дейін``, ``жуық``) is part of the span.  A verb
    (``асты``, ``асатын``, ``жуықтады``; ``болмауы`` in ``кем болмауы``) belongs to the
    predicate, and ``төңірегінде`` is left out too: they set the qualifier but stay outside
    the span in running text (KazNERD convention, see
    :func:`qazparse.numerals.qualifier_after_detail`), and are taken in only by a strict
    parser, where the whole string is one mention.
    """
    before, after = _qualifiers_around(lower, found.start, found.end, rules)
    if before is not None:
        found.qualifier, found.start = before
    if after is not None:
        qualifier, end, span_end = after
        found.qualifier = qualifier
        found.end = end if strict else span_end


# --- joining candidates: compounds and from-to ranges -----------------------------------------

_JOIN_GAP = regex.compile(r"[ \t]{1,3}|,[ \t]{1,3}")
_RANGE_AND = ("мен", "пен", "бен")  # "and" between the ends of a range (үш пен бес)
_RANGE_GAP = regex.compile(rf"(?:[ \t]{{1,3}}(?P<and>{'|'.join(_RANGE_AND)}))?[ \t]{{1,3}}\Z")


def _compounds(lower: str, found: list[_Found]) -> list[_Found]:
    """``1 метр 20 сантиметр``, ``6 тонна 600 килограмм``, ``5 теңге 20 тиын``: one amount."""
    out: list[_Found] = []
    for a, b in itertools.pairwise(found):
        if (
            a.unit.dimension != b.unit.dimension
            or a.unit.money != b.unit.money
            or (a.unit.money and a.unit.symbol != b.unit.symbol)
            or a.dimension != a.unit.dimension
            or b.dimension != b.unit.dimension
            or not b.unit.factor < a.unit.factor
            or a.ending
            or a.qualifier is not Qualifier.EXACT
            or a.high is not None
            or b.high is not None
            or b.start != b.number.start
            or _JOIN_GAP.fullmatch(lower, a.end, b.start) is None
        ):
            continue
        value = a.value + b.value * b.unit.factor / a.unit.factor
        out.append(
            attrs.evolve(a, end=b.end, value=value, ending=b.ending, qualifier=b.qualifier, rule="quantities:compound")
        )
    return out


def _from_to(lower: str, numbers: list[NumeralMatch], found: list[_Found], rules: Rules) -> list[_Found]:
    """``700-ден 2000 АЕК-ке дейін``, ``үш пен бес доллар``: a bare number, then an amount: a range.

    When the unit is repeated (``30 пайыздан 50 пайызға дейін``) each amount stands on its
    own and stays two mentions (KazNERD convention).
    """
    lex = _lexicon(rules)
    by_end: dict[int, NumeralMatch] | None = None  # the numbers before "дейін" and "мен", made when needed
    bare_by_end: dict[int, NumeralMatch] = {}
    out: list[_Found] = []
    for f in found:
        if f.high is not None or f.start != f.number.start:
            continue
        # A quick necessary check: without "дейін" only the "мен" branch of _RANGE_GAP can
        # give a range, and then "мен" (or пен, бен) ends the text before the spaces.
        if f.qualifier is not Qualifier.UP_TO and not lower[max(0, f.start - 6) : f.start].rstrip(" \t").endswith(
            _RANGE_AND
        ):
            continue
        gap = _RANGE_GAP.search(lower, max(0, f.start - 12), f.start)
        if gap is None:
            continue
        if by_end is None:
            ablative = set(rules.table("morphology")["endings"].get("ablative", ()))
            by_end = {n.end: n for n in numbers if not n.ordinal and n.high is None and n.ending in ablative}
            for n in numbers:
                if not n.ending and n.high is None:
                    bare_by_end.setdefault(n.end, n)
        if gap.group("and"):
            first = bare_by_end.get(gap.start())
            if first is None or first.ordinal:
                continue
        else:
            first = by_end.get(gap.start())
            if first is None or f.qualifier is not Qualifier.UP_TO:
                continue
        low = Decimal(first.value)
        lo, hi = min(low, f.value), max(low, f.value)
        if lo == hi:
            continue
        qualifier = Qualifier.EXACT if f.qualifier is Qualifier.UP_TO else f.qualifier
        joined = attrs.evolve(
            f, start=first.start, value=lo, low=lo, high=hi, qualifier=qualifier, rule="quantities:from-to"
        )
        if not f.unit.money and f.dimension == f.unit.dimension:
            _rate_before(lex, lower, joined)
        out.append(joined)
    return out


# --- mentions --------------------------------------------------------------------------------


def _mention(context: Any, f: _Found) -> Mention:
    span = context.text.span(f.start, f.end)
    unit = f.unit
    mention: Mention
    if unit.money:
        factor = unit.factor
        low = None if f.low is None else exact(f.low * factor)
        high = None if f.high is None else exact(f.high * factor)
        mention = Money(exact(f.value * factor), unit.symbol, span, f.qualifier, low, high)
    elif f.dimension == "distance":
        low = None if f.low is None else exact(f.low)
        high = None if f.high is None else exact(f.high)
        meters = exact(f.value * unit.factor)
        mention = Distance(exact(f.value), f.symbol, meters, span, f.qualifier, low, high)
    else:
        low = None if f.low is None else exact(f.low)
        high = None if f.high is None else exact(f.high)
        mention = Quantity(exact(f.value), f.symbol, f.dimension, span, f.qualifier, low, high)
    context.note(mention, f.rule)
    return mention


def extract_quantities(context: Any) -> list[Mention]:
    """Money, distances and other quantities in running text (a step of :func:`qazparse.extract`).

    Candidates may overlap (``1 метр`` and ``1 метр 20 сантиметр``); the overlap resolver
    keeps the longest.

    >>> from qazparse.extract import make_context
    >>> found = extract_quantities(make_context("168 960 шақырым жол жүріп, 252 сағат уақытын"))
    >>> [(m.value, m.unit) for m in found]
    [(168960, 'km'), (252, 'h')]
    """
    lower = context.text.lower
    found = _candidates(context)
    found.sort(key=lambda f: (f.start, f.end))
    extra = _compounds(lower, found) + _from_to(lower, find_numeral_matches(context), found, context.rules)
    return [_mention(context, f) for f in (*found, *extra)] + _whole_units(context)


def _whole_units(context: Any) -> list[Mention]:
    """``тәулік бойы`` (round the clock), ``күні бойы`` (all day long): one unit, with no number."""
    lex = _lexicon(context.rules)
    if lex.whole is None:
        return []
    out: list[Mention] = []
    for m in lex.whole.finditer(context.text.lower):
        unit = lex.wholes[_key(m.group("name"))]
        if _key(m.group("w")) not in unit.whole:
            continue
        span = context.text.span(m.start(), m.end())
        mention = Quantity(1, unit.symbol, unit.dimension, span)
        out.append(context.note(mention, "quantities:whole-unit"))
    return out


# --- strict parsers ------------------------------------------------------------------------------


def parse_money(text: str, *, rules: Rules | None = None) -> Money:
    """Read *text* as one whole amount of money, or raise ``ParseError``.

    >>> m = parse_money("бір миллиард долларға дейін")
    >>> (m.amount, m.currency, m.qualifier.value)
    (1000000000, 'USD', 'up_to')
    >>> parse_money("жиырма мың теңгедей").qualifier.value
    'approximately'
    >>> parse_money("1 234 567,50 ₸").amount
    Decimal('1234567.5')
    """
    from .parsing import parse_whole

    return parse_whole(text, "an amount of money", extract_quantities, (Money,), rules=rules)


def parse_distance(text: str, *, rules: Rules | None = None) -> Distance:
    """Read *text* as one whole distance, or raise ``ParseError``.

    >>> d = parse_distance("168 960 шақырым")
    >>> (d.value, d.unit, d.meters)
    (168960, 'km', 168960000)
    >>> parse_distance("он бес метрге").meters
    15
    """
    from .parsing import parse_whole

    return parse_whole(text, "a distance", extract_quantities, (Distance,), rules=rules)


def parse_quantity(text: str, *, rules: Rules | None = None) -> Quantity:
    """Read *text* as one whole quantity (percent, mass, area, volume, duration, ...), or raise ``ParseError``.

    >>> q = parse_quantity("20,7 %-ы")
    >>> (q.value, q.unit, q.dimension)
    (Decimal('20.7'), '%', 'percent')
    >>> parse_quantity("252 сағат").unit
    'h'
    """
    from .parsing import parse_whole

    return parse_whole(text, "a quantity", extract_quantities, (Quantity,), rules=rules)
