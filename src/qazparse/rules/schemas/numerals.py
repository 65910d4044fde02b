"""Schema of ``numerals.toml``: numeral words, numeral suffixes, qualifier words."""

from ..schema import Check, Table

_WORD = Check(str, lambda s: s == s.lower() and not s.isspace(), "a word is written in lower case")
_SUFFIX = Check(str, lambda s: s.isalpha() and s == s.lower(), "a suffix is lower-case letters only")
_QUALIFIERS = {"exact", "more_than", "less_than", "at_least", "up_to", "approximately"}
_CASES = {"nominative", "genitive", "dative", "accusative", "locative", "ablative", "instrumental"}

SCHEMA = {
    "cardinals": Table(
        Check(int, lambda n: 0 <= n < 1000, "a cardinal word is worth 0..999"),
        key=str.islower,
        key_message="a cardinal word is written in lower case",
    ),
    "scales": Table(
        Check(int, lambda n: 3 <= n <= 30, "a scale is a power of ten from 3 to 30"),
        key=str.islower,
        key_message="a scale word is written in lower case",
    ),
    "abbreviations": Table(_WORD),
    "variants": Table(
        {"of": _WORD, "before": Check(str, lambda s: s in {"vowel", "collective"}, "before is 'vowel' or 'collective'")}
    ),
    "special": {
        "and_a_half": [_WORD],
        "half": [_WORD],
        "quarter": [_WORD],
        "point": [_WORD],
        "spoken_point": [_WORD],
        "minus": [_WORD],
        "plus": [_WORD],
        "fraction_part?": [_WORD],
        "score?": [_WORD],
    },
    "suffixes": {
        "ordinal": [_SUFFIX],
        "ordinal_digits": [_SUFFIX],
        "collective": [_SUFFIX],
        "approximate": [_SUFFIX],
        "vague": [_SUFFIX],
        "adjectival_digits": [_SUFFIX],
        "particles": [_SUFFIX],
    },
    "not_numerals": {"never": [_WORD], "alone": [_WORD]},
    "roman": {"before": [_WORD]},
    "counters": {"fold": [_WORD], "then": [_WORD]},
    "one": {
        "counted_after": [_WORD],
        "counted_before": [_WORD],
        "article_before": [_WORD],
        "article_after": [_WORD],
        "verb_endings_after": [_SUFFIX],
    },
    "latin?": {"endings": Table([_SUFFIX], key=lambda k: k in _CASES | {"possessive3"}, key_message="a case name")},
    "qualifiers": Table(
        {
            "words": [_WORD],
            "qualifier": Check(str, lambda s: s in _QUALIFIERS, f"qualifier is one of {sorted(_QUALIFIERS)}"),
            "position": Check(str, lambda s: s in {"before", "after"}, "position is 'before' or 'after'"),
            "governs?": Check(str, lambda s: s in _CASES, f"governs is one of {sorted(_CASES)}"),
            "verb?": bool,
            "outside?": bool,
        }
    ),
}
