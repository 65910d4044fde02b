"""Schema of ``event_grammar.toml``: verb endings, modality cues, clause words, sound classes."""

from ..schema import Check, Table

_MORPH = Check(str, lambda s: s.isalpha() and s == s.lower(), "an ending is lower-case letters only")
_WORD = Check(
    str,
    lambda s: s == s.lower() and s.replace("*", "").replace("-", "").isalpha(),
    "a cue word is lower-case letters, with an optional trailing *",
)
_LETTERS = Check(str, lambda s: s.isalpha() and s == s.lower(), "a sound class is a string of lower-case letters")
_CLASSES = frozenset({"V", "N", "S", "Z", "T"})

SCHEMA = {
    "verb": {
        "voice": [_MORPH],
        "negation": [_MORPH],
        "finite": [_MORPH],
        "person": [_MORPH],
        "converb": [_MORPH],
        "nominal": [_MORPH],
        "verbal_noun": [_MORPH],
        "participle": [_MORPH],
    },
    "modality": {
        "planned_forms": [_MORPH],
        "possible_forms": [_MORPH],
        "planned_after": [_WORD],
        "possible_after": [_WORD],
        "negated_after": [_WORD],
        "planned_before": [_WORD],
        "window": Check(int, lambda n: 0 < n <= 10, "the window is 1 to 10 words"),
    },
    "clause": {
        "demonstratives": [_WORD],
        "function_words": [_WORD],
        "postpositions": [_WORD],
        "conjunctions": [_WORD],
        "controllers": [_WORD],
        "reflexive": [_WORD],
        "place_nouns": [_WORD],
        "name_links": [_WORD],
        "not_names": [_WORD],
        "surname_endings": [_WORD],
    },
    "sounds": {
        "vowels": _LETTERS,
        "nasals": _LETTERS,
        "voiced": _LETTERS,
        "voiceless": _LETTERS,
        "back_vowels": _LETTERS,
        "front_vowels": _LETTERS,
        "after": Table(
            [Check(str, lambda c: c in _CLASSES, "a sound class is one of V, N, S, Z, T")],
            key=lambda k: len(k) == 1,
            key_message="the key is the first letter of a case ending",
        ),
    },
}
