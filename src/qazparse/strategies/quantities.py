"""Hypothesis strategies: Kazakh money and quantity phrases drawn with their known values.

Each strategy draws a :class:`QuantityExample`: the phrase and what a parser must read
from it (kind, value, unit or currency, dimension, qualifier).  The amount is written in
digits (``1 234 567,5``), in words (``жүз алпыс сегіз мың``) or with a scale word
(``1,5 млрд``); the unit word takes a case ending chosen by vowel harmony and the final
sound (KAZAKH.md §2.1-2.2; :func:`qazparse.morphology.inflect`, re-exported here as
:func:`inflect`); a qualifier word may stand before the number or after the unit, in the
case it governs (``доллардан астам``, ``теңгеге дейін``, ``тоннадай``).

>>> from hypothesis import given
>>> @given(money_phrases())
... def test(example):
...     assert parse_money(example.text).amount == example.value
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from ..morphology import inflect
from ..numerals import number_to_words
from ..rules import Rules, default_rules
from ..values import Qualifier, Value, exact

__all__ = [
    "QuantityExample",
    "amounts",
    "distance_phrases",
    "inflect",
    "money_phrases",
    "quantity_phrases",
    "render_amount",
]

@attrs.frozen
class QuantityExample:
    """A drawn phrase and the value it must parse to.

    Attributes:
        text: the phrase (``70 миллиард доллардан астам``).
        kind: ``money``, ``distance`` or ``quantity``.
        value: the amount (in ``unit`` units; for money, in units of the currency code).
        unit: the ISO code (money) or the unit symbol.
        dimension: ``money``, ``distance``, ``percent``, ``mass``, ...
        qualifier: the expected qualifier.
    """

    text: str
    kind: str
    value: Value
    unit: str
    dimension: str
    qualifier: Qualifier = Qualifier.EXACT


# --- amounts ---------------------------------------------------------------------------------


def amounts(*, max_value: int = 10**12, places: int = 2) -> st.SearchStrategy[Value]:
    """Positive exact amounts: ints up to *max_value*, or Decimals with up to *places* decimals.

    >>> from hypothesis import given
    >>> @given(amounts())
    ... def test(value):
    ...     assert value > 0
    >>> test()
    """
    ints = st.integers(1, max_value)
    decimals = st.builds(
        lambda whole, frac, p: exact(Decimal(whole) + Decimal(frac) / (10**p)),
        st.integers(0, min(max_value, 10**6)),
        st.integers(1, 99),
        st.integers(2, max(2, places)),
    )
    return st.one_of(ints, decimals)


def _group(digits: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return " ".join(groups)


def render_amount(value: Value, style: str) -> str:
    """Write an exact amount as Kazakh text.

    Styles: ``digits`` (``1234567,5``), ``grouped`` (``1 234 567,5``), ``words``
    (``бір миллион ...``), ``scaled`` (``1,5 млрд`` when the value allows it, else grouped).

    >>> render_amount(Decimal("1500000000"), "scaled"), render_amount(168960, "grouped")
    ('1,5 млрд', '168 960')
    """
    value = exact(value)
    if style == "words":
        return number_to_words(value)
    if style == "scaled":
        for power, word in ((12, "трлн"), (9, "млрд"), (6, "млн"), (3, "мың")):
            scaled = exact(Decimal(value) / (10**power))
            if scaled >= 1 and (isinstance(scaled, int) or scaled == scaled.quantize(Decimal("0.01"))):
                return f"{render_amount(scaled, 'digits')} {word}"
        style = "grouped"
    whole, _, frac = f"{Decimal(value):f}".partition(".")
    if style == "grouped":
        whole = _group(whole)
    return whole + ("," + frac if frac else "")


# --- phrases ---------------------------------------------------------------------------------

# (qualifier, word, case the unit must take, position)
_AFTER = (
    (Qualifier.MORE_THAN, "астам", "ablative"),
    (Qualifier.MORE_THAN, "асатын", "ablative"),
    (Qualifier.UP_TO, "дейін", "dative"),
    (Qualifier.APPROXIMATELY, "жуық", "dative"),
)
_BEFORE = ((Qualifier.APPROXIMATELY, "шамамен"), (Qualifier.AT_LEAST, "кем дегенде"))


@st.composite
def _phrase(
    draw: Any,
    entries: list[tuple[str, str, Decimal, str, str]],
    kind: str,
    max_value: int,
    refused: dict[str, frozenset[str]] | None = None,
) -> QuantityExample:
    word, unit, factor, dimension, key = draw(st.sampled_from(entries))
    not_cases = (refused or {}).get(key, frozenset())
    value = draw(amounts(max_value=max_value))
    style = draw(st.sampled_from(("digits", "grouped", "words", "scaled")))
    if style == "words" and not isinstance(value, int):
        style = "grouped"
    number = render_amount(value, style)
    qualifier = Qualifier.EXACT
    prefix = ""
    how = draw(st.sampled_from(("case", "case", "after", "before", "approx")))
    if how == "after" and not {case for _, _, case in _AFTER} <= not_cases:
        qualifier, tail, case = draw(st.sampled_from([a for a in _AFTER if a[2] not in not_cases]))
        unit_text = f"{inflect(word, case)} {tail}"
    elif how == "approx" and not word.endswith("ь"):
        qualifier = Qualifier.APPROXIMATELY
        unit_text = inflect(word, "approximative")
    else:
        all_cases = ("nominative", "dative", "ablative", "locative", "genitive", "accusative")
        case = draw(st.sampled_from([c for c in all_cases if c not in not_cases]))
        unit_text = inflect(word, case)
        if how == "before":
            qualifier, prefix = draw(st.sampled_from(_BEFORE))
            prefix += " "
    expected = exact(Decimal(value) * factor) if kind == "money" else value
    return QuantityExample(f"{prefix}{number} {unit_text}", kind, expected, unit, dimension, qualifier)


def _words(rules: Rules, table: str) -> list[tuple[str, str, Decimal, str, str]]:
    out = []
    for key, entry in sorted(rules.table(table).items()):
        names = [n.lower() for n in entry["names"]]
        for name in names:
            # skip multiword names, very short stems, spelling helpers (киловат for киловатт+тық), and
            # Latin-script names (teńge): the endings written here are Cyrillic
            if " " in name or "-" in name or len(name) < 3 or any(o != name and o.startswith(name) for o in names):
                continue
            if not all("\u0400" <= ch <= "\u04ff" for ch in name):
                continue
            if table == "currencies":
                out.append((name.lower(), entry["code"], entry.get("factor", Decimal(1)), "money", key))
            else:
                out.append((name.lower(), entry["unit"], entry["factor"], entry["dimension"], key))
    return out


def money_phrases(rules: Rules | None = None, *, max_value: int = 10**12) -> st.SearchStrategy[QuantityExample]:
    """Money phrases (every currency name of *rules*, any case, qualifiers) with their amounts.

    ``value`` is in units of the ISO code: ``5 тиын`` is ``Decimal('0.05')`` KZT.
    """
    entries = _words(rules or default_rules(), "currencies")
    return _phrase(entries, "money", max_value)


def distance_phrases(rules: Rules | None = None, *, max_value: int = 10**9) -> st.SearchStrategy[QuantityExample]:
    """Distance phrases (``168 960 шақырым``, ``он бес метрге``) with their values."""
    entries = [e for e in _words(rules or default_rules(), "units") if e[3] == "distance"]
    return _phrase(entries, "distance", max_value)


def quantity_phrases(rules: Rules | None = None, *, max_value: int = 10**9) -> st.SearchStrategy[QuantityExample]:
    """Other quantities (percent, mass, area, volume, duration, counts, ...) with their values.

    Durations never use a calendar-year number before ``жыл`` (that is a date).  A unit whose
    bare form is another word (``bare = false``: ``он бес жас`` is "fifteen young people") is
    drawn only with an ending, and never with its ``refused_endings`` (``жастың``).
    """
    table = (rules or default_rules()).table("units")
    entries = [
        e
        for e in _words(rules or default_rules(), "units")
        if e[3] != "distance" and not table[e[4]].get("year_dates", False)
    ]
    refused = {
        key: frozenset(entry.get("refused_endings", ())) | ({"nominative"} if not entry.get("bare", True) else set())
        for key, entry in table.items()
    }
    return _phrase(entries, "quantity", max_value, refused)
