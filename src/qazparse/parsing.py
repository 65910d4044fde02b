"""Strict parsing: a whole string must be exactly one mention.

The ``parse_*`` functions run the same extractors as :func:`qazparse.extract` and
then insist that one mention of the wanted kind covers the whole input (leading and
trailing whitespace and trailing punctuation allowed).
"""

from __future__ import annotations

import datetime as _dt
import decimal
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import regex

from .errors import ParseError
from .extract import Context, make_context
from .rules import Rules
from .values import EXACT

T = TypeVar("T")

_TRAILING = regex.compile(r"[\s.,;:!?…»\"')\]]*\Z")
_LEADING = regex.compile(r"\A[\s«\"'(\[]*")


def content_bounds(text: str) -> tuple[int, int]:
    """Where the content of *text* starts and ends, skipping outer space and punctuation."""
    start = _LEADING.match(text).end()  # type: ignore[union-attr]
    end = _TRAILING.search(text, start).start()  # type: ignore[union-attr]
    return start, max(start, end)


def parse_whole(
    text: Any,
    expected: str,
    find: Callable[[Context], Iterable[Any]],
    kinds: tuple[type[T], ...],
    *,
    reference_date: _dt.date | None = None,
    rules: Rules | None = None,
) -> T:
    """Run *find* on *text* and return the one mention of *kinds* that covers it all.

    Raises :class:`ParseError` naming *expected* and the position where reading stopped.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    start, end = content_bounds(text)
    if start >= end:
        raise ParseError(text, start, expected)
    context = make_context(text, reference_date, rules)
    context.strict = True
    best_end = start
    with decimal.localcontext(EXACT):
        found = list(find(context))
    for mention in found:
        if not isinstance(mention, kinds):
            continue
        span = mention.span  # type: ignore[attr-defined]
        if span.start == start and span.end == end:
            return mention
        if span.start == start:
            best_end = max(best_end, span.end)
    raise ParseError(text, best_end, expected)
