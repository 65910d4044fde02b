"""qazparse: typed parsers for numbers, dates, money, distances, bylines and events in Kazakh news.

>>> import qazparse
>>> qazparse.parse_number("жүз алпыс сегіз мың тоғыз жүз алпыс").value
168960
>>> qazparse.parse_money("70 миллиард доллардан асатын").qualifier.value
'more_than'
"""

from .bylines import parse_byline
from .dates import parse_date
from .errors import ParseError, RulesError
from .extract import explain, extract, extract_events, extract_many
from .numerals import number_to_words, parse_number, parse_ordinal
from .patterns import Element, Pattern
from .quantities import parse_distance, parse_money, parse_quantity
from .rules import Rules, default_rules
from .text import Document
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
