"""Hypothesis strategies that draw Kazakh numeral phrases together with their values.

Every strategy draws a :class:`NumeralPhrase`: the text and what qazparse must read from it.
Use them to test qazparse, or your own code that consumes Kazakh numbers::

    from hypothesis import given
    from qazparse import parse_number
    from qazparse.strategies.numerals import cardinal_phrases

    @given(cardinal_phrases())
    def test_reads_back(phrase):
        assert parse_number(phrase.text).value == phrase.value

Strategies (all public):

- :func:`words` – integers spelled in standard Kazakh (``жүз алпыс сегіз мың тоғыз жүз алпыс``);
- :func:`digit_numbers` – integers in digits, grouped by a space, a no-break space, a narrow
  no-break space or not at all (``168 960``), and decimals with a comma (``15,2``);
- :func:`decimal_words` – decimals in words (``он бес бүтін оннан екі``);
- :func:`mixed` – digits with scale words and abbreviations (``8 миллион 108 мың``, ``1,5 млрд``);
- :func:`halves` – ``бір жарым миллион``, ``жарты миллион``;
- :func:`ordinal_phrases` – ordinals in words and in digits (``екі мың жиырма бесінші``, ``2-нші``);
- :func:`with_ending` – any of the above with a case ending that agrees with the last spoken word
  (``жиырмаға``, ``60-тан``, ``100-ден``);
- :func:`with_qualifier` – a qualifier before or after (``шамамен 10``, ``60-тан астам``);
- :func:`cardinal_phrases` and :func:`numeral_phrases` – a mix of everything.

Values are exact: ``int`` or ``Decimal`` (see ``qazparse.values.exact``).
"""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import strategies as st

from ..morphology import ending_for, is_front
from ..numerals import number_to_words
from ..values import Qualifier, Value, exact

__all__ = [
    "CASES",
    "NumeralPhrase",
    "cardinal_phrases",
    "case_ending",
    "decimal_words",
    "digit_numbers",
    "halves",
    "mixed",
    "numeral_phrases",
    "ordinal_phrases",
    "with_ending",
    "with_qualifier",
    "words",
]


@attrs.frozen
class NumeralPhrase:
    """A Kazakh numeral phrase and what it means.

    Attributes:
        text: the phrase (``60-тан астам``).
        value: the exact value (60).
        ordinal: True for an ordinal (``бесінші``).
        qualifier: the qualifier the phrase carries (``Qualifier.MORE_THAN``).
        last_word: the last word spoken when the number is read aloud (``алпыс``); case endings
            agree with it.
        digits: written with digits.
        ending: the case ending glued to it, or ''.

    >>> NumeralPhrase("бес", 5, last_word="бес").value
    5
    """

    text: str
    value: Value
    ordinal: bool = False
    qualifier: Qualifier = Qualifier.EXACT
    last_word: str = ""
    digits: bool = False
    ending: str = ""


# --- case endings: the one generator in qazparse.morphology (KAZAKH.md §2.1-2.3) -----------------

CASES = ("genitive", "dative", "accusative", "locative", "ablative", "instrumental", "possessive3")
"""The endings :func:`with_ending` draws (names of the ``forms`` table in the morphology data)."""

case_ending = ending_for
"""The ending of a case that agrees with a word: :func:`qazparse.morphology.ending_for`.

>>> case_ending("алпыс", "ablative"), case_ending("жиырма", "dative"), case_ending("жүз", "instrumental")
('тан', 'ға', 'бен')
"""

_VOWELS = frozenset("аәеиоөұүыіэюяё")


def _attach(word: str, ending: str) -> str:
    """Glue *ending* to a numeral word (қырық drops its second vowel before a vowel)."""
    if word.endswith("қырық") and ending[:1] in _VOWELS:
        return word[:-5] + "қырқ" + ending
    return word + ending


def _last_spoken(value: int) -> str:
    return number_to_words(value).split()[-1]


# --- the strategies ---------------------------------------------------------------------------


@st.composite
def words(draw: st.DrawFn, min_value: int = 0, max_value: int = 10**18 - 1) -> NumeralPhrase:
    """An integer spelled in standard Kazakh words (``number_to_words``), in any letter case.

    >>> words().example().text  # doctest: +SKIP
    'екі мың жиырма бес'
    """
    value = draw(_sized_integers(min_value, max_value))
    text = number_to_words(value)
    case = draw(st.sampled_from(("lower", "lower", "capitalize", "upper")))
    text = text.capitalize() if case == "capitalize" else text.upper() if case == "upper" else text
    return NumeralPhrase(text, value, last_word=_last_spoken(value))


def _sized_integers(min_value: int, max_value: int) -> st.SearchStrategy[int]:
    """Integers spread over every order of magnitude, not only huge ones."""

    def at_scale(k: int) -> st.SearchStrategy[int]:
        low = max(min_value, 10**k // 10 if k else 0)
        high = min(max_value, 10**k)
        return st.integers(low, high) if low <= high else st.integers(min_value, max_value)

    return st.integers(0, len(str(max_value))).flatmap(at_scale)


_SPACES = (" ", "\u00a0", "\u202f")


@st.composite
def digit_numbers(draw: st.DrawFn, max_value: int = 10**15, decimals: bool = True) -> NumeralPhrase:
    """A number in digits: ``168 960`` (any thousands space or none), ``15,2`` (decimal comma)."""
    value = draw(_sized_integers(0, max_value))
    raw = str(value)
    if len(raw) > 4 and draw(st.booleans()):
        space = draw(st.sampled_from(_SPACES))
        groups = []
        while raw:
            groups.append(raw[-3:])
            raw = raw[:-3]
        text = space.join(reversed(groups))
    else:
        text = raw
    if decimals and draw(st.booleans()):
        places = draw(st.integers(1, 3))
        frac = draw(st.integers(1, 10**places - 1))
        digits = str(frac).rjust(places, "0").rstrip("0")
        number = exact(Decimal(f"{value}.{digits}"))
        last = _last_spoken(int(digits))
        return NumeralPhrase(f"{text},{digits}", number, last_word=last, digits=True)
    return NumeralPhrase(text, value, last_word=_last_spoken(value), digits=True)


@st.composite
def decimal_words(draw: st.DrawFn) -> NumeralPhrase:
    """A decimal in words: ``он бес бүтін оннан екі`` (15.2), ``нөл бүтін жүзден бес`` (0.05)."""
    whole = draw(st.integers(0, 10**6))
    places = draw(st.integers(1, 4))
    frac = draw(st.integers(1, 10**places - 1))
    if frac % 10 == 0:
        frac += 1
    value = exact(Decimal(whole) + Decimal(frac).scaleb(-places))
    text = number_to_words(Decimal(f"{whole}.{str(frac).rjust(places, '0')}"))
    return NumeralPhrase(text, value, last_word=text.split()[-1])


_HYPHENATED = ("млн", "млрд", "трлн")  # abbreviations take their endings after a hyphen
_SCALES = (("мың", 3), ("миллион", 6), ("миллиард", 9), ("триллион", 12))
_ABBREVIATIONS = (("млн", 6), ("млрд", 9), ("трлн", 12))


@st.composite
def mixed(draw: st.DrawFn) -> NumeralPhrase:
    """Digits with scale words: ``8 миллион 108 мың``, ``18,2 миллиард``, ``1,5 млрд``, ``300 млн``."""
    kind = draw(st.sampled_from(("two", "decimal", "abbreviation")))
    if kind == "two":
        (big, p1), (small, p2) = draw(st.sampled_from([(a, b) for a in _SCALES for b in _SCALES if a[1] > b[1]]))
        x = draw(st.integers(1, 999))
        y = draw(st.integers(1, 999))
        return NumeralPhrase(f"{x} {big} {y} {small}", x * 10**p1 + y * 10**p2, last_word=small, digits=True)
    name, power = draw(st.sampled_from(_SCALES + _ABBREVIATIONS if kind == "abbreviation" else _SCALES))
    whole = draw(st.integers(1, 999))
    if draw(st.booleans()):
        frac = draw(st.integers(1, 9))
        value = exact(Decimal(f"{whole}.{frac}") * 10**power)
        text = f"{whole},{frac} {name}"
    else:
        value = whole * 10**power
        text = f"{whole} {name}"
    spoken = {"млн": "миллион", "млрд": "миллиард", "трлн": "триллион"}.get(name, name)
    return NumeralPhrase(text, value, last_word=spoken, digits=True)


@st.composite
def halves(draw: st.DrawFn) -> NumeralPhrase:
    """``бір жарым`` (1.5), ``екі жарым миллион`` (2 500 000), ``жарты миллион`` (500 000)."""
    scale = draw(st.sampled_from((("", 0), *_SCALES)))
    if draw(st.booleans()):
        n = draw(st.integers(1, 99))
        text = f"{number_to_words(n)} жарым" + (f" {scale[0]}" if scale[0] else "")
        value = exact((Decimal(n) + Decimal("0.5")) * 10 ** scale[1])
        return NumeralPhrase(text, value, last_word=scale[0] or "жарым")
    if not scale[0]:
        return NumeralPhrase("жарты", Decimal("0.5"), last_word="жарты")
    return NumeralPhrase(f"жарты {scale[0]}", exact(Decimal("0.5") * 10 ** scale[1]), last_word=scale[0])


_SHORT_ORDINAL_BACK = "шы"
_SHORT_ORDINAL_FRONT = "ші"


@st.composite
def ordinal_phrases(draw: st.DrawFn, max_value: int = 10**18 - 1) -> NumeralPhrase:
    """An ordinal: words (``екі мың жиырма бесінші``) or digits (``2-нші``, ``1-ші``, ``9-ыншы``).

    Digit ordinals may carry a further ending (``2-ншісіне`` is not drawn; ``2-нші`` and ``1-іншіден`` are).
    """
    value = draw(_sized_integers(1, max_value))
    if draw(st.booleans()):
        return NumeralPhrase(number_to_words(value, ordinal=True), value, ordinal=True, last_word=_last_spoken(value))
    spoken = number_to_words(value, ordinal=True).split()[-1]
    base = _last_spoken(value)
    long_suffix = spoken[len(base) :] if spoken.startswith(base) else spoken[-4:]
    front = is_front(base)
    short = _SHORT_ORDINAL_FRONT if front else _SHORT_ORDINAL_BACK
    suffix = draw(st.sampled_from((long_suffix, short)))
    text = f"{value}-{suffix}"
    if draw(st.booleans()):
        text += case_ending(suffix, "ablative")
    return NumeralPhrase(text, value, ordinal=True, last_word=base, digits=True)


def with_ending(
    phrases: st.SearchStrategy[NumeralPhrase], cases: tuple[str, ...] = CASES
) -> st.SearchStrategy[NumeralPhrase]:
    """*phrases* with a case ending agreeing with the last spoken word (``60-тан``, ``жиырмаға``)."""

    @st.composite
    def build(draw: st.DrawFn) -> NumeralPhrase:
        phrase = draw(phrases.filter(lambda p: not p.ending and not p.ordinal and p.last_word))
        case = draw(st.sampled_from(cases))
        ending = case_ending(phrase.last_word, case)
        if (phrase.digits and phrase.text[-1:].isdigit()) or phrase.text.endswith(_HYPHENATED):
            text = f"{phrase.text}-{ending}"  # 60-тан, 12 млн-ға (KAZAKH.md §2.3, §2.4)
        else:
            head, _, last = phrase.text.rpartition(" ")
            glued = _attach(last, ending)
            text = f"{head} {glued}" if head else glued
        return attrs.evolve(phrase, text=text, ending=ending)

    return build()


_BEFORE = (("шамамен", Qualifier.APPROXIMATELY), ("кем дегенде", Qualifier.AT_LEAST), ("кемінде", Qualifier.AT_LEAST))
_AFTER = (
    ("астам", "ablative", Qualifier.MORE_THAN),
    ("аса", "ablative", Qualifier.MORE_THAN),
    ("артық", "ablative", Qualifier.MORE_THAN),
    ("кем", "ablative", Qualifier.LESS_THAN),
    ("жуық", "dative", Qualifier.APPROXIMATELY),
    ("тарта", "dative", Qualifier.APPROXIMATELY),
    ("дейін", "dative", Qualifier.UP_TO),
    ("шейін", "dative", Qualifier.UP_TO),
    ("шамасында", "", Qualifier.APPROXIMATELY),
    ("төңірегінде", "", Qualifier.APPROXIMATELY),
)


def with_qualifier(phrases: st.SearchStrategy[NumeralPhrase]) -> st.SearchStrategy[NumeralPhrase]:
    """*phrases* with a qualifier: ``шамамен 10``, ``60-тан астам``, ``он бес мыңға жуық``."""

    @st.composite
    def build(draw: st.DrawFn) -> NumeralPhrase:
        phrase = draw(phrases.filter(lambda p: not p.ending and not p.ordinal and p.last_word))
        if draw(st.booleans()):
            word, qualifier = draw(st.sampled_from(_BEFORE))
            return attrs.evolve(phrase, text=f"{word} {phrase.text}", qualifier=qualifier)
        word, case, qualifier = draw(st.sampled_from(_AFTER))
        if case:
            phrase = draw(with_ending(st.just(phrase), (case,)))
        return attrs.evolve(phrase, text=f"{phrase.text} {word}", qualifier=qualifier)

    return build()


def cardinal_phrases() -> st.SearchStrategy[NumeralPhrase]:
    """Any cardinal phrase: words, digits, decimals, mixed, halves; bare or with an ending."""
    plain = st.one_of(words(), digit_numbers(), decimal_words(), mixed(), halves())
    return st.one_of(plain, with_ending(plain))


def numeral_phrases() -> st.SearchStrategy[NumeralPhrase]:
    """Everything: cardinals (bare, with endings, with qualifiers) and ordinals."""
    return st.one_of(cardinal_phrases(), with_qualifier(cardinal_phrases()), ordinal_phrases())
