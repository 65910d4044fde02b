"""Rule-based events: who did what, with whom, where, when, how many times.

Rules are data (the ``events`` table, ``rules/data/events.toml``; format in ``docs/events.md``):
each names an event type, its triggers (stems matched in every inflected form through the
morphology layer) and which Kazakh case fills which role: the dative is the destination
(``Астанаға``), the locative the place (``Бейжіңде``), the instrumental the partner
(``Си Цзиньпинмен``), the accusative the invitee (``Си Цзиньпинді``).  The sentence's date, a
count (``23 рет``) and amounts (``15,2 пайызға өсіп``) come from the mentions the other
extractors found.  Users add rules as dicts (``Rules.with_event``) or as plain callables
``rule(context, sentence_bounds, mentions) -> Iterable[Event]``.

>>> from qazparse import extract_events
>>> [(e.type, e.agent.text, e.participants[0].text) for e in extract_events(
...     "Тоқаев Бейжіңде Си Цзиньпинмен кездесті.")]
[('meeting', 'Тоқаев', 'Си Цзиньпин')]
"""

from __future__ import annotations

import bisect
import fnmatch
import functools
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
import regex

from .entities import Candidate, possible_cases, sentence_atoms, sentence_entities, strip_case
from .morphology import NOT_LETTER_AFTER, alternation, ending_chain, trie
from .rules import Rules
from .values import DateMention, Distance, Entity, Event, Money, Number, Quantity, Span

EventRule = Callable[[Any, Sequence[tuple[int, int]], Sequence[Any]], Iterable[Event]]
"""A user's event rule: ``rule(context, sentence_bounds, mentions) -> Iterable[Event]``.

It is called once per text with the :class:`~qazparse.extract.Context`, every sentence's
``(start, end)`` offsets in ``context.text.norm``, and the mentions left after overlap
resolution (spans into the original text).  Build spans with ``context.text.span(start, end)``.
"""

_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['-][\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*|[^\s\p{L}\p{M}\d]")
# Every token of a sentence in one match (faster than a match object a token): a token starts
# at every character but white space, so ``_WORD.finditer`` only skips white space between
# tokens, as this does; ``regex`` keeps the capture of each repetition, and nothing after a
# token makes the engine take part of it back.  The captures of one match take memory, so only
# sentences up to _ONE_MATCH characters are read so.
_TOKENS = regex.compile(rf"(?:\s*({_WORD.pattern}))*")
_ONE_MATCH = 4096
_BOUNDARY = regex.compile(r"[;:—–()«»\"“”]|,(?!\d)|\s-\s")
_OPEN_QUOTE = {"»": "«", "”": "“", '"': '"'}


@attrs.frozen
class _Rule:
    """A rule from the ``events`` table, compiled."""

    id: str
    type: str
    body: dict[str, Any]
    pattern: regex.Pattern[str]
    light: regex.Pattern[str] | None
    not_forms: tuple[str, ...]
    require_before: tuple[regex.Pattern[str], ...]
    reject_before: tuple[regex.Pattern[str], ...]
    require_after: tuple[regex.Pattern[str], ...]
    reject_after: tuple[regex.Pattern[str], ...]
    modifier_words: frozenset[str]
    priority: int
    agent_types: tuple[str, ...]
    participant_types: tuple[str, ...]
    # (first word, regex) of each trigger and word, in order: a hit tries only those it can start
    alternatives: tuple[tuple[str, str], ...] = ()
    # the first words of the triggers and words of several words (their matches cross spaces)
    spaced_firsts: frozenset[str] = frozenset()
    # not_forms as one regex (None: no forms to skip)
    not_forms_re: re.Pattern[str] | None = None
    # `requires` split into what the mentions and the quote give (checked before the entities
    # are read) and what the entities give (checked as soon as the roles are filled)
    mention_needs: tuple[str, ...] = ()
    entity_needs: tuple[str, ...] = ()
    # for each required place role (destination, location): the cases an entity must have to
    # fill it; a sentence whose atoms allow none of them is turned down before its entities are built
    case_needs: tuple[frozenset[str], ...] = ()


@attrs.frozen
class _Compiled:
    rules: tuple[_Rule, ...]
    union: re.Pattern[str] | None
    grammar: dict[str, Any]
    dependent_endings: tuple[str, ...]
    participle_endings: tuple[str, ...]
    # the rules to try where the union matched a first word: by the text it matched
    by_first: dict[str, tuple[_Rule, ...]] = attrs.field(factory=dict)
    verbal_noun: frozenset[str] = frozenset()
    # the word lists of the modality grammar as compiled globs, by name
    globs: dict[str, re.Pattern[str]] = attrs.field(factory=dict)
    # union text -> whether every pattern tried there stays inside one word (no spaces)
    one_word: dict[str, bool] = attrs.field(factory=dict)
    # (union text, the word from the hit on) -> what the rules match there (see _rule_hits)
    word_hits: dict[tuple[str, str], tuple[_RuleHit, ...]] = attrs.field(factory=dict)
    # the union reading the character before the first word (see _union_hits)
    union_after: re.Pattern[str] | None = None
    # word -> the modality word lists it is on (see _modal_kinds)
    modal_words: dict[str, int] = attrs.field(factory=dict)
    # the clause grammar's function words, and the endings of a noun trigger's dependent (_nominal_ok)
    function_words: frozenset[str] = frozenset()
    dependent_or_participle: tuple[str, ...] = ()

    def stays_in_word(self, hit: str) -> bool:
        """Whether no pattern tried where the union read *hit* can match across a space."""
        found = self.one_word.get(hit)
        if found is None:
            found = self.one_word[hit] = not any(
                hit.startswith(first) for rule in self.by_first.get(hit, ()) for first in rule.spaced_firsts
            )
        return found


# --- compiling rules ----------------------------------------------------------------------


def _verb_chain(rules: Rules) -> str:
    verb = rules.table("event_grammar").get("verb", {})
    chain = ending_chain(rules)
    return (
        f"(?:{alternation(verb['voice'])})?(?P<neg>{alternation(verb['negation'])})?"
        f"(?:(?P<nom>{alternation(verb['nominal'])}){chain}"
        f"|(?P<tense>{alternation(verb['finite'])})(?:{alternation(verb['person'])})?"
        f"|(?P<cv>{alternation(verb['converb'])}))"
    )


def _phrase(pre: list[str]) -> str:
    return "".join(regex.escape(w) + r"\s+" for w in pre)


def _trigger_regex(trigger: str, rules: Rules, verb_chain: str) -> str:
    words = trigger.split()
    pre, last = words[:-1], words[-1]
    if last.endswith("-"):
        return f"(?P<verb>{_phrase(pre)}{regex.escape(last[:-1])}(?P<end>{verb_chain}))"
    chain = ending_chain(rules)
    return f"(?P<noun>{_phrase(pre)}{regex.escape(last)}(?P<end>{chain}))"


def _word_regex(word: str) -> str:
    parts = [regex.escape(w).replace(r"\*", r"[\p{L}\p{M}-]{0,12}") for w in word.split()]
    joined = r"\s+".join(parts)
    return f"(?P<word>{joined})"


def _first_word(trigger: str) -> str:
    """The literal every match of *trigger* starts with (its first word, up to a ``*``)."""
    first = trigger.split()[0].rstrip("-")
    return first.split("*")[0]


# Letters the union may not follow.  The union runs on the standard ``re`` engine (twice as fast
# here as ``regex`` with a Unicode lookbehind), whose guard can only name the Latin and Cyrillic
# letters; each hit is checked again with the whole rule (not after any letter or mark).
_GUARD_LETTERS = r"a-z\u00df-\u00f6\u00f8-\u00ff\u0430-\u0481\u048a-\u04ff"
_UNION_GUARD = rf"(?<![{_GUARD_LETTERS}])"
_AFTER_LETTER = regex.compile(r"[\p{L}\p{M}]")


def _compile_rule(rule_id: str, body: dict[str, Any], rules: Rules, verb_chain: str) -> _Rule:
    alternatives = [(_first_word(t), _trigger_regex(t, rules, verb_chain)) for t in body.get("triggers", ())]
    alternatives += [(_first_word(w), _word_regex(w)) for w in body.get("words", ())]
    pattern = regex.compile(rf"(?:{'|'.join(alt for _, alt in alternatives)}){NOT_LETTER_AFTER}")
    light = None
    if body.get("light_verbs"):
        light = regex.compile(
            rf"(?:{'|'.join(_trigger_regex(t, rules, verb_chain) for t in body['light_verbs'])}){NOT_LETTER_AFTER}"
        )
    modifier_words = frozenset(w for table in body.get("modifiers", {}).values() for w in table)

    def compiled(key: str) -> tuple[regex.Pattern[str], ...]:
        return tuple(regex.compile(p) for p in body.get(key, ()))

    return _Rule(
        rule_id,
        body["type"],
        body,
        pattern,
        light,
        tuple(body.get("not_forms", ())),
        compiled("require_before"),
        compiled("reject_before"),
        compiled("require_after"),
        compiled("reject_after"),
        modifier_words,
        int(body.get("priority", 0)),
        tuple(body.get("agent_types", _AGENT_TYPES)),
        tuple(body.get("participant_types", _AGENT_TYPES)),
        tuple(alternatives),
        frozenset(_first_word(t) for t in (*body.get("triggers", ()), *body.get("words", ())) if " " in t),
        _globs(tuple(body["not_forms"])) if body.get("not_forms") else None,
        tuple(n for n in body.get("requires", ()) if n in _MENTION_NEEDS),
        tuple(n for n in body.get("requires", ()) if n not in _MENTION_NEEDS),
        tuple(_cases_for(body, need) for need in body.get("requires", ()) if need in ("destination", "location")),
    )


def _cases_for(body: dict[str, Any], role: str) -> frozenset[str]:
    """The cases of the entities that can fill *role* (see ``_arguments``)."""
    before = {case for case, r in body.get("roles", {}).items() if r == role and case != "nominative"}
    after = {case for case, r in body.get("roles_after", {}).items() if r == role}
    return frozenset(before | after)


# What `requires` may name that does not depend on the entities of the sentence.
_MENTION_NEEDS = frozenset({"date", "count", "quantity", "quote"})


def _compile(rules: Rules) -> _Compiled:
    grammar = rules.table("event_grammar")
    table = rules.table("events")
    morph = rules.table("morphology")["endings"]
    if not table or not grammar:
        return _Compiled((), None, grammar, (), ())
    verb_chain = _verb_chain(rules)
    compiled = tuple(_compile_rule(rule_id, body, rules, verb_chain) for rule_id, body in table.items())
    firsts = {
        rule.id: {_first_word(t) for t in (*rule.body.get("triggers", ()), *rule.body.get("words", ()))}
        for rule in compiled
    }
    literals = {f for words in firsts.values() for f in words}
    union = re.compile(_UNION_GUARD + trie(literals)) if literals else None
    # The same union reading the character before the word instead of looking behind: the
    # engine then skips to the spaces and marks fast and tries the words only after them
    # (a lookbehind first makes it try every position).  It also reads on to the end of the
    # word, for the word cache of _rule_hits.  See _union_hits.
    after_guard = (
        re.compile(rf"[^{_GUARD_LETTERS}]({trie(literals)})(?=(\S{{0,{_LONGEST_WORD + 1}}}))") if literals else None
    )
    # The union matches the longest first word at a position; a rule may start with any first
    # word that is a prefix of it (кел- where the union read келіс).  Rules keep their order.
    by_first = {
        hit: tuple(r for r in compiled if any(hit.startswith(f) for f in firsts[r.id])) for hit in literals
    }
    dependent = tuple(sorted({*morph["genitive"], *morph["dative"], *morph["instrumental"]}, key=len, reverse=True))
    participle = tuple(grammar["verb"]["participle"])
    modality = grammar.get("modality", {})
    globs = {
        key: _globs(tuple(modality.get(key, ())))
        for key in ("negated_after", "possible_after", "planned_after", "planned_before")
    }
    verbal_noun = frozenset(grammar["verb"]["verbal_noun"])
    return _Compiled(
        compiled,
        union,
        grammar,
        dependent,
        participle,
        by_first,
        verbal_noun,
        globs,
        union_after=after_guard,
        function_words=frozenset(grammar.get("clause", {}).get("function_words", ())),
        dependent_or_participle=dependent + participle,
    )


def compiled_rules(rules: Rules) -> _Compiled:
    """The event rules of *rules*, compiled once and kept on the Rules object."""
    found: _Compiled = rules.compiled("events.compiled", _compile)
    return found


# --- the per-text pass --------------------------------------------------------------------


class _Sentence:
    """One sentence with a trigger; its tokens, entities and mentions are read when a rule asks.

    Most trigger hits are turned down by cheap checks (the word form, words before and after),
    so the entities of their sentence are never needed.  Each is computed once and shared by
    every rule that fires in the sentence.
    """

    __slots__ = (
        "_atoms",
        "_cases",
        "_ends",
        "_entities",
        "_entity_starts",
        "_mention_starts",
        "_mentions",
        "_span",
        "_tokens",
        "all_mentions",
        "context",
        "end",
        "start",
    )

    def __init__(self, context: Any, mentions: Sequence[Any], start: int, end: int) -> None:
        self.context = context
        self.all_mentions = mentions
        self.start = start
        self.end = end
        self._tokens: list[tuple[int, int, str]] | None = None
        self._ends: list[int] = []
        self._atoms: list[Any] | None = None
        self._cases: frozenset[str] | None = None
        self._entities: list[Candidate] | None = None
        self._entity_starts: list[int] = []
        self._mentions: list[Any] | None = None
        self._mention_starts: list[int] = []
        self._span: Span | None = None

    @property
    def span(self) -> Span:
        """The sentence in the original text (one object shared by the sentence's events)."""
        if self._span is None:
            self._span = self.context.text.span(self.start, self.end)
        return self._span

    @property
    def tokens(self) -> list[tuple[int, int, str]]:
        """Words, numbers and punctuation marks: (start, end, lower-case text)."""
        return self._read_tokens() if self._tokens is None else self._tokens

    def index_before(self, pos: int) -> int:
        """Index of the last token ending at or before *pos* (-1 if none)."""
        if self._tokens is None:
            self._read_tokens()
        return bisect.bisect_right(self._ends, pos) - 1

    def _read_tokens(self) -> list[tuple[int, int, str]]:
        """Fill and return ``_tokens``, and fill ``_ends`` (the token ends, for bisect)."""
        # ``lower`` is ``norm`` lower-cased letter for letter, so it splits into the same tokens
        lower: str = self.context.text.lower
        found = _TOKENS.match(lower, self.start, self.end) if self.end - self.start <= _ONE_MATCH else None
        if found is not None:
            self._ends = found.ends(1)
            self._tokens = list(zip(found.starts(1), self._ends, found.captures(1), strict=True))
        else:
            self._tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(lower, self.start, self.end)]
            self._ends = [end for _, end, _ in self._tokens]
        return self._tokens

    @property
    def atoms(self) -> list[Any]:
        """The pieces the entities are built of (see :func:`qazparse.entities.sentence_atoms`)."""
        if self._atoms is None:
            self._atoms = sentence_atoms(self.context, self.start, self.end)
        return self._atoms

    @property
    def cases(self) -> frozenset[str]:
        """Every case an entity of the sentence may have."""
        if self._cases is None:
            self._cases = possible_cases(self.atoms)
        return self._cases

    @property
    def entities(self) -> list[Candidate]:
        """The named entities of the sentence, in text order."""
        if self._entities is None:
            self._entities = sentence_entities(self.context, self.start, self.end, self.atoms)
            self._entity_starts = [e.start for e in self._entities]
        return self._entities

    @property
    def mentions(self) -> list[Any]:
        """The resolved mentions inside the sentence (spans of the original text)."""
        if self._mentions is None:
            text = self.context.text
            o_start, o_end = text.start_of(self.start), text.end_of(self.end)
            ordered, starts = self.context.shared("events.mentions", lambda c: _sorted_mentions(self.all_mentions))
            lo, hi = bisect.bisect_left(starts, o_start), bisect.bisect_left(starts, o_end)
            self._mentions = [m for m in ordered[lo:hi] if m.span.end <= o_end]
            self._mention_starts = [m.span.start for m in self._mentions]
        return self._mentions

    def entities_in(self, start: int, end: int) -> list[Candidate]:
        """The entities lying inside ``[start, end)`` (norm offsets)."""
        entities = self.entities
        starts = self._entity_starts
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end, lo)
        return [e for e in entities[lo:hi] if e.end <= end]

    def mentions_in(self, start: int, end: int) -> list[Any]:
        """The mentions lying inside ``[start, end)`` (original offsets)."""
        mentions = self.mentions
        starts = self._mention_starts
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end, lo)
        return [m for m in mentions[lo:hi] if m.span.end <= end]


# How far from the trigger arguments are looked for (characters of normalised text).
_LEFT, _RIGHT = 400, 200


def events_in(context: Any, mentions: Sequence[Any]) -> list[Event]:
    """The events in the text of *context*, given the resolved *mentions*.

    Runs the table rules (one compiled trigger pass; sentences without a trigger are skipped)
    and then every callable rule in ``context.rules.event_rules``.
    """
    rules: Rules = context.rules
    found: list[Event] = []
    comp = compiled_rules(rules)
    if comp.union is not None:
        hits = _union_hits(comp, context.text.lower, context.body_start)
        if hits:
            found = _table_events(context, mentions, comp, hits)
    for rule in rules.event_rules:
        for event in rule(context, context.sentences(), mentions):
            if not isinstance(event, Event):
                name = getattr(rule, "__name__", repr(rule))
                raise TypeError(f"event rule {name} returned {type(event).__name__}, not an Event")
            found.append(event)
    found.sort(key=lambda e: (e.trigger.start, e.trigger.end, e.type))
    return found


def _union_hits(comp: _Compiled, lower: str, start: int) -> list[tuple[int, str, str | None]]:
    """Where a rule's first word starts (not after a letter or mark), with the longest first word
    there and the run of non-spaces from there (None when not read: see _rule_hits)."""
    hits: list[tuple[int, str, str | None]] = []
    if comp.union is None or comp.union_after is None:
        return hits
    # ``union.search(lower, pos)`` finds the first place at or after pos whose previous character
    # is not a guard letter; ``union_after`` reads that previous character itself, so searched
    # from pos - 1 it finds the same place (one after its match start) and the same words.  Only
    # the very start of the text has no previous character: it is tried with ``union``.
    pos = start
    if pos == 0 and (m := comp.union.match(lower)) is not None:
        hits.append((0, m.group(), None))
        pos = m.end()
    search = comp.union_after.search
    while (m := search(lower, pos - 1 if pos else 0)) is not None:
        at = m.start(1)
        if not lower[at - 1].isspace() and _AFTER_LETTER.match(lower, at - 1):
            pos = at + 1  # after a letter the fast guard does not know: look again from the next place
            continue
        first, rest = m.group(1, 2)
        hits.append((at, first, first + rest))
        pos = m.end()
    return hits


def _table_events(
    context: Any, mentions: Sequence[Any], comp: _Compiled, hits: list[tuple[int, str, str | None]]
) -> list[Event]:
    bounds = context.sentences()
    starts = [b[0] for b in bounds]
    lower: str = context.text.lower
    sentences: dict[int, _Sentence] = {}
    out: list[tuple[int, Event]] = []
    word_hits = comp.word_hits
    for pos, first, word in hits:
        index = bisect.bisect_right(starts, pos) - 1
        if index < 0:
            continue
        s_start, s_end = bounds[index]
        if pos >= s_end:
            continue
        # what _rule_hits has kept for the word (the run of non-spaces it reads here); it keeps
        # only the words no pattern tried at *first* reads past
        found = None
        if word is not None and len(word) <= _LONGEST_WORD and pos + len(word) <= s_end:
            found = word_hits.get((first, word))
        if found is None:
            found = _rule_hits(comp, lower, pos, s_end, first, word)
        for rule, m_end, groups in found:
            if index not in sentences:
                sentences[index] = _Sentence(context, mentions, s_start, s_end)
            event = _apply(context, comp, rule, pos, pos + m_end, groups, sentences[index])
            if event is not None:
                out.append((rule.priority, event))
    return _dedupe(out)


_RuleHit = tuple[_Rule, int, dict[str, Any]]
"""A rule whose pattern matched at a hit: (rule, match length, named groups)."""

_WORD_RUN = re.compile(r"\S+")


def _rule_hits(
    comp: _Compiled, lower: str, pos: int, end: int, first: str, word: str | None = None
) -> tuple[_RuleHit, ...]:
    """The rules whose patterns match at *pos* (where the union read *first*), in rule order,
    without the forms a rule skips (``not_forms``).

    A pattern that stays inside one word matches or not by that word alone (it reads letters,
    marks, hyphens and apostrophes, and then looks for a non-letter: a space or the sentence
    end both are), so what the patterns found is kept per word: texts repeat their verbs.
    *word*, when given, is the run of non-spaces from *pos* (up to _LONGEST_WORD + 1 of them)
    as the union read it, regardless of *end*.
    """
    key: tuple[str, str] | None = None
    if comp.stays_in_word(first):
        # a word longer than any a pattern reads (a run of hyphenated stems) is matched in place
        if word is not None and len(word) <= _LONGEST_WORD and pos + len(word) <= end:
            key = (first, word)  # what _WORD_RUN reads here
        else:
            run = _WORD_RUN.match(lower, pos, min(end, pos + _LONGEST_WORD + 1))
            if run is not None and run.end() - pos <= _LONGEST_WORD:
                key = (first, run.group())
        if key is not None:
            found = comp.word_hits.get(key)
            if found is not None:
                return found
    hits: list[_RuleHit] = []
    # Only the rules with a first word that *first* starts with can match here (the union read
    # the longest first word at pos); each tries its whole pattern, whose other triggers fail at
    # their first letters.
    for rule in comp.by_first.get(first, ()):
        match = rule.pattern.match(lower, pos, end)
        if match is None:
            continue
        if rule.not_forms_re is not None and rule.not_forms_re.match(match.group().rsplit(None, 1)[-1]):
            continue  # a form the rule skips (its last word)
        hits.append((rule, match.end() - pos, match.groupdict()))
    result = tuple(hits)
    if key is not None:
        if len(comp.word_hits) >= _WORD_CACHE_SIZE:
            comp.word_hits.clear()
        comp.word_hits[key] = result
    return result


_WORD_CACHE_SIZE = 50_000
_LONGEST_WORD = 64


def _sorted_mentions(mentions: Sequence[Any]) -> tuple[list[Any], list[int]]:
    ordered = sorted(mentions, key=_span_start)
    return ordered, list(map(_span_start, ordered))


_span_start = operator.attrgetter("span.start")


def _dedupe(found: list[tuple[int, Event]]) -> list[Event]:
    """Of two events of one type on overlapping triggers keep the higher priority, then the longer."""
    found.sort(key=lambda pe: (-pe[0], -(pe[1].trigger.end - pe[1].trigger.start), pe[1].trigger.start))
    kept: list[Event] = []
    taken: dict[str, list[tuple[int, int]]] = {}
    for _, event in found:
        spans = taken.setdefault(event.type, [])
        s, e = event.trigger.start, event.trigger.end
        i = bisect.bisect_left(spans, (s, e))
        if (i < len(spans) and spans[i][0] < e) or (i > 0 and spans[i - 1][1] > s):
            continue
        spans.insert(i, (s, e))
        kept.append(event)
    return kept


# --- one trigger --------------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _globs(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled regex for a list of shell-style word patterns (``жоспарлан*``)."""
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns) or "(?!)")


def _is_word(token: tuple[int, int, str]) -> bool:
    return token[2][:1].isalpha()


def _apply(
    context: Any, comp: _Compiled, rule: _Rule, t_start: int, m_end: int, groups: dict[str, Any], sent: _Sentence
) -> Event | None:
    lower: str = context.text.lower
    body = rule.body
    grammar = comp.grammar
    t_end = m_end
    if rule.reject_before or rule.require_before:
        before = lower[max(sent.start, t_start - _RIGHT) : t_start]
        if any(p.search(before) for p in rule.reject_before):
            return None
        if rule.require_before and not any(p.search(before) for p in rule.require_before):
            return None
    if rule.reject_after or rule.require_after:
        after = lower[t_end : min(sent.end, t_end + _RIGHT)]
        if any(p.search(after) for p in rule.reject_after):
            return None
        if rule.require_after and not any(p.search(after) for p in rule.require_after):
            return None
    nominal = groups.get("noun") is not None or (
        groups.get("verb") is not None and (groups.get("nom") or "") in comp.verbal_noun
    )
    if nominal:
        extended = _nominal_ok(comp, rule, sent, t_start, t_end, lower)
        if extended is None:
            return None
        t_end = extended
    args = _Args()
    if rule.mention_needs:
        # what the mentions give is known before any entity is read
        _mentions(context, body, sent, t_start, t_end, args)
        if body.get("quote"):
            args.quote = _quote(context, t_start)
        if not all(_has(args, need) for need in rule.mention_needs):
            return None
    if rule.case_needs and any(sent.cases.isdisjoint(cases) for cases in rule.case_needs):
        return None  # no entity of the sentence can fill a required role
    embedded = bool(body.get("embedded")) and _embedded(grammar, sent, t_end, lower)
    left_from = max(sent.start, t_start - _LEFT)
    if embedded:
        acc = [e for e in sent.entities_in(left_from, t_start) if e.case == "accusative"]
        if not acc:
            embedded = False
        else:
            left_from = acc[-1].start
    if not _arguments(context, comp, rule, sent, t_start, t_end, left_from, nominal, embedded, args):
        return None
    return _build(context, comp, rule, m_end, groups, sent, t_start, t_end, args, embedded)


def _nominal_ok(comp: _Compiled, rule: _Rule, sent: _Sentence, t_start: int, t_end: int, lower: str) -> int | None:
    """Is a noun trigger an event here?  Returns the trigger end (extended over a light verb)."""
    grammar = comp.grammar["clause"]
    tokens = sent.tokens
    i = sent.index_before(t_start)
    while i >= 0 and tokens[i][2] in rule.modifier_words:
        i -= 1
    if i >= 0 and tokens[i][2] in grammar["demonstratives"]:
        return None
    if rule.light is not None:
        j = sent.index_before(t_end) + 1
        for k in range(j, min(j + 3, len(tokens))):
            if not _is_word(tokens[k]):
                break
            hit = rule.light.match(lower, tokens[k][0])
            if hit is not None:
                return hit.end()
    if not rule.body.get("needs_dependent", True):
        return t_end
    function_words = comp.function_words
    seen = 0
    while i >= 0 and seen < 2:
        word = tokens[i][2]
        if not _is_word(tokens[i]):
            if word in "-–—" and i > 0:
                i -= 1
                continue
            break
        if word not in function_words:
            seen += 1
            if len(word) > 3 and word.endswith(comp.dependent_or_participle):
                return t_end
        i -= 1
    return None


def _embedded(grammar: dict[str, Any], sent: _Sentence, t_end: int, lower: str) -> bool:
    """``... сапармен келуге шақырды``: the trigger is the dative verbal noun under a controller."""
    # the last word before t_end (trailing spaces skipped) ends so; its last 3 letters are enough
    i = t_end
    while i > 0 and lower[i - 1].isspace():
        i -= 1
    if not lower[max(0, i - 3) : i].endswith(("уға", "уге", "юға", "юге")):
        return False
    tokens = sent.tokens
    j = sent.index_before(t_end) + 1
    if j >= len(tokens):
        return False
    return tokens[j][2].startswith(tuple(grammar["clause"]["controllers"]))


class _Args:
    """What a rule found around its trigger (filled step by step, then built into an Event)."""

    __slots__ = (
        "agent",
        "attributes",
        "count",
        "date",
        "destination",
        "destinations",
        "extra_spans",
        "location",
        "participants",
        "quantities",
        "quote",
    )

    def __init__(self) -> None:
        self.agent: Candidate | None = None
        self.participants: list[Candidate] = []
        self.location: Candidate | None = None
        self.destination: Candidate | None = None
        self.destinations: list[Candidate] = []
        self.attributes: dict[str, str] = {}
        self.date: DateMention | None = None
        self.count: Number | None = None
        self.quantities: list[Any] = []
        self.quote: tuple[int, int] | None = None
        self.extra_spans: list[tuple[int, int]] = []


_AGENT_TYPES = ("person", "title", "organization", "country", "city", "other")


def _arguments(
    context: Any,
    comp: _Compiled,
    rule: _Rule,
    sent: _Sentence,
    t_start: int,
    t_end: int,
    left_from: int,
    nominal: bool,
    embedded: bool,
    args: _Args,
) -> bool:
    """Fill *args* (False when a role the rule requires is missing)."""
    body = rule.body
    roles: dict[str, str] = body.get("roles", {})
    roles_after: dict[str, str] = body.get("roles_after", {})
    participant_types = rule.participant_types
    left = sent.entities_in(left_from, t_start)
    if embedded:
        args.agent = left[0] if left and left[0].case == "accusative" else None
        left = left[1:]
    # the agent: a genitive possessor of a noun trigger, else the leftmost free nominative
    elif roles.get("genitive") == "agent" and nominal:
        gen = [e for e in left if e.case == "genitive" and e.type in ("person", "title", "organization")]
        if gen:
            args.agent = gen[-1]
    if args.agent is None and not embedded and roles.get("nominative") == "agent":
        agent_types = rule.agent_types
        noms = [
            e
            for e in left
            if e.case == "nominative"
            and not e.oblique
            and e.type in agent_types
            and not _relative_subject(sent, e, t_start, comp)
        ]
        named = [e for e in noms if e.type in ("person", "title", "organization")]
        noms = named or noms
        if noms:
            args.agent = noms[0]
            args.participants += [e for e in noms[1:] if e.group == noms[0].group]
    if roles_after:
        right = sent.entities_in(t_end, min(sent.end, t_end + _RIGHT))
        near = [e for e in right if e.start - t_end <= 40]
        for case, role in roles_after.items():
            hit = next((e for e in near if e.case == case), None)
            if hit is None and role not in ("agent", "participant", "location", "destination"):
                token = _token_with_case(context, sent, t_end, case)
                if token:
                    args.attributes[role] = token
                continue
            if hit is not None:
                _assign(args, role, hit, participant_types)
    for case, role in roles.items():
        if role == "agent" or case == "nominative":
            continue
        found = [e for e in left if e.case == case]
        if not found:
            continue
        if role == "participant":
            for e in found:
                _assign(args, role, e, participant_types)
        else:
            _assign(args, role, found[-1], participant_types)
            if role == "destination":
                args.destinations = [e for e in left if e.group == found[-1].group]
    if not all(_has(args, need) for need in rule.entity_needs):
        return False
    if "object" in body:
        obj = _object(context, sent, t_start, body["object"]["case"])
        if obj is not None:
            args.attributes[body["object"]["attribute"]] = obj
    if not rule.mention_needs:  # else read before the entities
        _mentions(context, body, sent, t_start, t_end, args)
        if body.get("quote"):
            args.quote = _quote(context, t_start)
    return True


def _relative_subject(sent: _Sentence, entity: Candidate, t_start: int, comp: _Compiled) -> bool:
    """``Президент Трамп ұсынған кеңес``: the subject of a participle before the trigger."""
    j = sent.index_before(entity.end) + 1
    if j >= len(sent.tokens):
        return False
    start, _, word = sent.tokens[j]
    return start < t_start and word.endswith(comp.participle_endings)


def _assign(args: _Args, role: str, entity: Candidate, participant_types: tuple[str, ...]) -> None:
    if role == "agent":
        args.agent = args.agent or entity
    elif role == "participant":
        if entity.type in participant_types and entity not in args.participants and entity is not args.agent:
            args.participants.append(entity)
    elif role == "location":
        args.location = args.location or entity
    elif role == "destination":
        args.destination = args.destination or entity
    else:
        args.attributes.setdefault(role, entity.text)
        args.extra_spans.append((entity.start, entity.end))


def _has(args: _Args, need: str) -> bool:
    return {
        "agent": args.agent is not None,
        "participant": bool(args.participants),
        "location": args.location is not None,
        "destination": args.destination is not None,
        "date": args.date is not None,
        "count": args.count is not None,
        "quantity": bool(args.quantities),
        "quote": args.quote is not None,
    }[need]


def _case_word(context: Any, word: str, case: str) -> str | None:
    stem, found = strip_case(word, context.rules)
    if found == case:
        return stem
    return None


def _object(context: Any, sent: _Sentence, t_start: int, case: str) -> str | None:
    """The nearest of the (up to 3) words before the trigger in *case*: ``келісімге қол қойды``.

    A nominative object is the word before ``болып``/``ретінде`` (``әкімі болып ... тағайындалды``).
    """
    i = sent.index_before(t_start)
    norm: str = context.text.norm
    if case == "nominative":
        k = next((k for k in range(i, max(i - 6, -1), -1) if sent.tokens[k][2] in ("болып", "ретінде")), -1)
        if k <= 0 or not _is_word(sent.tokens[k - 1]):
            return None
        start, end, _ = sent.tokens[k - 1]
        return norm[start:end]
    for k in range(i, max(i - 3, -1), -1):
        if not _is_word(sent.tokens[k]):
            return None
        start, end, _ = sent.tokens[k]
        word = norm[start:end]
        if case == "nominative":
            return word
        found = _case_word(context, word, case)
        if found:
            return found
    return None


def _token_with_case(context: Any, sent: _Sentence, t_end: int, case: str) -> str | None:
    norm: str = context.text.norm
    j = sent.index_before(t_end) + 1
    for start, end, word in sent.tokens[j : j + 5]:
        if not word[:1].isalpha():
            break
        found = _case_word(context, norm[start:end], case)
        if found:
            return found
    return None


# --- mentions: date, count, quantities ----------------------------------------------------


def _mentions(context: Any, body: dict[str, Any], sent: _Sentence, t_start: int, t_end: int, args: _Args) -> None:
    text = context.text
    o_start, o_end = text.start_of(t_start), text.end_of(t_end)
    original: str = text.original
    near = sent.mentions_in(text.start_of(max(sent.start, t_start - _LEFT)), text.end_of(min(sent.end, t_end + _RIGHT)))
    if not near:
        return  # no date, count or amount
    dates = [m for m in near if isinstance(m, DateMention)]
    before = [d for d in dates if d.span.end <= o_start]
    args.date = before[-1] if before else next((d for d in dates if d.span.start >= o_end), None)
    if args.date is not None and args.date.span.start >= o_end:
        # a date after the trigger counts only inside the same clause
        between = text.original[o_end : args.date.span.start]
        if _BOUNDARY.search(between):
            args.date = None
    used: set[int] = set()
    if body.get("count"):
        for m in reversed(near):
            if m.span.end > o_start or o_start - m.span.end > 40:
                continue
            gap = original[m.span.end : o_start]
            if any(c in gap for c in ",.;:!?"):
                continue
            if isinstance(m, Quantity) and m.dimension == "count":
                args.count = Number(m.value, m.span, m.qualifier, m.low, m.high)
            elif isinstance(m, Number):
                words = gap.lower().split()
                if words[:1] in (["рет"], ["мәрте"]) or len(words) <= 2:
                    args.count = m
            if args.count is not None:
                used.add(id(m))
                break
    if body.get("quantities"):
        lower: str = text.lower
        # the clause starts after the last boundary before the trigger (one may stand right there)
        floor = max(sent.start, t_start - _LEFT)
        bounds = _BOUNDARY.finditer(lower, floor, min(len(lower), t_start + 2), overlapped=True)
        starts = [b.start() for b in bounds if b.start() < t_start]
        left = starts[-1] + 1 if starts else floor
        right = t_end
        ceiling = min(sent.end, t_end + _RIGHT)
        clause_end = _BOUNDARY.search(lower, t_end, ceiling)
        right = clause_end.start() if clause_end else ceiling
        if clause_end and clause_end.start() - t_end <= 1:
            following = _BOUNDARY.search(lower, clause_end.end(), ceiling)
            right = following.start() if following else ceiling
        lo, hi = text.start_of(left), text.end_of(right)
        date_spans = [d.span for d in dates]
        for m in near:
            if id(m) in used or not isinstance(m, (Money, Quantity, Distance, Number)):
                continue
            if isinstance(m, Quantity) and m.dimension == "count":
                continue
            if lo <= m.span.start and m.span.end <= hi and not any(d.contains(m.span) for d in date_spans):
                args.quantities.append(m)


# --- quotes -------------------------------------------------------------------------------


def _quote(context: Any, t_start: int) -> tuple[int, int] | None:
    """The quoted words a speech verb closes: ``«...», — деді``, or the paragraph before ``– деді``."""
    norm: str = context.text.norm
    i = t_start
    while i > 0 and norm[i - 1] in " ,.-–—\u00a0":
        i -= 1
    if i > 0 and norm[i - 1] in _OPEN_QUOTE:
        close = i - 1
        opening = norm.rfind(_OPEN_QUOTE[norm[close]], max(0, close - 5000), close)
        if opening >= 0:
            return opening + 1, close
        return None
    line = norm.rfind("\n", 0, i) + 1
    while line < i and norm[line] in " -–—\t":
        line += 1
    while i > line and norm[i - 1] in " ,-–—":
        i -= 1
    return (line, i) if i > line else None


# --- building the event -------------------------------------------------------------------


def _modality(
    comp: _Compiled,
    rule: _Rule,
    m_end: int,
    groups: dict[str, Any],
    lower: str,
    t_start: int,
    t_end: int,
    sent: _Sentence,
    embedded: bool,
    before_index: int,
) -> str:
    if "modality" in rule.body:
        return str(rule.body["modality"])
    grammar = comp.grammar["modality"]
    window = int(grammar["window"])
    tokens = sent.tokens
    j = sent.index_before(t_end) + 1
    # the modality word lists the words after the trigger are on (bits): the first two, all
    first_two = after = 0
    for n, (_, _, w) in enumerate(tokens[j : j + window]):
        if not w[:1].isalpha():
            break
        after |= _modal_kinds(comp, w)
        if n < 2:
            first_two = after
    if rule.light is not None and t_end > m_end:
        # the light verb carries the tense: `сапармен бармайды`, `кездесу өткізеді`
        light = rule.light.search(lower, m_end, t_end)
        if light is not None:
            groups = light.groupdict()
    verb = groups.get("verb") is not None
    if (verb and groups.get("neg")) or first_two & _NEGATED:
        return "negated"
    tense = (groups.get("tense") or "") if verb else ""
    nom = (groups.get("nom") or "") if verb else ""
    if tense in grammar["possible_forms"] or after & _POSSIBLE:
        return "possible"
    if embedded or after & _PLANNED_AFTER:
        return "planned"
    i = before_index
    for _, _, w in tokens[max(0, i - 2) : i + 1]:
        if _modal_kinds(comp, w) & _PLANNED_BEFORE:
            return "planned"
    if rule.body.get("tense_modality", True) and (
        tense in grammar["planned_forms"]
        or (nom in grammar["planned_forms"] and lower[t_end - len(nom) : t_end] == nom)
    ):
        return "planned"
    return "done"


# Which word lists of the modality grammar a word is on (bits), kept per word in _Compiled.
_NEGATED, _POSSIBLE, _PLANNED_AFTER, _PLANNED_BEFORE = 1, 2, 4, 8
_MODAL_LISTS = (
    ("negated_after", _NEGATED),
    ("possible_after", _POSSIBLE),
    ("planned_after", _PLANNED_AFTER),
    ("planned_before", _PLANNED_BEFORE),
)


def _modal_kinds(comp: _Compiled, word: str) -> int:
    """The modality word lists (``negated_after``, ...) that match *word*, as bits."""
    found = comp.modal_words.get(word)
    if found is None:
        found = sum(bit for key, bit in _MODAL_LISTS if comp.globs[key].match(word))
        if len(comp.modal_words) >= _WORD_CACHE_SIZE:
            comp.modal_words.clear()
        comp.modal_words[word] = found
    return found


def _entity(span: Callable[[int, int], Span], cand: Candidate | None) -> Entity | None:
    if cand is None:
        return None
    return Entity(cand.text, cand.type, span(cand.start, cand.end))


def _build(
    context: Any,
    comp: _Compiled,
    rule: _Rule,
    m_end: int,
    groups: dict[str, Any],
    sent: _Sentence,
    t_start: int,
    t_end: int,
    args: _Args,
    embedded: bool,
) -> Event:
    text = context.text
    lower: str = text.lower
    body = rule.body
    attributes: dict[str, str] = dict(body.get("attributes", {}))
    attributes.update(args.attributes)
    i = sent.index_before(t_start)
    if rule.modifier_words:
        near = {w for _, _, w in sent.tokens[max(0, i - 2) : i + 1]} | set(lower[t_start:t_end].split())
        for name, table in body["modifiers"].items():
            for word, value in table.items():
                if word in near:
                    attributes[name] = value
                    break
    if body.get("direction") and args.destination is not None and args.destination.home is not None:
        attributes["direction"] = "incoming" if args.destination.home else "outgoing"
    if len(args.destinations) > 1:
        attributes["destinations"] = "; ".join(d.text for d in args.destinations)
    if args.agent is not None and args.agent.title:
        attributes["agent_title"] = args.agent.title
    span = text.span
    quote = None if args.quote is None else span(*args.quote)
    if quote is not None:
        attributes["quote"] = quote.text
    trigger = span(t_start, t_end)
    lo, hi = trigger.start, trigger.end
    agent = _entity(span, args.agent)
    participants = tuple(Entity(c.text, c.type, span(c.start, c.end)) for c in args.participants)
    location = _entity(span, args.location)
    destination = _entity(span, args.destination)
    # the event spans from the first to the last of its parts
    parts: list[Span] = [ent.span for ent in (agent, location, destination, *participants) if ent is not None]
    parts += [m.span for m in (args.date, args.count, *args.quantities) if m is not None]
    if args.extra_spans:
        parts += [span(a, b) for a, b in args.extra_spans]
    if quote is not None:
        parts.append(quote)
    for part in parts:
        if part.start < lo:
            lo = part.start
        if part.end > hi:
            hi = part.end
    return Event(
        type=rule.type,
        trigger=trigger,
        sentence=sent.span,
        span=Span(lo, hi, text.original[lo:hi]),
        rule=rule.id,
        agent=agent,
        participants=participants,
        location=location,
        destination=destination,
        date=args.date,
        count=args.count,
        quantities=tuple(args.quantities),
        modality=_modality(comp, rule, m_end, groups, lower, t_start, t_end, sent, embedded, i),
        attributes=tuple(sorted(attributes.items())),
    )


__all__ = ["EventRule", "compiled_rules", "events_in"]
