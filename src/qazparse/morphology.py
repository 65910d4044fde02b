"""Kazakh morphology, kept small: a known stem plus a chain of endings.

Endings come from the ``morphology`` rule table (every allomorph by function).  A
stem matcher accepts the stem, its softened form before a vowel (қыркүйек →
қыркүйегі), and any chain of up to four endings, and refuses a further letter, so
``Метро`` is not ``метр`` + ending.

>>> import regex
>>> from qazparse import default_rules
>>> pat = regex.compile(inflected(["доллар"], default_rules()))
>>> bool(pat.fullmatch("доллардан")), bool(pat.fullmatch("долларлық"))
(True, False)
>>> cases("дан", default_rules())
frozenset({'ablative'})

Writing goes the other way: :func:`inflect` picks the one allomorph correct text uses
(vowel harmony and the last sound, the ``harmony``/``sounds``/``forms`` tables):

>>> inflect("доллар", "ablative"), inflect("теңге", "dative")
('доллардан', 'теңгеге')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import regex

from .rules import Rules, default_rules

LETTER = r"[\p{L}\p{M}]"
"""One letter (for word-edge guards)."""

NOT_LETTER_BEFORE = r"(?<![\p{L}\p{M}\d])"
NOT_LETTER_AFTER = r"(?![\p{L}\p{M}])"

_INFLECTION_GROUPS = (
    "plural",
    "possessive3",
    "possessive",
    "genitive",
    "dative",
    "accusative",
    "locative",
    "ablative",
    "instrumental",
    "attributive",
)
MAX_CHAIN = 4
"""At most this many endings follow a stem (жыл-дар-ы-нда-ғы)."""


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of *words*, longest first (so the longest word wins), escaped.

    >>> alternation(["он", "оны"])
    'оны|он'
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in unique)


def trie(words: Iterable[str], guards: Mapping[str, str] | None = None) -> str:
    """A regex for a set of literals factored by common prefixes; it matches the longest one.

    Valid for both ``re`` and ``regex``.  A plain alternation makes the engine try every word at
    every position, a trie one letter at a time (several times faster on long word lists).  A
    word in *guards* matches only where its guard (a regex) matches right after it.

    >>> trie(["кел", "келіс", "келісім"])
    'кел(?:іс(?:ім)?)?'
    >>> trie(["ай", "айы"], {"ай": "[ ]"})
    'ай(?:ы|(?=[ ]))'
    """
    guards = guards or {}
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = guards.get(word)

    def emit(node: dict[str, Any]) -> str:
        branches = [regex.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        guard = node.get("")
        if guard is not None:
            return f"(?:{'|'.join(branches)}|(?={guard}))" if branches else f"(?={guard})"
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


# Letters and digits that are ``[\p{L}\p{M}\d]`` in every Unicode version: a word never starts
# right after one.  (A subset is enough: see WordScan.)
CERTAIN_WORD_CHARS = "0-9a-zA-Zа-яА-ЯёЁәғқңөұүһіӘҒҚҢӨҰҮҺІ"


class WordScan:
    """Where one of a set of words may start a word, found by one stdlib ``re`` pass.

    A word-edge guard that comes first (``(?<![\\p{L}\\p{M}\\d])``) makes a regex engine try the
    whole pattern at every character.  This scan matches one character that is certainly not
    a letter or digit (:data:`CERTAIN_WORD_CHARS`) followed by the longest of the words, so
    most of the text is skipped in C.  It finds every place where a word (a prefix of the
    formula the caller then matches) starts after a non-letter, and a few more after rare
    letters, which the caller's own guard turns down.  A match consumes only letters and
    digits after its first character, so it never hides a later word start.

    >>> scan = WordScan(["деп", "бұл"])
    >>> list(scan.starts("Бұл туралы деп хабарлады, депутат", 0))
    [(11, 'деп'), (26, 'деп')]
    >>> list(scan.starts("бұл туралы", 0))
    [(0, 'бұл')]
    """

    __slots__ = ("_first", "_scan")

    def __init__(self, words: Iterable[str]) -> None:
        words = [w for w in words if w]
        # the words' own letters are letters: adding them keeps the class a set of sure letters
        sure = CERTAIN_WORD_CHARS + regex.escape("".join(sorted({c for w in words for c in w if c.isalnum()})))
        body = trie(words) if words else "(?!)"
        self._scan = re.compile(rf"[^{sure}]({body})")
        self._first = re.compile(body)

    def starts(self, text: str, start: int = 0) -> Iterator[tuple[int, str]]:
        """(position, word) for each place from *start* on where a word may start."""
        if start <= 0:
            head = self._first.match(text)
            if head is not None:
                yield 0, head.group()
        for m in self._scan.finditer(text, max(start - 1, 0)):
            yield m.start(1), m.group(1)


def endings(rules: Rules, groups: Iterable[str] = _INFLECTION_GROUPS) -> list[str]:
    """Every allomorph in the named ending *groups*."""
    table = rules.table("morphology")["endings"]
    return [e for g in groups for e in table.get(g, ())]


def morph_alternation(rules: Rules, extra: Iterable[str] = ()) -> str:
    """A regex alternation of every inflectional ending (plus the *extra* groups), longest first."""
    extra = tuple(extra)

    def build(r: Rules) -> str:
        return alternation(endings(r) + endings(r, extra))

    found: str = rules.compiled(f"morphology.alternation:{','.join(extra)}", build)
    return found


def ending_chain(rules: Rules, *, extra: Iterable[str] = (), minimum: int = 0) -> str:
    """A regex for a chain of inflectional endings (``дарында``); empty when *minimum* is 0.

    *extra* adds endings from other groups (``approximative``, ``adjectival``) as
    possible links of the chain.
    """
    return f"(?:{morph_alternation(rules, extra)}){{{minimum},{MAX_CHAIN}}}"


def stem_variants(stem: str, rules: Rules) -> tuple[str, str | None]:
    """The stem as written and its softened form before a vowel-initial ending, if any.

    >>> from qazparse import default_rules
    >>> stem_variants("қыркүйек", default_rules())
    ('қыркүйек', 'қыркүйег')
    >>> stem_variants("рубль", default_rules())
    ('рубль', 'рубл')
    """
    mutations = rules.table("morphology")["mutations"]
    last = stem[-1:].lower()
    if last in mutations:
        return stem, stem[:-1] + mutations[last]
    if last == "ь":
        return stem, stem[:-1]
    return stem, None


def inflected(stems: Iterable[str], rules: Rules, *, extra: Iterable[str] = (), guard: bool = True) -> str:
    """A regex (no flags; match it against lower-case text) for any stem with any ending chain.

    With *guard* the match may not start or end inside a word.
    """
    extra = tuple(extra)
    chain = ending_chain(rules, extra=extra)
    vowel_chain = f"(?=[аәеиоөұүыіэюя]){ending_chain(rules, extra=extra, minimum=1)}"
    plain: list[str] = []
    softened: list[str] = []
    for stem in stems:
        base, soft = stem_variants(stem.lower(), rules)
        plain.append(base)
        if soft is not None:
            softened.append(soft)
    body = f"(?:{alternation(plain)}){chain}"
    if softened:
        body = f"(?:{body}|(?:{alternation(softened)}){vowel_chain})"
    if guard:
        return f"{NOT_LETTER_BEFORE}{body}{NOT_LETTER_AFTER}"
    return body


def ending_groups(rules: Rules) -> dict[str, frozenset[str]]:
    """The groups of the ``morphology`` endings table (``dative``, ...) by ending, built once per Rules.

    >>> sorted(ending_groups(default_rules())["ның"])
    ['genitive']
    """
    found: dict[str, frozenset[str]] = rules.compiled("morphology.table", _ending_table)
    return found


def _ending_table(rules: Rules) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group, morphs in rules.table("morphology")["endings"].items():
        for morph in morphs:
            table.setdefault(morph, set()).add(group)
    return {k: frozenset(v) for k, v in table.items()}


def split_endings(ending: str, rules: Rules) -> list[str] | None:
    """Split an ending chain into known morphs, longest first from the left; None if it does not split.

    >>> from qazparse import default_rules
    >>> split_endings("дарында", default_rules())
    ['дар', 'ы', 'нда']
    """
    known = ending_groups(rules)
    longest: int = rules.compiled("morphology.longest", lambda r: max(map(len, known), default=0))
    out: list[str] = []
    i = 0
    ending = ending.lower()
    while i < len(ending):
        for size in range(min(longest, len(ending) - i), 0, -1):
            piece = ending[i : i + size]
            if piece in known and _splits(ending[i + size :], known, longest):
                out.append(piece)
                i += size
                break
        else:
            return None
    return out


def _splits(rest: str, known: dict[str, frozenset[str]], longest: int, depth: int = 0) -> bool:
    if not rest:
        return True
    if depth > MAX_CHAIN:
        return False
    return any(
        rest[:size] in known and _splits(rest[size:], known, longest, depth + 1)
        for size in range(min(longest, len(rest)), 0, -1)
    )


def cases(ending: str, rules: Rules) -> frozenset[str]:
    """The functions the *last* morph of an ending chain can have (``{'dative'}`` for ``ға``).

    The empty ending is the nominative.
    """
    if not ending:
        return frozenset({"nominative"})
    parts = split_endings(ending, rules)
    if not parts:
        return frozenset()
    known = ending_groups(rules)
    return known[parts[-1]]


# --- writing forms ---------------------------------------------------------------------------


def _harmony(rules: Rules) -> tuple[frozenset[str], ...]:
    harmony = rules.table("morphology")["harmony"]
    return tuple(frozenset(harmony.get(k, ())) for k in ("back", "front", "back_glides", "front_glides", "soft"))


def is_front(word: str, rules: Rules | None = None) -> bool:
    """Does *word* take the front forms of endings (KAZAKH.md §2.1 a, ``harmony`` in the data)?

    The last reliable vowel decides; и, у and ю are glides and skipped at the end of a word (елу
    is front, жою back), but before another letter у reads back (минут, фунт) and ю front
    (бюджет); a word with no vowel to go by is front (литр), and so is a word ending in a soft
    sign (рубль).

    >>> [is_front(w) for w in ("теңге", "доллар", "елу", "минут", "литр", "рубль", "алпыс", "жою", "түю")]
    [True, False, True, False, True, True, False, False, True]
    """
    back, front, back_glides, front_glides, soft = (rules or default_rules()).compiled("morphology.harmony", _harmony)
    word = word.lower()
    if word[-1:] in soft:
        return True
    last = len(word) - 1
    for i in range(last, -1, -1):
        ch = word[i]
        if ch in front or (ch in front_glides and i < last):
            return True
        if ch in back or (ch in back_glides and i < last):
            return False
    return True


def _sound_class(word: str, rules: Rules) -> str:
    sounds: dict[str, str] = rules.compiled(
        "morphology.sounds",
        lambda r: {letter: cls for cls, letters in r.table("morphology")["sounds"].items() for letter in letters},
    )
    last = word.lower().rstrip("".join(rules.table("morphology")["harmony"]["soft"]))[-1:]
    return sounds.get(last, "T")


def final_sound(word: str, rules: Rules | None = None) -> str:
    """The class of the last sound of *word* (KAZAKH.md §2.1 b, ``sounds`` in the data), soft sign skipped.

    V vowel, N nasal, L л, R р й у и, Z з ж, T the rest; ``""`` when *word* does not end in a
    Cyrillic letter (a Latin name or a number: its endings cannot be checked).

    >>> [final_sound(w) for w in ("Алматы", "Тоқаев", "Мәскеу", "Кремль", "Цзиньпин", "kz")]
    ['V', 'T', 'R', 'L', 'N', '']
    """
    from .rules import default_rules

    rules = rules or default_rules()
    last = word.lower().rstrip("".join(rules.table("morphology")["harmony"]["soft"]))[-1:]
    if not ("\u0400" <= last <= "\u04ff" and last.isalpha()):
        return ""
    return _sound_class(last, rules)


def ending_for(word: str, case: str, rules: Rules | None = None) -> str:
    """The ending of *case* that agrees with *word* (the ``forms`` table of the morphology data).

    *case* is a key of ``forms`` (genitive, dative, accusative, locative, ablative, instrumental,
    possessive3, plural, approximative, adjectival) or ``nominative`` (no ending).

    >>> ending_for("алпыс", "ablative"), ending_for("жиырма", "dative"), ending_for("жүз", "instrumental")
    ('тан', 'ға', 'бен')
    """
    rules = rules or default_rules()
    if case == "nominative":
        return ""
    forms = rules.table("morphology")["forms"]
    if case not in forms:
        raise ValueError(f"unknown case {case!r}; known: nominative, {', '.join(sorted(forms))}")
    table = forms[case]
    back, front = (str(form) for form in table.get(_sound_class(word, rules), table["*"]))
    return front if is_front(word, rules) else back


def inflect(word: str, case: str, rules: Rules | None = None) -> str:
    """*word* with the ending of *case* (KAZAKH.md §2.1-2.3), stem changes included.

    Before an ending that starts with a vowel a final soft sign drops (рубль → рублі) and the
    consonant ``mutations`` apply (сотық → сотығы).

    >>> inflect("доллар", "ablative"), inflect("теңге", "dative"), inflect("сағат", "dative")
    ('доллардан', 'теңгеге', 'сағатқа')
    >>> inflect("рубль", "possessive3"), inflect("рубль", "dative"), inflect("жыл", "adjectival")
    ('рублі', 'рубльге', 'жылдық')
    """
    rules = rules or default_rules()
    ending = ending_for(word, case, rules)
    if ending and _sound_class(ending[0], rules) == "V":
        _base, soft = stem_variants(word, rules)
        if soft is not None:
            word = soft
    return word + ending

