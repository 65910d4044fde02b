"""Schema of ``bylines.toml``: byline formulas, labels, roles, reporting verbs and name data."""

from ..schema import Check, Table

_ROLES = frozenset(
    {"correspondent", "author", "photo", "source", "editor", "press_service", "video", "reporter", "translator"}
)


def _lower(s: str) -> bool:
    return s == s.lower() and s == s.strip() and "\n" not in s


_WORD = Check(str, _lower, "must be lower case, one line, without outer spaces")
_WORDS = Check([_WORD], lambda v: len(v) > 0, "needs at least one entry")
_ROLE = Check(str, lambda s: s in _ROLES, f"role must be one of: {', '.join(sorted(_ROLES))}")
_LIMIT = Check(int, lambda n: 1 <= n <= 40, "must be between 1 and 40")

SCHEMA = {
    "report": {
        "quotative": _WORDS,
        "verbs": _WORDS,
        "quote_verbs": [_WORD],
        "citing": _WORDS,
        "max_words": _LIMIT,
    },
    "about": {"openers": _WORDS, "verbs": _WORDS, "max_words": _LIMIT},
    "according": {"words": _WORDS, "max_words": _LIMIT},
    "labels": Table(_ROLE, key=_lower, key_message="a label is lower case"),
    "roles": Table(_ROLE, key=_lower, key_message="a role word is lower case"),
    "descriptors": {"words": _WORDS},
    "dateline": {"dashes": _WORDS, "max_city_words": _LIMIT},
    "names": {
        "titles": _WORDS,
        "organizations": _WORDS,
        "patronymic": _WORDS,
        "surname_endings": _WORDS,
        "stop": _WORDS,
        "endings": Table(Table(Check(str, lambda s: set(s) <= set("VNSZTP"), "classes are letters of VNSZTP"))),
    },
    "lookalikes": Table(
        Check(str, lambda s: len(s) == 1, "maps one letter to one letter"),
        key=lambda k: len(k) == 1,
        key_message="maps one letter",
    ),
}
