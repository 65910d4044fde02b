"""Immutable, typed values that qazparse returns.

Every mention carries a :class:`Span` into the caller's *original* string, so
``text[v.span.start:v.span.end] == v.span.text`` always holds.  Numbers are exact:
``int`` when whole, :class:`decimal.Decimal` otherwise, never ``float``.

Example::

    >>> from qazparse import parse_number
    >>> parse_number("бір жарым миллион").value
    1500000
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, TypeAlias

import attrs

Value: TypeAlias = int | Decimal
"""An exact numeric value: ``int`` when whole, ``Decimal`` otherwise."""

EXACT = decimal.Context(prec=160, rounding=decimal.ROUND_HALF_EVEN, Emax=999_999, Emin=-999_999)
"""The arithmetic context every extractor runs in: wide enough that no value qazparse reads
(at most 40 digits, times a scale word, times a unit factor) is ever rounded."""


def exact(value: int | Decimal) -> Value:
    """Return *value* as ``int`` when it is whole, else as a normalised ``Decimal``.

    >>> exact(Decimal("1500000.0"))
    1500000
    >>> exact(Decimal("15.20"))
    Decimal('15.2')
    """
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return value.normalize(EXACT)


def _json(value: Any) -> Any:
    """Turn a field value into JSON-ready data."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


class _ToDict:
    """Mixin: ``to_dict()`` for attrs classes, with a ``kind`` tag for mentions."""

    __slots__ = ()
    kind = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the value as plain JSON-ready data (Decimal as str, dates as ISO strings)."""
        data: dict[str, Any] = {"kind": self.kind} if self.kind else {}
        for field in attrs.fields(type(self)):  # type: ignore[arg-type]
            data[field.name] = _json(getattr(self, field.name))
        return data


@attrs.frozen
class Span(_ToDict):
    """A slice of the caller's original text.

    Attributes:
        start: index of the first character.
        end: index one past the last character.
        text: ``original[start:end]``.

    >>> Span(0, 3, "бес").text
    'бес'
    """

    start: int
    end: int
    text: str

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """True when *other* lies inside this span."""
        return self.start <= other.start and other.end <= self.end


class Qualifier(enum.StrEnum):
    """How a quantity relates to the stated number.

    ``70 миллиард доллардан асатын`` is ``MORE_THAN``; ``жиырма мың теңгедей`` is
    ``APPROXIMATELY``; ``бір миллиард долларға дейін`` is ``UP_TO``.
    """

    EXACT = "exact"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"
    AT_LEAST = "at_least"
    UP_TO = "up_to"
    APPROXIMATELY = "approximately"


class Grain(enum.StrEnum):
    """The precision of a :class:`DateMention` (``2025 жылы`` has grain ``year``)."""

    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


@attrs.frozen
class Number(_ToDict):
    """A cardinal number mention.

    Attributes:
        value: the exact value; for a range (``бес-алты``) the low end.
        qualifier: how the amount relates to ``value`` (``60-тан астам`` is more than 60).
        span: where it stands in the original text.
        low: low end of a range, else None.
        high: high end of a range, else None.

    >>> from qazparse import parse_number
    >>> parse_number("жүз алпыс сегіз мың тоғыз жүз алпыс").value
    168960
    """

    kind = "number"
    value: Value
    span: Span
    qualifier: Qualifier = Qualifier.EXACT
    low: Value | None = None
    high: Value | None = None


@attrs.frozen
class Ordinal(_ToDict):
    """An ordinal number mention (``бірінші``, ``2-нші``, ``XXI``).

    Attributes:
        value: the position, a positive integer.
        span: where it stands in the original text.

    >>> from qazparse import parse_ordinal
    >>> parse_ordinal("екі мың жиырма бесінші").value
    2025
    """

    kind = "ordinal"
    value: int
    span: Span


@attrs.frozen
class Money(_ToDict):
    """An amount of money.

    Attributes:
        amount: exact amount in ``currency`` units (for a range, the low end).
        currency: ISO 4217 code (``KZT``, ``USD``, ...).
        span: where it stands in the original text.
        qualifier: ``70 миллиард доллардан асатын`` is more than.
        low, high: ends of a range (``10–15 мың теңге``), else None.

    >>> from qazparse import parse_money
    >>> parse_money("$1,5 млрд").amount
    1500000000
    """

    kind = "money"
    amount: Value
    currency: str
    span: Span
    qualifier: Qualifier = Qualifier.EXACT
    low: Value | None = None
    high: Value | None = None


@attrs.frozen
class Distance(_ToDict):
    """A distance.

    Attributes:
        value: the stated amount in ``unit`` (for a range, the low end).
        unit: ``km``, ``m``, ``cm``, ``mm``, ``mi`` or ``nmi``.
        meters: the exact length in metres.
        span: where it stands in the original text.
        qualifier: how the amount relates to ``value``.
        low, high: ends of a range, else None.

    >>> from qazparse import parse_distance
    >>> parse_distance("168 960 шақырым").meters
    168960000
    """

    kind = "distance"
    value: Value
    unit: str
    meters: Value
    span: Span
    qualifier: Qualifier = Qualifier.EXACT
    low: Value | None = None
    high: Value | None = None


@attrs.frozen
class Quantity(_ToDict):
    """A measured quantity other than money and distance.

    Attributes:
        value: the stated amount in ``unit`` (for a range, the low end).
        unit: a symbol: ``%``, ``t``, ``kg``, ``ha``, ``m2``, ``m3``, ``l``, ``h``, ``min``, ...
        dimension: ``percent``, ``mass``, ``area``, ``volume``, ``duration``, ``speed``,
            ``temperature`` or ``count``.
        span: where it stands in the original text.
        qualifier: how the amount relates to ``value``.
        low, high: ends of a range, else None.

    >>> from qazparse import parse_quantity
    >>> parse_quantity("4,5 миллион тоннаны").value
    4500000
    """

    kind = "quantity"
    value: Value
    unit: str
    dimension: str
    span: Span
    qualifier: Qualifier = Qualifier.EXACT
    low: Value | None = None
    high: Value | None = None


@attrs.frozen
class DateMention(_ToDict):
    """A date, a period or a time of day.

    What the text says is kept as written (``year``, ``month``, ``day``, ``weekday``,
    ``hour``, ``minute``; None where unsaid).  ``start`` and ``end`` (both inclusive)
    are filled when the mention can be resolved; a relative mention (``былтыр``)
    without a reference date keeps them None and names its anchor in ``relative``.

    Attributes:
        grain: the precision (``day``, ``month``, ``year``, ...).
        span: where it stands in the original text.
        start, end: the resolved interval, inclusive, or None.
        year, month, day, weekday, hour, minute: the parts the text states
            (``weekday`` 0 = Monday).
        relative: for relative mentions, what they are relative to and by how much,
            such as ``"year-1"`` for ``былтыр`` or ``"day+0"`` for ``бүгін``; else None.
        qualifier: how the text relates to the date, from a postposition after it:
            ``2025 жылға дейін`` is ``up_to``, ``2023 жылдан бастап`` ``at_least``,
            ``2021 жылдан кейін`` ``more_than``; else ``exact``.

    >>> from qazparse import parse_date
    >>> parse_date("2025 жылғы 21 қазанда").start
    datetime.date(2025, 10, 21)
    """

    kind = "date"
    grain: Grain
    span: Span
    start: _dt.date | None = None
    end: _dt.date | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None
    relative: str | None = None
    qualifier: Qualifier = Qualifier.EXACT


@attrs.frozen
class Byline(_ToDict):
    """Who reports a story, for which outlet, citing whom.

    Attributes:
        span: the formula or label in the original text.
        outlet: the news outlet (``BAQ.KZ``), or None.
        author: the person named (``Руслан Желдібай``), or None.
        role: ``correspondent``, ``author``, ``photo``, ``source``, ``editor``,
            ``press_service``, ``video``, ``reporter``, ...
        via: the source the outlet cites, in the nominative (``Ақорда``), or None.
        title: the author's title kept apart from the name
            (``Президенттің Баспасөз хатшысы және көмекшісі``), or None.
        date: the :class:`DateMention` inside the formula (``бүгін`` in ``Бұл туралы
            бүгін Премьер-министр Олжас Бектенов мәлімдеді``), or None.  The byline's
            span covers it, so it is not among the text's free dates.

    >>> from qazparse import parse_byline
    >>> parse_byline("деп хабарлайды BAQ.KZ тілшісі").outlet
    'BAQ.KZ'
    >>> parse_byline("Бұл туралы кеше Ақорданың баспасөз қызметі хабарлады").date.relative
    'day-1'
    """

    kind = "byline"
    span: Span
    outlet: str | None = None
    author: str | None = None
    role: str | None = None
    via: str | None = None
    title: str | None = None
    date: DateMention | None = None


@attrs.frozen
class Entity(_ToDict):
    """A participant in an event: a person, organisation, title or place.

    Attributes:
        text: the name normalised to the nominative (``Си Цзиньпин`` for ``Си Цзиньпинді``).
        type: ``person``, ``title``, ``organization``, ``country``, ``city`` or ``other``.
        span: where it stands in the original text.
    """

    kind = "entity"
    text: str
    type: str
    span: Span


@attrs.frozen
class Event(_ToDict):
    """Something that happened (or is planned): a visit, a meeting, an agreement, ...

    Attributes:
        type: ``visit``, ``meeting``, ``talks``, ``agreement``, ``call``, ``invitation``,
            ``statement``, ``appointment``, ``change``, ``election``, or a user's type.
        trigger: the word(s) that signal the event (``сапар``, ``кездес``...).
        sentence: the sentence it was found in.
        span: the extent from the first to the last part of the event found.
        rule: the id of the rule that fired.
        agent: who acts, or None.
        participants: the others taking part.
        location: where (locative), or None.
        destination: where to (dative), or None.
        date: the sentence's date mention, or None.
        count: how many times (``23 рет``), or None.
        quantities: amounts attached to the event (``15,2 пайызға өсіп``).
        modality: ``done``, ``planned``, ``negated`` or ``possible``.
        attributes: further type-specific facts as sorted (name, value) pairs
            (``("visit_kind", "state")``, ``("direction", "up")``, ``("quote", ...)``).

    >>> from qazparse import extract_events
    >>> extract_events("Тоқаев Бейжіңде Си Цзиньпинмен кездесті.")[0].type
    'meeting'
    """

    kind = "event"
    type: str
    trigger: Span
    sentence: Span
    span: Span
    rule: str
    agent: Entity | None = None
    participants: tuple[Entity, ...] = ()
    location: Entity | None = None
    destination: Entity | None = None
    date: DateMention | None = None
    count: Number | None = None
    quantities: tuple[Money | Distance | Quantity | Number, ...] = ()
    modality: str = "done"
    attributes: tuple[tuple[str, str], ...] = ()


@attrs.frozen
class CustomMention(_ToDict):
    """A mention produced by a user pattern (see ``Rules.with_patterns``).

    Attributes:
        label: the pattern's label (``salary``).
        span: where it stands in the original text.
        rule: the id of the pattern that matched.
        captures: the typed parts captured by name, as sorted (name, value) pairs;
            a value is a mention (``Money``, ``Number``, ...) or a ``Span``.

    >>> # see docs/patterns.md for a worked example
    """

    kind = "custom"
    label: str
    span: Span
    rule: str
    captures: tuple[tuple[str, Any], ...] = ()

    def capture(self, name: str) -> Any:
        """The captured part called *name*, or None."""
        for key, value in self.captures:
            if key == name:
                return value
        return None


Mention: TypeAlias = Number | Ordinal | Money | Distance | Quantity | DateMention | Byline | CustomMention
"""Any mention that takes part in overlap resolution and appears in ``Extraction.all()``."""


@attrs.frozen
class Extraction(_ToDict):
    """Everything found in one text, after overlap resolution.

    Attributes:
        numbers, ordinals, dates, money, distances, quantities, bylines: the mentions of
            each kind, in text order; no two mentions of any kinds overlap.
        events: the events found (their spans may cover mentions).
        custom: mentions made by user patterns, in text order.
        reference_date: the date relative mentions were resolved against, or None.

    >>> from qazparse import extract
    >>> [m.value for m in extract("Жыл ішінде 23 рет сапарға шықты").quantities]
    [23]
    """

    numbers: tuple[Number, ...] = ()
    ordinals: tuple[Ordinal, ...] = ()
    dates: tuple[DateMention, ...] = ()
    money: tuple[Money, ...] = ()
    distances: tuple[Distance, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    bylines: tuple[Byline, ...] = ()
    events: tuple[Event, ...] = ()
    custom: tuple[CustomMention, ...] = ()
    reference_date: _dt.date | None = None

    def all(self) -> list[Mention]:
        """Every mention except events, in text order."""
        found: list[Mention] = [
            *self.numbers,
            *self.ordinals,
            *self.dates,
            *self.money,
            *self.distances,
            *self.quantities,
            *self.bylines,
            *self.custom,
        ]
        found.sort(key=lambda m: (m.span.start, m.span.end))
        return found

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.all())

    def by_label(self, label: str) -> list[CustomMention]:
        """The user-pattern mentions with this *label*."""
        return [m for m in self.custom if m.label == label]
