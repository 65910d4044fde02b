"""Value types: frozen, hashable, exact, JSON-ready."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qazparse import (
    Byline,
    DateMention,
    Distance,
    Entity,
    Event,
    Extraction,
    Grain,
    Money,
    Number,
    Ordinal,
    ParseError,
    Qualifier,
    Quantity,
    RulesError,
    Span,
)
from qazparse.values import EXACT, exact

SPAN = Span(0, 3, "бес")

SAMPLES = [
    Number(5, SPAN),
    Number(Decimal("15.2"), SPAN, Qualifier.MORE_THAN),
    Number(10, SPAN, low=10, high=15),
    Ordinal(1, SPAN),
    Money(Decimal("1234567.5"), "KZT", SPAN),
    Distance(168960, "km", 168960000, SPAN),
    Quantity(Decimal("15.2"), "%", "percent", SPAN, Qualifier.APPROXIMATELY),
    DateMention(Grain.DAY, SPAN, dt.date(2025, 10, 21), dt.date(2025, 10, 21), 2025, 10, 21),
    DateMention(Grain.YEAR, SPAN, relative="year-1"),
    Byline(SPAN, outlet="BAQ.KZ", role="correspondent"),
    Event(
        "visit",
        SPAN,
        SPAN,
        SPAN,
        "visit",
        agent=Entity("Президент", "title", SPAN),
        count=Number(23, SPAN),
        attributes=(("visit_kind", "state"),),
    ),
]


@pytest.mark.parametrize("value", SAMPLES, ids=lambda v: type(v).__name__)
def test_values_are_frozen_and_hashable(value: object) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        value.span = SPAN  # type: ignore[attr-defined]
    assert hash(value) == hash(attrs.evolve(value))  # type: ignore[misc]
    assert not hasattr(value, "__dict__"), "value types are slotted"


@pytest.mark.parametrize("value", SAMPLES, ids=lambda v: type(v).__name__)
def test_to_dict_is_json_ready(value: object) -> None:
    data = value.to_dict()  # type: ignore[attr-defined]
    round_tripped = json.loads(json.dumps(data, ensure_ascii=False))
    assert round_tripped == data
    assert data["span"] == {"start": 0, "end": 3, "text": "бес"}


def test_to_dict_writes_decimals_as_strings_and_dates_as_iso() -> None:
    money = Money(Decimal("1234567.50"), "KZT", SPAN).to_dict()
    assert money["amount"] == "1234567.50"
    assert money["qualifier"] == "exact"
    date = DateMention(Grain.DAY, SPAN, dt.date(2025, 10, 21), dt.date(2025, 10, 21)).to_dict()
    assert date["start"] == "2025-10-21"
    assert date["grain"] == "day"
    assert date["kind"] == "date"


def test_exact_keeps_integers_and_trims_decimals() -> None:
    assert exact(Decimal("1500000.000")) == 1500000
    assert isinstance(exact(Decimal("1500000.000")), int)
    assert exact(Decimal("15.20")) == Decimal("15.2")
    assert str(exact(Decimal("15.20"))) == "15.2"
    with pytest.raises(TypeError):
        exact(True)


def test_extraction_all_is_in_text_order() -> None:
    late = Number(2, Span(10, 11, "2"))
    early = Money(5, "USD", Span(0, 2, "$5"))
    ex = Extraction(numbers=(late,), money=(early,))
    assert ex.all() == [early, late]
    assert list(ex) == [early, late]
    assert json.loads(json.dumps(ex.to_dict()))["numbers"][0]["value"] == 2


def test_span_helpers() -> None:
    a, b = Span(0, 5, "abcde"), Span(4, 8, "efgh")
    assert a.overlaps(b) and b.overlaps(a)
    assert not a.overlaps(Span(5, 6, "f"))
    assert a.contains(Span(1, 3, "bc"))
    assert len(a) == 5


def test_errors_are_value_errors_with_details() -> None:
    err = ParseError("бірақ", 0, "a number")
    assert isinstance(err, ValueError)
    assert (err.text, err.position, err.expected) == ("бірақ", 0, "a number")
    assert "a number" in str(err) and "position 0" in str(err)
    rerr = RulesError("units.toml", "units.km.factor", "must be a number")
    assert isinstance(rerr, ValueError)
    assert "units.toml" in str(rerr) and "units.km.factor" in str(rerr)


def test_errors_pickle() -> None:
    import pickle

    err = pickle.loads(pickle.dumps(ParseError("x", 1, "y")))
    assert (err.text, err.position, err.expected) == ("x", 1, "y")


@given(
    st.integers(min_value=10**27, max_value=10**38),
    st.integers(min_value=1, max_value=10**9),
    st.sampled_from([("млрд", 10**9), ("миллион", 10**6), ("мың", 10**3)]),
)
def test_long_numbers_are_never_rounded(whole: int, frac: int, scale: tuple[str, int]) -> None:
    """Python's default decimal context keeps 28 digits; qazparse must keep them all."""
    from qazparse import extract, parse_money, parse_number

    text = f"{whole},{frac}"
    expected = Decimal(f"{whole}.{frac}")
    assert parse_number(text).value == exact(expected)
    word, factor = scale
    amount = exact(EXACT.multiply(expected, Decimal(factor)))
    assert parse_money(f"{text} {word} теңге").amount == amount
    assert extract(f"Бюджет {text} {word} теңге болды.").money[0].amount == amount


# --- overlap resolution ---------------------------------------------------------------------

_KINDS = [
    lambda span: Number(1, span),
    lambda span: Ordinal(1, span),
    lambda span: Money(Decimal(1), "KZT", span),
    lambda span: Quantity(1, "%", "percent", span),
]


def _greedy(mentions: list[Any]) -> list[Any]:
    """The definition: longest first, then the more specific, then the earlier, then the one
    found first; a mention is kept when it overlaps none kept before it."""
    from qazparse.extract import SPECIFICITY

    ranked = sorted(
        (m for m in mentions if m.span.start < m.span.end),
        key=lambda m: (-(m.span.end - m.span.start), -SPECIFICITY.get(type(m), 0), m.span.start),
    )
    kept: list[Any] = []
    for m in ranked:
        if all(m.span.end <= k.span.start or k.span.end <= m.span.start for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.span.start, m.span.end))


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8), st.integers(0, 3)), max_size=30))
def test_resolve_overlaps_is_the_greedy_ranking(items: list[tuple[int, int, int]]) -> None:
    from qazparse.extract import resolve_overlaps

    mentions = [_KINDS[kind](Span(start, start + size, "x" * size)) for start, size, kind in items]
    assert [id(m) for m in resolve_overlaps(mentions)] == [id(m) for m in _greedy(mentions)]
