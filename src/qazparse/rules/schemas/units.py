"""Schema of ``units.toml``: one entry a unit of measure, keyed by a free id.

``unit`` is the symbol reported in values (``km``, ``%``, ``t``), ``dimension`` what it
measures (``distance`` makes a ``Distance``; anything else a ``Quantity``), ``factor``
the size of one unit in the dimension's base unit (metres for distance, kilograms for
mass, square metres for area, litres for volume, seconds for duration), written as a
decimal string.  ``names`` are stems (every case form is matched), ``phrases``
multiword names whose last word is a stem (``шаршы метр``), ``abbreviations`` short
forms that take hyphenated endings (``км-ге``), ``symbols`` signs that may stand right
after the digits (``%``, ``°C``).  ``rate`` marks units that, in the possessive dative
before an amount, mean "per" (``сағатына 80 шақырым`` is 80 km per hour).
``year_dates`` marks the year word: after a calendar year (``2025 жылы``) it makes a date,
not a duration.  ``adjectival = false`` refuses the ``-лық`` form as a quantity
(``бір реттік`` is "one-off", not a count).  ``sign_after`` maps a word written after
the amount to a sign (``градус суық`` is below zero).  ``postpositions`` are words after
the unit that belong to the phrase and join its span (``үш жыл бойы``, ``екі айдың ішінде``).
``bare = false`` refuses the name with no ending unless one of its postpositions follows
(``он бес жас`` is "fifteen young people", ``он бес жаста`` "at fifteen").
``refused_endings`` names morphology groups whose endings make the word something else
(``жастар`` is "young people").  ``whole`` lists postpositions after which the unit word
with no number is a length of one unit (``тәулік бойы`` "round the clock", ``күні бойы``
"all day long").
"""

from decimal import Decimal

from ..schema import Check, Table

_WORD = Check(str, lambda s: s == s.strip() and "  " not in s, "must have no outer or double spaces")
_NAME = Check(
    str,
    lambda s: s.isascii() and s.replace("_", "").isalnum() and s == s.lower(),
    "must be lower-case ASCII letters, digits or _",
)
_FACTOR = Check(Decimal, lambda d: d > 0, "must be a positive number")
_SIGN = Check(int, lambda n: n in (-1, 1), "must be 1 or -1")

SCHEMA = Table(
    {
        "unit": _WORD,
        "dimension": _NAME,
        "factor": _FACTOR,
        "names": [_WORD],
        "abbreviations": [_WORD],
        "phrases?": [_WORD],
        "symbols?": [_WORD],
        "rate?": bool,
        "year_dates?": bool,
        "adjectival?": bool,
        "sign_after?": Table(_SIGN),
        "postpositions?": [_WORD],
        "bare?": bool,
        "refused_endings?": [_NAME],
        "whole?": [_WORD],
    }
)
