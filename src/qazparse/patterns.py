"""User patterns: new mention types built from words, stems, built-in dimensions and token regexes.

A pattern is a label and a sequence of elements; it finds mentions such as a salary
(``айлық жалақы 350 мың теңге``) or a price per unit (``литріне 250 теңге``) and returns them
as :class:`~qazparse.values.CustomMention` values whose captured parts are typed: a salary
holds its :class:`~qazparse.values.Money`.  Patterns are data (TOML ``[[patterns]]`` tables,
JSON lines, dicts) or the :class:`Pattern` and :class:`Element` objects below; they are
validated when added (``qazparse.rules.schemas.patterns``), compiled once per
:class:`~qazparse.rules.Rules`, and run by :func:`extract_patterns`, the last built-in
extractor, on top of what the numeral, date and quantity extractors found.

>>> from qazparse import default_rules, extract
>>> rules = default_rules().with_patterns([
...     Pattern("rate", [Element(stem="бағам"), Element(regex=r"\\d+(?:[.,]\\d+)?", capture="value")]),
... ])
>>> [m.capture("value").text for m in extract("Доллар бағамы 470,5 болды.", rules=rules).by_label("rate")]
['470,5']

How matching works (see ``docs/patterns.md``): the text is split into tokens (words, numbers,
single signs), a match never crosses a line break, and each pattern is run over the tokens as a
small memoised automaton: every (element, repetition, token) state is visited at most once, so a
pattern costs time linear in the length of the line times the length of the pattern.  Before any
of that, a pattern's literal words and stems are looked up in the text with plain substring
search; a pattern whose words are absent costs one fast scan and nothing more.
"""

from __future__ import annotations

import bisect
import enum
import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import regex

from .morphology import ending_groups, inflected, split_endings, stem_variants
from .rules import Rules
from .rules.schemas.patterns import DIMENSIONS, TOKEN, repetitions
from .values import CustomMention, Span

if TYPE_CHECKING:
    from .extract import Context

REGEX_TIMEOUT = 0.05
"""Seconds a user regex may spend on one token before it counts as not matching.

Patterns that could backtrack exponentially (nested quantifiers) are refused when loaded;
the timeout is the second line of defence against merely slow ones."""

_SPLIT = regex.compile(f"({TOKEN.pattern})")

MAX_REGEX_TOKEN = 256
"""A token longer than this never matches a ``regex`` element."""


# --- the Python API -----------------------------------------------------------------------------------------


def _strings(value: str | Iterable[str] | None) -> str | tuple[str, ...] | None:
    if value is None or isinstance(value, str):
        return value
    return tuple(value)


def _pair(value: Sequence[int] | None) -> tuple[int, int] | None:
    if value is None:
        return None
    low, high = value
    return (low, high)


@attrs.frozen
class Element:
    """One element of a :class:`Pattern`; give exactly one of ``word``, ``stem``, ``dimension``, ``regex``.

    Attributes:
        word: a literal token, or a list of them (any of), matched case-insensitively.
        stem: a stem, or a list, matched with any chain of case, plural and possessive endings.
        cases: for a stem, the case(s) its last ending must have (``"dative"``), or a chain of
            them (``"possessive3+dative"`` for ``литріне``); ``"nominative"`` is no ending.
        dimension: a built-in mention: ``number``, ``ordinal``, ``money``, ``distance``,
            ``quantity`` or ``date``.
        currency, unit, dimension_of, qualifier, grain: constraints on that mention (a value or a
            list of allowed values): ``currency="KZT"``, ``unit="km"``, ``dimension_of="mass"``,
            ``qualifier="more_than"``, ``grain="year"``.
        regex: a regular expression that must match one whole token as written (not lowered).
        optional: the element may be absent.
        repeat: ``(min, max)`` repetitions (``max`` at most 16).
        capture: the name its match is kept under in ``CustomMention.captures``.

    >>> Element(stem="литр", cases=["possessive3+dative"], capture="unit").as_data()
    {'stem': 'литр', 'cases': ['possessive3+dative'], 'capture': 'unit'}
    """

    word: str | tuple[str, ...] | None = attrs.field(default=None, converter=_strings)
    stem: str | tuple[str, ...] | None = attrs.field(default=None, converter=_strings)
    cases: str | tuple[str, ...] | None = attrs.field(default=None, converter=_strings)
    dimension: str | None = None
    currency: str | tuple[str, ...] | None = attrs.field(default=None, converter=_strings)
    unit: str | tuple[str, ...] | None = attrs.field(default=None, converter=_strings)
    dimension_of: str | tuple[str, ...] | None = attrs.field(default=None, converter=_strings)
    qualifier: str | tuple[str, ...] | None = attrs.field(default=None, converter=_strings)
    grain: str | tuple[str, ...] | None = attrs.field(default=None, converter=_strings)
    regex: str | None = None
    optional: bool = False
    repeat: tuple[int, int] | None = attrs.field(default=None, converter=_pair)
    capture: str | None = None

    def as_data(self) -> dict[str, Any]:
        """The element as pattern data (what a TOML inline table would hold)."""
        data: dict[str, Any] = {}
        for field in attrs.fields(Element):
            value = getattr(self, field.name)
            if value is None or (field.name == "optional" and value is False):
                continue
            data[field.name] = list(value) if isinstance(value, tuple) else value
        return data


@attrs.frozen
class Pattern:
    """A user mention type: an id, the elements in order, and the label its mentions get.

    Attributes:
        id: names the pattern in errors, in ``CustomMention.rule`` and in ``explain()``.
        elements: :class:`Element` objects or element dicts, in text order.
        label: the label of the mentions (``Extraction.by_label``); defaults to the id.

    >>> salary = Pattern("salary", [Element(stem="жалақы"), Element(dimension="money", capture="amount")])
    >>> salary.as_data()["elements"][1]
    {'dimension': 'money', 'capture': 'amount'}
    """

    id: str
    elements: tuple[Element | Mapping[str, Any], ...] = attrs.field(converter=tuple)
    label: str | None = None

    def as_data(self) -> dict[str, Any]:
        """The pattern as data, in the ``patterns`` table format."""
        data: dict[str, Any] = {"id": self.id}
        if self.label is not None:
            data["label"] = self.label
        data["elements"] = [e.as_data() if isinstance(e, Element) else dict(e) for e in self.elements]
        return data


# --- compiled elements --------------------------------------------------------------------------------------

Ends = Sequence[tuple[int, Any]]
"""Where an element's match starting at a token can end (token index past it), with its value."""
_NONE: Ends = ()


@attrs.frozen(eq=False)
class _Part:
    """A compiled element: how often it may match, what it captures, and how it matches a token."""

    low: int
    high: int
    capture: str | None
    needles: tuple[str, ...]  # lower-case substrings present wherever it matches (words, stems)
    finder: regex.Pattern[str] | None  # finds where it may match in the lower-case text (words, stems)

    def ends(self, doc: _Doc, line: _Line, pos: int) -> Ends:
        """The matches of this element at token *pos* of *line*."""
        raise NotImplementedError

    def starts(self, doc: _Doc, line: _Line) -> Iterable[int]:
        """The tokens of *line* where a match of this element may start (a cheap superset)."""
        return range(len(line.lower))


@attrs.frozen(eq=False)
class _Word(_Part):
    words: frozenset[str]

    def ends(self, doc: _Doc, line: _Line, pos: int) -> Ends:
        return ((pos + 1, None),) if line.lower[pos] in self.words else _NONE

    def starts(self, doc: _Doc, line: _Line) -> Iterable[int]:
        words = self.words
        return [i for i, token in enumerate(line.lower) if token in words]


@attrs.frozen(eq=False)
class _Stem(_Part):
    full: regex.Pattern[str]
    variants: tuple[str, ...]
    specs: tuple[tuple[str, ...], ...]
    groups: Mapping[str, frozenset[str]]

    def ends(self, doc: _Doc, line: _Line, pos: int) -> Ends:
        token = line.lower[pos]
        key = (id(self), token)
        ok = doc.checks.get(key)
        if ok is None:
            ok = doc.checks[key] = self._matches(token, doc.rules)
        return ((pos + 1, None),) if ok else _NONE

    def starts(self, doc: _Doc, line: _Line) -> Iterable[int]:
        needles = self.needles
        return [i for i, token in enumerate(line.lower) if token.startswith(needles)]

    def _matches(self, token: str, rules: Rules) -> bool:
        if self.full.fullmatch(token) is None:
            return False
        if not self.specs:
            return True
        return any(token.startswith(v) and self._ending_fits(token[len(v) :], rules) for v in self.variants)

    def _ending_fits(self, ending: str, rules: Rules) -> bool:
        if not ending:
            return ("nominative",) in self.specs
        morphs = split_endings(ending, rules)
        if not morphs:
            return False
        for spec in self.specs:
            tail = morphs[-len(spec) :]
            if len(tail) == len(spec) and all(g in self.groups.get(m, ()) for g, m in zip(spec, tail, strict=True)):
                return True
        return False


@attrs.frozen(eq=False)
class _Regex(_Part):
    compiled: regex.Pattern[str]

    def ends(self, doc: _Doc, line: _Line, pos: int) -> Ends:
        token = doc.text.norm[line.starts[pos] : line.ends[pos]]  # as written, not lower-cased
        key = (id(self), token)
        ok = doc.checks.get(key)
        if ok is None:
            ok = False
            if len(token) <= MAX_REGEX_TOKEN:
                try:
                    ok = self.compiled.fullmatch(token, timeout=REGEX_TIMEOUT) is not None
                except TimeoutError:
                    ok = False
            doc.checks[key] = ok
        return ((pos + 1, None),) if ok else _NONE


_CONSTRAINT_ATTRIBUTES = {
    "currency": "currency",
    "unit": "unit",
    "dimension_of": "dimension",
    "qualifier": "qualifier",
    "grain": "grain",
}


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


@attrs.frozen(eq=False)
class _Dimension(_Part):
    kind: str
    constraints: tuple[tuple[str, frozenset[str]], ...]

    def starts(self, doc: _Doc, line: _Line) -> Iterable[int]:
        kind = self.kind
        return [i for i, here in line.mentions(doc).items() if any(m.kind == kind for _, m in here)]

    def ends(self, doc: _Doc, line: _Line, pos: int) -> Ends:
        here = line.mentions(doc).get(pos)
        if not here:
            return _NONE
        return [
            (end, m)
            for end, m in here
            if m.kind == self.kind and all(_plain(getattr(m, a, None)) in ok for a, ok in self.constraints)
        ]


def _as_tuple(value: str | Sequence[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _compile_part(data: Mapping[str, Any], rules: Rules, groups: Mapping[str, frozenset[str]]) -> _Part:
    low, high = repetitions(dict(data))
    capture = data.get("capture")
    if "word" in data:
        words = frozenset(w.strip().lower() for w in _as_tuple(data["word"]))
        needles = tuple(sorted(words, key=len, reverse=True))
        finder = None
        if all(_LETTERS.fullmatch(w) for w in words):
            finder = regex.compile(f"{_EDGE_BEFORE}(?:{'|'.join(map(regex.escape, needles))}){_EDGE_AFTER}")
        return _Word(low, high, capture, needles, finder, words)
    if "stem" in data:
        stems = [s.lower() for s in _as_tuple(data["stem"])]
        variants: list[str] = []
        for stem in stems:
            variants.extend(v for v in stem_variants(stem, rules) if v)
        body = inflected(stems, rules, extra=tuple(rules.table("morphology")["endings"]), guard=False)
        specs = tuple(tuple(spec.split("+")) for spec in _as_tuple(data.get("cases", ())))
        needles = tuple(sorted(set(variants), key=len, reverse=True))
        finder = regex.compile(f"{_EDGE_BEFORE}(?:{body}){_EDGE_AFTER}")
        return _Stem(low, high, capture, needles, finder, regex.compile(body), needles, specs, groups)
    if "regex" in data:
        return _Regex(low, high, capture, (), None, regex.compile(data["regex"]))
    kind = data["dimension"]
    constraints = tuple(
        (_CONSTRAINT_ATTRIBUTES[key], frozenset(_as_tuple(data[key])))
        for key in sorted(DIMENSIONS[kind])
        if key in data
    )
    return _Dimension(low, high, capture, (), None, kind, constraints)


# A word token is a whole run of letters: it neither follows nor precedes a letter.
_EDGE_BEFORE = r"(?<![\p{L}\p{M}])"
_EDGE_AFTER = r"(?![\p{L}\p{M}])"
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")


@attrs.frozen(eq=False)
class CompiledPattern:
    """A validated pattern, compiled for matching (see :func:`compiled_patterns`).

    Attributes:
        id: the pattern id.
        label: the label of its mentions.
        parts: the compiled elements.
    """

    id: str
    label: str
    parts: tuple[_Part, ...]
    literal: tuple[_Part, ...] = attrs.field(init=False)
    kinds: tuple[str, ...] = attrs.field(init=False)

    @literal.default
    def _literal(self) -> tuple[_Part, ...]:
        """The required words and stems, the longest (and so, likely, the rarest) first."""
        required = [p for p in self.parts if p.low > 0 and p.needles]
        return tuple(sorted(required, key=lambda p: -min(len(n) for n in p.needles)))

    @kinds.default
    def _kinds(self) -> tuple[str, ...]:
        """The kinds of built-in mention every match holds."""
        return tuple(sorted({p.kind for p in self.parts if p.low > 0 and isinstance(p, _Dimension)}))

    def lines(self, doc: _Doc) -> list[tuple[int, int]]:
        """The lines of the text that could hold a match: they hold every required word, stem and kind.

        Substring search first (a pattern whose words are absent stops there), then a regex search
        for the words and inflected stems in the lines that hold them, then the kinds.
        """
        lower = doc.lower
        if self.literal:
            lines = doc.lines_with(self.literal[0].needles)
            for part in self.literal[1:]:
                if not lines:
                    break
                lines = [(s, e) for s, e in lines if any(lower.find(n, s, e) >= 0 for n in part.needles)]
            for part in self.literal:  # the substrings are there: are they words of the right shape?
                if lines and part.finder is not None:
                    lines = [(s, e) for s, e in lines if part.finder.search(lower, s, e)]
        else:
            lines = doc.all_lines()
        for kind in self.kinds:
            if not lines:
                break
            lines = [(s, e) for s, e in lines if doc.kind_in(kind, s, e)]
        return lines

    def find(self, doc: _Doc, line: _Line) -> Iterable[CustomMention]:
        """The leftmost-longest, non-overlapping matches of this pattern in *line*."""
        parts = self.parts
        count = len(parts)
        memo: dict[tuple[int, int, int], tuple[int, Any] | None] = {}
        size = len(line.lower)
        budget = [16 * (size + 1) * sum(p.high + 1 for p in parts) + 1024]

        def best(k: int, r: int, pos: int) -> tuple[int, Any] | None:
            """The longest completion from element *k*, repetition *r*, token *pos*: (end, path)."""
            key = (k, r, pos)
            if key in memo:
                return memo[key]
            budget[0] -= 1
            if budget[0] < 0:
                raise _OutOfBudget
            result: tuple[int, Any] | None = None
            if k == count:
                result = (pos, None)
            else:
                part = parts[k]
                if r < part.high and pos < size:
                    for end, value in part.ends(doc, line, pos):
                        rest = best(k, r + 1, end)
                        if rest is not None and (result is None or rest[0] > result[0]):
                            result = (rest[0], (k, pos, end, value, rest[1]))
                if r >= part.low:
                    rest = best(k + 1, 0, pos)
                    if rest is not None and (result is None or rest[0] > result[0]):
                        result = rest
            memo[key] = result
            return result

        out: list[CustomMention] = []
        done = 0
        try:
            for pos in self._starts(doc, line):
                if pos < done:
                    continue
                found = best(0, 0, pos)
                if found is not None and found[0] > pos:
                    out.append(self._mention(doc, line, pos, found[0], found[1]))
                    done = found[0]
        except _OutOfBudget:
            pass
        return out

    def _starts(self, doc: _Doc, line: _Line) -> list[int]:
        """Where a match may start, as a cheap superset.

        Every match holds the *anchor* (the first required element that is not a regex), so it
        starts at most a few tokens before one of the anchor's positions; and it starts where one
        of the elements that can come first matches.
        """
        parts = self.parts
        required = [k for k, p in enumerate(parts) if p.low > 0]
        anchor = next((k for k in required if not isinstance(parts[k], _Regex)), required[0])
        candidates = set(parts[anchor].starts(doc, line))
        if anchor > 0:
            widest = 1  # tokens in the longest built-in mention, when one may stand before the anchor
            if any(isinstance(p, _Dimension) for p in parts[:anchor]):
                widest = max((end - at for at, here in line.mentions(doc).items() for end, _ in here), default=1)
            back = sum(p.high * (widest if isinstance(p, _Dimension) else 1) for p in parts[:anchor])
            candidates = {s for q in candidates for s in range(max(0, q - back), q + 1)}
        openers = parts[: required[0] + 1]
        if not any(isinstance(p, _Regex) for p in openers):
            first: set[int] = set()
            for part in openers:
                first.update(part.starts(doc, line))
            candidates &= first
        return sorted(candidates)

    def _mention(self, doc: _Doc, line: _Line, start: int, end: int, path: Any) -> CustomMention:
        pieces: dict[int, list[tuple[int, int, Any]]] = {}
        while path is not None:
            k, a, b, value, path = path
            if self.parts[k].capture:
                pieces.setdefault(k, []).append((a, b, value))
        captures: list[tuple[str, Any]] = []
        for k, got in pieces.items():
            part = self.parts[k]
            name = part.capture
            assert name is not None
            if isinstance(part, _Dimension):
                values = tuple(v for _, _, v in got)
                captures.append((name, values[0] if part.high == 1 else values))
            else:
                captures.append((name, line.span(doc, min(a for a, _, _ in got), max(b for _, b, _ in got))))
        captures.sort(key=lambda item: item[0])
        return CustomMention(self.label, line.span(doc, start, end), self.id, tuple(captures))


class _OutOfBudget(Exception):
    """A pattern used up its work allowance on a line (a safety net: it should never happen)."""


def _compile(rules: Rules) -> tuple[CompiledPattern, ...]:
    groups = ending_groups(rules)
    return tuple(
        CompiledPattern(p["id"], p["label"], tuple(_compile_part(e, rules, groups) for e in p["elements"]))
        for p in rules.table("patterns") or ()
    )


def compiled_patterns(rules: Rules) -> tuple[CompiledPattern, ...]:
    """The patterns of *rules*, compiled once per :class:`~qazparse.rules.Rules` value.

    >>> from qazparse import default_rules
    >>> compiled_patterns(default_rules().with_patterns([{"id": "x", "elements": [{"word": "ай"}]}]))[0].id
    'x'
    """
    patterns: tuple[CompiledPattern, ...] = rules.compiled("patterns.compiled", _compile)
    return patterns


# --- the text, split into lines of tokens on demand ---------------------------------------------------------


class _Line:
    """The tokens of one line: their offsets in ``text.norm`` and their lower-case forms."""

    __slots__ = ("_mentions", "end", "ends", "lower", "start", "starts")

    def __init__(self, doc: _Doc, start: int, end: int) -> None:
        self.start = start
        self.end = end
        # split() alternates gaps and tokens: [gap, token, gap, token, ..., gap]
        pieces = _SPLIT.split(doc.lower[start:end])
        offsets = list(itertools.accumulate(map(len, pieces), initial=start))
        self.lower: list[str] = pieces[1::2]
        self.starts: list[int] = offsets[1:-1:2]
        self.ends: list[int] = offsets[2::2]
        self._mentions: dict[int, list[tuple[int, Any]]] | None = None

    def span(self, doc: _Doc, first: int, stop: int) -> Span:
        """The original-text span of tokens ``first`` to ``stop - 1``."""
        return doc.text.span(self.starts[first], self.ends[stop - 1])

    def mentions(self, doc: _Doc) -> dict[int, list[tuple[int, Any]]]:
        """Built-in mentions in this line, by first token: (token past the end, mention), longest first."""
        if self._mentions is None:
            text = doc.text
            starts, items = doc.dimension_mentions()
            lo = bisect.bisect_left(starts, text.start_of(self.start))
            hi = bisect.bisect_left(starts, text.end_of(self.end))
            index: dict[int, list[tuple[int, Any]]] = {}
            self._mentions = index
            if lo == hi:
                return index
            if doc.same_offsets:  # find each mention's first and last token by bisection
                token_starts, token_ends = self.starts, self.ends
                for m in items[lo:hi]:
                    i = bisect.bisect_left(token_starts, m.span.start)
                    j = bisect.bisect_left(token_ends, m.span.end)
                    if i < j + 1 <= len(token_ends) and token_starts[i] == m.span.start and token_ends[j] == m.span.end:
                        index.setdefault(i, []).append((j + 1, m))
            else:
                first = {text.start_of(a): i for i, a in enumerate(self.starts)}
                past = {text.end_of(b): i + 1 for i, b in enumerate(self.ends)}
                for m in items[lo:hi]:
                    a, b = first.get(m.span.start), past.get(m.span.end)
                    if a is not None and b is not None and b > a:
                        index.setdefault(a, []).append((b, m))
            for here in index.values():
                here.sort(key=lambda item: -item[0])
        return self._mentions


class _Doc:
    """One text as the patterns see it (shared by all patterns through ``context.shared``)."""

    def __init__(self, context: Context) -> None:
        self.text = context.text
        self.rules = context.rules
        self.lower = context.text.lower
        self.body_start = context.body_start
        self.found = context.found
        # Offsets in text.norm are those of the original unless normalisation changed lengths.
        self.same_offsets = getattr(context.text, "_starts", 0) is None
        self.checks: dict[tuple[int, str], bool] = {}
        self._lines: dict[int, _Line] = {}
        self._mentions: tuple[list[int], list[Any]] | None = None
        self._kinds: dict[str, list[int]] | None = None

    def line_at(self, offset: int) -> tuple[int, int]:
        """The line (start, end) around *offset* in ``text.lower``."""
        start = max(self.lower.rfind("\n", 0, offset) + 1, self.body_start)
        end = self.lower.find("\n", offset)
        return start, len(self.lower) if end < 0 else end

    def lines_with(self, needles: Iterable[str]) -> list[tuple[int, int]]:
        """The lines that contain any of *needles*, in text order."""
        found: dict[int, int] = {}
        lower = self.lower
        for needle in needles:
            pos = lower.find(needle, self.body_start)
            while pos >= 0:
                start, end = self.line_at(pos)
                found[start] = end
                pos = lower.find(needle, end + 1)
        return sorted(found.items())

    def all_lines(self) -> list[tuple[int, int]]:
        """Every line of the body."""
        out = []
        start = self.body_start
        while start <= len(self.lower):
            end = self.lower.find("\n", start)
            end = len(self.lower) if end < 0 else end
            if end > start:
                out.append((start, end))
            start = end + 1
        return out

    def line(self, start: int, end: int) -> _Line:
        """The tokens of the line (start, end), split once."""
        line = self._lines.get(start)
        if line is None:
            line = self._lines[start] = _Line(self, start, end)
        return line

    def dimension_mentions(self) -> tuple[list[int], list[Any]]:
        """The built-in mentions that dimension elements can match, sorted by start (original offsets)."""
        if self._mentions is None:
            items = sorted(
                (m for m in self.found if getattr(m, "kind", None) in DIMENSIONS),
                key=lambda m: (m.span.start, m.span.end),
            )
            self._mentions = ([m.span.start for m in items], items)
        return self._mentions

    def kind_in(self, kind: str, start: int, end: int) -> bool:
        """True when a mention of *kind* starts inside the line (start, end) of ``text.lower``."""
        starts = self._kind_starts().get(kind, [])
        lo = bisect.bisect_left(starts, self.text.start_of(start))
        return lo < len(starts) and starts[lo] < self.text.end_of(end)

    def _kind_starts(self) -> dict[str, list[int]]:
        if self._kinds is None:
            kinds: dict[str, list[int]] = {}
            for m in self.dimension_mentions()[1]:
                kinds.setdefault(m.kind, []).append(m.span.start)
            self._kinds = kinds
        return self._kinds


def extract_patterns(context: Context) -> list[CustomMention]:
    """The mentions of the user patterns in ``context.rules`` (the last built-in extractor).

    Each pattern's matches are leftmost-longest and do not overlap one another; matches of
    different patterns, and built-in mentions, are settled by ``extract()``'s overlap
    resolution, where a user mention wins over the shorter built-ins it covers.

    >>> from qazparse import default_rules, extract
    >>> rules = default_rules().with_patterns([{"id": "law", "elements": [
    ...     {"word": "«"}, {"regex": r"\\w+", "repeat": [1, 6], "capture": "title"}, {"word": "»"},
    ...     {"stem": "заң"}]}])
    >>> extract("«Білім туралы» заңына өзгеріс енгізілді", rules=rules).custom[0].capture("title").text
    'Білім туралы'
    """
    compiled = compiled_patterns(context.rules)
    if not compiled:
        return []
    doc: _Doc = context.shared("patterns.doc", _Doc)
    out: list[CustomMention] = []
    for pattern in compiled:
        for start, end in pattern.lines(doc):
            for mention in pattern.find(doc, doc.line(start, end)):
                out.append(context.note(mention, f"pattern:{pattern.id}"))
    return out


__all__ = ["CompiledPattern", "Element", "Pattern", "compiled_patterns", "extract_patterns"]
