"""Person names, titles and case endings on names, kept small and honest.

A *name* here is a run of capitalised words (``Қасым-Жомарт Тоқаев``), possibly with
patronymic particles (``Ильхам Гейдар оглу Әлиев``) or initials (``Қ.Тоқаев``).  Such a
run is taken for a person only when something says so: a surname ending
(``-ов``, ``-ева``, ``-ұлы``, ...), a patronymic particle or initial, or a title word
right before it (``көмекшісі Руслан Желдібай``).  Title words and organisation heads
come from the ``names`` section of the ``bylines`` rule table, matched as stems with
any case ending (``хатшысы``, ``Президенттің``, ``министрлігінің``).

:func:`nominative` takes a case ending off a word using the allomorph conditions of
KAZAKH.md §2.2 (vowel harmony and the final sound of the stem), so ``Ақордаға`` gives
``Ақорда`` and ``қызметіне`` gives ``қызметі`` (the possessive stays: it belongs to the
phrase ``Үкіметтің баспасөз қызметі``).  The stem's final sound and harmony come from
:mod:`qazparse.morphology` (``final_sound``, ``is_front``).

This module is the one reading of names in the library: bylines use it for sources and
authors, events (``qazparse.entities``) for the people, places and titles around a trigger
(:func:`nominative`, :func:`case_of_chain`, :func:`has_surname_ending`, :func:`is_patronymic`).

>>> from qazparse import default_rules
>>> rules = default_rules()
>>> nominative("Ақордаға", rules, ("dative",))
('Ақорда', 'dative')
>>> split_title("Президенттің Баспасөз хатшысы және көмекшісі Руслан Желдібай", rules)
TitledName(title='Президенттің Баспасөз хатшысы және көмекшісі', name='Руслан Желдібай', case=None)
>>> [n.name for n in find_names("Қазақстан Президенті Қасым-Жомарт Тоқаев Ильхам Әлиевке алғыс айтты.", rules)]
['Қасым-Жомарт Тоқаев', 'Ильхам Әлиев']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import attrs
import regex

from .memo import remember
from .morphology import final_sound, inflected, is_front, split_endings
from .rules import Rules
from .text import Text, normalize
from .values import Span

CASES: tuple[str, ...] = ("genitive", "dative", "accusative", "locative", "ablative", "instrumental")
"""Every case whose ending :func:`nominative` can take off."""

PERSON_CASES: tuple[str, ...] = ("genitive", "dative", "accusative", "ablative", "instrumental")
"""Cases a person's name is read in when the context does not say (the locative is left
out: ``Ақорда`` is not ``Ақор`` + ``-да``)."""

_TOKEN = regex.compile(
    r"""
    [\p{L}\p{M}\d]+(?:['’][\p{L}\p{M}]+)?        # a word or number
    (?:[.\-][\p{L}\p{M}\d]+(?:['’][\p{L}\p{M}]+)?){0,6}   # joined by dots (domains, initials) or hyphens
    | [«»"“”„]                                   # quotes
    | [,;:/|()\-–—]                              # punctuation that ends a phrase
    """,
    regex.VERBOSE,
)
_DOMAIN = regex.compile(r"[\p{L}\d][\p{L}\d\-]*(?:\.[\p{L}\d\-]+)*\.[a-zA-Z]{2,6}(?:-\p{L}+)?")
_INITIAL = regex.compile(r"\p{Lu}\.(?:\p{Lu}\.)?(?:\p{Lu}[\p{L}\p{M}\-]+)?")
_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*){0,2}")


class Token(NamedTuple):
    """A word, number, domain or punctuation mark, with offsets in the normalised text."""

    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        """The token in lower case."""
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        """True for words, numbers and domains; False for punctuation."""
        return self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        """True when the token starts with an upper-case letter."""
        return self.text[0].isupper()


def tokenize(norm: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words (with hyphens and dots inside), numbers and phrase punctuation of ``norm[start:end]``.

    >>> [t.text for t in tokenize("деп хабарлайды BAQ.KZ, Қасым-Жомарт «Ақорда»")]
    ['деп', 'хабарлайды', 'BAQ.KZ', ',', 'Қасым-Жомарт', '«', 'Ақорда', '»']
    """
    stop = len(norm) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(norm, start, stop)]


def is_domain(word: str) -> bool:
    """True for a web address used as a name (``BAQ.KZ``, ``24.kz``, ``kaz.nur.kz-ке``).

    >>> is_domain("Tengrinews.kz-ке"), is_domain("Қ.Тоқаев")
    (True, False)
    """
    return _DOMAIN.fullmatch(word) is not None


# --- case endings ------------------------------------------------------------------

# The letters of the ``endings`` table that a final sound class of morphology.final_sound
# stands for: л and the sonorants р й у и are one class (S) for case endings.
_TABLE_CLASS = {"V": "V", "N": "N", "L": "S", "R": "S", "Z": "Z", "T": "T", "": ""}
_CACHE_SIZE = 50_000


@attrs.frozen
class _Ending:
    text: str
    case: str
    classes: frozenset[str]
    harmony: str | None


def _ending_harmony(ending: str) -> str | None:
    if any(c in "аы" for c in ending):
        return "back"
    if any(c in "еі" for c in ending):
        return None if ending.startswith(("мен", "бен", "пен")) else "front"  # -мен(ен) has one form
    return None


def _build_endings(rules: Rules) -> dict[str, tuple[_Ending, ...]]:
    table: dict[str, dict[str, str]] = rules.table("bylines").get("names", {}).get("endings", {})
    return {
        case: tuple(
            sorted(
                (_Ending(e, case, frozenset(c), _ending_harmony(e)) for e, c in forms.items()),
                key=lambda x: -len(x.text),
            )
        )
        for case, forms in table.items()
    }


def _endings(rules: Rules) -> dict[str, tuple[_Ending, ...]]:
    found: dict[str, tuple[_Ending, ...]] = rules.compiled("names.endings", _build_endings)
    return found


def _agrees(stem: str, ending: _Ending, rules: Rules) -> bool:
    """Does *ending* suit *stem*: its first consonant the stem's final sound, and, after a final
    vowel (where it is reliable), its vowel the stem's harmony (KAZAKH.md §2.2)?

    After a consonant loans and surnames take either harmony (банктің, Тоқаевтың, Өтемісовтің).
    The class P is the 3rd-person possessive -ы/-і (Төрағасына, қызметіне).
    """
    if not stem[-1:].isalpha():
        return False
    final = _TABLE_CLASS.get(final_sound(stem, rules), "")
    if not final:
        return True  # a Latin stem: nothing to check
    possessive = final == "V" and "P" in ending.classes and stem[-1].lower() in "ыі"
    if final not in ending.classes and not possessive:
        return False
    if final == "V" and ending.harmony is not None:
        return ending.harmony == ("front" if is_front(stem, rules) else "back")
    return True


def case_of_chain(chain: str, rules: Rules) -> tuple[int, str]:
    """Split an ending chain; return (length of the part a name keeps, case of the rest).

    Plural and possessive endings stay with the name (``басшылары``); the case ending goes
    (``басшыларымен`` -> keep ``лары``, instrumental).  A locative followed by the attributive
    (``Ашхабадтағы``) counts as a locative.

    >>> from qazparse import default_rules
    >>> case_of_chain("ларымен", default_rules()), case_of_chain("тағы", default_rules())
    ((4, 'instrumental'), (0, 'locative'))
    """
    if not chain:
        return 0, "nominative"
    cache: dict[str, tuple[int, str]] = rules.compiled("names.chain_cases", lambda r: {})
    found = cache.get(chain)
    if found is None:
        found = _case_of_chain(chain, rules)
        remember(cache, chain, found, _CACHE_SIZE)
    return found



def _case_of_chain(chain: str, rules: Rules) -> tuple[int, str]:
    parts = split_endings(chain, rules)
    if not parts:
        return len(chain), "nominative"
    single = _single_cases(rules)
    kept = 0
    for i, morph in enumerate(parts):
        case = single.get(morph)
        if case is not None:
            later = [c for c in (single.get(m) for m in parts[i + 1 :]) if c]
            return kept, later[-1] if later else case
        kept += len(morph)
    return kept, "nominative"


def _chain_case(chain: str, rules: Rules) -> str | None:
    """The case of a whole ending chain written after a hyphen (``АҚШ-тағы``, ``1-інің``), or None.

    The chain must end in its case (or a locative with the attributive), with only plural and
    possessive morphs before it: ``сын-қатерлер`` is a compound word, not ``сын`` + endings.
    """
    parts = split_endings(chain, rules)
    if not parts:
        return None
    single = _single_cases(rules)
    if len(parts) > 1 and parts[-1] in rules.table("morphology")["endings"].get("attributive", ()):
        parts = parts[:-1]
        if single.get(parts[-1]) != "locative":
            return None
    if any(single.get(m) for m in parts[:-1]):
        return None
    return single.get(parts[-1])


def _single_cases(rules: Rules) -> dict[str, str]:
    """Each case morph of the morphology table -> its case (the first of CASES that has it)."""

    def build(r: Rules) -> dict[str, str]:
        table = r.table("morphology")["endings"]
        out: dict[str, str] = {}
        for case in CASES:
            for morph in table.get(case, ()):
                out.setdefault(morph, case)
        return out

    found: dict[str, str] = rules.compiled("names.single_cases", build)
    return found


def nominative(word: str, rules: Rules, cases: Iterable[str] = CASES, *, min_stem: int = 2) -> tuple[str, str | None]:
    """Take one case ending off *word*; return the stem and the case (None when none came off).

    Only the given *cases* are tried, and the stem keeps at least *min_stem* letters.  A
    written ending must suit the stem: its vowel the stem's harmony and its first consonant
    the stem's final sound (KAZAKH.md §2.2).  After a hyphen (``24.kz-ке``, ``АҚШ-тағы``) any
    ending chain of those cases comes off; a locative before the attributive counts as the
    locative (``Ашхабадтағы``).  Results are kept per Rules (names repeat in a text).

    >>> from qazparse import default_rules
    >>> r = default_rules()
    >>> nominative("Тоқаевтың", r)
    ('Тоқаев', 'genitive')
    >>> nominative("қызметіне", r, ("dative",))
    ('қызметі', 'dative')
    >>> nominative("24.kz-ке", r, ("dative",))
    ('24.kz', 'dative')
    >>> nominative("Ақорда", r, ("dative", "genitive"))
    ('Ақорда', None)
    >>> nominative("Ашхабадтағы", r)
    ('Ашхабад', 'locative')
    """
    wanted = tuple(cases)
    cache: dict[tuple[str, tuple[str, ...], int], tuple[str, str | None]] = rules.compiled(
        "names.nominative.cache", lambda r: {}
    )
    key = (word, wanted, min_stem)
    found = cache.get(key)
    if found is None:
        found = _nominative(word, rules, wanted, min_stem)
        remember(cache, key, found, _CACHE_SIZE)
    return found


def _nominative(word: str, rules: Rules, wanted: tuple[str, ...], min_stem: int) -> tuple[str, str | None]:
    table = _endings(rules)
    if "-" in word:
        head, _, tail = word.rpartition("-")
        low_tail = tail.lower()
        if head:
            for case in wanted:
                if any(e.text == low_tail for e in table.get(case, ())):
                    return head, case
            if tail.isalpha() and tail == low_tail:
                chained = _chain_case(low_tail, rules)
                if chained in wanted:
                    return head, chained
    low = word.lower()
    if "locative" in wanted and low[-2:] in rules.table("morphology")["endings"].get("attributive", ()):
        # locative + attributive: Ашхабадтағы -> Ашхабад
        base = low[:-2]
        for ending in table.get("locative", ()):
            size = len(base) - len(ending.text)
            if base.endswith(ending.text) and size >= min_stem and _agrees(word[:size], ending, rules):
                return word[:size], "locative"
    best: _Ending | None = None
    for case in wanted:
        for ending in table.get(case, ()):
            if best is not None and len(ending.text) <= len(best.text):
                break
            size = len(ending.text)
            if low.endswith(ending.text) and len(low) - size >= min_stem and _agrees(word[:-size], ending, rules):
                best = ending
                break
    if best is None:
        return word, None
    return word[: len(word) - len(best.text)], best.case


_LAST_WORD = regex.compile(r"(\S+?)([»\"”']*)$")  # the last word, and closing quotes after it


def nominative_phrase(phrase: str, rules: Rules, cases: Iterable[str] = CASES) -> tuple[str, str | None]:
    """:func:`nominative` on the last word of *phrase* (the head carries the case in Kazakh).

    >>> from qazparse import default_rules
    >>> nominative_phrase("Үкіметтің баспасөз қызметіне", default_rules(), ("dative",))
    ('Үкіметтің баспасөз қызметі', 'dative')
    """
    m = _LAST_WORD.search(phrase)
    if not m:
        return phrase, None
    stem, case = nominative(m.group(1), rules, cases)
    return phrase[: m.start()] + stem + m.group(2), case


# --- word classes -------------------------------------------------------------------


def _stems_matcher(rules: Rules, key: str) -> regex.Pattern[str]:
    def build(r: Rules) -> regex.Pattern[str]:
        stems = r.table("bylines").get("names", {}).get(key, ())
        if not stems:
            return regex.compile(r"(?!)")
        return regex.compile(inflected(stems, r, guard=False))

    pattern: regex.Pattern[str] = rules.compiled(f"names.{key}", build)
    return pattern


def _words(rules: Rules, key: str) -> frozenset[str]:
    found: frozenset[str] = rules.compiled(
        f"names.words.{key}", lambda r: frozenset(r.table("bylines").get("names", {}).get(key, ()))
    )
    return found


def is_title_word(word: str, rules: Rules) -> bool:
    """True when *word* is a title head with any ending (``хатшысы``, ``Президенттің``).

    >>> from qazparse import default_rules
    >>> is_title_word("көмекшісі", default_rules()), is_title_word("Желдібай", default_rules())
    (True, False)
    """
    return _stems_matcher(rules, "titles").fullmatch(word.lower()) is not None


def is_organization_word(word: str, rules: Rules) -> bool:
    """True when *word* is an organisation head with any ending (``министрлігінің``).

    >>> from qazparse import default_rules
    >>> is_organization_word("бюросының", default_rules())
    True
    """
    return _stems_matcher(rules, "organizations").fullmatch(word.lower()) is not None


def is_stop_word(word: str, rules: Rules) -> bool:
    """True for words that never start or sit inside a source phrase (``бүгін``, ``оның``)."""
    return word.lower() in _words(rules, "stop")


def is_patronymic(word: str, rules: Rules) -> bool:
    """True for a particle inside a person's name (``Ильхам Гейдар оглу Әлиев``, ``Мұхаммед ибн Салман``).

    >>> from qazparse import default_rules
    >>> is_patronymic("оглу", default_rules()), is_patronymic("және", default_rules())
    (True, False)
    """
    return word.lower() in _words(rules, "patronymic")


def _is_initial(text: str) -> bool:
    return _INITIAL.fullmatch(text) is not None and "." in text


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 5


def is_name_word(token: Token, rules: Rules) -> bool:
    """A capitalised word that may be part of a person's name (not a title, organisation,
    stop word or acronym)."""
    text = token.text
    if _is_initial(text):
        return True
    if _NAME_WORD.fullmatch(text) is None or is_domain(text) or _is_acronym(text):
        return False
    return not (is_title_word(text, rules) or is_organization_word(text, rules) or is_stop_word(text, rules))


def has_surname_ending(word: str, rules: Rules) -> bool:
    """True for ``Тоқаев``, ``Тоқаевтың``, ``Әлиева``, ``Асылханұлы`` (a surname, in any case).

    >>> from qazparse import default_rules
    >>> has_surname_ending("Тоқаевтың", default_rules()), has_surname_ending("Руслан", default_rules())
    (True, False)
    """
    cache: dict[str, bool] = rules.compiled("names.surname_cache", lambda r: {})
    found = cache.get(word)
    if found is None:
        found = _has_surname_ending(word, rules)
        remember(cache, word, found, _CACHE_SIZE)
    return found


def _has_surname_ending(word: str, rules: Rules) -> bool:
    endings: tuple[str, ...] = rules.compiled(
        "names.surname_endings", lambda r: tuple(sorted(_words(r, "surname_endings")))
    )
    low = word.lower()
    if len(low) >= 4 and low.endswith(endings):
        return True
    stem = nominative(word, rules, PERSON_CASES)[0].lower()
    return stem != low and len(stem) >= 4 and stem.endswith(endings)


# --- persons and titles -----------------------------------------------------------


def person_runs(tokens: Sequence[Token], rules: Rules, *, slot: bool = False) -> list[tuple[int, int]]:
    """The runs ``(i, j)`` of *tokens* (``tokens[i:j]``) that read as a person's name.

    A run is capitalised name words (with patronymic particles inside, at most five
    words).  It is a person when a word has a surname ending, when it holds a
    patronymic particle or an initial, or when it has two words or more and either
    follows a title word or *slot* says the place expects a person (a label such as
    ``Автор:``).
    """
    particles = _words(rules, "patronymic")
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if not is_name_word(tokens[i], rules):
            i += 1
            continue
        j = i + 1
        marked = _is_initial(tokens[i].text)
        while j < n and j - i < 6:
            tok = tokens[j]
            if j - i >= 2 and has_surname_ending(tokens[j - 1].text, rules):
                break  # a surname closes a name: "Қасым-Жомарт Тоқаев Ильхам Әлиевке" is two
            if is_name_word(tok, rules):
                marked = marked or _is_initial(tok.text)
                j += 1
            elif tok.low in particles and j + 1 < n and is_name_word(tokens[j + 1], rules):
                marked = True
                j += 2
            else:
                break
        words = j - i
        after_title = i > 0 and tokens[i - 1].is_word and is_title_word(tokens[i - 1].text, rules)
        person = (
            marked
            or any(has_surname_ending(t.text, rules) for t in tokens[i:j])
            or (words >= 2 and (after_title or slot))
        )
        if person:
            runs.append((i, j))
        i = j
    return runs


@attrs.frozen
class TitledName:
    """A source phrase read as a title and a person's name.

    Attributes:
        title: the title before the name (``Президенттің Баспасөз хатшысы``), or None.
        name: the person's name in the nominative, or None when only a title is said.
        case: the case ending taken off the name, or None.
    """

    title: str | None
    name: str | None
    case: str | None = None


def _phrase(norm: str, tokens: Sequence[Token]) -> str:
    if not tokens:
        return ""
    return norm[tokens[0].start : tokens[-1].end]


def split_title(
    text: str | Sequence[Token],
    rules: Rules,
    *,
    cases: Iterable[str] = (),
    slot: bool = False,
    norm: str | None = None,
) -> TitledName | None:
    """Read a source phrase as ``title + name``; None when it names no person and no title.

    *cases* are the case endings the name may carry here (none by default: a subject is
    in the nominative).  With tokens, pass the *norm* string they index.

    >>> from qazparse import default_rules
    >>> split_title("Ақ үй басшысы Дональд Трамп", default_rules())
    TitledName(title='Ақ үй басшысы', name='Дональд Трамп', case=None)
    >>> split_title("қалалық денсаулық сақтау басқармасының өкілі", default_rules())
    TitledName(title='қалалық денсаулық сақтау басқармасының өкілі', name=None, case=None)
    >>> split_title("Ұлттық банк", default_rules()) is None
    True
    """
    if isinstance(text, str):
        norm = text
        tokens: Sequence[Token] = tokenize(text)
    else:
        tokens = text
        if norm is None:
            raise TypeError("pass norm= with tokens")
    stop_words = _words(rules, "stop")
    first = 0
    while first < len(tokens) and (tokens[first].low in stop_words or not tokens[first].is_word):
        first += 1
    tokens = tokens[first:]
    if not tokens:
        return None
    runs = person_runs(tokens, rules, slot=slot)
    if runs:
        i, j = runs[0]
        name_tokens = tokens[i:j]
        name, case = nominative_phrase(_phrase(norm, name_tokens), rules, tuple(cases))
        title = _phrase(norm, _trim(tokens[:i])) or None
        return TitledName(title, name, case)
    last = tokens[-1]
    if last.is_word and is_title_word(last.text, rules):
        return TitledName(_phrase(norm, tokens), None)
    return None


def _trim(tokens: Sequence[Token]) -> Sequence[Token]:
    end = len(tokens)
    while end and not tokens[end - 1].is_word:
        end -= 1
    return tokens[:end]


@attrs.frozen
class Name:
    """A person's name found in running text.

    Attributes:
        span: where it stands in the original text (the name only, case ending included).
        name: the name in the nominative (``Ильхам Әлиев`` for ``Ильхам Әлиевке``).
        case: the case ending taken off, or None.
        title: a title right before the name (``Қазақстан Президенті``), or None.
    """

    span: Span
    name: str
    case: str | None = None
    title: str | None = None


_TITLE_WINDOW = 6


def _in_title(tok: Token, after: Token, rules: Rules) -> bool:
    """Whether *tok* belongs to the title phrase that continues with *after*.

    A title is built of capitalised words, title and organisation words, genitive
    modifiers, and lower-case words right before a title or organisation word
    (``Денсаулық сақтау министрінің орынбасары``).
    """
    if tok.is_capitalised or is_title_word(tok.text, rules) or is_organization_word(tok.text, rules):
        return True
    if nominative(tok.text, rules, ("genitive",))[1] is not None:
        return True
    return is_title_word(after.text, rules) or is_organization_word(after.text, rules)


def find_names(text: str | Text, rules: Rules) -> list[Name]:
    """Every person's name in *text* (see :func:`person_runs` for what counts as one).

    A title is the run of words right before the name that ends in a title word
    (at most six words, stopping at punctuation and stop words).

    >>> from qazparse import default_rules
    >>> text = "ТҮРКСОЙ ұйымының Бас хатшысы Сұлтан Раевпен сөйлестік"
    >>> [(n.name, n.title) for n in find_names(text, default_rules())]
    [('Сұлтан Раев', 'ТҮРКСОЙ ұйымының Бас хатшысы')]
    """
    t = text if isinstance(text, Text) else normalize(text)
    tokens = tokenize(t.norm)
    stop_words = _words(rules, "stop")
    found: list[Name] = []
    for i, j in person_runs(tokens, rules):
        name, case = nominative_phrase(_phrase(t.norm, tokens[i:j]), rules, PERSON_CASES)
        title = None
        if (
            i > 0
            and tokens[i - 1].is_word
            and is_title_word(tokens[i - 1].text, rules)
            and not t.norm[tokens[i - 1].end : tokens[i].start].strip()
        ):
            k = i - 1
            while (
                k > 0
                and i - k < _TITLE_WINDOW
                and tokens[k - 1].is_word
                and tokens[k - 1].low not in stop_words
                and not t.norm[tokens[k - 1].end : tokens[k].start].strip()
                and _in_title(tokens[k - 1], tokens[k], rules)
            ):
                k -= 1
            title = _phrase(t.norm, tokens[k:i])
        found.append(Name(t.span(tokens[i].start, tokens[j - 1].end), name, case, title))
    return found


__all__ = [
    "CASES",
    "PERSON_CASES",
    "Name",
    "TitledName",
    "Token",
    "case_of_chain",
    "find_names",
    "has_surname_ending",
    "is_domain",
    "is_name_word",
    "is_organization_word",
    "is_patronymic",
    "is_stop_word",
    "is_title_word",
    "nominative",
    "nominative_phrase",
    "person_runs",
    "split_title",
    "tokenize",
]
