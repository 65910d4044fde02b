"""Hypothesis strategies that draw Kazakh phrases together with their known values.

For our own property tests and for users testing code downstream of qazparse:

>>> from hypothesis import given
>>> from qazparse import parse_number
>>> from qazparse.strategies import cardinal_phrases
>>> @given(cardinal_phrases())
... def test_reads_back(phrase):
...     assert parse_number(phrase.text).value == phrase.value

Numerals live in :mod:`qazparse.strategies.numerals`, dates in
:mod:`qazparse.strategies.dates` and money and quantities in
:mod:`qazparse.strategies.quantities`; the main ones are re-exported here.
Importing this module needs ``hypothesis`` (the ``test`` extra).
"""

from .dates import DateCase, absolute_dates, date_formats, relative_dates, render_date
from .numerals import (
    NumeralPhrase,
    cardinal_phrases,
    decimal_words,
    digit_numbers,
    halves,
    mixed,
    numeral_phrases,
    ordinal_phrases,
    with_ending,
    with_qualifier,
    words,
)
from .quantities import QuantityExample, amounts, distance_phrases, money_phrases, quantity_phrases

__all__ = [
    "DateCase",
    "NumeralPhrase",
    "QuantityExample",
    "absolute_dates",
    "amounts",
    "cardinal_phrases",
    "date_formats",
    "decimal_words",
    "digit_numbers",
    "distance_phrases",
    "halves",
    "mixed",
    "money_phrases",
    "numeral_phrases",
    "ordinal_phrases",
    "quantity_phrases",
    "relative_dates",
    "render_date",
    "with_ending",
    "with_qualifier",
    "words",
]
