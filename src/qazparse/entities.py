"""People, titles, organisations and places named in a sentence: the arguments of events.

A small, honest mechanism (no statistical model): titles and organisations from the ``titles``
table, countries, cities and generic places from the ``gazetteer`` table, and capitalised name
sequences.  Each name is normalised to the nominative by cutting its case ending (checked against
the sound the stem ends with, KAZAKH.md §2.1), and its case is kept, because the case tells the
role: ``Си Цзиньпинді`` is an accusative ``Си Цзиньпин``, ``Астанаға`` a dative ``Астана``.

>>> from qazparse.extract import make_context
>>> ctx = make_context("Президент Ильхам Әлиевті Астанаға шақырды.")
>>> [(c.text, c.type, c.case) for c in sentence_entities(ctx, 0, len(ctx.text.norm))]
[('Ильхам Әлиев', 'person', 'accusative'), ('Астана', 'city', 'dative')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any, NamedTuple

import attrs
import regex

from .memo import remember
from .morphology import NOT_LETTER_AFTER, ending_chain, trie
from .names import CASES, case_of_chain, has_surname_ending, is_patronymic, nominative
from .rules import Rules


class Candidate(NamedTuple):
    """A named entity found in a sentence (offsets into ``Text.norm``).

    Attributes:
        start, end: the whole name with its ending.
        text: the name in the nominative (``Си Цзиньпин``; a title keeps its possessive:
            ``Мемлекет басшысы``).
        type: ``person``, ``title``, ``organization``, ``country``, ``city``, ``region``,
            ``place`` or ``other``.
        case: ``nominative``, ``genitive``, ``dative``, ``accusative``, ``locative``,
            ``ablative`` or ``instrumental``.
        home: True for Kazakhstan and its places, False for other gazetteer places, else None.
        oblique: followed by a postposition (``Қазақстан мен Қытай арасындағы``): never a subject.
        group: members of one coordination (``Ресей мен Өзбекстанға``) share a group number.
        title: the title standing before a person's name (``Қазақстан Президенті``), or None.
    """

    start: int
    end: int
    text: str
    type: str
    case: str
    home: bool | None = None
    oblique: bool = False
    group: int = -1
    title: str | None = None


class _Atom(NamedTuple):
    start: int
    end: int
    nom_end: int
    cls: str  # G place, T title, O organisation, N capitalised word
    case: str
    kind: str
    home: bool | None = None


# --- matchers built once per Rules ------------------------------------------------------


def _norm_name(name: str) -> str:
    """Normalise a data name the way text is normalised (NFC, ’ as ', one space)."""
    text = unicodedata.normalize("NFC", name).replace("\u2019", "'").replace("\u00a0", " ")
    return " ".join(text.split())


def _name_trie(names: Iterable[str]) -> str:
    """The names as a prefix tree (a space matches any run of spaces): the longest name that
    matches wins, as in a longest-first alternation, and the engine reads one letter at a time
    instead of trying hundreds of names at every start."""
    return trie(names).replace(r"\ ", r"\s+")


@attrs.frozen
class _Finder:
    """A name matcher: ``pattern`` (``regex``: names, ending chains, exact word guards) and the
    leading runs of its names (their letters, digits, ``-`` and ``'`` up to any other character),
    which :func:`_finder_hits` looks for first."""

    pattern: regex.Pattern[str]
    firsts: tuple[str, ...]
    cls: str  # the atom class: O organisation, G place, T title
    anywhere: bool  # tried at every word (else at capitalised words only)


def _name_matcher(names: Iterable[str], rules: Rules, cls: str, anywhere: bool) -> _Finder | None:
    names = list(names)
    if not names:
        return None
    chain = ending_chain(rules, minimum=1)
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\d'-])(?P<stem>{_name_trie(names)})(?:-?(?P<end>{chain}))?{NOT_LETTER_AFTER}"
    )
    # the leading run of characters after which no name may start (see _finder_hits)
    return _Finder(pattern, tuple(_AFTER_INSIDE.sub("", name) for name in names), cls, anywhere)


_AFTER_INSIDE = regex.compile(r"[^\p{L}\p{M}\d'-].*", regex.DOTALL)
# Characters no name follows, as far as ``re`` can name them (a part of [\p{L}\p{M}\d'-]).
_NOT_BEFORE_NAME = r"a-z\u00df-\u00f6\u00f8-\u00ff\u0430-\u0481\u048a-\u04ff0-9'\-"


@attrs.frozen
class _Matchers:
    # organisations and places (at capitalised words), generic places and titles (anywhere):
    # earlier finders win where matches overlap
    finders: tuple[_Finder, ...]
    # the leading runs of the names as tries (see _finder_hits): of the finders tried at capitalised
    # words, of those tried anywhere, and the latter after any character no name follows
    cap_starts: re.Pattern[str]
    any_starts: re.Pattern[str]
    word_starts: re.Pattern[str]
    longest: int  # the longest leading run: a start scan needs this much past the sentence end
    # a run read by cap_starts or by word_starts -> the finders of the kind with a name starting so
    cap_finders: dict[str, tuple[int, ...]]
    any_finders: dict[str, tuple[int, ...]]
    place_info: dict[str, tuple[str, bool | None, bool]]  # lower name -> (type, home, generic)
    grammar: dict[str, Any]
    not_names: frozenset[str]
    conjunctions: frozenset[str]
    postpositions: frozenset[str]
    reflexive: frozenset[str]
    # a place noun after a place: `Бейжің қаласындағы` (None: no place nouns)
    place_nouns: regex.Pattern[str] | None = None
    # capitalised word -> how it reads as a name atom (see _name_word), filled on first use
    name_words: dict[str, tuple[int, str, str]] = attrs.field(factory=dict)
    # lower-case capitalised word -> the finders to try there (see _cap_tries), filled on first use
    cap_tries: dict[str, tuple[int, ...]] = attrs.field(factory=dict)


def _build(rules: Rules) -> _Matchers:
    gaz = rules.table("gazetteer")
    info: dict[str, tuple[str, bool | None, bool]] = {}
    sections = (("countries", "country"), ("cities", "city"), ("regions", "region"), ("generic", "place"))
    for section, kind in sections:
        for entry in gaz.get(section, {}).values():
            home = bool(entry.get("home", False)) or entry.get("country") == "KZ"
            for name in (entry["name"], *entry.get("variants", ())):
                key = _norm_name(name).lower()
                info.setdefault(key, (kind, home if kind != "region" else None, section == "generic"))
    titles = [
        _norm_name(w).lower() for entry in rules.table("titles").get("titles", {}).values() for w in entry["words"]
    ]
    orgs = [
        _norm_name(n).lower()
        for entry in rules.table("titles").get("organizations", {}).values()
        for n in entry["names"]
    ]
    clause = rules.table("event_grammar").get("clause", {})
    nouns = clause.get("place_nouns", ())
    place_nouns = (
        regex.compile(rf"\s+(?:{_name_trie(nouns)})(?P<end>[\p{{L}}]{{0,8}}){NOT_LETTER_AFTER}") if nouns else None
    )
    finders = tuple(
        finder
        for finder in (
            _name_matcher(orgs, rules, "O", False),
            _name_matcher((k for k, v in info.items() if not v[2]), rules, "G", False),
            _name_matcher((k for k, v in info.items() if v[2]), rules, "G", True),
            _name_matcher(titles, rules, "T", True),
        )
        if finder is not None
    )
    cap_runs = {run for finder in finders if not finder.anywhere for run in finder.firsts}
    any_runs = {run for finder in finders if finder.anywhere for run in finder.firsts}

    def finders_of(runs: set[str], anywhere: bool) -> dict[str, tuple[int, ...]]:
        """Each run -> the finders of the kind with a run that is its prefix."""
        kind = [(i, f) for i, f in enumerate(finders) if f.anywhere == anywhere]
        return {run: tuple(i for i, f in kind if any(run.startswith(first) for first in f.firsts)) for run in runs}

    cap_trie = trie(cap_runs) if cap_runs else "(?!)"
    any_trie = trie(any_runs) if any_runs else "(?!)"
    return _Matchers(
        finders,
        re.compile(cap_trie),
        re.compile(any_trie),
        re.compile(rf"[^{_NOT_BEFORE_NAME}]({any_trie})"),
        max(map(len, any_runs), default=0),
        finders_of(cap_runs, False),
        finders_of(any_runs, True),
        info,
        rules.table("event_grammar"),
        frozenset(clause.get("not_names", ())),
        frozenset(clause.get("conjunctions", ())),
        frozenset(clause.get("postpositions", ())),
        frozenset(clause.get("reflexive", ())),
        place_nouns,
    )


def _matchers(rules: Rules) -> _Matchers:
    found: _Matchers = rules.compiled("entities.matchers", _build)
    return found


# --- case endings -------------------------------------------------------------------------


def strip_case(word: str, rules: Rules) -> tuple[str, str]:
    """Cut one case ending from an unknown name when the sounds agree; return (stem, case).

    :func:`qazparse.names.nominative` with a stem of three letters at least, the nominative
    named as such.

    >>> from qazparse import default_rules
    >>> strip_case("Цзиньпинді", default_rules())
    ('Цзиньпин', 'accusative')
    >>> strip_case("Тоқаевпен", default_rules())
    ('Тоқаев', 'instrumental')
    >>> strip_case("Тоқаев", default_rules())
    ('Тоқаев', 'nominative')
    """
    stem, case = nominative(word, rules, CASES, min_stem=3)
    return stem, case or "nominative"


# --- atoms over the whole text ------------------------------------------------------------

# Capitalised words (with an initial: ``Қ.Тоқаев``), the raw material of names: not after a letter,
# mark, digit, ``'`` or ``-``.  Every match starts with a capital, so the pattern starts with one
# and looks behind only there (the engine then skips to the capitals instead of looking behind at
# every place); the initial (``Қ.``) is that first capital followed by a dot.
_CAPITALISED = regex.compile(r"\p{Lu}(?<![\p{L}\p{M}\d'-]\p{Lu})(?:\.\s?\p{Lu})?[\p{L}\p{M}]*(?:['-][\p{L}\p{M}]+)*")


_REACH = 256
"""How far past a sentence the atom scan looks (longer than any name with its ending)."""


def _atoms(context: Any, start: int, end: int) -> list[_Atom]:
    """The atoms that start in ``norm[start:end]`` (one sentence: only sentences with a trigger pay)."""
    rules: Rules = context.rules
    m = _matchers(rules)
    norm: str = context.text.norm
    lower: str = context.text.lower

    # Matches may run past the sentence end (and are then dropped); the scan stops a little
    # after it, far enough for any name, so that each sentence costs its own length.
    stop = min(len(norm), end + _REACH)
    # the capitalised words: (start, end, how the word reads as a name), and the finders to try
    # at each (proper names start with a capital: organisations and places are tried only there)
    capitalised: list[tuple[int, int, tuple[int, str, str]]] = []
    capitals: list[int] = []
    tries: list[tuple[int, ...] | None] = []
    name_words, cap_tries = m.name_words, m.cap_tries
    for tok in _CAPITALISED.finditer(norm, start, stop):
        a_start, a_end = tok.span()
        if a_start >= end:
            break
        word = tok.group()
        read = name_words.get(word)
        if read is None:
            read = _name_word(word, rules, m)
            remember(name_words, word, read, _NAME_WORDS_SIZE)
        capitalised.append((a_start, a_end, read))
        capitals.append(a_start)
        if lower[a_end : a_end + 1] in _ENDS_RUN:
            low = lower[a_start:a_end]
            found = cap_tries.get(low)
            if found is None:
                found = _cap_tries(m, low)
                remember(cap_tries, low, found, _NAME_WORDS_SIZE)
            tries.append(found)
        else:
            tries.append(None)
    atoms: list[_Atom] = []
    taken: list[tuple[int, int]] = []  # the spans of the names found (a few a sentence)
    place_info = m.place_info
    for finder, hits in zip(m.finders, _finder_hits(m, lower, start, end, stop, capitals, tries), strict=True):
        cls = finder.cls
        for hit in hits:
            a_start, a_end = hit.span()
            if lower[a_end : a_end + 1] == "-":
                continue  # part of a compound: Қазақстан-Әзербайжан ынтымақтастығы
            if cls == "T":
                kind, home = "title", None
            elif cls == "O":
                if not norm[a_start].isupper():
                    continue
                kind, home = "organization", None
            else:
                key = " ".join(hit.group("stem").split())
                kind, home, generic = place_info.get(key, ("place", None, False))
                if not generic and not norm[a_start].isupper():
                    continue
            if taken and any(t_start < a_end and a_start < t_end for t_start, t_end in taken):
                continue
            chain = hit.group("end")
            stem_end = hit.end("stem")
            if chain:
                keep, case = case_of_chain(chain, rules)
                if cls == "G" and kind != "place":
                    keep = 0
                nom_end = stem_end if norm[stem_end] == "-" else stem_end + keep
            else:
                case, nom_end = "nominative", stem_end
            taken.append((a_start, a_end))  # the name as matched: a place noun after it is no part
            if cls == "G" and case == "nominative":
                a_end, case = _place_noun_case(m, lower, a_end, rules)
            atoms.append(_Atom._make((a_start, a_end, nom_end, cls, case, kind, home)))
    for a_start, a_end, (stem_len, case, kind) in capitalised:
        if not stem_len:
            continue
        # (capitalised words do not overlap one another: only the names above may take them)
        if taken and any(t_start < a_end and a_start < t_end for t_start, t_end in taken):
            continue
        atoms.append(_Atom._make((a_start, a_end, a_start + stem_len, "N", case, kind, None)))
    if taken:  # (else only capitalised words, found in text order)
        atoms.sort()  # by start: atoms never share a start (their spans do not overlap)
    return atoms


def _finder_hits(
    m: _Matchers,
    lower: str,
    start: int,
    end: int,
    stop: int,
    capitals: list[int],
    tries: list[tuple[int, ...] | None] | None = None,
) -> list[list[regex.Match[str]]]:
    """What each finder's pattern matches in ``lower[start:end]``, in text order.

    A finder tried anywhere gets what ``pattern.finditer(lower, start, stop)`` finds that starts
    before *end*; the others what ``pattern.match(lower, pos)`` finds at the *capitals*.

    A pattern starts with the leading run of one of its names, so it is tried only where a
    trie of the runs matches (one trie for the finders of each kind): the trie reads the
    longest run there, and the finders with a run that is a prefix of it are those whose own
    runs match there (``cap_finders``, ``any_finders``).  *tries*, when given, holds for each
    capital the finders to try there when already known (see _cap_tries), else None.

    The patterns tried anywhere match only after a character that is no letter, mark, digit,
    ``'`` or ``-``.  One pass of ``word_starts`` (``re``, reading the character before the run:
    the engine skips ahead to the spaces and marks instead of trying every place) finds the
    places after a character that is no Latin or Cyrillic letter, digit, ``'`` or ``-`` where a
    run starts: every match is among them.  A run found hides the places inside it and right
    after it, where the character before is one of its own (a letter, digit, ``'`` or ``-``):
    no name starts there.
    """
    finders = m.finders
    found: list[list[regex.Match[str]]] = [[] for _ in finders]
    for k, pos in enumerate(capitals):
        indices = tries[k] if tries is not None else None
        if indices is None:
            read = m.cap_starts.match(lower, pos)
            indices = m.cap_finders[read.group()] if read is not None else ()
        for i in indices:
            hit = finders[i].pattern.match(lower, pos)
            if hit is not None:
                found[i].append(hit)
    limit = min(len(lower), end + m.longest)
    runs: list[tuple[int, str]] = []
    if start == 0 and (read := m.any_starts.match(lower, 0, limit)) is not None:
        runs.append((0, read.group()))  # no character before it
    for cand in m.word_starts.finditer(lower, max(start - 1, 0), limit):
        pos = cand.start(1)
        if pos >= end:
            break
        runs.append((pos, cand.group(1)))
    after = [start] * len(finders)
    for pos, run in runs:
        for i in m.any_finders[run]:
            if pos >= after[i]:  # finditer goes on after the last match
                hit = finders[i].pattern.match(lower, pos, stop)
                if hit is not None:
                    after[i] = hit.end()
                    found[i].append(hit)
    return found


_NAME_WORDS_SIZE = 50_000
_NOT_A_NAME = (0, "", "")


def _name_word(word: str, rules: Rules, m: _Matchers) -> tuple[int, str, str]:
    """A capitalised word as a name atom: (length of its stem, case, kind); a stem length 0
    when it is no name (one letter, or a word of the ``not_names`` list)."""
    if len(word) < 2 or word.lower() in m.not_names:
        return _NOT_A_NAME
    stem, case = strip_case(word, rules)
    kind = "organization" if stem.isupper() and len(stem) <= 8 else "other"
    return len(stem), case, kind


def _place_noun_case(m: _Matchers, lower: str, end: int, rules: Rules) -> tuple[int, str]:
    """A place followed by a place noun takes its case: ``Бейжің қаласындағы`` is a locative.

    Returns the end and the case of a nominative place ending at *end*.
    """
    if m.place_nouns is not None:
        hit = m.place_nouns.match(lower, end)
        if hit:
            _, case = case_of_chain(_drop_possessive(hit.group("end")), rules)
            if case != "nominative":
                return hit.end(), case
    return end, "nominative"


# What may follow a capitalised word for the finders to try there to depend on the word alone:
# the end of the text or a character no leading run of a name holds (see _cap_tries).
_ENDS_RUN = frozenset(("", " ", "\n", "\t", ",", ".", ";", ":", "!", "?", "»", "«", '"', "“", "”", "(", ")"))


def _cap_tries(m: _Matchers, word: str) -> tuple[int, ...]:
    """The finders to try at a capitalised word (lower case), as ``cap_starts`` reads its start.

    ``cap_starts`` reads the leading run of a name (letters, marks, digits, ``-`` and ``'``): in the
    text it reads the same as in the word alone when the word is followed by one of _ENDS_RUN (the
    run ends inside the word or with it), so the answer is kept per word.
    """
    read = m.cap_starts.match(word)
    return m.cap_finders[read.group()] if read is not None else ()



def _drop_possessive(chain: str) -> str:
    return chain[2:] if chain.startswith(("сы", "сі")) else chain


# --- chunks per sentence ------------------------------------------------------------------


def _gap_ok(norm: str, a: _Atom, b: _Atom, rules: Rules) -> bool:
    gap = norm[a.end : b.start]
    if not gap or gap.isspace():
        return bool(gap) and "\n" not in gap
    words = gap.split()
    return len(words) == 1 and is_patronymic(words[0], rules) and gap[0].isspace() and gap[-1].isspace()


# Atom pairs that may join into one name (title + name, place + title, ...): whether the first
# may be a genitive (`Қазақстанның Президенті`), else it must be a nominative.
_JOIN_PAIRS = {"GT": True, "OT": True, "TN": False, "TT": False, "GO": False, "NN": False}


def _joins(a: _Atom, b: _Atom, norm: str, rules: Rules) -> bool:
    pair = a.cls + b.cls
    genitive_ok = _JOIN_PAIRS.get(pair)
    if genitive_ok is None:
        return False
    if a.case != "nominative" and not (genitive_ok and a.case == "genitive"):
        return False
    if pair == "NN":
        a_word = norm[a.start : a.nom_end]
        if "." in a_word or has_surname_ending(a_word, rules):
            return False  # two people: Қасым-Жомарт Тоқаев Ильхам Әлиевтің, Р.Ердоған Назарбаевты
    return True


def sentence_atoms(context: Any, start: int, end: int) -> list[_Atom]:
    """The pieces names are built of in ``norm[start:end]`` (one sentence), for
    :func:`sentence_entities` and :func:`possible_cases`."""
    return _atoms(context, start, end)


def possible_cases(atoms: Iterable[_Atom]) -> frozenset[str]:
    """Every case an entity built from *atoms* may have.

    An entity takes the case of its last atom, or of the last member of its coordination
    (another entity's last atom); a genitive before ``өзі`` reads as a nominative.
    """
    cases = {atom.case for atom in atoms}
    if "genitive" in cases:
        cases.add("nominative")
    return frozenset(cases)


def sentence_entities(context: Any, start: int, end: int, atoms: Iterable[_Atom] | None = None) -> list[Candidate]:
    """The entities in ``norm[start:end]`` (one sentence), in text order, with their cases.

    *atoms* are the sentence's :func:`sentence_atoms` when already read.
    """
    rules: Rules = context.rules
    norm: str = context.text.norm
    lower: str = context.text.lower
    chunks: list[list[_Atom]] = []
    prev: _Atom | None = None
    for atom in _atoms(context, start, end) if atoms is None else atoms:
        if atom.end > end:
            continue
        if (
            prev is not None
            and _JOIN_PAIRS.get(prev.cls + atom.cls) is not None
            and _gap_ok(norm, prev, atom, rules)  # the gap first: the pair test may look up a surname
            and _joins(prev, atom, norm, rules)
        ):
            chunks[-1].append(atom)
            prev = atom
            continue
        chunks.append([atom])
        prev = atom
    out: list[Candidate] = []
    for chunk in chunks:
        cand = _candidate(chunk, norm, start, rules)
        if cand is not None:
            out.append(cand)
    if not out:
        return out
    return _coordinate(out, norm, lower, _matchers(rules))


# What may stand before the first word of a sentence (the sentence start counts from there).
_NOT_OPENING = re.compile("[^ \t\n\\-–—«\"“'(]")


def _sentence_initial(norm: str, start: int, pos: int) -> bool:
    """Only opening marks and spaces between the sentence start and *pos*."""
    return _NOT_OPENING.search(norm, start, pos) is None


def _candidate(chunk: list[_Atom], norm: str, sent_start: int, rules: Rules) -> Candidate | None:
    last = chunk[-1]
    title_idx = len(chunk) - 1
    while title_idx >= 0 and chunk[title_idx].cls != "T":
        title_idx -= 1
    names = [a for a in chunk[title_idx + 1 :] if a.cls == "N"]
    title: str | None = None
    if names and title_idx >= 0:
        title = norm[chunk[0].start : chunk[title_idx].nom_end]
    if names and len(names) == len(chunk) - title_idx - 1:
        first = names[0]
        text = norm[first.start : last.nom_end]
        if title_idx < 0 and len(names) == 1:
            word = text.lower()
            is_surname = "." in word or has_surname_ending(word, rules)  # Р.Ердоған
            if not is_surname and _sentence_initial(norm, sent_start, first.start):
                return None
            kind = "person" if is_surname else first.kind
        else:
            kind = "person" if title_idx >= 0 or len(names) > 1 or "." in text else first.kind
        return Candidate(chunk[0].start, last.end, text, kind, last.case, title=title)
    if title_idx >= 0 and last.cls == "T":
        return Candidate(chunk[0].start, last.end, norm[chunk[0].start : last.nom_end], "title", last.case)
    if last.cls in ("G", "O"):
        if len(chunk) > 1 and any(a.cls == "N" for a in chunk):
            return None
        return Candidate(chunk[0].start, last.end, norm[chunk[0].start : last.nom_end], last.kind, last.case, last.home)
    return None


# A lower-case word with the 3rd-person possessive and a case: the head of an izafet
# (`Каспий теңізінің`, `Қазақстан мұнайын`): the name before it is a modifier.
_IZAFET_HEAD = regex.compile(r"\p{Ll}+(?:сы|сі|ы|і)(?:ның|нің|н|на|не|нда|нде|нан|нен|мен)$")
# Word endings of finite verbs and participles: a name followed by one is its subject.
_VERBISH = regex.compile(r"(?:ды|ді|ты|ті|ады|еді|йды|йді|ған|ген|қан|кен|ып|іп|п|атын|етін|йтын|йтін|мақ|мек)$")


_GAP_SPLIT = regex.compile(r"[\s,]+")


def _one_word_in(gap: str, words: frozenset[str]) -> bool:
    """Whether *gap* is one of *words* between spaces and commas."""
    parts = [w for w in _GAP_SPLIT.split(gap) if w]
    return len(parts) == 1 and parts[0] in words


def _coordinate(cands: list[Candidate], norm: str, lower: str, m: _Matchers) -> list[Candidate]:
    conj, post, reflexive = m.conjunctions, m.postpositions, m.reflexive
    groups: list[list[int]] = []
    for i, cand in enumerate(cands):
        if i and cands[i - 1].case in ("nominative", cand.case):
            gap = lower[cands[i - 1].end : cand.start]
            if "\n" not in gap and (gap.strip() == "," or _one_word_in(gap, conj)):
                groups[-1].append(i)
                continue
        groups.append([i])
    out = list(cands)
    for gid, members in enumerate(groups):
        last = cands[members[-1]]
        after = norm[last.end : last.end + 40].split(None, 1)
        following = after[0].strip(",.;:!?»") if after else ""
        oblique = following.lower() in post
        case = last.case
        if case == "genitive" and following in reflexive:
            case = "nominative"
        if case == "nominative" and last.type not in ("person", "title") and following[:1].islower():
            # a name that modifies the next word: `Халық жиналысы`, `Каспий теңізінің`, `ІТ сектор`
            modifier = last.type in ("other", "organization") and not _VERBISH.search(following)
            oblique = oblique or modifier or bool(_IZAFET_HEAD.match(following))
        for i in members:
            c = cands[i]
            out[i] = Candidate._make((c.start, c.end, c.text, c.type, case, c.home, oblique, gid, c.title))
    return out
