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

import bisect
import unicodedata
from collections.abc import Iterable
from typing import Any

import attrs
import regex

from .morphology import NOT_LETTER_AFTER, ending_chain, split_endings
from .rules import Rules

CASES = ("genitive", "dative", "accusative", "locative", "ablative", "instrumental")
"""The oblique cases an ending can carry (anything else is the nominative)."""


@attrs.frozen
class Candidate:
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


@attrs.frozen
class _Atom:
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


def _alternation(words: Iterable[str]) -> str:
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in unique)


def _name_matcher(names: Iterable[str], rules: Rules) -> regex.Pattern[str] | None:
    names = list(names)
    if not names:
        return None
    chain = ending_chain(rules, minimum=1)
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\d'-])(?P<stem>{_alternation(names)})(?:-?(?P<end>{chain}))?{NOT_LETTER_AFTER}"
    )


@attrs.frozen
class _Matchers:
    places: regex.Pattern[str] | None
    generic: regex.Pattern[str] | None
    place_info: dict[str, tuple[str, bool | None, bool]]  # lower name -> (type, home, generic)
    titles: regex.Pattern[str] | None
    orgs: regex.Pattern[str] | None
    grammar: dict[str, Any]


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
    return _Matchers(
        _name_matcher((k for k, v in info.items() if not v[2]), rules),
        _name_matcher((k for k, v in info.items() if v[2]), rules),
        info,
        _name_matcher(titles, rules),
        _name_matcher(orgs, rules),
        rules.table("event_grammar"),
    )


def _matchers(rules: Rules) -> _Matchers:
    found: _Matchers = rules.compiled("entities.matchers", _build)
    return found


# --- case endings -------------------------------------------------------------------------


def _case_of_chain(chain: str, rules: Rules) -> tuple[int, str]:
    """Split an ending chain; return (length of the part to keep, case of the rest).

    Plural and possessive endings stay with the name (``басшылары``); the case ending goes
    (``басшыларымен`` -> keep ``лары``, instrumental).  A locative followed by the attributive
    (``Ашхабадтағы``) counts as a locative.
    """
    if not chain:
        return 0, "nominative"
    parts = split_endings(chain, rules)
    if not parts:
        return len(chain), "nominative"
    table = rules.table("morphology")["endings"]
    kept = 0
    for i, morph in enumerate(parts):
        case = _single_case(morph, table)
        if case is not None:
            later = [c for c in (_single_case(m, table) for m in parts[i + 1 :]) if c]
            return kept, later[-1] if later else case
        kept += len(morph)
    return kept, "nominative"


def _sound_class(letter: str, sounds: dict[str, Any]) -> str:
    if letter in sounds["vowels"]:
        return "V"
    if letter in sounds["nasals"]:
        return "N"
    if letter in "зж":
        return "Z"
    if letter in sounds["voiced"]:
        return "S"
    if letter in sounds["voiceless"]:
        return "T"
    return ""


def strip_case(word: str, rules: Rules) -> tuple[str, str]:
    """Cut one case ending from an unknown name when the sounds agree; return (stem, case).

    >>> from qazparse import default_rules
    >>> strip_case("Цзиньпинді", default_rules())
    ('Цзиньпин', 'accusative')
    >>> strip_case("Тоқаевпен", default_rules())
    ('Тоқаев', 'instrumental')
    >>> strip_case("Тоқаев", default_rules())
    ('Тоқаев', 'nominative')
    """
    grammar = rules.table("event_grammar")
    sounds = grammar.get("sounds")
    table = rules.table("morphology")["endings"]
    lower = word.lower()
    if "-" in word:
        head, _, tail = word.rpartition("-")
        if head and tail.isalpha() and tail.lower() == tail:
            _, case = _case_of_chain(tail.lower(), rules)
            if case != "nominative":
                return head, case
    if not sounds:
        return word, "nominative"
    attributive = table.get("attributive", ())
    if lower[-2:] in attributive:
        # locative + attributive: Ашхабадтағы -> Ашхабад
        for size in (3, 2):
            ending = lower[-2 - size : -2]
            stem = lower[: -2 - size]
            if len(stem) >= 3 and _single_case(ending, table) == "locative" and _agrees(stem, ending, sounds):
                return word[: len(stem)], "locative"
    for size in (5, 4, 3, 2, 1):
        ending = lower[-size:]
        stem = lower[:-size]
        if len(stem) < 3:
            continue
        found = _single_case(ending, table)
        if found is not None and _agrees(stem, ending, sounds):
            return word[: len(stem)], found
    return word, "nominative"


def _single_case(morph: str, table: dict[str, Any]) -> str | None:
    for case in CASES:
        if morph in table.get(case, ()):
            return case
    return None


def _agrees(stem: str, ending: str, sounds: dict[str, Any]) -> bool:
    """Does the case *ending* fit the last sound of *stem* (KAZAKH.md §2.2)?

    Vowel harmony is not checked: names of foreign origin break it (``Тоқаевтың``).
    """
    last = stem[-1]
    if last == "ь" and len(stem) > 1:
        last = stem[-2]
    if ending in _AFTER_POSSESSIVE:
        return last in "ыі"
    after = sounds["after"].get(ending[0])
    if after is None:
        return False
    # в б г д at the end of a word sound voiceless (KAZAKH.md §2.1)
    cls = "T" if last in "вбгд" else _sound_class(last, sounds)
    return cls in after


# Case endings that follow only the 3rd-person possessive (-сы/-ы): Төрағасына, үйінде.
_AFTER_POSSESSIVE = frozenset({"на", "не", "нда", "нде", "н"})


# --- atoms over the whole text ------------------------------------------------------------

# Capitalised words (with an initial: ``Қ.Тоқаев``), the raw material of names.
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}\d'-])(?:\p{Lu}\.\s?)?\p{Lu}[\p{L}\p{M}]*(?:['-][\p{L}\p{M}]+)*")


def _atoms(context: Any) -> list[_Atom]:
    rules: Rules = context.rules
    m = _matchers(rules)
    norm: str = context.text.norm
    lower: str = context.text.lower
    atoms: list[_Atom] = []
    taken = bytearray(len(norm) + 1)

    def add(atom: _Atom) -> None:
        if any(taken[atom.start : atom.end]):
            return
        atoms.append(atom)
        for i in range(atom.start, atom.end):
            taken[i] = 1

    capitalised = list(_CAPITALISED.finditer(norm))

    def at_capitals(pattern: regex.Pattern[str] | None) -> Iterable[regex.Match[str]]:
        # proper names start with a capital: try them only there (cheap on long texts)
        if pattern is not None:
            for tok in capitalised:
                hit = pattern.match(lower, tok.start())
                if hit is not None:
                    yield hit

    def anywhere(pattern: regex.Pattern[str] | None) -> Iterable[regex.Match[str]]:
        return pattern.finditer(lower) if pattern is not None else ()

    passes = (
        (at_capitals(m.orgs), "O"),
        (at_capitals(m.places), "G"),
        (anywhere(m.generic), "G"),
        (anywhere(m.titles), "T"),
    )
    for hits, cls in passes:
        for hit in hits:
            stem_end = hit.end("stem")
            chain = hit.group("end") or ""
            keep, case = _case_of_chain(chain, rules)
            start = hit.start()
            if cls == "T":
                kind, home = "title", None
            elif cls == "O":
                kind, home = "organization", None
                if not norm[start].isupper():
                    continue
            else:
                key = " ".join(hit.group("stem").split())
                kind, home, generic = m.place_info.get(key, ("place", None, False))
                if not generic and not norm[start].isupper():
                    continue
                keep = 0 if kind != "place" else keep
            if lower[hit.end() : hit.end() + 1] == "-":
                continue  # part of a compound: Қазақстан-Әзербайжан ынтымақтастығы
            nom_end = stem_end + (keep if chain else 0)
            if chain and norm[stem_end : stem_end + 1] == "-":
                nom_end = stem_end
            add(_Atom(start, hit.end(), nom_end, cls, case, kind, home))
    not_names = set(m.grammar.get("clause", {}).get("not_names", ()))
    for tok in capitalised:
        word = tok.group()
        if word.lower() in not_names or len(word) < 2:
            continue
        stem, case = strip_case(word, rules)
        kind = "organization" if stem.isupper() and len(stem) <= 8 else "other"
        add(_Atom(tok.start(), tok.end(), tok.start() + len(stem), "N", case, kind))
    atoms.sort(key=lambda a: a.start)
    return _extend_places(atoms, context, m)


def _extend_places(atoms: list[_Atom], context: Any, m: _Matchers) -> list[_Atom]:
    """A place followed by a place noun takes its case: ``Бейжің қаласындағы`` is a locative."""
    nouns = m.grammar.get("clause", {}).get("place_nouns", ())
    if not nouns:
        return atoms
    lower: str = context.text.lower
    out = []
    pattern: regex.Pattern[str] = context.rules.compiled(
        "entities.place_nouns",
        lambda r: regex.compile(rf"\s+(?:{_alternation(nouns)})(?P<end>[\p{{L}}]{{0,8}}){NOT_LETTER_AFTER}"),
    )
    for atom in atoms:
        if atom.cls == "G" and atom.case == "nominative":
            hit = pattern.match(lower, atom.end)
            if hit:
                _, case = _case_of_chain(_drop_possessive(hit.group("end")), context.rules)
                if case != "nominative":
                    atom = attrs.evolve(atom, end=hit.end(), case=case)
        out.append(atom)
    return out


def _drop_possessive(chain: str) -> str:
    return chain[2:] if chain.startswith(("сы", "сі")) else chain


# --- chunks per sentence ------------------------------------------------------------------


def _gap_ok(norm: str, a: _Atom, b: _Atom, links: set[str]) -> bool:
    gap = norm[a.end : b.start]
    if not gap or gap.isspace():
        return bool(gap) and "\n" not in gap
    words = gap.split()
    return len(words) == 1 and words[0].lower() in links and gap[0].isspace() and gap[-1].isspace()


def _joins(a: _Atom, b: _Atom, norm: str, surnames: tuple[str, ...]) -> bool:
    if a.case not in ("nominative", "genitive"):
        return False
    if a.cls == "N" and b.cls == "N":
        a_word = norm[a.start : a.nom_end]
        if "." in a_word or (len(a_word) > 4 and a_word.lower().endswith(surnames)):
            return False  # two people: Қасым-Жомарт Тоқаев Ильхам Әлиевтің, Р.Ердоған Назарбаевты
    pair = a.cls + b.cls
    if pair in ("GT", "OT", "TN", "TT", "GO"):
        return a.case == "nominative" or pair in ("GT", "OT")
    if pair == "NN":
        return a.case == "nominative"
    return False


def sentence_entities(context: Any, start: int, end: int) -> list[Candidate]:
    """The entities in ``norm[start:end]`` (one sentence), in text order, with their cases."""
    atoms: list[_Atom] = context.shared("entities.atoms", _atoms)
    starts: list[int] = context.shared("entities.atom_starts", lambda c: [a.start for a in atoms])
    grammar = context.rules.table("event_grammar").get("clause", {})
    links = set(grammar.get("name_links", ()))
    norm: str = context.text.norm
    lower: str = context.text.lower
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    inside = [a for a in atoms[lo:hi] if a.end <= end]
    surnames = tuple(grammar.get("surname_endings", ()))
    chunks: list[list[_Atom]] = []
    for atom in inside:
        if chunks and _gap_ok(norm, chunks[-1][-1], atom, links) and _joins(chunks[-1][-1], atom, norm, surnames):
            chunks[-1].append(atom)
        else:
            chunks.append([atom])
    out: list[Candidate] = []
    for chunk in chunks:
        cand = _candidate(chunk, norm, start, surnames)
        if cand is not None:
            out.append(cand)
    return _coordinate(out, norm, lower, grammar)


def _sentence_initial(norm: str, start: int, pos: int) -> bool:
    return not norm[start:pos].strip(" \t\n-–—«\"“'(")


def _candidate(chunk: list[_Atom], norm: str, sent_start: int, surnames: tuple[str, ...]) -> Candidate | None:
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
            is_surname = (word.endswith(surnames) and len(word) > 4) or "." in word  # Р.Ердоған
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


def _coordinate(cands: list[Candidate], norm: str, lower: str, grammar: dict[str, Any]) -> list[Candidate]:
    conj = set(grammar.get("conjunctions", ()))
    post = set(grammar.get("postpositions", ()))
    reflexive = set(grammar.get("reflexive", ()))
    groups: list[list[int]] = []
    for i, cand in enumerate(cands):
        if i and cands[i - 1].case in ("nominative", cand.case):
            gap = lower[cands[i - 1].end : cand.start]
            words = [w for w in regex.split(r"[\s,]+", gap) if w]
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
            out[i] = attrs.evolve(cands[i], case=case, oblique=oblique, group=gid)
    return out
