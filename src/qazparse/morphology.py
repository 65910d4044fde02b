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
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .rules import Rules

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


def _alternation(words: Iterable[str]) -> str:
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in unique)


def endings(rules: Rules, groups: Iterable[str] = _INFLECTION_GROUPS) -> list[str]:
    """Every allomorph in the named ending *groups*."""
    table = rules.table("morphology")["endings"]
    return [e for g in groups for e in table.get(g, ())]


def morph_alternation(rules: Rules, extra: Iterable[str] = ()) -> str:
    """A regex alternation of every inflectional ending (plus the *extra* groups), longest first."""
    extra = tuple(extra)

    def build(r: Rules) -> str:
        return _alternation(endings(r) + endings(r, extra))

    alternation: str = rules.compiled(f"morphology.alternation:{','.join(extra)}", build)
    return alternation


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
    body = f"(?:{_alternation(plain)}){chain}"
    if softened:
        body = f"(?:{body}|(?:{_alternation(softened)}){vowel_chain})"
    if guard:
        return f"{NOT_LETTER_BEFORE}{body}{NOT_LETTER_AFTER}"
    return body


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
    known: dict[str, frozenset[str]] = rules.compiled("morphology.table", _ending_table)
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
    known: dict[str, frozenset[str]] = rules.compiled("morphology.table", _ending_table)
    return known[parts[-1]]
