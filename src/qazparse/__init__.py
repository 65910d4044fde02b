"""qazparse: typed parsers for numbers, dates, money, distances, bylines and events in Kazakh news.

>>> import qazparse
>>> qazparse.parse_number("жүз алпыс сегіз мың тоғыз жүз алпыс").value
168960
>>> qazparse.parse_money("70 миллиард доллардан асатын").qualifier.value
'more_than'
"""

import importlib
from typing import TYPE_CHECKING, Any

from .errors import ParseError, RulesError

# ``extract`` is both a submodule and a function: import it now so the name is the function.
from .extract import explain, extract, extract_events, extract_many
from .values import (
    Byline,
    CustomMention,
    DateMention,
    Distance,
    Entity,
    Event,
    Extraction,
    Grain,
    Money,
    Number,
    Ordinal,
    Qualifier,
    Quantity,
    Span,
)

__version__ = "0.1.0"

# The parsers and their rule data load on first use, so ``import qazparse`` stays fast.
_LAZY = {
    "parse_byline": "bylines",
    "parse_date": "dates",
    "number_to_words": "numerals",
    "parse_number": "numerals",
    "parse_ordinal": "numerals",
    "Element": "patterns",
    "Pattern": "patterns",
    "parse_distance": "quantities",
    "parse_money": "quantities",
    "parse_quantity": "quantities",
    "Rules": "rules",
    "default_rules": "rules",
    "Document": "text",
}

if TYPE_CHECKING:
    from .bylines import parse_byline
    from .dates import parse_date
    from .numerals import number_to_words, parse_number, parse_ordinal
    from .patterns import Element, Pattern
    from .quantities import parse_distance, parse_money, parse_quantity
    from .rules import Rules, default_rules
    from .text import Document


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'qazparse' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

__all__ = [
    "Byline",
    "CustomMention",
    "DateMention",
    "Distance",
    "Document",
    "Element",
    "Entity",
    "Event",
    "Extraction",
    "Grain",
    "Money",
    "Number",
    "Ordinal",
    "ParseError",
    "Pattern",
    "Qualifier",
    "Quantity",
    "Rules",
    "RulesError",
    "Span",
    "__version__",
    "default_rules",
    "explain",
    "extract",
    "extract_events",
    "extract_many",
    "number_to_words",
    "parse_byline",
    "parse_date",
    "parse_distance",
    "parse_money",
    "parse_number",
    "parse_ordinal",
    "parse_quantity",
]
