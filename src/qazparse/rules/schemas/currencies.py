"""Schema of ``currencies.toml``: one entry a currency (or a subunit), keyed by a free id.

``names`` are stems (every case form is matched), ``phrases`` multiword names whose
last word is a stem (``АҚШ доллар`` finds ``АҚШ долларына``), ``symbols`` signs written
before or after the amount (``$``, ``₸``), ``abbreviations`` short written forms that
take hyphenated endings (``тг``).  ``factor`` is the value of one such unit in units of
``code`` (``"0.01"`` for тиын); it defaults to 1.  The ISO code itself is always
accepted as a symbol (``100 USD``).
"""

from decimal import Decimal

from ..schema import Check, Table

_CODE = Check(
    str,
    lambda s: len(s) == 3 and s.isascii() and s.isalpha() and s.isupper(),
    "must be an ISO 4217 code: three upper-case Latin letters",
)
_WORD = Check(str, lambda s: s == s.strip() and "  " not in s, "must have no outer or double spaces")
_FACTOR = Check(Decimal, lambda d: d > 0, "must be a positive number")

SCHEMA = Table(
    {
        "code": _CODE,
        "names": [_WORD],
        "symbols": [_WORD],
        "phrases?": [_WORD],
        "abbreviations?": [_WORD],
        "factor?": _FACTOR,
    }
)
