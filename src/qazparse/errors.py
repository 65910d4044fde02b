"""Errors raised by qazparse.

Strict parsers raise :class:`ParseError` when a string is not one whole mention;
broken rule data raises :class:`RulesError`, naming the file and the entry.
"""

from __future__ import annotations


class ParseError(ValueError):
    """A string could not be read as the mention that was asked for.

    Attributes:
        text: the input that failed.
        position: the index in ``text`` where reading failed.
        expected: what the parser was looking for at ``position``.

    >>> from qazparse import parse_number, ParseError
    >>> try:
    ...     parse_number("бірақ")
    ... except ParseError as err:
    ...     print(err.position)
    0
    """

    def __init__(self, text: str, position: int, expected: str) -> None:
        self.text = text
        self.position = position
        self.expected = expected
        near = text[position : position + 20]
        where = f"at position {position} ({near!r})" if near else f"at position {position} (end of text)"
        super().__init__(f"expected {expected} {where} in {text[:80]!r}")

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, int, str]]:
        return (type(self), (self.text, self.position, self.expected))


class RulesError(ValueError):
    """Rule data (built-in or a user's file) is malformed.

    Attributes:
        source: the file or object the rules came from.
        entry: the path of the bad entry inside it (``currencies.USD.symbols``).
        problem: what is wrong.

    >>> from qazparse import default_rules
    >>> try:
    ...     default_rules().with_currency("usd", names=["доллар"])
    ... except RulesError as err:
    ...     print(err.entry)
    currencies.usd.code
    """

    def __init__(self, source: str, entry: str, problem: str) -> None:
        self.source = source
        self.entry = entry
        self.problem = problem
        super().__init__(f"{source}: {entry}: {problem}")

    def __reduce__(self) -> tuple[type[RulesError], tuple[str, str, str]]:
        return (type(self), (self.source, self.entry, self.problem))
