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
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import attrs
import regex

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
    """A name matcher and a fast scan for the places where it can start.

    ``starts`` (standard ``re``: a trie of the names' first words, no guard, so the engine skips
    ahead to their first letters) finds every position where ``pattern`` may match, and more;
    ``pattern`` (``regex``: names, ending chains, exact word guards) is then tried only there.
    The trie holds the leading letters, digits, ``-`` and ``'`` of each name, after which no name
    may start, so a candidate never hides the start of a real match: the matches are those of
    ``pattern.finditer``, found several times faster.
    """

    pattern: regex.Pattern[str]
    starts: re.Pattern[str]
    longest: int  # the longest first word: a start scan needs this much past its end

    def at(self, lower: str, positions: Iterable[int]) -> Iterator[regex.Match[str]]:
        """Matches at the given *positions* (capitalised words) that the start scan allows."""
        for pos in positions:
            if self.starts.match(lower, pos):
                hit = self.pattern.match(lower, pos)
                if hit is not None:
                    yield hit

    def scan(self, lower: str, start: int, end: int, stop: int) -> Iterator[regex.Match[str]]:
        """What ``pattern.finditer(lower, start, stop)`` finds that starts before *end*."""
        after = start
        for cand in self.starts.finditer(lower, start, min(stop, end + self.longest)):
            pos = cand.start()
            if pos >= end:
                return
            if pos < after:
                continue
            hit = self.pattern.match(lower, pos, stop)
            if hit is not None:
                after = hit.end()
                yield hit


def _name_matcher(names: Iterable[str], rules: Rules) -> _Finder | None:
    names = list(names)
    if not names:
        return None
    chain = ending_chain(rules, minimum=1)
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\d'-])(?P<stem>{_name_trie(names)})(?:-?(?P<end>{chain}))?{NOT_LETTER_AFTER}"
    )
    # the leading run of characters after which no name may start (see _Finder)
    firsts = [_AFTER_INSIDE.sub("", name) for name in names]
    return _Finder(pattern, re.compile(trie(firsts)), max(map(len, firsts)))


_AFTER_INSIDE = regex.compile(r"[^\p{L}\p{M}\d'-].*", regex.DOTALL)


@attrs.frozen
class _Matchers:
    places: _Finder | None
    generic: _Finder | None
    place_info: dict[str, tuple[str, bool | None, bool]]  # lower name -> (type, home, generic)
    titles: _Finder | None
    orgs: _Finder | None
    grammar: dict[str, Any]
    not_names: frozenset[str]
    conjunctions: frozenset[str]
    postpositions: frozenset[str]
    reflexive: frozenset[str]


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
    return _Matchers(
        _name_matcher((k for k, v in info.items() if not v[2]), rules),
        _name_matcher((k for k, v in info.items() if v[2]), rules),
        info,
        _name_matcher(titles, rules),
        _name_matcher(orgs, rules),
        rules.table("event_grammar"),
        *(frozenset(clause.get(key, ())) for key in ("not_names", "conjunctions", "postpositions", "reflexive")),
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

# Capitalised words (with an initial: ``Қ.Тоқаев``), the raw material of names.
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}\d'-])(?:\p{Lu}\.\s?)?\p{Lu}[\p{L}\p{M}]*(?:['-][\p{L}\p{M}]+)*")


_REACH = 256
"""How far past a sentence the atom scan looks (longer than any name with its ending)."""


def _atoms(context: Any, start: int, end: int) -> list[_Atom]:
    """The atoms that start in ``norm[start:end]`` (one sentence: only sentences with a trigger pay)."""
    rules: Rules = context.rules
    m = _matchers(rules)
    norm: str = context.text.norm
    lower: str = context.text.lower
    atoms: list[_Atom] = []
    taken: set[int] = set()

    # Matches may run past the sentence end (and are then dropped); the scan stops a little
    # after it, far enough for any name, so that each sentence costs its own length.
    stop = min(len(norm), end + _REACH)
    capitalised: list[regex.Match[str]] = []
    for tok in _CAPITALISED.finditer(norm, start, stop):
        if tok.start() >= end:
            break
        capitalised.append(tok)
    positions = [tok.start() for tok in capitalised]
    place_info = m.place_info

    # proper names (organisations, places) start with a capital: they are tried only there
    passes = ((m.orgs, "O", False), (m.places, "G", False), (m.generic, "G", True), (m.titles, "T", True))
    for finder, cls, anywhere in passes:
        if finder is None:
            continue
        hits = finder.scan(lower, start, end, stop) if anywhere else finder.at(lower, positions)
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
            span = range(a_start, a_end)
            if not taken.isdisjoint(span):
                continue
            chain = hit.group("end") or ""
            stem_end = hit.end("stem")
            if chain:
                keep, case = case_of_chain(chain, rules)
                if cls == "G" and kind != "place":
                    keep = 0
                nom_end = stem_end if norm[stem_end] == "-" else stem_end + keep
            else:
                case, nom_end = "nominative", stem_end
            atoms.append(_Atom(a_start, a_end, nom_end, cls, case, kind, home))
            taken.update(span)
    not_names = m.not_names
    for tok in capitalised:
        word = tok.group()
        if len(word) < 2 or word.lower() in not_names:
            continue
        a_start, a_end = tok.span()
        span = range(a_start, a_end)
        if not taken.isdisjoint(span):
            continue
        stem, case = strip_case(word, rules)
        kind = "organization" if stem.isupper() and len(stem) <= 8 else "other"
        atoms.append(_Atom(a_start, a_end, a_start + len(stem), "N", case, kind))
        taken.update(span)
    atoms.sort(key=_atom_start)
    return _extend_places(atoms, context, m)


def _atom_start(atom: _Atom) -> int:
    return atom.start


def _extend_places(atoms: list[_Atom], context: Any, m: _Matchers) -> list[_Atom]:
    """A place followed by a place noun takes its case: ``Бейжің қаласындағы`` is a locative."""
    nouns = m.grammar.get("clause", {}).get("place_nouns", ())
    if not nouns:
        return atoms
    lower: str = context.text.lower
    out = []
    pattern: regex.Pattern[str] = context.rules.compiled(
        "entities.place_nouns",
        lambda r: regex.compile(rf"\s+(?:{_name_trie(nouns)})(?P<end>[\p{{L}}]{{0,8}}){NOT_LETTER_AFTER}"),
    )
    for atom in atoms:
        if atom.cls == "G" and atom.case == "nominative":
            hit = pattern.match(lower, atom.end)
            if hit:
                _, case = case_of_chain(_drop_possessive(hit.group("end")), context.rules)
                if case != "nominative":
                    atom = _Atom(atom.start, hit.end(), atom.nom_end, atom.cls, case, atom.kind, atom.home)
        out.append(atom)
    return out


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


def _sentence_initial(norm: str, start: int, pos: int) -> bool:
    return not norm[start:pos].strip(" \t\n-–—«\"“'(")


def _candidate(chunk: list[_Atom], norm: str, sent_start: int, rules: Rules) -> Candidate | None:
    last = chunk[-1]
    title_idx = max((i for i, a in enumerate(chunk) if a.cls == "T"), default=-1)
    names = [a for a in chunk[title_idx + 1 :] if a.cls == "N"]
    title: str | None = None
    if names and title_idx >= 0:
        title = norm[chunk[0].start : chunk[title_idx].nom_end]
    if names and len(names) == len(chunk) - title_idx - 1:
        first = names[0]
        text = norm[first.start : last.nom_end]
        if title_idx < 0 and len(names) == 1:
            word = text.lower()
            is_surname = has_surname_ending(word, rules) or "." in word  # Р.Ердоған
            if _sentence_initial(norm, sent_start, first.start) and not is_surname:
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


def _coordinate(cands: list[Candidate], norm: str, lower: str, m: _Matchers) -> list[Candidate]:
    conj, post, reflexive = m.conjunctions, m.postpositions, m.reflexive
    groups: list[list[int]] = []
    for i, cand in enumerate(cands):
        if i and cands[i - 1].case in ("nominative", cand.case):
            gap = lower[cands[i - 1].end : cand.start]
            words = [w for w in _GAP_SPLIT.split(gap) if w]
            if "\n" not in gap and (gap.strip() == "," or (len(words) == 1 and words[0] in conj)):
                groups[-1].append(i)
                continue
        groups.append([i])
    out = list(cands)
    for gid, members in enumerate(groups):
        last = cands[members[-1]]
        after = norm[last.end : last.end + 40].split()
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
            out[i] = Candidate(c.start, c.end, c.text, c.type, case, c.home, oblique, gid, c.title)
    return out
