"""Properties of money and quantity parsing: round trips, Babel's kk formats as an oracle, invariances."""

from __future__ import annotations

from decimal import Decimal

from babel import numbers as babel_numbers
from hypothesis import given
from hypothesis import strategies as st

from qazparse import (
    Distance,
    Money,
    Quantity,
    default_rules,
    extract,
    parse_distance,
    parse_money,
    parse_quantity,
    quantities,
)
from qazparse.strategies.quantities import (
    QuantityExample,
    amounts,
    distance_phrases,
    inflect,
    money_phrases,
    quantity_phrases,
    render_amount,
)
from qazparse.values import exact

# --- round trips: a drawn phrase reads back as the value it was drawn with ------------------------


@given(money_phrases())
def test_money_round_trip(example: QuantityExample) -> None:
    money = parse_money(example.text)
    assert (money.amount, money.currency, money.qualifier) == (example.value, example.unit, example.qualifier)


@given(distance_phrases())
def test_distance_round_trip(example: QuantityExample) -> None:
    d = parse_distance(example.text)
    assert (d.value, d.unit, d.qualifier) == (example.value, example.unit, example.qualifier)
    factor = next(u["factor"] for u in default_rules().table("units").values() if u["unit"] == d.unit)
    assert d.meters == exact(Decimal(d.value) * factor)


@given(quantity_phrases())
def test_quantity_round_trip(example: QuantityExample) -> None:
    q = parse_quantity(example.text)
    assert (q.value, q.unit, q.dimension, q.qualifier) == (
        example.value,
        example.unit,
        example.dimension,
        example.qualifier,
    )


# --- Babel's CLDR kk currency formats as an independent oracle --------------------------------------

_CURRENCIES = sorted(default_rules().currency_codes())


@given(st.sampled_from(_CURRENCIES), st.integers(0, 10**12), st.integers(0, 99))
def test_babel_kk_currency_format(code: str, whole: int, cents: int) -> None:
    value = Decimal(whole) + Decimal(cents) / 100
    text = babel_numbers.format_currency(value, code, locale="kk")  # "1 234 567,50 ₸", "5,00 KGS"
    money = parse_money(text)
    digits = babel_numbers.get_currency_precision(code)
    assert money.currency == code
    assert money.amount == exact(value.quantize(Decimal(1).scaleb(-digits)))


@given(st.sampled_from(_CURRENCIES), st.integers(1, 999), st.integers(0, 9), st.sampled_from([6, 9, 12]))
def test_babel_kk_compact_currency_format(code: str, whole: int, tenth: int, power: int) -> None:
    value = (Decimal(whole) + Decimal(tenth) / 10) * Decimal(10) ** power
    text = babel_numbers.format_compact_currency(value, code, locale="kk", fraction_digits=1)  # "1,5 млрд $"
    money = parse_money(text)
    assert (money.amount, money.currency) == (exact(value), code)


@given(st.integers(1, 10**9), st.sampled_from(["length-kilometer", "length-meter", "length-centimeter"]))
def test_babel_kk_unit_format(value: int, unit: str) -> None:
    from babel.units import format_unit

    for length in ("long", "short"):
        text = format_unit(value, unit, length=length, locale="kk")  # "5 километр", "5 км"
        d = parse_distance(text)
        assert d.value == value
        assert d.unit == {"length-kilometer": "km", "length-meter": "m", "length-centimeter": "cm"}[unit]


# --- invariances a trivial implementation would fail ------------------------------------------------


@given(money_phrases(), st.sampled_from(["upper", "title", "lower"]))
def test_letter_case_does_not_change_the_value(example: QuantityExample, how: str) -> None:
    text = getattr(example.text, how)()
    money = parse_money(text)
    assert (money.amount, money.currency) == (example.value, example.unit)


@given(
    amounts(max_value=10**9),
    st.sampled_from(["доллар", "теңге", "тонна", "шақырым", "пайыз", "сағат"]),
    st.sampled_from(["nominative", "dative", "ablative", "locative", "genitive", "accusative"]),
)
def test_case_ending_does_not_change_the_value(value: int | Decimal, word: str, case: str) -> None:
    number = render_amount(value, "grouped")
    plain = extract(f"{number} {word}").all()
    inflected = extract(f"{number} {inflect(word, case)}").all()
    assert len(plain) == len(inflected) == 1
    a, b = plain[0], inflected[0]
    assert type(a) is type(b)
    assert getattr(a, "amount", getattr(a, "value", None)) == getattr(b, "amount", getattr(b, "value", None))


_FILLER = st.text(alphabet=st.sampled_from("абвгдеәіңғүұқөһ .,"), max_size=40).map(lambda s: s.strip(" .,"))


@given(st.one_of(money_phrases(), distance_phrases(), quantity_phrases()), _FILLER, _FILLER)
def test_a_mention_in_filler_text_is_found_at_its_offset(example: QuantityExample, left: str, right: str) -> None:
    text = f"{left}. {example.text}. {right}" if left else f"{example.text}. {right}"
    at = text.index(example.text)
    kind = {"money": Money, "distance": Distance, "quantity": Quantity}[example.kind]
    found = [m for m in extract(text).all() if isinstance(m, kind) and m.span.start == at]
    assert len(found) == 1
    m = found[0]
    assert text[m.span.start : m.span.end] == m.span.text
    assert example.text.startswith(m.span.text)
    assert getattr(m, "amount", getattr(m, "value", None)) == example.value


@given(st.text(max_size=200))
def test_never_raises_and_spans_are_sound(text: str) -> None:
    found = extract(text)
    mentions = [*found.money, *found.distances, *found.quantities]
    for m in mentions:
        assert 0 <= m.span.start < m.span.end <= len(text)
        assert text[m.span.start : m.span.end] == m.span.text


@given(st.integers(0, 10**15))
def test_a_bare_number_is_never_money(value: int) -> None:
    text = f"Көрсеткіш {render_amount(value, 'grouped')} болды."
    assert not extract(text).money


# --- the cheap tests that skip most numbers never skip a unit ------------------------------------

_LEX = quantities._lexicon(default_rules())
_UNIT_KEYS = sorted({*_LEX.names, *_LEX.softs, *_LEX.abbreviations})
_SYMBOLS_BEFORE = sorted(_LEX.symbols_before)
_GAPS = st.sampled_from(["", " ", "  ", "   ", "\t", " \t", "    "])
_AFTER = st.text(alphabet="-– \tаеыіғқнлдтсмр%.,a", max_size=6)


@given(_GAPS, st.sampled_from(_UNIT_KEYS), st.sampled_from([" ", "\t", "  "]), _AFTER)
def test_the_cheap_test_never_skips_a_unit_after_a_number(gap: str, key: str, space: str, after: str) -> None:
    text = "5" + gap + key.replace(" ", space) + after
    full = _LEX.after.match(text, 1)  # the full pattern, with no cheap test before it
    found = quantities._unit_after(_LEX, text, 1)
    assert (found is None) == (full is None)
    if full is not None and found is not None:
        assert found[1] == full.end()


@given(st.text(alphabet="$€₸£¥usdkztrb ", max_size=6), st.sampled_from(_SYMBOLS_BEFORE), _GAPS)
def test_the_cheap_test_never_skips_a_symbol_before_a_number(left: str, symbol: str, gap: str) -> None:
    text = left + symbol + gap + "5"
    pos = len(text) - 1
    if _LEX.before.search(text, max(0, pos - 8), pos) is not None:
        assert quantities._symbol_may_end(_LEX, text, pos)
