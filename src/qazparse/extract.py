"""Run every extractor over a text and resolve overlaps.

An extractor is a plain callable ``extractor(context) -> Iterable[Mention]``; the
built-in ones are listed in :data:`qazparse.rules.DEFAULT_EXTRACTORS` and users add
their own with ``Rules.with_extractor``.  When mentions overlap, the longest wins;
between equally long ones, the more specific kind (money over a bare number).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import decimal
import operator
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from .rules import Rules, default_rules
from .text import Document, Text, normalize, sentence_bounds
from .values import (
    EXACT,
    Byline,
    CustomMention,
    DateMention,
    Distance,
    Event,
    Extraction,
    Mention,
    Money,
    Number,
    Ordinal,
    Quantity,
)

# Between two mentions of the same length, the more specific kind wins.
SPECIFICITY: dict[type, int] = {
    CustomMention: 6,
    Byline: 5,
    Money: 4,
    Distance: 4,
    Quantity: 4,
    DateMention: 4,
    Ordinal: 2,
    Number: 1,
}

# Which extractor produced a mention, for explain(): set by extractors that know it.
RULE_KEY = "qazparse.rule"


@attrs.define
class Context:
    """What an extractor gets: the prepared text, the rules and the reference date.

    Attributes:
        text: the normalised text with its offset map (``text.norm``, ``text.lower``).
        rules: the rules in force.
        reference_date: the date relative mentions resolve against, or None.
        body_start: where the article body starts in ``text.norm`` (after a date prefix).
        memo: shared results between extractors (such as raw numeral matches), by key.
        origins: for ``explain``: the rule id behind each mention, by ``id(mention)``.
        found: the mentions earlier extractors produced for this text, before overlap
            resolution (later extractors, such as user patterns, build on them).
        strict: True inside a ``parse_*`` call: the whole string is one mention, so
            readings that running text would reject (a lone ``бір``) are allowed.
    """

    text: Text
    rules: Rules
    reference_date: _dt.date | None = None
    body_start: int = 0
    memo: dict[str, Any] = attrs.field(factory=dict)
    origins: dict[int, str] = attrs.field(factory=dict)
    found: list[Any] = attrs.field(factory=list)
    strict: bool = False

    def shared(self, key: str, compute: Callable[[Context], Any]) -> Any:
        """Compute something once per text and share it between extractors."""
        if key not in self.memo:
            self.memo[key] = compute(self)
        return self.memo[key]

    def sentences(self) -> list[tuple[int, int]]:
        """Sentence bounds in ``text.norm``."""
        bounds: list[tuple[int, int]] = self.shared("sentences", lambda c: sentence_bounds(c.text.norm))
        return bounds

    def note(self, mention: Any, rule: str) -> Any:
        """Record which rule produced *mention* (shown by ``explain``); returns it."""
        self.origins[id(mention)] = rule
        return mention


def _check_args(text: Any, reference_date: Any, rules: Any) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if reference_date is not None and (
        not isinstance(reference_date, _dt.date) or isinstance(reference_date, _dt.datetime)
    ):
        raise TypeError(f"reference_date must be a datetime.date or None, not {type(reference_date).__name__}")
    if rules is not None and not isinstance(rules, Rules):
        raise TypeError(f"rules must be a qazparse.Rules or None, not {type(rules).__name__}")


def make_context(text: str, reference_date: _dt.date | None = None, rules: Rules | None = None) -> Context:
    """Prepare a :class:`Context` for *text* (reads the `` date`` prefix when no date is given)."""
    _check_args(text, reference_date, rules)
    doc = Document.from_text(text, reference_date)
    return Context(normalize(text), rules or default_rules(), doc.reference_date, doc.body_start)


def resolve_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep the longest, most specific mentions so that no two overlap; in text order.

    Between equally long and specific mentions the one found first wins.  Most mentions
    overlap no other, so the text is cut into runs of mentions that overlap each other (one
    sweep in text order), and the ranking is needed only inside a run: a mention's fate
    depends only on the mentions it overlaps.
    """
    ordered = sorted((m for m in mentions if m.span.start < m.span.end), key=_start)
    kept: list[Mention] = []
    run: list[Mention] = []
    run_end = -1
    for m in ordered:
        span = m.span
        if span.start >= run_end:
            if len(run) == 1:
                kept.append(run[0])
            elif run:
                kept.extend(_rank_run(run))
            run = [m]
            run_end = span.end
        else:
            run.append(m)
            run_end = max(run_end, span.end)
    if len(run) == 1:
        kept.append(run[0])
    elif run:
        kept.extend(_rank_run(run))
    return kept


_start = operator.attrgetter("span.start")


def _rank(m: Mention) -> tuple[int, int, int]:
    return -(m.span.end - m.span.start), -SPECIFICITY.get(type(m), 0), m.span.start


def _rank_run(run: list[Mention]) -> list[Mention]:
    """The mentions of one run of overlapping ones that win (the longest, the most specific
    first), in text order."""
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Mention] = []
    for m in sorted(run, key=_rank):
        s, e = m.span.start, m.span.end
        i = bisect.bisect_left(starts, s)
        if i < len(starts) and starts[i] < e:
            continue
        if i > 0 and ends[i - 1] > s:
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        kept.append(m)
    kept.sort(key=lambda m: (m.span.start, m.span.end))
    return kept


def run(context: Context) -> tuple[list[Mention], list[Event]]:
    """Run the extractors and the event rules on a prepared context (exact decimal arithmetic)."""
    from .events import events_in

    with decimal.localcontext(EXACT):
        for extractor in context.rules.extractors:
            context.found.extend(extractor(context))
        mentions = resolve_overlaps(context.found)
        events = events_in(context, mentions)
    return mentions, events


def build(mentions: list[Mention], events: list[Event], reference_date: _dt.date | None) -> Extraction:
    """Sort resolved mentions into an :class:`Extraction`."""
    groups: dict[type, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(type(m), []).append(m)

    def of(kind: type) -> tuple[Any, ...]:
        return tuple(groups.get(kind, ()))

    return Extraction(
        numbers=of(Number),
        ordinals=of(Ordinal),
        dates=of(DateMention),
        money=of(Money),
        distances=of(Distance),
        quantities=of(Quantity),
        bylines=of(Byline),
        events=tuple(events),
        custom=of(CustomMention),
        reference_date=reference_date,
    )


def extract(
    text: str, *, reference_date: _dt.date | None = None, rules: Rules | None = None
) -> Extraction:
    """Find every number, date, amount, byline and event in *text*.

    The `` date YYYY-MM-DD`` prefix of an article gives the reference date unless
    *reference_date* is passed.  Spans point into *text* as given.

    >>> from qazparse import extract
    >>> ex = extract("Былтыр жүк тасымалдау көлемі 62 пайызға өсті.", reference_date=None)
    >>> [(q.value, q.unit) for q in ex.quantities]
    [(62, '%')]
    """
    context = make_context(text, reference_date, rules)
    mentions, events = run(context)
    return build(mentions, events, context.reference_date)


def extract_events(
    text: str, *, reference_date: _dt.date | None = None, rules: Rules | None = None
) -> list[Event]:
    """The events in *text* (see :func:`extract`).

    >>> [e.type for e in extract_events("Президент шетелге 23 рет сапарға шықты.")]
    ['visit']
    """
    context = make_context(text, reference_date, rules)
    return list(run(context)[1])


# What each worker process of extract_many() extracts with: set once per process by the
# pool initializer, so user rules are pickled once per worker rather than once per text.
_worker_settings: tuple[_dt.date | None, Rules | None] = (None, None)


def _init_worker(reference_date: _dt.date | None, rules: Rules | None) -> None:
    global _worker_settings
    _worker_settings = (reference_date, rules)


def _extract_chunk(texts: list[str]) -> list[Extraction]:
    reference_date, rules = _worker_settings
    return [extract(t, reference_date=reference_date, rules=rules) for t in texts]


def extract_many(
    texts: Iterable[str],
    *,
    workers: int | None = None,
    reference_date: _dt.date | None = None,
    rules: Rules | None = None,
    chunksize: int = 8,
) -> Iterator[Extraction]:
    """Extract from many texts across processes, yielding results in input order.

    ``workers=None`` uses one process per core; ``workers=1`` runs in this process.
    Texts are read lazily and only a few chunks of *chunksize* texts are in flight at
    once, so memory stays flat on an archive of any size.  User rules must be
    picklable to cross processes (TOML/JSON rules always are; callables must be
    module-level functions).

    >>> [len(e.numbers) for e in extract_many(["бес кітап", "кітап"], workers=1)]
    [1, 0]
    """
    for name, count in (("workers", workers), ("chunksize", chunksize)):
        if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 1):
            raise TypeError(f"{name} must be a positive int or None, not {count!r}")
    _check_args("", reference_date, rules)
    return _extract_many(iter(texts), workers, reference_date, rules, chunksize)


def _extract_many(
    texts: Iterator[str], workers: int | None, reference_date: _dt.date | None, rules: Rules | None, chunksize: int
) -> Iterator[Extraction]:
    if workers == 1:
        for text in texts:
            yield extract(text, reference_date=reference_date, rules=rules)
        return
    import os
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from itertools import islice

    workers = workers or os.cpu_count() or 1
    pending: deque[Future[list[Extraction]]] = deque()
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(reference_date, rules)) as pool:
        try:
            while True:
                while len(pending) < 4 * workers and (chunk := list(islice(texts, chunksize))):
                    pending.append(pool.submit(_extract_chunk, chunk))
                if not pending:
                    return
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def explain(text: str, *, reference_date: _dt.date | None = None, rules: Rules | None = None) -> str:
    """A readable trace: each mention, the rule that made it, and what it resolved to.

    >>> print(explain("60-тан астам келісім"))  # doctest: +NORMALIZE_WHITESPACE
    [0:12] number '60-тан астам' <- numerals:digits -> 60 (more_than)
    """
    context = make_context(text, reference_date, rules)
    mentions, events = run(context)
    lines = []
    for m in mentions:
        rule = context.origins.get(id(m), type(m).__name__.lower())
        lines.append(f"[{m.span.start}:{m.span.end}] {m.kind} {m.span.text!r} <- {rule} -> {_describe(m)}")
    for ev in events:
        lines.append(
            f"[{ev.span.start}:{ev.span.end}] event {ev.type} {ev.trigger.text!r} <- {ev.rule} -> {_describe(ev)}"
        )
    return "\n".join(lines)


def _describe(m: Any) -> str:
    if isinstance(m, Number):
        rng = f"{m.low}..{m.high}" if m.high is not None else str(m.value)
        return rng if m.qualifier.value == "exact" else f"{rng} ({m.qualifier.value})"
    if isinstance(m, Ordinal):
        return f"#{m.value}"
    if isinstance(m, Money):
        return f"{m.amount} {m.currency}" + ("" if m.qualifier.value == "exact" else f" ({m.qualifier.value})")
    if isinstance(m, Distance):
        return f"{m.value} {m.unit} = {m.meters} m"
    if isinstance(m, Quantity):
        return f"{m.value} {m.unit} [{m.dimension}]" + (
            "" if m.qualifier.value == "exact" else f" ({m.qualifier.value})"
        )
    if isinstance(m, DateMention):
        when = f"{m.start}..{m.end}" if m.start else (m.relative or "unresolved")
        return f"{when} ({m.grain.value})"
    if isinstance(m, Byline):
        fields = (("outlet", m.outlet), ("author", m.author), ("role", m.role), ("via", m.via))
        parts = [f"{k}={v}" for k, v in fields if v]
        return ", ".join(parts)
    if isinstance(m, Event):
        parts = [f"agent={m.agent.text}" if m.agent else "", f"modality={m.modality}"]
        return ", ".join(p for p in parts if p)
    if isinstance(m, CustomMention):
        return m.label + " " + ", ".join(f"{k}={getattr(v, 'span', v)}" for k, v in m.captures)
    return repr(m)
