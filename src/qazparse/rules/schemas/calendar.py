"""Schema of ``calendar.toml``: months, weekdays, relative words, units, periods, times of day."""

from ..schema import Check, Table

_WORD = Check(
    str,
    lambda s: s == s.lower() and not s.startswith(" ") and not s.endswith(" "),
    "a calendar word is lower case, without outer spaces",
)
_UNITS = {"minute", "hour", "day", "week", "month", "quarter", "half", "year", "decade", "century"}
_UNIT = Check(str, lambda s: s in _UNITS, f"a unit is one of {sorted(_UNITS)}")
_OFFSET = Check(int, lambda n: -10 <= n <= 10, "an offset is a small integer")
_PARTS = {"start", "middle", "end"}
_ROLES = {"up_to", "at_least", "since", "after", "before", "about", "during"}

SCHEMA = {
    "months": Table(
        {
            "number": Check(int, lambda n: 1 <= n <= 12, "a month number is 1-12"),
            "stem": _WORD,
            "abbreviation": Check(
                str,
                lambda s: s.endswith(".") and s == s.lower(),
                "a CLDR abbreviation is lower case and ends in '.'",
            ),
            "variants?": [_WORD],
            "ambiguous?": bool,
        }
    ),
    "weekdays": Table(
        {
            "number": Check(int, lambda n: 0 <= n <= 6, "a weekday number is 0 (Monday) to 6 (Sunday)"),
            "stem": _WORD,
            "abbreviation": _WORD,
            "ambiguous?": bool,
        }
    ),
    "seasons": Table(
        {
            "stem": _WORD,
            "months": Check(
                [int], lambda m: len(m) == 2 and all(1 <= n <= 12 for n in m), "two months, 1-12"
            ),
            "endings": [Check(str, lambda s: s.isalpha(), "an ending is letters")],
            "bare?": bool,
        }
    ),
    "relative": Table({"words": [_WORD], "unit": _UNIT, "offset": _OFFSET}),
    "modifiers": Table(_OFFSET),
    "span_modifiers": Table(Check(int, lambda n: n in (-1, 1), "a direction is -1 or 1")),
    "vague_modifiers": Table(Check(int, lambda n: n in (-1, 1), "a direction is -1 or 1")),
    "units": Table({"unit": _UNIT, "stems": [_WORD], "counted?": bool, "alone?": bool}),
    "periods": Table([_WORD]),
    "period_ordinals": Table(Check(int, lambda n: n >= 1, "an ordinal is positive")),
    "parts": Table(Check(str, lambda s: s in _PARTS, f"a part is one of {sorted(_PARTS)}")),
    "day_periods": Table({"words": [_WORD], "pm?": bool, "alone?": bool}),
    "postpositions": Table(Check(str, lambda s: s in _ROLES, f"a role is one of {sorted(_ROLES)}")),
}
